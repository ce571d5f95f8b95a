"""The grouped list's tree model: one row per group (its count and sums), its records under it.

Groups are one query, run off the GUI thread by the view (``feature``), which hands the
answer to :meth:`GroupTreeModel.show_groups`; a group's records are read when it is opened,
a window at a time (``canFetchMore``/``fetchMore``), so grouping ten years of interactions
by kind costs one GROUP BY and no more. Every cell tells a screen reader what it is: a
group's first cell "Offer area Reading: 12 programmes", a sum "Budget, total for Reading:
£42,000.50".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from brokerdesk.core.display import display
from brokerdesk.core.grouping import Group, GroupedList, summed_columns, totals
from brokerdesk.core.lists import ListState, RecordList
from brokerdesk.gui import kind_words

Index = QModelIndex | QPersistentModelIndex
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
FONT = int(Qt.ItemDataRole.FontRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
WINDOW = 200  # records read per group at a time


class GroupTreeModel(QAbstractItemModel):
    """Groups at the top level, their records as children (read when opened)."""

    def __init__(self, grouped: GroupedList, parent: Any = None) -> None:
        super().__init__(parent)
        self.grouped = grouped
        self.record_list: RecordList = grouped.record_list
        self.columns = self.record_list.columns
        self.summed = {c.key for c in summed_columns(self.record_list)}
        self.key: str | None = None
        self.state = ListState()
        self.groups: list[Group] = []
        self._ids: list[list[int]] = []
        self._rows: list[dict[int, tuple[Any, ...]]] = []

    def show_groups(self, state: ListState, key: str, found: list[Group]) -> None:
        """Show ``found``, the list as ``state`` filters it grouped by column ``key`` (worked
        out in a worker by ``grouped.groups``), all groups closed."""
        self.beginResetModel()
        self.state, self.key = state, key
        self.groups = found
        self._ids = [[] for _ in self.groups]
        self._rows = [{} for _ in self.groups]
        self.endResetModel()

    def total(self) -> Group:
        return totals(self.groups)

    def record_id(self, index: Index) -> int | None:
        """The record a child row shows (None for a group's row)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        ids = self._ids[index.internalId() - 1]
        return ids[index.row()] if index.row() < len(ids) else None

    # ------------------------------------------------------------------ structure
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._ids[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.columns)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self.groups)
        return (
            parent.internalId() == 0
            and parent.column() == 0
            and self.groups[parent.row()].count > 0
        )

    def canFetchMore(self, parent: Index) -> bool:
        if not parent.isValid() or parent.internalId() != 0:
            return False
        return len(self._ids[parent.row()]) < self.groups[parent.row()].count

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self.key is None:
            return
        at = parent.row()
        have = len(self._ids[at])
        more = self.grouped.group_ids(
            self.state, self.key, self.groups[at].value, limit=WINDOW, offset=have
        )
        if not more:
            return
        rows = self.grouped.rows(more)
        first = self.index(at, 0)
        self.beginInsertRows(first, have, have + len(more) - 1)
        self._ids[at] += more
        self._rows[at].update(rows)
        self.endInsertRows()

    # ------------------------------------------------------------------ cells
    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if index.internalId() == 0:
            return self._group_data(self.groups[index.row()], index.column(), role)
        at = int(index.internalId()) - 1
        record = self._ids[at][index.row()]
        values = self._rows[at].get(record)
        value = values[index.column()] if values is not None else None
        text = display(value, column.kind, column.labels)
        if role == DISPLAY:
            return text
        if role == ACCESSIBLE:
            return f"{column.label}: {text or 'empty'}"
        if role == ALIGN and column.kind in ("int", "money"):
            return RIGHT
        return None

    def _group_data(self, group: Group, col: int, role: int) -> Any:
        column = self.columns[col]
        assert self.key is not None
        by = self.record_list.column(self.key).label
        many = (
            kind_words.one(self.record_list.entity)
            if group.count == 1
            else kind_words.many(self.record_list.entity)
        )
        if role == FONT:
            font = QFont()
            font.setBold(True)
            return font
        if col == 0:
            if role == DISPLAY:
                return f"{group.label} ({group.count:,})"
            if role == ACCESSIBLE:
                return f"{by} {group.label}: {group.count:,} {many}"
            return None
        if column.key not in self.summed:
            return "" if role in (DISPLAY, ACCESSIBLE) else None
        text = display(group.sums.get(column.key), column.kind)
        if role == DISPLAY:
            return text
        if role == ACCESSIBLE:
            return f"{column.label}, total for {group.label}: {text or 'none'}"
        if role == ALIGN:
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.columns[section].label
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
