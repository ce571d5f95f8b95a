"""The Charts tab: three charts, each with an "Export as PNG…" button."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import QFileDialog, QGridLayout, QPushButton, QVBoxLayout, QWidget

from brokerdesk.core import coverage
from brokerdesk.gui.views import charts
from brokerdesk.gui.views.dashboard.today import WorksFromToday

if TYPE_CHECKING:
    from brokerdesk.gui.app import AppContext


class ChartsTab(WorksFromToday, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views: dict[str, QChartView] = {}
        self.grid = QGridLayout(self)

    def refresh(self) -> None:
        db = self.ctx.db
        built = {
            "programmes": charts.programmes_chart(coverage.programmes_by_area_and_status(db)),
            "stages": charts.stages_chart(coverage.participations_by_stage(db)),
            "months": charts.monthly_chart(coverage.new_participations_by_month(db, self.today)),
        }
        for n, (key, chart) in enumerate(built.items()):
            if key in self.views:
                old = self.views[key].chart()
                self.views[key].setChart(chart)
                old.deleteLater()
                continue
            view = charts.chart_view(chart, chart.title(), self)
            self.views[key] = view
            button = QPushButton(self.tr("Export “{0}” as PNG…").format(chart.title()), self)
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, k=key: self._choose_export(k))
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(view, 1)
            box.addWidget(button)
            self.grid.addWidget(cell, n // 2, n % 2)

    def _choose_export(self, key: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), f"{key}.png", self.tr("PNG image (*.png)")
        )
        if name:
            target = self.ctx.attempt(lambda: charts.export_png(self.views[key], Path(name)))
            if target:
                self.ctx.notify(self.tr("Chart saved to {0}").format(target))
