"""Named leads: where live programmes' library services have nobody named for the offer area.

A table of regions by offer area counts the services taking part in live programmes with no
named lead for the programme's offer area; Enter on a count lists those services below (all
of them at first), and Enter on a service opens its page, where *Name a lead…* fills the gap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from brokerdesk.core.services.named_leads import LeadGap
from brokerdesk.gui.announce import announce
from brokerdesk.gui.models.rows import CellsRow
from brokerdesk.gui.views.dashboard.record_table import RecordTable

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

ALL = "All regions"


class NamedLeadsTab(QWidget):
    """Signals:
    open_requested(str, int): open a library service's page.
    loaded(): the figures on screen are current.
    """

    open_requested = Signal(str, int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.gaps: list[LeadGap] = []
        self.areas: list[str] = []
        self.regions: list[str] = []
        self._generation = 0
        intro = QLabel(
            self.tr(
                "Library services taking part in live programmes with no named lead for the "
                "programme's offer area. Enter on a count lists those services; Enter on a "
                "service opens it, where Name a lead… fills the gap."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.matrix = RecordTable(self.tr("Services with no named lead, by region"), [], self)
        self.matrix.cell_chosen.connect(self._cell_chosen)
        self.services = RecordTable(
            self.tr("Services with no named lead"),
            [
                self.tr("Library service"),
                self.tr("Region"),
                self.tr("Offer area"),
                self.tr("Live programmes"),
            ],
            self,
        )
        self.services.open_requested.connect(self.open_requested)
        self.shown = QLabel(self)
        self.shown.setBuddy(self.services)
        matrix_label = QLabel(self.tr("<b>By region and offer area</b>"), self)
        matrix_label.setBuddy(self.matrix)
        split = QSplitter(self)
        split.setOrientation(split.orientation().Vertical)
        top = QWidget(split)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(matrix_label)
        top_layout.addWidget(self.matrix)
        bottom = QWidget(split)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.shown)
        bottom_layout.addWidget(self.services)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        """Recompute off the GUI thread, then show."""
        db = self.ctx.db
        self._generation += 1
        generation = self._generation

        def work(_progress: object) -> list[LeadGap]:
            from brokerdesk.core.services.named_leads import NamedLeadService

            return NamedLeadService(db).gaps()

        self.ctx.tasks.start(
            work,
            self.tr("Finding services with no named lead"),
            on_done=lambda gaps: self._show(generation, gaps),
            on_error=lambda exc: self.ctx.report_error(str(exc)),
            owner=self,
        )

    def _show(self, generation: int, gaps: list[LeadGap]) -> None:
        if generation != self._generation:
            return
        self.gaps = gaps
        self.areas = list(dict.fromkeys(g.offer_area for g in gaps))
        self.regions = sorted({g.region for g in gaps})
        counts: dict[tuple[str, str], int] = {}
        for gap in gaps:
            counts[(gap.region, gap.offer_area)] = counts.get((gap.region, gap.offer_area), 0) + 1
        self.matrix.set_headers([self.tr("Region"), *self.areas, self.tr("All offer areas")])
        rows = []
        for region in [*self.regions, ALL]:
            cells: list[object] = [self.tr(ALL) if region == ALL else region]
            for area in self.areas:
                cells.append(
                    sum(counts.get((r, area), 0) for r in self.regions)
                    if region == ALL
                    else counts.get((region, area), 0)
                )
            cells.append(sum(c for c in cells[1:] if isinstance(c, int)))
            rows.append(CellsRow(cells))
        self.matrix.set_rows(rows)
        self._list(None, None)
        self.loaded.emit()

    def _cell_chosen(self, index: QModelIndex) -> None:
        row, column = index.row(), index.column()
        region = self.regions[row] if row < len(self.regions) else None
        area = self.areas[column - 1] if 1 <= column <= len(self.areas) else None
        self._list(region, area)
        announce(self.services, self.shown.text())
        self.services.setFocus()
        if self.services.source.rowCount():
            self.services.selectRow(0)

    def _list(self, region: str | None, area: str | None) -> None:
        chosen = [
            g
            for g in self.gaps
            if (region is None or g.region == region) and (area is None or g.offer_area == area)
        ]
        self.services.set_rows(
            [
                CellsRow(
                    [g.service, g.region, g.offer_area, ", ".join(g.programmes)],
                    record=("library_service", g.service_id),
                )
                for g in chosen
            ]
        )
        where = " · ".join(x for x in (area, region) if x) or self.tr("everywhere")
        self.shown.setText(
            self.tr("{0} services with no named lead ({1}):").format(f"{len(chosen):,}", where)
        )
