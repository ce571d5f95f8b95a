"""Follow-ups & health, and Ending soon: lists of what needs attention, oldest first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QSplitter, QVBoxLayout, QWidget

from brokerdesk.core import health
from brokerdesk.gui.models.rows import CellsRow
from brokerdesk.gui.views.dashboard.record_table import RecordTable
from brokerdesk.gui.views.dashboard.today import WorksFromToday

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

SERVICE_LIMIT_KEY = "dashboard/service_contact_limit_days"


def _when(day: dt.date | None) -> str:
    return day.isoformat() if day else "Never"


def _since(days: int | None) -> str:
    return "—" if days is None else f"{days} days"


def _labelled(title: str, table: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(f"<b>{title}</b>", box)
    label.setBuddy(table)
    layout.addWidget(label)
    layout.addWidget(table, 1)
    return box


class HealthTab(WorksFromToday, QWidget):
    """Signals:
    open_requested(str, int): open a record's page.
    log_requested(str, int, str): log an interaction about (entity, id, name).
    """

    open_requested = Signal(str, int)
    log_requested = Signal(str, int, str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False
        self._generation = 0
        self.follow_ups = RecordTable(
            self.tr("Follow-ups due and overdue"), ["Due", "When", "Subject", "About"]
        )
        self.partners = RecordTable(
            self.tr("Partners: last contact"),
            ["Partner", "Last contact", "Since", "Limit", "Status"],
        )
        self.services = RecordTable(
            self.tr("Library services: last contact"),
            ["Library service", "Last contact", "Since", "Status"],
        )
        self.limit = QSpinBox(self)
        self.limit.setRange(7, 3650)
        self.limit.setSuffix(self.tr(" days"))
        self.limit.setAccessibleName(self.tr("Library service contact limit"))
        stored = ctx.settings.value(SERVICE_LIMIT_KEY, health.SERVICE_CONTACT_LIMIT_DAYS)
        self.limit.setValue(int(stored))
        self.limit.valueChanged.connect(self._limit_changed)
        limit_label = QLabel(self.tr("Library service contact &limit:"), self)
        limit_label.setBuddy(self.limit)
        for table in (self.follow_ups, self.partners, self.services):
            table.open_requested.connect(self.open_requested)
            table.log_requested.connect(self._log)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Ctrl+I on a row logs an interaction."), self))
        bar.addStretch(1)
        bar.addWidget(limit_label)
        bar.addWidget(self.limit)
        lower = QSplitter(self)
        lower.addWidget(_labelled(self.tr("Partners: last contact"), self.partners, self))
        lower.addWidget(_labelled(self.tr("Library services: last contact"), self.services, self))
        split = QSplitter(self)
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(_labelled(self.tr("Follow-ups due and overdue"), self.follow_ups, self))
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def _limit_changed(self, value: int) -> None:
        self.ctx.settings.set_value(SERVICE_LIMIT_KEY, value)
        self.refresh()

    def refresh(self) -> None:
        """Recompute off the GUI thread (about 0.3 s on a large database), then show."""
        db, today, limit = self.ctx.db, self.today, self.limit.value()
        self._generation += 1
        generation = self._generation
        self.loading = True

        def work(_progress: object) -> tuple[object, object, object]:
            return (
                health.follow_ups(db, today),
                health.partner_health(db, today),
                health.service_health(db, today, limit),
            )

        self.ctx.tasks.start(
            work,
            self.tr("Checking follow-ups and contact"),
            on_done=lambda result: self._show(generation, result),
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.ctx.report_error(str(exc))

    def _show(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        follow_ups, partners, services = result
        rows = []
        for f in follow_ups:
            status = self.tr("Overdue") if f.overdue else self.tr("Due")
            rows.append(
                CellsRow(
                    [status, f.due_on.isoformat(), f.subject, f.about],
                    ("interaction", f.interaction_id),
                    warn=f.overdue,
                )
            )
        self.follow_ups.set_rows(rows)
        self.partners.set_rows(
            [
                CellsRow(
                    [
                        h.name,
                        _when(h.last_contact),
                        _since(h.days_since),
                        f"{h.limit_days} days",
                        self.tr("Overdue for contact") if h.overdue else self.tr("In touch"),
                    ],
                    ("partner", h.id),
                    warn=h.overdue,
                )
                for h in partners
            ]
        )
        self.services.set_rows(
            [
                CellsRow(
                    [
                        h.name,
                        _when(h.last_contact),
                        _since(h.days_since),
                        self.tr("Overdue for contact") if h.overdue else self.tr("In touch"),
                    ],
                    ("library_service", h.id),
                    warn=h.overdue,
                )
                for h in services
            ]
        )
        self.loading = False
        self.loaded.emit()

    def _log(self, entity: str, record_id: int) -> None:
        table = self.sender()
        name = ""
        if isinstance(table, RecordTable):
            index = table.currentIndex()
            name = str(table.source.index(index.row(), 0).data() or "")
        if entity in ("partner", "library_service", "programme"):
            self.log_requested.emit(entity, record_id, name)


class EndingSoonTab(WorksFromToday, QWidget):
    """Programmes and agreements ending within 90 days; agreements' renewal and notice dates
    due within 90 days or overdue (a negative number of days left)."""

    open_requested = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = RecordTable(
            self.tr("Ending within 90 days"), ["Ends", "Days left", "What", "Name"]
        )
        self.table.open_requested.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(_labelled(self.tr("Ending within 90 days"), self.table, self))

    def refresh(self) -> None:
        rows = []
        whats = {
            "end": self.tr("Agreement"),
            "renewal": self.tr("Agreement renewal"),
            "notice": self.tr("Agreement notice"),
        }
        for e in health.ending_soon(self.ctx.db, self.today):
            what = self.tr("Programme") if e.entity == "programme" else whats[e.what]
            rows.append(
                CellsRow(
                    [e.end_date.isoformat(), e.days_left, what, e.name],
                    (e.entity, e.id),
                    warn=e.days_left <= 30,
                )
            )
        self.table.set_rows(rows)
