"""``brokerdesk import`` as a script uses it: exit codes, reasons, --json, nothing half-written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from brokerdesk.cli import main
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.models import Participation, Partner
from brokerdesk.core.services import Services
from tests.core.importing.reference import load_reference


@pytest.fixture
def ready_db(db_path: Path, shared_data: Path) -> Path:
    database = open_database(db_path, user_name="tester")
    load_reference(database, shared_data)
    s = Services(database)
    s.programmes.create({"name": "Audio Stories", "offer_area_id": s.offer_areas.all()[0]["id"]})
    database.dispose()
    return db_path


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _count(db_path: Path, model: type) -> int:
    database: Database = open_database(db_path, create=False)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        database.dispose()


def test_uncertain_match_refuses_the_file_then_accept_best_imports_it(
    ready_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _csv(tmp_path / "s.csv", [["Authority"], ["Bristol Libraries"], ["Nottinghmshre"]])
    args = [
        "import",
        "participations",
        str(sheet),
        "--db",
        str(ready_db),
        "--programme",
        "audio stories",
        "--stage",
        "interested",
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "row 3" in err and "Nottinghamshire (E10000024)" in err
    assert _count(ready_db, Participation) == 0
    assert main([*args, "--accept-best", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["created"] == 2 and summary["written"] is True
    assert _count(ready_db, Participation) == 2


def test_many_refused_rows_print_twenty_then_a_count(
    ready_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["Name", "Status"]] + [[f"Partner {i}", "sleepy"] for i in range(30)]
    sheet = _csv(tmp_path / "p.csv", rows)
    assert main(["import", "partners", str(sheet), "--db", str(ready_db)]) == 1
    err = capsys.readouterr().err
    assert err.count("is not one of") == 20 and "and 10 more" in err
    assert _count(ready_db, Partner) == 0


def test_dry_run_mapping_file_and_skip_invalid(
    ready_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _csv(tmp_path / "p.csv", [["Org", "Kind"], ["BookTrust", "charity"], ["", "company"]])
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"Org": "name", "Kind": "partner_type"}), encoding="utf-8")
    base = ["import", "partners", str(sheet), "--db", str(ready_db), "--mapping", str(mapping)]
    assert main([*base, "--dry-run", "--skip-invalid"]) == 0
    assert "Would import 2 rows: 1 created" in capsys.readouterr().out
    assert _count(ready_db, Partner) == 0
    report = tmp_path / "refused.csv"
    assert main([*base, "--skip-invalid", "--refused-report", str(report)]) == 0
    assert _count(ready_db, Partner) == 1
    assert "Name is required" in report.read_text(encoding="utf-8-sig")


def test_unreadable_file_and_bad_mapping_are_sentences(
    ready_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 10)
    assert main(["import", "partners", str(junk), "--db", str(ready_db)]) == 1
    assert "not a spreadsheet" in capsys.readouterr().err
    sheet = _csv(tmp_path / "p.csv", [["Org"], ["BookTrust"]])
    mapping = tmp_path / "m.json"
    mapping.write_text('{"Org": "colour"}', encoding="utf-8")
    code = main(
        ["import", "partners", str(sheet), "--db", str(ready_db), "--mapping", str(mapping)]
    )
    assert code == 1
    assert "'colour' is not a field" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["import", "planets", str(sheet), "--db", str(ready_db)])
    assert usage.value.code == 2


def test_xlsx_sheet_is_chosen_by_name(
    ready_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import xlsxwriter

    book_path = tmp_path / "signups.xlsx"
    book = xlsxwriter.Workbook(book_path)
    book.add_worksheet("Cover").write_row(0, 0, ["Read me first"])
    sheet = book.add_worksheet("Sign-ups")
    sheet.write_row(0, 0, ["GSS code", "Council", "Reach"])
    sheet.write_row(1, 0, ["W06000016", "Rhondda Cynon Taff", "040"])
    book.close()
    args = [
        "import",
        "participations",
        str(book_path),
        "--db",
        str(ready_db),
        "--programme",
        "Audio Stories",
        "--sheet",
        "Sign-ups",
        "--json",
    ]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 1
    assert main([*args[:-3], "--sheet", "Nope"]) == 1
    assert "no sheet 'Nope'" in capsys.readouterr().err


def test_importing_the_same_file_again_with_update_says_nothing_was_updated(
    ready_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only a row whose values differ counts as updated; the rest are skipped with a note."""
    rows = [["Name", "Website"], ["BookTrust", "https://booktrust.org.uk"], ["Reading Friends", ""]]
    sheet = _csv(tmp_path / "p.csv", rows)
    args = ["import", "partners", str(sheet), "--db", str(ready_db), "--on-match", "update"]
    assert main(args) == 0
    assert "2 created, 0 updated" in capsys.readouterr().out
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Imported 2 rows: 0 created, 0 updated, 2 skipped, 0 refused." in out
    assert "note, row 2: This partner already holds these values; nothing to update." in out
    rows[1][1] = "https://www.booktrust.org.uk"
    _csv(sheet, rows)
    assert main(args) == 0
    assert "0 created, 1 updated, 1 skipped" in capsys.readouterr().out
