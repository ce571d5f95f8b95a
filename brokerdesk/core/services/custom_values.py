"""The team's own fields on records: definitions, typed values, storage and history.

A custom field belongs to one kind of record. Its values travel beside the record's own
fields under the key ``cf_<id>`` (in a service's ``get``, ``create`` and ``update``, in a
``Change`` and so in undo, in the list's columns and filters, in saved views), so every
place that handles a record's values handles them too. Values are parsed here from what a
form, a spreadsheet or the command line gives (text or typed) and stored one row per field
and record in ``custom_value``, in the column its type sorts by.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from brokerdesk.core import audit, money
from brokerdesk.core import vocabulary as v
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.kinds import KINDS
from brokerdesk.core.models import (
    Base,
    Contact,
    CustomField,
    CustomValue,
    LibraryService,
    Partner,
    Programme,
)
from brokerdesk.core.services.fields import clean_text, parse_bool, parse_date
from brokerdesk.core.stored import json_value

PREFIX = "cf_"
# Kinds of record that carry no fields of the team's own: reference data and the link rows
# between records. Every other registered kind (a new one too) may have them.
NO_OWN_FIELDS = frozenset({"offer_area", "programme_partner"})
CUSTOM_ENTITIES: tuple[str, ...] = tuple(
    key for key, kind in KINDS.items() if kind.service and key not in NO_OWN_FIELDS
)
KIND_LABELS: dict[str, str] = {
    "text": "Text",
    "longtext": "Long text",
    "number": "Number",
    "money": "Money",
    "date": "Date",
    "yesno": "Yes/no",
    "choice": "One choice",
    "choices": "Several choices",
    "link": "Link to a record",
}
# What a link field may point at, and the column that names such a record.
LINK_TITLES: dict[str, Any] = {
    "partner": Partner.name,
    "library_service": LibraryService.nice_name,
    "programme": Programme.name,
    "contact": Contact.full_name,
}
TEXT_LIMIT = 500
LONG_LIMIT = 20_000
NUMBER_LIMIT = Decimal("99999999999999")
# The fixed fields a condition may read (besides another custom field), with their labels.
CONDITION_FIELDS: dict[str, dict[str, tuple[str, Mapping[str, str]]]] = {
    "partner": {
        "partner_type": ("Type", v.PARTNER_TYPE_LABELS),
        "status": ("Status", v.PARTNER_STATUS_LABELS),
    },
    "programme": {"status": ("Status", v.PROGRAMME_STATUS_LABELS)},
    "participation": {"stage": ("Stage", v.STAGE_LABELS)},
    "interaction": {"kind": ("Kind", v.INTERACTION_KIND_LABELS)},
}


@dataclass(frozen=True)
class FieldDefinition:
    """One custom field as the app uses it (read from ``custom_field``)."""

    id: int
    entity: str
    label: str
    kind: str
    required: bool = False
    required_field: str | None = None
    required_value: str | None = None
    choices: tuple[str, ...] = ()
    link_kind: str | None = None
    position: int = 0
    removed: bool = False

    @property
    def key(self) -> str:
        """The name its values travel under ("cf_3")."""
        return f"{PREFIX}{self.id}"

    @property
    def conditional(self) -> bool:
        return bool(self.required_field) and self.required_value is not None


def is_custom_key(name: str) -> bool:
    return name.startswith(PREFIX) and name[len(PREFIX) :].isdigit()


def definition_of(row: CustomField) -> FieldDefinition:
    return FieldDefinition(
        id=row.id,
        entity=row.entity,
        label=row.label,
        kind=row.kind,
        required=row.required,
        required_field=row.required_field,
        required_value=row.required_value,
        choices=tuple(json.loads(row.choices or "[]")),
        link_kind=row.link_kind,
        position=row.position,
        removed=row.removed_at is not None,
    )


def definitions(
    session: Session, entity: str, *, removed: bool = False
) -> tuple[FieldDefinition, ...]:
    """An entity's fields in the order the team arranged them (with ``removed``, those too)."""
    if entity not in CUSTOM_ENTITIES:
        return ()
    stmt = select(CustomField).where(CustomField.entity == entity)
    if not removed:
        stmt = stmt.where(CustomField.removed_at.is_(None))
    stmt = stmt.order_by(CustomField.position, CustomField.id)
    return tuple(definition_of(row) for row in session.scalars(stmt))


# ------------------------------------------------------------------------ typed values
def _empty(value: Any) -> bool:
    return (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (isinstance(value, list | tuple | set | frozenset) and not value)
    )


def _number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(value)
    amount = Decimal(str(value).replace(",", "").strip())
    if not amount.is_finite() or abs(amount) > NUMBER_LIMIT:
        raise ValueError("too large")
    return amount.quantize(Decimal("0.0001"))


def _choice(field: FieldDefinition, text: str) -> str:
    for choice in field.choices:
        if choice.casefold() == text.strip().casefold():
            return choice
    raise ValueError(text)


