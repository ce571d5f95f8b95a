"""Renew an agreement (a new term) or end it: two small forms, each one undoable action."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from brokerdesk.core import clock
from brokerdesk.core.errors import BrokerDeskError, ValidationError
from brokerdesk.core.services.agreements import END_FIELDS, RENEWAL_FIELDS, Renewal
from brokerdesk.core.services.fields import Field
from brokerdesk.core.services.records import Change
from brokerdesk.gui.dialogs.editors import FieldEditor, make_editor
from brokerdesk.gui.dialogs.record_form import perform_checked
from brokerdesk.gui.undo import ServiceCommand, UpdateRecord

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class RenewAgreement(ServiceCommand):
    """A renewal; undo puts the agreement's old term back and forgets the new one."""

    def __init__(self, ctx: AppContext, agreement_id: int, values: dict[str, Any], text: str):
        super().__init__(ctx, text)
        self.agreements = ctx.services.agreements
        self.agreement_id = agreement_id
        self.values = values
        self.renewal: Renewal | None = None

    def perform(self) -> Change:
        return self._renew()

    def _renew(self) -> Change:
        self.renewal = self.agreements.renew(self.agreement_id, self.values)
        self.change = self.renewal.change
        return self.change

    def undo_action(self) -> Change:
        assert self.renewal is not None
        return self.agreements.undo_renewal(self.renewal)

    def redo_action(self) -> Change:
        return self._renew()  # not perform: a form replaces it once it has run


class AgreementActionDialog(QDialog):
    """A form of a few fields with an error line; ``command`` says what OK does."""

    def __init__(
        self,
        ctx: AppContext,
        agreement_id: int,
        title: str,
        ok_text: str,
        fields: Sequence[Field],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agreement_id = agreement_id
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QFormLayout(self)
        self.editors: dict[str, FieldEditor] = {}
        for field in fields:
            editor = make_editor(field, self, lambda _name: [])
            label = QLabel(self.tr(field.label) + ":", self)
            label.setBuddy(editor.focus_widget)
            editor.focus_widget.setAccessibleName(self.tr(field.label))
            layout.addRow(label, editor.widget)
            self.editors[field.name] = editor
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("form-error")
        self.error.hide()
        layout.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setAccessibleName(ok_text.replace("&", ""))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.setMinimumWidth(420)

    def show_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            self.editors[name].set_value(value)

    def entered(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def command(self, values: dict[str, Any]) -> ServiceCommand:
        raise NotImplementedError

    def apply(self) -> None:
        try:
            perform_checked(self.ctx, self.command(self.entered()))
        except ValidationError as exc:
            shown = [self.tr(m) for m in exc.field_errors.values()] or [str(exc)]
            self._show_error(" ".join(shown))
            return
        except BrokerDeskError as exc:
            self._show_error(str(exc))
            return
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText("⚠ " + text)
        self.error.setAccessibleName(text)
        self.error.show()


class RenewDialog(AgreementActionDialog):
    """Renew: the new term's dates and value, the next renewal and notice dates.

    The new term is offered as long as the one it follows, starting the day after it ends.
    """

    def __init__(
        self, ctx: AppContext, agreement_id: int, values: dict[str, Any], parent: QWidget | None
    ) -> None:
        title = self.tr("Renew agreement: {0}").format(values["title"])
        super().__init__(ctx, agreement_id, title, self.tr("&Renew"), RENEWAL_FIELDS, parent)
        self.title = values["title"]
        start, end = values.get("start_date"), values.get("end_date")
        new_start = end + dt.timedelta(days=1) if end else clock.today()
        length = (end - start) if start and end else dt.timedelta(days=364)
        self.show_values(
            {"start_date": new_start, "end_date": new_start + length, "value": values.get("value")}
        )

    def command(self, values: dict[str, Any]) -> ServiceCommand:
        text = self.tr("Renew “{0}”").format(self.title)
        return RenewAgreement(self.ctx, self.agreement_id, values, text)


class EndDialog(AgreementActionDialog):
    """End: on which day, and why."""

    def __init__(
        self, ctx: AppContext, agreement_id: int, values: dict[str, Any], parent: QWidget | None
    ) -> None:
        title = self.tr("End agreement: {0}").format(values["title"])
        super().__init__(ctx, agreement_id, title, self.tr("&End agreement"), END_FIELDS, parent)
        self.title = values["title"]
        self.version = values["version_id"]
        self.show_values({"end_date": clock.today()})

    def command(self, values: dict[str, Any]) -> ServiceCommand:
        agreements = self.ctx.services.agreements
        text = self.tr("End “{0}”").format(self.title)
        return UpdateRecord(
            self.ctx,
            agreements,
            self.agreement_id,
            agreements.end_values(values),
            self.version,
            text,
        )
