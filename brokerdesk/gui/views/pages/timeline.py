"""The Timeline tab of a record page: everything that happened with the record, newest first.

Its model reads the core's timeline a page at a time as the user scrolls (``canFetchMore``/
``fetchMore``), so a partner with thousands of interactions opens as fast as one with five;
the kind filter and the search run in SQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.search.terms import unsearchable
from brokerdesk.core.timeline import Entry, TimelineReader

if TYPE_CHECKING:
    from brokerdesk.gui.views.pages.base import RecordPage

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
HEADERS = ("Date", "Kind", "What", "Detail")


class TimelineModel(QAbstractTableModel):
    """The entries read so far; more are read as the view scrolls near the end."""

    def __init__(self, reader: TimelineReader, parent: QWidget) -> None:
        super().__init__(parent)
        self.reader = reader
        self.kind: str | None = None
        self.search = ""
        self.total = 0
        self.entries: list[Entry] = []
        self._fetching = False  # a view asks for more from inside endInsertRows

    def reload(self) -> None:
        """Read the first page again (after a change, a filter or a search)."""
        self.beginResetModel()
        self.total = self.reader.count(self.kind, self.search)
        self.entries = self.reader.entries(self.kind, self.search, limit=PAGE)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self.entries) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching:
            return
        more = self.reader.entries(self.kind, self.search, limit=PAGE, offset=len(self.entries))
        if not more:
            self.total = len(self.entries)
            return
        first = len(self.entries)
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self.entries.extend(more)
            self.endInsertRows()
        finally:
            self._fetching = False

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.cell(entry, index.column())
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{self.tr(HEADERS[index.column()])}: {text}"
            return text
        return None

    def cell(self, entry: Entry, column: int) -> str:
        if column == 0:
            return f"{entry.happened:%d %b %Y}"
        if column == 1:
            return self.tr(entry.label)
        if column == 2:
            return entry.title
        return self.tr(entry.detail)

    def entry_at(self, row: int) -> Entry:
        return self.entries[row]


class TimelineTab(QWidget):
    """Filter, search and the timeline table, as one tab of a record page."""

    def __init__(self, page: RecordPage) -> None:
        super().__init__(page.tabs)
        self.page = page
        reader = TimelineReader(page.ctx.db, page.entity, page.record_id)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All kinds"), None)
        for key, label in reader.kinds():
            self.kind.addItem(self.tr(label), key)
        self.kind.setAccessibleName(self.tr("Show"))
        kind_label = QLabel(self.tr("S&how:"), self)
        kind_label.setBuddy(self.kind)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search the timeline"))
        self.search.setAccessibleName(self.tr("Search the timeline"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("Sea&rch:"), self)
        search_label.setBuddy(self.search)
        self.shown = QLabel(self)
        self.shown.setObjectName("timeline-count")
        bar = QHBoxLayout()
        bar.addWidget(kind_label)
        bar.addWidget(self.kind)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.shown)
        self.model = TimelineModel(reader, self)
        self.table = QTableView(self)
        self.table.setObjectName("timeline-table")
        self.table.setAccessibleName(self.tr("Timeline table"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.resizeSection(0, 110)
        header.resizeSection(1, 110)
        header.resizeSection(2, 320)
        self.table.doubleClicked.connect(self._open)
        action = QAction(self.tr("Open"), self.table)
        action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda: self._open(self.table.currentIndex()))
        self.table.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        QWidget.setTabOrder(self.kind, self.search)
        QWidget.setTabOrder(self.search, self.table)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model.rowsInserted.connect(lambda *_a: self._say_count())
        page.tabs.addTab(self, self.tr("Timeline"))
        self.refresh()

    def refresh(self) -> None:
        self.model.kind = self.kind.currentData()
        self.model.search = self.search.text().strip()
        self.model.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._say_count()
        index = self.page.tabs.indexOf(self)
        self.page.tabs.setTabText(index, self.tr("Timeline ({0:,})").format(self.model.total))

    def on_change(self, entities: frozenset[str]) -> None:
        if entities and not self.page.deleted:
            self.refresh()

    def _say_count(self) -> None:
        if unsearchable(self.model.search):
            self.shown.setText(self.tr("Type letters or numbers to search"))
            return
        self.shown.setText(
            self.tr("{0:,} of {1:,} shown").format(self.model.rowCount(), self.model.total)
        )

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entry = self.model.entry_at(index.row())
        if entry.opens is not None and entry.opens_id is not None:
            self.page.open_requested.emit(entry.opens, entry.opens_id)


def add_timeline(page: RecordPage) -> TimelineTab:
    """Give a record page its Timeline tab, read again whenever the page is."""
    tab = TimelineTab(page)
    page.ctx.changes.changed.connect(tab.on_change)  # let go when the tab goes
    return tab
