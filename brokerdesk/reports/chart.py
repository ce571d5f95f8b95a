"""The coverage chart: one bar per region, drawn with QPainter inside the summary's text flow.

The chart is a text object (``QPyTextObject``) rather than a picture, so it is vector in the
PDF, its labels are real, selectable text, and it moves with the text when content grows.
Each bar shows the share of a region's member library services the partner reaches; the
figures are written beside every bar ("12 of 39, 31%") and each region is named, so colour
(the Okabe-Ito palette, safe for colour-blind readers) only repeats what the words say.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from brokerdesk.reports.qt import report_font

CHART_OBJECT_TYPE = QTextFormat.ObjectTypes.UserObject + 1
OBJECT_REPLACEMENT = "\ufffc"

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
NATION_COLOURS = {
    "England": QColor("#0072B2"),
    "Wales": QColor("#E69F00"),
    "Northern Ireland": QColor("#009E73"),
    "Scotland": QColor("#CC79A7"),
}
OTHER_COLOUR = QColor("#56B4E9")
TRACK_COLOUR = QColor("#E8E8E8")
TEXT_COLOUR = QColor("#1A1A1A")
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


class CoverageChart(QPyTextObject):
    """Draws the bars for one document (registered on its layout by :func:`insert_chart`)."""

    def __init__(self, bars: list[Bar], dpi: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bars = bars
        self.mm = dpi / 25.4
        self.font = report_font(8)

    def _row_height(self) -> float:
        return 6.0 * self.mm

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        rows = len(self.bars) + 1.6  # the bars, then the legend
        return QSizeF(doc.pageSize().width() * 0.98, rows * self._row_height())

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        rect = QRectF(rect)
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
                painter.setPen(Qt.PenStyle.NoPen)
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


def insert_chart(doc: QTextDocument, marker: str, chart: CoverageChart) -> bool:
    """Replace the paragraph text ``marker`` with the chart. Returns False if it is absent."""
    doc.documentLayout().registerHandler(CHART_OBJECT_TYPE, chart)
    cursor = doc.find(marker)
    if cursor.isNull():
        return False
    fmt = QTextCharFormat()
    fmt.setObjectType(CHART_OBJECT_TYPE)
    cursor.insertText(OBJECT_REPLACEMENT, fmt)
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    return True
