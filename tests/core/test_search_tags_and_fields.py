"""Ctrl+K finds records by their tags (saying so) and by every kind's own fields.

The index's triggers keep both in step with the tag manager (rename, merge, delete, and each
one's undo) and with own-field values, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.search import Match, SearchService, check_index
from brokerdesk.core.services import Services
from brokerdesk.core.services.documents import NewDocument
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.tags import TagService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

TAGGED = ("partner", "library_service", "programme", "contact", "interaction")


def found(db: Database, query: str) -> dict[tuple[str, int], Match | None]:
    """What Ctrl+K lists for ``query``: each record and why it matched (None: its name)."""
    return {(h.entity, h.record_id): h.matched for h in SearchService(db).search(query)}


def _tagged(s: Services, world: World, tags: str) -> dict[str, int]:
    """A record of every tagged kind, each carrying ``tags``."""
    partner = s.partners.create({"name": "Open Book Trust", "tags": tags}).id
    programme = s.programmes.create(
        {"name": "Reading Friends", "offer_area_id": world.offer_areas["reading"], "tags": tags}
    ).id
    contact = s.contacts.create({"full_name": "Sam Reid", "partner_id": partner, "tags": tags}).id
    interaction = s.interactions.create(
        {
            "subject": "Kick-off",
            "occurred_on": dt.date(2026, 6, 1),
            "partner_id": partner,
            "tags": tags,
        }
    ).id
    service = world.services["E08000003"]
    s.library_services.update(service, {"tags": tags})
    return {
        "partner": partner,
        "library_service": service,
        "programme": programme,
        "contact": contact,
        "interaction": interaction,
    }


def _records(made: dict[str, int]) -> set[tuple[str, int]]:
    return {(entity, record_id) for entity, record_id in made.items()}


def test_a_tag_finds_every_kind_it_is_on_and_says_why(db: Database, world: World) -> None:
    made = _tagged(Services(db), world, "Priority")
    hits = found(db, "priority")
    assert set(hits) == _records(made)
    assert set(hits.values()) == {Match("tag", "Priority")}
    assert Match("tag", "Priority").describe() == "tag: Priority"
    # Part of the tag's name, in any case and with accents, finds it too.
    assert set(found(db, "PRIORIT")) == _records(made)


def test_a_record_found_by_its_name_says_no_more(db: Database, world: World) -> None:
    s = Services(db)
    named = s.partners.create({"name": "Priority Readers", "tags": "Priority"}).id
    assert found(db, "priority") == {("partner", named): None}


def test_a_tag_outranks_a_mention_in_notes(db: Database, world: World) -> None:
    s = Services(db)
    mentioned = s.partners.create({"name": "Aardvark Books", "notes": "Not a priority"}).id
    tagged = s.partners.create({"name": "Zebra Press", "tags": "Priority"}).id
    hits = SearchService(db).search("priority")
    assert [(h.record_id, h.matched) for h in hits] == [
        (tagged, Match("tag", "Priority")),
        (mentioned, None),
    ]


def test_rename_merge_and_delete_of_a_tag_and_their_undo_change_what_is_found(
    db: Database, world: World
) -> None:
    s = Services(db)
    tags = TagService(db)
    made = _records(_tagged(s, world, "Priority"))
    other = s.partners.create({"name": "Lantern Arts", "tags": "Pilot"}).id
    ids = {t.name: t.id for t in tags.all()}

    renamed = tags.rename(ids["Priority"], "Urgent")
    assert found(db, "priority") == {}
    assert set(found(db, "urgent")) == made
    tags.undo(renamed)
    assert set(found(db, "priority")) == made and found(db, "urgent") == {}

    merged = tags.merge(ids["Pilot"], ids["Priority"])
    assert found(db, "pilot") == {}
    assert set(found(db, "priority")) == made | {("partner", other)}
    tags.undo(merged)
    assert found(db, "pilot") == {("partner", other): Match("tag", "Pilot")}
    assert set(found(db, "priority")) == made

    deleted = tags.delete(ids["Priority"])
    assert found(db, "priority") == {}
    tags.undo(deleted)
    assert set(found(db, "priority")) == made
    # Taking a tag off one record (a form's edit) leaves the others found.
    s.programmes.update(dict(made)["programme"], {"tags": ""})
    assert set(found(db, "priority")) == made - {("programme", dict(made)["programme"])}
    assert check_index(db) == []


def test_a_colour_change_leaves_the_index_as_it_was(db: Database, world: World) -> None:
    made = _records(_tagged(Services(db), world, "Priority"))
    tag = TagService(db).all()[0]
    TagService(db).set_colour(tag.id, "#1f77b4")
    assert set(found(db, "priority")) == made


@pytest.fixture
def filed(db: Database, world: World) -> dict[str, int]:
    """An agreement, a grant and a document, each with an own text field to fill."""
    s = Services(db)
    partner = s.partners.create({"name": "Lantern Arts Fund", "partner_type": "funder"}).id
    agreement = s.agreements.create({"title": "Memorandum", "partner_id": partner}).id
    grant = s.grants.create({"title": "Stories grant", "partner_id": partner}).id
    minutes = NewDocument("Minutes.txt", b"We met and talked.")
    (document,) = s.documents.add("partner", partner, [minutes]).ids
    return {"agreement": agreement, "funding_grant": grant, "document": document}


def test_own_fields_of_agreements_grants_and_documents_are_found(
    db: Database, filed: dict[str, int]
) -> None:
    s = Services(db)
    values = {"agreement": "XK-99871", "funding_grant": "GR-2026-0042", "document": "AB/7731"}
    fields = {}
    for entity, record_id in filed.items():
        field = s.custom_fields.add(entity, FieldSpec("Funding reference", "text")).id
        fields[entity] = field
        s.custom_fields.set_on_many(field, [record_id], values[entity])
    for entity, record_id in filed.items():
        value = values[entity]
        assert found(db, value) == {(entity, record_id): Match("field", value, "Funding reference")}
    # A changed value is found by its new text only; a removed field's text not at all.
    agreement = filed["agreement"]
    s.custom_fields.set_on_many(fields["agreement"], [agreement], "QZ-31337")
    assert found(db, "XK-99871") == {}
    assert set(found(db, "QZ-31337")) == {("agreement", agreement)}
    s.custom_fields.remove(fields["agreement"])
    assert found(db, "QZ-31337") == {}
    assert check_index(db) == []


def test_a_long_own_text_is_shown_around_the_words(db: Database, filed: dict[str, int]) -> None:
    s = Services(db)
    field = s.custom_fields.add("funding_grant", FieldSpec("Conditions", "longtext")).id
    text = "Spend by March. " * 8 + "Report the hedgehog count to the funder. " + "Etc. " * 10
    s.custom_fields.set_on_many(field, [filed["funding_grant"]], text)
    (match,) = found(db, "hedgehog").values()
    assert match is not None and match.label == "Conditions"
    assert "hedgehog" in match.text and len(match.text) <= 60
    assert match.text.startswith("…") and match.text.endswith("…")


def test_an_excerpt_finds_an_accented_word_typed_plainly(
    db: Database, filed: dict[str, int]
) -> None:
    """Typed "llyr" finds "Llŷr"; the excerpt shows her name, not the start of the text."""
    s = Services(db)
    field = s.custom_fields.add("funding_grant", FieldSpec("Conditions", "longtext")).id
    text = "Spend by March. " * 8 + "Report to Siân Llŷr at the end of each term. " + "Etc. " * 10
    s.custom_fields.set_on_many(field, [filed["funding_grant"]], text)
    (match,) = found(db, "llyr").values()
    assert match is not None and "Llŷr" in match.text
