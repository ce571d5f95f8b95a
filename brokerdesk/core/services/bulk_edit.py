"""Bulk edit: set or clear one or more fields on many records of one kind, as one change.

What can be set is a short list of :class:`Setter` per kind (``setters(entity)``): a plain
field (owner, status, type), tags to add or remove, a static list to join or leave;
:class:`BulkEdit` adds the kind's own fields (Tools ▸ Custom fields…) that take one value.
A request is ``{setter key: value}``; :meth:`BulkEdit.preview` says, record by record,
which field goes from what to what, and :meth:`BulkEdit.apply` writes exactly that in one
transaction (each record's history shows its own line, written by the audit hook). The
returned change keeps every record's old values, which :meth:`BulkEdit.put_back` restores (undo).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

import brokerdesk.core.services.custom_values as cf
from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.kinds import kind
from brokerdesk.core.models import StaticList, StaticListMember
from brokerdesk.core.services.bundle import service_class
from brokerdesk.core.services.field_settings import field_history
from brokerdesk.core.services.fields import validate
from brokerdesk.core.services.records import Change, RecordService
from brokerdesk.core.tagging import TAG_LINKS, clean_tag_names

SetterKind = Literal["field", "tags_add", "tags_remove", "list_add", "list_remove"]
# The kinds of the team's own fields bulk edit sets with one value typed or chosen.
BULK_OWN_KINDS = frozenset({"text", "number", "money", "date", "yesno", "choice"})
LIST_PREFIX = "list:"


@dataclass(frozen=True)
class Setter:
    """One thing bulk edit can set.

    Attributes:
        key: the request's key ("status", "tags_add", "list_add").
        label: what the dialog and the preview say ("Status", "Add tags").
        kind: how it is applied (see ``SetterKind``).
        field: for ``field`` setters, the record field it sets.
        choices: stored value -> label, when the value is one of a few.
        clearable: the field may be emptied (owner), not only changed.
    """

    key: str
    label: str
    kind: SetterKind
    field: str = ""
    choices: Mapping[str, str] | None = None
    clearable: bool = False


# Plain fields per kind that bulk edit sets: (field, label, choices, clearable).
_FIELDS: dict[str, tuple[tuple[str, str, Mapping[str, str] | None, bool], ...]] = {
    "partner": (
        ("owner", "Relationship owner", None, True),
        ("status", "Status", v.PARTNER_STATUS_LABELS, False),
        ("partner_type", "Type", v.PARTNER_TYPE_LABELS, False),
    ),
    "programme": (("status", "Status", v.PROGRAMME_STATUS_LABELS, False),),
    "interaction": (("kind", "Kind", v.INTERACTION_KIND_LABELS, False),),
}


def setters(entity: str) -> list[Setter]:
    """What bulk edit can set on records of ``entity``, in the dialog's order."""
    out = [
        Setter(name, label, "field", name, choices, clearable)
        for name, label, choices, clearable in _FIELDS.get(entity, ())
    ]
    if entity in TAG_LINKS:
        out += [
            Setter("tags_add", "Add tags", "tags_add"),
            Setter("tags_remove", "Remove tags", "tags_remove"),
        ]
    out += [
        Setter("list_add", "Add to list", "list_add"),
        Setter("list_remove", "Remove from list", "list_remove"),
    ]
    return out


@dataclass(frozen=True)
class PreviewLine:
    """One field of one record that the change would alter: record, field, old → new."""

    record_id: int
    record: str
    field: str
    old: str
    new: str


