"""The Coverage tab: offer areas × regions, filters, the cell's covered and missing lists."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import clock, coverage
from brokerdesk.core.coverage import ALL_REGIONS, Cell, CoverageFilter, CoverageMatrix
from brokerdesk.gui.announce import announce
from brokerdesk.gui.calendars import make_readable
from brokerdesk.gui.dialogs.invite_gaps import InviteGapsDialog
from brokerdesk.gui.models.rows import CellsRow
from brokerdesk.gui.views.dashboard.record_table import RecordTable
from brokerdesk.gui.views.dashboard.years import year_choice

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

STATUS_CHOICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Live programmes", ("live",)),
    ("Live and negotiating", ("live", "negotiating")),
    ("Completed programmes", ("completed",)),
    ("Any status but cancelled", ("idea", "negotiating", "live", "completed")),
)
HELP = (
    "A member library service is covered when it is signed up or active in a programme of the "
    "offer area (primary or secondary) with the chosen status. Choose a cell to list the "
    "services covered and the ones missing. Choose a year to count only the programmes "
    "running that year (a series' round of that year), completed participations too."
)


class CoverageTab(QWidget):
    """Signals:
    open_requested(str, int): open a library service's page.
    """

    open_requested = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.matrix: CoverageMatrix | None = None
        self.chosen: tuple[int, str] | None = None  # (offer area id, region) of the cell shown
        self.gap_ids: list[int] = []  # the gap list's services, for the invitation
        self.invitation: InviteGapsDialog | None = None
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Programme status"))
        for text, statuses in STATUS_CHOICES:
            self.status.addItem(self.tr(text), statuses)
        status_label = QLabel(self.tr("Programme &status:"), self)
        status_label.setBuddy(self.status)
        self.use_date = QCheckBox(self.tr("&As at"), self)
        self.use_date.setAccessibleName(self.tr("As at"))
        today = clock.today()
        self.as_at = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.as_at.setCalendarPopup(True)
        self.as_at.setDisplayFormat("d MMM yyyy")
        self.as_at.setAccessibleName(self.tr("As at date"))
        make_readable(self.as_at.calendarWidget(), self.tr("As at date"))
        self.as_at.setEnabled(False)
        self.year = year_choice(ctx, self)
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year)
        self.export_button = QPushButton(self.tr("Ex&port coverage…"), self)
        self.export_button.setAccessibleName(self.tr("Export coverage…"))
        self.export_button.clicked.connect(self._choose_export)
        bar = QHBoxLayout()
        for widget in (status_label, self.status, year_label, self.year, self.use_date, self.as_at):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.invite_button = QPushButton(self.tr("&Invite the missing services…"), self)
        self.invite_button.setAccessibleName(self.tr("Invite the missing services…"))
        self.invite_button.setEnabled(False)
        self.invite_button.clicked.connect(self.invite_missing)
        self.table = RecordTable(self.tr("Coverage matrix"), ["Offer area"])
        self.table.setSelectionBehavior(RecordTable.SelectionBehavior.SelectItems)
        self.table.setSortingEnabled(False)
        self.table.source.row_headers = True  # each cell reads with its offer area
        self.table.clicked.connect(self._cell_chosen)
        self.table.cell_chosen.connect(self._cell_chosen)
        self.detail_title = QLabel(self.tr("Choose a cell to see its gap list."), self)
        self.detail_title.setObjectName("coverage-cell-title")
        self.covered = RecordTable(self.tr("Covered services"), ["Covered", "Region"])
        self.missing = RecordTable(self.tr("Missing services (gap list)"), ["Missing", "Region"])
        for table in (self.covered, self.missing):
            table.open_requested.connect(self.open_requested)
        lists = QSplitter(self)
        lists.addWidget(self.missing)
        lists.addWidget(self.covered)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.detail_title, 1)
        title_row.addWidget(self.invite_button)
        detail_layout.addLayout(title_row)
        detail_layout.addWidget(lists, 1)
        split = QSplitter(self)
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        help_text = QLabel(self.tr(HELP), self)
        help_text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(help_text)
        layout.addWidget(split, 1)
        # The matrix first, then the gap list it fills, then the services already covered.
        self.setTabOrder(self.export_button, self.table)
        self.setTabOrder(self.table, self.invite_button)
        self.setTabOrder(self.invite_button, self.missing)
        self.setTabOrder(self.missing, self.covered)
        self.status.currentIndexChanged.connect(self.refresh)
        self.year.currentIndexChanged.connect(self.refresh)
        self.use_date.toggled.connect(self.as_at.setEnabled)
        self.use_date.toggled.connect(self.refresh)
        self.as_at.dateChanged.connect(self.refresh)

    def current_filter(self) -> CoverageFilter:
        as_at = self.as_at.date().toPython() if self.use_date.isChecked() else None
        return CoverageFilter(
            statuses=self.status.currentData(),
            as_at=as_at,  # type: ignore[arg-type]
            year=self.year.currentData(),
        )

    def refresh(self) -> None:
        matrix = coverage.coverage_matrix(self.ctx.db, self.current_filter())
        self.matrix = matrix
        columns = [*matrix.regions, ALL_REGIONS]
        self.table.set_headers(["Offer area", *columns])
        rows = [
            CellsRow(
                [name, *(matrix.cell(area_id, r).text() for r in columns)],
                None,
                spoken=[name, *(self._spoken(name, r, matrix.cell(area_id, r)) for r in columns)],
            )
            for area_id, name in matrix.offer_areas
        ]
        self.table.set_rows(rows)
        if self.chosen is not None:  # after a change, the cell's lists follow the new figures
            self._fill_cell(*self.chosen, speak=False)

    def _spoken(self, area: str, region: str, cell: Cell) -> str:
        """A cell as a sentence: the row and column it sits in, and what the numbers mean."""
        return self.tr("{0}, {1}: {2} of {3} member services covered ({4}%)").format(
            area, region, cell.covered, cell.total, f"{cell.percent:.0f}"
        )

    def cell_at(self, row: int, column: int) -> tuple[int, str] | None:
        """(offer area id, region) behind a matrix cell, or None for the name column."""
        if self.matrix is None or column < 1 or row >= len(self.matrix.offer_areas):
            return None
        regions = [*self.matrix.regions, ALL_REGIONS]
        return self.matrix.offer_areas[row][0], regions[column - 1]

    def _cell_chosen(self, index: QModelIndex) -> None:
        self.show_cell(index.row(), index.column())

    def show_cell(self, row: int, column: int) -> None:
        chosen = self.cell_at(row, column)
        if chosen is None or self.matrix is None:
            return
        self._fill_cell(*chosen, speak=True)

    def _fill_cell(self, area_id: int, region: str, *, speak: bool) -> None:
        assert self.matrix is not None
        areas = dict(self.matrix.offer_areas)
        if area_id not in areas:  # the offer area has gone
            self.chosen, self.gap_ids = None, []
            self.invite_button.setEnabled(False)
            return
        self.chosen = (area_id, region)
        detail = coverage.cell_detail(self.ctx.db, area_id, region, self.current_filter())
        self.detail_title.setText(
            self.tr("{0} in {1}: {2} covered, {3} missing").format(
                areas[area_id], region, len(detail.covered), len(detail.missing)
            )
        )
        if speak:
            announce(self.table, self.detail_title.text())
        self.gap_ids = [s.id for s in detail.missing]
        self.invite_button.setEnabled(bool(self.gap_ids))
        self.covered.set_rows(
            [CellsRow([s.name, s.region], ("library_service", s.id)) for s in detail.covered]
        )
        self.missing.set_rows(
            [CellsRow([s.name, s.region], ("library_service", s.id)) for s in detail.missing]
        )

    def invite_dialog(self) -> InviteGapsDialog | None:
        """The invitation dialog for the cell shown (None when its gap list is empty)."""
        if self.chosen is None or self.matrix is None or not self.gap_ids:
            return None
        area_id, region = self.chosen
        area = dict(self.matrix.offer_areas)[area_id]
        return InviteGapsDialog(self.ctx, area_id, area, region, self.gap_ids, self)

    def invite_missing(self) -> None:
        """Open the invitation dialog, window-modal; ``self.invitation`` holds it while open."""
        dialog = self.invite_dialog()
        if dialog is None:
            return
        self.invitation = dialog
        dialog.finished.connect(self._invitation_closed)
        dialog.open()

    def _invitation_closed(self) -> None:
        if self.invitation is not None:
            self.invitation.deleteLater()
        self.invitation = None
        self.missing.setFocus()  # back to the gap list the invitation came from

    def _choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export coverage"),
            "coverage.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV files (*.csv)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> list[Path] | None:
        """Write the matrix and gap list with the current filters (CSV or XLSX by suffix)."""
        from brokerdesk.commands.export_coverage import export_coverage

        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        written: list[Path] | None = self.ctx.attempt(
            lambda: export_coverage(
                self.ctx.db, path, fmt, flt=self.current_filter(), overwrite=True
            )
        )
        if written:
            self.ctx.notify(self.tr("Coverage exported to {0}").format(written[0]))
        return written
