"""Group by and totals: programmes by offer area with their total budget, counted and summed
in SQL over the list's own filters, and exported as shown with subtotal rows."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.exporting.grouped import export_grouped
from brokerdesk.core.grouping import group_ids, groups, summed_columns, totals
from brokerdesk.core.lists import record_list
from brokerdesk.core.models import Partner
from brokerdesk.core.services import Services
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def _programmes(s: Services, world: World) -> dict[str, int]:
    made = {}
    for name, area, budget, status in (
        ("Reading Friends", "reading", "12000.50", "live"),
        ("Summer Reading Challenge", "reading", "30000", "live"),
        ("Digital Skills", "information_digital", "8000", "idea"),
        ("Sound Library", "vision_print_impaired", None, "live"),
    ):
        values = {"name": name, "offer_area_id": world.offer_areas[area], "status": status}
        if budget is not None:
            values["budget"] = budget
        made[name] = s.programmes.create(values).id
    return made


def test_programmes_by_offer_area_with_total_budget(db: Database, world: World) -> None:
    made = _programmes(Services(db), world)
    the_list = record_list("programme")
    assert [c.key for c in summed_columns(the_list)] == ["services", "target_services", "budget"]
    state = the_list.initial_state()
    with db.read() as session:
        found = groups(session, the_list, state, "offer_area")
        by_area = {g.label: (g.count, g.sums["budget"]) for g in found}
        assert by_area["Reading"] == (2, Decimal("42000.50"))
        assert by_area["Information & Digital"] == (1, Decimal("8000"))
        # in the order of the offer area's name; the Promise has no budget: its sum is empty
        assert [g.label for g in found][:2] == ["Information & Digital", "Reading"]
        assert len(found) == 3 and found[2].sums["budget"] is None
        assert totals(found).count == 4 and totals(found).sums["budget"] == Decimal("50000.50")
        reading = next(g for g in found if g.label == "Reading")
        assert group_ids(session, the_list, state, "offer_area", reading.value) == [
            made["Reading Friends"],
            made["Summer Reading Challenge"],
        ]
        # Grouping follows the list's filters: live programmes only.
        state.filters["status"] = "live"
        live = {g.label: g.count for g in groups(session, the_list, state, "offer_area")}
    assert sum(live.values()) == 3 and live["Reading"] == 2


def test_an_empty_value_is_its_own_group_last(db: Database, world: World) -> None:
    s = Services(db)
    s.partners.create({"name": "Arts Trust", "owner": "Sam"})
    s.partners.create({"name": "Books Trust"})
    the_list = record_list("partner")
    with db.read() as session:
        found = groups(session, the_list, the_list.initial_state(), "owner")
    assert [(g.label, g.count) for g in found] == [("Sam", 1), ("(none)", 1)]


def test_a_grouped_export_has_headings_records_subtotals_and_a_total(
    db: Database, world: World, tmp_path: Path
) -> None:
    _programmes(Services(db), world)
    the_list = record_list("programme")
    columns = [the_list.column(k) for k in ("name", "status", "budget")]
    out = tmp_path / "by-area.csv"
    count = export_grouped(db, the_list, the_list.initial_state(), "offer_area", columns, out)
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert count == 4
    reading = rows.index(["Offer area: Reading (2)", "", "", ""])
    assert rows[0] == ["Name", "Status", "Budget", "Budget currency"]  # a budget is in pounds
    assert rows[reading + 1 : reading + 4] == [
        ["Reading Friends", "Live", "12000.50", "GBP"],
        ["Summer Reading Challenge", "Live", "30000.00", "GBP"],
        ["Subtotal: Reading (2)", "", "42000.50", "GBP"],
    ]
    assert rows[-1] == ["Total (4)", "", "50000.50", "GBP"]


@pytest.mark.parametrize("descending", [False, True])
def test_a_groups_records_follow_the_plain_lists_order_empty_values_last(
    db: Database, world: World, descending: bool
) -> None:
    """Sorted by a column some records leave empty, each group lists its records exactly as
    the plain list does (empty owners after the filled ones, whichever way it is sorted):
    SQLite and PostgreSQL put NULLs at opposite ends unless told."""
    s = Services(db)
    for name, status, owner in (
        ("Arts Trust", "active", "Sam"),
        ("Books Trust", "active", None),
        ("Carers Network", "active", "Ali"),
        ("Digital Trust", "prospect", None),
        ("Eye Charity", "active", "Zoe"),
        ("Film Fund", "prospect", "Bea"),
        ("Games Trust", "active", None),
    ):
        s.partners.create({"name": name, "status": status, "owner": owner})
    the_list = record_list("partner")
    state = the_list.initial_state()
    state.sort_key, state.descending = "owner", descending
    with db.read() as session:
        plain = the_list.ids(session, state)
        names = {row[0]: row[1] for row in session.execute(select(Partner.id, Partner.name))}
        found = groups(session, the_list, state, "status")
        assert {g.label for g in found} == {"Active", "Prospect"}
        for group in found:
            members = set(group_ids(session, the_list, state, "status", group.value))
            assert len(members) == group.count
            shown = group_ids(session, the_list, state, "status", group.value)
            assert shown == [i for i in plain if i in members], group.label
        active = next(g for g in found if g.label == "Active")
        in_order = [names[i] for i in group_ids(session, the_list, state, "status", active.value)]
    filled = ["Carers Network", "Arts Trust", "Eye Charity"]  # Ali, Sam, Zoe
    empty = ["Books Trust", "Games Trust"]  # the newest first when sorted backwards
    if descending:
        filled, empty = filled[::-1], empty[::-1]
    assert in_order == [*filled, *empty]
