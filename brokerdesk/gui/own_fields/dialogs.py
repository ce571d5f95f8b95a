"""Tools ▸ Custom fields…: the team's own fields on each kind of record, and one field's form.

Every change is one undoable action, stored in the database, so on the team server a field one
person adds is everyone's. Messages appear beside the field they concern, as in record forms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.errors import BrokerDeskError, ValidationError
from brokerdesk.core.services.custom_values import (
    CONDITION_FIELDS,
    CUSTOM_ENTITIES,
    KIND_LABELS,
    LINK_TITLES,
    FieldDefinition,
    condition_text,
)
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.gui import kind_words
from brokerdesk.gui.own_fields.commands import AddField, ChangeField, MoveField, RemoveField
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

WARNING = "⚠ "
NOT_REQUIRED, ALWAYS, WHEN = "no", "always", "when"


def describe(entity: str, field: FieldDefinition, others: tuple[FieldDefinition, ...]) -> str:
    """One line of the fields list: "Charity number — Text, required when Type is Charity"."""
    parts = [KIND_LABELS[field.kind]]
    if field.kind in ("choice", "choices"):
        parts[0] += f" ({', '.join(field.choices)})"
    if field.kind == "link" and field.link_kind:
        parts[0] += f" to {kind_words.one(field.link_kind)}"
    if field.required:
        parts.append("required")
    when = condition_text(entity, field, others)
    if when:
        parts.append(f"required {when}")
    return f"{field.label} — {', '.join(parts)}"


class FieldDialog(QDialog):
    """A new field, or a field's new name, choices and rule (its type stays)."""

    def __init__(
        self,
        ctx: AppContext,
        entity: str,
        field: FieldDefinition | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        self.field = field
        self.others = tuple(
            f
            for f in ctx.services.custom_fields.fields(entity)
            if field is None or f.id != field.id
        )
        noun = kind_words.one(entity)
        title = (
            self.tr("New field on {0}").format(kind_words.title(entity).lower())
            if field is None
            else self.tr("Change field “{0}”").format(field.label)
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("custom-field-form")
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setMaxLength(120)
        self._row(form, "label", self.tr("&Name"), self.name)
        self.kind = QComboBox(self)
        for key, label in KIND_LABELS.items():
            self.kind.addItem(self.tr(label), key)
        self._row(form, "kind", self.tr("&Type"), self.kind)
        self.choices = QPlainTextEdit(self)
        self.choices.setTabChangesFocus(True)
        self.choices.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self._row(form, "choices", self.tr("&Choices, one per line"), self.choices)
        self.link_kind = QComboBox(self)
        for key in LINK_TITLES:
            self.link_kind.addItem(kind_words.title(key), key)
        self._row(form, "link_kind", self.tr("&Links to"), self.link_kind)
        self.rule = QComboBox(self)
        self.rule.addItem(self.tr("Not required"), NOT_REQUIRED)
        self.rule.addItem(self.tr("Always required"), ALWAYS)
        self.rule.addItem(self.tr("Required only when…"), WHEN)
        self._row(form, "required", self.tr("&Required"), self.rule)
        self.when_field = QComboBox(self)
        for key, (label, _values) in CONDITION_FIELDS.get(entity, {}).items():
            self.when_field.addItem(self.tr(label), key)
        for other in self.others:
            if other.kind in ("choice", "yesno"):
                self.when_field.addItem(other.label, other.key)
        self._row(form, "required_field", self.tr("&When"), self.when_field)
        self.when_value = QComboBox(self)
        self._row(form, "required_value", self.tr("&Is"), self.when_value)
        self.general = QLabel(self)
        self.general.setWordWrap(True)
        self.general.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("A field of your own on every {0}.").format(noun), self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._sync())
        self.rule.currentIndexChanged.connect(lambda _i: self._sync())
        self.when_field.currentIndexChanged.connect(lambda _i: self._fill_values())
        self._show(field)
        self._sync()
        self.name.setFocus()
        self.setMinimumWidth(440)

    def _row(self, form: QFormLayout, key: str, text: str, widget: QWidget) -> None:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        error = QLabel(holder)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[key] = error
        label = QLabel(text, self)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", ""))
        form.addRow(label, holder)
        setattr(self, f"_label_{key}", label)

    def _show(self, field: FieldDefinition | None) -> None:
        if field is None:
            return
        self.name.setText(field.label)
        self.kind.setCurrentIndex(self.kind.findData(field.kind))
        self.kind.setEnabled(False)  # a field's type stays what it was made as
        self.choices.setPlainText("\n".join(field.choices))
        if field.link_kind:
            self.link_kind.setCurrentIndex(self.link_kind.findData(field.link_kind))
            self.link_kind.setEnabled(False)
        rule = WHEN if field.conditional else ALWAYS if field.required else NOT_REQUIRED
        self.rule.setCurrentIndex(self.rule.findData(rule))
        if field.conditional:
            self.when_field.setCurrentIndex(self.when_field.findData(field.required_field))
            self._fill_values()
            self.when_value.setCurrentIndex(self.when_value.findData(field.required_value))

    def _sync(self) -> None:
        """Show only what the chosen type and rule need."""
        kind = self.kind.currentData()
        self._set_shown("choices", self.choices, kind in ("choice", "choices"))
        self._set_shown("link_kind", self.link_kind, kind == "link")
        when = self.rule.currentData() == WHEN
        if when and self.when_field.count() == 0:
            self.rule.setCurrentIndex(self.rule.findData(NOT_REQUIRED))
            self._general(self.tr("No field of these records can decide that yet."))
            when = False
        self._set_shown("required_field", self.when_field, when)
        self._set_shown("required_value", self.when_value, when)
        if when and self.when_value.count() == 0:
            self._fill_values()

    def _set_shown(self, key: str, widget: QWidget, shown: bool) -> None:
        holder = widget.parentWidget()  # the row: the control and its message
        if holder is not None:
            holder.setVisible(shown)
        widget.setVisible(shown)
        getattr(self, f"_label_{key}").setVisible(shown)

    def _fill_values(self) -> None:
        self.when_value.clear()
        name = self.when_field.currentData()
        fixed = CONDITION_FIELDS.get(self.entity, {})
        if name in fixed:
            for stored, label in fixed[name][1].items():
                self.when_value.addItem(self.tr(label), stored)
            return
        for other in self.others:
            if other.key == name and other.kind == "choice":
                for choice in other.choices:
                    self.when_value.addItem(choice, choice)
            elif other.key == name:
                self.when_value.addItem(self.tr("Yes"), "yes")
                self.when_value.addItem(self.tr("No"), "no")

    def spec(self) -> FieldSpec:
        rule = self.rule.currentData()
        return FieldSpec(
            label=self.name.text(),
            kind=str(self.kind.currentData()),
            required=rule == ALWAYS,
            required_field=self.when_field.currentData() if rule == WHEN else None,
            required_value=self.when_value.currentData() if rule == WHEN else None,
            choices=tuple(self.choices.toPlainText().splitlines()),
            link_kind=self.link_kind.currentData() if self.kind.currentData() == "link" else None,
        )

    def command(self) -> ServiceCommand:
        if self.field is None:
            return AddField(self.ctx, self.entity, self.spec())
        return ChangeField(self.ctx, self.field.id, self.spec())

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general.hide()
        command = self.command()
        try:
            change = command.perform()
        except ValidationError as exc:
            self._errors(exc)
            return
        except BrokerDeskError as exc:
            self._general(str(exc))
            return
        self.ctx.record_undoable(command, change)
        self.accept()

    def _errors(self, error: ValidationError) -> None:
        first: QWidget | None = None
        for key, message in error.field_errors.items():
            label = self.errors.get(key)
            if label is None:
                self._general(message)
                continue
            label.setText(WARNING + message)
            label.show()
            buddy = {
                "label": self.name,
                "kind": self.kind,
                "choices": self.choices,
                "link_kind": self.link_kind,
                "required_field": self.when_field,
                "required_value": self.when_value,
            }.get(key, self.rule)
            buddy.setAccessibleDescription(message)
            first = first or buddy
        if not error.field_errors:
            self._general(str(error))
        if first is not None:
            first.setFocus()

    def _general(self, text: str) -> None:
        self.general.setText(WARNING + text)
        self.general.show()


class CustomFieldsDialog(QDialog):
    """The fields of each kind of record: add, change, remove, reorder."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, entity: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Custom fields"))
        self.setAccessibleName(self.tr("Custom fields"))
        self.setObjectName("custom-fields")
        self.kind = QComboBox(self)
        for key in CUSTOM_ENTITIES:
            self.kind.addItem(kind_words.title(key), key)
        kind_label = QLabel(self.tr("&Kind of record"), self)
        kind_label.setBuddy(self.kind)
        self.kind.setAccessibleName(self.tr("Kind of record"))
        self.fields = QListWidget(self)
        fields_label = QLabel(self.tr("&Fields"), self)
        fields_label.setBuddy(self.fields)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.change_button = QPushButton(self.tr("C&hange…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        side = QVBoxLayout()
        for button in (
            self.add_button,
            self.change_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.fields, 1)
        middle.addLayout(side)
        note = QLabel(
            self.tr(
                "Fields added here appear on every record's form and page, as list columns "
                "and filters, in imports and exports. Removing one keeps its values in the "
                "history; Edit ▸ Undo puts it back."
            ),
            self,
        )
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.kind, 1)
        layout.addLayout(top)
        layout.addWidget(fields_label)
        layout.addLayout(middle, 1)
        layout.addWidget(note)
        layout.addWidget(close)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.fields.currentRowChanged.connect(lambda _r: self._sync_buttons())
        self.fields.itemActivated.connect(lambda _item: self.change())
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_field(-1))
        self.down_button.clicked.connect(lambda: self.move_field(1))
        if entity in CUSTOM_ENTITIES:
            self.kind.setCurrentIndex(self.kind.findData(entity))
        self.refresh()
        self.resize(640, 420)

    @property
    def entity(self) -> str:
        return str(self.kind.currentData())

    def refresh(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self._current_id()
        self.fields.clear()
        self.fields.setAccessibleName(self.tr("Fields of {0}").format(self.kind.currentText()))
        own = self.ctx.services.custom_fields.fields(self.entity)
        for field in own:
            item = QListWidgetItem(describe(self.entity, field, own), self.fields)
            item.setData(Qt.ItemDataRole.UserRole, field.id)
            if field.id == current:
                self.fields.setCurrentItem(item)
        if self.fields.currentRow() < 0 and self.fields.count():
            self.fields.setCurrentRow(0)
        self._sync_buttons()

    def _current_id(self) -> int | None:
        item = self.fields.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _current(self) -> FieldDefinition | None:
        field_id = self._current_id()
        if field_id is None:
            return None
        return self.ctx.services.custom_fields.get(field_id)

    def _sync_buttons(self) -> None:
        row, count = self.fields.currentRow(), self.fields.count()
        for button in (self.change_button, self.remove_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def field_dialog(self, field: FieldDefinition | None) -> FieldDialog:
        """The form of a new field or of ``field`` (tests drive it before it is shown)."""
        return FieldDialog(self.ctx, self.entity, field, self)

    def _run(self, dialog: FieldDialog) -> None:
        dialog.exec()
        made = dialog.result() == QDialog.DialogCode.Accepted
        command_change = dialog.field.id if dialog.field is not None else None
        dialog.deleteLater()
        if made:
            self.refresh(command_change)
            if command_change is None and self.fields.count():
                self.fields.setCurrentRow(self.fields.count() - 1)
        self.fields.setFocus()

    def add(self) -> None:
        self._run(self.field_dialog(None))

    def change(self) -> None:
        field = self._current()
        if field is not None:
            self._run(self.field_dialog(field))

    def remove(self) -> None:
        field = self._current()
        if field is None:
            return
        row = self.fields.currentRow()
        self._perform(RemoveField(self.ctx, field.id, field.label))
        self.refresh()
        self.fields.setCurrentRow(min(row, self.fields.count() - 1))

    def move_field(self, steps: int) -> None:
        field = self._current()
        if field is not None:
            self._perform(MoveField(self.ctx, field.id, field.label, steps))
            self.refresh(field.id)
            self.fields.setFocus()

    def _perform(self, command: ServiceCommand) -> Any:
        return self.ctx.perform(command)
