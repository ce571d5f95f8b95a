"""The Trash: list what was deleted with what it took; restore it whole; purge for good."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text, update

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.models import TrashItem
from brokerdesk.core.services import Services
from brokerdesk.core.services.trash import TrashService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def _partner_with_links(s: Services) -> tuple[int, int]:
    pid = s.partners.create({"name": "Open Book Trust"}).id
    s.agreements.create({"partner_id": pid, "title": "MoU 2026"})
    s.agreements.create({"partner_id": pid, "title": "Data sharing"})
    contact = s.contacts.create({"full_name": "Sam Reid", "partner_id": pid}).id
    return pid, contact


def test_list_shows_what_went_with_it_newest_first(db: Database, world: World) -> None:
    s = Services(db)
    pid, _ = _partner_with_links(s)
    other = s.partners.create({"name": "Later Trust"}).id
    s.partners.delete(pid)
    s.partners.delete(other)
    entries = TrashService(db).list()
    assert [e.label for e in entries] == ["Later Trust", "Open Book Trust"]
    book = entries[1]
    assert book.what == "partner" and book.user_name == "tester"
    assert "2 agreements" in book.took_with_it
    assert "1 contact unlinked" in book.took_with_it


def test_restore_brings_back_the_record_and_its_links(db: Database, world: World) -> None:
    s = Services(db)
    pid, contact = _partner_with_links(s)
    s.partners.delete(pid)
    assert s.contacts.get(contact)["partner_id"] is None
    trash = TrashService(db)
    change = trash.restore(trash.list()[0].id)
    assert change.action == "restore" and pid in change.ids
    assert s.partners.get(pid)["name"] == "Open Book Trust"
    assert s.agreements.count() == 2
    assert s.contacts.get(contact)["partner_id"] == pid
    assert trash.list() == []
    with pytest.raises(NotFoundError):
        trash.restore(change.id)


def test_restore_says_so_when_what_it_belonged_to_is_gone(db: Database, world: World) -> None:
    s = Services(db)
    pid = s.partners.create({"name": "Parent Trust"}).id
    agreement = s.agreements.create({"partner_id": pid, "title": "MoU"}).id
    s.agreements.delete(agreement)
    s.partners.delete(pid)
    trash = TrashService(db)
    agreement_item = next(e for e in trash.list() if e.entity == "agreement")
    trash.purge(next(e.id for e in trash.list() if e.entity == "partner"))
    with pytest.raises(ValidationError, match="cannot be put back"):
        trash.restore(agreement_item.id)
    assert [e.id for e in trash.list()] == [agreement_item.id], "still in the Trash"
    assert s.agreements.count() == 0


def test_empty_purges_only_old_items(db: Database, world: World) -> None:
    s = Services(db)
    old = s.partners.create({"name": "Old Trust"}).id
    new = s.partners.create({"name": "New Trust"}).id
    s.partners.delete(old)
    s.partners.delete(new)
    with db.write() as session:
        session.execute(
            update(TrashItem)
            .where(TrashItem.label == "Old Trust")
            .values(deleted_at=clock.now() - dt.timedelta(days=40))
        )
    trash = TrashService(db)
    assert trash.empty(older_than_days=30) == 1
    assert [e.label for e in trash.list()] == ["New Trust"]


def _interaction(s: Services, subject: str, **about: int) -> int:
    values = {"subject": subject, "kind": "call", "occurred_on": dt.date(2026, 11, 2), **about}
    return s.interactions.create(values).id


def test_purging_a_library_service_keeps_an_interaction_also_about_a_partner(
    db: Database, world: World
) -> None:
    s = Services(db)
    manchester = world.services["E08000003"]
    pid = s.partners.create({"name": "Open Book Trust"}).id
    shared = _interaction(s, "Pilot call with Manchester", partner_id=pid, service_id=manchester)
    alone = _interaction(s, "Manchester's own visit", service_id=manchester)
    assert s.library_services.delete_impact([manchester]) == [
        "1 interaction will be deleted with it.",  # about nothing else, so it goes with it
        "1 interaction will be unlinked from it.",
    ]
    s.library_services.delete(manchester)
    trash = TrashService(db)
    (entry,) = trash.list()
    assert "1 interaction" in entry.took_with_it
    assert "1 interaction unlinked" in entry.took_with_it
    trash.restore(entry.id)  # comes back whole, linked as before
    assert s.interactions.get(shared)["service_id"] == manchester
    assert s.interactions.get(alone)["service_id"] == manchester

    s.library_services.delete(manchester)
    trash.purge(trash.list()[0].id)

    kept = s.interactions.get(shared)
    assert kept["partner_id"] == pid and kept["service_id"] is None
    assert kept["subject"] == "Pilot call with Manchester"
    assert not s.interactions.exists(alone)


def test_deleting_a_programme_takes_only_the_interactions_about_nothing_else(
    db: Database, world: World
) -> None:
    s = Services(db)
    area = world.offer_areas["reading"]
    programme = s.programmes.create({"name": "Summer Reading", "offer_area_id": area}).id
    pid = s.partners.create({"name": "Open Book Trust"}).id
    shared = _interaction(s, "Planning with the trust", partner_id=pid, programme_id=programme)
    alone = _interaction(s, "Programme board", programme_id=programme)
    s.programmes.delete(programme)  # refused by the database before: about nothing at all
    assert s.interactions.get(shared)["programme_id"] is None
    assert not s.interactions.exists(alone)
    trash = TrashService(db)
    trash.restore(trash.list()[0].id)
    assert s.interactions.get(alone)["programme_id"] == programme
    assert s.interactions.get(shared)["programme_id"] == programme


def _with_name(db: Database, interaction: int) -> str | None:
    """What the interactions list shows under "With" for ``interaction``."""
    with db.read() as session:
        sql = text("SELECT about_name FROM interaction WHERE id = :i")
        name: str | None = session.execute(sql, {"i": interaction}).scalar_one()
        return name


def test_purging_a_partner_keeps_an_interaction_also_about_a_library_service(
    db: Database, world: World
) -> None:
    s = Services(db)
    manchester = world.services["E08000003"]
    pid = s.partners.create({"name": "Open Book Trust"}).id
    shared = _interaction(s, "Pilot call with Manchester", partner_id=pid, service_id=manchester)
    alone = _interaction(s, "Trustees' meeting", partner_id=pid)
    impact = s.partners.delete_impact([pid])
    assert "1 interaction will be deleted with it." in impact  # about nothing else
    assert "1 interaction will be unlinked from it." in impact
    s.partners.delete(pid)
    trash = TrashService(db)
    (entry,) = trash.list()
    assert "1 interaction" in entry.took_with_it
    assert "1 interaction unlinked" in entry.took_with_it
    trash.purge(entry.id)

    kept = s.interactions.get(shared)
    assert kept["partner_id"] is None and kept["service_id"] == manchester
    assert kept["subject"] == "Pilot call with Manchester"
    assert _with_name(db, shared) == s.library_services.get(manchester)["nice_name"]
    assert not s.interactions.exists(alone)


def test_deleting_and_restoring_a_partner_brings_its_interactions_back_whole(
    db: Database, world: World
) -> None:
    s = Services(db)
    manchester = world.services["E08000003"]
    area = world.offer_areas["reading"]
    programme = s.programmes.create({"name": "Summer Reading", "offer_area_id": area}).id
    pid, contact = _partner_with_links(s)
    shared = _interaction(
        s, "Pilot call", partner_id=pid, service_id=manchester, contact_id=contact
    )
    with_programme = _interaction(s, "Planning", partner_id=pid, programme_id=programme)
    alone = _interaction(s, "Trustees' meeting", partner_id=pid, contact_id=contact)
    before = {i: s.interactions.get(i) for i in (shared, with_programme, alone)}

    s.partners.delete(pid)
    assert not s.interactions.exists(alone), "about nothing else: in the Trash with it"
    assert s.interactions.get(shared)["partner_id"] is None
    assert s.interactions.get(shared)["contact_id"] == contact, "the person is still named"
    assert _with_name(db, with_programme) == "Summer Reading"
    trash = TrashService(db)
    (entry,) = trash.list()
    assert "1 interaction" in entry.took_with_it
    assert "2 interactions unlinked" in entry.took_with_it

    trash.restore(entry.id)
    assert {i: s.interactions.get(i) for i in before} == before
    assert _with_name(db, shared) == _with_name(db, alone) == "Open Book Trust"
    assert s.contacts.get(contact)["partner_id"] == pid
    assert trash.list() == []
