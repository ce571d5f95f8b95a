"""Filters by the value of the team's own fields: "Charity number contains 11", "Budget at
least 10,000", "Next review before 1 Sep 2026", "within the next 30 days".

A filter of a text, long text, number, money or date field holds either ``"filled"`` or
``"empty"`` (as it always has), or a condition on the value::

    {"op": "contains", "value": "11"}                 # text: contains, is
    {"op": "at_least", "value": "10000"}              # number, money: at_least, at_most
    {"op": "between", "value": "10000", "to": "50000"}  # number, money, date (both included)
    {"op": "before", "value": "2026-09-01"}           # date: before, after (the day excluded)
    {"op": "next_days", "value": 30}                  # date: within the next / last N days

The values are read as people type them ("10,000", "£10,000.50", "1/9/2026" day first,
"1 Sep 2026", "2026-09-01") by the parsers imports use, and kept in the plain form above, so
a saved view means the same on any machine; :func:`shown` gives them back as a person reads
them. Days are counted from the app's clock (``core.clock``) each time the list is asked.
Nothing here touches the database: the conditions are ``custom_columns``'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from brokerdesk.core import money
from brokerdesk.core.display import display
from brokerdesk.core.importing.loose import read_date, read_number
from brokerdesk.core.services.custom_values import NUMBER_LIMIT, plain_number
from brokerdesk.core.services.fields import clean_text, parse_date

Needs = Literal["nothing", "one", "two", "days"]
# The own field types whose filters compare values (the others offer their choices).
VALUE_KINDS = frozenset({"text", "longtext", "number", "money", "date"})
MAX_DAYS = 36_500
PRESENCE = ("filled", "empty")


@dataclass(frozen=True)
class Operator:
    """One way to compare: its stored key, the words the filter's box shows, what it needs."""

    key: str
    label: str
    needs: Needs


FILLED = Operator("filled", "is filled in", "nothing")
EMPTY = Operator("empty", "is empty", "nothing")
_TEXT = (Operator("contains", "contains", "one"), Operator("is", "is", "one"))
_NUMBER = (
    Operator("at_least", "at least", "one"),
    Operator("at_most", "at most", "one"),
    Operator("between", "between", "two"),
)
_DATE = (
    Operator("before", "before", "one"),
    Operator("after", "after", "one"),
    Operator("between", "between", "two"),
    Operator("next_days", "within the next … days", "days"),
    Operator("last_days", "within the last … days", "days"),
)
OPERATORS: dict[str, tuple[Operator, ...]] = {
    "text": (*_TEXT, FILLED, EMPTY),
    "longtext": (*_TEXT, FILLED, EMPTY),
    "number": (*_NUMBER, FILLED, EMPTY),
    "money": (*_NUMBER, FILLED, EMPTY),
    "date": (*_DATE, FILLED, EMPTY),
}


class FilterValueError(ValueError):
    """What was typed in a filter's box does not fit; ``str()`` is the sentence to show."""


def operator(kind: str, key: str) -> Operator:
    for op in OPERATORS[kind]:
        if op.key == key:
            return op
    raise FilterValueError(f"'{key}' is not a way to filter this field.")


def read_amount(text: str) -> Decimal:
    """An amount of money as typed ("10,000", "£10,000.50", "10 000"), by the app's one money
    parser (:mod:`brokerdesk.core.money`); the team's own money fields are in pounds.

    Raises:
        AmountError: not an amount, or one in another currency; the sentence says why.
    """
    return money.parse_amount(text, money.HOME)


def _decimal(text: str | None, limit: Decimal) -> Decimal:
    try:
        number = Decimal(str(text))
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not number.is_finite() or abs(number) > limit:
        raise ValueError(text)
    return number


def _number(text: str) -> Decimal:
    return _decimal(read_number(text).value, NUMBER_LIMIT)


def _date(text: str) -> dt.date:
    return parse_date(read_date(text).value)


def _problem(kind: str, label: str, text: str) -> FilterValueError:
    if kind == "money":
        return FilterValueError(
            f"{label}: '{text}' is not an amount; type it in full, as 10,000 or £10,000.50."
        )
    if kind == "number":
        return FilterValueError(f"{label}: '{text}' is not a number; type it as 10,000 or 2.5.")
    return FilterValueError(
        f"{label}: '{text}' is not a date; type it day first, as 1/9/2026, 1 Sep 2026 "
        "or 2026-09-01."
    )


