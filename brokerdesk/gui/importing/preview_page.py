"""The preview page: the first rows as they would be imported, and the matches to review.

Each row says in words what will happen to it (Create, Update, Skip, Refused, Needs review)
and why; the colour only repeats the word. An uncertain library-service (or partner) match is
never guessed: it is listed below the table with its candidates, and stays refused unless
the user accepts one. Accepting re-runs the preview so the table shows the outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from brokerdesk.core.importing import Preview, RowPlan
from brokerdesk.gui.importing.header_picker import shorten
from brokerdesk.gui.importing.shared import PREVIEW_ROWS, translate
from brokerdesk.gui.importing.source_pages import error_style, message_label
from brokerdesk.gui.scrolling import form_scroll_area

if TYPE_CHECKING:
    from brokerdesk.gui.importing.wizard import ImportWizard

Index = QModelIndex | QPersistentModelIndex

ACTION_COLOURS = {
    "create": QColor("#dff0d8"),
    "update": QColor("#d9edf7"),
    "skip": QColor("#eeeeee"),
    "refuse": QColor("#f2dede"),
    "review": QColor("#fcf8e3"),
}


def action_words() -> dict[str, str]:
    return {
        "create": translate("ImportWizard", "Create"),
        "update": translate("ImportWizard", "Update"),
        "skip": translate("ImportWizard", "Skip"),
        "refuse": translate("ImportWizard", "Refused"),
        "review": translate("ImportWizard", "Needs review"),
    }


def reasons_text(plan: RowPlan) -> str:
    notes = [translate("ImportWizard", "Note: {0}").format(w) for w in plan.warnings]
    return "; ".join([*plan.errors, *notes])


class PreviewModel(QAbstractTableModel):
    """The planned rows: row number, action, reasons, then the mapped cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans: list[RowPlan] = []
        self.fields: list[tuple[str, str]] = []  # (field name, label)
        self.choices: dict[str, Mapping[str, str]] = {}  # field -> stored value -> label
        self.words = action_words()

    def set_preview(
        self,
        result: Preview | None,
        labels: dict[str, str],
        choices: dict[str, Mapping[str, str]] | None = None,
    ) -> None:
        self.choices = dict(choices or {})
        self.beginResetModel()
        self.plans = list(result.plans) if result else []
        mapped = set(result.mapping.values()) if result else set()
        self.fields = [(name, label) for name, label in labels.items() if name in mapped]
        self.endResetModel()

    def cell(self, plan: RowPlan, name: str) -> str:
        """The value as it will be stored (a stage by its label), and as typed when the
        file said it another way: "Withdrawn (typed 'withdrawn (funding)')"."""
        value = plan.source.get(name, "")
        shown = self.choices.get(name, {}).get(value, value)
        typed = plan.typed.get(name)
        if typed is not None and typed != shown:
            if not shown:
                return self.tr("(empty: typed '{0}')").format(typed)
            return self.tr("{0} (typed '{1}')").format(shown, typed)
        return shown

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3 + len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Row")
        if section == 1:
            return self.tr("What happens")
        if section == 2:
            return self.tr("Reasons and notes")
        if 0 <= section - 3 < len(self.fields):
            return self.fields[section - 3][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.plans):
            return None
        plan = self.plans[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(plan.row)
            if column == 1:
                word = self.words.get(plan.action, plan.action)
                return word + (self.tr(" (with notes)") if plan.warnings else "")
            if column == 2:
                return reasons_text(plan)
            if 0 <= column - 3 < len(self.fields):
                return self.cell(plan, self.fields[column - 3][0])
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column in (1, 2):
            return ACTION_COLOURS.get(plan.action)
        if role == Qt.ItemDataRole.ForegroundRole and column in (1, 2):
            return QColor("#1a1a1a")  # readable on the pale colours in a dark theme too
        return None


class PreviewPage(QWizardPage):
    """The first rows checked (off the GUI thread), counts on top, reviews below."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.state = wizard
        self.setObjectName("import-preview-page")
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(
            self.tr("What will happen to the first {0} rows. Nothing is written yet.").format(
                PREVIEW_ROWS
            )
        )
        self.counts = message_label("import-preview-counts")
        self.counts.setAccessibleName(self.tr("Preview counts"))
        self.left_out = message_label("import-not-imported")
        self.left_out.setAccessibleName(self.tr("Not imported"))
        self.busy = QProgressBar()
        self.busy.setObjectName("import-preview-busy")
        self.busy.setAccessibleName(self.tr("Checking the first rows"))
        self.busy.setRange(0, 0)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("import-preview-table")
        self.table.setAccessibleName(self.tr("Rows as they would be imported"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.review_title = QLabel(self.tr("<b>Uncertain matches to review</b>"))
        self.review_help = message_label("import-review-help")
        self.review_help.setText(
            self.tr(
                "The file names these in a way that could mean more than one record. Choose "
                "the one it means, or leave the row refused. Accepting every suggested match "
                "leaves the rows only you can settle (a name several services share, a split "
                "council, a shared service) for you to choose."
            )
        )
        self.accept_all = QPushButton(self.tr("&Accept every suggested match"))
        self.accept_all.setObjectName("import-accept-all")
        self.accept_all.clicked.connect(self.accept_suggestions)
        self.review_host = QWidget()
        self.review_form = QFormLayout(self.review_host)
        self.review_combos: dict[int, QComboBox] = {}
        review_scroll = form_scroll_area(self.review_host, self.tr("Uncertain matches to review"))
        review_scroll.setObjectName("import-reviews")
        self.review_box = QWidget()
        box = QVBoxLayout(self.review_box)
        box.setContentsMargins(0, 0, 0, 0)
        for widget in (self.review_title, self.review_help, review_scroll, self.accept_all):
            box.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.review_box)
        splitter.setSizes([320, 160])
        self.error = message_label("import-preview-error")
        self.error.setStyleSheet(error_style())
        self.again = QPushButton(self.tr("Check the rows &again"))
        self.again.setObjectName("import-preview-again")
        self.again.clicked.connect(self._run)
        self.again.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.left_out)
        layout.addWidget(self.busy)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.again, 0, Qt.AlignmentFlag.AlignLeft)
        self.rerun = QTimer(self)
        self.rerun.setSingleShot(True)
        self.rerun.setInterval(250)
        self.rerun.timeout.connect(self._run)

    def initializePage(self) -> None:
        self._run()

    def _run(self) -> None:
        self.rerun.stop()
        self.busy.show()
        self.again.hide()
        self.error.clear()
        self.counts.setText(self.tr("Checking the first rows…"))
        self.state.start_preview()
        self.completeChanged.emit()

    def show_result(self, result: Preview | None, error: str) -> None:
        self.busy.hide()
        importer = self.state.importer
        labels = {t.name: t.label for t in self.state.targets()}
        choices = {f.name: f.choices for f in importer.fields if f.choices}
        self.model.set_preview(result, labels, choices)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        if result is None:
            self.counts.setText("")
            self.error.setText(error)
        else:
            self.counts.setText(self.count_text(result))
        self.left_out.setText(self.not_imported_text(result) if result else "")
        self.left_out.setVisible(bool(self.left_out.text()))
        self._fill_reviews()
        self.completeChanged.emit()

    def show_cancelled(self) -> None:
        """Cancel in the progress dialog: say so, and offer to check again."""
        self.busy.hide()
        self.model.set_preview(None, {})
        self.counts.setText("")
        self.left_out.clear()
        self.left_out.hide()
        self.error.setText(
            self.tr(
                "Checking the rows was cancelled, so there is nothing to show yet. Press Check "
                "the rows again, or go Back to change the choices."
            )
        )
        self.again.show()
        self._fill_reviews()
        self.completeChanged.emit()

    def not_imported_text(self, result: Preview) -> str:
        """Every column no field takes, and the rows above the header: nothing is lost
        without a word."""
        parts: list[str] = []
        if result.not_imported:
            parts.append(
                self.tr("Columns not imported ({0}): {1}.").format(
                    len(result.not_imported), ", ".join(result.not_imported)
                )
            )
        if result.above_header:
            rows = "; ".join(
                self.tr("row {0}: '{1}'").format(n, shorten(text, 80))
                for n, text in result.above_header
            )
            parts.append(self.tr("Above the header row, not imported: {0}.").format(rows))
        return " ".join(parts)

    def count_text(self, result: Preview) -> str:
        shown = len(result.plans)
        if result.total_estimate > shown:
            head = self.tr("The first {0} rows (of about {1}): ").format(
                shown, f"{result.total_estimate:,}"
            )
        else:
            head = self.tr("All {0} rows: ").format(shown)
        parts = [
            self.tr("{0} to create").format(result.count("create")),
            self.tr("{0} to update").format(result.count("update")),
            self.tr("{0} to skip").format(result.count("skip")),
            self.tr("{0} refused").format(result.count("refuse")),
            self.tr("{0} need review").format(result.count("review")),
        ]
        text = head + ", ".join(parts) + "."
        if result.total_estimate > shown:
            text += " " + self.tr(
                "The other rows are checked when you import; any refused there are listed in "
                "the summary."
            )
        return text

    def _fill_reviews(self) -> None:
        reviews = self.state.reviews
        if set(reviews) != set(self.review_combos):
            while self.review_form.rowCount():
                self.review_form.removeRow(0)
            self.review_combos.clear()
            for row, review in sorted(reviews.items()):
                combo = QComboBox()
                combo.setObjectName(f"import-review-{row}")
                combo.addItem(self.tr("Leave the row refused"), None)
                for candidate in review.match.candidates:
                    shown = (
                        candidate.label  # several services by one name: none is "more alike"
                        if review.match.ambiguous
                        else self.tr("{0} ({1}% alike)").format(
                            candidate.label, f"{candidate.score:.0f}"
                        )
                    )
                    combo.addItem(shown, candidate.record_id)
                combo.setCurrentIndex(max(0, combo.findData(self.state.resolutions.get(row))))
                text = self.tr("Row {0}: '{1}' ({2})").format(
                    row, review.text, review.match.reason or self.tr("uncertain")
                )
                label = QLabel(text)
                label.setBuddy(combo)
                combo.setAccessibleName(text)
                combo.currentIndexChanged.connect(lambda _i, r=row: self._resolved(r))
                self.review_form.addRow(label, combo)
                self.review_combos[row] = combo
        self.review_box.setVisible(bool(reviews))

    def _resolved(self, row: int) -> None:
        chosen = self.review_combos[row].currentData()
        if chosen is None:
            self.state.resolutions.pop(row, None)
        else:
            self.state.resolutions[row] = int(chosen)
        self.rerun.start()
        self.completeChanged.emit()

    def accept_suggestions(self) -> None:
        """Take the best candidate of every uncertain match that has a safe one (the user's
        explicit choice); an ambiguous match (a tie, a split council, a name several services
        share) is left for the user, as ``--accept-best`` leaves it."""
        reviews = self.state.reviews
        for row, combo in self.review_combos.items():
            review = reviews.get(row)
            if combo.count() > 1 and review is not None and not review.match.ambiguous:
                combo.setCurrentIndex(1)

    def isComplete(self) -> bool:
        return self.state.preview_result is not None and not self.rerun.isActive()

    def cleanupPage(self) -> None:
        self.rerun.stop()
        self.state.stop_preview()  # Back while checking: the rows checked no longer matter
