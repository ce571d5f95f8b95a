"""Money: amounts read the UK way, written in their own currency, never added across currencies.

Every list, page, form, report, export and import asks this module, so an amount reads the
same everywhere and a euro grant never turns into pounds.

Currencies: the ISO 4217 codes in :data:`CURRENCIES`, pounds (GBP) first. An amount with no
currency of its own (a programme's budget, a money field of the team's own) is in pounds.

Writing (:func:`format_money`): the currency's sign, then the amount with commas between
thousands and two places: "£5,000.00", "€5,000.00", "US$5,000.00", "-£20.00". A currency
with no sign of its own is written by its code and a space: "CHF 5,000.00".

Reading (:func:`parse_amount`), UK first: digits with a point and at most two places; commas
(or spaces) between groups of three ("5,000", "5 000"); a sign or a code before or after the
number ("£5,000.50", "GBP 100", "100 EUR"); a minus before or after the sign ("-£20",
"£-20") or accountants' brackets ("(20.00)"). Refused, each with a sentence saying what to
type instead: nothing, words, shorthand ("5k", "£2m": write it in full), the continental
"1.234,56" or "5,00" and "5.000" (three places: is it five, or five thousand?), "$" alone
(which dollars?), two currencies at once, and anything beyond :data:`AMOUNT_LIMIT`.

Totals (:class:`Totals`): one sum per currency, pounds first, then by code:
"£12,000.00 + €5,000.00".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

HOME = "GBP"
AMOUNT_LIMIT = Decimal("9999999999.99")  # Numeric(12, 2): ten digits before the point
PENNY = Decimal("0.01")


@dataclass(frozen=True)
class Currency:
    """A currency the app offers: its ISO 4217 code, its name and the sign written before an
    amount ("" when it has none of its own: the code is written instead)."""

    code: str
    name: str
    sign: str = ""


CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("GBP", "pound sterling", "£"),
        Currency("EUR", "euro", "€"),
        Currency("USD", "US dollar", "US$"),
        Currency("CAD", "Canadian dollar", "CA$"),
        Currency("AUD", "Australian dollar", "A$"),
        Currency("NZD", "New Zealand dollar", "NZ$"),
        Currency("CHF", "Swiss franc"),
        Currency("SEK", "Swedish krona"),
        Currency("NOK", "Norwegian krone"),
        Currency("DKK", "Danish krone"),
        Currency("PLN", "Polish złoty"),
        Currency("CZK", "Czech koruna"),
        Currency("HKD", "Hong Kong dollar", "HK$"),
        Currency("SGD", "Singapore dollar", "S$"),
        Currency("INR", "Indian rupee", "₹"),
        Currency("ZAR", "South African rand"),
    )
}
# What a form's currency list shows: "GBP – pound sterling (£)".
CURRENCY_LABELS: dict[str, str] = {
    c.code: f"{c.code} – {c.name}" + (f" ({c.sign})" if c.sign else "") for c in CURRENCIES.values()
}
_BY_SIGN = {c.sign: c.code for c in CURRENCIES.values() if c.sign}
_SIGNS = sorted(_BY_SIGN, key=len, reverse=True)  # "US$" before "$" would match
_MARK = "|".join([re.escape(s) for s in _SIGNS] + ["[A-Za-z]{3}", r"\$"])
_LEAD = re.compile(rf"^(?:{_MARK})")
_TAIL = re.compile(rf"(?:{_MARK})$")
_DIGITS = re.compile(r"^\d[\d., ]*$", re.ASCII)  # ASCII: "٣" is no amount of pounds
LONGEST = 40  # characters: the largest amount, signed, spaced and with its code, fits
_UK = re.compile(
    r"^\d{1,3}(?:(?P<sep>[, ])\d{3})?(?:(?P=sep)\d{3})*(?:\.\d{1,2})?$"  # 1,234,567.89
    r"|^\d+(?:\.\d{1,2})?$",  # 1234567.89
    re.ASCII,
)
_SHORTHAND = re.compile(r"^[-−(]?\s*\D{0,3}\s*[\d.,]+\s*(?:k|m|bn|mn)\)?$", re.IGNORECASE)
_SPACES = re.compile(r"[\u00a0\u202f\u2009\u2007]")


class AmountError(ValueError):
    """An amount or currency that cannot be read; ``str(error)`` is the sentence to show."""


class CurrencyError(AmountError):
    """A currency code the app does not offer."""


def check_currency(text: object) -> str:
    """The offered ISO 4217 code ``text`` names ("gbp" -> "GBP").

    Raises:
        CurrencyError: not a code the app offers, with a sentence saying which are.
    """
    code = str(text or "").strip().upper()
    if code in CURRENCIES:
        return code
    offered = ", ".join(CURRENCIES)
    raise CurrencyError(
        f"'{str(text or '').strip()}' is not a currency BrokerDesk offers: give its "
        f"three-letter code, one of {offered}."
    )


def read_amount(text: str) -> tuple[Decimal, str | None]:
    """The amount ``text`` says, and the currency it names (None when it names none).

    Raises:
        AmountError: the text is not an amount by the rules above; the sentence says why.
    """
    typed = _SPACES.sub(" ", str(text)).strip()
    if not typed:
        raise AmountError("Type an amount, such as 5,000 or £5,000.50.")
    not_amount = f"'{typed}' is not an amount: type digits, such as 5,000 or £5,000.50."
    if len(typed) > LONGEST:
        raise AmountError(not_amount)
    negative, marks, number = _parts(typed)
    if _SHORTHAND.match(number):
        raise AmountError(f"'{typed}': write the amount in full, such as 5,000 rather than 5k.")
    if not _DIGITS.match(number):
        raise AmountError(not_amount)
    named = [_currency_of(mark, typed) for mark in marks]
    if len(named) > 1:
        raise AmountError(f"'{typed}' names more than one currency: give only one.")
    if not _UK.match(number):
        raise AmountError(_not_uk(typed, number))
    try:
        amount = Decimal(number.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        raise AmountError(_not_uk(typed, number)) from None
    if amount > AMOUNT_LIMIT:
        raise AmountError(f"'{typed}' is more than BrokerDesk can hold (£{AMOUNT_LIMIT:,}).")
    amount = (-amount if negative else amount).quantize(PENNY)
    return amount, (named[0] if named else None)


def parse_amount(text: str, currency: str | None = None) -> Decimal:
    """The amount ``text`` says ("£5,000" -> Decimal("5000.00")).

    Args:
        text: what the user typed.
        currency: the currency the amount must be in; a text naming another is refused.

    Raises:
        AmountError: a ValueError whose message is a sentence to show the user.
    """
    amount, named = read_amount(text)
    if currency is not None and named is not None and named != currency:
        raise AmountError(
            f"'{str(text).strip()}' is in {named}, but this amount is in {currency}: "
            "type the number alone, or change the currency."
        )
    return amount


def amount_of(value: object, currency: str | None = None) -> Decimal:
    """An amount typed (a number from a spreadsheet cell) or as text (a form), to the penny.

    Raises:
        AmountError: see :func:`parse_amount`.
    """
    if isinstance(value, bool):
        raise AmountError(f"'{value}' is not an amount: type digits, such as 5,000.")
    if isinstance(value, Money):
        if currency is not None and value.currency != currency:
            raise AmountError(f"{value} is in {value.currency}, but this amount is in {currency}.")
        value = value.amount
    if isinstance(value, Decimal | int | float):
        amount = Decimal(value)
        if not amount.is_finite() or abs(amount) > AMOUNT_LIMIT:
            raise AmountError(f"'{value}' is more than BrokerDesk can hold (£{AMOUNT_LIMIT:,}).")
        return amount.quantize(PENNY)
    return parse_amount(str(value), currency)


def problem(value: object, currency: str | None = None) -> str:
    """The sentence that says why ``value`` is not an amount (forms and imports show it)."""
    try:
        amount_of(value, currency)
    except AmountError as exc:
        return str(exc)
    return f"'{value}' is not an amount: type digits, such as 5,000 or £5,000.50."


def problem_with_currency(value: object) -> str:
    """The sentence that says why ``value`` is not a currency the app offers."""
    try:
        check_currency(value)
    except CurrencyError as exc:
        return str(exc)
    return f"'{value}' is not a currency BrokerDesk offers."


def _parts(typed: str) -> tuple[bool, list[str], str]:
    """Whether ``typed`` is negative, the currency marks around its number, and the number:
    "-£20" and "£-20", "(20.00)", "GBP 100", "100 EUR"."""
    body, negative, marks = typed, False, []
    if body.startswith("(") and body.endswith(")"):
        body, negative = body[1:-1].strip(), True
    for _side in ("before the mark", "after it"):
        if body[:1] in ("-", "−") and not negative:
            body, negative = body[1:].lstrip(), True
        lead = _LEAD.match(body)
        if lead is not None:
            marks.append(lead.group())
            body = body[lead.end() :].lstrip()
    tail = _TAIL.search(body)
    if tail is not None and tail.start() > 0:
        marks.append(tail.group())
        body = body[: tail.start()].rstrip()
    return negative, marks, body


def _currency_of(mark: str, typed: str) -> str:
    if mark == "$":
        raise AmountError(
            f"'{typed}': say which dollars, such as US$, CA$ or A$ (or the code: USD)."
        )
    if mark in _BY_SIGN:
        return _BY_SIGN[mark]
    return check_currency(mark)


def _not_uk(typed: str, number: str) -> str:
    if re.search(r"\.\d{3}(?!\d)", number) or re.search(r",\d{1,2}$", number):
        return (
            f"'{typed}': write amounts the UK way, with commas between thousands and a point "
            "before the pence, such as 1,234.56."
        )
    if re.search(r"\.\d{3,}$", number):
        return f"'{typed}': an amount has at most two places after the point, such as 5.50."
    return f"'{typed}' is not an amount: type digits, such as 5,000 or £5,000.50."


def format_money(amount: Decimal | float | int | None, currency: str | None = None) -> str:
    """ "£5,000.00", "€5,000.00", "US$5,000.00", "-£20.00", "CHF 5,000.00"; "" for None."""
    if amount is None:
        return ""
    value = Decimal(amount).quantize(PENNY)
    code = (currency or HOME).upper()
    found = CURRENCIES.get(code)
    mark = found.sign if found and found.sign else f"{code} "
    minus = "-" if value < 0 else ""
    return f"{minus}{mark}{abs(value):,.2f}"


def excel_format(currency: str | None = None) -> str:
    """A spreadsheet number format that writes the currency's sign: '"€"#,##0.00'."""
    code = (currency or HOME).upper()
    found = CURRENCIES.get(code)
    mark = found.sign if found and found.sign else f"{code} "
    return f'"{mark}"#,##0.00'


