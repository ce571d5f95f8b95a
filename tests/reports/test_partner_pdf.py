"""The partner summary PDF, read back with pypdf and compared with the database."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.exporting import FileExistsRefused, gather_partner_summary
from brokerdesk.reports import summary_writer, write_partner_summary_pdf
from tests.builders.small_world import World
from tests.core.exporting.data import (
    FORMULA_NAME,
    ExportWorld,
    build_big_partner,
    export_world,
)

__all__ = ["export_world"]

A4_POINTS = (595, 842)
PROGRAMME_HEADER = "Programme " + " ".join(v.STAGE_LABELS.values()) + " Total"


def _pages(path: Path) -> list[str]:
    """Each page's text with whitespace collapsed (table cells become single spaces)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _counts(db: Database, partner_id: int) -> dict[str, list[int]]:
    """Per programme: the count at each stage then the total, straight from SQL."""
    stage_sums = ", ".join(
        f"SUM(CASE WHEN pa.stage = '{s}' THEN 1 ELSE 0 END)" for s in v.STAGE_LABELS
    )
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                f"SELECT pr.name, {stage_sums}, COUNT(pa.id) FROM programme pr "
                "JOIN programme_partner pp ON pp.programme_id = pr.id "
                "LEFT JOIN participation pa ON pa.programme_id = pr.id "
                "WHERE pp.partner_id = :p GROUP BY pr.id, pr.name"
            ),
            {"p": partner_id},
        )
        return {str(r[0]): [int(n) for n in r[1:]] for r in rows}


