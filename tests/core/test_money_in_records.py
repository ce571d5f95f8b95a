"""Amounts stored with their currency: typed on a form, listed, sorted, grouped and exported
in it, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.display import display
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.exporting.grouped import export_grouped
from brokerdesk.core.exporting.view import export_view
from brokerdesk.core.grouping import group_ids, groups, totals
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.money import Money
from brokerdesk.core.services import Services
from brokerdesk.core.services.bulk_edit import BulkEdit
from brokerdesk.core.services.custom_columns import full_record_list
from brokerdesk.core.services.field_settings import FieldSpec

pytestmark = pytest.mark.both_backends


def _agreements(services: Services) -> dict[str, int]:
    """Three agreements in pounds and one in euros, with two partners."""
    arts = services.partners.create({"name": "Lantern Arts Fund"}).id
    books = services.partners.create({"name": "Open Book Trust"}).id
    made = {}
    for title, partner, value, currency, status in (
        ("Poetry MoU", arts, "£7,000", "GBP", "active"),
        ("Libraries Week", arts, "€5,000", "EUR", "active"),
        ("Reading Ahead", books, "5,000", "GBP", "active"),
        ("Old pilot", books, None, "GBP", "draft"),
    ):
        values = {"title": title, "partner_id": partner, "currency": currency, "status": status}
        if value is not None:
            values["value"] = value
        made[title] = services.agreements.create(values).id
    return made


def test_a_form_keeps_the_amount_in_the_currency_chosen(db: Database) -> None:
    services = Services(db)
    made = _agreements(services)
    saved = services.agreements.get(made["Libraries Week"])
    assert (saved["value"], saved["currency"]) == (Decimal("5000.00"), "EUR")
    partner = saved["partner_id"]
    cases = {
        "€5,000": "is in EUR, but the currency chosen is GBP",
        "€1.234,56": "write amounts the UK way",
        "5k": "write the amount in full",
        "lots": "is not an amount",
    }
    for typed, why in cases.items():
        with pytest.raises(ValidationError) as refused:
            services.agreements.create(
                {"title": "Wrong", "partner_id": partner, "currency": "GBP", "value": typed}
            )
        assert why in refused.value.field_errors["value"], typed
        assert refused.value.field_errors["value"].startswith("Value: ")
    # a renewal's value is in the agreement's own currency
    euros = made["Libraries Week"]
    with pytest.raises(ValidationError) as refused:
        services.agreements.renew(euros, {"end_date": "2030-01-01", "value": "£6,000"})
    assert "is in GBP, but this amount is in EUR" in refused.value.field_errors["value"]
    services.agreements.renew(euros, {"end_date": "2030-01-01", "value": "€6,000"})
    assert services.agreements.get(euros)["value"] == Decimal("6000.00")
    with pytest.raises(ValidationError) as refused:
        services.grants.create(
            {"title": "Odd", "partner_id": partner, "currency": "XYZ", "amount": "10"}
        )
    assert "'XYZ' is not a currency BrokerDesk offers" in refused.value.field_errors["currency"]


def test_the_agreements_list_shows_and_sorts_each_amount_in_its_currency(db: Database) -> None:
    made = _agreements(Services(db))
    the_list = record_list("agreement")
    value = the_list.column("value")
    state = ListState(sort_key="value")
    with db.read() as session:
        ids = the_list.ids(session, state)
        rows = the_list.rows(session, ids)
        shown = [display(rows[i][the_list.columns.index(value)], value.kind) for i in ids]
        # pounds first, by amount within each currency; no value last
        assert shown == ["£5,000.00", "£7,000.00", "€5,000.00", ""]
        state.descending = True  # the other way round, the empty one still last
        assert the_list.ids(session, state) == [*reversed(ids[:3]), ids[3]]
    assert ids[2] == made["Libraries Week"]


def test_group_by_totals_each_currency_apart(db: Database) -> None:
    _agreements(Services(db))
    the_list = record_list("agreement")
    state = the_list.initial_state()
    with db.read() as session:
        by_partner = {g.label: g for g in groups(session, the_list, state, "partner")}
        assert str(by_partner["Lantern Arts Fund"].sums["value"]) == "£7,000.00 + €5,000.00"
        assert str(by_partner["Open Book Trust"].sums["value"]) == "£5,000.00"
        found = list(by_partner.values())
        assert display(totals(found).sums["value"], "money") == "£12,000.00 + €5,000.00"
        # grouped by the amount itself, €5,000 and £5,000 are two groups
        by_value = groups(session, the_list, state, "value")
        assert [(g.label, g.count) for g in by_value] == [
            ("£5,000.00", 1),
            ("£7,000.00", 1),
            ("€5,000.00", 1),
            ("(none)", 1),
        ]
        euros = by_value[2]
        assert len(group_ids(session, the_list, state, "value", euros.value)) == 1


def test_exports_write_a_number_with_its_currency(db: Database, tmp_path: Path) -> None:
    _agreements(Services(db))
    the_list = record_list("agreement")
    columns = [the_list.column("title"), the_list.column("value")]
    state = ListState(sort_key="value")
    out = export_view(db, the_list, state, columns, tmp_path / "agreements.csv")
    assert out == 4
    with (tmp_path / "agreements.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Title", "Value", "Value currency"]
    assert rows[1:] == [
        ["Reading Ahead", "5000.00", "GBP"],
        ["Poetry MoU", "7000.00", "GBP"],
        ["Libraries Week", "5000.00", "EUR"],
        ["Old pilot", "", ""],
    ]
    export_view(db, the_list, state, columns, tmp_path / "agreements.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "agreements.xlsx").active
    assert sheet is not None
    euros = sheet.cell(row=4, column=2)
    assert (euros.value, euros.number_format) == (5000, '"€"#,##0.00')
    assert sheet.cell(row=2, column=2).number_format == '"£"#,##0.00'

    grouped = tmp_path / "by-partner.csv"
    export_grouped(db, the_list, the_list.initial_state(), "partner", columns, grouped)
    with grouped.open(encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    assert ["Subtotal: Lantern Arts Fund (2)", "£7,000.00 + €5,000.00", ""] in lines
    assert ["Subtotal: Open Book Trust (2)", "5000.00", "GBP"] in lines


def test_an_own_money_field_is_in_pounds(db: Database, tmp_path: Path) -> None:
    services = Services(db)
    pledge = services.custom_fields.add("partner", FieldSpec("Pledge", "money")).id
    made = services.partners.create({"name": "Acme", f"cf_{pledge}": "£5,000.50"}).id
    assert services.partners.get(made)[f"cf_{pledge}"] == Decimal("5000.50")
    with db.read() as session:
        the_list = full_record_list(session, "partner")
    columns = [the_list.column("name"), the_list.column(f"cf_{pledge}")]
    export_view(db, the_list, the_list.initial_state(), columns, tmp_path / "pledges.csv")
    with (tmp_path / "pledges.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Name", "Pledge", "Pledge currency"], ["Acme", "5000.50", "GBP"]], (
        "pennies, not the four places the value is stored with"
    )
    with pytest.raises(ValidationError) as refused:
        services.partners.update(made, {f"cf_{pledge}": "€5,000"})
    assert "is in EUR, but this amount is in GBP" in refused.value.field_errors[f"cf_{pledge}"]
    assert display(Money(Decimal("5000.5")), "money") == "£5,000.50"


def test_bulk_edit_previews_an_own_amount_as_lists_show_it(db: Database) -> None:
    services = Services(db)
    pledge = services.custom_fields.add("partner", FieldSpec("Pledge", "money")).id
    made = services.partners.create({"name": "Acme", f"cf_{pledge}": "1000"}).id
    bulk = BulkEdit(db, "partner")
    [line] = bulk.preview([made], {f"cf_{pledge}": "£5,000"})
    assert (line.field, line.old, line.new) == ("Pledge", "£1,000.00", "£5,000.00")
    with pytest.raises(ValidationError) as refused:
        bulk.preview([made], {f"cf_{pledge}": "5.000"})
    assert "write amounts the UK way" in refused.value.field_errors[f"cf_{pledge}"]
