"""What every record page shares: a heading, details, actions, related-record tables, and
a clear "this record was deleted" state.

A page asks the core for everything related to its record in one call, shows it, and asks
again whenever the change broadcast names one of the entities it shows. Related rows open
their own page with a double click or Enter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import clock
from brokerdesk.core.errors import NotFoundError
from brokerdesk.gui import kind_words
from brokerdesk.gui.help.record_buttons import record_button_help
from brokerdesk.gui.models.rows import RowColumn, RowsModel, plain_text

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

Row = dict[str, Any]


# Labels a keyboard user can reach with Tab and select text in, as the mouse can.
READABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def counts_text(counts: Mapping[str, int], labels: Mapping[str, str] | None = None) -> str:
    """ "Invited 3 · Signed up 4" in the order given by ``labels`` (or by count)."""
    if not counts:
        return "none"
    keys = [k for k in labels if k in counts] if labels else []
    keys += sorted((k for k in counts if k not in keys), key=lambda k: (-counts[k], str(k)))
    return " · ".join(f"{(labels or {}).get(k, k)} {counts[k]:,}" for k in keys)


def place_first(table: QTableView) -> None:
    """Widths for a figures table (level, place, numbers): the place's name is the long one."""
    header = table.horizontalHeader()
    header.resizeSection(0, 120)
    header.resizeSection(1, 260)


class RelatedTable(QTableView):
    """A table of related records; double click or Enter opens the row's record.

    Signals:
        opened(str, int): the user opened a row's record.
    """

    opened = Signal(str, int)

    def __init__(
        self,
        title: str,
        columns: Sequence[RowColumn],
        open_entity: str | None,
        parent: QWidget,
        open_key: str = "id",
        multi: bool = False,
    ) -> None:
        super().__init__(parent)
        self.open_entity = open_entity
        self.open_key = open_key
        self.rows_model = RowsModel(columns, self)
        self.setModel(self.rows_model)
        self.setObjectName(f"related-{title.lower().replace(' ', '-')}")
        self.setAccessibleName(self.tr("{0} table").format(title))
        # Rows arrive in a sensible order; sort only when the user asks (Qt's default
        # indicator is descending, which would reverse them on the first show).
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        mode = QAbstractItemView.SelectionMode
        self.setSelectionMode(mode.ExtendedSelection if multi else mode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(150)
        header.resizeSection(0, 250)  # names first, and they are the longest
        self.doubleClicked.connect(self._open)
        action = QAction(self.tr("Open"), self)
        action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda: self._open(self.currentIndex()))
        self.addAction(action)

    def set_rows(self, rows: Sequence[Row], keep_key: str = "id") -> None:
        """Show rows, keeping the selected ones selected (by ``keep_key``)."""
        kept = [r.get(keep_key) for r in self.selected_rows()]
        self.rows_model.set_rows(rows)
        if rows:
            first = self.rows_model.index(0, 0)
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        for value in kept:
            row = self.rows_model.row_of(keep_key, value)
            if row is not None:
                self.selectionModel().select(
                    self.rows_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def selected_rows(self) -> list[Row]:
        if self.selectionModel() is None:
            return []
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.rows_model.row_at(r) for r in rows]

    def _open(self, index: QModelIndex) -> None:
        if self.open_entity is None or not index.isValid():
            return
        value = self.rows_model.row_at(index.row()).get(self.open_key)
        if value is not None:
            self.opened.emit(self.open_entity, int(value))


