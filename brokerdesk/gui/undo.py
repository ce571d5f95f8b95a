"""Undoable user actions: every edit, delete and bulk change goes through one of these.

Each command performs its action through a core service before it is pushed (so a refused
action never lands on the stack), and undoes it through the service too, so undo obeys the
same rules, transactions and audit trail as the original action.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from brokerdesk.core.services.programmes import ParticipationService
from brokerdesk.core.services.records import Change, RecordService

if TYPE_CHECKING:
    from brokerdesk.core import snapshots
    from brokerdesk.gui.context import AppContext


class ServiceCommand(QUndoCommand):
    """Base: ``perform`` runs once before the push; ``redo``/``undo`` after that."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._performed = False
        self.change: Change | None = None

    def perform(self) -> Change:
        raise NotImplementedError

    def undo_action(self) -> Change:
        raise NotImplementedError

    def redo_action(self) -> Change:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._performed:
            self._performed = True  # perform() already ran before the push
            return
        self._run(self.redo_action, "Redo")

    def undo(self) -> None:
        self._run(self.undo_action, "Undo")

    def _run(self, action: Any, verb: str) -> None:
        from brokerdesk.core.errors import BrokerDeskError, StorageError, storage_errors

        try:
            with storage_errors():
                change = action()
        except StorageError as exc:  # records changed meanwhile in a way the undo can't fit
            self.setObsolete(True)
            self.ctx.report_error(
                f"{verb} of “{self.text()}” was not possible: the records have changed since "
                f"({exc.reason}). Nothing was changed."
            )
            return
        except BrokerDeskError as exc:
            self.setObsolete(True)
            self.ctx.report_error(f"{verb} of “{self.text()}” was not possible: {exc}")
            return
        self.ctx.changes.broadcast(change)


class CreateRecord(ServiceCommand):
    def __init__(
        self, ctx: AppContext, service: RecordService[Any], values: Mapping[str, Any], text: str
    ) -> None:
        super().__init__(ctx, text)
        self.service = service
        self.values = dict(values)
        self.snapshot: snapshots.Snapshot | None = None

    def perform(self) -> Change:
        self.change = self.service.create(self.values)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        removed = self.service.delete(self.change.id, to_trash=False)
        self.snapshot = removed.snapshot
        return removed

    def redo_action(self) -> Change:
        assert self.snapshot is not None
        return self.service.restore(self.snapshot)


class UpdateRecord(ServiceCommand):
    def __init__(
        self,
        ctx: AppContext,
        service: RecordService[Any],
        record_id: int,
        values: Mapping[str, Any],
        expected_version: int | None,
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.service = service
        self.record_id = record_id
        self.values = dict(values)
        self.expected_version = expected_version

    def perform(self) -> Change:
        self.change = self.service.update(self.record_id, self.values, self.expected_version)
        return self.change

    def _apply(self, values: Mapping[str, Any]) -> Change:
        current = self.service.get(self.record_id)
        change = self.service.update(self.record_id, values, current["version_id"])
        return change

    def undo_action(self) -> Change:
        assert self.change is not None
        return self._apply(self.change.before)

    def redo_action(self) -> Change:
        assert self.change is not None
        after = {k: v for k, v in self.change.after.items() if k != "version_id"}
        return self._apply(after)


class DeleteRecords(ServiceCommand):
    def __init__(
        self, ctx: AppContext, service: RecordService[Any], ids: Iterable[int], text: str
    ) -> None:
        super().__init__(ctx, text)
        self.service = service
        self.ids = list(ids)

    def perform(self) -> Change:
        self.change = self.service.delete(self.ids)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None and self.change.snapshot is not None
        return self.service.restore(self.change.snapshot)

    def redo_action(self) -> Change:
        self.change = self.service.delete(self.ids)
        return self.change


class LinkServices(ServiceCommand):
    """Add many library services to a programme at once (undo removes exactly those)."""

    def __init__(
        self, ctx: AppContext, programme_id: int, service_ids: Iterable[int], stage: str, text: str
    ) -> None:
        super().__init__(ctx, text)
        self.participations: ParticipationService = ctx.services.participations
        self.programme_id = programme_id
        self.service_ids = list(service_ids)
        self.stage = stage
        self.snapshot: snapshots.Snapshot | None = None

    def perform(self) -> Change:
        self.change = self.participations.link_services(
            self.programme_id, self.service_ids, self.stage
        )
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        removed = self.participations.delete(self.change.ids, to_trash=False)
        self.snapshot = removed.snapshot
        return removed

    def redo_action(self) -> Change:
        assert self.snapshot is not None
        return self.participations.restore(self.snapshot)


class SetStages(ServiceCommand):
    """Move many participations to one stage (undo puts each back where it was)."""

    def __init__(
        self, ctx: AppContext, participation_ids: Iterable[int], stage: str, text: str
    ) -> None:
        super().__init__(ctx, text)
        self.participations: ParticipationService = ctx.services.participations
        self.ids = list(participation_ids)
        self.stage = stage

    def perform(self) -> Change:
        self.change = self.participations.set_stage(self.ids, self.stage)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        return self.participations.set_stages({int(k): v for k, v in self.change.before.items()})

    def redo_action(self) -> Change:
        assert self.change is not None
        return self.participations.set_stages({int(k): v for k, v in self.change.after.items()})
