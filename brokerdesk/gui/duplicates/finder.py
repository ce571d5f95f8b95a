"""Tools ▸ Find duplicates…: likely duplicate pairs, and the field-by-field merge view.

The finder lists pairs of partners (or contacts) that look like one record twice, best first,
with how alike they are and why. The search runs in ``ctx.tasks``; the list stays usable
while it runs and the newest search wins. "Not duplicates" hides a pair until the app is
closed. Merge opens :class:`MergeDialog`: both records side by side, a choice of the record
to keep and, for every field that differs, of the value to keep; it says what moves to the
kept record and merges through an undoable command, so Edit ▸ Undo (Ctrl+Z) takes it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.gui.duplicates.merge_facts import load_merge_facts, quoted
from brokerdesk.gui.duplicates.merge_view import MergeDialog

if TYPE_CHECKING:
    from brokerdesk.core.services.duplicates import DuplicatePair
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.tasks import Progress, Task

translate = QCoreApplication.translate  # lupdate reads translate("Duplicates", "…") calls

DEFAULT_THRESHOLD = {"partner": 88, "contact": 90}  # the core finders' defaults
AnyIndex = QModelIndex | QPersistentModelIndex


# ---------------------------------------------------------------------- the pairs table
class PairsModel(QAbstractTableModel):
    """Likely duplicate pairs, best first: a small in-memory list the finder replaces whole."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs: list[DuplicatePair] = []

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Duplicates", "Record"),
            translate("Duplicates", "Possible duplicate"),
            translate("Duplicates", "Similarity"),
            translate("Duplicates", "Why"),
        )

    @staticmethod
    def reason(pair: DuplicatePair) -> str:
        reasons = {
            "same website domain": translate("Duplicates", "same website domain"),
            "similar name": translate("Duplicates", "similar name"),
            "same email": translate("Duplicates", "same email"),
        }
        return reasons.get(pair.reason, pair.reason)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pairs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.pairs):
            return None
        pair = self.pairs[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                pair.first_label,
                pair.second_label,
                f"{round(pair.score)}%",
                self.reason(pair),
            )
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.headers()[column]}: {self.data(index)}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.beginResetModel()
        self.pairs = list(pairs)
        self.endResetModel()


