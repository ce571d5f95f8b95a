"""The tag manager: every tag with its records counted per kind; rename, merge, colour, delete.

Everything sits in the one window (no dialog on a dialog): choose a tag in the table, then
type its new name, pick the tag to merge it into or its colour, and press the button beside.
Each action is one undo entry (Edit ▸ Undo, Ctrl+Z, in the main window). A colour shows as a
chip beside the tag's name and is always written out too ("Blue"): never colour alone.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.kinds import KINDS
from brokerdesk.core.services.tags import TagInfo, TagService
from brokerdesk.core.tagging import TAG_COLOURS, TAGGED_KINDS, colour_name
from brokerdesk.gui.announce import announce
from brokerdesk.gui.models.rows import RowColumn, RowsModel
from brokerdesk.gui.tagging.command import TagCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

DECORATION = int(Qt.ItemDataRole.DecorationRole)


class TagTableModel(RowsModel):
    """The tags, one row each: a colour chip beside the name, and the colour's name."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == DECORATION and index.isValid() and index.column() == 0:
            colour = self.row_at(index.row()).get("colour")
            return QColor(colour) if colour else None
        return super().data(index, role)


def _columns() -> list[RowColumn]:
    kinds = [
        RowColumn(kind, KINDS[kind].title, right=True) for kind in TAGGED_KINDS if kind in KINDS
    ]
    return [
        RowColumn("name", "Tag"),
        RowColumn("colour", "Colour", text=lambda row: colour_name(row.get("colour"))),
        *kinds,
        RowColumn("total", "Total", right=True),
    ]


class TagManager(QDialog):
    """Tools ▸ Tags…: not modal, so the lists stay usable (and show each change) beside it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tags = TagService(ctx.db)
        self._infos: list[TagInfo] = []
        self.setObjectName("tag-manager")
        self.setWindowTitle(self.tr("Tags"))
        self.setAccessibleName(self.tr("Tags"))

        intro = QLabel(
            self.tr(
                "Every tag, with how many records of each kind carry it. Choose a tag, then "
                "rename, merge, colour or delete it; Ctrl+Z in the main window undoes each."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = TagTableModel(_columns(), self)
        self.table = QTableView(self)
        self.table.setObjectName("tag-table")
        self.table.setAccessibleName(self.tr("Tags table"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_chosen())

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("New name"))
        self.rename_button = self._button(self.tr("&Rename"), self._rename, "tag-rename")
        self.merge_box = QComboBox(self)
        self.merge_box.setAccessibleName(self.tr("Merge into"))
        self.merge_button = self._button(self.tr("&Merge"), self._merge, "tag-merge")
        self.colour_box = QComboBox(self)
        self.colour_box.setAccessibleName(self.tr("Colour"))
        self.colour_box.addItem(self.tr("No colour"), None)
        for value, name in TAG_COLOURS.items():
            self.colour_box.addItem(self._chip(value), self.tr(name), value)
        self.colour_button = self._button(self.tr("Set &colour"), self._colour, "tag-colour")
        self.delete_button = self._button(self.tr("&Delete tag"), self._delete, "tag-delete")

        form = QFormLayout()
        for text, field, button in (
            (self.tr("New &name:"), self.name_edit, self.rename_button),
            (self.tr("Merge &into:"), self.merge_box, self.merge_button),
            (self.tr("C&olour:"), self.colour_box, self.colour_button),
        ):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(button)
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, row)
        form.addRow("", self.delete_button)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("tag-outcome")
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        chain = [
            self.table,
            self.name_edit,
            self.rename_button,
            self.merge_box,
            self.merge_button,
            self.colour_box,
            self.colour_button,
            self.delete_button,
            buttons.button(QDialogButtonBox.StandardButton.Close),
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.resize(760, 460)
        ctx.changes.changed.connect(lambda _tables: self.refresh() if self.isVisible() else None)
        self._show_chosen()

    def _button(self, text: str, slot: Any, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _chip(self, colour: str) -> QIcon:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(colour))
        return QIcon(pixmap)

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Read the tags again, keeping the chosen one chosen if it is still there."""
        chosen = self.chosen()
        self._infos = self.tags.all()
        rows = [
            {"id": t.id, "name": t.name, "colour": t.colour, "total": t.total}
            | {kind: t.counts.get(kind, 0) for kind in TAGGED_KINDS}
            for t in self._infos
        ]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        again = next((i for i, t in enumerate(self._infos) if chosen and t.id == chosen.id), 0)
        if self._infos:
            self.table.selectRow(again)
            self.table.setCurrentIndex(self.model.index(again, 0))
        self._show_chosen()

    def chosen(self) -> TagInfo | None:
        row = self.table.currentIndex().row()
        if 0 <= row < len(self._infos):
            return self._infos[row]
        return None

    def choose(self, name: str) -> None:
        """Make the tag called ``name`` the chosen one (as clicking its row would)."""
        for row, info in enumerate(self._infos):
            if info.name == name:
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.selectRow(row)
                return
        raise LookupError(name)

    def _show_chosen(self) -> None:
        tag = self.chosen()
        for widget in (
            self.name_edit,
            self.rename_button,
            self.merge_box,
            self.merge_button,
            self.colour_box,
            self.colour_button,
            self.delete_button,
        ):
            widget.setEnabled(tag is not None)
        self.merge_box.clear()
        if tag is None:
            self.name_edit.clear()
            return
        self.name_edit.setText(tag.name)
        for other in self._infos:
            if other.id != tag.id:
                self.merge_box.addItem(other.name, other.id)
        self.merge_button.setEnabled(self.merge_box.count() > 0)
        found = self.colour_box.findData(tag.colour)
        self.colour_box.setCurrentIndex(max(found, 0))

    # ------------------------------------------------------------------ acting
    def _do(self, text: str, action: Any) -> None:
        """Run one action as an undo entry; a refusal is said here, beside the fields."""
        command = TagCommand(self.ctx, self.tags, action, text)
        try:
            change = command.perform()
        except BrokerDeskError as exc:
            self._say(self.tr("Nothing changed: {0}").format(exc), urgent=True)
            return
        self.ctx.record_undoable(command, change)
        self._say(text + ".")
        self.refresh()

    def _say(self, text: str, *, urgent: bool = False) -> None:
        self.outcome.setText(text)
        announce(self.outcome, text, urgent=urgent)

    def _rename(self) -> None:
        tag = self.chosen()
        if tag is None:
            return
        new = self.name_edit.text()
        text = self.tr("Renamed tag “{0}” to “{1}”").format(tag.name, " ".join(new.split()))
        self._do(text, lambda: self.tags.rename(tag.id, new))

    def _merge(self) -> None:
        tag = self.chosen()
        into = self.merge_box.currentData()
        if tag is None or into is None:
            return
        text = self.tr("Merged tag “{0}” into “{1}”").format(tag.name, self.merge_box.currentText())
        self._do(text, lambda: self.tags.merge(tag.id, int(into)))

    def _colour(self) -> None:
        tag = self.chosen()
        if tag is None:
            return
        colour = self.colour_box.currentData()
        text = self.tr("Tag “{0}” is now {1}").format(
            tag.name, self.colour_box.currentText().lower()
        )
        self._do(text, lambda: self.tags.set_colour(tag.id, colour))

    def _delete(self) -> None:
        tag = self.chosen()
        if tag is None:
            return
        text = self.tr("Deleted tag “{0}” from {1} records").format(tag.name, tag.total)
        self._do(text, lambda: self.tags.delete(tag.id))