class RecordPage(QWidget):
    """Base of every record page.

    Signals:
        open_requested(str, int): the user opened a related record.
        find_duplicates_requested(str, int): the user asked for records that may be this one
            twice (the page's "Find duplicates…" button, shown when ``finds_duplicates``).
        delete_requested(): the user pressed the page's "Delete…" button (the window asks
            first, then deletes).

    Subclasses set ``entity`` and ``watches`` and implement ``fetch`` and ``fill``.
    """

    open_requested = Signal(str, int)
    find_duplicates_requested = Signal(str, int)
    delete_requested = Signal()
    entity = ""
    watches: frozenset[str] = frozenset()
    finds_duplicates = False  # partners and contacts can be merged

    def __init__(self, ctx: AppContext, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.noun = kind_words.one(self.entity)
        self.deleted = False
        self.setObjectName(f"page-{self.entity}")
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        # Focusable: a page that opens puts the focus here, so a screen reader says where
        # the user now is; Tab then goes on through the subtitle and the details.
        self.heading.setObjectName("page-heading")
        self.heading.setTextInteractionFlags(READABLE)
        self.heading.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(READABLE)
        self.buttons: list[QPushButton] = []
        self.button_bar = QHBoxLayout()
        self.details_box = QWidget(self)
        self.details = QFormLayout(self.details_box)
        self.details.setContentsMargins(0, 0, 0, 0)
        self.details.setHorizontalSpacing(16)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Related records"))
        self.tabs.setDocumentMode(True)
        self.deleted_label = QLabel(self)
        self.deleted_label.setWordWrap(True)
        self.deleted_label.setObjectName("deleted-state")
        self.deleted_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.deleted_label)
        layout.addLayout(self.button_bar)
        layout.addWidget(self.details_box)
        layout.addWidget(self.tabs, 1)
        self.add_button("Ed&it…", self.edit, "Edit this {noun}")
        self.add_button("&Delete…", self.delete, "Delete this {noun}")
        self.build()
        if self.finds_duplicates:
            button = self.add_button(
                "Find d&uplicates…",
                lambda: self.find_duplicates_requested.emit(self.entity, self.record_id),
                "Records that may be this {noun} twice",
            )
            button.setObjectName("find-duplicates-button")
        self.button_bar.addStretch(1)
        ctx.changes.changed.connect(self._on_change)
        self.reload()
        self._reading_order()

    # ------------------------------------------------------------------ building
    def add_button(
        self, text: str, slot: Callable[[], Any], tip: str = "", shortcut: str | None = None
    ) -> QPushButton:
        button = QPushButton(self.tr(text), self)
        button.setAutoDefault(False)
        plain = self.tr(text).replace("&", "")
        button.setAccessibleName(plain)
        if tip:
            button.setToolTip(self.tr(tip).format(noun=self.noun))
        button.setWhatsThis(record_button_help(text, self.noun))
        if shortcut:  # anywhere in the window while the page shows (the navigation too)
            action = QAction(plain, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda: slot())
            self.addAction(action)
            native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{button.toolTip() or plain} ({native})")
        button.clicked.connect(slot)
        self.button_bar.addWidget(button)
        self.buttons.append(button)
        return button

    def add_table(
        self,
        title: str,
        columns: Sequence[RowColumn],
        open_entity: str | None,
        open_key: str = "id",
        multi: bool = False,
        above: QWidget | None = None,
    ) -> RelatedTable:
        """A related-records tab; ``above`` is an optional bar shown over the table."""
        holder = QWidget(self.tabs)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 6, 0, 0)
        if above is not None:
            column.addWidget(above)
        table = RelatedTable(title, columns, open_entity, holder, open_key, multi)
        table.opened.connect(self.open_requested.emit)
        column.addWidget(table)
        self.tabs.addTab(holder, self.tr(title))
        table.setProperty("tab_title", self.tr(title))
        return table

    def set_table_rows(self, table: RelatedTable, rows: Sequence[Row]) -> None:
        table.set_rows(rows)
        holder = table.parentWidget()
        assert holder is not None
        index = self.tabs.indexOf(holder)
        self.tabs.setTabText(index, f"{table.property('tab_title')} ({len(rows):,})")

    def set_details(self, pairs: Sequence[tuple[str, Any]]) -> None:
        """Label and value pairs beside each other; empty values read "—". The team's own
        fields (Tools ▸ Custom fields…) follow the page's own."""
        while self.details.rowCount():
            self.details.removeRow(0)
        own = self.ctx.services.custom_fields.readable(self.entity, self.record_id)
        for label, value in [*pairs, *own]:
            text = value if isinstance(value, str) else plain_text(value)
            shown = QLabel(text or "—", self.details_box)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(READABLE)
            shown.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it
            shown.setAccessibleName(f"{self.tr(label)}: {text or self.tr('empty')}")
            self.details.addRow(self.tr(label) + ":", shown)
        self._reading_order()

    def _reading_order(self) -> None:
        """Tab walks the page as it reads: heading, subtitle, buttons, details, then the
        related records (the tabs were made before the buttons and details)."""
        details = [
            item.widget()
            for row in range(self.details.rowCount())
            if (item := self.details.itemAt(row, QFormLayout.ItemRole.FieldRole)) is not None
        ]
        chain = [self.heading, self.subtitle, *self.buttons, *details, self.tabs]
        for before, after in pairwise(w for w in chain if w is not None):
            QWidget.setTabOrder(before, after)

    def build(self) -> None:
        """Add the page's own buttons and tables (subclasses)."""

    # ------------------------------------------------------------------ data
    def fetch(self) -> Any:
        raise NotImplementedError

    def fill(self, data: Any) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        try:
            data = self.fetch()
        except NotFoundError:
            self.show_deleted()
            return
        self.show_present()
        self.fill(data)  # names the heading too: "Partner: …"
        self.subtitle.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if self.subtitle.text() else Qt.FocusPolicy.NoFocus
        )

    def take_focus(self) -> None:
        """Put the focus on the heading: the page has just opened (a screen reader reads
        "Partner: Sight Matters UK", then Tab walks the page from the top)."""
        self.heading.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_change(self, entities: frozenset[str]) -> None:
        if entities & (self.watches | {self.entity}):
            self.reload()

    def show_deleted(self) -> None:
        """The record is gone (deleted here or by someone else): say so, offer nothing."""
        self.deleted = True
        self.deleted_label.setText(
            self.tr(
                "⚠ This {0} was deleted. If you deleted it, Undo (Ctrl+Z) brings it back; "
                "otherwise it may be in the Trash. Use Back (Alt+Left) to leave this page."
            ).format(self.noun)
        )
        self.deleted_label.setAccessibleName(self.tr("This {0} was deleted").format(self.noun))
        self.deleted_label.show()
        self.details_box.hide()
        self.tabs.hide()
        for button in self.buttons:
            button.setEnabled(False)

    def show_present(self) -> None:
        if not self.deleted:
            return
        self.deleted = False
        self.deleted_label.hide()
        self.details_box.show()
        self.tabs.show()
        for button in self.buttons:
            button.setEnabled(True)

    # ------------------------------------------------------------------ actions
    def edit(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        open_record_form(self.ctx, self.entity, self.record_id, self)

    def delete(self) -> None:
        self.delete_requested.emit()

    def log_interaction(self, about_key: str) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        open_record_form(
            self.ctx,
            "interaction",
            None,
            self,
            initial={about_key: self.record_id, "occurred_on": clock.today()},
        )