def test_summary_pdf_holds_the_partner_programmes_and_correct_counts(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    summary = gather_partner_summary(db, export_world.reading_trust, today=export_world.today)
    path = write_partner_summary_pdf(summary, tmp_path / "out" / "summary.pdf")
    pages = _pages(path)
    whole = " ".join(pages)
    assert "Northlight Reading Trust" in pages[0]
    for name, counts in _counts(db, export_world.reading_trust).items():
        row = re.escape(name) + r" .*?" + re.escape(" ".join(str(n) for n in counts))
        assert re.search(row, whole), f"{name} with its counts {counts}"
    totals = [sum(c[i] for c in _counts(db, export_world.reading_trust).values()) for i in range(7)]
    assert "All programmes " + " ".join(map(str, totals)) in whole
    assert "Offer areas Reading, Vision and Print Impaired People's Promise" in whole
    assert "5 library services reached" in whole
    assert "Priya Shah" in whole and "Ada Lovell" in whole
    assert "20 Nov 2026 (overdue) Follow-up Budget check-in" in whole
    assert "15 Jan 2027 Renewal due in 48 days Memorandum of understanding" in whole
    assert "North West 2 of 3, 67%" in whole, "the chart's labels are real text"
    assert "Wales 0 of 2, 0%" in whole, "withdrawn Cardiff does not count as reached"
    # A long path wraps at a slash; compare without the line break.
    assert f"fromtheBrokerDeskdatabase{db.description}" in whole.replace(" ", "")
    assert "Generated on 28 Nov 2026" in whole
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {number} of {len(pages)}")


def test_pdf_is_a4_with_embedded_fonts(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    summary = gather_partner_summary(db, export_world.formula_partner)
    path = write_partner_summary_pdf(summary, tmp_path / "out" / "summary.pdf")
    reader = PdfReader(path)
    assert FORMULA_NAME in _pages(path)[0]
    for page in reader.pages:
        assert (round(page.mediabox.width), round(page.mediabox.height)) == A4_POINTS
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                f"{font['/BaseFont']} is not embedded"
            )


def test_long_summary_flows_over_pages_with_repeated_headers(
    db: Database, world: World, tmp_path: Path
) -> None:
    partner, names = build_big_partner(db, world)
    summary = gather_partner_summary(db, partner)
    assert len(summary.programmes) == 60 and len(summary.participations) == 1000
    path = summary_writer("pdf")(summary, tmp_path / "out" / "big.pdf")
    pages = _pages(path)
    assert len(pages) >= 4
    # A tall row may continue on the next page under the repeated header, so a name's words
    # can be interrupted by the row's counts and the page furniture; they must all be there,
    # in order.
    footer = re.compile(
        r" ?Great Northern Libraries Alliance · partner summary · \S+ \S+ \S+ "
        r"Page \d+ of \d+ ?"
    )
    whole = " ".join(footer.sub(" ", page) for page in pages).replace(PROGRAMME_HEADER, " ")
    whole = " ".join(whole.split())
    for name in names:
        words = [re.escape(w) for w in name.split()]
        assert re.search(r" (?:.{0,160}? )?".join(words), whole), f"{name} is missing or cut"
    counts = _counts(db, partner)
    totals = [sum(c[i] for c in counts.values()) for i in range(7)]
    assert totals[-1] == 1000
    assert "All programmes " + " ".join(f"{n:,}" for n in totals) in whole
    assert "60 programmes, 1,000 participations" in whole
    programme_pages = [
        i
        for i, page in enumerate(pages)
        if "Programme 0" in page or "Programme 1" in page or "Programme 5" in page
    ]
    assert len(programme_pages) >= 3
    for i in programme_pages:
        assert PROGRAMME_HEADER in pages[i], f"page {i + 1} lacks the table header"
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {number} of {len(pages)}")


def test_an_existing_pdf_is_not_overwritten(
    db: Database, export_world: ExportWorld, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"%PDF board copy")
    summary = gather_partner_summary(db, export_world.reading_trust)
    with pytest.raises(FileExistsRefused):
        write_partner_summary_pdf(summary, target)
    assert target.read_bytes() == b"%PDF board copy"


def _lines_on_pages(data: bytes) -> list[list[tuple[str, float]]]:
    """Each page's lines of text (spaces taken out: a chart's text comes glyph by glyph) with
    the height, in points from the page's bottom, that each sits at."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines: dict[float, str] = {}

        def visit(
            text: str, cm: list[float], tm: list[float], *_: object, lines: dict = lines
        ) -> None:
            height = round(tm[4] * cm[1] + tm[5] * cm[3] + cm[5], 1)
            lines[height] = lines.get(height, "") + "".join(text.split())

        page.extract_text(visitor_text=visit)
        pages.append([(words, height) for height, words in lines.items() if words])
    return pages


def test_the_coverage_chart_never_runs_over_a_page_end(db: Database) -> None:
    """Every demo partner's chart sits whole on one page, above the footer (it used to run
    over the page's foot and the footer when the page was nearly full)."""
    from brokerdesk.core.demo import build_demo
    from brokerdesk.core.reference import initialise
    from brokerdesk.core.reporting.partner import partner_report_from
    from brokerdesk.reports import report_pdf

    initialise(db)
    build_demo(db)
    with db.engine.connect() as conn:
        partners = list(conn.execute(text("SELECT id FROM partner ORDER BY id")).scalars())
    bottom_margin = 18 / 25.4 * 72  # the footer lives below this
    charts = 0
    for partner in partners[:12]:
        report = partner_report_from(gather_partner_summary(db, partner))
        for chart in report.charts():
            charts += 1
            values = {"".join(f"{b.label}{b.words}".split()) for b in chart.bars}
            placed = [
                (number, words, height)
                for number, lines in enumerate(_lines_on_pages(report_pdf(report)))
                for words, height in lines
                if words in values
            ]
            assert {words for _, words, _ in placed} == values, f"partner {partner}: a bar is cut"
            assert len({number for number, _, _ in placed}) == 1, (
                f"partner {partner}: the chart is split over two pages"
            )
            for _, words, height in placed:
                assert height > bottom_margin, f"partner {partner}: '{words}' is in the footer"
    assert charts >= 8
