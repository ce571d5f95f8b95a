"""A sortable table of dashboard rows: Enter or double-click opens the record, Ctrl+I logs.

A row with no record behind it (a cell of the coverage matrix) is chosen instead: Enter or
Space emits ``cell_chosen`` so the page can show what the cell stands for.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from brokerdesk.gui.views.dashboard.rows_model import RECORD_ROLE, SORT_ROLE, Row, RowsModel


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
        self.source = RowsModel(headers, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
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

    def set_rows(self, rows: list[Row]) -> None:
        self.source.set_rows(rows)
        self.resizeColumnsToContents()

    def current_record(self) -> tuple[str, int] | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        record = self.proxy.data(index, RECORD_ROLE)
        return tuple(record) if record else None

    def _open_index(self, index: QModelIndex) -> None:
        record = self.proxy.data(index, RECORD_ROLE)
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
            if self.proxy.data(index, RECORD_ROLE):
                self._open_index(index)
            else:
                self.cell_chosen.emit(index)
            return
        super().keyPressEvent(event)
