"""The Charts tab: three charts, each with an "Export as PNG…" button.

A chart with nothing to count says why under it, in words; the same sentence is the chart
view's accessible description, so a screen reader hears why the chart is blank. "Show charts
as tables" (Alt+B) puts each chart's values in a table in its place, read cell by cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import coverage
from brokerdesk.gui.models.rows import CellsRow
from brokerdesk.gui.views import charts
from brokerdesk.gui.views.dashboard.record_table import RecordTable
from brokerdesk.gui.views.dashboard.today import WorksFromToday
from brokerdesk.gui.views.dashboard.years import year_choice

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class ChartsTab(WorksFromToday, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views: dict[str, QChartView] = {}
        self.reasons: dict[str, QLabel] = {}  # why a chart is empty (hidden when it is not)
        self.tables: dict[str, RecordTable] = {}  # the same values, row by row
        self.places: dict[str, QStackedWidget] = {}  # each chart or its table
        self.as_tables = QCheckBox(self.tr("Show charts as ta&bles"), self)
        self.as_tables.setAccessibleName(self.tr("Show charts as tables"))
        self.as_tables.toggled.connect(self._show_tables)
        self.year = year_choice(ctx, self)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year)
        bar = QHBoxLayout()
        for widget in (self.as_tables, year_label, self.year):
            bar.addWidget(widget)
        bar.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        self.grid = QGridLayout()
        outer.addLayout(self.grid, 1)

    def refresh(self) -> None:
        db = self.ctx.db
        built = {
            "programmes": charts.programmes_chart(
                coverage.programmes_by_area_and_status(db, self.year.currentData())
            ),
            "stages": charts.stages_chart(
                coverage.participations_by_stage(db, self.year.currentData())
            ),
            "months": charts.monthly_chart(coverage.new_participations_by_month(db, self.today)),
        }
        for n, (key, drawn) in enumerate(built.items()):
            chart = drawn.chart
            if key in self.views:
                old = self.views[key].chart()
                self.views[key].setChart(chart)
                old.deleteLater()
                self._say_why(key, drawn.empty)
                self._fill_table(key)
                continue
            view = charts.chart_view(chart, chart.title(), self)
            self.views[key] = view
            place = QStackedWidget(self)
            place.addWidget(view)
            table = RecordTable(self.tr("{0}: table").format(chart.title()), [])
            place.addWidget(table)
            self.tables[key] = table
            self.places[key] = place
            reason = QLabel(self)
            reason.setWordWrap(True)
            reason.setBuddy(view)
            self.reasons[key] = reason
            button = QPushButton(self.tr("Export “{0}” as PNG…").format(chart.title()), self)
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, k=key: self._choose_export(k))
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(place, 1)
            box.addWidget(reason)
            box.addWidget(button)
            self.grid.addWidget(cell, n // 2, n % 2)
            self._say_why(key, drawn.empty)
            self._fill_table(key)
        self._show_tables(self.as_tables.isChecked())

    def _fill_table(self, key: str) -> None:
        headings, rows = charts.chart_table(self.views[key].chart())
        table = self.tables[key]
        table.setAccessibleName(self.tr("{0}: table").format(self.views[key].chart().title()))
        table.set_headers(headings)
        table.source.row_headers = True  # each value reads with its offer area, stage, month
        table.set_rows([CellsRow(values) for values in rows])

    def _show_tables(self, on: bool) -> None:
        """Each chart's table in its place (or the chart again)."""
        for key, place in self.places.items():
            place.setCurrentWidget(self.tables[key] if on else self.views[key])

    def _say_why(self, key: str, why: str) -> None:
        """Show (and describe to assistive technology) why a chart is blank, or nothing."""
        label = self.reasons[key]
        label.setText(why)
        label.setAccessibleName(why)
        label.setVisible(bool(why))
        self.views[key].setAccessibleDescription(why)

    def _choose_export(self, key: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), f"{key}.png", self.tr("PNG image (*.png)")
        )
        if name:
            target = self.ctx.attempt(lambda: charts.export_png(self.views[key], Path(name)))
            if target:
                self.ctx.notify(self.tr("Chart saved to {0}").format(target))
