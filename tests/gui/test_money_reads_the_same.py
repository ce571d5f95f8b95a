"""A budget reads "£1,000.00" in the programme list, a page's table and the conflict dialog."""

from __future__ import annotations

from decimal import Decimal

from brokerdesk.core.lists import record_list
from brokerdesk.core.money import Money
from brokerdesk.gui.dialogs.conflict import plain
from brokerdesk.gui.models.record_table import format_value
from brokerdesk.gui.models.rows import plain_text


def test_money_reads_the_same_everywhere() -> None:
    budget = record_list("programme").column("budget")
    shown = {
        format_value(budget, Decimal("1000")),
        plain_text(Decimal("1000")),
        plain(Decimal("1000")),
    }
    assert shown == {"£1,000.00"}
    assert plain(2023) == "2023"  # a year in the conflict dialog stays as typed


def test_an_amount_in_euros_reads_in_euros_everywhere() -> None:
    value = record_list("agreement").column("value")
    euros = Money(Decimal("5000"), "EUR")
    assert {format_value(value, euros), plain_text(euros), plain(euros)} == {"€5,000.00"}
