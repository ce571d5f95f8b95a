"""Filtering lists by the values of the team's own fields, on both backends: "Charity number
contains 11", "Budget at least 10,000", "Next review before 1 Sep 2026", "within the next 30
days" (the clock is pinned to 15 Jun 2026), "Has DBS check = yes", a linked record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.exporting.view import export_view
from brokerdesk.core.lists import ListState
from brokerdesk.core.services import Services
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.saved_views import SavedViewService
from brokerdesk.core.services.value_filters import FilterValueError, checked, describe

pytestmark = pytest.mark.both_backends

FIELDS = {
    "number": FieldSpec("Charity number", "text"),
    "notes": FieldSpec("Notes for board", "longtext"),
    "budget": FieldSpec("Budget", "money"),
    "staff": FieldSpec("Staff", "number"),
    "review": FieldSpec("Next review", "date"),
    "dbs": FieldSpec("Has DBS check", "yesno"),
    "lead": FieldSpec("Sister partner", "link", link_kind="partner"),
    "tier": FieldSpec("Tier", "choice", choices=("Gold", "Silver", "Bronze")),
}
PARTNERS: dict[str, dict[str, Any]] = {
    "Northlight": {
        "number": "1118765",
        "notes": "Board asked about the " + "long " * 150 + "Braille pilot",
        "budget": "£12,500",
        "staff": "40",
        "review": "2026-06-30",
        "dbs": True,
        "tier": "Gold",
    },
    "Pageturners": {
        "number": "2345678",
        "notes": "Nothing yet",
        "budget": "9,999.99",
        "staff": "2.5",
        "review": "1 Sep 2026",
        "dbs": False,
        "tier": "Silver",
    },
    "Story Bus": {"number": "AB11CD", "budget": "10000", "review": "2026-06-01", "dbs": True},
    "Quiet One": {},
}


@pytest.fixture
def world(db: Database) -> tuple[Services, dict[str, str]]:
    services = Services(db)
    keys = {
        name: f"cf_{services.custom_fields.add('partner', spec).id}"
        for name, spec in FIELDS.items()
    }
    made: dict[str, int] = {}
    for name, values in PARTNERS.items():
        own = {keys[k]: v for k, v in values.items()}
        made[name] = services.partners.create(
            {"name": name, "partner_type": "charity", "status": "active", **own}
        ).id
    services.partners.update(made["Pageturners"], {keys["lead"]: made["Northlight"]})
    services.partners.update(
        made["Story Bus"], {keys["lead"]: made["Northlight"], "status": "paused"}
    )
    return services, keys


def _names(services: Services, filters: dict[str, Any], search: str = "") -> list[str]:
    partners = services.custom_fields.record_list("partner")
    with services.db.read() as session:
        ids = partners.ids(session, ListState(search=search, filters=filters, sort_key="name"))
        return [partners.rows(session, [i])[i][0] for i in ids]


def test_text_contains_and_is_ignore_case_and_long_text_is_read_whole(world: Any) -> None:
    services, keys = world
    number, notes = keys["number"], keys["notes"]
    assert _names(services, {number: {"op": "contains", "value": "11"}}) == [
        "Northlight",
        "Story Bus",
    ]
    assert _names(services, {number: {"op": "is", "value": "ab11cd"}}) == ["Story Bus"]
    assert _names(services, {number: {"op": "contains", "value": "%"}}) == []  # not a wildcard
    # Past the 500 characters the list shows and sorts by.
    assert _names(services, {notes: {"op": "contains", "value": "BRAILLE"}}) == ["Northlight"]
    assert _names(services, {notes: "empty"}) == ["Quiet One", "Story Bus"]


def test_numbers_and_money_as_people_type_them(world: Any) -> None:
    services, keys = world
    budget, staff = keys["budget"], keys["staff"]
    assert _names(services, {budget: {"op": "at_least", "value": "10,000"}}) == [
        "Northlight",
        "Story Bus",
    ]
    assert _names(services, {budget: {"op": "at_most", "value": "£10,000.00"}}) == [
        "Pageturners",
        "Story Bus",
    ]
    between = {"op": "between", "value": "9,999.99", "to": "£12,499.99"}
    assert _names(services, {budget: between}) == ["Pageturners", "Story Bus"]
    assert _names(services, {staff: {"op": "at_most", "value": "2.5"}}) == ["Pageturners"]
    assert _names(services, {staff: "filled"}) == ["Northlight", "Pageturners"]


def test_dates_before_after_between_and_days_from_the_apps_clock(world: Any) -> None:
    services, keys = world
    review = keys["review"]
    assert _names(services, {review: {"op": "before", "value": "1/9/2026"}}) == [
        "Northlight",
        "Story Bus",
    ]
    assert _names(services, {review: {"op": "after", "value": "30 June 2026"}}) == ["Pageturners"]
    between = {"op": "between", "value": "2026-06-01", "to": "30/06/2026"}
    assert _names(services, {review: between}) == ["Northlight", "Story Bus"]
    # Today is 15 Jun 2026: the 30th is 15 days ahead, the 1st 14 days back.
    assert _names(services, {review: {"op": "next_days", "value": 15}}) == ["Northlight"]
    assert _names(services, {review: {"op": "next_days", "value": "14"}}) == []
    assert _names(services, {review: {"op": "last_days", "value": 14}}) == ["Story Bus"]


def test_yes_no_or_empty_and_a_linked_record(world: Any) -> None:
    services, keys = world
    dbs, lead = keys["dbs"], keys["lead"]
    assert _names(services, {dbs: "yes"}) == ["Northlight", "Story Bus"]
    assert _names(services, {dbs: "no"}) == ["Pageturners"]
    assert _names(services, {dbs: "empty"}) == ["Quiet One"]
    partners = services.custom_fields.record_list("partner")
    offered = services.custom_fields.record_list("partner")
    with services.db.read() as session:
        options = next(f for f in offered.filters if f.key == lead).options(session)
    northlight = next(i for i, name in options if name == "Northlight")
    assert options == [("filled", "Filled in"), ("empty", "Empty"), (northlight, "Northlight")]
    assert _names(services, {lead: northlight}) == ["Pageturners", "Story Bus"]
    assert _names(services, {lead: "empty"}) == ["Northlight", "Quiet One"]
    assert partners.column(lead).label == "Sister partner"


def test_value_filters_combine_with_the_others_and_the_search(world: Any) -> None:
    services, keys = world
    at_least = {keys["budget"]: {"op": "at_least", "value": "10000"}}
    assert _names(services, {**at_least, "status": "active"}) == ["Northlight"]
    assert _names(services, {**at_least, keys["tier"]: "Gold"}) == ["Northlight"]
    assert _names(services, at_least, search="story") == ["Story Bus"]


def test_a_saved_view_keeps_the_condition_in_its_plain_form_and_refuses_bad_input(
    world: Any,
) -> None:
    services, keys = world
    budget, review = keys["budget"], keys["review"]
    views = SavedViewService(services.db)
    typed = {
        budget: {"op": "at_least", "value": "£10,000"},
        review: {"op": "before", "value": "1 Sep 2026"},
    }
    view_id = views.save("partner", "Big, soon", {"filters": typed})
    kept = views.get(view_id).definition["filters"]
    assert kept == {
        budget: {"op": "at_least", "value": "10000.00"},
        review: {"op": "before", "value": "2026-09-01"},
    }
    assert _names(services, kept) == _names(services, typed) == ["Northlight", "Story Bus"]
    with pytest.raises(ValidationError) as refused:
        views.save("partner", "Bad", {"filters": {review: {"op": "before", "value": "31/2/2026"}}})
    assert refused.value.field_errors == {
        review: "Next review: '31/2/2026' is not a date; type it day first, as 1/9/2026, "
        "1 Sep 2026 or 2026-09-01."
    }
    with pytest.raises(ValidationError) as refused:
        views.save("partner", "Bad", {"filters": {budget: {"op": "about", "value": "1"}}})
    assert refused.value.field_errors == {budget: "'about' is not a way to filter this field."}


def test_export_view_writes_the_filtered_rows(world: Any, tmp_path: Path) -> None:
    services, keys = world
    partners = services.custom_fields.record_list("partner")
    state = ListState(
        filters={keys["budget"]: {"op": "between", "value": "9000", "to": "11000"}},
        sort_key="name",
    )
    target = tmp_path / "mid.csv"
    columns = [partners.column(k) for k in ("name", keys["number"])]
    export_view(services.db, partners, state, columns, target)
    lines = target.read_text("utf-8-sig").splitlines()
    assert lines == ["Name,Charity number", "Pageturners,2345678", "Story Bus,AB11CD"]


def test_what_was_typed_is_read_or_refused_in_words() -> None:
    assert checked("money", "Budget", {"op": "at_least", "value": " £1,500 "}) == {
        "op": "at_least",
        "value": "1500.00",
    }
    assert checked("date", "Review", {"op": "between", "value": "1/9/26", "to": ""}) is None
    with pytest.raises(FilterValueError, match="the second date is before the first"):
        checked("date", "Review", {"op": "between", "value": "1/9/2026", "to": "1/8/2026"})
    with pytest.raises(FilterValueError) as refused:
        checked("money", "Budget", {"op": "at_least", "value": "£10k"})
    assert str(refused.value) == (
        "Budget: '£10k': write the amount in full, such as 5,000 rather than 5k."
    )
    with pytest.raises(FilterValueError, match="'soon' is not a number of days"):
        checked("date", "Review", {"op": "next_days", "value": "soon"})
    assert describe("money", "Budget", {"op": "at_least", "value": "10000.00"}) == (
        "Budget at least £10,000.00"
    )
    assert describe("date", "Review", {"op": "next_days", "value": 30}) == (
        "Review within the next 30 days"
    )


def test_tier_is_gold_or_silver_and_a_saved_view_keeps_the_pair(world: Any) -> None:
    services, keys = world
    tier = keys["tier"]
    assert _names(services, {tier: ["Gold", "Silver"]}) == ["Northlight", "Pageturners"]
    assert _names(services, {tier: ["Bronze", "Silver"]}) == ["Pageturners"]
    views = SavedViewService(services.db)
    view_id = views.save("partner", "Gold or Silver", {"filters": {tier: ["Gold", "Silver"]}})
    assert views.get(view_id).definition["filters"] == {tier: ["Gold", "Silver"]}
    with pytest.raises(ValidationError) as refused:
        views.save("partner", "None", {"filters": {tier: []}})
    assert refused.value.field_errors == {tier: "Tier must be a list of its choices."}
    with pytest.raises(ValidationError):  # a fixed choice filter takes one value only
        views.save("partner", "Two", {"filters": {"status": ["active", "paused"]}})


def test_several_choices_match_any_of_those_asked(db: Database) -> None:
    services = Services(db)
    audiences = services.custom_fields.add(
        "partner", FieldSpec("Audiences", "choices", choices=("Children", "Adults", "Carers"))
    ).id
    key = f"cf_{audiences}"
    for name, picked in (("A", ["Children"]), ("B", ["Adults", "Carers"]), ("C", ["Adults"])):
        services.partners.create({"name": name, "partner_type": "charity", key: picked})
    assert _names(services, {key: ["Children", "Carers"]}) == ["A", "B"]
    assert _names(services, {key: "Adults"}) == ["B", "C"]


def test_a_condition_reads_its_amounts_as_lists_show_them() -> None:
    """A screen reader hears "-£20.00" and "-0.5", as the list's cells say them."""
    from brokerdesk.core.services.value_filters import describe

    assert "-£20.00" in describe("money", "Budget", {"op": "at_least", "value": "-20.00"})
    assert "-0.5" in describe("number", "Score", {"op": "at_least", "value": "-0.5"})
