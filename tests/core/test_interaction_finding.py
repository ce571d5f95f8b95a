"""The Interactions list found by who and what they were with: the search field matches the
partner's, library service's, programme's and contact's names, and each has a filter."""

from __future__ import annotations

import datetime as dt

import pytest

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.services import Services
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def test_interactions_are_found_by_the_names_they_are_about(db: Database, world: World) -> None:
    s = Services(db)
    north = s.partners.create({"name": "Northlight Sight Loss Trust"}).id
    other = s.partners.create({"name": "Open Book Trust"}).id
    programme = s.programmes.create(
        {"name": "Audio Pilot", "offer_area_id": world.offer_areas["reading"]}
    ).id
    service = sorted(world.services.values())[0]
    contact = s.contacts.create({"full_name": "Amira Quinn", "partner_id": other}).id
    today = clock.today()

    def log(subject: str, **about: int) -> int:
        values = {"kind": "call", "occurred_on": today - dt.timedelta(days=1), "subject": subject}
        return s.interactions.create(values | about).id

    with_north = log("Budget call", partner_id=north)
    with_contact = log("Catch-up", partner_id=other, contact_id=contact)
    about_programme = log("Planning", programme_id=programme, service_id=service)
    listed = record_list("interaction")

    def found(search: str = "", **filters: object) -> set[int]:
        with db.read() as session:
            return set(listed.ids(session, ListState(search=search, filters=dict(filters))))

    assert found("northlight") == {with_north}
    assert found("sight trust") == {with_north}  # every word, anywhere in the name
    assert found("amira") == {with_contact}
    assert found("audio pilot") == {about_programme}
    assert found("budget") == {with_north}  # the subject, through the search index, as before
    assert found(partner_id=other) == {with_contact}
    assert found(contact_id=contact) == {with_contact}
    assert found(programme_id=programme) == {about_programme}
    assert found(service_id=service) == {about_programme}
    with db.read() as session:
        options = listed.filters[[f.key for f in listed.filters].index("contact_id")].options
        assert options is not None and (contact, "Amira Quinn") in options(session)
