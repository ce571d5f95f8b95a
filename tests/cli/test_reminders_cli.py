"""``brokerdesk reminders`` as a user runs it: grouped text, JSON for scripts, an .ics file."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from tests import cli_process
from tests.builders.small_world import World

pytestmark = pytest.mark.date_sensitive

REPO = Path(__file__).resolve().parents[2]


def brokerdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return cli_process.brokerdesk(*args, cwd=REPO, timeout=60)


def _due(db: Database, world: World) -> None:
    services = Services(db)
    today = clock.today()
    funder = services.partners.create(
        {"name": "Lantern Arts Fund", "status": "active", "partner_type": "funder"}
    ).id
    services.interactions.create(
        {
            "partner_id": funder,
            "occurred_on": today - dt.timedelta(days=5),
            "subject": "Send the report",
            "follow_up_on": today - dt.timedelta(days=2),
        }
    )
    grant = services.grants.create({"title": "Arts grant", "partner_id": funder}).id
    services.deliverables.create(
        {"grant_id": grant, "title": "Interim report", "due_on": today + dt.timedelta(days=20)}
    )


def test_text_groups_json_and_calendar(
    db: Database, world: World, db_path: Path, tmp_path: Path
) -> None:
    _due(db, world)
    done = brokerdesk("reminders", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "Overdue (1)\n" in done.stdout
    assert "Follow up: Send the report — Lantern Arts Fund [2 days overdue]" in done.stdout
    assert "Next 60 days (1)\n" in done.stdout
    assert "Report due: Interim report — Arts grant (Lantern Arts Fund) [in 20 days]" in done.stdout

    short = brokerdesk("reminders", "--db", str(db_path), "--days", "7", "--json")
    assert short.returncode == 0, short.stderr
    data = json.loads(short.stdout)
    assert data["today"] == clock.today().isoformat()
    assert [(r["kind"], r["group"], r["days_overdue"]) for r in data["reminders"]] == [
        ("follow_up", "overdue", 2)
    ]

    ics = tmp_path / "calendar.ics"
    written = brokerdesk("reminders", "--db", str(db_path), "--ics", str(ics))
    assert written.returncode == 0, written.stderr
    assert f"Wrote 2 calendar events to {ics}." in written.stdout
    summaries = sorted(
        str(e["summary"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    )
    assert summaries == [
        "Follow up: Send the report (Lantern Arts Fund)",
        "Report due: Interim report (Arts grant (Lantern Arts Fund))",
    ]


def test_a_bad_number_of_days_is_a_usage_error(db: Database, db_path: Path) -> None:
    done = brokerdesk("reminders", "--db", str(db_path), "--days", "soon")
    assert done.returncode == 2
    assert "'soon' is not a whole number of days" in done.stderr
