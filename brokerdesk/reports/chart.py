"""The coverage chart: one bar per region, drawn with QPainter in the summary's text flow.

The document holds a placeholder line of the chart's height (a line is never split between
pages, so the chart moves to the next page whole when it does not fit); after Qt has laid
out and painted a page, the chart is painted into the placeholder's place. That keeps it
vector in the PDF with real, selectable labels. (A ``QPyTextObject`` handler would be the
textbook way, but with PySide6 on Python 3.11 each of its calls loses a reference to None
and a batch of a few hundred summaries aborts the interpreter.)

Each bar shows the share of a region's member library services the partner reaches; the
figures are written beside every bar ("12 of 39, 31%") and each region is named, so colour
(the Okabe-Ito palette, safe for colour-blind readers) only repeats what the words say.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextDocument,
)

from brokerdesk.core import colours
from brokerdesk.reports.qt import report_font

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
NATION_COLOURS = {nation: QColor(colour) for nation, colour in colours.PDF_NATIONS.items()}
OTHER_COLOUR = QColor(colours.PDF_OTHER_NATION)
TRACK_COLOUR = QColor(colours.PDF_TRACK)
TEXT_COLOUR = QColor(colours.PDF_TEXT)
NATION_OF_REGION = {
    "Wales": "Wales",
    "Scotland": "Scotland",
    "Northern Ireland": "Northern Ireland",
}


@dataclass(frozen=True)
class Bar:
    """One region: services reached, member services there."""

    region: str
    reached: int
    members: int

    @property
    def nation(self) -> str:
        return NATION_OF_REGION.get(self.region, "England")

    @property
    def share(self) -> float:
        if self.members <= 0:
            return 1.0 if self.reached else 0.0
        return min(self.reached / self.members, 1.0)

    @property
    def caption(self) -> str:
        if self.members <= 0:
            return f"{self.reached} (not members)"
        return f"{self.reached} of {self.members}, {round(100 * self.reached / self.members)}%"


class CoverageChart:
    """Draws the bars into a rectangle of a page."""

    def __init__(self, bars: list[Bar], dpi: float) -> None:
        self.bars = bars
        self.mm = dpi / 25.4
        self.font = report_font(8)

    def _row_height(self) -> float:
        return 6.0 * self.mm

    def height(self) -> float:
        """The bars, then the legend, in device pixels."""
        return (len(self.bars) + 1.6) * self._row_height()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font)
        metrics = QFontMetricsF(self.font, painter.device())
        row = self._row_height()
        label_w = max((metrics.horizontalAdvance(b.region) for b in self.bars), default=0)
        label_w += 3 * self.mm
        caption_w = max((metrics.horizontalAdvance(b.caption) for b in self.bars), default=0)
        caption_w += 3 * self.mm
        track_w = max(rect.width() - label_w - caption_w, 20 * self.mm)
        bar_h = row * 0.62
        for i, bar in enumerate(self.bars):
            top = rect.top() + i * row
            text_rect = QRectF(rect.left(), top, label_w - 2 * self.mm, row)
            painter.setPen(TEXT_COLOUR)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text_rect, int(align), bar.region)
            track = QRectF(rect.left() + label_w, top + (row - bar_h) / 2, track_w, bar_h)
            painter.setPen(QPen(QColor("#9A9A9A"), 0.15 * self.mm))
            painter.setBrush(TRACK_COLOUR)
            painter.drawRect(track)
            if bar.reached:
                filled = QRectF(track.topLeft(), QSizeF(track.width() * bar.share, bar_h))
                # Outlined in the text colour: the pale track alone is too close to the
                # lighter nations' colours (tests/core/test_colours.py).
                painter.setPen(QPen(TEXT_COLOUR, 0.2 * self.mm))
                painter.setBrush(NATION_COLOURS.get(bar.nation, OTHER_COLOUR))
                painter.drawRect(filled)
            painter.setPen(TEXT_COLOUR)
            caption_rect = QRectF(track.right() + 2 * self.mm, top, caption_w, row)
            left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(caption_rect, int(left), bar.caption)
        self._legend(painter, rect.left() + label_w, rect.top() + len(self.bars) * row, metrics)
        painter.restore()

    def _legend(self, painter: QPainter, x: float, top: float, metrics: QFontMetricsF) -> None:
        nations = [n for n in NATION_COLOURS if any(b.nation == n for b in self.bars)]
        swatch = 3 * self.mm
        y = top + 0.6 * self._row_height()
        painter.drawText(QPointF(x, y + swatch * 0.8), "Colour shows the nation:")
        x += metrics.horizontalAdvance("Colour shows the nation:") + 2 * self.mm
        for nation in nations:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(NATION_COLOURS[nation])
            painter.drawRect(QRectF(x, y, swatch, swatch))
            painter.setPen(TEXT_COLOUR)
            x += swatch + 1.2 * self.mm
            painter.drawText(QPointF(x, y + swatch * 0.8), nation)
            x += metrics.horizontalAdvance(nation) + 4 * self.mm


def insert_placeholder(
    doc: QTextDocument, marker: str, height: float, dpi: float
) -> QTextBlock | None:
    """Turn the paragraph holding ``marker`` into one empty line ``height`` device pixels tall.

    Qt scales a block's lengths from 96 dpi to the paint device, hence ``dpi``. Returns the
    placeholder block (None if the marker is absent); where it lands after layout is where
    the chart is painted.
    """
    cursor = doc.find(marker)
    if cursor.isNull():
        return None
    cursor.removeSelectedText()
    fmt = cursor.blockFormat()
    fmt.setLineHeight(height * 96 / dpi, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor.setBlockFormat(fmt)
    return cursor.block()


def placeholder_rect(doc: QTextDocument, block: QTextBlock, height: float) -> QRectF:
    """The chart's rectangle in document coordinates: the placeholder's top, full width."""
    top = doc.documentLayout().blockBoundingRect(block).top()
    return QRectF(0, top, doc.pageSize().width(), height)
