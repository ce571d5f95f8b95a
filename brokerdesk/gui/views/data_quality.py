"""The Data quality page: where the team's data is incomplete, check by check.

On the left each check with how many records fail it ("Partners with no contact (4)"); on the
right what to do about it and the records, which Enter opens. The figures are worked out off
the GUI thread whenever the page shows or a record changes while it shows. The same checks
run from a terminal as ``brokerdesk check --data``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import clock
from brokerdesk.core.data_quality import CheckResult
from brokerdesk.gui import kind_words
from brokerdesk.gui.announce import announce
from brokerdesk.gui.models.rows import CellsRow
from brokerdesk.gui.views.dashboard.record_table import RecordTable

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class DataQualityPage(QWidget):
    """Signals:
    open_requested(str, int): open a record's page.
    loaded(): the figures on screen are current.
    """

    open_requested = Signal(str, int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.results: list[CheckResult] = []
        self.stale = True
        self._generation = 0
        self.setObjectName("data-quality-page")
        self.setAccessibleName(self.tr("Data quality"))
        heading = QLabel(f"<h2>{self.tr('Data quality')}</h2>", self)
        heading.setAccessibleName(self.tr("Data quality"))
        intro = QLabel(
            self.tr(
                "Where the records are incomplete. Choose a check to see its records; Enter "
                "opens one. Ended partners and finished or cancelled programmes are left out."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.checks = QListWidget(self)
        self.checks.setObjectName("data-quality-checks")
        self.checks.setAccessibleName(self.tr("Checks"))
        checks_label = QLabel(self.tr("&Checks"), self)
        checks_label.setBuddy(self.checks)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.records = RecordTable(self.tr("Records"), [self.tr("Record"), self.tr("Detail")])
        self.records.open_requested.connect(self.open_requested)
        records_label = QLabel(self.tr("&Records"), self)
        records_label.setBuddy(self.records)
        left = QVBoxLayout()
        left.addWidget(checks_label)
        left.addWidget(self.checks, 1)
        right = QVBoxLayout()
        right.addWidget(self.advice)
        right.addWidget(records_label)
        right.addWidget(self.records, 1)
        row = QHBoxLayout()
        row.addLayout(left, 2)
        row.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        self.checks.currentRowChanged.connect(self._show_check)
        ctx.changes.changed.connect(self._data_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def _data_changed(self, _entities: object) -> None:
        self.stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Run every check off the GUI thread, then show the counts."""
        db, today = self.ctx.db, clock.today()
        self.stale = False
        self._generation += 1
        generation = self._generation

        def work(_progress: object) -> list[CheckResult]:
            from brokerdesk.core.data_quality import run_checks

            return run_checks(db, today)

        self.ctx.tasks.start(
            work,
            self.tr("Checking the data"),
            on_done=lambda results: self._show(generation, results),
            on_error=lambda exc: self.ctx.report_error(str(exc)),
            owner=self,
        )

    def _show(self, generation: int, results: list[CheckResult]) -> None:
        if generation != self._generation:
            return
        keep = max(self.checks.currentRow(), 0)
        self.results = results
        self.checks.blockSignals(True)
        self.checks.clear()
        for result in results:
            text = f"{self.tr(result.title)} ({result.count:,})"
            item = QListWidgetItem(text, self.checks)
            item.setData(Qt.ItemDataRole.UserRole, result.key)
            if result.count:
                font = item.font()
                font.setBold(True)  # never by colour alone
                item.setFont(font)
        self.checks.blockSignals(False)
        self.checks.setCurrentRow(min(keep, len(results) - 1))
        self._show_check(self.checks.currentRow())
        failing = sum(1 for r in results if r.count)
        announce(
            self.checks,
            self.tr("{0} of {1} checks found records to complete.").format(failing, len(results)),
        )
        self.loaded.emit()

    def _show_check(self, row: int) -> None:
        if not 0 <= row < len(self.results):
            return
        result = self.results[row]
        noun = (
            kind_words.many(result.entity) if result.count != 1 else kind_words.one(result.entity)
        )
        self.advice.setText(
            self.tr("{0}: {1} {2}. {3}").format(
                self.tr(result.title), f"{result.count:,}", noun, self.tr(result.explanation)
            )
            if result.count
            else self.tr("{0}: none. Nothing to do here.").format(self.tr(result.title))
        )
        self.records.set_rows(
            [CellsRow([f.name, f.detail], record=(f.entity, f.id)) for f in result.findings]
        )


def create_data_quality_page(ctx: AppContext, parent: QWidget | None = None) -> DataQualityPage:
    """The navigation page factory named in ``main_window.OTHER_PAGES``."""
    return DataQualityPage(ctx, parent)
