"""``brokerdesk export programme-summary | library-service-summary | region-summary |
board-pack`` as a user runs them: a real subprocess, files, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from pypdf import PdfReader

from brokerdesk.core.db import Database
from tests import cli_process
from tests.core.exporting.data import ExportWorld, export_world
from tests.reports.pdf_structure import assert_accessible

__all__ = ["export_world"]


def brokerdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return cli_process.brokerdesk(*args)


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_programme_service_and_region_summaries_by_name(
    db: Database, db_path: Path, export_world: ExportWorld, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    written = {}
    for command, record in (
        ("programme-summary", "audio-described"),
        ("library-service-summary", "bristol"),
        ("region-summary", "north west"),
    ):
        result = brokerdesk(
            "export", command, record, "-o", f"{out}/", "--db", str(db_path), "--json"
        )
        assert result.returncode == 0, result.stderr
        written[command] = json.loads(result.stdout)
    assert written["programme-summary"]["key"] == export_world.programmes["audio"]
    programme = Path(written["programme-summary"]["path"])
    assert (
        programme.name == f"Audio-described reading pilot ({export_world.programmes['audio']}).pdf"
    )
    assert_accessible(programme, "Programme summary: Audio-described reading pilot")
    assert "City of Bristol" in _text(Path(written["library-service-summary"]["path"]))
    region = Path(written["region-summary"]["path"])
    assert region.name == "North West region summary.pdf"
    assert "Blackburn with Darwen" in _text(region)

    again = brokerdesk(
        "export", "region-summary", "North West", "-o", f"{out}/", "--db", str(db_path)
    )
    assert again.returncode == 1 and "--force" in again.stderr
    unknown = brokerdesk("export", "region-summary", "Atlantis", "--db", str(db_path))
    assert unknown.returncode == 1 and "North West" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_a_programme_summary_as_xlsx(
    db: Database, db_path: Path, export_world: ExportWorld, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "audio.xlsx"
    result = brokerdesk(
        "export",
        "programme-summary",
        str(export_world.programmes["audio"]),
        "-o",
        str(target),
        "--db",
        str(db_path),
    )
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(target)["Library services"]
    services = sorted(str(row[0].value) for row in sheet.iter_rows(min_row=2))
    assert services == sorted(
        ["Cardiff", "City of Bristol", "LibrariesNI", "Liverpool", "Manchester"]
    )


def test_a_board_pack_of_four_reports(
    db: Database, db_path: Path, export_world: ExportWorld, tmp_path: Path
) -> None:
    target = tmp_path / "pack.pdf"
    result = brokerdesk(
        "export",
        "board-pack",
        "--title",
        "December board",
        "--report",
        f"partner:{export_world.reading_trust}",
        "--report",
        "programme:Audio-described reading pilot",
        "--report",
        "library-service:Bristol",
        "--report",
        "region:Wales",
        "-o",
        str(target),
        "--db",
        str(db_path),
    )
    assert result.returncode == 0, result.stderr
    assert "4 reports" in result.stdout
    s = assert_accessible(target, "December board")
    assert s.bookmarks[:2] == ["December board", "Contents"]
    assert "Wales" in s.bookmarks and "Northlight Reading Trust" in s.bookmarks

    bad = brokerdesk("export", "board-pack", "--report", "chapel:1", "-o", str(tmp_path / "x.pdf"))
    assert bad.returncode == 2 and "not a kind of report" in bad.stderr
