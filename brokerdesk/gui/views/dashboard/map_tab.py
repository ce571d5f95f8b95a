"""The Map tab: choose an offer area or a programme; the map, its legend and the same table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import colours, coverage, vocabulary
from brokerdesk.core.services.choices import ReferenceChoices
from brokerdesk.core.services.map_services import ServicesOnMap
from brokerdesk.gui.models.rows import CellsRow
from brokerdesk.gui.views.dashboard.record_table import RecordTable
from brokerdesk.gui.views.map_view import MapCanvas, Shade, brush_for, hatch_for

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

AREA_CLASSES = ("Not reached", "1 programme", "2 programmes", "3 or more programmes")
STAGE_CLASSES = ("Not taking part", "Invited or interested", "Signed up or active", "Completed")
STAGE_LEVEL = {
    "invited": 1,
    "interested": 1,
    "signed_up": 2,
    "active": 2,
    "completed": 3,
    "withdrawn": 0,
}


def swatch(level: int | None, member: bool = True, size: int = 24) -> QPixmap:
    """A legend key: the class's fill and pattern as on the map, outlined as on the map."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(colours.MAP_OUTLINE))
    for brush in (brush_for(level, member), hatch_for(level, member)):
        if brush is not None:
            painter.setBrush(brush)
            painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return pixmap


class MapTab(QWidget):
    """Signals:
    open_requested(str, int): open a library service's page.
    """

    open_requested = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Shade by"))
        label = QLabel(self.tr("&Shade by:"), self)
        label.setBuddy(self.choice)
        self.canvas = MapCanvas(self)
        self.canvas.service_activated.connect(
            lambda sid: self.open_requested.emit("library_service", sid)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(label)
        buttons.addWidget(self.choice, 1)
        for text, slot in (
            (self.tr("Zoom in (+)"), self.canvas.zoom_in),
            (self.tr("Zoom out (−)"), self.canvas.zoom_out),
            (self.tr("Fit (0)"), self.canvas.fit),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.legend = QHBoxLayout()
        self.legend_widget = QWidget(self)
        self.legend_widget.setAccessibleName(self.tr("Legend"))
        self.legend_widget.setLayout(self.legend)
        self.table = RecordTable(self.tr("Map as a table"), ["Library service", "Region", "Value"])
        self.table.source.row_headers = True  # down the Value column, each names its service
        self.table.open_requested.connect(self.open_requested)
        self.table.clicked.connect(self._show_in_map)
        table_box = self._table_controls()
        map_box = QWidget(self)
        inner = QVBoxLayout(map_box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.canvas, 1)
        inner.addWidget(self.legend_widget)
        split = QSplitter(self)
        split.addWidget(map_box)
        split.addWidget(table_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self._fill_choices()
        self.choice.currentIndexChanged.connect(self.refresh)

    def _table_controls(self) -> QWidget:
        """The table with what its header offers a mouse, for the keyboard: a filter over
        every column and the column to sort by."""
        box = QWidget(self)
        self.find_field = QLineEdit(box)
        self.find_field.setAccessibleName(self.tr("Find in the table"))
        self.find_field.setPlaceholderText(self.tr("Service, region or value…"))
        self.find_field.setClearButtonEnabled(True)
        find_label = QLabel(self.tr("Fin&d in the table:"), box)
        find_label.setBuddy(self.find_field)
        self.find_field.textChanged.connect(self.table.show_only)
        self.sort_by = QComboBox(box)
        self.sort_by.setAccessibleName(self.tr("Sort by"))
        for heading in (self.tr("Library service"), self.tr("Region"), self.tr("Value")):
            self.sort_by.addItem(heading)
        sort_label = QLabel(self.tr("Sort &by:"), box)
        sort_label.setBuddy(self.sort_by)
        self.sort_by.currentIndexChanged.connect(
            lambda chosen: self.table.sortByColumn(chosen, Qt.SortOrder.AscendingOrder)
        )
        bar = QHBoxLayout()
        for widget in (find_label, self.find_field, sort_label, self.sort_by):
            bar.addWidget(widget)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        return box

    def _fill_choices(self) -> None:
        choices = ReferenceChoices(self.ctx.db)
        areas, programmes = choices.offer_areas(), choices.live_programmes()
        self.choice.blockSignals(True)
        self.choice.clear()
        for area_id, name in areas:
            self.choice.addItem(self.tr("Offer area: {0}").format(name), ("area", area_id))
        for pid, name in programmes:
            self.choice.addItem(self.tr("Programme: {0}").format(name), ("programme", pid))
        self.choice.blockSignals(False)

    def select(self, kind: str, record_id: int) -> None:
        index = self.choice.findData((kind, record_id))
        if index >= 0:
            self.choice.setCurrentIndex(index)
            self.refresh()

    def shading(self) -> tuple[dict[int, Shade], tuple[str, ...]]:
        """The shade of every member service for the current choice, and the class names."""
        data = self.choice.currentData()
        if not data:
            return {}, AREA_CLASSES
        kind, record_id = data
        members = ServicesOnMap(self.ctx.db).member_ids()
        if kind == "area":
            counts = coverage.covered_service_ids(self.ctx.db, offer_area_id=record_id)
            shades = {}
            for sid in members:
                n = counts.get(sid, 0)
                text = AREA_CLASSES[0] if n == 0 else f"{n} programme{'s' if n > 1 else ''}"
                shades[sid] = Shade(min(n, 3), text)
            return shades, AREA_CLASSES
        stages = coverage.programme_stages(self.ctx.db, record_id)
        shades = {}
        for sid in members:
            stage = stages.get(sid)
            level = STAGE_LEVEL[stage] if stage else 0
            text = vocabulary.label(vocabulary.STAGE_LABELS, stage) if stage else STAGE_CLASSES[0]
            shades[sid] = Shade(level, text)
        return shades, STAGE_CLASSES

    def refresh(self) -> None:
        shades, classes = self.shading()
        by_code = {row.gss_code: row for row in ServicesOnMap(self.ctx.db).all()}
        rows = []
        for code, item in self.canvas.items_by_code.items():
            row = by_code.get(code)
            if row is None:
                item.service_id = None
                item.set_shade(None, True, item.name)
                continue
            item.service_id = row.id
            shade = shades.get(row.id)
            item.set_shade(shade, row.is_member, row.name)
            value = shade.text if row.is_member and shade else self.tr("Not a member")
            rows.append(
                CellsRow(
                    [row.name, row.region, value],
                    ("library_service", row.id),
                    tooltip=f"{row.name}: {value}",
                )
            )
        rows.sort(key=lambda r: str(r.cells[0]).casefold())
        self.table.set_rows(rows)
        self._build_legend(classes)

    def _build_legend(self, classes: tuple[str, ...]) -> None:
        while self.legend.count():
            taken = self.legend.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.hide()  # deleteLater waits for the event loop; never show stale entries
                old.deleteLater()
        entries = [(n, True, text) for n, text in enumerate(classes)]
        entries.append((0, False, self.tr("Not a member")))
        for level, member, text in entries:
            icon = QLabel(self.legend_widget)
            icon.setPixmap(swatch(level, member))
            icon.setAccessibleName(text)
            self.legend.addWidget(icon)
            self.legend.addWidget(QLabel(text, self.legend_widget))
        source = QLabel(self.tr("Boundaries: ONS, OGL v3"), self.legend_widget)
        source.setAccessibleName(source.text())
        self.legend.addStretch(1)
        self.legend.addWidget(source)

    def _show_in_map(self) -> None:
        record = self.table.current_record()
        if record:
            self.canvas.show_service(record[1])
