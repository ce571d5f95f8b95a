"""Money: what people type read the UK way (or refused with a sentence), every amount written
in its own currency, and sums kept apart by currency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from brokerdesk.core.money import (
    AmountError,
    CurrencyError,
    Money,
    Totals,
    check_currency,
    format_money,
    parse_amount,
    read_amount,
)

# What people type, and what it means: (text, amount, the currency it names).
READ = [
    ("5000", "5000.00", None),
    ("5,000", "5000.00", None),
    ("5 000", "5000.00", None),
    ("5\u00a0000", "5000.00", None),  # a no-break space, as spreadsheets paste it
    ("1,234,567.89", "1234567.89", None),
    ("5000.5", "5000.50", None),
    ("£5,000.50", "5000.50", "GBP"),
    ("£ 5,000", "5000.00", "GBP"),
    ("-£20", "-20.00", "GBP"),
    ("£-20", "-20.00", "GBP"),
    ("(20.00)", "-20.00", None),
    ("GBP 100", "100.00", "GBP"),
    ("gbp 100", "100.00", "GBP"),
    ("100 EUR", "100.00", "EUR"),
    ("€5,000", "5000.00", "EUR"),
    ("US$1,200", "1200.00", "USD"),
    ("CHF 300", "300.00", "CHF"),
]

# What is refused, and a piece of the sentence that says why.
REFUSED = [
    ("", "Type an amount"),
    ("   ", "Type an amount"),
    ("abc", "is not an amount"),
    ("£5k", "write the amount in full"),
    ("5BN", "write the amount in full"),
    ("٣٠", "is not an amount"),  # Arabic-Indic digits: no amount of pounds
    ("2m", "write the amount in full"),
    ("€1.234,56", "write amounts the UK way"),
    ("5,00", "write amounts the UK way"),
    ("5.000", "write amounts the UK way"),  # five, or five thousand? Neither is guessed
    ("12,34,567", "is not an amount"),
    ("$5", "say which dollars"),
    ("£€5", "more than one currency"),
    ("XYZ 5", "'XYZ' is not a currency BrokerDesk offers"),
    ("99999999999", "more than BrokerDesk can hold"),
    ("1 " * 3000 + "x", "is not an amount"),  # a pasted column, refused at once
]


@pytest.mark.parametrize(("typed", "amount", "currency"), READ)
def test_what_people_type_is_read_the_uk_way(typed: str, amount: str, currency: str) -> None:
    assert read_amount(typed) == (Decimal(amount), currency)


@pytest.mark.parametrize(("typed", "why"), REFUSED)
def test_what_cannot_be_read_is_refused_with_a_sentence(typed: str, why: str) -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount(typed)
    assert isinstance(refused.value, ValueError)  # what the filters helper catches
    assert why in str(refused.value)
    assert str(refused.value).endswith(".")


def test_an_amount_in_another_currency_than_asked_is_refused() -> None:
    assert parse_amount("5,000", "EUR") == Decimal("5000.00")
    assert parse_amount("€5,000", "EUR") == Decimal("5000.00")
    with pytest.raises(AmountError, match="is in EUR, but this amount is in GBP"):
        parse_amount("€5,000", "GBP")


def test_each_amount_is_written_in_its_own_currency() -> None:
    assert format_money(Decimal("5000")) == "£5,000.00"  # no currency: pounds
    assert format_money(Decimal("5000"), "EUR") == "€5,000.00"
    assert format_money(Decimal("5000"), "USD") == "US$5,000.00"
    assert format_money(Decimal("5000"), "CHF") == "CHF 5,000.00"
    assert format_money(Decimal("-20"), "GBP") == "-£20.00"
    assert format_money(None, "EUR") == ""
    assert str(Money(Decimal("1234.5"), "EUR")) == "€1,234.50"


def test_sums_are_kept_apart_by_currency_pounds_first() -> None:
    found = Totals.of(
        [
            Money(Decimal("5000"), "EUR"),
            Money(Decimal("10000"), "GBP"),
            None,
            Decimal("2000"),  # a bare amount is in pounds
            Money(Decimal("1"), "CHF"),
        ]
    )
    assert str(found) == "£12,000.00 + CHF 1.00 + €5,000.00"
    assert found.single() is None
    assert Totals.of([Decimal("3")]).single() == Money(Decimal("3"), "GBP")
    assert str(found + Totals.of([Money(Decimal("1"), "EUR")])).endswith("€5,001.00")
    assert not Totals.of([None])


def test_the_currencies_offered_are_one_list_of_iso_codes() -> None:
    assert check_currency("eur") == "EUR"
    with pytest.raises(CurrencyError, match="one of GBP, EUR, USD"):
        check_currency("E1R")
