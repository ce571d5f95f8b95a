"""A search of only punctuation finds nothing; punctuation inside a term still finds it.

Ctrl+K (``SearchService.search``) and every list's search field (``ListService``), on SQLite
and PostgreSQL: "%" and "_" are LIKE wildcards there, "*", "-" and quotes FTS5 syntax here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.kinds import LISTED
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.models import LibraryService
from brokerdesk.core.search import SearchService, unsearchable
from brokerdesk.core.services import Services
from brokerdesk.core.services.listing import ListService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

PUNCTUATION_ONLY = ["...", "-", "'", "%", "_", "*", " - ", "%_%", "'' -- ..", "&", "@", "/"]


@pytest.fixture
def named(db: Database, world: World) -> dict[str, tuple[str, int]]:
    """Records whose names hold punctuation, with some of every listed kind about."""
    s = Services(db)
    with db.write() as session:
        helens = LibraryService(
            gss_code="E08000013",
            name="St Helens Metropolitan Borough Council",
            nice_name="St. Helens",
            nation="England",
            region="North West",
            is_member=True,
        )
        barking = LibraryService(
            gss_code="E09000002",
            name="Barking and Dagenham London Borough Council",
            nice_name="Barking & Dagenham",
            nation="England",
            region="London",
            is_member=True,
        )
        session.add_all([helens, barking])
        session.flush()
        services = {"helens": helens.id, "barking": barking.id}
    coop = s.partners.create({"name": "Co-op Foundation", "partner_type": "charity"}).id
    s.partners.create({"name": "50 Years of Reading", "partner_type": "charity"})
    contact = s.contacts.create({"full_name": "Siobhán O'Brien", "partner_id": coop}).id
    challenge = s.programmes.create(
        {"name": "Summer 50% Challenge", "offer_area_id": world.offer_areas["reading"]}
    ).id
    s.interactions.create(
        {"subject": "Call ... and more", "occurred_on": dt.date(2026, 6, 1), "partner_id": coop}
    )
    return {
        "O'Brien": ("contact", contact),
        "St. Helens": ("library_service", services["helens"]),
        "co-op": ("partner", coop),
        "Barking & Dagenham": ("library_service", services["barking"]),
        "50%": ("programme", challenge),
    }


@pytest.mark.parametrize("query", PUNCTUATION_ONLY)
def test_ctrl_k_finds_nothing_for_punctuation_alone(
    db: Database, named: dict[str, tuple[str, int]], query: str
) -> None:
    assert unsearchable(query)
    assert SearchService(db).search(query) == []


@pytest.mark.parametrize("query", PUNCTUATION_ONLY)
def test_every_list_shows_no_row_for_punctuation_alone(
    db: Database, named: dict[str, tuple[str, int]], query: str
) -> None:
    shown = {}
    for entity in (k.key for k in LISTED):
        listing = ListService(db, record_list(entity))
        everything = listing.count(ListState())
        shown[entity] = (everything, listing.count(ListState(search=query)))
    assert {entity: n for entity, (_all, n) in shown.items() if n} == {}
    # The lists were not empty to begin with: the search is what emptied them.
    assert (shown["partner"][0], shown["library_service"][0], shown["interaction"][0]) == (2, 10, 1)


@pytest.mark.parametrize("query", ["O'Brien", "St. Helens", "co-op", "Barking & Dagenham", "50%"])
def test_punctuation_inside_a_term_still_finds_the_record(
    db: Database, named: dict[str, tuple[str, int]], query: str
) -> None:
    assert not unsearchable(query)
    entity, record_id = named[query]
    hits = SearchService(db).search(query)
    assert (hits[0].entity, hits[0].record_id) == (entity, record_id)
    listing = ListService(db, record_list(entity))
    assert record_id in listing.ids(ListState(search=query))


@pytest.mark.parametrize("query", ["", "  "])
def test_a_blank_search_field_still_lists_everything(
    db: Database, named: dict[str, tuple[str, int]], query: str
) -> None:
    assert not unsearchable(query)
    partners = ListService(db, record_list("partner"))
    assert partners.count(ListState(search=query)) == 2
