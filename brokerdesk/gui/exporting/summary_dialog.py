"""The partner summary dialog: which format, and where, for one partner or many.

For one partner it asks for a folder and a file name (prefilled with the name the command
line uses, ``Reading Agency (12).pdf``); for many it asks only for a folder, because each
file is named after its partner and an index says which is whose. It writes nothing
itself: :meth:`ExportSummaryDialog.request` says what the user chose, and the caller checks
for files it would replace before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.exporting import FORMATS, safe_filename, summary_file_name
from brokerdesk.core.exporting.tables import SUMMARY_TABLE_NAMES
from brokerdesk.core.exporting.targets import MAX_NAME_BYTES


@dataclass(frozen=True)
class SummaryRequest:
    """What the user chose: the format, the folder and (for one partner) the file name."""

    fmt: str
    folder: Path
    file_name: str = ""

    @property
    def target(self) -> Path:
        """The file (or, for CSV, the folder of CSV files) for one partner."""
        return self.folder / self.file_name


def summary_targets(path: Path, fmt: str) -> list[Path]:
    """The files one summary writes: the file itself, or each CSV in its folder."""
    if fmt == "csv":
        return [path / f"{name}.csv" for name in SUMMARY_TABLE_NAMES]
    return [path]


class ExportSummaryDialog(QDialog):
    """Choose PDF, XLSX or CSV and where, for one partner or a batch.

    Args:
        partner: (id, name) for one partner's summary; None for a batch.
        count: how many partners a batch covers.
        fmt: the format chosen to begin with.
        folder: the folder suggested (the last one used).
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        partner: tuple[int, str] | None,
        count: int = 1,
        fmt: str = "pdf",
        folder: Path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export-summary-dialog")
        self.partner = partner
        self.count = count
        if partner is not None:
            self.setWindowTitle(self.tr("Export partner summary"))
            intro = self.tr(
                "The summary of {0}: its programmes, the library services they reach, its "
                "contacts and its interactions."
            ).format(partner[1])
        else:
            self.setWindowTitle(self.tr("Export partner summaries"))
            intro = self.tr(
                "One summary for each of the {0} partners, named after the partner, and an "
                "index (index.csv and index.xlsx) saying which file is whose."
            ).format(f"{count:,}")
        self.setAccessibleName(self.windowTitle())
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)

        self.format_box = QGroupBox(self.tr("Format"), self)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        labels = {
            "pdf": self.tr("&PDF document, to print or send"),
            "xlsx": self.tr("Excel &workbook (XLSX), one sheet per table"),
            "csv": self.tr("&CSV files, one per table, in a folder"),
        }
        column = QVBoxLayout(self.format_box)
        for key in FORMATS:
            button = QRadioButton(labels[key], self.format_box)
            button.setAccessibleName(labels[key].replace("&", ""))
            button.setObjectName(f"format-{key}")
            self.format_group.addButton(button)
            self.format_buttons[key] = button
            column.addWidget(button)
        self.format_buttons.get(fmt, self.format_buttons["pdf"]).setChecked(True)

        self.folder_edit = QLineEdit(str(folder), self)
        self.folder_edit.setObjectName("export-folder")
        self.folder_edit.setAccessibleName(self.tr("Save in folder"))
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setAccessibleName(self.tr("Browse for a folder"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        form = QFormLayout()
        folder_label = QLabel(self.tr("Save &in:"), self)
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("export-file-name")
        self.name_edit.setAccessibleName(self.tr("File name"))
        if partner is not None:
            self.name_edit.setText(summary_file_name(partner[0], partner[1], self.fmt))
            name_label = QLabel(self.tr("File &name:"), self)
            name_label.setBuddy(self.name_edit)
            form.addRow(name_label, self.name_edit)
        else:
            self.name_edit.hide()

        self.preview = QLabel(self)
        self.preview.setObjectName("export-preview")
        self.preview.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("export-problem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("E&xport"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.format_box)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.format_group.buttonToggled.connect(self._format_toggled)
        self.folder_edit.textChanged.connect(self._update)
        self.name_edit.textChanged.connect(self._update)
        self.setMinimumWidth(560)
        self._update()

    # ------------------------------------------------------------------ state
    @property
    def fmt(self) -> str:
        for key, button in self.format_buttons.items():
            if button.isChecked():
                return key
        return "pdf"

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)

    def set_folder(self, folder: Path) -> None:
        self.folder_edit.setText(str(folder))

    def request(self) -> SummaryRequest:
        folder = Path(self.folder_edit.text().strip()).expanduser()
        name = self.name_edit.text().strip() if self.partner is not None else ""
        return SummaryRequest(self.fmt, folder, name)

    def _format_toggled(self, _button: object, checked: bool) -> None:
        if not checked:
            return
        if self.partner is not None:
            stem = self.name_edit.text().strip()
            for known in FORMATS:
                if stem.lower().endswith(f".{known}"):
                    stem = stem[: -len(known) - 1]
            self.name_edit.setText(stem if self.fmt == "csv" else f"{stem}.{self.fmt}")
        self._update()

    def _problem(self) -> str:
        if not self.folder_edit.text().strip():
            return self.tr("Choose the folder to save in.")
        if self.partner is not None:
            name = self.name_edit.text().strip()
            if not name:
                return self.tr("Give the file a name.")
            if len(name.encode("utf-8")) > MAX_NAME_BYTES:
                return self.tr("The file name is too long for a disk; shorten it.")
            if safe_filename(name, max_length=len(name), max_bytes=MAX_NAME_BYTES) != name:
                return self.tr('A file name cannot contain / \\ : * ? " < > | or start with a dot.')
        return ""

    def _update(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.export_button.setEnabled(not problem)
        if problem:
            self.preview.clear()
            return
        request = self.request()
        if self.partner is None:
            text = self.tr("Writes {0} {1} files and the index into {2}").format(
                f"{self.count:,}", self.fmt.upper(), request.folder
            )
        elif self.fmt == "csv":
            text = self.tr("Writes the folder {0} holding {1}").format(
                request.target, ", ".join(f"{n}.csv" for n in SUMMARY_TABLE_NAMES)
            )
        else:
            text = self.tr("Writes {0}").format(request.target)
        self.preview.setText(text)
        self.preview.setAccessibleName(text)

    # ------------------------------------------------------------------ actions
    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder to save in"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)
