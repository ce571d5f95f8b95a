"""Brokering suggestions: gaps first, with the reasons written out."""

from __future__ import annotations

import pytest

from brokerdesk.core import suggestions
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from tests.builders import small_world
from tests.core.test_coverage import add_programme

pytestmark = pytest.mark.date_sensitive  # also run under shifted clocks (Makefile)


@pytest.fixture
def setup(db: Database, world: small_world.World) -> dict[str, int]:
    a, s = world.offer_areas, world.services
    reading = add_programme(db, "Reading Friends", a["reading"], "live", {s["E08000003"]: "active"})
    # Liverpool is already reached in reading through another programme.
    other = add_programme(db, "Book Club", a["reading"], "live", {s["E08000012"]: "signed_up"})
    digital = add_programme(db, "Code Club", a["information_digital"], "live", {})
    add_programme(db, "Someday", a["health_wellbeing"], "idea", {})
    return {"reading": reading, "other": other, "digital": digital}


def test_programme_suggestions_rank_gaps_and_like_services(
    db: Database, world: small_world.World, setup: dict[str, int]
) -> None:
    result = suggestions.for_programme(db, setup["reading"])
    names = [r.name for r in result]
    assert "Manchester" not in names  # already linked
    assert "City of Edinburgh" not in names  # not a member
    assert len(names) == 6
    # Gaps in regions reading does not reach at all come first (3 + 2); Bristol is also in
    # the same nation as Manchester (+0.5).
    assert names[:4] == ["City of Bristol", "Cardiff", "LibrariesNI", "Rhondda Cynon Taff"]
    assert [r.score for r in result[:4]] == [5.5, 5.0, 5.0, 5.0]
    assert result[0].reasons[-1] == "Services in England already take part (1)."
    assert result[1].reasons == ["Not yet reached in Reading.", "Reading reaches 0% of Wales."]
    # Blackburn: a gap, in a region where reading reaches 2 of 3, next to Manchester.
    assert names[4] == "Blackburn with Darwen"
    assert result[4].score == 4.17
    assert result[4].reasons == [
        "Not yet reached in Reading.",
        "Reading reaches 67% of North West.",
        "1 service in North West already takes part.",
    ]
    # Liverpool is already reached in reading, so it ranks last despite its neighbour.
    assert names[-1] == "Liverpool"
    assert "Not yet reached in Reading." not in result[-1].reasons


def test_service_suggestions_are_live_programmes_not_joined(
    db: Database, world: small_world.World, setup: dict[str, int]
) -> None:
    result = suggestions.for_service(db, world.services["E06000008"])
    # Digital reaches nobody in the North West (3 + 2); the two reading programmes each
    # have a North West neighbour taking part (3 + 0.67 + 0.5).
    assert [(r.name, r.score) for r in result] == [
        ("Code Club", 5.0),
        ("Book Club", 4.17),
        ("Reading Friends", 4.17),
    ]
    assert "Someday" not in {r.name for r in result}  # an idea is not joinable yet
    joined = suggestions.for_service(db, world.services["E08000003"])
    assert "Reading Friends" not in {r.name for r in joined}


def test_missing_programme_is_reported(db: Database, world: small_world.World) -> None:
    with pytest.raises(NotFoundError):
        suggestions.for_programme(db, 999)


def test_neighbours_taking_part_are_a_reason(db: Database, world: small_world.World) -> None:
    a, s = world.offer_areas, world.services
    pid = add_programme(db, "Cardiff Reads", a["reading"], "live", {s["W06000015"]: "active"})
    result = {r.name: r for r in suggestions.for_programme(db, pid)}
    rhondda = result["Rhondda Cynon Taff"]
    assert "Next to Cardiff, which takes part." in rhondda.reasons
    # Gap (3) + Wales half reached (1) + a Welsh peer (0.5) + a neighbour (0.5).
    assert rhondda.score == 5.0
    assert not any(r.startswith("Next to") for r in result["LibrariesNI"].reasons)
