"""The registry of record kinds covers every kind the core serves, lists and searches.

A kind added to the models, the services, the lists or the search index without its
registration (or registered with a service, list or search type that does not exist) fails
here, before a window shows a key instead of a name.
"""

from __future__ import annotations

from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.kinds import KINDS, LISTED, kind, load
from brokerdesk.core.lists import LISTS, Column, ListState, RecordList
from brokerdesk.core.models import Base, OfferArea
from brokerdesk.core.search import SEARCH_TYPES
from brokerdesk.core.services import Services
from brokerdesk.core.services.records import RecordService, noun

INVARIANT_NOUNS = {"series"}  # one series, two series


def test_every_kind_is_a_table_and_its_key() -> None:
    for key, registered in KINDS.items():
        assert registered.key == key
        assert key in Base.metadata.tables, key
        assert registered.singular and registered.plural
        # A plural that reads as the singular is a mistake, but for a noun that is both.
        assert registered.plural != registered.singular or key in INVARIANT_NOUNS, key


def test_every_service_belongs_to_a_kind_and_every_kind_to_its_service(db: Database) -> None:
    services = Services(db)
    owned = {
        name: value for name, value in vars(services).items() if isinstance(value, RecordService)
    }
    with_service = {k.key for k in KINDS.values() if k.service is not None}
    assert {service.table for service in owned.values()} == with_service
    for name, service in owned.items():
        assert services.for_entity(service.table) is service, name
    for key in with_service:
        service = services.for_entity(key)
        assert service.table == key
        assert type(service) is load(str(KINDS[key].service))


def test_the_lists_and_the_navigation_are_the_listed_kinds() -> None:
    assert [k.key for k in LISTED] == list(LISTS)
    assert [k.key for k in LISTED] == [
        "partner",
        "library_service",
        "programme",
        "contact",
        "interaction",
        "agreement",
        "series",
        "funding_grant",
    ]
    for listed in LISTED:
        assert LISTS[listed.key]().title == listed.title == listed.plural.capitalize()
        assert listed.has_page


def test_every_search_type_is_a_kind() -> None:
    searched = [k.search_type for k in KINDS.values() if k.search_type is not None]
    assert sorted(searched) == sorted(SEARCH_TYPES)
    for key in SEARCH_TYPES:
        assert KINDS[key].search_type == key


def test_messages_count_in_the_users_words() -> None:
    assert kind("library_service").count(1) == "1 library service"
    assert kind("branch").count(1204) == "1,204 branches"
    assert noun("branch", 2) == "2 branches"
    assert noun("programme_partner", 1) == "1 programme role"
    assert kind("service_name_variant").plural == "service name variants"  # not registered


def test_where_a_kinds_data_is_shown_names_lists_and_pages() -> None:
    """``shown_in`` feeds the change broadcast: only views that exist can be refreshed."""
    for registered in KINDS.values():
        assert registered.key not in registered.shown_in
        for other in registered.shown_in:
            assert KINDS[other].listed or KINDS[other].has_page, (registered.key, other)
    # a partner's "Agreement ends" column and Agreements tab; the timelines of the partner,
    # the programmes and the library services that are parties to it
    assert KINDS["agreement"].shown_in == {"partner", "programme", "library_service"}


def test_the_list_of_a_kind_the_index_does_not_hold_matches_its_text_columns(
    db: Database,
) -> None:
    """A new kind's list can be searched before it joins the search index: each word must
    appear, in any case, in one of its shown text columns; % and _ are only characters (and,
    like any punctuation, match nothing on their own)."""
    services = Services(db)
    for code, name in (("reading", "Reading 100%"), ("read_well", "Read well"), ("dig", "Digital")):
        services.offer_areas.create({"code": code, "name": name, "kind": "offer", "sort_order": 9})
    areas = RecordList(
        entity="offer_area",
        title="Offer areas",
        id_column=OfferArea.id,
        columns=(Column("name", "Name", OfferArea.name), Column("code", "Code", OfferArea.code)),
        filters=(),
        source=lambda: select(OfferArea.id),
        default_sort="name",
    )

    def found(search: str) -> list[str]:
        with db.read() as session:
            ids = areas.ids(session, ListState(search=search))
            rows = areas.rows(session, ids)
        return [rows[i][0] for i in ids]

    assert found("READ") == ["Read well", "Reading 100%"]
    assert found("read 100") == ["Reading 100%"]
    assert found("100%") == ["Reading 100%"]
    assert found("read_") == ["Read well"]  # its code, read_well
    assert found("%") == [] and found("_") == []  # punctuation alone searches for nothing
    assert found("reading digital") == []
