"""Undoable document and e-mail actions, performed through the core services.

Adding documents reads the files and their text in a worker (``gui.operations``); undo takes
the documents away again (not to the Trash: as far as the user is concerned they were never
added) and redo puts exactly those back. Logging e-mails is undone the same way: the
interactions go, and with them their attachments and Message-IDs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.services.documents import NewDocument
from brokerdesk.core.services.records import Change, RecordService
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.core import snapshots
    from brokerdesk.core.mail.filing import EmailFiling, EmailPlan
    from brokerdesk.core.mail.message import Person
    from brokerdesk.gui.context import AppContext


def read_files(paths: Sequence[Path]) -> list[NewDocument]:
    """The files' bytes, named as the user knows them (run in a worker)."""
    files = []
    for path in paths:
        try:
            files.append(NewDocument(path.name, path.read_bytes()))
        except OSError as exc:
            raise BrokerDeskError(f"{path.name} cannot be read: {exc.strerror}.") from exc
    return files


class _Created(ServiceCommand):
    """Undo removes what ``perform`` made (not to the Trash); redo puts exactly it back."""

    service: RecordService[Any]

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(ctx, text)
        self.snapshot: snapshots.Snapshot | None = None

    def undo_action(self) -> Change:
        assert self.change is not None
        removed = self.service.delete(self.change.ids, to_trash=False)
        self.snapshot = removed.snapshot
        return removed

    def redo_action(self) -> Change:
        assert self.snapshot is not None
        return self.service.restore(self.snapshot)


class AddDocuments(_Created):
    """Keep files with one record."""

    def __init__(
        self, ctx: AppContext, owner: str, owner_id: int, paths: Sequence[Path], text: str
    ) -> None:
        super().__init__(ctx, text)
        self.service = ctx.services.documents
        self.owner, self.owner_id, self.paths = owner, owner_id, list(paths)

    def perform(self) -> Change:
        self.change = self.ctx.services.documents.add(
            self.owner, self.owner_id, read_files(self.paths)
        )
        return self.change


class LogEmails(_Created):
    """Log planned e-mails as interactions, with the new contacts the user ticked."""

    def __init__(
        self,
        ctx: AppContext,
        filing: EmailFiling,
        plans: Sequence[EmailPlan],
        new_contacts: Sequence[Person],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.service = ctx.services.interactions
        self.filing, self.plans, self.new_contacts = filing, list(plans), list(new_contacts)
        self.skipped: list[tuple[str, str]] = []
        self.contacts_made: list[int] = []
        self.contacts_snapshot: snapshots.Snapshot | None = None

    def perform(self) -> Change:
        result = self.filing.import_folder(self.plans, self.new_contacts)
        self.skipped = result.skipped
        if result.change is None:
            raise BrokerDeskError("No e-mail was logged: none has a partner or library service.")
        self.change = result.change
        self.contacts_made = result.new_contacts
        return self.change

    def undo_action(self) -> Change:
        removed = super().undo_action()  # the interactions first: they point at the contacts
        if self.contacts_made:
            gone = self.ctx.services.contacts.delete(self.contacts_made, to_trash=False)
            self.contacts_snapshot = gone.snapshot
        return removed

    def redo_action(self) -> Change:
        if self.contacts_snapshot is not None:
            self.ctx.services.contacts.restore(self.contacts_snapshot)
        return super().redo_action()
