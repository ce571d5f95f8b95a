"""The undo entry of a bulk edit: undo puts every record's old values back, redo the new."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from brokerdesk.core.services.bulk_edit import BulkEdit
from brokerdesk.core.services.records import Change
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class BulkEditCommand(ServiceCommand):
    def __init__(
        self,
        ctx: AppContext,
        bulk: BulkEdit,
        ids: Sequence[int],
        request: Mapping[str, Any],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.bulk = bulk
        self.ids = list(ids)
        self.request = dict(request)
        self.made: Change | None = None

    def perform(self) -> Change:
        self.made = self.change = self.bulk.apply(self.ids, self.request)
        return self.change

    def undo_action(self) -> Change:
        assert self.made is not None
        return self.bulk.put_back(self.made.before)

    def redo_action(self) -> Change:
        assert self.made is not None
        return self.bulk.put_back(self.made.after)