def _several(field: FieldDefinition, value: Any) -> tuple[str, ...]:
    items = value.split(";") if isinstance(value, str) else list(value)
    if isinstance(value, str) and len(items) == 1:
        items = value.split(",")
    picked = {_choice(field, str(item)) for item in items if str(item).strip()}
    return tuple(c for c in field.choices if c in picked)


def _link(session: Session, field: FieldDefinition, value: Any) -> int:
    title = LINK_TITLES[str(field.link_kind)]
    table = title.class_
    if isinstance(value, int) and not isinstance(value, bool):
        if session.get(table, value) is None:
            raise ValueError(value)
        return value
    text = clean_text(str(value))
    if text.isdigit() and session.get(table, int(text)) is not None:
        return int(text)
    found = list(session.scalars(select(table.id).where(func.lower(title) == text.lower())))
    if len(found) != 1:
        raise ValueError(text)
    return int(found[0])


def parse(session: Session, field: FieldDefinition, value: Any) -> Any:
    """The stored value of ``value`` (typed or text), None when empty.

    Raises:
        ValueError: the value does not fit the field's type (see :func:`problem`).
    """
    if _empty(value):
        return None
    kind = field.kind
    if kind in ("text", "longtext"):
        text = clean_text(str(value))
        limit = TEXT_LIMIT if kind == "text" else LONG_LIMIT
        if len(text) > limit:
            raise ValueError("too long")
        return text or None
    if kind == "number":
        return _number(value)
    if kind == "money":
        return money.amount_of(value, money.HOME)
    if kind == "date":
        return parse_date(value)
    if kind == "yesno":
        return parse_bool(value)
    if kind == "choice":
        return _choice(field, str(value))
    if kind == "choices":
        return list(_several(field, value)) or None
    if kind == "link":
        return _link(session, field, value)
    raise AssertionError(kind)


def problem(field: FieldDefinition, value: Any) -> str:
    """The sentence beside the field when ``value`` does not fit it."""
    label, kind = field.label, field.kind
    if kind in ("text", "longtext"):
        limit = TEXT_LIMIT if kind == "text" else LONG_LIMIT
        return f"{label} is longer than {limit:,} characters."
    if kind == "number":
        return f"{label}: '{value}' is not a number."
    if kind == "money":
        return f"{label}: {money.problem(value, money.HOME)}"
    if kind == "date":
        return f"{label}: '{value}' is not a date (use YYYY-MM-DD or DD/MM/YYYY)."
    if kind == "yesno":
        return f"{label}: '{value}' is not yes or no."
    if kind in ("choice", "choices"):
        return f"{label}: '{value}' is not one of {', '.join(field.choices)}."
    noun = str(field.link_kind or "record").replace("_", " ")
    return f"{label}: no single {noun} is called '{value}'."


def display_value(field: FieldDefinition, value: Any) -> str:
    """A stored value as a person reads it (lists join several choices with commas)."""
    if value is None:
        return ""
    if field.kind == "choices":
        return ", ".join(value)
    if field.kind == "yesno":
        return "Yes" if value else "No"
    if field.kind == "money":
        return money.format_money(Decimal(value))
    if field.kind == "number":
        return plain_number(Decimal(value))
    if isinstance(value, dt.date):
        return value.strftime("%d %b %Y")
    return str(value)


def readable(session: Session, field: FieldDefinition, value: Any) -> str:
    """:func:`display_value`, a link by the linked record's name (pages, summaries)."""
    if field.kind == "link" and value is not None:
        title = LINK_TITLES[str(field.link_kind)]
        name = session.scalar(select(title).where(title.class_.id == value))
        return str(name or "")
    return display_value(field, value)


def plain_number(amount: Decimal) -> str:
    """12 for 12.0000, 2.5 for 2.5000: a number as typed, without the stored places."""
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# ------------------------------------------------------------------------ storage
def _columns(field: FieldDefinition, value: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "text_value": None,
        "long_value": None,
        "number_value": None,
        "date_value": None,
    }
    if field.kind in ("text", "choice"):
        row["text_value"] = value
    elif field.kind == "choices":
        row["text_value"] = ("|" + "|".join(value) + "|")[:TEXT_LIMIT]
    elif field.kind == "longtext":  # its start too, which the list shows and sorts by
        row["long_value"] = value
        row["text_value"] = value[:TEXT_LIMIT]
    elif field.kind == "date":
        row["date_value"] = value
    elif field.kind == "yesno":
        row["number_value"] = Decimal(1 if value else 0)
    else:
        row["number_value"] = Decimal(value)
    return row


def _from_row(field: FieldDefinition, row: Any) -> Any:
    kind = field.kind
    if kind in ("text", "choice"):
        return row.text_value
    if kind == "choices":
        return [c for c in str(row.text_value or "").split("|") if c] or None
    if kind == "longtext":
        return row.long_value
    if kind == "date":
        return row.date_value
    number = row.number_value
    if number is None:
        return None
    number = Decimal(number)
    if kind == "yesno":
        return bool(number)
    if kind == "link":
        return int(number)
    if kind == "money":
        return number.quantize(Decimal("0.01"))
    return number.quantize(Decimal("0.0001"))


