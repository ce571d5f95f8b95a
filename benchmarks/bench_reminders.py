"""Reminders (Today, ``brokerdesk reminders``) at synthetic scale: the service against its floor.

Run: ``.venv/bin/python benchmarks/bench_reminders.py [--scale 1] [--repeat 20]``.

The service is ``core.reminders.reminders(db, today)``: every source, sorted. The floor is the
raw statements the sources cannot do without, on the same connection pool and in the same
run: the open follow-ups' ids by their indexed due date, the agreements with a renewal or end
date in the window, the open deliverables, and the dashboard's own contact-health query
(``core.health.partner_health``, which the cadence source reuses). Goal: the service within
2x the floor at p95, and under 250 ms (Today rebuilds after every change).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import or_, select

from benchmarks.common import percentile, scale_database, summary, time_calls
from brokerdesk.core import clock, health
from brokerdesk.core.db import Database
from brokerdesk.core.models import Agreement, Deliverable, Interaction
from brokerdesk.core.reminders import HORIZON_DAYS, SOURCES, reminders


def floor(db: Database, today: dt.date) -> None:
    until = today + dt.timedelta(days=HORIZON_DAYS)
    with db.read() as session:
        session.execute(
            select(Interaction.id, Interaction.follow_up_due).where(
                Interaction.follow_up_due <= until
            )
        ).all()
        session.execute(
            select(Agreement.id).where(
                or_(Agreement.renewal_date <= until, Agreement.end_date.between(today, until))
            )
        ).all()
        session.execute(
            select(Deliverable.id).where(Deliverable.done_on.is_(None), Deliverable.due_on <= until)
        ).all()
    health.partner_health(db, today)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    db = scale_database(args.scale)
    today = clock.today()
    try:
        found = reminders(db, today)
        print(f"{len(found):,} reminders on {today}:", end=" ")
        print(", ".join(f"{s.__name__} {len(s(db, today, HORIZON_DAYS)):,}" for s in SOURCES))
        service = time_calls(lambda: reminders(db, today), args.repeat)
        raw = time_calls(lambda: floor(db, today), args.repeat)
    finally:
        db.dispose()
    print(summary("reminders()", service))
    print(summary("floor", raw))
    ratio = percentile(service, 95) / percentile(raw, 95)
    met = ratio <= 2 and percentile(service, 95) < 0.25
    verdict = "met" if met else "NOT met"
    print(f"p95 ratio {ratio:.2f}x the floor; goal (<= 2x and < 250 ms): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
