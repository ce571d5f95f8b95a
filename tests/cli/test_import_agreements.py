"""``brokerdesk import agreements FILE``: a spreadsheet of agreements matched to partners,
kinds and dates read as the team types them, and a second run skipping what is there."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from brokerdesk.cli import main
from brokerdesk.core.db import open_database
from brokerdesk.core.models import Agreement
from brokerdesk.core.services import Services


@pytest.fixture
def with_partner(db_path: Path) -> Path:
    database = open_database(db_path, user_name="tester")
    Services(database).partners.create({"name": "Open Book Trust"})
    database.dispose()
    return db_path


def test_import_agreements_from_a_sheet(
    with_partner: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "agreements.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                [
                    "Agreement",
                    "Partner",
                    "Type",
                    "Start date",
                    "End date",
                    "Renewal date",
                    "Notice",
                    "Value (£)",
                    "Owner",
                    "Currency",
                ],
                [
                    "Reading MoU",
                    "open book trust",
                    "MoU",
                    "01/04/2025",
                    "31/03/2027",
                    "01/01/2027",
                    "28/02/2027",
                    "£12,000",
                    "Priya Shah",
                    "",
                ],
                [
                    "Data sharing",
                    "Open Book Trust",
                    "data sharing",
                    "2026-01-01",
                    "2026-12-31",
                    "",
                    "",
                    "",
                    "",
                    "eur",
                ],
                ["Licence", "Nobody Ltd", "Licence", "", "", "", "", "", "", ""],
            ]
        )
    args = ["import", "agreements", str(sheet), "--db", str(with_partner)]
    assert main(args) == 1  # a partner nobody knows: nothing written
    assert "'Nobody Ltd': there is no partner" in capsys.readouterr().err
    assert main([*args, "--skip-invalid", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["created"], report["refused"]) == (2, 1)
    database = open_database(with_partner, create=False)
    try:
        with database.read() as session:
            made = {a.title: a for a in session.scalars(select(Agreement))}
    finally:
        database.dispose()
    mou = made["Reading MoU"]
    assert (mou.kind, mou.status, mou.currency, int(mou.value or 0)) == (
        "mou",
        "active",
        "GBP",
        12000,
    )
    assert (mou.renewal_date, mou.notice_date) == (dt.date(2027, 1, 1), dt.date(2027, 2, 28))
    assert (made["Data sharing"].kind, made["Data sharing"].currency) == ("data_sharing", "EUR")
    assert main([*args, "--skip-invalid", "--json"]) == 0  # again: both there already
    again = json.loads(capsys.readouterr().out)
    assert (again["created"], again["skipped"]) == (0, 2)
