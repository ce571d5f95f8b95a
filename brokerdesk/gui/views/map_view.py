"""The coverage map: every UK library service shaded by participation, plus the same as a table.

Palette: ColorBrewer YlGnBu (sequential, colour-blind safe, including deuteranopia), four
classes from pale yellow to dark blue. Colour is never the only signal: each class has its own
pattern too (not reached cross-hatched, one dotted, two lined, three or more solid dark;
services that are not members, Scotland's, grey with diagonal lines), every shape has a
tooltip, and the table beside the map lists the same values for keyboard and screen-reader
users. Shapes come from ``resources/boundaries`` (see ``core.geo``) and are
filled with the odd-even rule, so the few self-intersecting ONS polygons draw correctly.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from brokerdesk.core import colours
from brokerdesk.core.geo import ServiceShape, load_shapes

# ColorBrewer YlGnBu, 4 classes (core/colours.py, where their contrast is checked).
PALETTE = colours.MAP_CLASSES
NON_MEMBER = colours.MAP_NON_MEMBER
NOT_IN_DATABASE = colours.MAP_NOT_IN_DATABASE
ZOOM_STEP = 1.25


@dataclass(frozen=True)
class Shade:
    """How one service is drawn: its class (0 = not reached … 3) and the words for its value."""

    level: int
    text: str


# Qt's own brush patterns, drawn in device pixels whatever the zoom (see core/colours.py).
PATTERNS: dict[str, Qt.BrushStyle] = {
    "cross-hatch": Qt.BrushStyle.DiagCrossPattern,
    "dots": Qt.BrushStyle.Dense6Pattern,
    "lines": Qt.BrushStyle.HorPattern,
    "diagonal": Qt.BrushStyle.BDiagPattern,
}


def brush_for(level: int | None, member: bool = True) -> QBrush:
    """The fill of a class; None means no data for this service."""
    return QBrush(QColor(colours.map_class(level, member).fill))


def hatch_for(level: int | None, member: bool = True) -> QBrush | None:
    """The pattern laid over the fill, so each class is told from its neighbours without
    colour: cross-hatched gaps, dotted, lined, solid dark; non-members diagonally lined."""
    drawing = colours.map_class(level, member)
    if drawing.pattern_colour is None or drawing.pattern == "none":
        return None
    return QBrush(QColor(drawing.pattern_colour), PATTERNS[drawing.pattern])


def shape_path(shape: ServiceShape) -> QPainterPath:
    """All of a service's rings in one path, filled odd-even (holes and bad rings tolerated)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in shape.rings:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
    return path


def _distance2(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Squared distance from (x, y) to the segment a–b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - a[0]) * dx + (y - a[1]) * dy) / length2))
    px, py = a[0] + t * dx - x, a[1] + t * dy - y
    return px * px + py * py


class ServiceShapeItem(QGraphicsPathItem):
    """One library service on the map; its hatching is a child item, drawn by Qt itself."""

    def __init__(self, shape: ServiceShape) -> None:
        super().__init__(shape_path(shape))
        self.gss_code = shape.gss_code
        self.rings = shape.rings
        self.service_id: int | None = None
        self.name = shape.name
        self.member = True
        self.level: int | None = None
        self.hatch: QBrush | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        # Smaller services on top: where simplified borders overlap, the borough next to a
        # big county stays clickable right up to its edge.
        bounds = self.path().boundingRect()
        self.setZValue(-bounds.width() * bounds.height())
        self.hatch_item = QGraphicsPathItem(self.path(), self)
        self.hatch_item.setPen(QPen(Qt.PenStyle.NoPen))
        self.hatch_item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_shade(self, shade: Shade | None, member: bool, name: str) -> None:
        self.member = member
        self.name = name
        self.level = shade.level if shade else None
        self.setBrush(brush_for(self.level, member))
        self.hatch = hatch_for(self.level, member)
        self.hatch_item.setBrush(self.hatch or QBrush(Qt.BrushStyle.NoBrush))
        if not member:
            value = "not a member"
        elif shade is None:
            value = "not in this database"
        else:
            value = shade.text
        self.setToolTip(f"{name}: {value}")

    def shape(self) -> QPainterPath:
        """Hit-test against the outline itself: Qt's default adds the pen's stroke with the
        winding rule, which fills holes and would make an enclave (Leicester inside
        Leicestershire) unclickable."""
        return self.path()

    def inner_point(self) -> QPointF:
        """The point inside the shape farthest from its outline (for tests and labels).

        Simplified neighbours overlap a little along shared borders, so a point near an
        edge may belong to both; the deepest point is unambiguous.
        """
        path = self.path()
        rect = path.boundingRect()
        edges = [
            (ring[k], ring[(k + 1) % len(ring)]) for ring in self.rings for k in range(len(ring))
        ]
        steps = 30
        best, best_depth = rect.center(), -1.0
        for i in range(1, steps):
            for j in range(1, steps):
                x = rect.left() + rect.width() * i / steps
                y = rect.top() + rect.height() * j / steps
                if not path.contains(QPointF(x, y)):
                    continue
                depth = min(_distance2(x, y, a, b) for a, b in edges)
                if depth > best_depth:
                    best, best_depth = QPointF(x, y), depth
        return best


