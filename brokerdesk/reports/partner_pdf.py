"""Printing a partner summary to an A4 PDF with QTextDocument and QPdfWriter.

The document is laid out at the PDF's own resolution and paginated by Qt's text layout (so
no line is cut between pages and table headers repeat); each page is then painted with a
footer "Page 2 of 5". Text stays text (selectable, searchable) and QPdfWriter embeds the
subset of each font it uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from brokerdesk.core.exporting import safety
from brokerdesk.core.exporting.summary import PartnerSummary
from brokerdesk.reports.chart import Bar, CoverageChart, insert_placeholder, placeholder_rect
from brokerdesk.reports.partner_html import CHART_MARKER, STYLE, partner_summary_html, uk_date
from brokerdesk.reports.qt import ensure_gui_application, report_font

DPI = 300
MARGINS_MM = QMarginsF(16, 14, 16, 12)
FOOTER_MM = 9.0
KEEP_WITH_NEXT_MM = 30.0  # a heading needs this much page below it, or moves on


def _repeat_table_headers(frame: QTextFrame) -> None:
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            fmt = child.format()
            fmt.setHeaderRowCount(1)
            child.setFormat(fmt)
        _repeat_table_headers(child)


@dataclass
class LaidOut:
    """The paginated document and where its chart goes (None when nothing is reached)."""

    doc: QTextDocument
    chart: CoverageChart
    chart_block: QTextBlock | None


def build_document(summary: PartnerSummary, writer: QPdfWriter) -> LaidOut:
    """The summary laid out for ``writer``'s page, paginated, with room for the chart."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(report_font(9))
    doc.setDefaultStyleSheet(STYLE)
    doc.setDocumentMargin(0)
    doc.setHtml(partner_summary_html(summary))
    _repeat_table_headers(doc.rootFrame())
    bars = [Bar(*coverage) for coverage in summary.coverage_by_region()]
    chart = CoverageChart(bars, DPI)
    block = insert_placeholder(doc, CHART_MARKER, chart.height(), DPI)
    mm = DPI / 25.4
    doc.setPageSize(QSizeF(writer.width(), writer.height() - FOOTER_MM * mm))
    _keep_headings_with_next(doc, KEEP_WITH_NEXT_MM * mm)
    _keep_chart_on_one_page(doc, block, chart.height())
    return LaidOut(doc, chart, block)


def _keep_chart_on_one_page(doc: QTextDocument, block: QTextBlock | None, height: float) -> None:
    """Move the chart and its caption to the next page when the chart would cross a page end.

    The chart is painted over its placeholder line, which Qt's layout lets run past the
    page's foot (and over the footer) like any too-tall line.
    """
    if block is None:
        return
    page = doc.pageSize().height()
    top = doc.documentLayout().blockBoundingRect(block).top()
    if top % page + height <= page:
        return
    caption = block.previous()
    target = caption if caption.isValid() else block
    fmt = target.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(target).setBlockFormat(fmt)


def _keep_headings_with_next(doc: QTextDocument, room: float) -> None:
    """Start a section on a new page when its heading would sit alone at a page's foot.

    Qt's layout has no "keep with next"; a heading closer than ``room`` to the page end is
    given a page break before it instead. Headings are checked in order, since each break
    moves everything after it.
    """
    page = doc.pageSize().height()
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            top = layout.blockBoundingRect(block).top()
            if page - (top % page) < room:
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
        block = block.next()


def _footer(
    painter: QPainter, summary: PartnerSummary, page: int, pages: int, width: float, height: float
) -> None:
    mm = DPI / 25.4
    top = height - FOOTER_MM * mm + 3 * mm
    painter.setPen(QPen(QColor("#9A9A9A"), 0.2 * mm))
    painter.drawLine(0, int(top), int(width), int(top))
    painter.setPen(QColor("#444444"))
    painter.setFont(report_font(7.5))
    text_rect = QRectF(0, top + 1 * mm, width, FOOTER_MM * mm - 4 * mm)
    left = f"{summary.name} · partner summary · {uk_date(summary.generated_on)}"
    right_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    left_rect = QRectF(text_rect.left(), text_rect.top(), width * 0.75, text_rect.height())
    elided = painter.fontMetrics().elidedText(
        left, Qt.TextElideMode.ElideRight, int(left_rect.width())
    )
    painter.drawText(
        left_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
    )
    painter.drawText(text_rect, int(right_align), f"Page {page} of {pages}")


def a4_writer(target: Path | QIODevice) -> QPdfWriter:
    """A PDF writer for an A4 portrait page with the summary's margins."""
    ensure_gui_application()
    writer = QPdfWriter(target if isinstance(target, QIODevice) else str(target))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def render_partner_summary_pdf(summary: PartnerSummary, target: Path | QIODevice) -> int:
    """Print ``summary`` to ``target`` (overwriting it). Returns the number of pages."""
    writer = a4_writer(target)
    writer.setTitle(f"Partner summary: {summary.name}")
    writer.setCreator("BrokerDesk")
    laid_out = build_document(summary, writer)
    doc = laid_out.doc
    chart_rect = (
        placeholder_rect(doc, laid_out.chart_block, laid_out.chart.height())
        if laid_out.chart_block is not None
        else None
    )
    page_height = doc.pageSize().height()
    width = float(writer.width())
    pages = doc.pageCount()
    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page_height)
            doc.drawContents(painter, QRectF(0, index * page_height, width, page_height))
            if chart_rect is not None and int(chart_rect.top() // page_height) == index:
                laid_out.chart.paint(painter, chart_rect)
            painter.restore()
            _footer(painter, summary, index + 1, pages, width, float(writer.height()))
    finally:
        painter.end()
    return pages


def write_partner_summary_pdf(
    summary: PartnerSummary, path: Path, *, overwrite: bool = False
) -> Path:
    """The summary as an A4 PDF at ``path``, written to a temporary name and renamed.

    Raises:
        FileExistsRefused: ``path`` exists and ``overwrite`` is False.
    """
    safety.refuse_existing([path], overwrite)  # before the work of drawing it
    buffer = QBuffer()  # Qt does not say when a disk fills; Python's own write does
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render_partner_summary_pdf(summary, buffer)
    buffer.close()
    with safety.atomic_path(path, overwrite=overwrite) as tmp:
        tmp.write_bytes(buffer.data().data())
    return path
