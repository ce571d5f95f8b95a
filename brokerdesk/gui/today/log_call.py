"""Log call (L on Today): the interaction form, whose Save is one undoable "Log call".

Saving makes the new interaction and marks the reminder's follow-up done in one transaction
(``core.services.calls``); Edit ▸ Undo then reads "Undo Log call" and takes back both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.services import calls
from brokerdesk.core.services.people import InteractionService
from brokerdesk.core.services.records import Change
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

translate = QCoreApplication.translate


class LogCall(ServiceCommand):
    """The call and the follow-up it clears, as one step on the undo stack."""

    def __init__(
        self, ctx: AppContext, values: dict[str, Any], follow_up_of: int | None, text: str
    ) -> None:
        super().__init__(ctx, text)
        service = ctx.services.for_entity("interaction")
        assert isinstance(service, InteractionService)
        self.interactions = service
        self.values = values
        self.follow_up_of = follow_up_of
        self.logged: calls.LoggedCall | None = None

    def perform(self) -> Change:
        self.logged = calls.log_call(self.interactions, self.values, self.follow_up_of)
        self.change = self.logged.change
        return self.change

    def undo_action(self) -> Change:
        assert self.logged is not None
        return calls.undo_log_call(self.interactions, self.logged)

    def redo_action(self) -> Change:
        assert self.logged is not None
        return calls.redo_log_call(self.interactions, self.logged)


class LogCallForm(RecordForm):
    """A new interaction's form whose Save logs the call (see :class:`LogCall`)."""

    def __init__(
        self,
        ctx: AppContext,
        initial: dict[str, Any],
        follow_up_of: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "interaction", None, parent, initial)
        self.follow_up_of = follow_up_of
        title = translate("LogCall", "Log call")
        self.setWindowTitle(title)
        self.setAccessibleName(title)

    def _command(self, values: dict[str, Any]) -> ServiceCommand:
        return LogCall(self.ctx, values, self.follow_up_of, translate("LogCall", "Log call"))


def log_call_form(
    ctx: AppContext, initial: dict[str, Any], follow_up_of: int | None, parent: QWidget | None
) -> int | None:
    """Show the form modally: the id of the interaction logged, or None if cancelled."""
    try:
        form = LogCallForm(ctx, initial, follow_up_of, parent)
    except NotFoundError as exc:
        ctx.report_error(str(exc))
        return None
    form.exec()
    saved = form.saved_id
    form.deleteLater()
    return saved
