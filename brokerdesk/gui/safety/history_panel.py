"""A record's History: who changed what and when, newest first, each field old → new.

Each save is a line (when, who, what changed); the fields it changed follow it, one line
each, indented and spanning the whole width, as "Field: old → new".

The panel is meant for record pages (``HistoryPanel(ctx, entity, record_id)``, then
``refresh()`` when the record changes; it also refreshes itself on the change broadcast).
Until every page embeds it, Edit ▸ Show history… opens it in a dialog for the record shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.services.history import FieldChange, HistoryEntry, HistoryService
from brokerdesk.gui.dialogs.conflict import plain
from brokerdesk.gui.models.rows import RowColumn, RowsModel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.main_window import MainWindow

ACTIONS = {
    "create": "Created",
    "update": "Changed",
    "delete": "Deleted",
    "restore": "Restored",
    "bulk": "Changed",
    "merge": "Merged",
}


HIDDEN = frozenset({"id", "version_id", "created_at", "updated_at"})
INDENT = "\u2003\u2003"  # two em spaces: a field's line sits under its save


def elide(text: str, limit: int = 50) -> str:
    """Long notes shortened for the line; the tooltip and screen readers get all of it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def when(moment: dt.datetime) -> str:
    """A stored UTC time in the user's local time, written the British way."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%d %b %Y, %H:%M")


def _is_field(row: Mapping[str, object]) -> bool:
    return "field_line" in row


class HistoryPanel(QWidget):
    """The audit trail of one record: one line per save, then one line per field it changed."""

    def __init__(
        self, ctx: AppContext, entity: str, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        self.record_id = record_id
        self.setObjectName("history-panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("&History"), self)
        self.rows = RowsModel(self._columns(), self)
        self.table = QTableView(self)
        self.table.setModel(self.rows)
        self.table.setObjectName("history-table")
        self.table.setAccessibleName(self.tr("History"))
        self.table.setAccessibleDescription(
            self.tr("Every change to this record, newest first, each followed by its fields")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)  # one line each; the tooltip has all of a long line
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.heading.setBuddy(self.table)
        self.empty = QLabel(self.tr("No changes recorded yet."), self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.entries: list[HistoryEntry] = []
        ctx.changes.changed.connect(self._on_change)
        self.refresh()

    def _columns(self) -> list[RowColumn]:
        def first(row: Mapping[str, object]) -> str:
            return INDENT + str(row["field_line"]) if _is_field(row) else str(row["when"])

        def full(row: Mapping[str, object]) -> str:
            return str(row["full"] if _is_field(row) else row["sentence"])

        return [
            RowColumn("when", self.tr("When"), text=first, spoken=full, hint=full),
            RowColumn("who", self.tr("Who")),
            RowColumn("what", self.tr("What changed")),
        ]

    def _on_change(self, entities: frozenset[str]) -> None:
        if self.entity in entities:
            self.refresh()

    def _choices(self) -> dict[str, Mapping[str, str]]:
        try:
            fields = self.ctx.services.for_entity(self.entity).fields
        except KeyError:
            return {}
        return {f.name: f.choices for f in fields if f.choices}

    def refresh(self) -> None:
        """Reload the record's history from the database."""
        self.entries = HistoryService(self.ctx.db).for_record(self.entity, self.record_id)
        choices = self._choices()

        def shown(change: FieldChange, value: object, name: str | None) -> str:
            if change.reference and value is not None:  # the record's name, as it was then
                return name if name is not None else self.tr("#{0}, since deleted").format(value)
            if change.field in choices and isinstance(value, str):
                value = choices[change.field].get(value, value)
            return plain(value)

        rows: list[dict[str, object]] = []
        for entry in self.entries:
            changes = [c for c in entry.changes if c.field not in HIDDEN]
            action = self.tr(ACTIONS.get(entry.action, entry.action.capitalize()))
            if entry.action == "update":
                what = self.tr("Changed {0}").format(", ".join(c.label for c in changes))
            elif entry.action == "merge":  # "Merged “RNIB UK” into “RNIB”"
                what = entry.summary
            else:
                what = action
            if entry.source:
                what = self.tr("{0} ({1})").format(what, entry.source)
            sentence = self.tr("{0}, {1}: {2}").format(when(entry.at), entry.user_name, what)
            rows.append(
                {"when": when(entry.at), "who": entry.user_name, "what": what, "sentence": sentence}
            )
            for change in changes if entry.action in ("update", "bulk", "merge") else ():
                old = shown(change, change.old, change.old_name)
                new = shown(change, change.new, change.new_name)
                if change.kept:
                    line = self.tr("{0}: {1} → {2}").format(change.label, elide(old), elide(new))
                    full = self.tr("{0}: {1} → {2}").format(change.label, old, new)
                else:
                    line = self.tr("{0}: {1} not kept").format(change.label, elide(old))
                    full = self.tr("{0}: {1} not kept").format(change.label, old)
                rows.append({"field_line": line, "full": full, "change": (change.field, old, new)})
        self.rows.set_rows(rows)
        self.table.clearSpans()
        columns = self.rows.columnCount()
        for number, row in enumerate(rows):
            if _is_field(row):
                self.table.setSpan(number, 0, 1, columns)
        metrics = self.table.fontMetrics()
        for column in range(2):  # fit the save lines; the spanned field lines may run on
            texts = [self.rows.index(n, column).data() for n, r in enumerate(rows)]
            texts = [t for n, t in enumerate(texts) if not _is_field(rows[n])]
            texts.append(self.rows.headers[column])
            width = max(metrics.horizontalAdvance(t) for t in texts) + 36
            self.table.horizontalHeader().resizeSection(column, width)
        self.empty.setVisible(not self.entries)


class HistoryDialog(QDialog):
    """The History panel in a window of its own (Edit ▸ Show history…)."""

    def __init__(
        self, ctx: AppContext, entity: str, record_id: int, title: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history-dialog")
        self.setWindowTitle(self.tr("History of {0}").format(title))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.panel = HistoryPanel(ctx, entity, record_id, self)
        layout.addWidget(self.panel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout.addWidget(buttons)
        self.resize(760, 480)


def show_history(window: MainWindow) -> HistoryDialog | None:
    """Open the History of the record the window shows (non-modal); None on a list."""
    page = window.record_page
    location = window.location if page is not None and page.isVisible() else None
    if location is None or location.record_id is None:
        window.ctx.notify(translate("HistoryPanel", "Open a record first to see its history."))
        return None
    heading = getattr(page, "heading", None)
    title = heading.text() if isinstance(heading, QLabel) else window.windowTitle()
    dialog = HistoryDialog(window.ctx, location.entity, location.record_id, title, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def install_history_action(window: MainWindow) -> QAction:
    """Edit ▸ Show history… (Ctrl+H): the action; its place is in ``gui.menu_layout``."""
    action = QAction(translate("HistoryPanel", "Show &history…"), window)
    action.setObjectName("show-history")
    action.setShortcut(QKeySequence("Ctrl+H"))
    action.setStatusTip(translate("HistoryPanel", "Who changed this record, what and when"))
    action.triggered.connect(lambda: show_history(window))
    return action
