"""A small table model over a list of dicts, for the related-record tables on record pages.

Record pages show a few dozen related rows (a partner's contacts, a programme's
participations). Those arrive as plain dicts from ``OverviewService``; this model shows them
with declared columns, sorts them in memory, and remembers which record each row opens.
Big lists never use it: they use ``RecordTableModel``, which pages through SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from brokerdesk.core.display import display

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
ROW = int(Qt.ItemDataRole.UserRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def plain_text(value: Any, labels: Mapping[str, str] | None = None) -> str:
    """How a value reads in a cell: UK dates, labels for stored words, thousands separators."""
    return display(value, None, labels)


@dataclass(frozen=True)
class RowColumn:
    """A column: the dict key, the header, and optionally labels or a formatter.

    Attributes:
        key: the key in each row dict (also what sorting orders by).
        label: the header the user reads.
        labels: stored value -> label (stages, roles, statuses).
        text: a formatter for the whole row, when the cell is not one plain value.
    """

    key: str
    label: str
    labels: Mapping[str, str] | None = None
    text: Callable[[Row], str] | None = None

    def display(self, row: Row) -> str:
        if self.text is not None:
            return self.text(row)
        return plain_text(row.get(self.key), self.labels)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "":
        return (2, "")  # empty values last
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return (0, value)
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (1, str(value).casefold())


class RowsModel(QAbstractTableModel):
    """Read-only rows (dicts) with declared columns; sortable in memory.

    Each row may carry ``id`` (the record it opens); ``row_at`` gives the dict back.
    """

    def __init__(self, columns: Sequence[RowColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        if self._sort is not None:
            self._order(*self._sort)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, key: str, value: Any) -> int | None:
        for i, row in enumerate(self._rows):
            if row.get(key) == value:
                return i
        return None

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if role in (DISPLAY, TOOLTIP):
            text = column.display(row)
            return text if role == DISPLAY or text else None
        if role == ACCESSIBLE:
            return f"{column.label}: {column.display(row) or 'empty'}"
        if role == ALIGN:
            value = row.get(column.key)
            numeric = isinstance(value, int | Decimal) and not isinstance(value, bool)
            return RIGHT if numeric and column.text is None else None
        if role == ROW:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
            and role in (DISPLAY, TOOLTIP, ACCESSIBLE)
        ):
            return self.columns[section].label
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(self._rows[i.row()], i.column()) for i in persistent]
        self._order(column, order)
        positions = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(positions[id(r)], c) for r, c in before]
        )
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        col = self.columns[column]
        descending = order == Qt.SortOrder.DescendingOrder

        def key(row: Row) -> tuple[int, Any]:
            value = row.get(col.key) if col.text is None else col.display(row)
            return _sort_key(value)

        filled = [r for r in self._rows if _sort_key(r.get(col.key))[0] != 2]
        empty = [r for r in self._rows if _sort_key(r.get(col.key))[0] == 2]
        filled.sort(key=key, reverse=descending)
        self._rows = filled + empty


CHECK = int(Qt.ItemDataRole.CheckStateRole)


class ChoosableRowsModel(RowsModel):
    """Rows with a tick box in the first column; what is ticked survives re-filtering.

    The ticked rows are kept by their ``id`` so a search or a filter that hides a row does not
    untick it: the user can tick services found by several searches, then link them at once.

    Signals:
        chosen_changed(int): how many rows are ticked now.
    """

    chosen_changed = Signal(int)

    def __init__(self, columns: Sequence[RowColumn], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.chosen: set[Any] = set()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == CHECK and index.isValid() and index.column() == 0:
            ticked = self.row_at(index.row()).get("id") in self.chosen
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == ACCESSIBLE and index.isValid() and index.column() == 0:
            ticked = self.row_at(index.row()).get("id") in self.chosen
            text = super().data(index, role)
            return f"{text}, {'selected' if ticked else 'not selected'}"
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = CHECK) -> bool:
        if role != CHECK or not index.isValid() or index.column() != 0:
            return False
        key = self.row_at(index.row()).get("id")
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked if value is not None else False
        if ticked:
            self.chosen.add(key)
        else:
            self.chosen.discard(key)
        self.dataChanged.emit(index, index, [CHECK])
        self.chosen_changed.emit(len(self.chosen))
        return True

    def choose(self, keys: Any, ticked: bool = True) -> None:
        """Tick (or untick) many rows at once, such as every row shown."""
        if ticked:
            self.chosen |= set(keys)
        else:
            self.chosen -= set(keys)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0), [CHECK])
        self.chosen_changed.emit(len(self.chosen))
