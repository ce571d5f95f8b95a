"""The one small-table model: a few dozen to a few thousand rows held in memory.

Record pages (a partner's contacts, a programme's participations), the dashboard's tables
(matrix, gap list, follow-ups, ending soon, suggestions, the map as a table), the Trash and a
record's History all show rows computed in core. This model shows them with declared columns,
formats every cell through :func:`brokerdesk.core.display.display` (so money, counts and dates
read the same as everywhere else), tells a screen reader each cell with its column, sorts in
memory with empty cells last, and remembers the record behind each row.
Big lists never use it: they use ``RecordTableModel``, which pages through SQL.

A row is either a mapping (columns name their keys) or a :class:`CellsRow` (columns name their
positions), which also carries the record it opens, a warning and a tooltip for the whole row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from brokerdesk.core.display import display
from brokerdesk.core.money import Money, currency_order

Index = QModelIndex | QPersistentModelIndex
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
FONT = int(Qt.ItemDataRole.FontRole)
ROW = int(Qt.ItemDataRole.UserRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class CellsRow:
    """A row given as its cells in column order (the dashboard's tables).

    Attributes:
        cells: the values, one per column.
        record: (entity, id) of the record the row opens, if any.
        warn: shown in bold (overdue, ending within a month): never by colour alone.
        tooltip: what hovering anywhere on the row says (the reasons behind a suggestion).
        spoken: what a screen reader says for each cell when the cell alone would not be
            understood ("5/24 (21%)"); missing or empty entries read as the column does.
    """

    cells: Sequence[Any]
    record: tuple[str, int] | None = None
    warn: bool = False
    tooltip: str = ""
    spoken: Sequence[str] = ()

    def get(self, position: int | str, default: Any = None) -> Any:
        if isinstance(position, int) and 0 <= position < len(self.cells):
            return self.cells[position]
        return default


Row = Mapping[str, Any] | CellsRow


def plain_text(value: Any, labels: Mapping[str, str] | None = None) -> str:
    """How a value reads in a cell: UK dates, labels for stored words, thousands separators."""
    return display(value, None, labels)


@dataclass(frozen=True)
class RowColumn:
    """A column: where its value is in each row, the header, and optionally how it reads.

    Attributes:
        key: the key in each row mapping, or the position in a :class:`CellsRow`'s cells
            (also what sorting orders by).
        label: the header the user reads.
        labels: stored value -> label (stages, roles, statuses).
        text: a formatter for the whole row, when the cell is not one plain value.
        spoken: what a screen reader hears for the cell, when "label: text" would not do.
        hint: the cell's tooltip, when it should say more than the cell shows.
        order_by: what sorting orders by, when a formatted column should not sort by its
            text (a size shown as "1.2 MB" sorts by its bytes, a time by the moment).
        right: align right (True) or left (False); None aligns numbers shown as they are
            right and everything else left.
    """

    key: str | int
    label: str
    labels: Mapping[str, str] | None = None
    text: Callable[[Any], str] | None = None
    spoken: Callable[[Any], str] | None = None
    hint: Callable[[Any], str] | None = None
    order_by: Callable[[Any], Any] | None = None
    right: bool | None = None

    def value(self, row: Row) -> Any:
        return row.get(self.key)  # type: ignore[arg-type]

    def display(self, row: Row) -> str:
        if self.text is not None:
            return self.text(row)
        return plain_text(self.value(row), self.labels)

    def accessible(self, row: Row) -> str:
        if self.spoken is not None:
            return self.spoken(row)
        return f"{self.label}: {self.display(row) or 'empty'}"


def columns_from(headers: Sequence[str]) -> list[RowColumn]:
    """Columns for :class:`CellsRow` rows: the n-th header shows the n-th cell."""
    return [RowColumn(n, header) for n, header in enumerate(headers)]


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "":
        return (2, "")  # empty values last
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return (0, value)
    if isinstance(value, Money):  # by amount within its currency, pounds first
        return (0, (*currency_order(value.currency), value.amount))
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (1, str(value).casefold())


class RowsModel(QAbstractTableModel):
    """Read-only rows with declared columns; sortable in memory.

    A mapping row may carry ``id`` (the record it opens), a :class:`CellsRow` its ``record``;
    ``row_at`` gives the row back and ``record_at`` the record.

    With ``row_headers`` the first column also names its row (the vertical header), so a
    screen reader moving down a column hears which row each cell belongs to (the coverage
    matrix's offer areas, the map's services).
    """

    def __init__(self, columns: Sequence[RowColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.row_headers = False
        # A cell read as "Column: value" (True), or as its value alone (False) where the
        # table's own header cells name its row and column to a screen reader (the
        # dashboard's tables, walked cell by cell), so the header is not heard twice.
        self.label_cells = True

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = [r if isinstance(r, CellsRow) else dict(r) for r in rows]
        if self._sort is not None:
            self._order(*self._sort)
        self.endResetModel()

    def set_columns(self, columns: Sequence[RowColumn]) -> None:
        """Change the columns (the coverage matrix has one per region shown)."""
        self.beginResetModel()
        self.columns = tuple(columns)
        if self._sort is not None and self._sort[0] >= len(self.columns):
            self._sort = None
        self.endResetModel()

    @property
    def headers(self) -> list[str]:
        return [c.label for c in self.columns]

    def row_at(self, row: int) -> Any:
        """The row as given (a dict copy or the :class:`CellsRow`)."""
        return self._rows[row]

    def record_at(self, row: int) -> tuple[str, int] | None:
        """(entity, id) behind a :class:`CellsRow`, or None."""
        if not 0 <= row < len(self._rows):
            return None
        found = self._rows[row]
        return found.record if isinstance(found, CellsRow) else None

    @property
    def rows(self) -> list[Any]:
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
        extras = row if isinstance(row, CellsRow) else None
        if role == DISPLAY:
            return column.display(row)
        if role == TOOLTIP:
            if extras is not None and extras.tooltip:
                return extras.tooltip
            return (column.hint or column.display)(row) or None
        if role == ACCESSIBLE:
            if extras is not None and index.column() < len(extras.spoken):
                spoken = extras.spoken[index.column()]
                if spoken:
                    return spoken
            if not self.label_cells and column.spoken is None:
                return column.display(row)
            return column.accessible(row)
        if role == ALIGN:
            if column.right is not None:
                return RIGHT if column.right else None
            value = column.value(row)
            numeric = isinstance(value, int | Decimal | Money) and not isinstance(value, bool)
            return RIGHT if numeric and column.text is None else None
        if role == FONT and extras is not None and extras.warn:
            font = QFont()
            font.setBold(True)
            return font
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
        if (
            orientation == Qt.Orientation.Vertical
            and self.row_headers
            and role in (DISPLAY, ACCESSIBLE)
            and 0 <= section < len(self._rows)
            and self.columns
        ):
            return self.columns[0].display(self._rows[section])
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
            if col.order_by is not None:
                return _sort_key(col.order_by(row))
            value = col.value(row) if col.text is None else col.display(row)
            return _sort_key(value)

        def empty(row: Row) -> bool:
            value = col.order_by(row) if col.order_by is not None else col.value(row)
            return _sort_key(value)[0] == 2

        filled = [r for r in self._rows if not empty(r)]
        blank = [r for r in self._rows if empty(r)]
        filled.sort(key=key, reverse=descending)
        self._rows = filled + blank


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
