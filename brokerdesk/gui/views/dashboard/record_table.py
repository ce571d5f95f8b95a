"""A sortable table of dashboard rows: Enter or double-click opens the record, Ctrl+I logs."""

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
    """

    open_requested = Signal(str, int)
    log_requested = Signal(str, int)

    def __init__(self, name: str, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name.lower().replace(" ", "-"))
        self.setAccessibleName(name)
        self.source = RowsModel(columns_from(headers), self)
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

    def set_headers(self, headers: Sequence[str]) -> None:
        """New column headers (the coverage matrix has one column per region shown)."""
        self.source.set_columns(columns_from(headers))

    def set_rows(self, rows: list[CellsRow]) -> None:
        self.source.set_rows(rows)
        self.resizeColumnsToContents()

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
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)
