"""Tags on every kind of record: set in forms, filtered in lists, renamed, merged, coloured
and deleted in the tag manager, each undoable; kept through the Trash."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.lists import record_list
from brokerdesk.core.models import AuditEvent
from brokerdesk.core.services import Services
from brokerdesk.core.services.tags import TagService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def _one_of_each(s: Services, world: World) -> dict[str, int]:
    """A record of every tagged kind, each tagged "Pilot" (and the partner "National" too)."""
    partner = s.partners.create({"name": "Open Book Trust", "tags": "Pilot, National"}).id
    programme = s.programmes.create(
        {
            "name": "Reading Friends",
            "offer_area_id": world.offer_areas["reading"],
            "tags": ["pilot"],
        }
    ).id
    contact = s.contacts.create(
        {"full_name": "Sam Reid", "partner_id": partner, "tags": "Pilot"}
    ).id
    interaction = s.interactions.create(
        {
            "subject": "Kick-off",
            "occurred_on": dt.date(2026, 6, 1),
            "partner_id": partner,
            "tags": "Pilot",
        }
    ).id
    service = world.services["E06000023"]
    s.library_services.update(service, {"tags": ["Pilot"]})
    return {
        "partner": partner,
        "programme": programme,
        "contact": contact,
        "interaction": interaction,
        "library_service": service,
    }


def _tagged(db: Database, entity: str, tag_name: str) -> list[int]:
    """What the list shows with its Tag filter set to ``tag_name``."""
    the_list = record_list(entity)
    tag_filter = next(f for f in the_list.filters if f.key == "tag_id")
    with db.read() as session:
        assert tag_filter.options is not None
        options = {label: value for value, label in tag_filter.options(session)}
        state = the_list.initial_state()
        state.filters["tag_id"] = options[tag_name]
        return the_list.ids(session, state)


def _tags_column(db: Database, entity: str, record_id: int) -> Any:
    the_list = record_list(entity)
    where = [c.key for c in the_list.columns].index("tags")
    with db.read() as session:
        return the_list.rows(session, [record_id])[record_id][where]


def test_every_kind_takes_tags_and_every_list_filters_by_them(db: Database, world: World) -> None:
    s = Services(db)
    made = _one_of_each(s, world)
    # "pilot" typed in another case is the same tag, not a second one.
    assert [t.name for t in TagService(db).all()] == ["National", "Pilot"]
    for entity, record_id in made.items():
        assert s.for_entity(entity).get(record_id)["tags"][-1] == "Pilot"
        assert _tagged(db, entity, "Pilot") == [record_id], entity
        if entity != "interaction":  # a million interactions are not sorted by their tags
            assert "Pilot" in _tags_column(db, entity, record_id)
    assert _tagged(db, "partner", "National") == [made["partner"]]
    assert _tagged(db, "programme", "National") == []


def test_a_tag_edit_is_in_the_records_history(db: Database, world: World) -> None:
    s = Services(db)
    made = _one_of_each(s, world)
    s.programmes.update(made["programme"], {"tags": "Pilot, Board"})
    with db.read() as session:
        changes = session.scalars(
            select(AuditEvent.changes).where(
                AuditEvent.entity == "programme", AuditEvent.action == "update"
            )
        ).all()
    assert any('"tags": [["Pilot"], ["Board", "Pilot"]]' in c for c in changes)


def test_counts_per_kind(db: Database, world: World) -> None:
    made = _one_of_each(Services(db), world)
    pilot = next(t for t in TagService(db).all() if t.name == "Pilot")
    assert pilot.counts == {kind: 1 for kind in made}
    assert pilot.total == 5


def test_rename_refuses_a_name_in_use_and_undo_puts_the_old_name_back(
    db: Database, world: World
) -> None:
    s = Services(db)
    made = _one_of_each(s, world)
    tags = TagService(db)
    pilot = next(t.id for t in tags.all() if t.name == "Pilot")
    with pytest.raises(ValidationError, match="already a tag called 'National'; merge"):
        tags.rename(pilot, "national")
    change = tags.rename(pilot, "  Pilot   2026 ")
    assert s.contacts.get(made["contact"])["tags"] == ["Pilot 2026"]
    tags.undo(change)
    assert s.contacts.get(made["contact"])["tags"] == ["Pilot"]
    tags.redo(change)
    assert s.contacts.get(made["contact"])["tags"] == ["Pilot 2026"]


def test_merge_moves_every_record_and_undo_splits_them_again(db: Database, world: World) -> None:
    s = Services(db)
    made = _one_of_each(s, world)
    tags = TagService(db)
    by_name = {t.name: t.id for t in tags.all()}
    change = tags.merge(by_name["Pilot"], by_name["National"])
    assert [t.name for t in tags.all()] == ["National"]
    for entity, record_id in made.items():
        assert s.for_entity(entity).get(record_id)["tags"] == ["National"], entity
    tags.undo(change)
    assert s.partners.get(made["partner"])["tags"] == ["National", "Pilot"]
    assert s.programmes.get(made["programme"])["tags"] == ["Pilot"]
    assert {t.name: t.total for t in tags.all()} == {"National": 1, "Pilot": 5}
    tags.redo(change)
    assert {t.name: t.total for t in tags.all()} == {"National": 5}


def test_colour_is_checked_and_undoable(db: Database, world: World) -> None:
    _one_of_each(Services(db), world)
    tags = TagService(db)
    pilot = next(t.id for t in tags.all() if t.name == "Pilot")
    with pytest.raises(ValidationError, match="like #1f77b4"):
        tags.set_colour(pilot, "teal")
    change = tags.set_colour(pilot, "#1F77B4")
    assert tags.get(pilot).colour == "#1f77b4"
    tags.undo(change)
    assert tags.get(pilot).colour is None


def test_delete_takes_the_tag_off_everything_and_undo_puts_it_back(
    db: Database, world: World
) -> None:
    s = Services(db)
    made = _one_of_each(s, world)
    tags = TagService(db)
    pilot = next(t.id for t in tags.all() if t.name == "Pilot")
    change = tags.delete(pilot)
    assert s.interactions.get(made["interaction"])["tags"] == []
    assert s.partners.get(made["partner"])["tags"] == ["National"]
    tags.undo(change)
    for entity, record_id in made.items():
        assert "Pilot" in s.for_entity(entity).get(record_id)["tags"], entity


def test_a_record_back_from_the_trash_has_its_tags(db: Database, world: World) -> None:
    s = Services(db)
    made = _one_of_each(s, world)
    gone = s.programmes.delete(made["programme"])
    assert next(t for t in TagService(db).all() if t.name == "Pilot").total == 4
    assert gone.snapshot is not None
    s.programmes.restore(gone.snapshot)
    assert s.programmes.get(made["programme"])["tags"] == ["Pilot"]
