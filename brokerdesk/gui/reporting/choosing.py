"""The dialogs that say which report and where: one record's report (or a region's) in a
format, and a board pack's title and reports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import vocabulary as v
from brokerdesk.core.exporting import FORMATS
from brokerdesk.gui.announce import announce

Choice = tuple[str, int | str, str]  # kind, key, title


class SaveRow(QWidget):
    """A file name with "Browse…" beside it."""

    def __init__(self, path: Path, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(str(path), self)
        self.edit.setObjectName("report-file")
        self.edit.setAccessibleName(name)
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.setAccessibleName(self.tr("Browse for a file"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)

    def path(self) -> Path:
        return Path(self.edit.text().strip()).expanduser()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), self.edit.text(),
            options=QFileDialog.Option.DontConfirmOverwrite,  # we ask, naming the file
        )  # fmt: skip
        if chosen:
            self.edit.setText(chosen)


class ReportDialog(QDialog):
    """The format and the file of one report; for a region report, the region too.

    Args:
        title: the report's title ("Programme summary: Summer Reading Adventure"), or None
            for a region report (the dialog then offers the regions).
        folder: where to suggest saving; ``file_stem`` the suggested name without suffix.
    """

    def __init__(
        self, parent: QWidget | None, title: str | None, folder: Path, file_stem: str, fmt: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report-dialog")
        self.setWindowTitle(title or self.tr("Region summary"))
        self.setAccessibleName(self.windowTitle())
        self.folder, self.stem = folder, file_stem
        form = QFormLayout()
        self.region: QComboBox | None = None
        if title is None:
            self.region = QComboBox(self)
            self.region.setObjectName("report-region")
            self.region.addItems(list(v.REGIONS))
            self.region.setAccessibleName(self.tr("Region"))
            label = QLabel(self.tr("&Region:"), self)
            label.setBuddy(self.region)
            form.addRow(label, self.region)
            self.region.currentTextChanged.connect(lambda _t: self._suggest())
        box = QGroupBox(self.tr("Format"), self)
        column = QVBoxLayout(box)
        self.formats = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        labels = {
            "pdf": self.tr("&PDF document, tagged for screen readers"),
            "xlsx": self.tr("Excel &workbook (XLSX), one sheet per table"),
            "csv": self.tr("&CSV files, one per table, in a folder"),
        }
        for key in FORMATS:
            button = QRadioButton(labels[key], box)
            button.setObjectName(f"report-format-{key}")
            button.setAccessibleName(labels[key].replace("&", ""))
            self.formats.addButton(button)
            self.format_buttons[key] = button
            column.addWidget(button)
            button.toggled.connect(self._format_toggled)
        self.save = SaveRow(folder, self.tr("Save as"), self)
        save_label = QLabel(self.tr("&Save as:"), self)
        save_label.setBuddy(self.save.edit)
        form.addRow(save_label, self.save)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if title is not None:
            layout.addWidget(QLabel(title, self))
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format_buttons.get(fmt, self.format_buttons["pdf"]).setChecked(True)
        self.setMinimumWidth(520)  # room for the file's whole name
        self._suggest()

    def fmt(self) -> str:
        return next(k for k, b in self.format_buttons.items() if b.isChecked())

    def region_name(self) -> str:
        return self.region.currentText() if self.region is not None else ""

    def target(self) -> Path:
        return self.save.path()

    def _format_toggled(self, checked: bool) -> None:
        if checked:
            self._suggest()

    def _suggest(self) -> None:
        stem = self.stem
        if self.region is not None:
            stem = self.tr("{0} region summary").format(self.region.currentText())
        suffix = "" if self.fmt() == "csv" else f".{self.fmt()}"
        current = self.save.path()
        folder = current.parent if current.suffix or current != self.folder else self.folder
        self.save.edit.setText(str(folder / f"{stem}{suffix}"))


class BoardPackDialog(QDialog):
    """A board pack's title, the reports it holds (ticked, found by typing), and its file."""

    def __init__(self, parent: QWidget | None, choices: list[Choice] | None, folder: Path) -> None:
        """``choices`` None: the names are being read (by a worker); :meth:`set_choices`
        fills the list when they arrive, and :meth:`failed` says why they did not."""
        super().__init__(parent)
        self.setObjectName("board-pack-dialog")
        self.setWindowTitle(self.tr("Board pack"))
        self.setAccessibleName(self.windowTitle())
        self.choices: list[Choice] = []
        self.loading = True
        self._to_tick: list[str] = []  # ticked before the names arrived
        self.title = QLineEdit(self.tr("Board pack"), self)
        self.title.setObjectName("board-pack-title")
        self.title.setAccessibleName(self.tr("Title"))
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("board-pack-find")
        self.find_edit.setAccessibleName(self.tr("Find reports"))
        self.find_edit.setPlaceholderText(self.tr("Type part of a name"))
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)  # a few hundred names in memory
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.find_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView(self)
        self.list.setObjectName("board-pack-reports")
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(self.tr("Reports to include"))
        self.count = QLabel(self)
        self.count.setObjectName("board-pack-count")
        self.model.itemChanged.connect(lambda _item: self._update())
        self.title.textChanged.connect(lambda _text: self._update())
        self.save = SaveRow(folder / "Board pack.pdf", self.tr("Save as"), self)
        form = QFormLayout()
        for text, widget, buddy in (
            (self.tr("&Title:"), self.title, self.title),
            (self.tr("&Find:"), self.find_edit, self.find_edit),
            (self.tr("&Reports:"), self.list, self.list),
            (self.tr("&Save as:"), self.save, self.save.edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("The ticked reports, in this order, after a contents page."), self)
        )
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.resize(560, 520)
        if choices is None:
            self.list.setCursor(Qt.CursorShape.BusyCursor)
            self.count.setText(self.tr("Reading the names of the reports…"))
            self._update()
        else:
            self.set_choices(choices, say=False)

    def set_choices(self, choices: list[Choice], *, say: bool = True) -> None:
        """Fill the list (the names have arrived); tick what was asked for meanwhile, and
        tell a screen reader, whose focus is elsewhere in the dialog, that they are there."""
        self.choices = choices
        self.model.clear()
        for index, (_kind, _key, text) in enumerate(choices):
            item = QStandardItem(text)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(index, Qt.ItemDataRole.UserRole)
            self.model.appendRow(item)
        self.loading = False
        self.list.unsetCursor()
        for title in self._to_tick:
            self.tick(title)
        self._to_tick = []
        self._update()
        if say:
            announce(
                self.count,
                self.tr("%n report(s) to choose from.", "", len(choices)) + " " + self.count.text(),
            )

    def failed(self, sentence: str) -> None:
        """The names could not be read: say so in the dialog (and at once to a screen reader)."""
        self.loading = False
        self.list.unsetCursor()
        self.count.setText(sentence)
        self.count.setWordWrap(True)
        announce(self.count, sentence, urgent=True)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)

    def chosen(self) -> list[Choice]:
        rows = range(self.model.rowCount())
        return [
            self.choices[i]
            for i in rows
            if self.model.item(i).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, title: str) -> None:
        """Tick the report called ``title`` (the record the window shows, say); asked before
        the names have arrived, it is ticked when they do."""
        if self.loading:
            self._to_tick.append(title)
            return
        for i, (_kind, _key, text) in enumerate(self.choices):
            if text == title:
                self.model.item(i).setCheckState(Qt.CheckState.Checked)

    def target(self) -> Path:
        return self.save.path()

    def _update(self) -> None:
        n = len(self.chosen())
        if not self.loading:
            self.count.setText(self.tr("%n report(s) chosen", "", n))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(n > 0 and bool(self.title.text().strip()))
