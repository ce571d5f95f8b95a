"""Field editors for generated forms: one per field kind, each with an accessible name.

Every editor hands back what the user typed (text for numbers and dates, so the service's own
parser and messages apply) and takes a stored value to show. References to other records are
searchable combo boxes fed by SQL; a name typed that matches no record is reported beside the
field rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from brokerdesk.core import clock
from brokerdesk.core.services.choices import ReferenceChoices
from brokerdesk.core.services.fields import Field, parse_date
from brokerdesk.gui import kind_words
from brokerdesk.gui.calendars import make_readable

if TYPE_CHECKING:
    from brokerdesk.core.db import Database

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")

# Field names that refer to another record, and the kind of record they refer to.
REFERENCES: dict[str, str] = {
    "partner_id": "partner",
    "service_id": "library_service",
    "programme_id": "programme",
    "contact_id": "contact",
    "local_contact_id": "contact",
    "offer_area_id": "offer_area",
    "branch_id": "branch",
    "grant_id": "funding_grant",
}


class NotChosenError(ValueError):
    """A reference field holds text that names no record."""


def reference_options(db: Database, field_name: str) -> list[tuple[int, str]]:
    """(id, label) of every record a reference field may point at, in the order shown."""
    return list(ReferenceChoices(db).for_field(field_name))


class FieldEditor(QObject):
    """The editor of one field.

    Signals:
        edited(): the user changed the value.

    Attributes:
        field: the declaration it edits.
        widget: what goes in the form row.
        focus_widget: what gets focus (and the label's buddy).
    """

    edited = Signal()

    def __init__(self, field: Field, widget: QWidget, focus_widget: QWidget | None = None):
        super().__init__(widget)
        self.field = field
        self.widget = widget
        self.focus_widget = focus_widget or widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.focus_widget.setEnabled(not read_only)


class LineEditor(FieldEditor):
    """Text, email, website, whole numbers and amounts: typed as text, parsed by the service."""

    def __init__(self, field: Field, parent: QWidget) -> None:
        edit = QLineEdit(parent)
        if field.max_length:
            edit.setMaxLength(field.max_length)
        if field.kind in ("int", "decimal"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(160)
            edit.setPlaceholderText("0" if field.kind == "int" else "0.00")
        elif field.kind == "url":
            edit.setPlaceholderText("https://")
        super().__init__(field, edit)
        self.edit = edit
        edit.textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        if value is None:
            self.edit.setText("")
        elif isinstance(value, Decimal):
            self.edit.setText(f"{value:.2f}")
        else:
            self.edit.setText(str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class NotesEditor(FieldEditor):
    def __init__(self, field: Field, parent: QWidget) -> None:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 6 + 12)
        super().__init__(field, edit)
        self.edit = edit
        edit.textChanged.connect(self.edited.emit)

    def value(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText("" if value is None else str(value))
        self.edit.blockSignals(False)


class ChoiceEditor(FieldEditor):
    def __init__(self, field: Field, parent: QWidget) -> None:
        combo = QComboBox(parent)
        if not field.required:
            combo.addItem("", None)
        for stored, label in (field.choices or {}).items():
            combo.addItem(translate("RecordForm", label), stored)
        super().__init__(field, combo)
        self.combo = combo
        combo.activated.connect(lambda _i: self.edited.emit())

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        found = self.combo.findData(value)
        if found < 0 and value not in (None, ""):
            # A stored value no longer offered (a currency code an older version let in):
            # shown as it is, so saving the form never changes it silently.
            self.combo.addItem(str(value), value)
            found = self.combo.count() - 1
        self.combo.setCurrentIndex(max(found, 0))


class FlagEditor(FieldEditor):
    def __init__(self, field: Field, parent: QWidget) -> None:
        box = QCheckBox(translate("RecordForm", field.label), parent)
        super().__init__(field, box)
        self.box = box
        box.toggled.connect(lambda _on: self.edited.emit())

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(bool(value))
        self.box.blockSignals(False)


class DateEditor(FieldEditor):
    """A date that may be empty: typed (YYYY-MM-DD or DD/MM/YYYY) or picked from a calendar."""

    def __init__(self, field: Field, parent: QWidget) -> None:
        box = QWidget(parent)
        edit = QLineEdit(box)
        edit.setPlaceholderText(translate("RecordForm", "DD/MM/YYYY"))
        edit.setMaximumWidth(140)
        button = QToolButton(box)
        button.setText(translate("RecordForm", "Calendar"))
        button.setAccessibleName(translate("RecordForm", "Calendar for {0}").format(field.label))
        button.setToolTip(translate("RecordForm", "Choose {0} from a calendar").format(field.label))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.calendar = QCalendarWidget(menu)
        make_readable(self.calendar, field.label)
        self.calendar.setGridVisible(True)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._sync_calendar)
        self._menu = menu
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        button.setMenu(menu)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit)
        row.addWidget(button)
        row.addStretch(1)
        super().__init__(field, box, edit)
        self.edit = edit
        self.button = button
        edit.textEdited.connect(lambda _t: self.edited.emit())

    def _sync_calendar(self) -> None:
        try:
            day = parse_date(self.edit.text())
        except ValueError:
            day = clock.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _pick(self, day: QDate) -> None:
        self.edit.setText(day.toString("dd/MM/yyyy"))
        self.edited.emit()
        self._menu.close()

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        if isinstance(value, dt.date):
            self.edit.setText(value.strftime("%d/%m/%Y"))
        else:
            self.edit.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)


class ReferenceEditor(FieldEditor):
    """A searchable choice of another record: type part of a name, pick from the matches."""

    def __init__(self, field: Field, parent: QWidget, options: list[tuple[int, str]]) -> None:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(15)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(28)
        combo.addItem("", None)
        for record_id, label in options:
            combo.addItem(label, record_id)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(translate("RecordForm", "Type to search…"))
        super().__init__(field, combo)
        self.combo = combo
        self.noun = kind_words.one(REFERENCES[field.name]) if field.name in REFERENCES else "record"
        line.textEdited.connect(lambda _t: self.edited.emit())
        combo.activated.connect(lambda _i: self.edited.emit())

    def set_accessible_name(self, name: str) -> None:
        """Name the box and the line edit inside it (screen readers reach both)."""
        self.combo.setAccessibleName(name)
        line = self.combo.lineEdit()
        if line is not None:
            line.setAccessibleName(name)

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        if not text:
            return None
        found = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if found < 0:
            raise NotChosenError(
                f"Choose a {self.noun} from the list: no {self.noun} is called '{text}'."
            )
        return self.combo.itemData(found)

    def set_value(self, value: Any) -> None:
        found = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(found, 0))


def make_editor(
    field: Field, parent: QWidget, options: Callable[[str], list[tuple[int, str]]]
) -> FieldEditor:
    """The editor for a field's kind (references by name)."""
    if field.name in REFERENCES:
        return ReferenceEditor(field, parent, options(field.name))
    if field.kind == "longtext":
        return NotesEditor(field, parent)
    if field.kind == "choice":
        return ChoiceEditor(field, parent)
    if field.kind == "bool":
        return FlagEditor(field, parent)
    if field.kind == "date":
        return DateEditor(field, parent)
    return LineEditor(field, parent)