def currency_order(code: str | None) -> tuple[int, str]:
    """Pounds first, then the other currencies by code (totals, and sorting a money column)."""
    code = code or HOME
    return (0 if code == HOME else 1, code)


@dataclass(frozen=True)
class Money:
    """An amount in its currency: how every list, page and report carries a value."""

    amount: Decimal
    currency: str = HOME

    def __str__(self) -> str:
        return format_money(self.amount, self.currency)


@dataclass(frozen=True)
class Totals:
    """Sums kept apart by currency, pounds first: "£12,000.00 + €5,000.00"."""

    amounts: tuple[Money, ...] = ()

    @classmethod
    def of(cls, items: Iterable[Money | Decimal | int | float | None]) -> Totals:
        """The sums of ``items`` (a bare number counts as pounds; None as nothing)."""
        sums: dict[str | None, Decimal | None] = {}
        for item in items:
            if item is None:
                continue
            money = item if isinstance(item, Money) else Money(Decimal(item))
            sums[money.currency] = (sums.get(money.currency) or Decimal(0)) + money.amount
        return cls.from_mapping(sums)

    @classmethod
    def from_mapping(cls, sums: Mapping[str | None, Decimal | None]) -> Totals:
        merged: dict[str, Decimal] = {}
        for code, amount in sums.items():
            if amount is not None:
                key = code or HOME
                merged[key] = merged.get(key, Decimal(0)) + Decimal(amount)
        ordered = sorted(merged.items(), key=lambda item: currency_order(item[0]))
        return cls(tuple(Money(amount, code) for code, amount in ordered))

    def __add__(self, other: Totals) -> Totals:
        return Totals.of([*self.amounts, *other.amounts])

    def __bool__(self) -> bool:
        return bool(self.amounts)

    def single(self) -> Money | None:
        """The one sum when every amount shares a currency (None when there are several)."""
        return self.amounts[0] if len(self.amounts) == 1 else None

    def __str__(self) -> str:
        return " + ".join(str(m) for m in self.amounts)
