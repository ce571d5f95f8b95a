"""Undoable changes to the team's own fields (each one entry on Edit ▸ Undo)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.records import Change
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class AddField(ServiceCommand):
    """Undo takes the new field off again (its values, if any were typed, stay kept)."""

    def __init__(self, ctx: AppContext, entity: str, spec: FieldSpec) -> None:
        super().__init__(ctx, f"Add field “{spec.label}”")
        self.entity = entity
        self.spec = spec

    def perform(self) -> Change:
        self.change = self.ctx.services.custom_fields.add(self.entity, self.spec)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        return self.ctx.services.custom_fields.remove(self.change.id)

    def redo_action(self) -> Change:
        assert self.change is not None
        return self.ctx.services.custom_fields.put_back(self.change.id)


class ChangeField(ServiceCommand):
    def __init__(self, ctx: AppContext, field_id: int, spec: FieldSpec) -> None:
        super().__init__(ctx, f"Change field “{spec.label}”")
        self.field_id = field_id
        self.spec = spec

    def perform(self) -> Change:
        self.change = self.ctx.services.custom_fields.change(self.field_id, self.spec)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        return self.ctx.services.custom_fields.change(self.field_id, self.change.before["spec"])

    def redo_action(self) -> Change:
        return self.ctx.services.custom_fields.change(self.field_id, self.spec)


class RemoveField(ServiceCommand):
    """Undo puts the field back with every value it held."""

    def __init__(self, ctx: AppContext, field_id: int, label: str) -> None:
        super().__init__(ctx, f"Remove field “{label}”")
        self.field_id = field_id

    def perform(self) -> Change:
        self.change = self.ctx.services.custom_fields.remove(self.field_id)
        return self.change

    def undo_action(self) -> Change:
        return self.ctx.services.custom_fields.put_back(self.field_id)

    def redo_action(self) -> Change:
        return self.ctx.services.custom_fields.remove(self.field_id)


class MoveField(ServiceCommand):
    def __init__(self, ctx: AppContext, field_id: int, label: str, steps: int) -> None:
        super().__init__(ctx, f"Move field “{label}”")
        self.field_id = field_id
        self.steps = steps

    def perform(self) -> Change:
        return self.ctx.services.custom_fields.move(self.field_id, self.steps)

    def undo_action(self) -> Change:
        return self.ctx.services.custom_fields.move(self.field_id, -self.steps)

    def redo_action(self) -> Change:
        return self.ctx.services.custom_fields.move(self.field_id, self.steps)


class SetFieldOnMany(ServiceCommand):
    """One field set (or cleared) on a selection of records; undo restores each one's value.

    For bulk edit: ``ctx.perform(SetFieldOnMany(ctx, field_id, ids, value, text))``.
    """

    def __init__(
        self, ctx: AppContext, field_id: int, record_ids: Sequence[int], value: Any, text: str
    ) -> None:
        super().__init__(ctx, text)
        self.field_id = field_id
        self.record_ids = list(record_ids)
        self.value = value

    def perform(self) -> Change:
        self.change = self.ctx.services.custom_fields.set_on_many(
            self.field_id, self.record_ids, self.value
        )
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        return self.ctx.services.custom_fields.restore_values(
            self.field_id, self.change.before["values"]
        )

    def redo_action(self) -> Change:
        return self.ctx.services.custom_fields.set_on_many(
            self.field_id, self.record_ids, self.value
        )
