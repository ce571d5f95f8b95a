"""Undo entries for static lists: adding records (to a list made for them, perhaps) and
taking them off again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from brokerdesk.core.services.records import Change
from brokerdesk.core.services.static_lists import StaticListService
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class AddToList(ServiceCommand):
    """Put records on a list, making the list first when ``list_id`` is None (named
    ``new_name`` for ``entity``); undo takes off exactly those added, and a list it made goes."""

    def __init__(
        self,
        ctx: AppContext,
        lists: StaticListService,
        entity: str,
        list_id: int | None,
        new_name: str,
        record_ids: Sequence[int],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.lists = lists
        self.entity = entity
        self.list_id = list_id
        self.new_name = new_name
        self.record_ids = list(record_ids)
        self.made_list = False

    def perform(self) -> Change:
        if self.list_id is None:
            self.list_id = self.lists.create(self.entity, self.new_name).id
            self.made_list = True
        self.change = self.lists.add(self.list_id, self.record_ids)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None and self.list_id is not None
        taken = self.lists.remove(self.list_id, self.change.after["added"])
        if self.made_list:
            self.lists.delete(self.list_id)
            self.list_id = None
        return taken

    def redo_action(self) -> Change:
        return self.perform()


class RemoveFromList(ServiceCommand):
    """Take records off a list; undo puts back exactly those that were on it."""

    def __init__(
        self,
        ctx: AppContext,
        lists: StaticListService,
        list_id: int,
        record_ids: Sequence[int],
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.lists = lists
        self.list_id = list_id
        self.record_ids = list(record_ids)

    def perform(self) -> Change:
        self.change = self.lists.remove(self.list_id, self.record_ids)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None
        return self.lists.add(self.list_id, self.change.before["removed"])

    def redo_action(self) -> Change:
        return self.perform()
