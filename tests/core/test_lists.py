"""List queries: filters, search and sort run in SQL and return what the user asked for."""

from __future__ import annotations

import datetime as dt

import pytest

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.services import Services
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


@pytest.fixture
def services(db: Database, world: World) -> Services:
    services = Services(db)
    northlight = services.partners.create(
        {"name": "Northlight Sight Loss Trust", "status": "active", "owner": "Priya"}
    ).id
    services.partners.create({"name": "Open Pages", "status": "prospect", "owner": "Sam"})
    services.partners.create({"name": "Café Digital", "status": "active", "owner": "Sam"})
    programme = services.programmes.create(
        {
            "name": "Audio reading",
            "offer_area_id": world.offer_areas["health_wellbeing"],
            "status": "live",
            "partners": [(northlight, "lead")],
        }
    ).id
    services.participations.link_services(
        programme, [world.services["E08000003"], world.services["E08000012"]], "active"
    )
    services.interactions.create(
        {
            "occurred_on": clock.today() - dt.timedelta(days=200),
            "subject": "Intro call",
            "partner_id": northlight,
        }
    )
    return services


def _names(db: Database, entity: str, state: ListState, column: int = 0) -> list[str]:
    definition = record_list(entity)
    with db.read() as session:
        ids = definition.ids(session, state)
        rows = definition.rows(session, ids)
    return [rows[i][column] for i in ids]


def test_partners_sorted_by_name_both_ways(db: Database, services: Services) -> None:
    assert _names(db, "partner", ListState(sort_key="name")) == [
        "Café Digital",
        "Northlight Sight Loss Trust",
        "Open Pages",
    ]
    assert _names(db, "partner", ListState(sort_key="name", descending=True))[0] == "Open Pages"


def test_partner_filters_combine(db: Database, services: Services) -> None:
    state = ListState(filters={"status": "active", "owner": "Sam"})
    assert _names(db, "partner", state) == ["Café Digital"]


@pytest.mark.date_sensitive
def test_not_contacted_filter_includes_never_contacted(db: Database, services: Services) -> None:
    state = ListState(filters={"no_contact_days": 90})
    assert _names(db, "partner", state) == [
        "Café Digital",
        "Northlight Sight Loss Trust",
        "Open Pages",
    ]
    assert _names(db, "partner", ListState(filters={"no_contact_days": 365})) == [
        "Café Digital",
        "Open Pages",
    ]


def test_search_is_case_insensitive_substring(db: Database, services: Services) -> None:
    assert _names(db, "partner", ListState(search="SIGHT")) == ["Northlight Sight Loss Trust"]


def test_member_services_in_the_north_west_not_yet_linked(
    db: Database, services: Services, world: World
) -> None:
    programme = services.programmes.count()  # the only programme has id 1
    state = ListState(
        filters={"is_member": True, "region": "North West", "not_in_programme": programme}
    )
    assert _names(db, "library_service", state) == ["Blackburn with Darwen"]


def test_services_default_to_members_only(db: Database, services: Services) -> None:
    definition = record_list("library_service")
    with db.read() as session:
        count = definition.count(session, definition.initial_state())
    assert count == 7, "Scotland's service is not a member and is hidden by default"


def test_programme_list_shows_lead_partner_and_linked_services(
    db: Database, services: Services
) -> None:
    definition = record_list("programme")
    with db.read() as session:
        ids = definition.ids(session, definition.initial_state())
        row = definition.rows(session, ids)[ids[0]]
    values = dict(zip([c.key for c in definition.columns], row, strict=True))
    assert values["lead"] == "Northlight Sight Loss Trust"
    assert values["services"] == 2
    assert values["offer_area"] == "Health & Wellbeing"


def test_sorting_puts_empty_values_last(db: Database, services: Services) -> None:
    names = _names(db, "partner", ListState(sort_key="last_contact"))
    assert names[0] == "Northlight Sight Loss Trust", "the one contact date sorts before blanks"


def test_search_ignores_accents_and_treats_syntax_as_text(db: Database, services: Services) -> None:
    assert _names(db, "partner", ListState(search="cafe")) == ["Café Digital"]
    assert _names(db, "partner", ListState(search='"open AND (pages*')) == []
    assert _names(db, "partner", ListState(search="open pag")) == ["Open Pages"]
