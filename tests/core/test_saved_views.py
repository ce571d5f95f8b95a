"""Saved views round-trip, refuse duplicate names and bad definitions, rename and delete."""

from __future__ import annotations

from typing import Any

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.services.saved_views import SavedViewService

LIVE_HEALTH_WALES: dict[str, Any] = {
    "search": "wellbeing",
    "filters": {
        "offer_area_id": [3],
        "nation": "Wales",
        "region": ["Wales"],
        "status": ["live"],
        "stage": "signed_up",
        "owner": "Priya",
        "is_member": True,
        "date_ranges": [{"field": "start_date", "from": "2026-01-01", "to": None}],
        "no_interaction_days": 90,
        "agreement_ends_within_days": 120,
    },
    "columns": ["name", "status", "offer_area"],
    "sort": ["name", "desc"],
}


def test_a_saved_view_comes_back_as_saved(db: Database) -> None:
    views = SavedViewService(db)
    view_id = views.save("programme", "Live H&W in Wales", LIVE_HEALTH_WALES)
    again = views.get(view_id)
    assert (again.entity, again.name, again.definition) == (
        "programme",
        "Live H&W in Wales",
        LIVE_HEALTH_WALES,
    )
    assert [v.name for v in views.list("programme")] == ["Live H&W in Wales"]
    assert views.list("partner") == []


def test_duplicate_name_on_the_same_list_is_refused(db: Database) -> None:
    views = SavedViewService(db)
    views.save("partner", "Quiet partners", {"filters": {"no_interaction_days": 120}})
    with pytest.raises(ValidationError, match="already a saved view called 'Quiet partners'"):
        views.save("partner", "Quiet partners", {})
    # The same name on another list is fine.
    views.save("programme", "Quiet partners", {})
    assert len(views.list()) == 2


def test_rename_and_delete(db: Database) -> None:
    views = SavedViewService(db)
    first = views.save("partner", "A", {})
    second = views.save("partner", "B", {})
    with pytest.raises(ValidationError, match="already a saved view called 'A'"):
        views.rename(second, "A")
    views.rename(second, "  Board   partners ")
    assert [v.name for v in views.list("partner")] == ["A", "Board partners"]
    views.delete(first)
    assert [v.id for v in views.list()] == [second]
    with pytest.raises(NotFoundError):
        views.get(first)


def test_update_replaces_the_definition(db: Database) -> None:
    views = SavedViewService(db)
    view_id = views.save("partner", "Mine", {"filters": {"owner": "Sam"}})
    views.update(view_id, {"filters": {"owner": "Alex"}, "sort": ["owner", "asc"]})
    assert views.get(view_id).definition == {"filters": {"owner": "Alex"}, "sort": ["owner", "asc"]}


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ({"filters": {"colour": "red"}}, "Unknown filter: colour"),
        ({"sort": ["name", "up"]}, "Sort must be"),
        ({"filters": {"no_interaction_days": "ninety"}}, "whole number of days"),
        ({"filters": {"date_ranges": [{"field": "end_date", "from": "2026-13-01"}]}}, "not a date"),
        (
            {
                "filters": {
                    "date_ranges": [{"field": "x", "from": "2026-02-01", "to": "2026-01-01"}]
                }
            },
            "ends before it starts",
        ),
        ({"layout": {}}, "Unknown saved view setting"),
    ],
)
def test_bad_definitions_are_refused_and_nothing_saved(
    db: Database, definition: dict[str, Any], message: str
) -> None:
    views = SavedViewService(db)
    with pytest.raises(ValidationError, match=message):
        views.save("partner", "Bad", definition)
    assert views.list() == []


def test_blank_name_and_unknown_list_are_refused(db: Database) -> None:
    views = SavedViewService(db)
    with pytest.raises(ValidationError, match="Give the saved view a name"):
        views.save("partner", "   ", {})
    with pytest.raises(ValidationError, match="no list view called 'spaceship'"):
        views.save("spaceship", "X", {})