def _one(kind: str, label: str, raw: Any) -> str:
    """One typed or stored value in its stored form."""
    text = clean_text(str(raw))
    try:
        if kind == "money":
            return f"{read_amount(text):f}"
        if kind == "number":
            return plain_number(_number(text))
        return _date(text).isoformat()
    except money.AmountError as exc:  # the money parser's own sentence says what to type
        raise FilterValueError(f"{label}: {exc}") from exc
    except (ValueError, InvalidOperation, TypeError) as exc:
        raise _problem(kind, label, text) from exc


def _days(label: str, raw: Any) -> int:
    text = clean_text(str(raw)).replace(",", "")
    if isinstance(raw, bool) or not text.isdigit() or int(text) > MAX_DAYS:
        raise FilterValueError(f"{label}: '{text}' is not a number of days (0 to {MAX_DAYS:,}).")
    return int(text)


def _blank(raw: Any) -> bool:
    return raw is None or not clean_text(str(raw))


def checked(kind: str, label: str, value: Any) -> Any:
    """``value`` (as typed in the boxes, or as a saved view holds it) in its stored form;
    None when a box it needs is still empty (the filter then asks nothing yet).

    Raises:
        FilterValueError: a value that does not fit, in a sentence naming the field.
    """
    if value in PRESENCE:
        return value
    if not isinstance(value, dict) or set(value) - {"op", "value", "to"}:
        raise FilterValueError(
            f"{label}: filter by 'filled', 'empty' or a condition such as "
            '{"op": "at_least", "value": "10000"}.'
        )
    op = operator(kind, str(value.get("op")))
    if op.needs == "nothing":
        return op.key
    first, second = value.get("value"), value.get("to")
    if op.needs == "days":
        return None if _blank(first) else {"op": op.key, "value": _days(label, first)}
    if kind in ("text", "longtext"):
        text = clean_text(str(first or ""))
        return {"op": op.key, "value": text} if text else None
    if _blank(first) or (op.needs == "two" and _blank(second)):
        return None
    low = _one(kind, label, first)
    if op.needs == "one":
        return {"op": op.key, "value": low}
    high = _one(kind, label, second)
    if _ordered(kind, high) < _ordered(kind, low):
        what = "date" if kind == "date" else "amount" if kind == "money" else "number"
        raise FilterValueError(f"{label}: the second {what} is before the first.")
    return {"op": op.key, "value": low, "to": high}


def _ordered(kind: str, stored: str) -> Any:
    return dt.date.fromisoformat(stored) if kind == "date" else Decimal(stored)


def shown(kind: str, value: Any) -> tuple[str, str, str]:
    """A stored filter as its boxes show it: (operator, first box, second box)."""
    if value in PRESENCE:
        return str(value), "", ""
    op = operator(kind, str(value["op"]))
    if op.needs == "days" or kind in ("text", "longtext"):
        return op.key, str(value["value"]), ""
    first = _readable(kind, str(value["value"]))
    second = _readable(kind, str(value["to"])) if op.needs == "two" else ""
    return op.key, first, second


def _readable(kind: str, stored: str) -> str:
    """A stored condition's value as lists show it ("-£20.00", "-0.5", "1 Sep 2026")."""
    if kind == "date":
        day = dt.date.fromisoformat(stored)
        return f"{day.day} {day:%b %Y}"
    return display(Decimal(stored), kind)


def describe(kind: str, label: str, value: Any) -> str:
    """The filter in words: "Budget at least £10,000.00", "Next review is empty"."""
    op_key, first, second = shown(kind, value)
    op = operator(kind, op_key)
    if op.needs == "nothing":
        return f"{label} {op.label}"
    if op.needs == "days":
        return f"{label} {op.label.replace('…', first)}"
    if op.needs == "two":
        return f"{label} between {first} and {second}"
    if kind in ("text", "longtext"):
        return f"{label} {op.label} “{first}”"
    return f"{label} {op.label} {first}"
