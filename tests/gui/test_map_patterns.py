"""The map's classes are told apart by pattern as well as colour (issue 17): rendered offscreen,
two neighbouring services in different classes show different patterns in greyscale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, qGray
from pytestqt.qtbot import QtBot

from brokerdesk.gui.views.dashboard.map_tab import swatch
from brokerdesk.gui.views.map_view import MapCanvas, ServiceShapeItem, Shade

HALF = 8  # a 16 x 16 pixel block: two periods of Qt's 8-pixel patterns
Mask = list[list[bool]]


def block_fits(canvas: MapCanvas, item: ServiceShapeItem) -> bool:
    centre = canvas.mapFromScene(item.inner_point())
    corners = [
        canvas.mapToScene(centre.x() + dx, centre.y() + dy)
        for dx in (-HALF - 2, HALF + 2)
        for dy in (-HALF - 2, HALF + 2)
    ]
    return all(item.path().contains(QPointF(p)) for p in corners)


@pytest.fixture
def neighbours(qtbot: QtBot) -> tuple[MapCanvas, ServiceShapeItem, ServiceShapeItem]:
    """The map at a usual size and the two largest services that share a border."""
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(800, 900)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.fit()
    items = sorted(
        canvas.items_by_code.values(),
        key=lambda i: i.path().boundingRect().width() * i.path().boundingRect().height(),
        reverse=True,
    )
    big = [i for i in items[:40] if block_fits(canvas, i)]
    for n, first in enumerate(big):
        for second in big[n + 1 :]:
            if first.path().intersects(second.path()):
                return canvas, first, second
    raise AssertionError("no two neighbouring services are big enough to sample")


def greys(image: QImage, x: int, y: int) -> list[list[int]]:
    return [
        [qGray(image.pixel(x + dx, y + dy)) for dx in range(-HALF, HALF)]
        for dy in range(-HALF, HALF)
    ]


def pattern(block: list[list[int]]) -> Mask:
    """Which pixels are the pattern's: darker than halfway (none at all for a flat fill)."""
    low, high = min(map(min, block)), max(map(max, block))
    if high - low < 16:
        return [[False] * len(row) for row in block]
    middle = (low + high) / 2
    return [[value < middle for value in row] for row in block]


def same_pattern(first: Mask, second: Mask) -> bool:
    """Whether one 8 x 8 tile of the first mask appears anywhere in the second."""
    tile = [row[:HALF] for row in first[:HALF]]
    return any(
        all(second[y + dy][x + dx] == tile[y][x] for y in range(HALF) for x in range(HALF))
        for dy in range(HALF)
        for dx in range(HALF)
    )


def drawn_patterns(
    canvas: MapCanvas, first: ServiceShapeItem, second: ServiceShapeItem
) -> tuple[Mask, Mask]:
    image = canvas.viewport().grab().toImage()
    masks = []
    for item in (first, second):
        centre = canvas.mapFromScene(item.inner_point())
        masks.append(pattern(greys(image, centre.x(), centre.y())))
    return masks[0], masks[1]


def shade(item: ServiceShapeItem, level: int | None) -> None:
    """Level 0-3, or None for a service that is not a member."""
    if level is None:
        item.set_shade(None, False, item.name)
    else:
        item.set_shade(Shade(level, f"class {level}"), True, item.name)


@pytest.mark.parametrize(
    ("one", "other"),
    [(0, 1), (1, 2), (2, 3), (0, 2), (1, None), (2, None), (0, None)],
    ids=lambda level: "non-member" if level is None else f"class {level}",
)
def test_neighbouring_classes_differ_by_pattern_in_greyscale(
    neighbours: tuple[MapCanvas, ServiceShapeItem, ServiceShapeItem],
    one: int | None,
    other: int | None,
) -> None:
    canvas, first, second = neighbours
    shade(first, one)
    shade(second, other)
    canvas.viewport().repaint()
    mine, theirs = drawn_patterns(canvas, first, second)
    assert any(map(any, mine)) or any(map(any, theirs))  # a pattern is drawn at all
    assert not same_pattern(mine, theirs)
    assert not same_pattern(theirs, mine)


def test_the_same_class_draws_the_same_pattern(
    neighbours: tuple[MapCanvas, ServiceShapeItem, ServiceShapeItem],
) -> None:
    # The check above can tell a match: both dotted, the two blocks agree.
    canvas, first, second = neighbours
    shade(first, 1)
    shade(second, 1)
    canvas.viewport().repaint()
    mine, theirs = drawn_patterns(canvas, first, second)
    assert any(map(any, mine))
    assert same_pattern(mine, theirs)


def test_the_legend_keys_show_the_maps_patterns(qtbot: QtBot) -> None:
    keys = [swatch(level).toImage() for level in range(4)] + [swatch(0, member=False).toImage()]
    masks = [pattern(greys(key, 12, 12)) for key in keys]
    for n, mask in enumerate(masks):
        for other in masks[n + 1 :]:
            assert not same_pattern(mask, other)
