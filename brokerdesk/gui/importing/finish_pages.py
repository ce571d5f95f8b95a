"""The last two pages: what to do with matching and invalid rows, then what the import did.

Import on the Matches page starts the import (the page is the wizard's commit page). After a
written import there is no way back, because the file is in the database; after a refused
one Back returns here to change the choices, since nothing was written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from brokerdesk.core.importing import ImportSummary, RefusedRow
from brokerdesk.gui.importing.shared import FOLDER_SETTING, kind_labels
from brokerdesk.gui.importing.source_pages import error_style, message_label

if TYPE_CHECKING:
    from brokerdesk.gui.importing.wizard import ImportWizard

Index = QModelIndex | QPersistentModelIndex


class MatchesPage(QWizardPage):
    """Rows that match existing records, and rows that are invalid.

    Attributes:
        finished: the import ran and the wizard may go on to the summary.
    """

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.state = wizard
        self.finished = False
        self.setObjectName("import-matches-page")
        self.setTitle(self.tr("Matching and invalid rows"))
        self.setSubTitle(self.tr("Then press Import. The whole file is written, or none of it."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.matched = message_label("import-matched-count")
        group = QGroupBox(self.tr("Rows that match an existing record"))
        self.choices = QButtonGroup(self)
        self.skip_button = QRadioButton(
            self.tr("&Skip them: leave the existing records as they are")
        )
        self.update_button = QRadioButton(
            self.tr("&Update the existing records with the file's values")
        )
        self.create_button = QRadioButton(self.tr("&Create new records anyway"))
        box = QVBoxLayout(group)
        for value, button in (
            ("skip", self.skip_button),
            ("update", self.update_button),
            ("create", self.create_button),
        ):
            button.setObjectName(f"import-on-match-{value}")
            button.setProperty("on_match", value)
            self.choices.addButton(button)
            box.addWidget(button)
        box.addWidget(self.matched)
        self.choices.buttonToggled.connect(self._chosen)
        self.skip_invalid = QCheckBox(self.tr("Skip in&valid rows and import the rest"))
        self.skip_invalid.setObjectName("import-skip-invalid")
        self.skip_invalid.toggled.connect(self._chosen)
        invalid_help = message_label("import-skip-invalid-help")
        invalid_help.setText(
            self.tr(
                "Otherwise any refused row, including an uncertain match left refused, refuses "
                "the whole file and nothing is written. Refused rows can be saved as CSV, fixed "
                "and imported again."
            )
        )
        self.safety = message_label("import-safety")
        self.outcome = message_label("import-outcome")
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(invalid_help)
        layout.addSpacing(12)
        layout.addWidget(self.safety)
        layout.addWidget(self.outcome)
        layout.addStretch(1)

    def initializePage(self) -> None:
        state = self.state
        self.finished = False
        self.outcome.clear()
        importer = state.importer
        choice = state.on_match or importer.default_on_match
        self.create_button.setEnabled(importer.allow_create_on_match)
        self.create_button.setToolTip(
            ""
            if importer.allow_create_on_match
            else self.tr("{0} that already exist are never created twice.").format(
                kind_labels()[state.kind]
            )
        )
        if not importer.allow_create_on_match and choice == "create":
            choice = importer.default_on_match
        for button in self.choices.buttons():
            button.setChecked(button.property("on_match") == choice)
        self.skip_invalid.setChecked(state.skip_invalid)
        plans = state.preview_result.plans if state.preview_result else []
        matched = sum(1 for p in plans if p.record_id is not None)
        self.matched.setText(
            self.tr("{0} of the first {1} rows match an existing record.").format(
                matched, len(plans)
            )
        )
        if state.ctx.db.path is not None:
            safety = self.tr(
                "A backup of the database is taken first. The import runs as one transaction: "
                "Cancel stops it and nothing is written."
            )
        else:
            safety = self.tr(
                "The import runs as one transaction on the team server: Cancel stops it and "
                "nothing is written. Backups of the team server are made by its administrator."
            )
        self.safety.setText(safety)

    def _chosen(self, *_args: Any) -> None:
        button = self.choices.checkedButton()
        if button is not None:
            self.state.on_match = str(button.property("on_match"))
        self.state.skip_invalid = self.skip_invalid.isChecked()

    def show_outcome(self, text: str, *, error: bool) -> None:
        self.outcome.setStyleSheet(error_style() if error else "")
        self.outcome.setText(text)

    def validatePage(self) -> bool:
        if self.finished:
            return True
        if self.state.import_task is None:
            self.outcome.clear()
            self.state.start_import()
        return False


class RefusedModel(QAbstractTableModel):
    """The refused rows of an import with their reasons (at most ten thousand are kept)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RefusedRow] = []

    def set_rows(self, rows: list[RefusedRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Row"), self.tr("Why it was refused"))[section] if section < 2 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            item = self.rows[index.row()]
            return str(item.row) if index.column() == 0 else "; ".join(item.reasons)
        return None


class SummaryPage(QWizardPage):
    """What the import did, where the backup is, and the refused rows to save."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.state = wizard
        self.setObjectName("import-summary-page")
        self.setTitle(self.tr("Import finished"))
        self.headline = message_label("import-summary-headline")
        self.headline.setAccessibleName(self.tr("What the import did"))
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = (
            ("created", self.tr("Created:")),
            ("updated", self.tr("Updated:")),
            ("skipped", self.tr("Skipped:")),
            ("refused", self.tr("Refused:")),
        )
        for row, (key, text) in enumerate(names):
            figure = QLabel()
            figure.setObjectName(f"import-summary-{key}")
            figure.setAccessibleName(text.rstrip(":"))
            label = QLabel(text)
            label.setBuddy(figure)
            grid.addWidget(label, row, 0)
            grid.addWidget(figure, row, 1)
            self.figures[key] = figure
        grid.setColumnStretch(2, 1)
        self.safety = message_label("import-summary-safety")
        self.refused = RefusedModel(self)
        self.table = QTableView()
        self.table.setObjectName("import-refused-table")
        self.table.setAccessibleName(self.tr("Refused rows and why"))
        self.table.setModel(self.refused)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.save = QPushButton(self.tr("&Save refused rows as CSV…"))
        self.save.setObjectName("import-save-refused")
        self.save.clicked.connect(lambda: self.save_refused())
        self.saved = message_label("import-saved-refused")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(grid)
        layout.addWidget(self.safety)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        summary = self.state.summary
        assert summary is not None
        name = self.state.source.path.name if self.state.source else ""
        for key, label in self.figures.items():
            label.setText(f"{getattr(summary, key):,}")
        if summary.written:
            self.setTitle(self.tr("Import finished"))
            self.headline.setStyleSheet("")
            text = self.tr("Imported {0}: {1} rows read.").format(name, f"{summary.rows:,}")
            if summary.contacts_created:
                text += " " + self.tr("{0} new contacts made from the contact columns.").format(
                    f"{summary.contacts_created:,}"
                )
            if summary.not_imported:
                text += " " + self.tr("Not imported: {0}.").format(", ".join(summary.not_imported))
            self.headline.setText(text)
        else:
            self.setTitle(self.tr("Nothing was imported"))
            self.headline.setStyleSheet(error_style())
            self.headline.setText(
                self.tr(
                    "Nothing was written: {0} row(s) were refused, and a refused row refuses "
                    "the whole file. Save them as CSV to fix them, or go Back and choose to "
                    "skip invalid rows."
                ).format(f"{summary.refused:,}")
            )
            # Nothing was written, so Back may return to the choices.
            self.state.matches_page.setCommitPage(False)
        self.safety.setText(self.safety_text(summary))
        self.refused.set_rows(summary.refused_rows)
        self.table.resizeColumnToContents(0)
        self.table.setVisible(bool(summary.refused_rows))
        self.save.setEnabled(bool(summary.refused_rows))
        self.saved.clear()
        self.completeChanged.emit()

    def safety_text(self, summary: ImportSummary) -> str:
        parts = []
        if summary.written:
            parts.append(
                self.tr(
                    "The file was imported in one transaction. An import cannot be undone "
                    "with Edit ▸ Undo"
                )
                + (
                    self.tr("; the backup taken just before it holds the database as it was:")
                    + f"\n{summary.backup}"
                    if summary.backup
                    else self.tr("; on the team server, ask its administrator for the last backup.")
                )
            )
        elif summary.backup:
            parts.append(self.tr("A backup was taken first:") + f"\n{summary.backup}")
        if len(summary.refused_rows) < summary.refused:
            parts.append(
                self.tr("The first {0} refused rows are listed and can be saved.").format(
                    f"{len(summary.refused_rows):,}"
                )
            )
        return "\n".join(parts)

    def save_refused(self, path: Path | None = None) -> Path | None:
        """Write the refused rows with their reasons to a CSV (asking where, unless told)."""
        summary = self.state.summary
        if summary is None or not summary.refused_rows:
            return None
        if path is None:
            source = self.state.source
            stem = source.path.stem if source else "import"
            folder = str(self.state.ctx.settings.value(FOLDER_SETTING, "") or Path.home())
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the refused rows"),
                str(Path(folder) / self.tr("{0} - refused rows.csv").format(stem)),
                self.tr("CSV file (*.csv)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = summary.save_refused_csv(path)
        except OSError as exc:
            self.saved.setStyleSheet(error_style())
            self.saved.setText(
                self.tr("The refused rows could not be saved: {0}.").format(exc.strerror or exc)
            )
            return None
        self.saved.setStyleSheet("")
        self.saved.setText(
            self.tr("Saved {0} refused rows to {1}.").format(len(summary.refused_rows), written)
        )
        return written
