"""Field declarations and validation shared by forms, services and importers.

Each entity service declares its editable fields once; the same declaration drives the
form's labels, the validation messages shown beside the fields, and the importers'
column mapping. Values may arrive typed (from a form) or as text (from the command line or a
spreadsheet), so every parser accepts both.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from brokerdesk.core import money
from brokerdesk.core.errors import ValidationError

FieldKind = Literal["text", "longtext", "choice", "date", "int", "decimal", "bool", "email", "url"]

# Zero-width characters and NUL (which PostgreSQL refuses in text) never belong in a value;
# the joiners only where they join: emoji (👨‍👩‍👧) and letters of scripts that need them (Persian).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\x00"), None)
_JOINERS = re.compile("[\u200c\u200d]")
INT_LIMIT = 2**31 - 1
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2007]+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TRUE = {"yes", "y", "true", "t", "1", "x", "✓"}
_FALSE = {"no", "n", "false", "f", "0", ""}


@dataclass(frozen=True)
class Field:
    """One editable field of an entity.

    Attributes:
        name: the model attribute.
        label: what the user reads ("Relationship owner").
        kind: how the value is parsed and which editor a form uses.
        required: refuse an empty value.
        choices: stored value -> label, for ``choice`` fields.
        max_length: for text fields, the column's width.
        minimum: for numbers, the smallest allowed value.
        currency_field: for an amount, the field that holds its currency ("currency"): an
            amount typed with another currency's sign is refused, and one typed with a sign
            when no currency is given sets it.
    """

    name: str
    label: str
    kind: FieldKind = "text"
    required: bool = False
    choices: Mapping[str, str] | None = None
    max_length: int | None = None
    minimum: int | None = None
    currency_field: str | None = None


def _joiner(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    kinds = unicodedata.category(before), unicodedata.category(after)
    if match.group() == "\u200d" and (kinds[0] in ("So", "Sk") or before == "\ufe0f"):
        return match.group() if kinds[1] == "So" else ""  # inside an emoji sequence
    letters = kinds[0][0] in "LM" and kinds[1][0] == "L"
    return match.group() if letters and not (before.isascii() or after.isascii()) else ""


def clean_text(value: str) -> str:
    """Trim, collapse runs of spaces (no-break ones too) and drop invisible characters."""
    text = unicodedata.normalize("NFC", value).translate(_INVISIBLE)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINERS.sub(_joiner, text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(lines).strip()


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(text)


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse(field: Field, value: Any) -> Any:
    if field.kind == "bool":
        return parse_bool(value)
    if _is_empty(value):
        return None
    if field.kind in ("text", "longtext", "url", "email", "choice"):
        text = clean_text(str(value))
        if field.kind == "email":
            text = re.sub(r"^mailto:", "", text, flags=re.IGNORECASE).strip()
            if not _EMAIL.match(text):
                raise ValueError("not an email address")
        if field.kind == "choice" and field.choices is not None:
            text = _choice(field, text)
        return text or None
    if field.kind == "date":
        return parse_date(value)
    if field.kind == "int":
        if isinstance(value, bool):
            raise ValueError(value)
        number = int(str(value).replace(",", "").strip())
        if abs(number) > INT_LIMIT:
            raise ValueError("too large")
        return number
    if field.kind == "decimal":
        return money.amount_of(value)
    raise AssertionError(field.kind)


def _choice(field: Field, text: str) -> str:
    assert field.choices is not None
    if text in field.choices:
        return text
    lowered = text.lower().replace(" ", "_").replace("-", "_")
    for stored, label in field.choices.items():
        if lowered in (stored.lower(), label.lower().replace(" ", "_")):
            return stored
    raise ValueError("not a choice")


def _message(field: Field, value: Any) -> str:
    if field.kind == "date":
        return f"{field.label}: '{value}' is not a date (use YYYY-MM-DD or DD/MM/YYYY)."
    if field.kind == "int":
        return f"{field.label}: '{value}' is not a whole number (up to {INT_LIMIT:,})."
    if field.kind == "decimal":
        return f"{field.label}: {money.problem(value)}"
    if field.choices is money.CURRENCY_LABELS:
        return f"{field.label}: {money.problem_with_currency(value)}"
    if field.kind == "bool":
        return f"{field.label}: '{value}' is not yes or no."
    if field.kind == "email":
        return f"{field.label}: '{value}' is not an email address."
    if field.kind == "choice" and field.choices:
        allowed = ", ".join(field.choices.values())
        return f"{field.label}: '{value}' is not one of {allowed}."
    return f"{field.label}: '{value}' is not valid."


def validate(
    fields: Iterable[Field], values: Mapping[str, Any], *, partial: bool = False
) -> dict[str, Any]:
    """Parse and check ``values`` against ``fields``.

    Args:
        fields: the entity's declarations.
        values: field name -> value, typed or text. Unknown names are refused.
        partial: an update; only the given fields are checked and returned.

    Raises:
        ValidationError: with one message per failing field.
    """
    declared = {f.name: f for f in fields}
    errors: dict[str, str] = {}
    for name in values:
        if name not in declared:
            errors[name] = f"'{name}' is not a field that can be set here."
    cleaned: dict[str, Any] = {}
    for field in declared.values():
        if field.name not in values:
            if not partial and field.required:
                errors[field.name] = f"{field.label} is required."
            continue
        raw = values[field.name]
        try:
            value = _parse(field, raw)
        except (ValueError, InvalidOperation, TypeError):
            errors[field.name] = _message(field, raw)
            continue
        if value is None and field.required:
            errors[field.name] = f"{field.label} is required."
            continue
        if isinstance(value, str) and field.max_length and len(value) > field.max_length:
            errors[field.name] = f"{field.label} is longer than {field.max_length} characters."
            continue
        if field.minimum is not None and isinstance(value, int | Decimal) and value < field.minimum:
            errors[field.name] = f"{field.label} cannot be less than {field.minimum}."
            continue
        cleaned[field.name] = value
    for field in declared.values():
        if field.currency_field and isinstance(values.get(field.name), str):
            _check_currency_typed(field, values, cleaned, errors)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_currency_typed(
    field: Field, values: Mapping[str, Any], cleaned: dict[str, Any], errors: dict[str, str]
) -> None:
    """ "€5,000" in a pounds agreement is refused; with no currency given, it says euros."""
    assert field.currency_field is not None
    if field.name in errors or field.currency_field in errors:
        return
    try:
        _amount, named = money.read_amount(values[field.name])
    except money.AmountError:
        return
    if named is None:
        return
    given = cleaned.get(field.currency_field)
    if field.currency_field not in values:
        cleaned[field.currency_field] = named
    elif given is not None and given != named:
        errors[field.name] = (
            f"{field.label}: '{values[field.name].strip()}' is in {named}, but the currency "
            f"chosen is {given}: type the number alone, or change the currency."
        )


def check_date_order(
    values: Mapping[str, Any],
    start: str = "start_date",
    end: str = "end_date",
    message: str = "The end date is before the start date.",
) -> None:
    first, last = values.get(start), values.get(end)
    if isinstance(first, dt.date) and isinstance(last, dt.date) and last < first:
        raise ValidationError({end: message})
