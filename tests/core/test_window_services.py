"""The core services that answer the windows' questions (choices, map, pages, links, merges).

Each opens its own session from the Database it is given, so a window never holds one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brokerdesk.core import vocabulary
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, NotFoundError, ValidationError
from brokerdesk.core.services import Services
from brokerdesk.core.services.choices import ReferenceChoices
from brokerdesk.core.services.linkable import linkable_services
from brokerdesk.core.services.map_services import ServicesOnMap
from brokerdesk.core.services.merge_facts import merge_facts
from brokerdesk.core.services.people_pages import PeoplePages
from tests.builders.small_world import SERVICES, World

pytestmark = pytest.mark.both_backends

BRISTOL, MANCHESTER, EDINBURGH = "E06000023", "E08000003", "S12000036"


@pytest.fixture
def services(db: Database, world: World) -> Services:
    return Services(db)


def _programme(services: Services, world: World, name: str, status: str) -> int:
    area = world.offer_areas["reading"]
    return services.programmes.create({"name": name, "offer_area_id": area, "status": status}).id


def test_live_programmes_are_live_or_negotiating_by_name(
    db: Database, services: Services, world: World
) -> None:
    for name, status in (
        ("Zines", "live"),
        ("Audio pilot", "negotiating"),
        ("Old scheme", "completed"),
        ("Someday", "idea"),
    ):
        _programme(services, world, name, status)
    choices = ReferenceChoices(db)
    assert [c.label for c in choices.live_programmes()] == ["Audio pilot", "Zines"]
    every = [c.label for c in choices.for_field("programme_id")]
    assert every == ["Audio pilot", "Old scheme", "Someday", "Zines"]


def test_member_services_leave_out_non_members(db: Database, world: World) -> None:
    labels = [c.label for c in ReferenceChoices(db).member_services()]
    members = sorted(nice for _g, _n, nice, _na, _r, member in SERVICES if member)
    assert labels == members
    assert "City of Edinburgh" not in labels
    assert len(ReferenceChoices(db).for_field("service_id")) == len(SERVICES)


def test_offer_areas_in_their_own_order_and_branches_name_their_service(
    db: Database, world: World
) -> None:
    choices = ReferenceChoices(db)
    assert [c.id for c in choices.offer_areas()] == list(world.offer_areas.values())
    assert choices.for_field("branch_id") == [
        (world.branch_id, "Bristol Central Library (City of Bristol)")
    ]
    with pytest.raises(KeyError):
        choices.for_field("notes")


def test_map_draws_every_service_and_shades_only_members(db: Database, world: World) -> None:
    on_map = {s.gss_code: s for s in ServicesOnMap(db).all()}
    assert set(on_map) == {gss for gss, *_ in SERVICES}
    assert on_map[BRISTOL].name == "City of Bristol" and on_map[BRISTOL].region == "South West"
    assert not on_map[EDINBURGH].is_member
    members = ServicesOnMap(db).member_ids()
    assert sorted(members) == sorted(s.id for s in on_map.values() if s.is_member)
    assert world.services[EDINBURGH] not in members


def test_linkable_services_say_which_already_take_part(
    db: Database, services: Services, world: World
) -> None:
    programme = _programme(services, world, "Zines", "live")
    services.participations.link_services(programme, [world.services[BRISTOL]])
    found = linkable_services(db, programme)
    assert found.programme_name == "Zines"
    by_code = {s.gss_code: s for s in found.services}
    assert by_code[BRISTOL].linked and not by_code[MANCHESTER].linked
    assert by_code[BRISTOL].official_name == "Bristol City Council"
    names = [s.name for s in found.services]
    assert names == sorted(names)
    assert linkable_services(db, programme + 1000).programme_name is None


def test_contact_page_names_its_links_and_lists_newest_interactions_first(
    db: Database, services: Services, world: World
) -> None:
    partner = services.partners.create({"name": "Northlight"}).id
    contact = services.contacts.create(
        {"full_name": "Wren Kaur", "partner_id": partner, "service_id": world.services[BRISTOL]}
    ).id
    for day, subject in ((3, "Second call"), (1, "First call"), (9, "Latest call")):
        services.interactions.create(
            {
                "kind": "call",
                "occurred_on": dt.date(2026, 5, day),
                "subject": subject,
                "contact_id": contact,
                "partner_id": partner,
            }
        )
    page = PeoplePages(db).contact(contact)
    assert page.values["full_name"] == "Wren Kaur"
    assert [(link["entity"], link["name"]) for link in page.links] == [
        ("partner", "Northlight"),
        ("library_service", "City of Bristol"),
    ]
    assert [i["subject"] for i in page.interactions] == ["Latest call", "Second call", "First call"]

    interaction = page.interactions[0]["id"]
    logged = PeoplePages(db).interaction(interaction)
    assert logged.values["subject"] == "Latest call"
    assert [(link["entity"], link["id"]) for link in logged.links] == [
        ("partner", partner),
        ("contact", contact),
    ]

    with pytest.raises(NotFoundError):
        PeoplePages(db).contact(contact + 1000)
    with pytest.raises(NotFoundError):
        PeoplePages(db).interaction(interaction + 1000)


def test_merge_facts_show_both_partners_and_what_would_move(
    db: Database, services: Services, world: World
) -> None:
    areas = list(world.offer_areas.values())
    older = services.partners.create(
        {"name": "RNIB", "tags": ["sight"], "offer_area_ids": [areas[3]]}
    ).id
    newer = services.partners.create(
        {
            "name": "Royal National Institute of Blind People",
            "tags": ["Charity", "sight"],
            "offer_area_ids": [areas[0]],
        }
    ).id
    services.contacts.create({"full_name": "Ann Lee", "partner_id": newer})
    facts = merge_facts(db, "partner", older, newer)
    assert facts.ids == (older, newer)
    assert [v["name"] for v in facts.values] == ["RNIB", "Royal National Institute of Blind People"]
    assert facts.tags == ["Charity", "sight"]
    names = [name for _code, name, _kind in vocabulary.OFFER_AREAS]
    assert facts.offer_areas == [names[0], names[3]]  # in the offer areas' own order
    assert ("contact", 1, 0) in facts.moves[older]  # keeping RNIB moves Ann Lee to it
    assert not any(t == "contact" for t, _n, _a in facts.moves[newer])
    assert all(u is not None for u in facts.updated)

    contact = services.contacts.create({"full_name": "Bo", "partner_id": older}).id
    twin = services.contacts.create({"full_name": "Bo.", "partner_id": older}).id
    people = merge_facts(db, "contact", contact, twin)
    assert people.names["partner_id"] == {older: "RNIB"}
    assert people.tags == [] and people.offer_areas == []

    with pytest.raises(NotFoundError):
        merge_facts(db, "partner", older, newer + 1000)
    with pytest.raises(ValidationError):
        merge_facts(db, "programme", older, newer)


def test_a_programme_is_found_by_id_or_by_name_in_any_case(
    services: Services, world: World
) -> None:
    zines = _programme(services, world, "Zines", "live")
    assert services.programmes.id_named(str(zines)) == zines
    assert services.programmes.id_named(" ZINES ") == zines
    with pytest.raises(BrokerDeskError, match="There is no programme 'Comics'"):
        services.programmes.id_named("Comics")
    _programme(services, world, "zines", "idea")
    with pytest.raises(BrokerDeskError, match="Several programmes are called 'zines'"):
        services.programmes.id_named("zines")
