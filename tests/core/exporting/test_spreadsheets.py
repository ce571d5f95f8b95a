"""Partner summary XLSX and CSV, read back and compared with the database's own answers."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import text

from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.exporting import (
    FileExistsRefused,
    gather_partner_summary,
    write_partner_summary_csv,
    write_partner_summary_xlsx,
)
from tests.core.exporting.data import FORMULA_NAME, FORMULA_NOTE, ExportWorld, export_world

__all__ = ["export_world"]

SHEETS = ["Summary", "Programmes", "Participations", "Contacts", "Interactions"]


def _sql(db: Database, query: str, **params: object) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]


def _programme_counts(db: Database, partner_id: int) -> list[tuple[object, ...]]:
    """Programme name, participations, then the count per stage, straight from SQL."""
    stage_sums = ", ".join(
        f"SUM(CASE WHEN pa.stage = '{s}' THEN 1 ELSE 0 END)" for s in v.STAGE_LABELS
    )
    return _sql(
        db,
        f"SELECT pr.name, COUNT(pa.id), {stage_sums} FROM programme pr "
        "JOIN programme_partner pp ON pp.programme_id = pr.id "
        "LEFT JOIN participation pa ON pa.programme_id = pr.id "
        "WHERE pp.partner_id = :p GROUP BY pr.id, pr.name ORDER BY pr.name",
        p=partner_id,
    )


@pytest.fixture
def workbook(db: Database, export_world: ExportWorld, tmp_path: Path) -> Path:
    summary = gather_partner_summary(db, export_world.reading_trust, today=export_world.today)
    return write_partner_summary_xlsx(summary, tmp_path / "summary.xlsx")


def test_xlsx_has_the_five_sheets_and_matches_the_database(
    db: Database, export_world: ExportWorld, workbook: Path
) -> None:
    sheets = pd.read_excel(workbook, sheet_name=None, engine="calamine")
    assert list(sheets) == SHEETS
    programmes = sheets["Programmes"]
    got = [
        (
            row["Programme"],
            row["Participations"],
            *(row[label] for label in v.STAGE_LABELS.values()),
        )
        for _, row in programmes.iterrows()
    ]
    assert got == _programme_counts(db, export_world.reading_trust)

    participations = sheets["Participations"]
    expected = _sql(
        db,
        "SELECT pr.name, ls.nice_name, ls.gss_code, pa.stage FROM participation pa "
        "JOIN programme pr ON pr.id = pa.programme_id "
        "JOIN library_service ls ON ls.id = pa.service_id "
        "WHERE pa.programme_id IN "
        "(SELECT programme_id FROM programme_partner WHERE partner_id = :p) "
        "ORDER BY pr.name, ls.nice_name",
        p=export_world.reading_trust,
    )
    got_rows = [
        (r["Programme"], r["Library service"], r["GSS code"], r["Stage"])
        for _, r in participations.iterrows()
    ]
    assert got_rows == [(a, b, c, v.STAGE_LABELS[str(d)]) for a, b, c, d in expected]
    bristol = participations[participations["GSS code"] == "E06000023"].iloc[0]
    assert bristol["People reached"] == 120
    assert bristol["Starts"].date() == dt.date(2026, 2, 1), "dates are real dates"

    contacts = sheets["Contacts"]
    assert list(contacts["Name"]) == [
        r[0]
        for r in _sql(
            db,
            "SELECT full_name FROM contact WHERE partner_id = :p ORDER BY full_name",
            p=export_world.reading_trust,
        )
    ]
    interactions = sheets["Interactions"]
    assert sorted(interactions["Subject"]) == sorted(
        r[0]
        for r in _sql(
            db,
            "SELECT subject FROM interaction WHERE partner_id = :p",
            p=export_world.reading_trust,
        )
    )
    summary = dict(zip(sheets["Summary"]["Field"], sheets["Summary"]["Value"], strict=True))
    assert summary["Partner"] == "Northlight Reading Trust"
    assert summary["Library services reached"] == 5, "withdrawn Cardiff is not reached"


def test_xlsx_headers_are_bold_frozen_filtered_and_sized(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    for name in SHEETS:
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.b
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
        assert sheet.column_dimensions["A"].width >= len(str(sheet["A1"].value))


def test_formulas_in_names_and_notes_come_out_as_text(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    formula = gather_partner_summary(db, export_world.formula_partner)
    trust = gather_partner_summary(db, export_world.reading_trust)
    paths = [
        write_partner_summary_xlsx(formula, tmp_path / "formula.xlsx"),
        write_partner_summary_xlsx(trust, tmp_path / "trust.xlsx"),
    ]
    cells = []
    for path in paths:
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                    cells.append(cell.value)
    # A string cell is never run: the workbook holds the text as typed, no apostrophe that
    # Excel would show and a re-import would write into the data.
    assert FORMULA_NAME in cells
    assert FORMULA_NOTE in cells
    assert "-Dash Person" in cells
    assert "+44 numbers list" in cells
    assert not any(isinstance(c, str) and c.startswith("'") for c in cells)

    folder = write_partner_summary_csv(formula, tmp_path / "formula-csv")
    with (folder / "Summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert ["Partner", "'" + FORMULA_NAME] in rows
    text_out = write_partner_summary_csv(trust, tmp_path / "trust-csv") / "Contacts.csv"
    assert "'" + FORMULA_NOTE in text_out.read_text(encoding="utf-8-sig")


def test_csv_is_one_utf8_file_per_table_with_a_bom_and_matches_the_database(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    summary = gather_partner_summary(db, export_world.reading_trust)
    folder = write_partner_summary_csv(summary, tmp_path / "csv")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{s}.csv" for s in SHEETS)
    for path in folder.iterdir():
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), f"{path.name} lacks the BOM"
    frame = pd.read_csv(folder / "Programmes.csv", encoding="utf-8-sig")
    got = [
        (r["Programme"], r["Participations"], *(r[label] for label in v.STAGE_LABELS.values()))
        for _, r in frame.iterrows()
    ]
    assert got == _programme_counts(db, export_world.reading_trust)
    participations = pd.read_csv(folder / "Participations.csv", encoding="utf-8-sig")
    assert (
        len(participations)
        == _sql(
            db,
            "SELECT COUNT(*) FROM participation WHERE programme_id IN "
            "(SELECT programme_id FROM programme_partner WHERE partner_id = :p)",
            p=export_world.reading_trust,
        )[0][0]
    )
    assert "2026-02-01" in set(participations["Starts"].dropna())


def test_existing_files_are_not_overwritten_without_permission(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    summary = gather_partner_summary(db, export_world.reading_trust)
    target = tmp_path / "summary.xlsx"
    target.write_bytes(b"keep me")
    with pytest.raises(FileExistsRefused):
        write_partner_summary_xlsx(summary, target)
    assert target.read_bytes() == b"keep me"
    write_partner_summary_xlsx(summary, target, overwrite=True)
    assert openpyxl.load_workbook(target).sheetnames == SHEETS

    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "Contacts.csv").write_text("keep me")
    with pytest.raises(FileExistsRefused):
        write_partner_summary_csv(summary, folder)
    assert [p.name for p in folder.iterdir()] == ["Contacts.csv"], "nothing else was written"
