"""Which row names the columns: the sheet's first rows as they are, and the row to use.

Sign-up sheets arrive with a title, a merged cell of instructions or a blank row above the
real header. BrokerDesk finds the header below them and says which rows it left out; when
it is wrong (or the user knows better) the header row is chosen here: by number in the spin
box, or by selecting the row in the table and pressing *Use the selected row*. Both work
from the keyboard and are named for a screen reader.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.importing.mapping import column_letter
from brokerdesk.core.importing.readers import Sheet
from brokerdesk.gui.importing.source_pages import error_style, message_label

HEADER_COLOUR = QColor("#e7eef7")
MAX_COLUMNS = 12  # enough to recognise the header; the mapping lists every column


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis when cut."""
    text = text.rstrip(". ")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:(") + "…"


class RowSpin(QSpinBox):
    """A spin box where Enter takes the typed row, rather than pressing the wizard's Next."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.interpretText()
            event.accept()
            return
        super().keyPressEvent(event)


class HeaderRowPicker(QWidget):
    """The first rows of the sheet and the header row.

    Signals:
        chosen(int): the user chose this row (1-based) as the header.
    """

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-header-picker")
        self.spin = RowSpin()
        self.spin.setObjectName("import-header-row")
        self.spin.setAccessibleName(self.tr("Header row"))
        self.spin.setKeyboardTracking(False)  # typing "12" does not try row 1 first
        self.spin.setMinimum(1)
        self.spin.valueChanged.connect(self._spun)
        label = QLabel(self.tr("&Header row:"))
        label.setBuddy(self.spin)
        self.note = message_label("import-header-note")
        self.note.setAccessibleName(self.tr("About the header row"))
        self.problem = message_label("import-header-problem")
        self.problem.setAccessibleName(self.tr("Header row problem"))
        self.problem.setStyleSheet(error_style())
        self.table = QTableWidget()
        self.table.setObjectName("import-first-rows")
        self.table.setAccessibleName(self.tr("First rows of the sheet"))
        self.table.setAccessibleDescription(
            self.tr("Select the row that names the columns, then press Use the selected row.")
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setMaximumHeight(200)
        self.use_row = QPushButton(self.tr("&Use the selected row as the header"))
        self.use_row.setObjectName("import-use-row")
        self.use_row.setAccessibleName(self.tr("Use the selected row as the header"))
        self.use_row.clicked.connect(self._use_selected)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(label)
        top.addWidget(self.spin)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        bottom = QHBoxLayout()
        bottom.addWidget(self.use_row)
        bottom.addWidget(self.problem, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.spin, self.table)
        self.setTabOrder(self.table, self.use_row)
        self._header = 1

    def show_sheet(self, rows: list[list[str]], header: Sheet) -> None:
        """Show ``rows`` (the sheet's first rows) with the header row ``header`` marked."""
        self._header = header.header_line
        self.problem.clear()
        width = min(MAX_COLUMNS, max((len(r) for r in rows), default=1))
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(width)
        self.table.setHorizontalHeaderLabels([column_letter(c) for c in range(width)])
        self.table.setVerticalHeaderLabels([str(n) for n in range(1, len(rows) + 1)])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for number, row in enumerate(rows):
            for column, text in enumerate(row[:width]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if number + 1 == header.header_line:
                    item.setFont(bold)
                    item.setBackground(HEADER_COLOUR)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        for column in range(width):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self.spin.blockSignals(True)
        self.spin.setMaximum(max(1, len(rows)))
        self.spin.setValue(header.header_line)
        self.spin.blockSignals(False)
        self.table.selectRow(header.header_line - 1)
        self.note.setText(self.describe(header))

    def describe(self, header: Sheet) -> str:
        """What was taken as the header, and what above it is left out, in words."""
        if header.header_line == 1:
            return self.tr("Row 1 names the columns.")
        if header.chosen:
            text = self.tr("Row {0} names the columns, as you chose.")
        else:
            text = self.tr("Row {0} names the columns: BrokerDesk found it under the rows above.")
        text = text.format(header.header_line)
        if header.above:
            shown = "; ".join(
                self.tr("row {0}: '{1}'").format(n, shorten(words)) for n, words in header.above
            )
            text += " " + self.tr("Not imported: {0}.").format(shown)
        return text

    def show_problem(self, sentence: str) -> None:
        """The chosen row cannot be the header: say why, and show the header in use again."""
        self.problem.setText(sentence)
        self.spin.blockSignals(True)
        self.spin.setValue(self._header)
        self.spin.blockSignals(False)

    def _spun(self, value: int) -> None:
        if value != self._header:
            self.chosen.emit(value)

    def _use_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.spin.setValue(row + 1)  # emits chosen when it changes
