"""The demo keeps the shape of a real year, on whatever day it is built.

The README's and the user guide's pictures come from the demo, and a newcomer's first hour is
spent in it, so it has to show the team's week (``shared/SCENARIOS.md``) as the app's own
services see it: coverage strong in most places and thin in a few (the North West's Health &
Wellbeing gap among them), agreements due and lapsed, follow-ups due today, a partner past
its cadence, a likely duplicate to merge, and stories from Wales and Northern Ireland. The
demo is built for the app clock's today, and the suite runs this file again under shifted
clocks (a year ahead, a month's end), so it cannot pass only on the day it was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from brokerdesk.core import clock, coverage, health
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.demo import RECENT_DAYS, build_demo
from brokerdesk.core.models import (
    Agreement,
    Interaction,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    Programme,
)
from brokerdesk.core.reference import initialise
from brokerdesk.core.services.duplicates import find_duplicate_partners

pytestmark = pytest.mark.date_sensitive  # also run under shifted clocks (Makefile)

ENGLISH_REGIONS = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("shape") / "demo.sqlite3")
    initialise(db)
    build_demo(db)  # for the app clock's today, as `brokerdesk --demo` builds it
    yield db
    db.dispose()


def _today() -> dt.date:
    return clock.today()


def _matrix(db: Database) -> dict[tuple[str, str], float]:
    """Per cent covered by (offer area name, region), as the dashboard's matrix shows it."""
    matrix = coverage.coverage_matrix(db, coverage.CoverageFilter(as_at=_today()))
    return {
        (name, region): matrix.cell(area_id, region).percent
        for area_id, name in matrix.offer_areas
        for region in (*ENGLISH_REGIONS, "Wales")
    }


def test_coverage_is_strong_in_most_places_and_thin_in_a_few(demo: Database) -> None:
    cells = _matrix(demo)
    assert cells[("Health & Wellbeing", "North West")] <= 35, "SCENARIOS 3: the gap to find"
    thin = {cell for cell, percent in cells.items() if percent <= 40}
    strong = {cell for cell, percent in cells.items() if percent >= 75}
    middling = set(cells) - thin - strong
    # A matrix worth reading: gaps in several offer areas, strength in most, some in between.
    assert len({area for area, _ in thin}) >= 4, sorted(thin)
    assert len(thin) <= len(cells) // 4, sorted(thin)
    assert len(strong) >= len(cells) // 3, len(strong)
    assert len(middling) >= 6
    # Each offer area reaches most services somewhere: a thin cell is a gap, not the norm.
    assert {area for (area, _), percent in cells.items() if percent >= 70} == {
        area for area, _ in cells
    }


def test_the_north_west_gap_has_services_to_invite(demo: Database) -> None:
    with demo.read() as session:
        area = session.scalar(select(OfferArea.id).where(OfferArea.code == "health_wellbeing"))
    assert area is not None
    detail = coverage.cell_detail(demo, area, "North West", coverage.CoverageFilter(as_at=_today()))
    assert len(detail.missing) >= 15 and detail.covered, "a gap list, and some already reached"


def test_agreements_due_soon_and_one_lapsed(demo: Database) -> None:
    today = _today()
    ending = [row for row in health.ending_soon(demo, today) if row.entity == "agreement"]
    assert any(row.days_left <= 30 for row in ending) and any(row.days_left > 30 for row in ending)
    with demo.read() as session:
        renewal_overdue = session.scalars(
            select(Agreement.id).where(Agreement.renewal_date < today, Agreement.end_date >= today)
        ).all()
        lapsed = session.scalars(
            select(Partner.name)
            .join(Agreement, Agreement.partner_id == Partner.id)
            .where(Partner.status == "active")
            .group_by(Partner.id)
            .having(func.max(Agreement.end_date).between(today - dt.timedelta(days=60), today))
        ).all()
    assert renewal_overdue, "an agreement still running whose renewal date has passed"
    assert lapsed, "an active partner whose agreement ended in the last two months"


def test_follow_ups_overdue_due_today_and_this_week(demo: Database) -> None:
    today = _today()
    due = health.follow_ups(demo, today)
    assert any(f.overdue for f in due)
    today_ones = [f for f in due if f.due_on == today]
    assert len(today_ones) >= 2, "Monday morning has calls to make today"
    assert any(today < f.due_on <= today + dt.timedelta(days=7) for f in due)


def test_follow_ups_look_like_a_real_teams_a_handful_overdue(demo: Database) -> None:
    """A first look at Today is a working week, not a backlog of forgotten calls."""
    today = _today()
    overdue = [f for f in health.follow_ups(demo, today) if f.overdue]
    assert 2 <= len(overdue) <= 10, len(overdue)
    with demo.read() as session:
        past = session.execute(
            select(Interaction.follow_up_done, func.count())
            .where(Interaction.follow_up_on < today)
            .group_by(Interaction.follow_up_done)
        ).all()
    counts = {bool(done): n for done, n in past}
    assert counts[True] >= 20 * counts.get(False, 0), "past follow-ups were nearly all done"
    recent = today - dt.timedelta(days=RECENT_DAYS)
    assert all(f.due_on >= recent for f in overdue), "only recent ones are still open"


def test_some_partners_are_past_their_cadence(demo: Database) -> None:
    rows = health.partner_health(demo, _today())
    late = [row for row in rows if row.overdue]
    assert 2 <= len(late) <= len(rows) // 4, [row.name for row in late]
    assert all(row.days_since is not None and row.days_since > 120 for row in late[:2])


def test_a_likely_duplicate_partner_to_merge(demo: Database) -> None:
    pairs = find_duplicate_partners(demo)
    assert [(p.first_label, p.second_label) for p in pairs] == [
        ("Northlight Sight Loss Trust", "Northlight Sightloss Trust")
    ]


def _story(db: Database, region: str) -> tuple[set[str], set[str]]:
    """(live programmes whose every service is in ``region``, their stages there)."""
    with db.read() as session:
        rows = session.execute(
            select(Programme.name, LibraryService.region, Participation.stage)
            .join(Participation, Participation.programme_id == Programme.id)
            .join(LibraryService, LibraryService.id == Participation.service_id)
            .where(Programme.status == "live", Programme.end_date > _today())
        ).all()
    regions: dict[str, set[str]] = {}
    for name, where, _stage in rows:
        regions.setdefault(name, set()).add(where)
    only = {name for name, where in regions.items() if where == {region}}
    return only, {stage for name, _, stage in rows if name in only}


def test_a_welsh_story_and_a_northern_irish_one(demo: Database) -> None:
    welsh, stages = _story(demo, "Wales")
    assert welsh == {"Amser Stori: Welsh-language Storytimes"}
    assert {"signed_up", "active"} <= stages
    irish, stages = _story(demo, "Northern Ireland")
    assert irish == {"Six Counties Family History Days"}
    assert stages & {"signed_up", "active"}
    # Each has a call logged with the library service and a follow-up coming up.
    stories = {f.about.split(" · ")[-1] for f in health.follow_ups(demo, _today())}
    assert {*welsh, *irish} <= stories
