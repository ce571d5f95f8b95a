"""Static lists: made per kind, filled from a selection, emptied again, used as a list filter,
and kept through the Trash."""

from __future__ import annotations

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.lists import record_list
from brokerdesk.core.services import Services
from brokerdesk.core.services.static_lists import StaticListService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def _on_list(db: Database, entity: str, list_id: int) -> list[int]:
    """What the list view shows with "On list" set."""
    the_list = record_list(entity)
    with db.read() as session:
        state = the_list.initial_state()
        state.filters["list_id"] = list_id
        return the_list.ids(session, state)


def test_a_list_is_filled_filtered_and_emptied(db: Database, world: World) -> None:
    s = Services(db)
    lists = StaticListService(db)
    partners = [s.partners.create({"name": n}).id for n in ("Arts Trust", "Books Trust", "Cue")]
    board = lists.create("partner", " Board   invitees 2026 ").id
    added = lists.add(board, [partners[0], partners[2], partners[0]])
    assert added.after == {"added": [partners[0], partners[2]]}
    assert lists.add(board, [partners[2]]).after == {"added": []}  # already on it
    assert _on_list(db, "partner", board) == [partners[0], partners[2]]
    assert [(x.name, x.size) for x in lists.lists("partner")] == [("Board invitees 2026", 2)]
    removed = lists.remove(board, [partners[2], partners[1]])
    assert removed.before == {"removed": [partners[2]]}
    assert lists.members(board) == [partners[0]]


def test_names_are_per_kind(db: Database, world: World) -> None:
    lists = StaticListService(db)
    lists.create("partner", "Board invitees 2026")
    lists.create("contact", "Board invitees 2026")  # another kind may share the name
    with pytest.raises(ValidationError, match="already a list of partners called"):
        lists.create("partner", "board invitees 2026".title())
    with pytest.raises(ValidationError, match="Give the list a name"):
        lists.create("partner", "  ")


def test_a_deleted_list_comes_back_with_its_members(db: Database, world: World) -> None:
    lists = StaticListService(db)
    services = sorted(world.services.values())[:3]
    pilot = lists.create("library_service", "Pilot services").id
    lists.add(pilot, services)
    gone = lists.delete(pilot)
    assert lists.lists() == []
    assert gone.snapshot is not None
    lists.restore(gone.snapshot)
    assert lists.members(pilot) == services
    assert sorted(_on_list(db, "library_service", pilot)) == services


def test_a_record_back_from_the_trash_is_on_its_list_again(db: Database, world: World) -> None:
    s = Services(db)
    lists = StaticListService(db)
    contact = s.contacts.create({"full_name": "Sam Reid"}).id
    board = lists.create("contact", "Board").id
    lists.add(board, [contact])
    gone = s.contacts.delete(contact)
    assert _on_list(db, "contact", board) == []
    assert lists.get(board).size == 0  # what the navigation counts: records that exist
    assert gone.snapshot is not None
    s.contacts.restore(gone.snapshot)
    assert _on_list(db, "contact", board) == [contact]
    assert lists.get(board).size == 1
