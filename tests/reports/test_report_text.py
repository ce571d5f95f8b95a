"""What people type reaches the PDF as text: never read as layout instructions, and a
character no font can draw still gives a tagged PDF (that then does not claim PDF/UA-1)."""

from __future__ import annotations

import datetime as dt
import io

import pikepdf
import pytest
from pypdf import PdfReader

from brokerdesk.core.exporting.tables import Column, Table
from brokerdesk.core.reporting.document import Bullets, Grid, Paragraph, Report, Section
from brokerdesk.reports import board_pack_pdf, report_pdf
from tests.reports.pdf_structure import assert_accessible, read_structure

# Typst markup and code, and the characters its syntax gives meaning to.
HOSTILE = [
    '#set page(width: 2cm) #panic("boom")',
    "= Not a heading",
    "*not bold* _not emphasised_ `not code`",
    "$x^2$ <label> @reference \\ backslash",
    "// not a comment /* nor this */",
    '"quoted" {braces} [brackets] ~ tilde -- dashes',
    "- not a list item",
    "Ysgol Gymraeg Llanrhaeadr-ym-Mochnant · Siân Llŷr · Zoë Ó Briain",
]


def _report(subject: str, texts: list[str]) -> Report:
    table = Table(
        "People",
        [Column("Name"), Column("Visits", "int")],
        [[t, i] for i, t in enumerate(texts, start=1)],
    )
    return Report(
        kind="partner",
        key=1,
        kind_label="Partner summary",
        subject=subject,
        subtitle="Charity · Active",
        generated_on=dt.date(2026, 6, 15),
        source="demo.sqlite3",
        facts=[(f"Fact {i}", t) for i, t in enumerate(texts, start=1)],
        sections=[
            Section(
                "What was typed",
                [
                    Paragraph(" / ".join(texts)),
                    Bullets(texts),
                    Grid(table, "Everyone who was typed in"),
                ],
            )
        ],
    )


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def _claims_pdf_ua(data: bytes) -> bool:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return str(pdf.open_metadata().get("pdfuaid:part", "")) == "1"


def test_markup_in_names_and_notes_is_printed_as_typed() -> None:
    subject = '#strong[Reading] = "Trust" *Ltd*'
    report = _report(subject, HOSTILE)
    data = report_pdf(report)
    s = assert_accessible(data, report.title)
    assert [title for _, title in s.headings] == [subject, "What was typed"]
    whole = _text(data)
    for typed in [subject, *HOSTILE]:
        assert " ".join(typed.split()) in whole, typed
    with pikepdf.open(io.BytesIO(data)) as pdf:
        width = float(pdf.pages[0].mediabox[2])
    assert round(width) == 595, "the page is still A4: the typed #set page did nothing"
    assert _claims_pdf_ua(data)


def test_a_board_pack_prints_hostile_titles_in_its_contents() -> None:
    reports = [_report(f"{typed} {n}", ["plain"]) for n, typed in enumerate(HOSTILE[:4])]
    data = board_pack_pdf("Board <pack> #1", reports)
    s = assert_accessible(data, "Board <pack> #1")
    first_page = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    for report in reports:
        assert " ".join(report.title.split()) in first_page
        assert report.subject in s.bookmarks


@pytest.mark.parametrize("strange", ["\u0378", "\U000f0000"])
def test_a_character_no_font_has_still_gives_a_tagged_report(strange: str) -> None:
    """U+0378 is unassigned and U+F0000 private: no font on any machine draws them. The report
    is still written, tagged and readable; it only stops claiming PDF/UA-1."""
    report = _report(f"Library {strange} Services", ["Ada Lovell"])
    data = report_pdf(report)
    s = read_structure(data)
    assert "/Table" in s.tags and "/H1" in s.tags
    assert "Ada Lovell" in s.text
    assert not _claims_pdf_ua(data)
    assert _claims_pdf_ua(report_pdf(_report("Library Services", ["Ada Lovell"])))


def test_a_report_is_dated_by_the_apps_clock() -> None:
    """The PDF's creation date comes from the clock the app reads, not the machine's, like
    every other date the app writes."""
    from brokerdesk.core import clock

    moment = dt.datetime(2026, 3, 2, 14, 5, 9, tzinfo=dt.UTC)
    with clock.pinned(moment, tick=False):
        data = report_pdf(_report("Library Services", ["Ada Lovell"]))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == "D:20260302140509Z"


def test_the_details_list_is_named_before_it_is_read() -> None:
    """The record's details are a tagged list named by the line before it, as the old
    table's caption named it."""
    data = report_pdf(_report("Library Services", ["Ada Lovell"]))
    s = read_structure(data)
    assert "About the partner Fact 1 Ada Lovell" in s.text
    assert s.tags.index("/L") > s.tags.index("/H1")
