"""WCAG contrast of every colour pair BrokerDesk sets (brokerdesk/core/colours.py), in the
light and the dark palette: 4.5:1 for text, 3:1 for the edges of graphics (issue 17)."""

from __future__ import annotations

import pytest

from brokerdesk.core import colours as c


def test_the_ratio_is_wcags() -> None:
    assert c.contrast(c.BLACK, c.WHITE) == pytest.approx(21.0)
    assert c.contrast("#777777", c.WHITE) == pytest.approx(4.48, abs=0.01)  # the classic fail
    assert c.contrast("#123456", "#123456") == pytest.approx(1.0)
    assert c.contrast("#a4000f", "#2b2b2b") == pytest.approx(1.74, abs=0.01)  # the issue's


@pytest.mark.parametrize("theme", c.THEMES)
def test_error_text_reads_on_the_window(theme: c.Theme) -> None:
    assert c.contrast(c.ERROR_TEXT[theme], c.WINDOW[theme]) >= c.TEXT_MINIMUM


@pytest.mark.parametrize("fill", c.CHART_SERIES)
def test_a_bars_label_reads_on_its_colour(fill: str) -> None:
    assert c.contrast(c.readable_on(fill), fill) >= c.TEXT_MINIMUM


@pytest.mark.parametrize("theme", c.THEMES)
@pytest.mark.parametrize("fill", c.CHART_SERIES)
def test_a_bar_stands_out_from_the_chart_and_from_its_neighbours(theme: c.Theme, fill: str) -> None:
    background = c.CHART_BACKGROUND[theme]
    # Its edge: the outline, or the fill itself where the outline melts into the chart.
    edge = max(c.contrast(c.BAR_OUTLINE, background), c.contrast(fill, background))
    assert edge >= c.GRAPHICS_MINIMUM
    # Two stacked bars are parted by the outline, which stands out from each of them.
    assert c.contrast(c.BAR_OUTLINE, fill) >= c.GRAPHICS_MINIMUM


@pytest.mark.parametrize("fill", [*c.PDF_NATIONS.values(), c.PDF_OTHER_NATION])
def test_a_printed_bar_stands_out_from_its_track(fill: str) -> None:
    # The bar is outlined in the text colour: the outline against the track and the fill.
    assert c.contrast(c.PDF_TEXT, c.PDF_TRACK) >= c.GRAPHICS_MINIMUM
    assert c.contrast(c.PDF_TEXT, fill) >= c.GRAPHICS_MINIMUM


def test_printed_text_reads_on_paper() -> None:
    assert c.contrast(c.PDF_TEXT, c.PDF_PAPER) >= c.TEXT_MINIMUM


@pytest.mark.parametrize("fill", [*c.MAP_CLASSES, c.MAP_NON_MEMBER, c.MAP_NOT_IN_DATABASE])
def test_every_map_area_is_outlined_visibly(fill: str) -> None:
    # The outline parts two neighbours (against each fill) and frames the map (the sheet).
    assert c.contrast(c.MAP_OUTLINE, fill) >= c.GRAPHICS_MINIMUM
    assert c.contrast(c.MAP_OUTLINE, c.MAP_BACKGROUND) >= c.GRAPHICS_MINIMUM


def test_the_maps_hatching_shows_on_its_fill() -> None:
    # Where colour alone cannot part them (no programme, non-members), the pattern does.
    assert c.contrast(c.MAP_HATCH_NOT_REACHED, c.MAP_CLASSES[0]) >= c.GRAPHICS_MINIMUM
    assert c.contrast(c.MAP_HATCH_NON_MEMBER, c.MAP_NON_MEMBER) >= c.GRAPHICS_MINIMUM


def test_every_map_pattern_shows_on_its_fill_and_on_the_sheet() -> None:
    for drawing in c.MAP_DRAWING.values():
        if drawing.pattern != "none":
            assert drawing.pattern_colour is not None
            assert c.contrast(drawing.pattern_colour, drawing.fill) >= c.GRAPHICS_MINIMUM
            assert c.contrast(drawing.pattern_colour, c.MAP_BACKGROUND) >= c.GRAPHICS_MINIMUM


def test_any_two_map_classes_differ_by_3_to_1_or_by_pattern() -> None:
    drawings = list(c.MAP_DRAWING.items())
    for i, (name, first) in enumerate(drawings):
        for other, second in drawings[i + 1 :]:
            apart = c.contrast(first.fill, second.fill) >= c.GRAPHICS_MINIMUM
            assert apart or first.pattern != second.pattern, (name, other)


def test_no_programme_and_one_programme_and_non_members_are_told_apart_by_pattern() -> None:
    # The worst pairs: the first three classes and non-member grey (1.18-2.41:1).
    worst = ("class 0", "class 1", "class 2", "non-member")
    patterns = {c.MAP_DRAWING[name].pattern for name in worst}
    assert len(patterns) == len(worst)
    assert c.map_class(0) is c.MAP_DRAWING["class 0"]
    assert c.map_class(7) is c.MAP_DRAWING["class 3"]
    assert c.map_class(2, member=False) is c.MAP_DRAWING["non-member"]
    assert c.map_class(None) is c.MAP_DRAWING["not in database"]
