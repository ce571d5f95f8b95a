"""The Suggestions tab: who a programme should approach next, and what a service could join.

Adding goes through ``ctx.perform(LinkServices(...))``, so Ctrl+Z removes exactly the new
participation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import suggestions
from brokerdesk.core.services.choices import ReferenceChoices
from brokerdesk.core.suggestions import Suggestion
from brokerdesk.gui.models.rows import CellsRow
from brokerdesk.gui.views.dashboard.record_table import RecordTable

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


def _combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    combo.setEditable(True)  # type to find among 200 services
    line = combo.lineEdit()
    if line is not None:  # a screen reader reaches the field inside the box too
        line.setAccessibleName(name)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


class SuggestionsTab(QWidget):
    """Signals:
    open_requested(str, int): open a record's page.
    """

    open_requested = Signal(str, int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False
        self._generation = 0
        self.programme = _combo(self.tr("Programme"), self)
        self.for_programme = RecordTable(
            self.tr("Services to approach"), ["Library service", "Region", "Score", "Why"]
        )
        self.add_service = QPushButton(self.tr("&Invite to programme"), self)
        self.add_service.setAccessibleName(self.tr("Invite to programme"))
        self.add_service.clicked.connect(self.invite_selected_service)
        self.service = _combo(self.tr("Library service"), self)
        self.for_service = RecordTable(
            self.tr("Programmes to offer"), ["Programme", "Offer area", "Score", "Why"]
        )
        self.add_programme = QPushButton(self.tr("Invite to selecte&d programme"), self)
        self.add_programme.setAccessibleName(self.tr("Invite to selected programme"))
        self.add_programme.clicked.connect(self.invite_to_selected_programme)
        for table in (self.for_programme, self.for_service):
            table.open_requested.connect(self.open_requested)
        layout = QVBoxLayout(self)
        for title, combo, table, button in (
            (self.tr("For a &programme"), self.programme, self.for_programme, self.add_service),
            (self.tr("For a library &service"), self.service, self.for_service, self.add_programme),
        ):
            group = QGroupBox(title.replace("&", ""), self)
            inner = QVBoxLayout(group)
            bar = QHBoxLayout()
            label = QLabel(title + ":", group)
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo, 1)
            bar.addWidget(button)
            inner.addLayout(bar)
            inner.addWidget(table, 1)
            layout.addWidget(group, 1)
        self.programme.currentIndexChanged.connect(self.recompute)
        self.service.currentIndexChanged.connect(self.recompute)

    def refresh(self) -> None:
        choices = ReferenceChoices(self.ctx.db)
        programmes, services = choices.live_programmes(), choices.member_services()
        for combo, rows in ((self.programme, programmes), (self.service, services)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for rid, name in rows:
                combo.addItem(name, rid)
            if keep is not None and combo.findData(keep) >= 0:
                combo.setCurrentIndex(combo.findData(keep))
            combo.blockSignals(False)
        self.recompute()

    def recompute(self) -> None:
        """Rank both lists off the GUI thread (about 0.3 s on a large database)."""
        db, pid, sid = self.ctx.db, self.programme.currentData(), self.service.currentData()
        self._generation += 1
        generation = self._generation
        self.loading = True

        def work(_progress: object) -> tuple[list[Suggestion], list[Suggestion]]:
            return (
                suggestions.for_programme(db, pid) if pid is not None else [],
                suggestions.for_service(db, sid) if sid is not None else [],
            )

        self.ctx.tasks.start(
            work,
            self.tr("Ranking suggestions"),
            on_done=lambda result: self._show(generation, result),
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.ctx.report_error(str(exc))

    def _show(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        for_programme, for_service = result
        self.for_programme.set_rows(
            [
                CellsRow(
                    [s.name, s.region, s.score, " ".join(s.reasons)],
                    ("library_service", s.id),
                    tooltip="\n".join(s.reasons),
                )
                for s in for_programme
            ]
        )
        self.for_service.set_rows(
            [
                CellsRow(
                    [s.name, s.region, s.score, " ".join(s.reasons)],
                    ("programme", s.id),
                    tooltip="\n".join(s.reasons),
                )
                for s in for_service
            ]
        )
        self.loading = False
        self.loaded.emit()

    def _link(self, programme_id: int, service_id: int, what: str) -> None:
        from brokerdesk.gui.undo import LinkServices

        command = LinkServices(self.ctx, programme_id, [service_id], "invited", what)
        if self.ctx.perform(command) is not None:
            self.recompute()

    def invite_selected_service(self) -> None:
        record = self.for_programme.current_record()
        pid = self.programme.currentData()
        if record and pid is not None:
            name = self.for_programme.currentIndex().siblingAtColumn(0).data()
            self._link(
                pid,
                record[1],
                self.tr("Invite {0} to {1}").format(name, self.programme.currentText()),
            )

    def invite_to_selected_programme(self) -> None:
        record = self.for_service.current_record()
        sid = self.service.currentData()
        if record and sid is not None:
            name = self.for_service.currentIndex().siblingAtColumn(0).data()
            self._link(
                record[1],
                sid,
                self.tr("Invite {0} to {1}").format(self.service.currentText(), name),
            )
