"""The table model behind every list view: sorted ids from SQL, rows fetched as they show.

The model holds the ordered ids of the matching records and fetches row values in blocks the
first time a row is asked for (usually because it scrolled into view). A list of up to
``PREFIX`` records loads all its ids in one query; a longer one (a million interactions)
loads the count and the first ``PREFIX`` ids, and any other stretch of ids when it is
scrolled to: from the end for Ctrl+End, by offset in the middle. So ten years of records
open, sort and jump to the end about as fast as ten. Searching, filtering and sorting change
the SQL, never a proxy model.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from brokerdesk.core.display import display
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.lists import Column, ListState, RecordList
from brokerdesk.core.services.listing import ListService
from brokerdesk.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from brokerdesk.core.db import Database

Index = QModelIndex | QPersistentModelIndex
BLOCK = 256  # rows of values fetched at a time
PREFIX = 5_000  # ids fetched when a list (re)loads; longer lists fetch the rest as needed
WINDOW = 2_048  # ids fetched at a time beyond the prefix
ASYNC_FROM = 100_000  # a list this long re-queries off the GUI thread (the window never freezes)
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
RAW = int(Qt.ItemDataRole.UserRole)
RECORD_ID = int(Qt.ItemDataRole.UserRole) + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_value(column: Column, value: Any) -> str:
    """How a stored value reads in a table cell (UK dates, labels, pounds)."""
    return display(value, column.kind, column.labels)


class RecordTableModel(QAbstractTableModel):
    """Signals:
    count_changed(int): the number of matching records after a refresh.
    read_failed(str): rows could not be read (a damaged file, a lost server); said once.
    busy_changed(bool): a long list started or finished re-querying in the background.
    """

    count_changed = Signal(int)
    read_failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(
        self,
        db: Database,
        record_list: RecordList,
        parent: Any = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.record_list = record_list
        self.listing = ListService(db, record_list)
        self.columns = record_list.columns
        self.state = record_list.initial_state()
        self.tasks = tasks
        self.busy = False
        self._generation = 0  # each refresh's number: only the newest one's answer is shown
        self._shown = copy.deepcopy(self.state)  # the state whose ids are on screen
        self._ids: list[int | None] = []  # None: not fetched yet (only in long lists)
        self._rows: dict[int, tuple[Any, ...]] = {}
        self.loaded = False
        self._read_error: str | None = None

    # ------------------------------------------------------------------ queries
    def refresh(self) -> None:
        """Run the list's query again (after a search, a filter, a sort or a change).

        A list of ``ASYNC_FROM`` rows or more asks in the background: the old rows stay on
        screen (``busy`` is True) until the answer comes, and a newer request wins.
        """
        self.loaded = True
        self._generation += 1
        generation, state = self._generation, copy.deepcopy(self.state)
        if self.tasks is not None and len(self._ids) >= ASYNC_FROM:
            self._set_busy(True)
            self.tasks.start(
                lambda _progress: self._query(state),
                "Updating the list",
                on_done=lambda answer: self._apply(generation, state, answer),
                on_error=lambda exc: self._query_failed(generation, exc),
                owner=self,
            )
            return
        try:
            answer = self._query(state)
        except BrokerDeskError as exc:  # keep what is shown; say why it did not change
            self._failed(exc)
            return
        self._apply(generation, state, answer)

    def _query(self, state: ListState) -> tuple[list[int], int]:
        return self.listing.first_ids(state, PREFIX)

    def _query_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        if isinstance(exc, BrokerDeskError):
            self._failed(exc)
        else:
            self.read_failed.emit(str(exc))

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)

    def _apply(self, generation: int, state: ListState, answer: tuple[list[int], int]) -> None:
        if generation != self._generation:  # a newer sort or search has been asked for
            return
        self._set_busy(False)
        prefix, total = answer
        self._shown = state
        ids: list[int | None] = list(prefix)
        ids.extend([None] * (total - len(prefix)))
        if total == len(self._ids) and self._ids[: len(prefix)] == ids[: len(prefix)]:
            self._ids = ids  # same records in the same places: repaint, keep selection
            self._rows.clear()
            if ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(ids) - 1, len(self.columns) - 1)
                )
        else:
            self.beginResetModel()
            self._ids = ids
            self._rows.clear()
            self.endResetModel()
        self.count_changed.emit(total)

    def set_state(self, state: ListState) -> None:
        self.state = state
        self.refresh()

    def _fetch_around(self, row: int) -> None:
        start = max(0, row - BLOCK // 4)
        wanted = [i for i in self._ids[start : start + BLOCK] if i is not None]
        wanted = [i for i in wanted if i not in self._rows]
        try:
            fetched = self.listing.rows(wanted)
        except BrokerDeskError as exc:  # data() must never raise into Qt's paint loop
            fetched = {}
            self._failed(exc)
        self._rows.update(fetched)
        for record_id in wanted:  # deleted meanwhile: show an empty row until the refresh
            self._rows.setdefault(record_id, (None,) * len(self.columns))

    def _fetch_ids_around(self, row: int) -> None:
        total = len(self._ids)
        try:
            if row >= total - WINDOW:  # near the end: count back from the last record
                tail = self.listing.ids(self._shown, limit=min(WINDOW, total), from_end=True)
                for back, record_id in enumerate(tail):
                    self._ids[total - 1 - back] = record_id
                return
            start = max(0, row - WINDOW // 4)
            window = self.listing.ids(self._shown, limit=WINDOW, offset=start)
        except BrokerDeskError as exc:
            self._failed(exc)
            return
        self._ids[start : start + len(window)] = window

    def _id_at(self, row: int) -> int | None:
        record_id = self._ids[row]
        if record_id is None:
            self._fetch_ids_around(row)
            record_id = self._ids[row]
        return record_id

    def _failed(self, exc: BrokerDeskError) -> None:
        # A driver fault quotes its first line; a fault said in words has no other.
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        if self._read_error == reason:
            return
        self._read_error = reason
        self.read_failed.emit(
            f"Some {self.record_list.title.lower()} could not be read ({reason}). "
            "Restore a backup from the File menu, or run 'brokerdesk check'."
        )

    def _row(self, row: int) -> tuple[Any, ...]:
        record_id = self._id_at(row)
        if record_id is None:  # the list changed under us; the next refresh puts it right
            return (None,) * len(self.columns)
        if record_id not in self._rows:
            self._fetch_around(row)
        return self._rows.get(record_id) or (None,) * len(self.columns)

    # ------------------------------------------------------------------ lookups
    def record_id(self, row: int) -> int | None:
        return self._id_at(row)

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    @property
    def ids(self) -> list[int]:
        """Every matching id in order (fetches the rest of a long list first)."""
        if None in self._ids:
            self._ids = list(self.listing.ids(self._shown))
        return [i for i in self._ids if i is not None]

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        column = self.columns[index.column()]
        if role in (DISPLAY, TOOLTIP, ACCESSIBLE):
            text = format_value(column, self._row(index.row())[index.column()])
            if role == ACCESSIBLE:
                return f"{column.label}: {text or 'empty'}"
            return text if role == DISPLAY or text else None
        if role == ALIGN:
            return RIGHT if column.kind in ("int", "number", "money") else None
        if role == RAW:
            return self._row(index.row())[index.column()]
        if role == RECORD_ID:
            return self._id_at(index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if (
            horizontal
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
        key, descending = self.columns[column].key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.state.sort_key, self.state.descending):
            return  # already so (QTableView.sortByColumn asks twice in Qt 6)
        self.state.sort_key = key
        self.state.descending = descending
        if self.loaded:  # building the view sorts it once: the first show queries, not that
            self.refresh()
