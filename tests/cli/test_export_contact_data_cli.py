"""``brokerdesk export contact-data`` as a user runs it, on SQLite and PostgreSQL: the file
read back against the database, exit codes, and no file written over without --force."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from tests import cli_process

pytestmark = pytest.mark.both_backends


def _address(db: Database) -> str:
    return str(db.path) if db.is_sqlite else db.url.render_as_string(hide_password=False)


def _siân(db: Database) -> int:
    s = Services(db)
    wales = s.partners.create({"name": "Darllen Cymru"}).id
    sian = s.contacts.create(
        {"full_name": "Siân Llŷr", "email": "sian.llyr@readingwales.org.uk", "partner_id": wales}
    ).id
    for day, subject in ((3, "Cytundeb"), (9, "Gwerthusiad")):
        s.interactions.create(
            {
                "subject": subject,
                "occurred_on": dt.date(2026, 6, day),
                "partner_id": wales,
                "contact_id": sian,
            }
        )
    return sian


def test_exports_a_contacts_data_as_json_and_xlsx(db: Database, tmp_path: Path) -> None:
    sian = _siân(db)
    target = tmp_path / "sian.json"
    args = ["export", "contact-data", str(sian), "-o", str(target), "--db", _address(db)]
    done = cli_process.brokerdesk(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Wrote everything held about Siân Llŷr to {target}. ")
    assert "Interactions they are on: 2;" in done.stdout
    data = json.loads(target.read_text(encoding="utf-8"))
    with db.engine.connect() as conn:
        subjects = conn.execute(
            text("SELECT subject FROM interaction WHERE contact_id = :i ORDER BY occurred_on"),
            {"i": sian},
        ).scalars()
        assert [i["Subject"] for i in data["Interactions"]] == list(subjects)
    assert {r["Field"]: r["Value"] for r in data["Person"]}["Name"] == "Siân Llŷr"

    again = cli_process.brokerdesk(*args)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert "Traceback" not in again.stderr

    workbook = tmp_path / "sian.xlsx"
    as_xlsx = cli_process.brokerdesk(
        "export", "contact-data", str(sian), "-o", str(workbook), "--db", _address(db), "--json"
    )
    assert as_xlsx.returncode == 0, as_xlsx.stderr
    report = json.loads(as_xlsx.stdout)
    assert report["format"] == "xlsx" and report["Interactions"] == 2
    rows = list(load_workbook(workbook)["Interactions"].iter_rows(values_only=True))
    assert [r[2] for r in rows[1:]] == ["Cytundeb", "Gwerthusiad"]


def test_an_unknown_contact_is_refused_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "nobody.xlsx"
    result = cli_process.brokerdesk(
        "export", "contact-data", "987654", "-o", str(target), "--db", _address(db)
    )
    assert result.returncode == 1
    assert "#987654 no longer exists" in result.stderr and not target.exists()
    usage = cli_process.brokerdesk("export", "contact-data", "sian", "-o", str(target))
    assert usage.returncode == 2
