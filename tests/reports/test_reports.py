"""Every kind of report as a tagged PDF: structure read back with pikepdf, figures checked
against SQL written here, independently of the report code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.reporting import KINDS, gather
from brokerdesk.core.reporting.document import Bullets
from brokerdesk.reports import write_board_pack_pdf, write_report, write_report_pdf
from tests.core.exporting.data import ExportWorld, export_world
from tests.reports.pdf_structure import assert_accessible, read_structure
from tests.reports.test_series_report import three_rounds

__all__ = ["export_world"]

COVERED = """
    SELECT DISTINCT area, pa.service_id FROM (
        SELECT pr.id AS pid, pr.offer_area_id AS area FROM programme pr WHERE pr.status = 'live'
        UNION
        SELECT poa.programme_id, poa.offer_area_id FROM programme_offer_area poa
        JOIN programme pr ON pr.id = poa.programme_id WHERE pr.status = 'live'
    ) AS areas
    JOIN participation pa ON pa.programme_id = areas.pid
    JOIN library_service ls ON ls.id = pa.service_id
    WHERE pa.stage IN ('signed_up', 'active') AND ls.is_member
"""


def _sql(db: Database, query: str, **params: object) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]


def _members(db: Database) -> dict[str, int]:
    rows = _sql(db, "SELECT region, COUNT(*) FROM library_service WHERE is_member GROUP BY region")
    return {str(r): int(n) for r, n in rows}


def _words(n: int, of: int) -> str:
    return f"{n} of {of}, {round(100 * n / of)}%"


def _key(db: Database, kind: str, world: ExportWorld) -> int | str:
    if kind == "series":
        return three_rounds(db, world.world)
    return {
        "partner": world.reading_trust,
        "programme": world.programmes["audio"],
        "library-service": world.world.services["E06000023"],
        "region": "North West",
    }[kind]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_report_is_a_tagged_pdf_a_screen_reader_can_follow(
    db: Database, export_world: ExportWorld, tmp_path: Path, kind: str
) -> None:
    report = gather(db, kind, _key(db, kind, export_world))
    path = write_report_pdf(report, tmp_path / f"{kind}.pdf")
    s = assert_accessible(path, report.title)
    assert s.bookmarks[0] == report.subject
    assert [t for _, t in s.headings[1:]] == [sec.heading for sec in report.sections]
    assert report.subject in s.text
    for chart in report.charts():
        assert chart.alt in s.figures_alt, "each chart is a figure whose alt states its values"
    pages = PdfReader(path).pages
    for number, page in enumerate(pages, start=1):
        assert " ".join(page.extract_text().split()).endswith(f"Page {number} of {len(pages)}")


def test_programme_report_counts_match_sql(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    audio = export_world.programmes["audio"]
    report = gather(db, "programme", audio)
    s = read_structure(write_report_pdf(report, tmp_path / "p.pdf"))
    [(taking_part,)] = _sql(
        db,
        "SELECT COUNT(DISTINCT service_id) FROM participation "
        "WHERE programme_id = :p AND stage <> 'withdrawn'",
        p=audio,
    )
    assert taking_part == 4  # Bristol, Manchester, Liverpool, LibrariesNI; Cardiff withdrew
    assert f"Library services taking part {taking_part}" in s.text
    members = _members(db)
    by_region = _sql(
        db,
        "SELECT ls.region, COUNT(DISTINCT ls.id) FROM participation pa "
        "JOIN library_service ls ON ls.id = pa.service_id "
        "WHERE pa.programme_id = :p AND pa.stage <> 'withdrawn' GROUP BY ls.region",
        p=audio,
    )
    [alt] = s.figures_alt
    for region, n in by_region:
        assert f"{region}: {_words(n, members[region])}" in alt
        assert _words(n, members[region]) in s.text, "the values are drawn as text too"
    assert f"Wales: {_words(0, members['Wales'])}" in alt, "withdrawn Cardiff is not counted"
    stages = dict(
        _sql(
            db,
            "SELECT stage, COUNT(*) FROM participation WHERE programme_id = :p GROUP BY stage",
            p=audio,
        )
    )
    assert f"Signed up {stages['signed_up']}" in s.text
    assert f"All stages {sum(stages.values())}" in s.text


def test_library_service_report_lists_its_programmes_partners_and_gaps(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    bristol = export_world.world.services["E06000023"]
    report = gather(db, "library-service", bristol)
    s = read_structure(write_report_pdf(report, tmp_path / "s.pdf"))
    covered = {a for a, sid in _sql(db, COVERED) if sid == bristol}
    areas = dict(_sql(db, "SELECT id, name FROM offer_area"))
    gaps = [name for area_id, name in areas.items() if area_id not in covered]
    assert covered and gaps
    assert f"No live programme reaches City of Bristol in {len(gaps)} of {len(areas)}" in s.text
    listed = [
        item
        for sec in report.sections
        for b in sec.blocks
        if isinstance(b, Bullets)
        for item in b.items
    ]
    assert sorted(listed) == sorted(gaps), "the gaps list names exactly the uncovered areas"
    assert s.tags.count("/LI") >= len(gaps), "a tagged list item for each gap"
    for name in gaps:
        assert name in s.text, name
    for (name,) in _sql(
        db,
        "SELECT DISTINCT pr.name FROM programme pr JOIN participation pa "
        "ON pa.programme_id = pr.id WHERE pa.service_id = :s",
        s=bristol,
    ):
        assert name in s.text
    for (name,) in _sql(
        db,
        "SELECT DISTINCT p.name FROM partner p JOIN programme_partner pp ON pp.partner_id = p.id "
        "JOIN participation pa ON pa.programme_id = pp.programme_id WHERE pa.service_id = :s",
        s=bristol,
    ):
        assert name in s.text
    assert "L" in {t.strip("/") for t in s.tags}, "the gaps are a list"


def test_region_report_coverage_matches_sql(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    report = gather(db, "region", "North West")
    s = read_structure(write_report_pdf(report, tmp_path / "r.pdf"))
    members = _members(db)["North West"]
    in_region = {
        sid for (sid,) in _sql(db, "SELECT id FROM library_service WHERE region = 'North West'")
    }
    [alt] = s.figures_alt
    for area_id, name in _sql(db, "SELECT id, name FROM offer_area"):
        n = len({sid for a, sid in _sql(db, COVERED) if a == area_id and sid in in_region})
        assert f"{name}: {_words(n, members)}" in alt
    for (name,) in _sql(db, "SELECT nice_name FROM library_service WHERE region = 'North West'"):
        assert name in s.text


def test_a_board_pack_has_a_contents_page_that_finds_each_report(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    reports = [gather(db, kind, _key(db, kind, export_world)) for kind in KINDS]
    path = write_board_pack_pdf("Board, 10 December", reports, tmp_path / "pack.pdf")
    s = assert_accessible(path, "Board, 10 December")
    assert s.bookmarks[:2] == ["Board, 10 December", "Contents"]
    for report in reports:
        assert report.subject in s.bookmarks
    assert [level for level, _ in s.headings].count(2) == len(reports) + 1
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]
    for report in reports:
        match = re.search(re.escape(report.title) + r"[ .]*page (\d+)", pages[0])
        assert match, f"{report.title} is in the contents"
        page = pages[int(match.group(1)) - 1]
        heading = f"{report.kind_label} {report.subject}".lower()
        assert page.lower().startswith(heading), page[:80]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_spreadsheets_carry_the_report_tables(
    db: Database, export_world: ExportWorld, tmp_path: Path, fmt: str
) -> None:
    report = gather(db, "programme", export_world.programmes["audio"])
    written = write_report(report, fmt, tmp_path / f"audio.{fmt}")
    names = [t.name for t in report.tables()]
    assert names[0] == "Summary" and "Library services" in names
    if fmt == "csv":
        assert sorted(p.stem for p in written.iterdir()) == sorted(names)
        lines = (written / "Library services.csv").read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) == 1 + 5  # the header and the audio pilot's five participations
    else:
        from openpyxl import load_workbook

        assert load_workbook(written).sheetnames == names


def test_partner_coverage_chart_matches_sql(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    trust = export_world.reading_trust
    report = gather(db, "partner", trust)
    s = read_structure(write_report_pdf(report, tmp_path / "partner.pdf"))
    members = _members(db)
    reached = dict(
        _sql(
            db,
            "SELECT ls.region, COUNT(DISTINCT ls.id) FROM participation pa "
            "JOIN library_service ls ON ls.id = pa.service_id "
            "JOIN programme_partner pp ON pp.programme_id = pa.programme_id "
            "WHERE pp.partner_id = :p AND pa.stage <> 'withdrawn' GROUP BY ls.region",
            p=trust,
        )
    )
    [alt] = s.figures_alt
    for region, n in members.items():
        assert f"{region}: {_words(reached.get(region, 0), n)}" in alt
    assert "Wales: 0 of 2, 0%" in alt, "withdrawn Cardiff is not counted"