class BulkEdit:
    """Preview and apply a bulk edit on records of one kind."""

    def __init__(self, db: Database, entity: str) -> None:
        self.db = db
        self.entity = entity
        self.service: RecordService[Any] = service_class(entity)(db)
        self.setters = {s.key: s for s in setters(entity)}
        # The team's own fields (Tools ▸ Custom fields…) that one value can be set on.
        with db.read() as session:
            self.own = {
                f.key: f for f in cf.definitions(session, entity) if f.kind in BULK_OWN_KINDS
            }
        for f in self.own.values():
            choices = {c: c for c in f.choices} if f.kind == "choice" else None
            if f.kind == "yesno":
                choices = {"yes": "Yes", "no": "No"}
            self.setters[f.key] = Setter(f.key, f.label, "field", f.key, choices, True)

    # ------------------------------------------------------------------ reading
    def preview(self, ids: Sequence[int], request: Mapping[str, Any]) -> list[PreviewLine]:
        """What would change, record by record (records it would not change are left out)."""
        with self.db.read() as session:
            plan = self._plan(session, ids, request)
            return [
                PreviewLine(
                    rid,
                    label,
                    self._field_label(session, key),
                    self._shown(key, old),
                    self._shown(key, new),
                )
                for rid, label, changes in plan
                for key, (old, new) in changes.items()
            ]

    def _shown(self, key: str, value: Any) -> str:
        """A value as the preview reads it; an amount as everywhere else ("£5,000.00")."""
        own = self.own.get(key)
        if own is not None and own.kind == "money" and value is not None:
            return cf.display_value(own, value)
        return _text(value, self._choices(key))

    def _choices(self, key: str) -> Mapping[str, str] | None:
        for s in self.setters.values():
            if s.kind == "field" and s.field == key:
                return s.choices
        return None

    def _field_label(self, session: Session, key: str) -> str:
        if key == "tags":
            return "Tags"
        if key.startswith(LIST_PREFIX):
            found = session.get(StaticList, int(key.removeprefix(LIST_PREFIX)))
            return f"On list “{found.name if found else '?'}”"
        for s in self.setters.values():
            if s.kind == "field" and s.field == key:
                return s.label
        return key

    def _plan(
        self, session: Session, ids: Sequence[int], request: Mapping[str, Any]
    ) -> list[tuple[int, str, dict[str, tuple[Any, Any]]]]:
        """Per record: its label and each changing key's (old, new)."""
        request = self._checked(session, request)
        plan = []
        for rid in sorted(set(ids)):
            obj = self.service.load(session, rid)
            current = self.service.values_of(session, obj)
            changes: dict[str, tuple[Any, Any]] = {}
            for key, value in request.items():
                setter = self.setters[key]
                if setter.kind == "field":
                    if current.get(setter.field) != value:
                        changes[setter.field] = (current.get(setter.field), value)
                elif setter.kind in ("tags_add", "tags_remove"):
                    old = list(changes.get("tags", (current["tags"], current["tags"]))[1])
                    lowered = {t.lower() for t in value}
                    if setter.kind == "tags_add":
                        new = old + [t for t in value if t.lower() not in {o.lower() for o in old}]
                    else:
                        new = [t for t in old if t.lower() not in lowered]
                    if new != current["tags"]:
                        changes["tags"] = (current["tags"], new)
                    else:
                        changes.pop("tags", None)
                else:
                    list_key = f"{LIST_PREFIX}{value}"
                    on = _on_list(session, int(value), rid)
                    wanted = setter.kind == "list_add"
                    if on != wanted:
                        changes[list_key] = (on, wanted)
            if changes:
                plan.append((rid, _label(current), changes))
        return plan

    def _checked(self, session: Session, request: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in request.items():
            setter = self.setters.get(key)
            if setter is None:
                raise ValidationError(
                    {key: f"Bulk edit cannot set '{key}' on {kind(self.entity).plural}."}
                )
            if setter.kind == "field" and key in self.own:
                own = self.own[key]
                try:
                    out[key] = cf.parse(session, own, value)
                except (ValueError, ArithmeticError, TypeError):
                    raise ValidationError({key: cf.problem(own, value)}) from None
            elif setter.kind == "field":
                if (value is None or value == "") and not setter.clearable:
                    raise ValidationError({key: f"Choose a {setter.label.lower()}."})
                field = next(f for f in self.service.fields if f.name == setter.field)
                out[key] = validate([field], {field.name: value}, partial=True)[field.name]
            elif setter.kind in ("tags_add", "tags_remove"):
                names = clean_tag_names(value)
                if names:
                    out[key] = names
            else:
                if value is None:
                    continue
                found = session.get(StaticList, int(value))
                if found is None or found.entity != self.entity:
                    raise ValidationError({key: "That static list no longer exists."})
                out[key] = int(value)
        return out

    # ------------------------------------------------------------------ writing
    def apply(self, ids: Sequence[int], request: Mapping[str, Any]) -> Change:
        """Make the previewed change in one transaction; ``before`` keeps every old value."""
        with self.db.write() as session:
            plan = self._plan(session, ids, request)
            if not plan:
                raise ValidationError({}, "Nothing would change: the records already say that.")
            before: dict[str, dict[str, Any]] = {}
            after: dict[str, dict[str, Any]] = {}
            for rid, _label_text, changes in plan:
                self._write(session, rid, {k: new for k, (_old, new) in changes.items()})
                before[str(rid)] = {k: old for k, (old, _new) in changes.items()}
                after[str(rid)] = {k: new for k, (_old, new) in changes.items()}
        touched = (
            frozenset({"static_list"})
            if any(k.startswith(LIST_PREFIX) for values in after.values() for k in values)
            else frozenset()
        )
        return Change(
            self.entity,
            "bulk",
            tuple(int(r) for r in after),
            before=before,
            after=after,
            touched=touched,
        )

    def put_back(self, values: Mapping[str, Mapping[str, Any]]) -> Change:
        """Set each record's fields to the given values (undo with ``before``, redo with
        ``after``), in one transaction."""
        with self.db.write() as session:
            for rid, fields in values.items():
                self._write(session, int(rid), dict(fields))
        return Change(
            self.entity,
            "bulk",
            tuple(int(r) for r in values),
            touched=frozenset({"static_list"}),
        )

    def _write(self, session: Session, record_id: int, values: Mapping[str, Any]) -> None:
        obj = self.service.load(session, record_id)
        own = {k: val for k, val in values.items() if k in self.own}
        if own:
            fields = list(self.own.values())
            old = cf.read(session, fields, [record_id])[record_id]
            for key, value in own.items():
                cf.write(session, self.own[key], [record_id], value)
                field_history(session, self.own[key], {record_id: old}, {record_id: value})
        plain = {
            k: val
            for k, val in values.items()
            if k != "tags" and not k.startswith(LIST_PREFIX) and k not in self.own
        }
        with session.no_autoflush:  # one flush, so one line in the record's history
            for key, value in plain.items():
                setattr(obj, key, value)
            if "tags" in values:
                self.service.apply_extra(session, obj, {"tags": values["tags"]})
                if not session.is_modified(obj, include_collections=False):
                    obj.updated_at = clock.now()  # a new version: open forms see the change
        for key, on in values.items():
            if key.startswith(LIST_PREFIX):
                list_id = int(key.removeprefix(LIST_PREFIX))
                if session.get(StaticList, list_id) is None:
                    raise NotFoundError("A static list in this change no longer exists.")
                member = (StaticListMember.list_id == list_id) & (
                    StaticListMember.record_id == record_id
                )
                session.execute(delete(StaticListMember).where(member))
                if on:
                    session.execute(
                        insert(StaticListMember), [{"list_id": list_id, "record_id": record_id}]
                    )
        session.flush()


def _on_list(session: Session, list_id: int, record_id: int) -> bool:
    found = session.scalar(
        select(StaticListMember.record_id).where(
            StaticListMember.list_id == list_id, StaticListMember.record_id == record_id
        )
    )
    return found is not None


def _label(values: Mapping[str, Any]) -> str:
    for key in ("name", "nice_name", "full_name", "subject", "title"):
        if values.get(key):
            return str(values[key])
    return f"#{values.get('id')}"


def _text(value: Any, choices: Mapping[str, str] | None = None) -> str:
    """A value as the preview reads it: labels for stored words, "on"/"off" for a list."""
    if value is True:
        return "on the list"
    if value is False:
        return "not on it"
    if isinstance(value, list):
        return ", ".join(value) if value else "none"
    if value is None or value == "":
        return "empty"
    if choices is not None and value in choices:
        return choices[value]
    return str(value)
