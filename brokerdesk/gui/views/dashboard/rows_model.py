"""A read-only table model over plain rows, each row knowing which record it shows.

Every dashboard table (matrix, gap list, follow-ups, health, ending soon, suggestions, the
map's accessible table) is a list of rows computed in core; this model shows them, sorts
them and remembers the record behind each row so Enter or a double-click can open it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Row:
    """Cells shown, the record opened (entity, id) and an optional warning highlight.

    ``spoken`` holds what a screen reader says for each cell when the cell alone would not
    be understood ("5/24 (21%)"); missing or empty entries read the shown text.
    """

    cells: Sequence[Any]
    record: tuple[str, int] | None = None
    warn: bool = False
    tooltip: str = ""
    spoken: Sequence[str] = ()


class RowsModel(QAbstractTableModel):
    """Rows of cells under column headers.

    With ``row_headers`` the first column also names its row (the vertical header), so a
    screen reader moving down a column hears which row each cell belongs to (the coverage
    matrix's offer areas).
    """

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Row] = []
        self.row_headers = False

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Vertical
            and self.row_headers
            and 0 <= section < len(self.rows)
            and self.rows[section].cells
        ):
            return str(self.rows[section].cells[0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if index.column() >= len(row.cells):
            return None
        value = row.cells[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() < len(row.spoken):
            spoken = row.spoken[index.column()]
            if spoken:
                return spoken
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return value if isinstance(value, int | float) else str(value or "")
        if role == RECORD_ROLE:
            return row.record
        if role == Qt.ItemDataRole.ToolTipRole and row.tooltip:
            return row.tooltip
        if role == Qt.ItemDataRole.FontRole and row.warn:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def record_at(self, row: int) -> tuple[str, int] | None:
        return self.rows[row].record if 0 <= row < len(self.rows) else None
