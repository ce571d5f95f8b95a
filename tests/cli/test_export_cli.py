"""``brokerdesk export`` as a user runs it: a real subprocess, files, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from brokerdesk.core.db import Database
from tests import cli_process
from tests.core.exporting.data import ExportWorld, export_world

__all__ = ["export_world"]


def brokerdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return cli_process.brokerdesk(*args)


def test_partner_summary_by_name_as_pdf_then_refuses_to_overwrite(
    db: Database, db_path: Path, export_world: ExportWorld, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "northlight.pdf"
    args = ["export", "partner-summary", "northlight reading", "-o", str(target)]
    result = brokerdesk(*args, "--db", str(db_path), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["partner_id"] == export_world.reading_trust
    assert report["format"] == "pdf" and Path(report["path"]) == target
    assert "Northlight Reading Trust" in " ".join(PdfReader(target).pages[0].extract_text().split())

    before = target.read_bytes()
    again = brokerdesk(*args, "--db", str(db_path))
    assert again.returncode == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert "Traceback" not in again.stderr
    assert target.read_bytes() == before
    forced = brokerdesk(*args, "--db", str(db_path), "--force")
    assert forced.returncode == 0, forced.stderr


def test_an_ambiguous_name_lists_the_candidates_and_writes_nothing(
    db: Database, db_path: Path, export_world: ExportWorld, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = brokerdesk(
        "export", "partner-summary", "r", "-o", str(out / "x.pdf"), "--db", str(db_path)
    )
    assert result.returncode == 1
    assert "matches 3 partners" in result.stderr
    assert f"{export_world.reading_trust}: Northlight Reading Trust" in result.stderr
    assert "Arden Fund" in result.stderr
    assert not out.exists()


def test_partner_summary_as_xlsx_and_csv(
    db: Database, db_path: Path, export_world: ExportWorld, tmp_path: Path
) -> None:
    xlsx = tmp_path / "out" / "trust.xlsx"
    result = brokerdesk(
        "export",
        "partner-summary",
        str(export_world.reading_trust),
        "-o",
        str(xlsx),
        "--db",
        str(db_path),
    )
    assert result.returncode == 0, result.stderr
    assert pd.ExcelFile(xlsx, engine="calamine").sheet_names == [
        "Summary",
        "Programmes",
        "Participations",
        "Contacts",
        "Interactions",
    ]
    folder = tmp_path / "out" / "trust-csv"
    result = brokerdesk(
        "export",
        "partner-summary",
        str(export_world.reading_trust),
        "--format",
        "csv",
        "-o",
        str(folder),
        "--db",
        str(db_path),
    )
    assert result.returncode == 0, result.stderr
    assert len(pd.read_csv(folder / "Programmes.csv", encoding="utf-8-sig")) == 2


def test_all_partners_as_pdf_with_an_index(
    db: Database, db_path: Path, export_world: ExportWorld, tmp_path: Path
) -> None:
    folder = tmp_path / "summaries"
    result = brokerdesk(
        "export",
        "partners",
        "--all",
        "--format",
        "pdf",
        "-o",
        str(folder),
        "--db",
        str(db_path),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    assert len(files) == 3
    index = pd.read_csv(folder / "index.csv", encoding="utf-8-sig")
    assert sorted(index["Partner id"]) == sorted(f["partner_id"] for f in files)
    assert all(Path(f["path"]).suffix == ".pdf" and Path(f["path"]).exists() for f in files)
    bad = brokerdesk(
        "export", "partners", "--ids", "1,x", "-o", str(folder / "more"), "--db", str(db_path)
    )
    assert bad.returncode == 1 and "by id" in bad.stderr


def test_matrix_and_database_exports(
    db: Database, db_path: Path, export_world: ExportWorld, tmp_path: Path
) -> None:
    matrix = tmp_path / "matrix.xlsx"
    result = brokerdesk(
        "export",
        "matrix",
        "--programmes",
        str(export_world.programmes["audio"]),
        "-o",
        str(matrix),
        "--db",
        str(db_path),
    )
    assert result.returncode == 0, result.stderr
    frame = pd.read_excel(matrix, engine="calamine")
    assert list(frame.columns[5:]) == ["Audio-described reading pilot"]
    whole = tmp_path / "everything.xlsx"
    result = brokerdesk("export", "database", "-o", str(whole), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "partner" in pd.ExcelFile(whole, engine="calamine").sheet_names


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    result = brokerdesk("export", "database", "-o", str(tmp_path / "x.xlsx"), "--db", str(missing))
    assert result.returncode == 1
    assert "There is no database" in result.stderr
    assert not missing.exists()


def test_export_without_a_kind_is_a_usage_error() -> None:
    result = brokerdesk("export")
    assert result.returncode == 2
    assert "partner-summary" in result.stderr
