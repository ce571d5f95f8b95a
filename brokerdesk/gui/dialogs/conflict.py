"""The edit-conflict dialog: two people saved the same record; choose field by field.

Team mode never overwrites silently. When a save finds the record was saved by someone else
after this user opened it, the service raises :class:`EditConflict` and nothing is written.
This dialog puts their saved value beside this user's value for each field that differs, with
a "Keep theirs" / "Use mine" choice per field, and returns the values to save with the
conflict's ``their_version``. If the record is saved again meanwhile, that save raises a new
conflict and the dialog shows again, so a third change cannot be lost either.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.display import display
from brokerdesk.core.errors import EditConflict
from brokerdesk.core.money import format_money
from brokerdesk.gui.scrolling import form_scroll_area

MINE, THEIRS = "mine", "theirs"


def plain(value: Any) -> str:
    """A value as a person reads it: dates in British order, empty as "(empty)"."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(plain(v) for v in value) or "(none)"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a year or a target as typed in the form
    return display(value)  # a budget in pounds, as the lists show it


def _labels_from(parent: QWidget | None) -> dict[str, str]:
    """The form's own field labels when the parent is a record form."""
    service = getattr(parent, "service", None)
    fields = getattr(service, "fields", None) or ()
    return {f.name: f.label for f in fields}


def _choices_from(parent: QWidget | None) -> dict[str, Mapping[str, str]]:
    """Stored value -> label for the form's choice fields ("paused" -> "Paused")."""
    service = getattr(parent, "service", None)
    fields = getattr(service, "fields", None) or ()
    return {f.name: f.choices for f in fields if f.choices}


