"""The demo's series: the Summer Reading Challenge, three yearly rounds with their figures.

Two rounds are over (the year before last and last year) and this year's is live, each a
year after the other, all relative to the day the demo is built for. Services come and go
between rounds, so the series page has new and lapsed services to show, and each round
counts people reached, books issued and volunteers. This year's round runs only where a live
Reading programme already runs, so the dashboard's coverage keeps the shape the demo tests
expect.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from brokerdesk.core.models import (
    MeasureValue,
    Participation,
    Programme,
    ProgrammeMeasure,
    ProgrammePartner,
    ProgrammeRound,
    Series,
)

if TYPE_CHECKING:
    from brokerdesk.core.demo import DemoReport, _Builder

SERIES = "Summer Reading Challenge"
LEAD, FUNDER = "Story Trail Trust", "Greenleaf Community Foundation"
MEASURES = (("People reached", "people"), ("Books issued", "books"), ("Volunteers", "volunteers"))
SIZES = (38, 46, 52)  # services per round: it grows, as the board likes to see


def _live_reading_services(b: _Builder) -> list[int]:
    """Member services a live Reading programme already counts (signed up or active)."""
    return sorted(
        set(
            b.s.scalars(
                select(Participation.service_id)
                .join(Programme, Programme.id == Participation.programme_id)
                .where(
                    Programme.offer_area_id == b.areas["reading"],
                    Programme.status == "live",
                    Participation.stage.in_(("signed_up", "active")),
                    Participation.service_id.in_(b.members),
                )
            )
        )
    )


def summer_reading(b: _Builder, report: DemoReport) -> None:
    """Add the series, its three rounds, their partners, services, measures and figures."""
    rng = random.Random(19)  # its own, so the rest of the demo is drawn as before
    [series_id] = b._insert(
        Series,
        [
            {
                "name": SERIES,
                "description": "The summer holiday reading challenge, run every year with "
                "Story Trail Trust in libraries across the UK.",
                "version_id": 1,
            }
        ],
    )
    this_start = b.today - dt.timedelta(days=30)
    live = _live_reading_services(b)
    pool = [m for m in b.members if m not in live]
    current = sorted(rng.sample(live, min(SIZES[2], len(live))))
    last = sorted(
        set(rng.sample(current, len(current) * 3 // 4)) | set(rng.sample(pool, SIZES[1] // 4))
    )
    first = sorted(set(rng.sample(last, len(last) * 2 // 3)) | set(rng.sample(pool, SIZES[0] // 3)))
    rounds = ((2, first, "completed"), (1, last, "completed"), (0, current, "live"))
    for years_ago, services, status in rounds:
        start = this_start.replace(year=this_start.year - years_ago)
        end = start + dt.timedelta(days=90)
        [pid] = b._insert(
            Programme,
            [
                {
                    "name": f"{SERIES} {start.year}",
                    "offer_area_id": b.areas["reading"],
                    "status": status,
                    "start_date": start,
                    "end_date": end,
                    "description": "Children read six library books over the summer.",
                    "target_services": SIZES[2 - years_ago] + 4,
                    "version_id": 1,
                }
            ],
        )
        b.s.execute(
            insert(ProgrammeRound),
            [{"programme_id": pid, "series_id": series_id, "label": str(start.year)}],
        )
        b.s.execute(
            insert(ProgrammePartner),
            [
                {"programme_id": pid, "partner_id": b.partner_ids[LEAD], "role": "lead"}
                | {"version_id": 1},
                {"programme_id": pid, "partner_id": b.partner_ids[FUNDER], "role": "funder"}
                | {"version_id": 1},
            ],
        )
        measure_ids = b._insert(
            ProgrammeMeasure,
            [
                {"programme_id": pid, "name": n, "unit": u, "sort_order": i, "version_id": 1}
                for i, (n, u) in enumerate(MEASURES)
            ],
        )
        rows = [_participation(rng, pid, sid, status, start, end) for sid in services]
        ids = b._insert(Participation, rows)
        b.s.execute(insert(MeasureValue), _figures(rng, ids, rows, measure_ids, years_ago))
        report.programmes += 1
        report.participations += len(rows)


def _participation(
    rng: random.Random, pid: int, sid: int, status: str, start: dt.date, end: dt.date
) -> dict[str, Any]:
    if status == "live":
        stage = rng.choice(("signed_up", "active", "active", "active"))
    else:
        stage = rng.choice(("completed",) * 9 + ("withdrawn",))
    return {
        "programme_id": pid,
        "service_id": sid,
        "stage": stage,
        "start_date": start,
        "end_date": end if stage in ("completed", "withdrawn") else None,
        "version_id": 1,
    }


def _figures(
    rng: random.Random,
    ids: list[int],
    rows: list[dict[str, Any]],
    measure_ids: list[int],
    years_ago: int,
) -> list[dict[str, Any]]:
    """People reached, books issued and volunteers for each service that ran the round
    (this year's only for those under way, and smaller: it is half over)."""
    people, books, volunteers = measure_ids
    share = 0.5 if years_ago == 0 else 1.0
    values = []
    for pid, row in zip(ids, rows, strict=True):
        if row["stage"] not in ("completed", "active"):
            continue
        reached = int(rng.randint(150, 1400) * share * (1 + 0.08 * (2 - years_ago)))
        values += [
            {"participation_id": pid, "measure_id": people, "value": reached},
            {"participation_id": pid, "measure_id": books, "value": reached * rng.randint(3, 6)},
            {"participation_id": pid, "measure_id": volunteers, "value": rng.randint(1, 12)},
        ]
    return values


def digital_week(b: _Builder, report: DemoReport) -> None:
    """A smaller series: Get Online Week, last autumn's round done and this autumn's being
    agreed (services invited or interested, so no coverage changes)."""
    rng = random.Random(20)
    [series_id] = b._insert(
        Series,
        [
            {
                "name": "Get Online Week",
                "description": "A week of digital skills taster sessions every October.",
                "version_id": 1,
            }
        ],
    )
    this_year = b.today.year if b.today.month < 10 else b.today.year + 1
    last = sorted(rng.sample(b.members, 14))
    current = sorted(set(rng.sample(last, 9)) | set(rng.sample(b.members, 5)))
    for year, services, status in (
        (this_year - 1, last, "completed"),
        (this_year, current, "negotiating"),
    ):
        start = dt.date(year, 10, 6)
        [pid] = b._insert(
            Programme,
            [
                {
                    "name": f"Get Online Week {year}",
                    "offer_area_id": b.areas["information_digital"],
                    "status": status,
                    "start_date": start,
                    "end_date": start + dt.timedelta(days=6),
                    "target_services": 15,
                    "version_id": 1,
                }
            ],
        )
        b.s.execute(
            insert(ProgrammeRound),
            [{"programme_id": pid, "series_id": series_id, "label": str(year)}],
        )
        b.s.execute(
            insert(ProgrammePartner),
            [
                {
                    "programme_id": pid,
                    "partner_id": b.partner_ids["Digital Bridges Foundation"],
                    "role": "lead",
                    "version_id": 1,
                }
            ],
        )
        [sessions] = b._insert(
            ProgrammeMeasure,
            [
                {
                    "programme_id": pid,
                    "name": "Taster sessions",
                    "unit": "sessions",
                    "sort_order": 0,
                    "version_id": 1,
                }
            ],
        )
        rows = [
            {
                "programme_id": pid,
                "service_id": sid,
                "stage": "completed"
                if status == "completed"
                else rng.choice(("invited", "interested")),
                "start_date": start,
                "version_id": 1,
            }
            for sid in services
        ]
        ids = b._insert(Participation, rows)
        if status == "completed":
            b.s.execute(
                insert(MeasureValue),
                [
                    {"participation_id": i, "measure_id": sessions, "value": rng.randint(2, 9)}
                    for i in ids
                ],
            )
        report.programmes += 1
        report.participations += len(rows)
