"""The undoable merge of two partners or two contacts (Ctrl+Z brings the other back whole)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from brokerdesk.core.services.records import Change
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class MergeRecords(ServiceCommand):
    """Merge one partner or contact into another; undo brings it back with every link."""

    def __init__(
        self,
        ctx: AppContext,
        entity: str,
        survivor_id: int,
        other_id: int,
        choices: Mapping[str, str],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.entity = entity
        self.survivor_id = survivor_id
        self.other_id = other_id
        self.choices = dict(choices)

    def perform(self) -> Change:
        from brokerdesk.core.services.duplicates import merge

        self.change = merge(self.ctx.db, self.entity, self.survivor_id, self.other_id, self.choices)
        return self.change

    def undo_action(self) -> Change:
        from brokerdesk.core.services.duplicates import undo_merge

        assert self.change is not None
        return undo_merge(self.ctx.db, self.change)

    def redo_action(self) -> Change:
        return self.perform()
