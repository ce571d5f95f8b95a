"""The Trash page: deleted records, with what their deletion took, until restored or purged.

Deleting never destroys: a deleted partner waits here with its agreements, programme roles and
the contacts it unlinked. Restore puts all of it back in one step; Delete permanently and
Empty trash are the only ways anything is lost for good, so both ask first.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.services.trash import TrashEntry, TrashService
from brokerdesk.gui.models.rows import RowColumn, RowsModel
from brokerdesk.gui.safety.history_panel import when

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class TrashPage(QWidget):
    """Lists the Trash; Restore, Delete permanently and Empty trash act on it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.trash = TrashService(ctx.db)
        self.entries: list[TrashEntry] = []
        self.setObjectName("trash-page")
        self.setAccessibleName(self.tr("Trash"))
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{self.tr('Trash')}</h2>", self)
        heading.setAccessibleName(self.tr("Trash"))
        layout.addWidget(heading)
        self.intro = QLabel(
            self.tr(
                "Deleted records wait here with everything their deletion took. Restore puts "
                "them back; nothing is lost until you delete it permanently."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table_label = QLabel(self.tr("&Deleted records"), self)
        self.rows = RowsModel(self._columns(), self)
        self.table = QTableView(self)
        self.table.setModel(self.rows)
        self.table.setObjectName("trash-table")
        self.table.setAccessibleName(self.tr("Deleted records"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            self.rows.columnCount() - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _index: self.restore_selected())
        self.table_label.setBuddy(self.table)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("The Trash is empty."), self)
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.restore_button = self._button("&Restore", "Restore the selected records")
        self.purge_button = self._button(
            "Delete &permanently…", "Delete the selected records permanently"
        )
        self.empty_button = self._button("&Empty trash…", "Empty the Trash")
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        for button in (self.restore_button, self.purge_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.empty_button)
        layout.addLayout(row)
        ctx.changes.changed.connect(lambda _entities: self.refresh())
        self.refresh()

    def _columns(self) -> list[RowColumn]:
        nothing_else = self.tr("nothing else")
        return [
            RowColumn("what", self.tr("What"), text=lambda r: str(r["what"]).capitalize()),
            RowColumn("label", self.tr("Name")),
            RowColumn("user_name", self.tr("Deleted by")),
            RowColumn("deleted_at", self.tr("When"), text=lambda r: when(r["deleted_at"])),
            RowColumn(
                "took_with_it",
                self.tr("Took with it"),
                text=lambda r: ", ".join(r["took_with_it"]) or nothing_else,
            ),
        ]

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(self.tr(text), self)
        button.setAccessibleName(self.tr(name))
        return button

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    # ------------------------------------------------------------------ contents
    def refresh(self) -> None:
        """Reload the Trash, keeping the selection where the same items remain."""
        chosen = {e.id for e in self.selected()}
        self.entries = self.trash.list()
        self.rows.set_rows([{**vars(entry), "entry": entry} for entry in self.entries])
        for row, entry in enumerate(self.entries):
            if entry.id in chosen:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.empty_label.setVisible(not self.entries)
        self._update_buttons()

    def selected(self) -> list[TrashEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows.row_at(r)["entry"] for r in rows if r < self.rows.rowCount()]

    def _update_buttons(self) -> None:
        some = bool(self.selected())
        self.restore_button.setEnabled(some)
        self.purge_button.setEnabled(some)
        self.empty_button.setEnabled(bool(self.entries))

    # ------------------------------------------------------------------ actions
    def restore_selected(self) -> int:
        """Put the selected items back; return how many came back."""
        restored = 0
        for entry in self.selected():
            change = self.ctx.attempt(partial(self.trash.restore, entry.id))
            if change is None:
                break  # the refusal was reported; the rest stay in the Trash
            restored += 1
            self.ctx.changes.broadcast(change, tables={"trash_item"})
            self.ctx.notify(self.tr("Restored {0} “{1}”").format(entry.what, entry.label))
        self.refresh()
        return restored

    def purge_selected(self) -> int:
        """After confirmation, delete the selected items for good; return how many."""
        entries = self.selected()
        if not entries:
            return 0
        names = "\n".join(f"• {e.what} “{e.label}”" for e in entries[:10])
        if len(entries) > 10:
            names += "\n" + self.tr("…and {0} more").format(len(entries) - 10)
        if not self._confirm(
            self.tr("Delete permanently?"),
            self.tr("These will be deleted permanently and cannot be restored:\n{0}").format(names),
            self.tr("Delete permanently"),
        ):
            return 0
        done = 0
        for entry in entries:
            if not self.ctx.attempt(partial(self._purge, entry.id)):
                break  # the refusal was reported; the rest stay in the Trash
            done += 1
        self.ctx.changes.broadcast(tables={"trash_item"})
        self.refresh()
        return done

    def _purge(self, item_id: int) -> bool:
        self.trash.purge(item_id)
        return True

    def empty_trash(self) -> int:
        """After confirmation, purge everything in the Trash; return how many went."""
        if not self.entries:
            return 0
        if not self._confirm(
            self.tr("Empty the Trash?"),
            self.tr(
                "All {0} items in the Trash will be deleted permanently and cannot be restored."
            ).format(len(self.entries)),
            self.tr("Empty trash"),
        ):
            return 0
        count = self.ctx.attempt(lambda: self.trash.empty(0)) or 0
        self.ctx.changes.broadcast(tables={"trash_item"})
        self.ctx.notify(self.tr("Emptied the Trash ({0} items)").format(count))
        self.refresh()
        return int(count)

    def _confirm(self, title: str, text: str, verb: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        go = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAccessibleName(title)
        box.exec()
        return box.clickedButton() is go


def create_trash_page(ctx: AppContext, parent: QWidget | None = None) -> TrashPage:
    """The navigation page factory named in ``main_window.OTHER_PAGES``."""
    return TrashPage(ctx, parent)