# ---------------------------------------------------------------------- the finder
class DuplicatesDialog(QDialog):
    """The finder: a choice of partners or contacts, the pairs, Merge… and Not duplicates.

    Modeless, one per window: the main window's Undo works while it is open, and pairs
    dismissed with "Not duplicates" stay hidden until the app is closed.

    Attributes:
        model: the pairs shown. ``merge_dialog``: the merge view last opened.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = "partner"
        self.record_id: int | None = None
        self.found: list[DuplicatePair] = []
        self.dismissed: set[tuple[str, int, int]] = set()
        self.task: Task | None = None
        self.merge_dialog: MergeDialog | None = None
        self._generation = 0
        self.setObjectName("duplicates-dialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        self.setAccessibleName(self.windowTitle())
        self._build()
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(300)
        self._again.timeout.connect(self.find_pairs)
        ctx.changes.changed.connect(self._on_change)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Partners"), "partner")
        self.kind.addItem(self.tr("Contacts"), "contact")
        self.kind.setAccessibleName(self.tr("Look for duplicate"))
        kind_label = QLabel(self.tr("&Look for duplicate:"), self)
        kind_label.setBuddy(self.kind)
        self.threshold = QSpinBox(self)
        self.threshold.setRange(50, 100)
        self.threshold.setSuffix("%")
        self.threshold.setValue(DEFAULT_THRESHOLD["partner"])
        self.threshold.setAccessibleName(self.tr("Names at least this similar"))
        self.threshold.setToolTip(
            self.tr("Lower finds more pairs, and more that are not the same record")
        )
        threshold_label = QLabel(self.tr("Names at least this &similar:"), self)
        threshold_label.setBuddy(self.threshold)
        self.find_button = QPushButton(self.tr("Find &again"), self)
        self.find_button.setAccessibleName(self.tr("Find again"))
        self.find_button.setAutoDefault(False)
        for widget in (kind_label, self.kind, threshold_label, self.threshold, self.find_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)

        self.only = QWidget(self)
        only_row = QHBoxLayout(self.only)
        only_row.setContentsMargins(0, 0, 0, 0)
        self.only_label = QLabel(self.only)
        self.show_all_button = QPushButton(self.tr("Show &every pair"), self.only)
        self.show_all_button.setAccessibleName(self.tr("Show every pair"))
        self.show_all_button.setAutoDefault(False)
        only_row.addWidget(self.only_label)
        only_row.addWidget(self.show_all_button)
        only_row.addStretch(1)
        self.only.hide()
        layout.addWidget(self.only)

        self.model = PairsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("duplicate-pairs")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Likely duplicate pairs"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        status_row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("duplicates-status")
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # moving until the finder says how far it is
        self.progress.setAccessibleName(self.tr("Looking for duplicates"))
        self.progress.setMaximumWidth(160)
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setAccessibleName(self.tr("Stop looking"))
        self.stop_button.setAutoDefault(False)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.stop_button)
        layout.addLayout(status_row)

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(
            self.tr("&Merge…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.setAccessibleName(self.tr("Merge…: the selected pair"))
        self.merge_button.setDefault(True)
        self.dismiss_button = self.buttons.addButton(
            self.tr("&Not duplicates"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.dismiss_button.setAccessibleName(
            self.tr("Not duplicates: hide the selected pair until BrokerDesk is closed")
        )
        self.dismiss_button.setAutoDefault(False)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.threshold.valueChanged.connect(lambda _v: self._again.start())
        self.find_button.clicked.connect(self.find_pairs)
        self.stop_button.clicked.connect(self.stop)
        self.show_all_button.clicked.connect(self.show_every_pair)
        self.merge_button.clicked.connect(self.merge_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.table.doubleClicked.connect(lambda _index: self.merge_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._set_busy(False)
        self.resize(860, 520)

    # ------------------------------------------------------------------ finding
    def start(self, entity: str | None = None, record_id: int | None = None) -> None:
        """Look for pairs of ``entity`` (and only those with ``record_id``, if given)."""
        self.record_id = record_id
        if entity is not None and entity != self.entity:
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self.kind.findData(entity))
            self.kind.blockSignals(False)
            self._set_entity(entity)
        self.find_pairs()

    def _kind_changed(self, _index: int) -> None:
        self.record_id = None
        self._set_entity(str(self.kind.currentData()))
        self.find_pairs()

    def _set_entity(self, entity: str) -> None:
        self.entity = entity
        self.threshold.blockSignals(True)
        self.threshold.setValue(DEFAULT_THRESHOLD[entity])
        self.threshold.blockSignals(False)
        self.model.set_pairs([])

    def find_pairs(self) -> None:
        """Look again in a worker; a newer search replaces one still running."""
        from brokerdesk.core.services import duplicates

        self._again.stop()
        if self.task is not None:
            self.task.cancel()
        self._generation += 1
        generation = self._generation
        entity, threshold, db = self.entity, float(self.threshold.value()), self.ctx.db
        finder = (
            duplicates.find_duplicate_partners
            if entity == "partner"
            else duplicates.find_duplicate_contacts
        )
        noun = self.tr("partners") if entity == "partner" else self.tr("contacts")

        def work(progress: Progress) -> list[DuplicatePair]:
            progress(0, 0, "")
            return finder(db, threshold, lambda done, total: progress(done, total, ""))

        self._set_busy(True)
        self.status.setText(self.tr("Looking for likely duplicate {0}…").format(noun))
        self.task = self.ctx.tasks.start(
            work,
            self.tr("Find duplicates"),
            on_done=lambda pairs: self._found(generation, pairs),
            on_error=lambda exc: self._failed(generation, exc),
            on_cancel=lambda: self._stopped(generation),
            owner=self,
        )
        # A bound method of the dialog: Qt drops the connection if the dialog goes first.
        self.task.signals.progress.connect(self._advance)

    def _advance(self, done: int, total: int, _text: str) -> None:
        if self.task is not None and self.sender() is self.task.signals:  # not an older search
            self.progress.setRange(0, total)  # total 0 keeps the bar moving
            self.progress.setValue(done)

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _found(self, generation: int, pairs: list[DuplicatePair]) -> None:
        if not self._is_current(generation):
            return
        self.task = None
        self._set_busy(False)
        self.found = pairs
        self.show_pairs()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._is_current(generation):
            return
        self.task = None
        self._set_busy(False)
        self.status.setText(self.tr("The search for duplicates failed: {0}").format(exc))

    def _stopped(self, generation: int) -> None:
        if not self._is_current(generation):
            return
        self.task = None
        self._set_busy(False)
        self.status.setText(self.tr("Stopped. Press Find again to look again."))

    def _is_current(self, generation: int) -> bool:
        """The newest search, and the dialog still there (a search can end after it closed)."""
        return generation == self._generation and shiboken6.isValid(self.progress)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.stop_button.setVisible(busy)
        self.find_button.setEnabled(not busy)
        self._update_buttons()

    def _on_change(self, entities: frozenset[str]) -> None:
        if self.entity in entities and self.isVisible():
            self._again.start()  # after a merge, an undo or an edit elsewhere

    # ------------------------------------------------------------------ showing
    def shown_pairs(self) -> list[DuplicatePair]:
        """The pairs found, less those dismissed and, when asked, those without the record."""
        out = []
        for pair in self.found:
            if (pair.entity, pair.first_id, pair.second_id) in self.dismissed:
                continue
            if self.record_id is not None and self.record_id not in (
                pair.first_id,
                pair.second_id,
            ):
                continue
            out.append(pair)
        return out

    def show_pairs(self) -> None:
        """Fill the table, keeping the selected pair (or its row) when it is refreshed."""
        was = self.selected_pair()
        row = max(self.table.currentIndex().row(), 0)
        pairs = self.shown_pairs()
        self.model.set_pairs(pairs)
        noun = self.tr("partners") if self.entity == "partner" else self.tr("contacts")
        hidden = sum(1 for p in self.found if (p.entity, p.first_id, p.second_id) in self.dismissed)
        if pairs:
            text = (
                self.tr("1 likely duplicate pair.")
                if len(pairs) == 1
                else self.tr("{0} likely duplicate pairs, most alike first.").format(
                    f"{len(pairs):,}"
                )
            )
        else:
            text = self.tr("No likely duplicate {0} at this similarity.").format(noun)
        if hidden == 1:
            text += " " + self.tr("1 pair marked “Not duplicates” is hidden.")
        elif hidden:
            text += " " + self.tr("{0} pairs marked “Not duplicates” are hidden.").format(hidden)
        self.status.setText(text)
        label = self._focus_label()
        self.only.setVisible(label is not None)
        if label is not None:
            self.only_label.setText(self.tr("Only pairs that include {0}.").format(label))
        if pairs:
            same = [
                i
                for i, p in enumerate(pairs)
                if was is not None and (p.first_id, p.second_id) == (was.first_id, was.second_id)
            ]
            self.table.selectRow(same[0] if same else min(row, len(pairs) - 1))
        self._update_buttons()

    def _focus_label(self) -> str | None:
        if self.record_id is None:
            return None
        for pair in self.found:
            if pair.first_id == self.record_id:
                return quoted(pair.first_label)
            if pair.second_id == self.record_id:
                return quoted(pair.second_label)
        return f"#{self.record_id}"

    def show_every_pair(self) -> None:
        self.record_id = None
        self.show_pairs()
        self.table.setFocus()

    def selected_pair(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.pairs[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_pair() is not None
        self.merge_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    # ------------------------------------------------------------------ acting
    def dismiss_selected(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        self.dismissed.add((pair.entity, pair.first_id, pair.second_id))
        self.show_pairs()  # the next pair down is selected
        self.ctx.notify(
            self.tr("{0} and {1} are marked as not duplicates for this session.").format(
                quoted(pair.first_label), quoted(pair.second_label)
            )
        )

    def merge_selected(self) -> MergeDialog | None:
        """Open the merge view on the selected pair (window-modal, not blocking)."""
        pair = self.selected_pair()
        if pair is None:
            return None
        facts = self.ctx.attempt(
            lambda: load_merge_facts(self.ctx, pair.entity, pair.first_id, pair.second_id)
        )
        if facts is None:
            self._again.start()  # one of them has gone: the list is out of date
            return None
        dialog = MergeDialog(self.ctx, facts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._merged(dialog.merged_away))
        dialog.finished.connect(self._merge_view_closed)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _merge_view_closed(self) -> None:
        self.merge_dialog = None  # deleted on close
        self.table.setFocus()

    def _merged(self, other_id: int | None) -> None:
        if other_id is None:
            return
        self.found = [p for p in self.found if other_id not in (p.first_id, p.second_id)]
        if self.record_id == other_id:
            self.record_id = None
        self.show_pairs()
        self._again.start()