class ConflictDialog(QDialog):
    """Their saved version beside mine, one row and one choice per differing field.

    Attributes:
        choices: field name -> the button group whose checked id says mine (1) or theirs (0).
    """

    def __init__(
        self,
        conflict: EditConflict,
        labels: dict[str, str] | None = None,
        original: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        choices: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.labels = labels or _labels_from(parent)
        self.original = original or {}
        self.choice_labels = dict(choices or _choices_from(parent))
        self.setObjectName("conflict-dialog")
        self.setWindowTitle(self.tr("Someone else saved this record"))
        self.setAccessibleName(self.windowTitle())
        self.choices: dict[str, QButtonGroup] = {}
        self.radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self._build()

    # ------------------------------------------------------------------ which fields
    def _label(self, name: str) -> str:
        return self.labels.get(name, name.replace("_", " ").capitalize())

    def differing(self) -> list[str]:
        """Fields where their saved value and mine differ, mine first, then theirs.

        Fields I changed come from ``conflict.mine``; fields only they changed are known when
        the caller passes the values the form opened with (``original``).
        """
        mine, theirs = self.conflict.mine, self.conflict.theirs
        names = [n for n in mine if n in theirs and mine[n] != theirs[n]]
        for name, before in self.original.items():
            clash = name in theirs and name not in mine and theirs[name] != before
            if clash and name not in ("version_id", "updated_at", "created_at"):
                names.append(name)
        return names

    def _my_value(self, name: str) -> Any:
        if name in self.conflict.mine:
            return self.conflict.mine[name]
        return self.original.get(name)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Someone else saved this record after you opened it. Nothing has been "
                "overwritten. For each field below, choose which value to keep, then press "
                "Save. Changes that do not clash are kept as they are."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("What happened"))
        layout.addWidget(intro)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(16)
        headers = (self.tr("Field"), self.tr("Their saved version"), self.tr("Your version"))
        for column, text in enumerate(headers):
            header = QLabel(f"<b>{text}</b>", grid_host)
            header.setAccessibleName(text)
            grid.addWidget(header, 0, column)
        names = self.differing()
        for row, name in enumerate(names, start=1):
            self._add_row(grid, grid_host, row, name)
        if not names:
            same = QLabel(
                self.tr("Your changes do not clash with theirs; saving keeps both."), grid_host
            )
            same.setWordWrap(True)
            grid.addWidget(same, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = form_scroll_area(
            grid_host, self.tr("Fields that differ"), self, framed=False, sideways=False
        )
        layout.addWidget(scroll, 1)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save my choices"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Save my choices"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel, save nothing"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        grid_host.setMinimumWidth(640)
        self.resize(720, min(grid_host.sizeHint().height() + 170, 640))

    def _shown(self, name: str, value: Any, currency: Any = None) -> str:
        if name in self.choice_labels and isinstance(value, str):
            value = self.choice_labels[name].get(value, value)
        if isinstance(value, Decimal) and isinstance(currency, str):
            return format_money(value, currency)  # an agreement's value in its currency
        return plain(value)

    def _side(self, host: QWidget, name: str, label: str, mine: bool) -> QWidget:
        """One cell: the radio button, then the value wrapped beneath it."""
        value = self._my_value(name) if mine else self.conflict.theirs.get(name)
        currency = self._my_value("currency") if mine else self.conflict.theirs.get("currency")
        text = self._shown(name, value, currency)
        cell = QWidget(host)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        radio = QRadioButton(self.tr("Use mine") if mine else self.tr("Keep theirs"), cell)
        side = self.tr("use mine") if mine else self.tr("keep theirs")
        radio.setAccessibleName(self.tr("{0}: {1}").format(label, side))
        radio.setAccessibleDescription(text)
        radio.setObjectName(f"conflict-{name}-{MINE if mine else THEIRS}")
        shown = QLabel(text, cell)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setIndent(22)  # under the radio's text, not its circle
        shown.setBuddy(radio)
        shown.setAccessibleName(
            self.tr("{0}, your value").format(label)
            if mine
            else self.tr("{0}, their value").format(label)
        )
        box.addWidget(radio)
        box.addWidget(shown)
        return cell

    def _add_row(self, grid: QGridLayout, host: QWidget, row: int, name: str) -> None:
        label = self._label(name)
        field = QLabel(f"<b>{label}</b>", host)
        field.setAccessibleName(label)
        theirs_cell = self._side(host, name, label, mine=False)
        mine_cell = self._side(host, name, label, mine=True)
        keep = theirs_cell.findChild(QRadioButton)
        use = mine_cell.findChild(QRadioButton)
        assert keep is not None and use is not None
        field.setBuddy(use if name in self.conflict.mine else keep)
        group = QButtonGroup(self)
        group.addButton(keep, 0)
        group.addButton(use, 1)
        (use if name in self.conflict.mine else keep).setChecked(True)
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(field, row, 0, top)
        grid.addWidget(theirs_cell, row, 1, top)
        grid.addWidget(mine_cell, row, 2, top)
        self.choices[name] = group
        self.radios[name] = (keep, use)

    # ------------------------------------------------------------------ result
    def choose(self, name: str, which: str) -> None:
        """Pick ``MINE`` or ``THEIRS`` for a field (what a click on its radio button does)."""
        keep, use = self.radios[name]
        (use if which == MINE else keep).setChecked(True)

    def merged(self) -> dict[str, Any]:
        """The values to save: every field of mine, with theirs where the user kept theirs."""
        out = dict(self.conflict.mine)
        for name, group in self.choices.items():
            if group.checkedId() == 1:
                out[name] = self._my_value(name)
            elif name in out or name in self.original:
                out[name] = self.conflict.theirs.get(name)
        return out


def resolve_conflict(
    parent: QWidget | None,
    conflict: EditConflict,
    labels: dict[str, str] | None = None,
    original: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """Ask the user which values to keep; return what to save, or None to save nothing.

    Save the result with ``conflict.their_version`` as the expected version; if that raises
    a new EditConflict (saved again meanwhile), call this again.

    Args:
        parent: the form the save came from (its fields give the labels when none are given).
        conflict: the refused save.
        labels: field name -> label as the form shows it.
        original: the values the form opened with; when given, fields only they changed are
            listed too (defaulting to theirs).
    """
    dialog = ConflictDialog(conflict, labels, original, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.merged()
    finally:
        dialog.deleteLater()
