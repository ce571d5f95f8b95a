"""Any :class:`Report`, or a board pack of several, as a tagged PDF/UA-1 made by Typst.

The layout lives in ``resources/reports/report.typ``; this module turns reports into the JSON
that template reads (``sys.inputs.report``), so a partner's name is always text, never markup.
Typst writes the structure tree (headings, paragraphs, lists, tables whose data cells point at
their header cells, figures with alt text), the language, the title and the bookmarks, and
checks PDF/UA-1's rules as it writes.

One compiler per process keeps the fonts and the parsed template between reports, so a
summary takes milliseconds. A name with a character no installed font can draw cannot be
PDF/UA-1 (the reader would see a blank box); that report is written tagged all the same but
without claiming PDF/UA-1, and the log says which character.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from typing import Any

from brokerdesk.core import clock
from brokerdesk.core.exporting.safety import ExportError
from brokerdesk.core.exporting.tables import Cell
from brokerdesk.core.reporting.document import (
    BarChart,
    Block,
    Bullets,
    Grid,
    Paragraph,
    Report,
    Section,
)
from brokerdesk.core.reporting.words import cell_text, uk_date
from brokerdesk.paths import resource
from brokerdesk.reports.svg_chart import chart_svg

log = logging.getLogger(__name__)

PDF_STANDARD = "ua-1"
NUMERIC = {"int", "money", "float"}
FITTED = NUMERIC | {"date", "datetime", "bool"}
SHORT_TEXT = 24  # characters: a name, a phone number, a region
MISSING_GLYPH = "could not be displayed with font"


class ReportError(ExportError):
    """A report could not be laid out; nothing was written, and the message says why."""


def _cell(value: Cell) -> str:
    return cell_text(value)


def _grid(grid: Grid) -> dict[str, Any]:
    columns = grid.table.columns
    rows = [[_cell(v) for v in row] for row in grid.table.rows]
    total = [_cell(v) for v in grid.total] if grid.total is not None else None
    return {
        "type": "grid",
        "caption": grid.caption,
        "headers": [c.header for c in columns],
        "numeric": [c.kind in NUMERIC for c in columns],
        "widths": _widths(grid, rows),
        "rows": rows,
        "total": total,
    }


def _widths(grid: Grid, rows: list[list[str]]) -> list[str | int]:
    """Each column's width, as a browser's table would have it: numbers, dates and short text
    as wide as their longest entry ("auto"); long text shares what is left by its length, and
    the table spans the page (its longest text column takes the rest)."""
    longest = [
        max([len(column.header)] + [len(row[i]) for row in rows])
        for i, column in enumerate(grid.table.columns)
    ]
    widths: list[str | int] = []
    for column, length in zip(grid.table.columns, longest, strict=True):
        short = column.kind in FITTED or length <= SHORT_TEXT
        widths.append("auto" if short else min(length, 60))
    if "auto" in widths and all(w == "auto" for w in widths):
        text = [i for i, c in enumerate(grid.table.columns) if c.kind not in FITTED]
        if text:
            widest = max(text, key=lambda i: longest[i])
            widths[widest] = longest[widest]
    return widths


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text, "muted": block.muted}
    if isinstance(block, Bullets):
        return {"type": "bullets", "items": list(block.items)}
    if isinstance(block, Grid):
        return _grid(block)
    assert isinstance(block, BarChart)
    return {"type": "chart", "caption": block.caption, "alt": block.alt, "svg": chart_svg(block)}


def _section(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "blocks": [_block(b) for b in section.blocks],
        "subsections": [_section(s) for s in section.subsections],
    }


def report_data(report: Report) -> dict[str, Any]:
    """One report as the template reads it."""
    date = uk_date(report.generated_on)
    return {
        "title": report.title,
        "kicker": report.kind_label,
        "subject": report.subject,
        "subtitle": f"{report.subtitle} · generated {date}",
        "footer": f"{report.subject} · {report.kind_label.lower()} · {date}",
        "facts": [[k, _cell(v)] for k, v in report.facts],
        "facts_caption": f"About the {report.kind_label.lower().replace(' summary', '')}",
        "sections": [_section(s) for s in report.sections],
        "closing": f"Generated on {date} from the BrokerDesk database {report.source}.",
    }


def document_json(title: str, reports: list[Report], *, pack: bool) -> str:
    """The JSON for one report (``pack`` False) or a board pack with its contents page."""
    date = uk_date(reports[0].generated_on) if reports else ""
    data = {
        "pack": pack,
        "title": title,
        "subtitle": f"{len(reports)} reports · generated {date}",
        "footer": f"{title} · {date}",
        "reports": [report_data(r) for r in reports],
    }
    return json.dumps(data, ensure_ascii=False)


class _Typesetter:
    """The process's Typst compiler, made on first use (it reads the fonts once)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._compiler: Any = None

    def _get(self) -> Any:
        if self._compiler is None:
            import typst  # loaded with the first report: most sessions never print

            self._compiler = typst.Compiler(
                str(resource("reports", "report.typ")),
                root=str(resource("reports")),
                font_paths=[str(resource("fonts"))],
            )
        return self._compiler

    def pdf(self, document: str, created: dt.datetime) -> bytes:
        with self._lock:
            try:
                return self._compile(document, created, [PDF_STANDARD])
            except ReportError as error:
                if MISSING_GLYPH not in str(error):
                    raise
                log.warning("Report written without the PDF/UA-1 claim: %s", error)
                return self._compile(document, created, [])

    def _compile(self, document: str, created: dt.datetime, standards: list[str]) -> bytes:
        import typst

        try:
            return bytes(
                self._get().compile(
                    format="pdf",
                    sys_inputs={"report": document},
                    pdf_standards=standards,
                    timestamp=created.replace(microsecond=0),
                )
            )
        except typst.TypstError as error:
            raise ReportError(f"The report could not be laid out: {error}") from error


_TYPESETTER = _Typesetter()


def document_pdf(document: str, created: dt.datetime | None = None) -> bytes:
    """The tagged PDF of a document made by :func:`document_json`, dated ``created`` (the
    app's clock by default: a worker process is given the main process's moment)."""
    return _TYPESETTER.pdf(document, created or clock.now())


def report_pdf(report: Report) -> bytes:
    return document_pdf(document_json(report.title, [report], pack=False))


def board_pack_pdf(title: str, reports: list[Report]) -> bytes:
    return document_pdf(document_json(title, reports, pack=True))
