"""The colours BrokerDesk sets itself, in one place, and the contrast they must keep.

WCAG 2.2 asks 4.5:1 for text against what is behind it and 3:1 for the parts of a graphic
that carry meaning (a bar's edge against the chart, the edge between two stacked bars).
The window, the charts and the printed summaries take their colours from here, and
``tests/core/test_colours.py`` checks every pair that meets on screen or on paper, in the
light and the dark palette. Plain data and arithmetic: no Qt, so the reports and the core's
spreadsheet writer can use it too.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Theme = Literal["light", "dark"]
THEMES: tuple[Theme, ...] = ("light", "dark")

TEXT_MINIMUM = 4.5
GRAPHICS_MINIMUM = 3.0

BLACK = "#000000"
WHITE = "#ffffff"

# The window behind the import wizard's error text and the dialogs' messages (Qt's Fusion
# palettes; the dark one is the palette the dashboard screenshots use).
WINDOW: dict[Theme, str] = {"light": "#efefef", "dark": "#2b2b2b"}
# An error said in words beside a field: dark red on a light window, a light red on a dark one.
ERROR_TEXT: dict[Theme, str] = {"light": "#a4000f", "dark": "#ff8a80"}

# Charts: the Okabe–Ito colours (told apart with the common colour-vision deficiencies),
# on a background the app sets, every bar outlined so its edge is seen whatever its fill.
CHART_SERIES = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
CHART_BACKGROUND: dict[Theme, str] = {"light": WHITE, "dark": "#1f1f1f"}
BAR_OUTLINE = BLACK

# The coverage map: ColorBrewer YlGnBu (4 classes) on a white sheet of its own in either
# theme, every area outlined in black (3.2:1 or more against every fill, so neighbours are
# parted and each area stands out from the sheet); no programme and non-members carry a
# hatching dark enough to be seen on their fill.
MAP_BACKGROUND = WHITE
MAP_CLASSES = ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8")
MAP_NON_MEMBER = "#bdbdbd"
MAP_NOT_IN_DATABASE = "#f0f0f0"
MAP_OUTLINE = BLACK
MAP_HATCH_NOT_REACHED = "#8a6d00"  # over MAP_CLASSES[0]
MAP_HATCH_NON_MEMBER = "#404040"  # over MAP_NON_MEMBER
MAP_HATCH_REACHED = "#0c2c84"  # over MAP_CLASSES[1] and [2]: YlGnBu's darkest blue

# No four fills on white can part each neighbour by 3:1 (the palest would have to be white and
# the darkest darker than black), and these are 1.03-6.49:1 against white and 1.18-2.69:1
# against some neighbours (#a1dab4/#bdbdbd 1.18, #ffffcc/#f0f0f0 1.11, #41b6c4/#225ea8 2.69).
# So every class also has its own pattern, drawn in a colour 3:1 or more against its fill and
# the white sheet, and two classes whose fills are under 3:1 apart always differ by pattern
# (tests/core/test_colours.py): told apart in greyscale and by colour-blind eyes alike.
MapPattern = Literal["cross-hatch", "dots", "lines", "diagonal", "none"]


class MapClass(NamedTuple):
    """How one class of the map is drawn: its fill, its pattern and the pattern's colour."""

    fill: str
    pattern: MapPattern
    pattern_colour: str | None


MAP_DRAWING: dict[str, MapClass] = {
    "class 0": MapClass(MAP_CLASSES[0], "cross-hatch", MAP_HATCH_NOT_REACHED),  # 4.79:1 on fill
    "class 1": MapClass(MAP_CLASSES[1], "dots", MAP_HATCH_REACHED),  # 7.73:1
    "class 2": MapClass(MAP_CLASSES[2], "lines", MAP_HATCH_REACHED),  # 5.10:1
    "class 3": MapClass(MAP_CLASSES[3], "none", None),  # solid dark, 6.49:1 on white
    "non-member": MapClass(MAP_NON_MEMBER, "diagonal", MAP_HATCH_NON_MEMBER),  # 5.52:1
    "not in database": MapClass(MAP_NOT_IN_DATABASE, "none", None),  # pale, outlined in black
}


def map_class(level: int | None, member: bool = True) -> MapClass:
    """The drawing of a service's class (level 0-3; None: not in this database)."""
    if not member:
        return MAP_DRAWING["non-member"]
    if level is None:
        return MAP_DRAWING["not in database"]
    return MAP_DRAWING[f"class {max(0, min(level, len(MAP_CLASSES) - 1))}"]


# The printed partner summary: bars on a pale track, outlined in the text colour.
PDF_PAPER = WHITE
PDF_TEXT = "#1A1A1A"
PDF_TRACK = "#E8E8E8"
PDF_NATIONS = {
    "England": "#0072B2",
    "Wales": "#E69F00",
    "Northern Ireland": "#009E73",
    "Scotland": "#CC79A7",
}
PDF_OTHER_NATION = "#56B4E9"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb" (0 black … 1 white)."""
    text = colour.lstrip("#")
    red, green, blue = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (labels on bars, outlines)."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE
