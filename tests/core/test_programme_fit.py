"""The live programmes offered for a coverage gap, best fit first (the Coverage tab's invite)."""

from __future__ import annotations

from brokerdesk.core.coverage import ALL_REGIONS
from brokerdesk.core.db import Database
from brokerdesk.core.programme_fit import live_programmes_for_gap
from tests.builders import small_world
from tests.core.test_coverage import add_programme


def build(db: Database, world: small_world.World) -> dict[str, int]:
    a, s = world.offer_areas, world.services
    health = a["health_wellbeing"]
    return {
        # Two North West services active, three in all.
        "Local": add_programme(
            db,
            "Local",
            health,
            "live",
            {s["E08000003"]: "active", s["E06000008"]: "signed_up", s["W06000015"]: "active"},
        ),
        # Reaches health as a secondary area: one North West service, four in all; Liverpool
        # only invited (not counted).
        "Wide": add_programme(
            db,
            "Wide",
            a["reading"],
            "live",
            {
                s["E08000003"]: "signed_up",
                s["E06000023"]: "active",
                s["W06000016"]: "active",
                s["N92000002"]: "active",
                s["E08000012"]: "invited",
            },
            secondary=(health,),
        ),
        "Over": add_programme(db, "Over", health, "completed", {s["E08000012"]: "active"}),
        "Elsewhere": add_programme(db, "Elsewhere", a["reading"], "live", {}),
    }


def test_best_fit_in_the_region_first_then_overall(db: Database, world: small_world.World) -> None:
    ids = build(db, world)
    liverpool = world.services["E08000012"]
    fits = live_programmes_for_gap(
        db, world.offer_areas["health_wellbeing"], "North West", [liverpool]
    )
    assert [(f.name, f.in_region, f.overall) for f in fits] == [("Local", 2, 3), ("Wide", 1, 4)]
    # Only live programmes reaching the area; Liverpool's invitation to Wide is known.
    assert [f.id for f in fits] == [ids["Local"], ids["Wide"]]
    assert fits[1].already_linked == {liverpool} and fits[0].already_linked == frozenset()


def test_every_region_ranks_by_all_services(db: Database, world: small_world.World) -> None:
    build(db, world)
    fits = live_programmes_for_gap(db, world.offer_areas["health_wellbeing"], ALL_REGIONS)
    assert [(f.name, f.in_region, f.overall) for f in fits] == [("Wide", 4, 4), ("Local", 3, 3)]


def test_an_area_with_no_live_programme_offers_none(db: Database, world: small_world.World) -> None:
    build(db, world)
    assert live_programmes_for_gap(db, world.offer_areas["childrens_promise"], "Wales") == []
