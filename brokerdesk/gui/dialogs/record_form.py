"""Create and edit forms, generated from each service's declared fields.

The service's ``fields`` give the labels, editors and validation, so a form never disagrees
with the importers or the command line. Messages appear beside the field they concern (with a
warning sign, never colour alone) and the first such field gets focus. Saving is an undoable
command; a refused save keeps the dialog open so nothing the user typed is lost. When someone
else saved the record meanwhile, the field-by-field conflict dialog
(``brokerdesk.gui.dialogs.conflict.resolve_conflict``) decides what to save; with it switched off
(``form.resolve_conflict = None``) the form shows both versions and a second Save keeps the
user's values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.errors import BrokerDeskError, EditConflict, NotFoundError, ValidationError
from brokerdesk.core.services.custom_values import condition_text
from brokerdesk.core.services.records import Change, RecordService
from brokerdesk.gui import kind_words
from brokerdesk.gui.dialogs.conflict import plain, resolve_conflict
from brokerdesk.gui.dialogs.editors import (
    FieldEditor,
    NotChosenError,
    ReferenceEditor,
    make_editor,
    reference_options,
)
from brokerdesk.gui.dialogs.extras import (
    ExtraSection,
    MeasuresEdit,
    MeasureValues,
    OfferAreaChecks,
    PartnerRoles,
    TagsEdit,
)
from brokerdesk.gui.dialogs.likely_existing import attach_likely_existing
from brokerdesk.gui.dialogs.parties import LinkedRecords
from brokerdesk.gui.own_fields.editors import SeveralChoicesEditor, make_own_editor
from brokerdesk.gui.scrolling import form_scroll_area
from brokerdesk.gui.undo import CreateRecord, ServiceCommand, UpdateRecord

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

WARNING = "⚠ "
ConflictResolver = Callable[..., "dict[str, Any] | None"]


def perform_checked(ctx: AppContext, command: ServiceCommand) -> Change:
    """Run a command, raising its refusal (so a form can show it beside the fields), then
    push and broadcast it through ``ctx.perform`` exactly as any other action."""
    change = command.perform()
    command.perform = lambda: change  # type: ignore[method-assign]  # already done
    ctx.perform(command)
    return change


class RecordForm(QDialog):
    """The form of one record; ``record_id`` None creates a new one.

    Attributes:
        saved_id: the record created or edited, once saved.
    """

    def __init__(
        self,
        ctx: AppContext,
        entity: str,
        record_id: int | None,
        parent: QWidget | None = None,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        self.record_id = record_id
        self.service: RecordService[Any] = ctx.services.for_entity(entity)
        self.noun = kind_words.one(entity)
        self.saved_id: int | None = None
        self.expected_version: int | None = None
        self.resolve_conflict: ConflictResolver | None = resolve_conflict
        self.setObjectName(f"form-{entity}")
        self._options: dict[str, list[tuple[int, str]]] = {}
        current = self._starting_values(initial or {})
        verb = self.tr("Edit") if record_id is not None else self.tr("New")
        title = f"{verb} {self.noun}"
        if record_id is not None and current.get(self._name_field()):
            title += f": {current[self._name_field()]}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.editors: dict[str, FieldEditor] = {}
        self.extras: dict[str, ExtraSection] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()
        self._show(current)
        self.likely_existing = attach_likely_existing(self)  # new partners and contacts
        self._buttons_last()
        self._pristine = self._raw_values()
        self._opened_with = dict(current)  # the record as loaded (for the conflict dialog)
        height = self.form_widget.sizeHint().height() + self.buttons.sizeHint().height() + 60
        self.resize(max(self.sizeHint().width(), 600), min(height, 780))

    # ------------------------------------------------------------------ building
    def _buttons_last(self) -> None:
        """Save and Cancel end the Tab order, after rows made once the form was built
        (a programme's partners), which Qt would otherwise put after the buttons."""
        buttons = set(self.buttons.buttons())
        last: QWidget | None = None
        in_order: list[QWidget] = []  # the buttons in the order Qt gave them (platform's)
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if widget in buttons:
                in_order.append(widget)
            elif widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                last = widget
            widget = widget.nextInFocusChain()
        for button in in_order:
            if last is not None:
                QWidget.setTabOrder(last, button)
            last = button

    def _name_field(self) -> str:
        names = [f.name for f in self.service.fields]
        for key in ("name", "nice_name", "full_name", "subject", "title"):
            if key in names:
                return key
        return names[0]

    def _starting_values(self, initial: dict[str, Any]) -> dict[str, Any]:
        if self.record_id is None:
            return {**self.service.defaults, **initial}
        current = self.service.get(self.record_id)
        self.expected_version = current["version_id"]
        return {**current, **initial}

    def _options_for(self, name: str) -> list[tuple[int, str]]:
        if name not in self._options:
            self._options[name] = reference_options(self.ctx.db, name)
        return self._options[name]

    def _build(self) -> None:
        form_widget = QWidget(self)
        self.form_widget = form_widget
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        note = QLabel(self.tr("Fields marked * are required."), form_widget)
        form.addRow(note)
        for field in self.service.fields:
            editor = make_editor(field, form_widget, self._options_for)
            self.editors[field.name] = editor
            text = self.tr(field.label) + (" *" if field.required else "")
            editor.focus_widget.setAccessibleName(text)
            if isinstance(editor, ReferenceEditor):
                editor.set_accessible_name(text)
            if field.name == "gss_code" and self.record_id is not None:
                editor.set_read_only(True)  # the identity every import joins on
            self._add_row(form, form_widget, field.name, text, editor.widget, editor.focus_widget)
            if field.kind == "bool":
                editor.widget.setText(text)  # type: ignore[attr-defined]
        for section in self._extra_sections(form_widget):
            self.extras[section.key] = section
            section.focus_widget.setAccessibleName(
                section.focus_widget.accessibleName() or self.tr(section.label)
            )
            self._add_row(
                form, form_widget, section.key, self.tr(section.label), section.widget, None
            )
        self._own_fields(form, form_widget)
        self.general_error = QLabel(self)
        self.general_error.setWordWrap(True)
        self.general_error.setObjectName("form-error")
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)  # Enter in a single-line field saves
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_shortcut.activated.connect(self.save)
        scroll = form_scroll_area(form_widget, self.tr("Fields"), self, framed=False)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        first = next(iter(self.editors.values()))
        if first.focus_widget.isEnabled():
            first.focus_widget.setFocus()

    def _own_fields(self, form: QFormLayout, parent: QWidget) -> None:
        """The team's own fields (Tools ▸ Custom fields…), in a section after the fixed ones."""
        own = self.ctx.services.custom_fields.fields(self.entity)
        if not own:
            return
        heading = QLabel(self.tr("Your own fields"), parent)
        heading.setObjectName("form-section")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        form.addRow(heading)
        for definition in own:
            editor = make_own_editor(definition, parent, self._options_for)
            self.editors[definition.key] = editor
            text = definition.label + (" *" if definition.required else "")
            when = condition_text(self.entity, definition, own)
            if when:  # "Required when Type is Charity": said where the eye and reader go
                hint = self.tr("Required {0}").format(when)
                editor.focus_widget.setToolTip(hint)
                editor.focus_widget.setAccessibleDescription(hint)
                if isinstance(editor.focus_widget, QLineEdit):
                    editor.focus_widget.setPlaceholderText(hint)
            if isinstance(editor, ReferenceEditor):
                editor.set_accessible_name(text)
            elif not isinstance(editor, SeveralChoicesEditor):
                editor.focus_widget.setAccessibleName(text)
            if definition.kind == "yesno":
                editor.widget.setText(text)  # type: ignore[attr-defined]
            buddy = None if isinstance(editor, SeveralChoicesEditor) else editor.focus_widget
            self._add_row(form, parent, definition.key, text, editor.widget, buddy)

    def _add_row(
        self,
        form: QFormLayout,
        parent: QWidget,
        key: str,
        text: str,
        widget: QWidget,
        buddy: QWidget | None,
    ) -> None:
        holder = QWidget(parent)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(holder)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[key] = error
        if buddy is not None and not hasattr(buddy, "setChecked"):
            label = QLabel(text, parent)
            label.setBuddy(buddy)
            form.addRow(label, holder)
        elif buddy is not None:
            form.addRow("", holder)  # a tick box carries its own label
        else:
            form.addRow(holder)  # a group box carries its own title

    def _extra_sections(self, parent: QWidget) -> list[ExtraSection]:
        extra = self.service.extra_fields
        sections: list[ExtraSection] = []
        areas = self._options_for("offer_area_id")
        if "offer_area_ids" in extra:
            sections.append(OfferAreaChecks("offer_area_ids", "Offer areas", areas, parent))
        if "secondary_offer_area_ids" in extra:
            sections.append(
                OfferAreaChecks("secondary_offer_area_ids", "Secondary offer areas", areas, parent)
            )
        if "tags" in extra:
            sections.append(TagsEdit("tags", "Tags", parent))
        if "partners" in extra:
            sections.append(
                PartnerRoles("partners", "Partners", self._options_for("partner_id"), parent)
            )
        funds = self.entity == "funding_grant"  # a grant's programmes are the ones it funds
        for key, label, field_name, noun in (
            (
                "programme_ids",
                "Programmes funded" if funds else "Programmes",
                "programme_id",
                "Programme",
            ),
            ("service_ids", "Library services", "service_id", "Library service"),
        ):
            if key in extra:
                options = self._options_for(field_name)
                sections.append(LinkedRecords(key, label, field_name, noun, options, parent))
        if "measures" in extra:
            sections.append(MeasuresEdit("measures", "Measures", parent))
        if "measure_values" in extra and self.record_id is not None:
            measures = self.ctx.services.participations.own_measures(self.record_id)
            if measures:
                sections.append(MeasureValues("measure_values", "Figures", measures, parent))
        for section in sections:
            section.edited.connect(self._clear_conflict)
        return sections

    # ------------------------------------------------------------------ values
    def _show(self, values: dict[str, Any]) -> None:
        for name, editor in self.editors.items():
            if name in values:
                editor.set_value(values[name])
        for key, section in self.extras.items():
            if key in values:
                section.set_value(values[key])

    def _raw_values(self) -> dict[str, Any]:
        """What each editor holds, without parsing (for the unsaved-changes check)."""
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            try:
                out[name] = editor.value()
            except NotChosenError:
                out[name] = ("unmatched", editor.widget.property("currentText"))
        for key, section in self.extras.items():
            try:
                out[key] = section.value()
            except NotChosenError:
                out[key] = ("unmatched",)
        return out

    def has_unsaved_changes(self) -> bool:
        return self._raw_values() != self._pristine

    def values(self) -> dict[str, Any]:
        """The values to save (for an edit, only those the user changed).

        Raises:
            ValidationError: a reference names no record.
        """
        errors: dict[str, str] = {}
        out: dict[str, Any] = {}
        sources: dict[str, FieldEditor | ExtraSection] = {**self.editors, **self.extras}
        for name, editor in sources.items():
            try:
                out[name] = editor.value()
            except NotChosenError as exc:
                errors[name] = str(exc)
        if errors:
            raise ValidationError(errors)
        if self.record_id is not None:
            out = {k: v for k, v in out.items() if v != self._pristine.get(k)}
        return out

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        self.clear_errors()
        try:
            values = self.values()
        except ValidationError as exc:
            self.show_errors(exc)
            return
        if self.record_id is not None and not values:
            self.saved_id = self.record_id
            self.accept()
            return
        self._save(values)

    def _command(self, values: dict[str, Any]) -> ServiceCommand:
        if self.record_id is None:
            name = values.get(self._name_field()) or ""
            text = f"New {self.noun} “{name}”" if name else f"New {self.noun}"
            return CreateRecord(self.ctx, self.service, values, text)
        return UpdateRecord(
            self.ctx,
            self.service,
            self.record_id,
            values,
            self.expected_version,
            self.windowTitle(),
        )

    def _save(self, values: dict[str, Any]) -> None:
        try:
            change = perform_checked(self.ctx, self._command(values))
        except ValidationError as exc:
            self.show_errors(exc)
            return
        except EditConflict as exc:
            self._conflict(exc)
            return
        except NotFoundError as exc:
            self._general(str(exc))
            return
        except BrokerDeskError as exc:
            self._general(str(exc))
            return
        self.saved_id = change.id
        self._pristine = self._raw_values()
        super().accept()

    def _conflict(self, conflict: EditConflict) -> None:
        if self.resolve_conflict is not None:
            labels = {name: editor.field.label for name, editor in self.editors.items()}
            # The record as the form loaded it: fields only the other person changed show too.
            merged = self.resolve_conflict(
                self, conflict, labels=labels, original=self._opened_with
            )
            if merged is None:
                self._general(self.tr("Not saved: you kept the other version open to compare."))
                return
            self.expected_version = conflict.their_version
            self._save(merged)
            return
        lines = [str(conflict)]
        fields = {name: editor.field for name, editor in self.editors.items()}
        for name, mine in conflict.mine.items():
            label = fields[name].label if name in fields else name
            theirs = conflict.theirs.get(name)
            lines.append(f"• {label}: yours “{plain(mine)}”, saved “{plain(theirs)}”")
        lines.append(
            self.tr("Press Save again to keep your values, or Cancel to keep the saved ones.")
        )
        self.expected_version = conflict.their_version
        self._general("\n".join(lines))

    # ------------------------------------------------------------------ messages
    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
            label.clear()
        for editor in self.editors.values():
            editor.focus_widget.setAccessibleDescription("")
        self.general_error.hide()

    def _clear_conflict(self) -> None:
        pass  # a conflict message stays until the next save

    def _general(self, text: str) -> None:
        self.general_error.setText(WARNING + text)
        self.general_error.setAccessibleName(self.tr("Problem"))
        self.general_error.show()

    def show_errors(self, error: ValidationError) -> None:
        """Each message beside its field; the first such field gets focus."""
        first: QWidget | None = None
        general: list[str] = []
        order = list(self.editors) + list(self.extras)
        for name in sorted(error.field_errors, key=lambda n: order.index(n) if n in order else 99):
            message = error.field_errors[name]
            label = self.errors.get(name)
            if label is None:
                general.append(message)
                continue
            label.setText(WARNING + message)
            label.show()
            target = (self.editors.get(name) or self.extras[name]).focus_widget
            target.setAccessibleDescription(message)
            first = first or target
        if general or not error.field_errors:
            self._general("\n".join(general) or str(error))
        if first is not None:
            first.setFocus()

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self.has_unsaved_changes() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        box = QMessageBox(self)
        box.setObjectName("discard-changes")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Discard the changes you made to this {0}?").format(self.noun))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is discard


def open_record_form(
    ctx: AppContext,
    entity: str,
    record_id: int | None,
    parent: QWidget | None = None,
    initial: dict[str, Any] | None = None,
) -> int | None:
    """Show the form modally; the id created or edited, or None if cancelled or gone."""
    try:
        form = RecordForm(ctx, entity, record_id, parent, initial)
    except NotFoundError as exc:
        ctx.report_error(str(exc))
        return None
    form.exec()
    saved = form.saved_id
    form.deleteLater()
    return saved
