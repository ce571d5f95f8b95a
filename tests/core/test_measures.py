"""Measures: the reach and sessions a database held become measures, figures edited in a
form follow both ways, and every roll-up adds up as SQL written here does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import text

from brokerdesk.core import migrate
from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from brokerdesk.core.services.measures import figure_rows, totals
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def _sql(db: Database, query: str, **params: Any) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [tuple(r) for r in session.execute(text(query), params)]


def _programme(services: Services, world: World, **values: Any) -> int:
    return services.programmes.create(
        {
            "name": "Reading Friends",
            "offer_area_id": world.offer_areas["reading"],
            "status": "live",
            "start_date": dt.date(2026, 1, 5),
            **values,
        }
    ).id


def test_reach_and_sessions_of_a_previous_release_become_measures(
    db: Database, world: World
) -> None:
    services = Services(db)
    programme = _programme(services, world)
    services.participations.link_services(programme, list(world.services.values())[:3], "active")
    migrate.downgrade_to(db, "0006")  # the release before measures
    with db.write() as session:
        session.execute(
            text(
                "UPDATE participation SET reach = 100 + id, sessions = CASE WHEN id % 2 = 0"
                " THEN 4 END WHERE programme_id = :p"
            ),
            {"p": programme},
        )
    columns = _sql(
        db,
        "SELECT id, reach, sessions FROM participation WHERE programme_id = :p ORDER BY id",
        p=programme,
    )

    migrate.upgrade(db)

    declared = _sql(
        db,
        "SELECT name, unit FROM programme_measure WHERE programme_id = :p ORDER BY sort_order",
        p=programme,
    )
    assert declared == [("People reached", "people"), ("Sessions", "sessions")]
    for name, column in (("People reached", 1), ("Sessions", 2)):
        values = dict(
            _sql(
                db,
                "SELECT v.participation_id, v.value FROM measure_value v"
                " JOIN programme_measure m ON m.id = v.measure_id WHERE m.name = :n",
                n=name,
            )
        )
        assert values == {row[0]: row[column] for row in columns if row[column] is not None}


def test_a_figure_edited_anywhere_is_one_figure(db: Database, world: World) -> None:
    services = Services(db)
    programme = _programme(services, world, measures="People reached (people); Books (books)")
    [pid] = services.participations.link_services(programme, [world.services["E06000023"]]).ids
    measures = dict(
        _sql(db, "SELECT name, id FROM programme_measure WHERE programme_id = :p", p=programme)
    )

    services.participations.update(pid, {"reach": 250})  # a form's or an import's field
    assert services.participations.get(pid)["measure_values"] == {
        measures["People reached"]: 250,
        measures["Books"]: None,
    }
    services.participations.update(
        pid, {"measure_values": {measures["People reached"]: "300", measures["Books"]: "1,200"}}
    )
    assert services.participations.get(pid)["reach"] == 300
    assert _sql(db, "SELECT SUM(value) FROM measure_value")[0][0] == 1500

    change = services.participations.update(pid, {"measure_values": {measures["Books"]: None}})
    assert _sql(db, "SELECT COUNT(*) FROM measure_value")[0][0] == 1
    services.participations.update(pid, change.before)  # as undo does
    assert _sql(db, "SELECT SUM(value) FROM measure_value")[0][0] == 1500


def test_a_measure_with_figures_is_not_dropped(db: Database, world: World) -> None:
    from brokerdesk.core.errors import ValidationError

    services = Services(db)
    programme = _programme(services, world, measures="Volunteers")
    [pid] = services.participations.link_services(programme, [world.services["W06000015"]]).ids
    [(mid,)] = _sql(db, "SELECT id FROM programme_measure WHERE programme_id = :p", p=programme)
    services.participations.update(pid, {"measure_values": {mid: 7}})
    with pytest.raises(ValidationError, match="Volunteers"):
        services.programmes.update(programme, {"measures": ""})
    services.programmes.update(programme, {"measures": "Volunteers (people); Hours (hours)"})
    assert services.programmes.get(programme)["measures"] == [
        ("Volunteers", "people"),
        ("Hours", "hours"),
    ]


def test_every_roll_up_adds_up_as_sql_does(db: Database, world: World) -> None:
    services = Services(db)
    programme = _programme(services, world, measures="People reached (people)")
    ids = services.participations.link_services(
        programme, list(world.services.values())[:6], "active"
    ).ids
    services.participations.create(
        {
            "programme_id": programme,
            "service_id": world.services["E06000023"],
            "branch_id": world.branch_id,
            "stage": "active",
            "reach": 30,
        }
    )
    for n, pid in enumerate(ids):
        services.participations.update(pid, {"reach": 10 * (n + 1)})
    with db.read() as session:
        by_level = {level: totals(session, [programme], level) for level in ("nation", "region")}
        everything = totals(session, [programme], "all")[()]
        branch = totals(session, [programme], "branch")
        rows = figure_rows(session, [programme])
    for level, column in (("nation", "nation"), ("region", "region")):
        expected = dict(
            _sql(
                db,
                f"SELECT ls.{column}, SUM(v.value) FROM measure_value v"
                " JOIN participation p ON p.id = v.participation_id"
                " JOIN library_service ls ON ls.id = p.service_id"
                f" WHERE p.programme_id = :p GROUP BY ls.{column}",
                p=programme,
            )
        )
        assert {key[-1]: found[0].total for key, found in by_level[level].items()} == expected
    assert everything[0].total == _sql(db, "SELECT SUM(value) FROM measure_value")[0][0] == 240
    assert [(k, f[0].total) for k, f in branch.items()] == [
        (("City of Bristol", "Bristol Central Library"), 30)
    ]
    assert rows[0] == {
        "level": "All",
        "place": "All library services",
        "People reached (people)": 240,
    }
    assert {r["level"] for r in rows} == {"All", "Nation", "Region", "Library service", "Branch"}
