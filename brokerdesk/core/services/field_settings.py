"""The team's own fields: add, change, remove and put back, and set one on many records.

Definitions live in the database, so on the team server a field one person adds is everyone's.
Each call is one transaction and one line in the history; removing a field keeps it (and its
values, and every record's history of them) so that undo, or :meth:`put_back`, restores it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

import brokerdesk.core.services.custom_values as cf
from brokerdesk.core import audit, clock
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.kinds import KINDS
from brokerdesk.core.lists import RecordList
from brokerdesk.core.models import CustomField, CustomValue
from brokerdesk.core.services.custom_columns import full_record_list
from brokerdesk.core.services.fields import clean_text
from brokerdesk.core.services.records import Change
from brokerdesk.core.stored import json_value

TABLE = "custom_field"
MAX_CHOICES = 60


@dataclass(frozen=True)
class FieldSpec:
    """What the settings dialog (or a script) asks for: a new field, or a field's new form.

    ``required_field``/``required_value`` make it required only when that other field has
    that value ("partner_type", "charity"); ``required`` makes it always required.
    """

    label: str
    kind: str
    required: bool = False
    required_field: str | None = None
    required_value: str | None = None
    choices: tuple[str, ...] = ()
    link_kind: str | None = None


class CustomFieldService:
    """Every kind's custom fields over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ reading
    def fields(self, entity: str, *, removed: bool = False) -> tuple[cf.FieldDefinition, ...]:
        with self.db.read() as session:
            return cf.definitions(session, entity, removed=removed)

    def get(self, field_id: int) -> cf.FieldDefinition:
        with self.db.read() as session:
            return cf.definition_of(_existing(session.get(CustomField, field_id)))

    def record_list(self, entity: str) -> RecordList:
        """The entity's list with a column and a filter for each of its fields."""
        with self.db.read() as session:
            return full_record_list(session, entity)

    def values(self, entity: str, record_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """The records' values of every live field: id -> {"cf_3": value}."""
        with self.db.read() as session:
            return cf.read(session, cf.definitions(session, entity), record_ids)

    def readable(self, entity: str, record_id: int) -> list[tuple[str, str]]:
        """A record's own fields as its page shows them: (label, value as read)."""
        with self.db.read() as session:
            own = cf.definitions(session, entity)
            stored = cf.read(session, own, [record_id])[record_id]
            return [(f.label, cf.readable(session, f, stored[f.key])) for f in own]

    # ------------------------------------------------------------------ defining
    def add(self, entity: str, spec: FieldSpec) -> Change:
        """Add a field at the end of the kind's fields."""
        if entity not in cf.CUSTOM_ENTITIES:
            raise ValidationError({"entity": f"Records of kind '{entity}' cannot have fields."})
        with self.db.write() as session:
            values = _checked(session, entity, spec, None)
            last = session.scalar(
                select(func.max(CustomField.position)).where(CustomField.entity == entity)
            )
            row = CustomField(entity=entity, position=(last or 0) + 1, **values)
            session.add(row)
            session.flush()
            audit.record(
                session, "create", TABLE, _summary(row), row.id, {"label": [None, row.label]}
            )
            return Change(TABLE, "create", (row.id,), after={"entity": entity}, touched=_kind(row))

    def change(self, field_id: int, spec: FieldSpec) -> Change:
        """Rename a field, change its choices or when it is required (not its type)."""
        with self.db.write() as session:
            row = _existing(session.get(CustomField, field_id))
            if spec.kind != row.kind:
                raise ValidationError(
                    {"kind": "A field's type cannot change once it has been made."}
                )
            before = _spec_of(row)
            values = _checked(session, row.entity, spec, row.id)
            for key, value in values.items():
                setattr(row, key, value)
            changes = {
                k: [getattr(before, k), getattr(spec, k)]
                for k in ("label", "required", "required_field", "required_value")
                if getattr(before, k) != getattr(spec, k)
            }
            if before.choices != spec.choices:
                changes["choices"] = [list(before.choices), list(spec.choices)]
            audit.record(session, "update", TABLE, _summary(row), row.id, changes)
            return Change(
                TABLE,
                "update",
                (row.id,),
                before={"spec": before},
                after={"spec": spec},
                touched=_kind(row),
            )

    def move(self, field_id: int, steps: int) -> Change:
        """Move a field up (negative) or down among its kind's fields."""
        with self.db.write() as session:
            row = _existing(session.get(CustomField, field_id))
            order = list(cf.definitions(session, row.entity))
            at = next(i for i, f in enumerate(order) if f.id == field_id)
            to = max(0, min(len(order) - 1, at + steps))
            order.insert(to, order.pop(at))
            for position, field in enumerate(order, start=1):
                _existing(session.get(CustomField, field.id)).position = position
            return Change(TABLE, "update", (row.id,), before={"steps": steps}, touched=_kind(row))

    def remove(self, field_id: int) -> Change:
        """Take a field off its kind's forms and lists; its values stay for history and undo."""
        with self.db.write() as session:
            row = _existing(session.get(CustomField, field_id))
            row.removed_at = clock.now()
            kept = session.scalar(
                select(func.count())
                .select_from(CustomValue)
                .where(CustomValue.field_id == field_id)
            )
            audit.record(
                session,
                "delete",
                TABLE,
                _summary(row),
                row.id,
                {"label": [row.label, None], "values kept": [None, int(kept or 0)]},
            )
            return Change(
                TABLE, "delete", (row.id,), after={"entity": row.entity}, touched=_kind(row)
            )

    def put_back(self, field_id: int) -> Change:
        """Undo a removal: the field and all its values are back."""
        with self.db.write() as session:
            row = _existing(session.get(CustomField, field_id))
            _check_label(session, row.entity, row.label, row.id)
            row.removed_at = None
            audit.record(session, "restore", TABLE, _summary(row), row.id)
            return Change(
                TABLE, "restore", (row.id,), after={"entity": row.entity}, touched=_kind(row)
            )

    # ------------------------------------------------------------------ many records
    def set_on_many(self, field_id: int, record_ids: Sequence[int], value: Any) -> Change:
        """Set (or clear, with None or "") one field on many records: one action, each
        record's history saying old -> new. ``before["values"]`` holds each record's old
        value (id -> value), so :meth:`restore_values` undoes it.

        Raises:
            ValidationError: the value does not fit the field (nothing is written).
        """
        with self.db.write() as session:
            row = _existing(session.get(CustomField, field_id))
            field = cf.definition_of(row)
            try:
                parsed = cf.parse(session, field, value)
            except (ValueError, ArithmeticError, TypeError) as exc:
                raise ValidationError({field.key: cf.problem(field, value)}) from exc
            old = cf.read(session, [field], record_ids)
            cf.write(session, field, record_ids, parsed)
            field_history(session, field, old, {i: parsed for i in record_ids})
        return Change(
            field.entity,
            "bulk",
            tuple(record_ids),
            before={"values": {i: old[i][field.key] for i in record_ids}},
            after={"field_id": field_id, "value": parsed},
        )

    def restore_values(self, field_id: int, values: dict[int, Any]) -> Change:
        """Put each record's value back (undo of :meth:`set_on_many`)."""
        with self.db.write() as session:
            field = cf.definition_of(_existing(session.get(CustomField, field_id)))
            old = cf.read(session, [field], values)
            for record_id, value in values.items():
                cf.write(session, field, [record_id], value)
            field_history(session, field, old, values)
        return Change(field.entity, "bulk", tuple(values), after={"field_id": field_id})


def field_history(
    session: Any, field: cf.FieldDefinition, old: dict[int, dict[str, Any]], new: dict[int, Any]
) -> None:
    for record_id, value in new.items():
        before = old.get(record_id, {}).get(field.key)
        if before != value:
            audit.record(
                session,
                "update",
                field.entity,
                f"{field.label} on #{record_id}",
                record_id,
                {field.key: [json_value(before), json_value(value)]},
            )


def _kind(row: CustomField) -> frozenset[str]:
    """The kind whose forms, lists and pages show the field (they refresh)."""
    return frozenset({row.entity})


def _existing(row: CustomField | None) -> CustomField:
    if row is None:
        raise NotFoundError("That field no longer exists.")
    return row


def _summary(row: CustomField) -> str:
    kind = KINDS[row.entity].plural if row.entity in KINDS else row.entity
    return f"Field “{row.label}” on {kind}"


def _spec_of(row: CustomField) -> FieldSpec:
    return FieldSpec(
        row.label,
        row.kind,
        row.required,
        row.required_field,
        row.required_value,
        tuple(json.loads(row.choices or "[]")),
        row.link_kind,
    )


def _check_label(session: Any, entity: str, label: str, own_id: int | None) -> None:
    taken = session.scalar(
        select(CustomField.id).where(
            CustomField.entity == entity,
            func.lower(CustomField.label) == label.lower(),
            CustomField.removed_at.is_(None),
            CustomField.id != (own_id or 0),
        )
    )
    if taken is not None:
        raise ValidationError({"label": f"There is already a field called “{label}” here."})


def _checked(session: Any, entity: str, spec: FieldSpec, own_id: int | None) -> dict[str, Any]:
    """The columns of a field made from ``spec``, or a ValidationError per problem."""
    errors: dict[str, str] = {}
    label = clean_text(spec.label)
    if not label:
        errors["label"] = "Give the field a name."
    elif len(label) > 120:
        errors["label"] = "A field's name can be at most 120 characters."
    if spec.kind not in cf.KIND_LABELS:
        errors["kind"] = f"'{spec.kind}' is not a type of field."
    choices = tuple(dict.fromkeys(c for c in (clean_text(x) for x in spec.choices) if c))
    if spec.kind in ("choice", "choices"):
        if not choices:
            errors["choices"] = "List the choices, one per line."
        elif len(choices) > MAX_CHOICES or any("|" in c or len(c) > 100 for c in choices):
            errors["choices"] = (
                f"Up to {MAX_CHOICES} choices of up to 100 characters each, without “|”."
            )
    if spec.kind == "link" and spec.link_kind not in cf.LINK_TITLES:
        errors["link_kind"] = "Choose the kind of record the field links to."
    condition_field = spec.required_field or None
    if condition_field is not None and not spec.required_value:
        errors["required_value"] = "Say which value makes the field required."
    if condition_field is not None and condition_field not in _condition_names(session, entity):
        errors["required_field"] = f"'{condition_field}' is not a field that can be checked."
    if errors:
        raise ValidationError(errors)
    _check_label(session, entity, label, own_id)
    return {
        "label": label,
        "kind": spec.kind,
        "required": bool(spec.required) and condition_field is None,
        "required_field": condition_field,
        "required_value": spec.required_value if condition_field else None,
        "choices": json.dumps(list(choices), ensure_ascii=False) if choices else None,
        "link_kind": spec.link_kind if spec.kind == "link" else None,
    }


def _condition_names(session: Any, entity: str) -> set[str]:
    fixed = set(cf.CONDITION_FIELDS.get(entity, {}))
    own = {f.key for f in cf.definitions(session, entity) if f.kind in ("choice", "yesno")}
    return fixed | own
