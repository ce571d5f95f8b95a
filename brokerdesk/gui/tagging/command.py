"""The undo entry of a tag-manager action (Ctrl+Z renames back, unmerges, restores)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from brokerdesk.core.services.records import Change
from brokerdesk.core.services.tags import TagService
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class TagCommand(ServiceCommand):
    """One rename, merge, colour or delete of a tag; undone and redone by ``TagService``."""

    def __init__(
        self, ctx: AppContext, tags: TagService, action: Callable[[], Change], text: str
    ) -> None:
        super().__init__(ctx, text)
        self.tags = tags
        self.action = action

    def perform(self) -> Change:
        self.change = self.action()
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        return self.tags.undo(self.change)

    def redo_action(self) -> Change:
        assert self.change is not None
        self.change = self.tags.redo(self.change)
        return self.change
