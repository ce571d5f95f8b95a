"""A report's bar chart as SVG: drawn with real text, read out through its alt text.

One row per bar: the label, a track with the bar over it, and the value in words ("12 of
39, 31%") beside it, so colour (the Okabe-Ito palette, safe for colour-blind readers) only
repeats what the words say. Typst draws the SVG's text as PDF text (selectable,
searchable); the whole picture is one tagged Figure whose /Alt states every value.
"""

from __future__ import annotations

from html import escape

from brokerdesk.core import colours
from brokerdesk.core.reporting.document import BarChart

WIDTH_MM = 176.0
ROW_MM = 6.0
WORDS_MM = 30.0  # room for "1,234 of 2,345, 53%" after the bar
FONT_MM = 2.9  # about 8.2 pt
CHAR_MM = 0.6 * FONT_MM  # a generous average letter width, so a label never meets its bar
FAMILY = "BrokerDesk Report Sans, DejaVu Sans, Noto Sans, Arial"
NATIONS_OF_REGIONS = ("Wales", "Scotland", "Northern Ireland")


def _colour(label: str) -> str:
    nation = label if label in NATIONS_OF_REGIONS else "England"
    return colours.PDF_NATIONS.get(nation, colours.PDF_OTHER_NATION)


def height_mm(chart: BarChart) -> float:
    return len(chart.bars) * ROW_MM + 1.0


def label_mm(chart: BarChart) -> float:
    """The label column: as wide as the longest label needs, between 30 and 80 mm."""
    longest = max((len(b.label) for b in chart.bars), default=0)
    return min(max(longest * CHAR_MM + 3, 30.0), 80.0)


def chart_svg(chart: BarChart) -> str:
    """The chart as a standalone SVG document, sized in millimetres."""
    height = height_mm(chart)
    label_w = label_mm(chart)
    track_w = WIDTH_MM - label_w - WORDS_MM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH_MM}mm" height="{height}mm" '
        f'viewBox="0 0 {WIDTH_MM} {height}" font-family="{FAMILY}" '
        f'font-size="{FONT_MM}" fill="{colours.PDF_TEXT}">'
    ]
    for i, bar in enumerate(chart.bars):
        top = i * ROW_MM + 0.5
        middle = top + ROW_MM / 2
        baseline = middle + FONT_MM * 0.35
        parts.append(f'<text x="0" y="{baseline:.2f}">{escape(bar.label)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{top + 1:.2f}" width="{track_w}" height="{ROW_MM - 2}" '
            f'fill="{colours.PDF_TRACK}"/>'
        )
        if bar.share > 0:
            parts.append(
                f'<rect x="{label_w}" y="{top + 1:.2f}" width="{track_w * bar.share:.2f}" '
                f'height="{ROW_MM - 2}" fill="{_colour(bar.label)}"/>'
            )
        parts.append(
            f'<text x="{label_w + track_w + 2}" y="{baseline:.2f}">{escape(bar.words)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
