"""Saved views round-trip, refuse duplicate names and bad definitions, rename and delete."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.lists import LISTS, Filter, ListState, record_list
from brokerdesk.core.services import Services
from brokerdesk.core.services.custom_columns import full_record_list
from brokerdesk.core.services.custom_values import definitions
from brokerdesk.core.services.saved_views import SavedViewService
from tests.builders.own_fields import EVERY_TYPE, add_every_type, condition

LIVE_HEALTH_WALES: dict[str, Any] = {
    "search": "wellbeing",
    "filters": {"offer_area_id": 3, "status": "live", "partner_id": 7, "ends_within_days": 120},
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
    views.save("partner", "Quiet partners", {"filters": {"no_contact_days": 120}})
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
        ({"filters": {"nation": "Wales"}}, "Unknown filter: nation"),  # a services filter
        ({"sort": ["name", "up"]}, "Sort must be"),
        ({"sort": ["colour", "asc"]}, "cannot sort by colour"),
        ({"columns": ["name", "colour"]}, "has no column colour"),
        ({"filters": {"no_contact_days": "ninety"}}, "whole number of days"),
        ({"filters": {"status": ["active", "prospect"]}}, "one of its choices"),
        ({"filters": {"owner": True}}, "one of its choices"),
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


def test_a_view_saved_under_an_earlier_filter_name_opens_with_the_lists_own(
    db: Database,
) -> None:
    views = SavedViewService(db)
    view_id = views.save("partner", "Quiet", {"filters": {"no_interaction_days": 90}})
    assert views.get(view_id).definition == {"filters": {"no_contact_days": 90}}
    with db.write() as session:  # as an earlier version stored it
        session.execute(
            text("UPDATE saved_view SET definition = :d WHERE id = :i"),
            {"d": '{"filters": {"agreement_ends_within_days": 30}}', "i": view_id},
        )
    assert views.get(view_id).definition == {"filters": {"ends_within_days": 30}}


def _a_value(flt: Filter, session: Session) -> Any:
    """A value the filter's control offers; for a choice, the one matching fewest rows > 0."""
    if flt.kind == "bool":
        return True
    if flt.kind == "days":
        return 30
    if flt.kind == "value":  # an own field's value: what a person types in its boxes
        return condition(str(flt.value_type))
    assert flt.options is not None
    options = [value for value, _label in flt.options(session)]
    assert options, f"{flt.key} offers nothing to choose in the demo world"
    return options[len(options) // 2]


EVERY_FILTER = [(entity, flt.key) for entity in LISTS for flt in record_list(entity).filters]
# The team's own fields, one of every type on partners: keyed by type until the demo has them.
OWN_FILTERS = [("partner", f"own:{kind}") for kind in EVERY_TYPE]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from brokerdesk.core.demo import build_demo
    from brokerdesk.core.reference.load import initialise

    path = tmp_path_factory.mktemp("saved-views") / "demo.sqlite3"
    database = open_database(path, user_name="tester")
    try:
        initialise(database)
        build_demo(database)
        services = Services(database)
        with database.read() as session:
            partners = record_list("partner").ids(session, ListState(sort_key="name"))
        add_every_type(services, partners)
    finally:
        database.dispose()
    return path


@pytest.mark.parametrize(
    ("entity", "key"),
    EVERY_FILTER + OWN_FILTERS,
    ids=[f"{e}-{k}" for e, k in EVERY_FILTER + OWN_FILTERS],
)
def test_every_filter_of_every_list_round_trips_through_a_saved_view(
    demo_file: Path, tmp_path: Path, entity: str, key: str
) -> None:
    """Save a view with this filter set, open it again: the same value and the same rows
    (for an own field's value as typed, kept in its plain form)."""
    copy = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, copy)
    database = open_database(copy, user_name="tester")
    try:
        with database.read() as session:
            the_list = full_record_list(session, entity)
            if key.startswith("own:"):
                label = EVERY_TYPE[key[4:]].label
                key = next(f.key for f in definitions(session, entity) if f.label == label)
        flt = next(f for f in the_list.filters if f.key == key)
        with database.read() as session:
            state = the_list.initial_state()
            state.filters[key] = _a_value(flt, session)
            expected = the_list.ids(session, state)
            if flt.key.startswith("cf_"):  # finds some partners, not all
                every = len(the_list.ids(session, the_list.initial_state()))
                assert 0 < len(expected) < every, f"{flt.label}: {len(expected)} of {every}"
        views = SavedViewService(database)
        definition = {
            "filters": dict(state.filters),
            "sort": [state.sort_key, "desc" if state.descending else "asc"],
        }
        view_id = views.save(entity, f"By {key}", definition)
        again = views.get(view_id).definition
        if flt.kind == "value":  # kept in its plain form, which asks the same
            assert again["filters"][key]["op"] == state.filters[key]["op"]
        else:
            assert again["filters"] == state.filters
        reopened = ListState(
            filters=again["filters"],
            sort_key=again["sort"][0],
            descending=again["sort"][1] == "desc",
        )
        with database.read() as session:
            assert the_list.ids(session, reopened) == expected
    finally:
        database.dispose()