class MapCanvas(QGraphicsView):
    """Pan, zoom (wheel, + and −, fit) and choose a service (click, or Enter on the selection).

    Signals:
        service_activated(int): the id of the library service clicked or chosen with Enter.
    """

    service_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverage-map")
        self.setAccessibleName(self.tr("Coverage map"))
        self.setAccessibleDescription(self.tr("The same figures are in the table beside the map."))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 360)
        self.scene_ = QGraphicsScene(self)
        self.setScene(self.scene_)
        self.items_by_code: dict[str, ServiceShapeItem] = {}
        # A white sheet in either theme, each area outlined in black: the pairs checked in
        # tests/core/test_colours.py are the pairs on screen.
        self.setBackgroundBrush(QColor(colours.MAP_BACKGROUND))
        pen = QPen(QColor(colours.MAP_OUTLINE), 0.6)
        pen.setCosmetic(True)
        for code, shape in load_shapes().items():
            item = ServiceShapeItem(shape)
            item.setPen(pen)
            self.scene_.addItem(item)
            self.items_by_code[code] = item
        self.scene_.setSceneRect(self.scene_.itemsBoundingRect().adjusted(-10, -10, 10, 10))
        self._press: QPointF | None = None
        self._pen = pen
        self._selected_pen = QPen(QColor("#d95f02"), 3)
        self._selected_pen.setCosmetic(True)
        self._outlined: ServiceShapeItem | None = None
        self.scene_.selectionChanged.connect(self._outline_selection)

    def _outline_selection(self) -> None:
        if self._outlined is not None:
            self._outlined.setPen(self._pen)
            self._outlined = None
        chosen = [i for i in self.scene_.selectedItems() if isinstance(i, ServiceShapeItem)]
        if chosen:
            self._outlined = chosen[0]
            self._outlined.setPen(self._selected_pen)

    def shape_at(self, point: QPoint) -> ServiceShapeItem | None:
        """The service under a viewport point (its hatching belongs to it)."""
        item = self.itemAt(point)
        while item is not None and not isinstance(item, ServiceShapeItem):
            item = item.parentItem()
        return item

    def item_for_service(self, service_id: int) -> ServiceShapeItem | None:
        for item in self.items_by_code.values():
            if item.service_id == service_id:
                return item
        return None

    # ------------------------------------------------------------------ zoom
    def zoom_in(self) -> None:
        self.scale(ZOOM_STEP, ZOOM_STEP)

    def zoom_out(self) -> None:
        self.scale(1 / ZOOM_STEP, 1 / ZOOM_STEP)

    def fit(self) -> None:
        self.fitInView(self.scene_.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def show_service(self, service_id: int) -> None:
        """Select a service's shape and bring it into view (from the table)."""
        item = self.item_for_service(service_id)
        if item is None:
            return
        self.scene_.clearSelection()
        item.setSelected(True)
        self.ensureVisible(QRectF(item.path().boundingRect()), 20, 20)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.angleDelta().y() > 0:
            self.zoom_in()
        elif event.angleDelta().y() < 0:
            self.zoom_out()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit()

    # ------------------------------------------------------------------ choosing
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            chosen = [i for i in self.scene_.selectedItems() if isinstance(i, ServiceShapeItem)]
            if chosen and chosen[0].service_id is not None:
                self.service_activated.emit(chosen[0].service_id)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = self._press is None or (event.position() - self._press).manhattanLength() > 4
        self._press = None
        if moved or event.button() != Qt.MouseButton.LeftButton:
            return
        item = self.shape_at(event.position().toPoint())
        if item is not None and item.service_id is not None:
            self.scene_.clearSelection()
            item.setSelected(True)
            self.service_activated.emit(item.service_id)
