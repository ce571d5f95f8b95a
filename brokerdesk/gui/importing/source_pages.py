"""The first two pages: which file and what it holds; which sheet of a workbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizardPage,
)

from brokerdesk.core import colours
from brokerdesk.core.importing import KINDS
from brokerdesk.gui.importing.shared import FOLDER_SETTING, kind_labels

if TYPE_CHECKING:
    from brokerdesk.gui.importing.wizard import ImportWizard


def error_style() -> str:
    """The style of an error said in words: a red that reads on the window's own palette."""
    app = QApplication.instance()
    window = (
        app.palette().color(QPalette.ColorRole.Window) if isinstance(app, QApplication) else None
    )
    dark = window is not None and window.lightness() < 128
    return f"color: {colours.ERROR_TEXT['dark' if dark else 'light']};"


SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
ENCODINGS = {
    "utf-8-sig": "UTF-8 (with a byte order mark)",
    "utf-8": "UTF-8",
    "cp1252": "Windows (cp1252)",
    "latin-1": "Latin-1",
    "utf-16": "UTF-16",
}


def message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FilePage(QWizardPage):
    """Choose the spreadsheet (Browse… or type its path) and what it holds."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.state = wizard
        self.setObjectName("import-file-page")
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(self.tr("A CSV or Excel (XLSX) file whose first row names the columns."))
        self.path = QLineEdit()
        self.path.setObjectName("import-path")
        self.path.setAccessibleName(self.tr("File"))
        self.path.setPlaceholderText(self.tr("Type the file's path or press Browse…"))
        self.path.editingFinished.connect(self.check_file)
        self.path.textEdited.connect(self._edited)
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setObjectName("import-browse")
        self.browse.setAccessibleName(self.tr("Browse… for the file"))
        self.browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.kind = QComboBox()
        self.kind.setObjectName("import-kind")
        labels = kind_labels()
        for kind in KINDS:
            self.kind.addItem(labels.get(kind, kind), kind)
        self.kind.setAccessibleName(self.tr("What to import"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(wizard.kind)))
        self.kind.currentIndexChanged.connect(
            lambda _i: self.state.set_kind(str(self.kind.currentData()))
        )
        self.status = message_label("import-file-status")
        self.status.setAccessibleName(self.tr("About the file"))
        self._failed = ""  # the path that could not be read, until it is edited
        self._reading = ""  # the path being read off the GUI thread
        self._go_on = False  # Next was pressed while reading: go on when it is read
        form = QFormLayout(self)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path)
        form.addRow(file_label, row)
        kind_label = QLabel(self.tr("&What to import:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        form.addRow(self.status)

    def _edited(self, _text: str) -> None:
        if self.state.source is not None or self._failed or self._reading:
            self.state.stop_reading()
            self.state.source = None
            self._failed = self._reading = ""
            self._go_on = False
            self.status.clear()
        self.completeChanged.emit()

    def choose_file(self) -> None:
        folder = str(self.state.ctx.settings.value(FOLDER_SETTING, "") or Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the spreadsheet to import"),
            folder,
            self.tr("Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.check_file()

    def _is_open(self, text: str) -> bool:
        source = self.state.source
        return source is not None and source.path == Path(text).expanduser()

    def check_file(self) -> None:
        """Start reading the file now (off the GUI thread), so an unreadable one is refused
        before anything else; Next waits until it has been read."""
        text = self.path.text().strip()
        if not text or self._is_open(text) or text == self._reading or self.state.closed:
            return
        self.state.forget_reviews()
        self._reading, self._failed = text, ""
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading {0}…").format(Path(text).name))
        self.state.read_file(text)
        self.completeChanged.emit()

    def file_read(self) -> None:
        """The wizard has read the file: describe it, and go on if Next was pressed."""
        self._reading = ""
        self.status.setStyleSheet("")
        self.status.setText(self.describe())
        self.completeChanged.emit()
        if self._go_on:
            self._go_on = False
            self.wizard().next()

    def read_failed(self, problem: str) -> None:
        self._failed, self._reading, self._go_on = self._reading, "", False
        self.status.setStyleSheet(error_style())
        self.status.setText(self.tr("This file cannot be imported: {0}").format(problem))
        self.completeChanged.emit()

    def read_cancelled(self) -> None:
        name = Path(self._reading).name
        self._reading, self._go_on = "", False
        self.status.setStyleSheet(error_style())
        self.status.setText(
            self.tr(
                "Reading {0} was cancelled, so it has not been opened. Press Next to read it "
                "again, or choose another file."
            ).format(name)
        )
        self.completeChanged.emit()

    def describe(self) -> str:
        source = self.state.source
        assert source is not None
        if source.format == "xlsx":
            return self.tr("An Excel workbook with {0} sheet(s): {1}.").format(
                len(source.sheet_names), ", ".join(source.sheet_names)
            )
        facts = self.state.facts[""]
        encoding = self.tr(ENCODINGS.get(source.encoding, source.encoding))
        separator = self.tr(SEPARATORS.get(source.delimiter, repr(source.delimiter)))
        return self.tr(
            "A CSV file: text encoding {0}, columns separated by {1}; {2} columns, about {3} rows."
        ).format(encoding, separator, len(facts.header.headers), f"{facts.rows:,}")

    def isComplete(self) -> bool:
        text = self.path.text().strip()
        return bool(text) and text != self._failed and not self._reading

    def validatePage(self) -> bool:
        text = self.path.text().strip()
        if self._is_open(text):
            return True
        self._go_on = True  # Next was pressed: go on by itself once the file has been read
        self.check_file()
        return False


class SheetPage(QWizardPage):
    """Which sheet of a workbook (CSV files skip this page)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.state = wizard
        self.setObjectName("import-sheet-page")
        self.setTitle(self.tr("Choose the sheet"))
        self.setSubTitle(self.tr("The workbook has more than one place the rows could be."))
        self.sheets = QComboBox()
        self.sheets.setObjectName("import-sheet")
        self.sheets.setAccessibleName(self.tr("Sheet"))
        self.sheets.currentIndexChanged.connect(lambda _i: self.check_sheet())
        self.status = message_label("import-sheet-status")
        self.status.setAccessibleName(self.tr("About the sheet"))
        form = QFormLayout(self)
        label = QLabel(self.tr("&Sheet:"))
        label.setBuddy(self.sheets)
        form.addRow(label, self.sheets)
        form.addRow(self.status)
        self._ok = False  # the chosen sheet has been read and can be imported
        self._reading = ""  # the sheet being read off the GUI thread
        self._go_on = False

    def initializePage(self) -> None:
        self._go_on = False
        source = self.state.source
        assert source is not None
        self.sheets.blockSignals(True)
        self.sheets.clear()
        self.sheets.addItems(source.sheet_names)
        index = self.sheets.findText(self.state.sheet or "")
        self.sheets.setCurrentIndex(max(0, index))
        self.sheets.blockSignals(False)
        self.check_sheet()

    def check_sheet(self) -> None:
        """Show what was read of the chosen sheet, or read it now off the GUI thread."""
        state = self.state
        name = self.sheets.currentText()
        if state.source is None or not name:
            return
        self._ok = False
        if name in state.sheet_problems:
            self.status.setStyleSheet(error_style())
            self.status.setText(
                self.tr("This sheet cannot be imported: {0}").format(state.sheet_problems[name])
            )
        elif name in state.facts:
            self._ok = True
            if state.sheet != name:
                state.forget_reviews()
            state.sheet = name
            facts = state.facts[name]
            self.status.setStyleSheet("")
            shown = ", ".join(h for h in facts.header.headers if h)
            self.status.setText(
                self.tr("About {0} rows under the header row {1}. Columns: {2}.").format(
                    f"{facts.rows:,}", facts.header.header_line, shown
                )
            )
        else:
            self._reading = name
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Reading the sheet '{0}'…").format(name))
            state.read_sheet(name)
        self.completeChanged.emit()

    def sheet_read(self, name: str) -> None:
        """The wizard has read (or could not read) ``name``."""
        self._reading = ""
        if name == self.sheets.currentText():
            self.check_sheet()
            if self._ok and self._go_on:
                self._go_on = False
                self.wizard().next()
        self._go_on = False

    def read_cancelled(self, name: str) -> None:
        self._reading, self._go_on = "", False
        self.status.setStyleSheet(error_style())
        self.status.setText(
            self.tr(
                "Reading the sheet '{0}' was cancelled. Press Next to read it again, or choose "
                "another sheet."
            ).format(name)
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        name = self.sheets.currentText()
        return bool(name) and not self._reading and name not in self.state.sheet_problems

    def validatePage(self) -> bool:
        if self._ok and self.state.sheet == self.sheets.currentText():
            return True
        self._go_on = True
        self.check_sheet()
        return False
