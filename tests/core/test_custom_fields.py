"""The team's own fields: the done-when story of issue #20 in the core, on both backends."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.exporting.summary import gather_partner_summary
from brokerdesk.core.exporting.view import export_view
from brokerdesk.core.lists import ListState
from brokerdesk.core.search import SearchService
from brokerdesk.core.services import Services
from brokerdesk.core.services.custom_columns import full_record_list
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.history import HistoryService
from brokerdesk.core.services.saved_views import SavedViewService

pytestmark = pytest.mark.both_backends

CHARITY_NUMBER = FieldSpec(
    "Charity number", "text", required_field="partner_type", required_value="charity"
)
TIER = FieldSpec("Tier", "choice", choices=("Gold", "Silver", "Bronze"))


def _fields(services: Services) -> tuple[str, str]:
    number = services.custom_fields.add("partner", CHARITY_NUMBER).id
    tier = services.custom_fields.add("partner", TIER).id
    return f"cf_{number}", f"cf_{tier}"


def test_a_charity_needs_its_number_and_a_company_does_not(db: Database) -> None:
    services = Services(db)
    number, tier = _fields(services)
    with pytest.raises(ValidationError) as refused:
        services.partners.create({"name": "Northlight", "partner_type": "charity"})
    assert refused.value.field_errors == {
        number: "Charity number is required when Type is Charity."
    }
    services.partners.create({"name": "Pixel Ltd", "partner_type": "company"})
    made = services.partners.create(
        {"name": "Northlight", "partner_type": "charity", number: "1234567", tier: "gold"}
    )
    saved = services.partners.get(made.id)
    assert saved[number] == "1234567"
    assert saved[tier] == "Gold"  # the choice as the team spelled it
    # Turning a company into a charity asks for the number too.
    pixel = services.partners.create({"name": "Pixel Two", "partner_type": "company"}).id
    with pytest.raises(ValidationError) as refused:
        services.partners.update(pixel, {"partner_type": "charity"})
    assert number in refused.value.field_errors


def test_a_value_that_does_not_fit_is_refused_beside_its_field(db: Database) -> None:
    services = Services(db)
    _number, tier = _fields(services)
    budget = services.custom_fields.add("partner", FieldSpec("Pledge", "money")).id
    with pytest.raises(ValidationError) as refused:
        services.partners.create(
            {"name": "Acme", "partner_type": "company", tier: "Platinum", f"cf_{budget}": "lots"}
        )
    assert refused.value.field_errors == {
        tier: "Tier: 'Platinum' is not one of Gold, Silver, Bronze.",
        f"cf_{budget}": "Pledge: 'lots' is not an amount: type digits, such as 5,000 or £5,000.50.",
    }


def test_every_type_keeps_its_value(db: Database) -> None:
    services = Services(db)
    add = services.custom_fields.add
    keys = {
        "long": add("partner", FieldSpec("Notes for board", "longtext")).id,
        "staff": add("partner", FieldSpec("Staff", "number")).id,
        "pledge": add("partner", FieldSpec("Pledge", "money")).id,
        "since": add("partner", FieldSpec("Member since", "date")).id,
        "signed": add("partner", FieldSpec("Data sharing signed", "yesno")).id,
        "areas": add(
            "partner", FieldSpec("Audiences", "choices", choices=("Children", "Adults"))
        ).id,
        "link": add("partner", FieldSpec("Parent body", "link", link_kind="partner")).id,
    }
    parent = services.partners.create({"name": "Parent Trust", "partner_type": "charity"}).id
    made = services.partners.create(
        {
            "name": "Child Trust",
            "partner_type": "company",
            f"cf_{keys['long']}": "Line one\nLine two",
            f"cf_{keys['staff']}": "12",
            f"cf_{keys['pledge']}": "£1,500",
            f"cf_{keys['since']}": "01/04/2024",
            f"cf_{keys['signed']}": "yes",
            f"cf_{keys['areas']}": "adults; children",
            f"cf_{keys['link']}": "parent trust",
        }
    ).id
    got = services.partners.get(made)
    assert got[f"cf_{keys['long']}"] == "Line one\nLine two"
    assert got[f"cf_{keys['staff']}"] == Decimal("12")
    assert got[f"cf_{keys['pledge']}"] == Decimal("1500.00")
    assert got[f"cf_{keys['since']}"] == dt.date(2024, 4, 1)
    assert got[f"cf_{keys['signed']}"] is True
    assert got[f"cf_{keys['areas']}"] == ["Children", "Adults"]
    assert got[f"cf_{keys['link']}"] == parent


def test_lists_show_sort_and_filter_by_a_field_and_a_saved_view_keeps_it(db: Database) -> None:
    services = Services(db)
    number, tier = _fields(services)
    for name, level in (("Alpha", "Silver"), ("Beta", "Gold"), ("Gamma", None), ("Delta", "Gold")):
        values = {"name": name, "partner_type": "company"}
        if level:
            values[tier] = level
        services.partners.create(values)
    with db.read() as session:
        partners = full_record_list(session, "partner")
        gold = ListState(filters={tier: "Gold"}, sort_key="name")
        names = [partners.rows(session, [i])[i][0] for i in partners.ids(session, gold)]
        assert names == ["Beta", "Delta"]
        by_tier = partners.ids(session, ListState(sort_key=tier))
        tiers = [
            partners.rows(session, [i])[i][partners.columns.index(partners.column(tier))]
            for i in by_tier
        ]
        assert tiers == ["Gold", "Gold", "Silver", None]  # empty ones last
        assert partners.column(number).label == "Charity number"
        assert not partners.column(number).shown  # until chosen in the column chooser
    views = SavedViewService(db)
    view_id = views.save(
        "partner", "Gold partners", {"filters": {tier: "Gold"}, "columns": ["name", tier]}
    )
    assert views.get(view_id).definition["filters"] == {tier: "Gold"}


def test_setting_and_clearing_is_history_and_a_removed_field_stays_readable(db: Database) -> None:
    services = Services(db)
    _number, tier = _fields(services)
    made = services.partners.create({"name": "Acme", "partner_type": "company", tier: "Gold"}).id
    services.partners.update(made, {tier: None})
    history = HistoryService(db)
    field_id = int(tier[3:])
    services.custom_fields.remove(field_id)
    assert tier not in services.partners.get(made)  # off the form
    entries = history.for_record("partner", made)
    changes = [(c.label, c.old, c.new) for e in entries for c in e.changes if c.field == tier]
    assert ("Tier", "Gold", None) in changes and ("Tier", None, "Gold") in changes
    services.custom_fields.put_back(field_id)  # undo of the removal: the field and values
    services.partners.update(made, {tier: "Bronze"})
    assert services.partners.get(made)[tier] == "Bronze"


def test_setting_one_field_on_many_records_is_one_undoable_action(db: Database) -> None:
    services = Services(db)
    _number, tier = _fields(services)
    ids = [
        services.partners.create({"name": f"P{i}", "partner_type": "company"}).id for i in range(20)
    ]
    services.partners.update(ids[0], {tier: "Bronze"})
    change = services.custom_fields.set_on_many(int(tier[3:]), ids, "silver")
    assert {services.partners.get(i)[tier] for i in ids} == {"Silver"}
    services.custom_fields.restore_values(int(tier[3:]), change.before["values"])
    assert services.partners.get(ids[0])[tier] == "Bronze"
    assert services.partners.get(ids[1])[tier] is None


def test_deleting_a_record_takes_its_values_and_undo_brings_them_back(db: Database) -> None:
    services = Services(db)
    _number, tier = _fields(services)
    made = services.partners.create({"name": "Acme", "partner_type": "company", tier: "Gold"}).id
    deleted = services.partners.delete(made)
    assert services.custom_fields.values("partner", [made]) == {made: {tier: None, _number: None}}
    assert deleted.snapshot is not None
    services.partners.restore(deleted.snapshot)
    assert services.partners.get(made)[tier] == "Gold"


def test_a_field_name_is_one_per_kind_and_choices_are_needed(db: Database) -> None:
    services = Services(db)
    _fields(services)
    with pytest.raises(ValidationError) as refused:
        services.custom_fields.add("partner", FieldSpec("tier", "text"))
    assert refused.value.field_errors == {"label": "There is already a field called “tier” here."}
    with pytest.raises(ValidationError) as refused:
        services.custom_fields.add("contact", FieldSpec("Level", "choice"))
    assert refused.value.field_errors == {"choices": "List the choices, one per line."}
    services.custom_fields.add("contact", FieldSpec("Tier", "text"))  # another kind: fine


def test_the_list_export_and_the_partner_summary_carry_the_fields(
    db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    number, tier = _fields(services)
    staff = f"cf_{services.custom_fields.add('partner', FieldSpec('Staff', 'number')).id}"
    made = services.partners.create(
        {
            "name": "Northlight",
            "partner_type": "charity",
            number: "1234567",
            tier: "Silver",
            staff: "2.5",
        }
    ).id
    partners = services.custom_fields.record_list("partner")
    columns = [partners.column(k) for k in ("name", number, tier, staff)]
    target = tmp_path / "partners.csv"
    export_view(db, partners, partners.initial_state(), columns, target)
    lines = target.read_text("utf-8-sig").splitlines()
    assert lines == ["Name,Charity number,Tier,Staff", "Northlight,1234567,Silver,2.5"]
    summary = gather_partner_summary(db, made)
    assert summary.own_fields == [
        ("Charity number", "1234567"),
        ("Tier", "Silver"),
        ("Staff", "2.5"),
    ]


def test_search_finds_a_record_by_the_text_of_its_own_fields(db: Database) -> None:
    services = Services(db)
    number, tier = _fields(services)
    made = services.partners.create(
        {"name": "Northlight", "partner_type": "charity", number: "XK-99871", tier: "Bronze"}
    ).id
    search = SearchService(db)
    assert [(h.entity, h.record_id) for h in search.search("XK-99871")] == [("partner", made)]
    services.partners.update(made, {number: "QZ-31337"})
    assert search.search("XK-99871") == []
    assert [h.record_id for h in search.search("QZ-31337")] == [made]
    services.custom_fields.remove(int(number[3:]))  # a removed field's text is not found
    assert search.search("QZ-31337") == []


def test_sorting_by_a_field_in_index_order_gives_the_same_rows_as_sorting_by_its_values(
    db: Database,
) -> None:
    """An unfiltered list sorted by its own field reads the value index in order (a million
    interactions): every window, both ways, from either end, is what sorting gives."""
    services = Services(db)
    _number, tier = _fields(services)
    staff = services.custom_fields.add("partner", FieldSpec("Staff", "number")).id
    for i in range(23):
        values: dict[str, object] = {"name": f"P{i:02}", "partner_type": "company"}
        if i % 3:
            values[tier] = ("Gold", "Silver", "Bronze")[i % 4 % 3]
        if i % 2:
            values[f"cf_{staff}"] = str(i % 5)
        services.partners.create(values)
    partners = services.custom_fields.record_list("partner")
    plain = dataclasses.replace(
        partners,
        columns=tuple(dataclasses.replace(c, index_order=None) for c in partners.columns),
    )
    with db.read() as session:
        for key in (tier, f"cf_{staff}"):
            assert partners.column(key).index_order is not None
            for descending in (False, True):
                state = ListState(sort_key=key, descending=descending)
                expected = plain.ids(session, state)
                assert partners.ids(session, state) == expected
                for offset, limit in ((0, 5), (5, 10), (12, 11), (20, 50), (30, 5)):
                    window = partners.ids(session, state, limit=limit, offset=offset)
                    assert window == expected[offset : offset + limit]
                    tail = partners.ids(session, state, limit=limit, offset=offset, from_end=True)
                    assert tail == expected[::-1][offset : offset + limit]


def test_a_long_text_column_shows_and_sorts_by_its_start(db: Database) -> None:
    services = Services(db)
    notes = f"cf_{services.custom_fields.add('partner', FieldSpec('Board notes', 'longtext')).id}"
    long_one = "zebra crossing " + "x" * 900
    for name, text in (("A", long_one), ("B", "apple pie"), ("C", None)):
        values = {"name": name, "partner_type": "company"}
        if text:
            values[notes] = text
        services.partners.create(values)
    partners = services.custom_fields.record_list("partner")
    at = partners.columns.index(partners.column(notes))
    with db.read() as session:
        ids = partners.ids(session, ListState(sort_key=notes))
        shown = [partners.rows(session, [i])[i][at] for i in ids]
    assert shown == ["apple pie", long_one[:500], None]
    assert services.partners.get(ids[1])[notes] == long_one  # the form has all of it
