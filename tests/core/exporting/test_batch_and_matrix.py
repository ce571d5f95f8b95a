"""Batch summaries (one file each plus an index, progress, cancel) and the participation matrix."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import text

from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, Cancelled
from brokerdesk.core.exporting import (
    SPREADSHEET_WRITERS,
    FileExistsRefused,
    export_partner_summaries,
    participation_matrix,
    write_participation_matrix,
)
from tests.core.exporting.data import ExportWorld, export_world

__all__ = ["export_world"]


def _partners(db: Database) -> list[tuple[int, str]]:
    with db.engine.connect() as conn:
        return [(int(i), str(n)) for i, n in conn.execute(text("SELECT id, name FROM partner"))]


def test_all_partners_get_a_file_each_and_an_index(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "out"  # the database file lives in tmp_path itself
    seen: list[tuple[int, int]] = []
    result = export_partner_summaries(
        db, tmp_path, "xlsx", SPREADSHEET_WRITERS["xlsx"], progress=lambda d, t: seen.append((d, t))
    )
    partners = _partners(db)
    assert sorted((i, n) for i, n, _ in result.files) == sorted(partners)
    assert all(p.exists() and p.parent == tmp_path for _, _, p in result.files)
    assert seen[0] == (0, len(partners)) and seen[-1] == (len(partners), len(partners))
    index = pd.read_csv(tmp_path / "index.csv", encoding="utf-8-sig")
    listed = [name.removeprefix("'") for name in index["File"]]  # '=HYPERLINK... is inert
    assert sorted(zip(index["Partner id"], listed, strict=True)) == sorted(
        (i, p.name) for i, _, p in result.files
    )
    assert pd.read_excel(tmp_path / "index.xlsx", engine="calamine").shape[0] == len(partners)
    formula_file = next(p for i, _, p in result.files if i == export_world.formula_partner)
    assert "/" not in formula_file.name and formula_file.name.endswith(".xlsx")


def test_a_selection_as_csv_writes_a_folder_per_partner(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    result = export_partner_summaries(
        db, tmp_path, "csv", SPREADSHEET_WRITERS["csv"], [export_world.reading_trust]
    )
    [(_, name, folder)] = result.files
    assert name == "Northlight Reading Trust"
    assert (folder / "Programmes.csv").exists()


def test_unknown_partners_and_existing_files_refuse_before_writing_anything(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(BrokerDeskError, match="no partner with id 999"):
        export_partner_summaries(db, tmp_path, "xlsx", SPREADSHEET_WRITERS["xlsx"], [1, 999])
    (tmp_path / "index.csv").write_text("the old index")
    with pytest.raises(FileExistsRefused):
        export_partner_summaries(db, tmp_path, "xlsx", SPREADSHEET_WRITERS["xlsx"])
    assert [p.name for p in tmp_path.iterdir()] == ["index.csv"]


def test_cancel_stops_between_partners_and_leaves_only_whole_files(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "out"
    calls = iter([False, False, True])
    with pytest.raises(Cancelled, match="Cancelled after 2 of"):
        export_partner_summaries(
            db, tmp_path, "xlsx", SPREADSHEET_WRITERS["xlsx"], cancelled=lambda: next(calls)
        )
    written = sorted(tmp_path.iterdir())
    assert len(written) == 2 and all(p.suffix == ".xlsx" for p in written), "no index, no .part"
    for path in written:
        assert openpyxl.load_workbook(path).sheetnames[0] == "Summary"


def test_matrix_cells_hold_the_stage_of_each_participation(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    path = write_participation_matrix(db, tmp_path / "matrix.xlsx")
    frame = pd.read_excel(path, engine="calamine")
    with db.engine.connect() as conn:
        expected = {
            (gss, programme): v.STAGE_LABELS[stage]
            for gss, programme, stage in conn.execute(
                text(
                    "SELECT ls.gss_code, pr.name, pa.stage FROM participation pa "
                    "JOIN library_service ls ON ls.id = pa.service_id "
                    "JOIN programme pr ON pr.id = pa.programme_id"
                )
            )
        }
        service_count = conn.execute(text("SELECT COUNT(*) FROM library_service")).scalar()
    assert len(frame) == service_count, "every library service has a row, gaps included"
    programme_columns = list(frame.columns[5:])
    got = {
        (row["GSS code"], programme): row[programme]
        for _, row in frame.iterrows()
        for programme in programme_columns
        if isinstance(row[programme], str)
    }
    assert got == expected
    book = openpyxl.load_workbook(path)
    assert book.active.freeze_panes == "B2"


def test_matrix_for_chosen_programmes_only(db: Database, export_world: ExportWorld) -> None:
    headers, rows = participation_matrix(db, [export_world.programmes["clubs"]])
    assert headers[5:] == ["Summer reading clubs"]
    assert sorted(r[5] for r in rows if r[5]) == ["Active", "Invited"]
    with pytest.raises(BrokerDeskError, match="no programme with id 999"):
        participation_matrix(db, [999])
