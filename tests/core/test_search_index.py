"""The index follows every write path: ORM inserts, updates, deletes, bulk Core inserts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, insert, text, update

from brokerdesk.core.db import Database
from brokerdesk.core.models import (
    Interaction,
    LibraryService,
    Partner,
    PartnerTag,
    ServiceNameVariant,
    Tag,
)
from brokerdesk.core.search import SearchService, check_index, rebuild_index
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def found(db: Database, query: str, entity: str) -> list[int]:
    return [h.record_id for h in SearchService(db).search(query, types={entity})]


def test_orm_insert_update_delete_keep_the_index(db: Database, world: World) -> None:
    with db.write() as session:
        partner = Partner(name="Reading Agency")
        session.add(partner)
    assert found(db, "agency", "partner") == [partner.id]

    with db.write() as session:
        session.get(Partner, partner.id).name = "The Booktrust"  # type: ignore[union-attr]
    assert found(db, "agency", "partner") == []
    assert found(db, "booktrust", "partner") == [partner.id]

    with db.write() as session:
        session.delete(session.get(Partner, partner.id))
    assert found(db, "booktrust", "partner") == []
    assert check_index(db) == []


def test_bulk_core_inserts_are_indexed(db: Database, world: World) -> None:
    with db.write() as session:
        session.execute(
            insert(Interaction),
            [
                {
                    "kind": "call",
                    "occurred_on": dt.date(2026, 1, n),
                    "subject": f"Call {n}",
                    "notes": "Discussed the Summer Reading Challenge" if n == 3 else "Budget",
                    "service_id": world.services["W06000015"],
                }
                for n in range(1, 11)
            ],
        )
        session.execute(
            update(Interaction).where(Interaction.subject == "Call 5").values(notes="Challenge")
        )
        session.execute(delete(Interaction).where(Interaction.subject == "Call 3"))
    hits = SearchService(db).search("challenge", types={"interaction"})
    assert [h.title for h in hits] == ["Call 5"]
    assert check_index(db) == []


def test_name_variants_and_tags_are_searchable(db: Database, world: World) -> None:
    cardiff = world.services["W06000015"]
    with db.write() as session:
        session.add(ServiceNameVariant(service_id=cardiff, name="Caerdydd"))
        partner = Partner(name="Sight Loss Charity")
        tag = Tag(name="audiobooks")
        session.add_all([partner, tag])
        session.flush()
        session.add(PartnerTag(partner_id=partner.id, tag_id=tag.id))
    assert found(db, "caerdydd", "library_service") == [cardiff]
    assert found(db, "audiobooks", "partner") == [partner.id]

    with db.write() as session:
        session.get(Tag, tag.id).name = "large print"  # type: ignore[union-attr]
        session.execute(delete(ServiceNameVariant).where(ServiceNameVariant.name == "Caerdydd"))
    assert found(db, "caerdydd", "library_service") == []
    assert found(db, "audiobooks", "partner") == []
    assert found(db, "large print", "partner") == [partner.id]


def test_service_rename_updates_its_entry(db: Database, world: World) -> None:
    with db.write() as session:
        session.execute(
            update(LibraryService)
            .where(LibraryService.gss_code == "E08000012")
            .values(nice_name="Liverpool Libraries")
        )
    assert found(db, "liverpool libraries", "library_service") == [world.services["E08000012"]]


def test_check_reports_damage_and_rebuild_repairs_it(db: Database, world: World) -> None:
    with db.write() as session:
        session.execute(text("DELETE FROM search_index"))
    problems = check_index(db)
    assert any("library service record(s) are missing" in p for p in problems)
    assert found(db, "cynon", "library_service") == []

    rebuild_index(db)
    assert check_index(db) == []
    assert found(db, "cynon", "library_service") == [world.services["W06000016"]]


def test_the_index_holds_the_tags_and_own_fields_of_every_kind_that_has_them() -> None:
    """A kind that takes tags or own fields later must join the index's triggers too."""
    from brokerdesk.core.search import schema
    from brokerdesk.core.services.custom_values import CUSTOM_ENTITIES
    from brokerdesk.core.tagging import TAGGED_KINDS

    assert set(schema.TAGGED_KINDS) == set(TAGGED_KINDS)
    indexed = {e.entity for e in schema.ENTITIES}
    with_own = {e for e in indexed if e not in schema.WITHOUT_OWN_FIELDS}
    assert with_own == indexed & set(CUSTOM_ENTITIES)
