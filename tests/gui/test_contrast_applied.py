"""The window really uses the checked colours (tests/core/test_colours.py checks the pairs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from brokerdesk.core import colours
from brokerdesk.gui.importing.source_pages import error_style
from brokerdesk.gui.views import charts


@pytest.fixture
def dark_palette(qapp: QApplication) -> Iterator[None]:
    before = qapp.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Window, QColor(colours.WINDOW["dark"]))
    qapp.setPalette(dark)
    yield
    qapp.setPalette(before)


def test_bars_are_outlined_and_labelled_readably(qapp: QApplication) -> None:
    drawn = charts.programmes_chart(
        [("Reading", {"live": 3, "idea": 1}), ("Health & Wellbeing", {"live": 2})]
    )
    sets = [s for series in drawn.chart.series() for s in series.barSets()]  # type: ignore[attr-defined]
    assert sets
    for bar in sets:
        fill = bar.color().name()
        assert bar.borderColor().name() == colours.BAR_OUTLINE
        assert bar.labelColor().name() == colours.readable_on(fill)
    assert drawn.chart.backgroundBrush().color().name() == colours.CHART_BACKGROUND["light"]


@pytest.mark.usefixtures("dark_palette")
def test_in_a_dark_palette_errors_and_charts_follow_it() -> None:
    assert error_style() == f"color: {colours.ERROR_TEXT['dark']};"
    drawn = charts.stages_chart({"invited": 3, "active": 2})
    assert drawn.chart.backgroundBrush().color().name() == colours.CHART_BACKGROUND["dark"]


def test_in_a_light_palette_errors_are_dark_red() -> None:
    assert error_style() == f"color: {colours.ERROR_TEXT['light']};"


@pytest.mark.usefixtures("dark_palette")
def test_the_map_is_a_white_sheet_with_black_outlines_in_any_theme(qtbot) -> None:  # type: ignore[no-untyped-def]
    from brokerdesk.gui.views.map_view import MapCanvas, hatch_for

    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    assert canvas.backgroundBrush().color().name() == colours.MAP_BACKGROUND
    item = next(iter(canvas.items_by_code.values()))
    assert item.pen().color().name() == colours.MAP_OUTLINE
    not_reached = hatch_for(0)
    assert not_reached is not None
    assert not_reached.color().name() == colours.MAP_HATCH_NOT_REACHED