def read(
    session: Session, fields: Sequence[FieldDefinition], record_ids: Iterable[int]
) -> dict[int, dict[str, Any]]:
    """Each record's values of ``fields`` (every key present, None when empty)."""
    ids = list(record_ids)
    out: dict[int, dict[str, Any]] = {i: {f.key: None for f in fields} for i in ids}
    if not fields or not ids:
        return out
    by_id = {f.id: f for f in fields}
    rows = session.execute(
        select(CustomValue).where(
            CustomValue.field_id.in_(list(by_id)), CustomValue.record_id.in_(ids)
        )
    ).scalars()
    for row in rows:
        field = by_id[row.field_id]
        out[row.record_id][field.key] = _from_row(field, row)
    return out


def write(session: Session, field: FieldDefinition, record_ids: Iterable[int], value: Any) -> None:
    """Set (or, with None, clear) one field's stored value on records, in bulk."""
    ids = list(record_ids)
    if not ids:
        return
    session.execute(
        delete(CustomValue).where(CustomValue.field_id == field.id, CustomValue.record_id.in_(ids))
    )
    if value is not None:
        columns = _columns(field, value)
        session.execute(
            insert(CustomValue),
            [{"field_id": field.id, "record_id": i, **columns} for i in ids],
        )


# ------------------------------------------------------------------------ checking
def _condition_met(field: FieldDefinition, values: Mapping[str, Any]) -> bool:
    if not field.conditional:
        return field.required
    current = values.get(str(field.required_field))
    wanted = str(field.required_value)
    if isinstance(current, list | tuple):
        return wanted in current
    if isinstance(current, bool):
        return current == (wanted.lower() in ("yes", "true", "1"))
    return current is not None and str(current) == wanted


def condition_text(entity: str, field: FieldDefinition, others: Sequence[FieldDefinition]) -> str:
    """The condition in words: "when Type is Charity" (empty for a plain field)."""
    if not field.conditional:
        return ""
    name, value = str(field.required_field), str(field.required_value)
    fixed = CONDITION_FIELDS.get(entity, {})
    if name in fixed:
        label, labels = fixed[name]
        return f"when {label} is {labels.get(value, value)}"
    for other in others:
        if other.key == name:
            return f"when {other.label} is {value}"
    return f"when {name} is {value}"


def clean(
    session: Session,
    entity: str,
    given: Mapping[str, Any],
    record: Mapping[str, Any],
    *,
    changed: Collection[str] | None,
    fields: tuple[FieldDefinition, ...] | None = None,
) -> tuple[dict[str, Any], tuple[FieldDefinition, ...]]:
    """Parse the custom values in ``given`` and apply the required rules.

    Args:
        given: ``cf_<id>`` -> value as typed or stored.
        record: the record's values after this save (fixed and custom), which a condition
            reads ("required when Type is Charity").
        changed: the fields this save sets (fixed and custom): only fields among them, or
            whose condition reads one of them, are checked for being required; None (a new
            record) checks every field.

        fields: the entity's live fields when the caller has read them already (an
            import, once for the whole file).

    Returns:
        The parsed values and the entity's live fields.

    Raises:
        ValidationError: one sentence per failing field, under its key.
    """
    fields = definitions(session, entity) if fields is None else fields
    by_key = {f.key: f for f in fields}
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for key, raw in given.items():
        field = by_key.get(key)
        if field is None:
            errors[key] = "That field has been removed; reopen the form to see the current ones."
            continue
        try:
            cleaned[key] = parse(session, field, raw)
        except (ValueError, InvalidOperation, TypeError):
            errors[key] = problem(field, raw)
    merged = {**record, **cleaned}
    for field in fields:
        if changed is not None and not (
            field.key in changed or (field.conditional and field.required_field in changed)
        ):
            continue
        if field.key in errors or not _condition_met(field, merged):
            continue
        if _empty(merged.get(field.key)):
            when = condition_text(entity, field, fields)
            errors[field.key] = f"{field.label} is required{' ' + when if when else ''}."
    if errors:
        raise ValidationError(errors)
    return cleaned, fields


def save(
    session: Session,
    obj: Base,
    fields: Sequence[FieldDefinition],
    old: Mapping[str, Any],
    new: Mapping[str, Any],
) -> dict[str, list[Any]]:
    """Stage the history of a save (before its flush): key -> [old, new] as JSON keeps them.

    The audit hook adds these to the record's own event of the flush
    (``core.audit.stage``); :func:`store` writes the values once the record has its id.
    """
    by_key = {f.key: f for f in fields}
    changes: dict[str, list[Any]] = {}
    for key, value in new.items():
        before = old.get(key)
        if before != value and key in by_key:
            changes[key] = [_plain(before), _plain(value)]
    if changes:
        audit.stage(session, obj, changes)
    return changes


def store(
    session: Session, fields: Sequence[FieldDefinition], record_id: int, new: Mapping[str, Any]
) -> None:
    by_key = {f.key: f for f in fields}
    for key, value in new.items():
        if key in by_key:
            write(session, by_key[key], [record_id], value)


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return list(value)
    return json_value(value)
