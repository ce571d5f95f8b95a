"""A sortable table of dashboard rows: Enter or double-click opens the record, Ctrl+I logs.

A row with no record behind it (a cell of the coverage matrix) is chosen instead: Enter or
Space emits ``cell_chosen`` so the page can show what the cell stands for.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from brokerdesk.gui.models.rows import CellsRow, RowsModel, columns_from


class RecordTable(QTableView):
    """Signals:
    open_requested(str, int): the user asked to open the record behind a row.
    log_requested(str, int): the user pressed Ctrl+I (log an interaction) on a row.
    cell_chosen(QModelIndex): Enter or Space on a cell whose row has no record.
    """

    open_requested = Signal(str, int)
    log_requested = Signal(str, int)
    cell_chosen = Signal(QModelIndex)

    def __init__(self, name: str, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name.lower().replace(" ", "-"))
        self.setAccessibleName(name)
        self.source = RowsModel(columns_from(headers), self)
        self.source.label_cells = False  # the header cells name each cell's column and row
        self.setModel(self.source)
        # Rows arrive in a sensible order; sort only when the user asks.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setAccessibleName(self.tr("{0}: columns").format(name))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        # Fit columns to the first rows only: measuring thousands of rows costs seconds.
        self.horizontalHeader().setResizeContentsPrecision(40)
        self.doubleClicked.connect(self._open_index)
        log = QAction(self.tr("Log interaction…"), self)
        log.setShortcut(QKeySequence("Ctrl+I"))
        log.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        log.triggered.connect(self._log_current)
        self.addAction(log)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.log_action = log
        self._shown_text = ""  # rows shown must contain this (the map's "Find in the table")
        self.source.layoutChanged.connect(self._apply_filter)
        self.source.modelReset.connect(self._apply_filter)

    def set_headers(self, headers: Sequence[str]) -> None:
        """New column headers (the coverage matrix has one column per region shown)."""
        self.source.set_columns(columns_from(headers))

    def set_rows(self, rows: list[CellsRow]) -> None:
        self.source.set_rows(rows)
        self.resizeColumnsToContents()

    def show_only(self, text: str) -> None:
        """Show only the rows with ``text`` in a cell (any case); empty shows every row."""
        self._shown_text = text.strip().casefold()
        self._apply_filter()

    def _apply_filter(self) -> None:
        wanted = self._shown_text
        columns = range(self.source.columnCount())
        for row in range(self.source.rowCount()):
            cells = (str(self.source.index(row, c).data() or "") for c in columns)
            self.setRowHidden(row, bool(wanted) and not any(wanted in c.casefold() for c in cells))

    def current_record(self) -> tuple[str, int] | None:
        index = self.currentIndex()
        return self.source.record_at(index.row()) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        record = self.source.record_at(index.row()) if index.isValid() else None
        if record:
            self.open_requested.emit(record[0], record[1])

    def _log_current(self) -> None:
        record = self.current_record()
        if record:
            self.log_requested.emit(record[0], record[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        index = self.currentIndex()
        if event.key() in keys and index.isValid():
            if self.source.record_at(index.row()):
                self._open_index(index)
            else:
                self.cell_chosen.emit(index)
            return
        super().keyPressEvent(event)
