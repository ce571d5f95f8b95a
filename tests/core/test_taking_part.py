"""The programme page and the programme list count the library services taking part alike.

The page once said "70 of a target of 40" while the list said 61: the page counted withdrawn
participations too. Both now ask core.taking_part, checked here against SQL written apart.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.lists import record_list
from brokerdesk.core.services import Services
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def test_withdrawn_services_are_not_counted_on_the_page_or_in_the_list(
    db: Database, world: World
) -> None:
    services = Services(db)
    programme = services.programmes.create(
        {
            "name": "Digital skills week",
            "offer_area_id": world.offer_areas["information_digital"],
            "status": "live",
            "start_date": dt.date(2026, 3, 1),
            "target_services": 4,
        }
    ).id
    ids = list(world.services.values())
    services.participations.link_services(programme, ids[:5], "active")
    withdrawn = services.participations.link_services(programme, ids[5:7], "invited")
    services.participations.set_stage(withdrawn.ids, "withdrawn")
    # Bristol's central library as well as Bristol: still one library service.
    services.participations.create(
        {
            "programme_id": programme,
            "service_id": world.services["E06000023"],
            "branch_id": world.branch_id,
            "stage": "active",
        }
    )

    with db.read() as session:
        expected = session.execute(
            text(
                "SELECT COUNT(DISTINCT service_id) FROM participation"
                " WHERE programme_id = :p AND stage <> 'withdrawn'"
            ),
            {"p": programme},
        ).scalar_one()
        listed = record_list("programme")
        column = [c.key for c in listed.columns].index("services")
        in_list = listed.rows(session, [programme])[programme][column]
    page = services.overview.programme(programme)

    assert expected == 5
    assert page.services_taking_part == expected
    assert in_list == expected
    assert len(page.participations) > expected, "the table still lists withdrawn ones"
