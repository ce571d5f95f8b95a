"""Editors for the team's own fields in a record's form.

Most types reuse the generated form's editors (a custom field is declared to them as a
``Field`` named ``cf_<id>``); several choices get a row of tick boxes, a link the searchable
choice of records every reference field uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QWidget

from brokerdesk.core.services.fields import Field, FieldKind
from brokerdesk.gui.dialogs.editors import FieldEditor, ReferenceEditor, make_editor

if TYPE_CHECKING:
    from brokerdesk.core.services.custom_values import FieldDefinition

translate = QCoreApplication.translate

FORM_KINDS: dict[str, FieldKind] = {
    "text": "text",
    "longtext": "longtext",
    "number": "decimal",
    "money": "decimal",
    "date": "date",
    "yesno": "bool",
    "choice": "choice",
    "choices": "text",
    "link": "text",
}
# The reference field whose choices a link to each kind offers (gui.dialogs.editors).
LINK_OPTIONS = {
    "partner": "partner_id",
    "library_service": "service_id",
    "programme": "programme_id",
    "contact": "contact_id",
}


def as_field(definition: FieldDefinition) -> Field:
    """The declaration the form's editors read."""
    return Field(
        definition.key,
        definition.label,
        FORM_KINDS[definition.kind],
        required=definition.required,
        choices={c: c for c in definition.choices} if definition.kind == "choice" else None,
        max_length=500 if definition.kind == "text" else None,
    )


class SeveralChoicesEditor(FieldEditor):
    """A tick box per choice, in a box titled by the field's label."""

    def __init__(self, field: Field, parent: QWidget, choices: tuple[str, ...]) -> None:
        box = QGroupBox(field.label, parent)
        box.setAccessibleName(field.label)
        row = QHBoxLayout(box)
        self.boxes: list[QCheckBox] = []
        for choice in choices:
            tick = QCheckBox(choice, box)
            tick.setAccessibleName(f"{field.label}: {choice}")
            tick.toggled.connect(lambda _on: self.edited.emit())
            row.addWidget(tick)
            self.boxes.append(tick)
        row.addStretch(1)
        super().__init__(field, box, self.boxes[0] if self.boxes else box)

    def value(self) -> Any:
        return [tick.text() for tick in self.boxes if tick.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for tick in self.boxes:
            tick.blockSignals(True)
            tick.setChecked(tick.text() in chosen)
            tick.blockSignals(False)


def make_own_editor(
    definition: FieldDefinition,
    parent: QWidget,
    options: Callable[[str], list[tuple[int, str]]],
) -> FieldEditor:
    """The editor of one custom field."""
    field = as_field(definition)
    if definition.kind == "choices":
        return SeveralChoicesEditor(field, parent, definition.choices)
    if definition.kind == "link":
        editor = ReferenceEditor(field, parent, options(LINK_OPTIONS[str(definition.link_kind)]))
        editor.set_accessible_name(definition.label)
        return editor
    return make_editor(field, parent, options)
