"""Series and rounds: roll over, its undo, and the rounds compared side by side.

Every figure is checked against SQL written here, apart from the code under test.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from brokerdesk.core.services.roll_over import RollOverPlan, next_year_text, series_name
from brokerdesk.core.services.series import SeriesService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

TAKING_PART = frozenset({"invited", "interested", "signed_up", "active", "completed"})


def _sql(db: Database, query: str, **params: Any) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [tuple(r) for r in session.execute(text(query), params)]


def _first_round(services: Services, world: World) -> tuple[int, dict[str, int]]:
    partner = services.partners.create({"name": "Reading Agency", "status": "active"}).id
    funder = services.partners.create({"name": "Arts Fund", "status": "active"}).id
    programme = services.programmes.create(
        {
            "name": "Summer Reading Challenge 2024",
            "offer_area_id": world.offer_areas["reading"],
            "status": "completed",
            "start_date": dt.date(2024, 7, 1),
            "end_date": dt.date(2024, 9, 14),
            "target_services": 6,
            "partners": [(partner, "lead"), (funder, "funder")],
            "measures": "People reached (people); Books issued (books)",
        }
    ).id
    s = world.services
    links = services.participations
    links.link_services(programme, [s["E06000023"], s["E08000003"], s["W06000015"]], "completed")
    links.link_services(programme, [s["E08000012"]], "active")
    gone = links.link_services(programme, [s["N92000002"]], "signed_up")
    links.set_stage(gone.ids, "withdrawn")
    return programme, s


def _record(services: Services, programme: int, service_id: int, **figures: int) -> None:
    pid = _sql(
        services.db,
        "SELECT id FROM participation WHERE programme_id = :p AND service_id = :s",
        p=programme,
        s=service_id,
    )[0][0]
    named = {
        name: mid
        for mid, name in _sql(
            services.db,
            "SELECT id, name FROM programme_measure WHERE programme_id = :p",
            p=programme,
        )
    }
    services.participations.update(
        pid, {"measure_values": {named[n.replace("_", " ")]: v for n, v in figures.items()}}
    )


def test_roll_over_makes_next_years_round_with_the_services_chosen(
    db: Database, world: World
) -> None:
    services = Services(db)
    series = services.for_entity("series")
    assert isinstance(series, SeriesService)
    first, _s = _first_round(services, world)

    change = series.roll_over(first, RollOverPlan(frozenset({"completed"}), "invited"))

    new = services.programmes.get(change.id)
    assert new["name"] == "Summer Reading Challenge 2025"
    assert (new["start_date"], new["end_date"]) == (dt.date(2025, 7, 1), dt.date(2025, 9, 14))
    assert new["status"] == "idea"
    assert new["offer_area_id"] == world.offer_areas["reading"]
    assert new["target_services"] == 6
    old = services.programmes.get(first)
    assert new["partners"] == old["partners"] and len(new["partners"]) == 2
    assert new["measures"] == [("People reached", "people"), ("Books issued", "books")]
    # The first round became a round of a new series named after it.
    assert old["series_id"] == new["series_id"] == change.after["series_made"]
    assert (old["round_label"], new["round_label"]) == ("2024", "2025")
    assert services.for_entity("series").get(new["series_id"])["name"] == (
        "Summer Reading Challenge"
    )
    from brokerdesk.core.services.history import HistoryService

    latest = HistoryService(db).for_record("programme", first)[0]
    assert [(c.label, c.new) for c in latest.changes] == [
        ("Series", new["series_id"]),
        ("Round", "2024"),
    ], "the first round's History says it joined the series"
    brought = _sql(
        db,
        "SELECT service_id, stage FROM participation WHERE programme_id = :p ORDER BY service_id",
        p=change.id,
    )
    completed = _sql(
        db,
        "SELECT service_id FROM participation WHERE programme_id = :p AND stage = 'completed'"
        " ORDER BY service_id",
        p=first,
    )
    assert brought == [(sid, "invited") for (sid,) in completed] and len(brought) == 3


def test_undoing_a_roll_over_leaves_the_database_as_it_was(db: Database, world: World) -> None:
    services = Services(db)
    series = services.for_entity("series")
    assert isinstance(series, SeriesService)
    first, _s = _first_round(services, world)
    tables = ("programme", "series", "programme_round", "participation", "programme_partner")
    counts = {t: _sql(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables}

    change = series.roll_over(first, RollOverPlan(frozenset(TAKING_PART), "invited"))
    assert _sql(db, "SELECT COUNT(*) FROM participation")[0][0] == counts["participation"] + 4
    series.undo_roll_over(change)

    assert {t: _sql(db, f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables} == counts
    assert services.programmes.get(first)["series_id"] is None


def test_a_round_of_an_existing_series_rolls_into_the_same_series(
    db: Database, world: World
) -> None:
    services = Services(db)
    series = services.for_entity("series")
    assert isinstance(series, SeriesService)
    first, _s = _first_round(services, world)
    made = series.create({"name": "Summer Reading Challenge"}).id
    services.programmes.update(first, {"series_id": made, "round_label": "Summer 2024"})

    change = series.roll_over(first, RollOverPlan(frozenset()))

    new = services.programmes.get(change.id)
    assert (new["series_id"], new["round_label"]) == (made, "Summer 2025")
    assert change.after["series_made"] is None and change.after["joined"] is None
    assert _sql(db, "SELECT COUNT(*) FROM participation WHERE programme_id = :p", p=change.id)[
        0
    ] == (0,)


def test_the_series_compares_its_rounds_as_sql_counts_them(db: Database, world: World) -> None:
    services = Services(db)
    series = services.for_entity("series")
    assert isinstance(series, SeriesService)
    first, s = _first_round(services, world)
    _record(services, first, s["E06000023"], People_reached=300, Books_issued=120)
    _record(services, first, s["E08000003"], People_reached=200)
    _record(services, first, s["W06000015"], People_reached=50, Books_issued=10)
    second = series.roll_over(first, RollOverPlan(frozenset({"completed"}), "active")).id
    links = services.participations
    links.link_services(second, [s["E06000008"]], "signed_up")  # new this round
    dropped = _sql(
        db,
        "SELECT id FROM participation WHERE programme_id = :p AND service_id = :s",
        p=second,
        s=s["W06000015"],
    )[0][0]
    links.set_stage([dropped], "withdrawn")  # Cardiff lapses
    _record(services, second, s["E06000023"], People_reached=350, Books_issued=90)
    _record(services, second, s["E06000008"], People_reached=40)

    found = series.comparison(services.programmes.get(first)["series_id"])

    assert [r.title for r in found.rounds] == ["2024", "2025"]
    for figures in found.rounds:
        taking = _sql(
            db,
            "SELECT COUNT(DISTINCT service_id) FROM participation"
            " WHERE programme_id = :p AND stage <> 'withdrawn'",
            p=figures.programme_id,
        )[0][0]
        assert figures.services == taking
        by_nation = dict(
            _sql(
                db,
                "SELECT ls.nation, COUNT(DISTINCT ls.id) FROM participation p"
                " JOIN library_service ls ON ls.id = p.service_id"
                " WHERE p.programme_id = :p AND p.stage <> 'withdrawn' GROUP BY ls.nation",
                p=figures.programme_id,
            )
        )
        assert figures.by_nation == by_nation
        sums = dict(
            _sql(
                db,
                "SELECT m.name, SUM(v.value) FROM measure_value v"
                " JOIN programme_measure m ON m.id = v.measure_id"
                " WHERE m.programme_id = :p GROUP BY m.name",
                p=figures.programme_id,
            )
        )
        assert {t.name: t.total for t in figures.measures} == sums
    last_year, this_year = found.rounds
    assert last_year.new_services == [] and last_year.lapsed_services == []
    assert this_year.new_services == ["Blackburn with Darwen"]
    assert this_year.lapsed_services == ["Cardiff", "Liverpool"]  # Liverpool not brought
    assert this_year.by_stage == {"active": 2, "signed_up": 1, "withdrawn": 1}
    assert last_year.measure("People reached", "people") == 550
    assert this_year.measure("Books issued", "books") == 90
    assert {t.name: t.total for t in found.totals} == {"People reached": 940, "Books issued": 220}
    north_west = this_year.measures_by_region["North West"]
    assert [(t.name, t.total) for t in north_west] == [("People reached", 40)]


def test_names_move_on_a_year() -> None:
    assert next_year_text("Poetry Festival 2025/26", 2026) == "Poetry Festival 2026/27"
    assert next_year_text("Digital Skills Week", 2027) == "Digital Skills Week 2027"
    assert next_year_text("Autumn term 2025", 2026) == "Autumn term 2026"
    assert series_name("Summer Reading Challenge 2025") == "Summer Reading Challenge"


def test_the_dashboard_read_by_year_counts_that_years_round_only(
    db: Database, world: World
) -> None:
    from brokerdesk.core.coverage import (
        ALL_REGIONS,
        CoverageFilter,
        coverage_matrix,
        participations_by_stage,
        programme_years,
    )

    services = Services(db)
    series = services.for_entity("series")
    assert isinstance(series, SeriesService)
    first, _s = _first_round(services, world)
    second = series.roll_over(first, RollOverPlan(frozenset({"completed"}), "active")).id
    services.programmes.update(second, {"status": "live"})
    statuses = ("live", "completed")
    reading = world.offer_areas["reading"]
    assert programme_years(db) == [2025, 2024]
    for year, programme in ((2024, first), (2025, second)):
        matrix = coverage_matrix(db, CoverageFilter(statuses=statuses, year=year))
        expected = _sql(
            db,
            "SELECT COUNT(DISTINCT p.service_id) FROM participation p"
            " JOIN library_service ls ON ls.id = p.service_id"
            " WHERE p.programme_id = :p AND ls.is_member"
            " AND p.stage IN ('signed_up', 'active', 'completed')",
            p=programme,
        )[0][0]
        assert matrix.cell(reading, ALL_REGIONS).covered == expected
        stages = dict(
            _sql(
                db,
                "SELECT stage, COUNT(*) FROM participation WHERE programme_id = :p GROUP BY stage",
                p=programme,
            )
        )
        assert {k: v for k, v in participations_by_stage(db, year).items() if v} == stages
    assert (
        coverage_matrix(db, CoverageFilter(statuses=statuses, year=2024))
        .cell(reading, ALL_REGIONS)
        .covered
        == 4
    )  # three completed, Liverpool active; LibrariesNI withdrew


def test_a_deleted_series_leaves_its_rounds_and_comes_back_from_the_trash(
    db: Database, world: World
) -> None:
    from brokerdesk.core.services.trash import TrashService

    services = Services(db)
    series = services.for_entity("series")
    assert isinstance(series, SeriesService)
    first, _s = _first_round(services, world)
    second = series.roll_over(first, RollOverPlan(frozenset(TAKING_PART))).id
    series_id = services.programmes.get(first)["series_id"]
    rounds = _sql(db, "SELECT programme_id, label FROM programme_round ORDER BY programme_id")

    series.delete(series_id)

    assert _sql(db, "SELECT COUNT(*) FROM programme_round") == [(0,)]
    assert services.programmes.get(second)["series_id"] is None  # the programmes stay
    trash = TrashService(db)
    trash.restore(next(e.id for e in trash.list() if e.entity == "series"))
    assert _sql(db, "SELECT programme_id, label FROM programme_round ORDER BY programme_id") == (
        rounds
    )
    assert series.comparison(series_id).rounds[1].programme_id == second
