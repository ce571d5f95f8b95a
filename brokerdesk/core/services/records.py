"""Create, read, update, delete and restore for one kind of record.

Every entity service is a :class:`RecordService` with its fields declared: each call is one
user action in one transaction, returns a :class:`Change` that says what happened (for the
change broadcast and for undo), and raises an error whose message a user can act on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

import brokerdesk.core.services.custom_values as custom_fields
from brokerdesk.core import audit, clock, snapshots
from brokerdesk.core.db import Database
from brokerdesk.core.errors import (
    EditConflict,
    InUseError,
    NotFoundError,
    RefusedError,
    StaleRecordError,
    ValidationError,
    refusal_sentence,
)
from brokerdesk.core.kinds import KINDS
from brokerdesk.core.models import Base, TrashItem
from brokerdesk.core.services.fields import Field, validate
from brokerdesk.core.stored import json_value

M = TypeVar("M", bound=Base)

# Friendly names for tables, used in messages ("3 contacts will be unlinked"): the kinds of
# record from their registry, and the link tables that are no kind of their own.
TABLE_NOUNS: dict[str, tuple[str, str]] = {
    **{key: (k.singular, k.plural) for key, k in KINDS.items()},
    "programme_partner": ("programme role", "programme roles"),  # as messages have always said
    "partner_offer_area": ("offer area link", "offer area links"),
    "programme_offer_area": ("secondary offer area", "secondary offer areas"),
    "partner_tag": ("tag", "tags"),
    "library_service_tag": ("tag", "tags"),
    "programme_tag": ("tag", "tags"),
    "contact_tag": ("tag", "tags"),
    "interaction_tag": ("tag", "tags"),
    "service_name_variant": ("name variant", "name variants"),
    "former_authority": ("former authority", "former authorities"),
    "custom_value": ("value of your own fields", "values of your own fields"),
}


def noun(table: str, count: int) -> str:
    one, many = TABLE_NOUNS.get(table, (table.replace("_", " "), table.replace("_", " ") + "s"))
    return f"{count} {one if count == 1 else many}"


@dataclass
class Change:
    """What one action changed; views refresh from it and undo reverses it.

    Attributes:
        entity: table name of the records acted on.
        action: ``create``, ``update``, ``delete``, ``restore`` or ``bulk``.
        ids: the records acted on.
        before: for an update, the old values of the changed fields (per id for bulk).
        after: the new values.
        snapshot: for a delete, what to put back.
        touched: other tables whose rows changed as a side effect (for view refresh).
    """

    entity: str
    action: str
    ids: tuple[int, ...]
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    snapshot: snapshots.Snapshot | None = None
    touched: frozenset[str] = frozenset()

    @property
    def id(self) -> int:
        return self.ids[0]


def integrity_message(exc: RefusedError, label: str) -> str:
    """Turn a database refusal into a sentence (the database is the last line of defence)."""
    return refusal_sentence(exc.detail, label)


class RecordService(Generic[M]):
    """CRUD for one model. Subclasses declare ``model``, ``label`` and ``fields``."""

    model: ClassVar[type[Base]]
    label: ClassVar[str]
    fields: ClassVar[tuple[Field, ...]]
    # Values a new record gets when the form or file does not say.
    defaults: ClassVar[Mapping[str, Any]] = {}
    # Names accepted by create/update that are not plain columns (handled by apply_extra).
    extra_fields: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)

    # ----------------------------------------------------------------- hooks for subclasses
    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        """Cross-field and cross-record rules; raise ValidationError. Default: none."""

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        """Set values that are not plain columns (links, tags). Default: none allowed."""
        if extra:
            raise ValidationError({k: f"'{k}' is not a field that can be set here." for k in extra})

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        """Non-column values included in :meth:`get`. Default: none."""
        return {}

    def custom_fields(self, *, removed: bool = False) -> tuple[custom_fields.FieldDefinition, ...]:
        """The team's own fields on this kind (Tools ▸ Custom fields…), in form order."""
        with self.db.read() as session:
            return custom_fields.definitions(session, self.table, removed=removed)

    # ----------------------------------------------------------------- reading
    def _load(self, session: Session, record_id: int) -> Any:
        obj = session.get(self.model, record_id)
        if obj is None:
            raise NotFoundError(f"The {self.label} #{record_id} no longer exists.")
        return obj

    def load(self, session: Session, record_id: int) -> Any:
        """The record, read in the caller's session (NotFoundError if it no longer exists)."""
        return self._load(session, record_id)

    def values_of(self, session: Session, obj: Any) -> dict[str, Any]:
        out = {f.name: getattr(obj, f.name) for f in self.fields}
        out.update(self.extra_values(session, obj))
        own = custom_fields.definitions(session, self.table)
        out.update(custom_fields.read(session, own, [obj.id])[obj.id])
        out["id"] = obj.id
        out["version_id"] = obj.version_id
        return out

    def get(self, record_id: int) -> dict[str, Any]:
        with self.db.read() as session:
            return self.values_of(session, self._load(session, record_id))

    def exists(self, record_id: int) -> bool:
        with self.db.read() as session:
            return session.get(self.model, record_id) is not None

    def count(self) -> int:
        with self.db.read() as session:
            return int(session.scalar(select(func.count()).select_from(self.model)) or 0)

    # ----------------------------------------------------------------- writing
    def _split(self, values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        extra = {k: v for k, v in values.items() if k in self.extra_fields}
        plain = {k: v for k, v in values.items() if k not in self.extra_fields}
        return plain, extra

    @staticmethod
    def _custom(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """The values of the team's own fields (``cf_<id>``) apart from the rest."""
        own = {k: v for k, v in values.items() if custom_fields.is_custom_key(k)}
        rest = {k: v for k, v in values.items() if k not in own}
        return rest, own

    def create(self, values: Mapping[str, Any]) -> Change:
        try:
            with self.db.write() as session:
                record_id, after = self.create_in(session, values)
        except RefusedError as exc:
            raise ValidationError({}, integrity_message(exc, self.label)) from exc
        return Change(self.table, "create", (record_id,), after=after)

    def create_in(self, session: Session, values: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """Make the record in the caller's transaction (an action that does more than create
        one record, such as logging a call that clears a follow-up): its id and values."""
        given, own = self._custom(values)
        plain, extra = self._split({**self.defaults, **given})
        errors: dict[str, str] = {}
        custom: dict[str, Any] = {}
        defs: tuple[custom_fields.FieldDefinition, ...] = ()
        try:
            cleaned = validate(self.fields, plain)
        except ValidationError as exc:
            errors.update(exc.field_errors)
            cleaned = {}
        try:  # one message per field, fixed and custom alike
            custom, defs = custom_fields.clean(
                session, self.table, own, {**plain, **cleaned}, changed=None
            )
        except ValidationError as exc:
            errors.update(exc.field_errors)
        if errors:
            raise ValidationError(errors)
        self.check(session, cleaned, None)
        obj: Any = self.model(**cleaned)
        session.add(obj)
        self.apply_extra(session, obj, extra)
        custom_fields.save(session, obj, defs, {}, custom)
        session.flush()
        custom_fields.store(session, defs, obj.id, custom)
        return int(obj.id), self.values_of(session, obj)

    def update(
        self, record_id: int, values: Mapping[str, Any], expected_version: int | None = None
    ) -> Change:
        """Save changed fields. With ``expected_version``, refuse to overwrite a newer save."""
        given, own = self._custom(values)
        plain, extra = self._split(given)
        cleaned = validate(self.fields, plain, partial=True)
        try:
            with self.db.write() as session:
                obj = self._load(session, record_id)
                current = self.values_of(session, obj)
                if expected_version is not None and obj.version_id != expected_version:
                    raise EditConflict(self.table, record_id, dict(values), current, obj.version_id)
                merged = {**current, **cleaned}
                # A save is refused for a required field it empties, or whose condition it
                # makes true ("Type: Charity" without a number); not for one it leaves as it
                # was (a field added since, or its undo, refuses no other edit).
                custom, defs = custom_fields.clean(
                    session, self.table, own, merged, changed=set(cleaned) | set(own)
                )
                self.check(session, merged, record_id)
                for key, value in cleaned.items():
                    setattr(obj, key, value)
                self.apply_extra(session, obj, extra)
                staged = custom_fields.save(session, obj, defs, current, custom)
                if (extra or staged) and not session.is_modified(obj, include_collections=False):
                    obj.updated_at = clock.now()  # bump the version for link and field edits
                session.flush()
                custom_fields.store(session, defs, record_id, custom)
                after = self.values_of(session, obj)
        except RefusedError as exc:
            raise ValidationError({}, integrity_message(exc, self.label)) from exc
        except StaleRecordError as exc:  # someone saved between our read and our write
            theirs = self.get(record_id)
            raise EditConflict(
                self.table, record_id, dict(values), theirs, theirs["version_id"]
            ) from exc
        changed = {k for k in after if k not in ("version_id",) and after[k] != current.get(k)}
        return Change(
            self.table,
            "update",
            (record_id,),
            before={k: current[k] for k in changed},
            after={k: after[k] for k in changed} | {"version_id": after["version_id"]},
        )

    def delete_impact(self, record_ids: Iterable[int]) -> list[str]:
        """Sentences for the delete confirmation: what else goes or is unlinked."""
        ids = list(record_ids)
        with self.db.read() as session:
            blocked = snapshots.blockers(session, self.table, ids)
            snap = snapshots.capture(session, self.table, ids)
        lines = [f"{noun(t, n)} refer to it and must be removed first." for t, n in blocked.items()]
        tables = sorted({t for t, _ in snap.rows if t != self.table})
        lines += [f"{noun(t, snap.count(t))} will be deleted with it." for t in tables]
        unlinked: dict[str, int] = {}
        for link in snap.relinks:
            unlinked[link.table] = unlinked.get(link.table, 0) + 1
        lines += [f"{noun(t, n)} will be unlinked from it." for t, n in sorted(unlinked.items())]
        return lines

    def delete(self, record_ids: int | Iterable[int], *, to_trash: bool = True) -> Change:
        """Delete records; what they take with them goes to the Trash as one restorable item.

        ``to_trash=False`` is for undoing a create: the record never existed as far as the
        user is concerned, so it should not appear in the Trash.
        """
        ids = [record_ids] if isinstance(record_ids, int) else list(record_ids)
        with self.db.write() as session:
            snap = self.delete_in(session, ids, to_trash=to_trash)
        touched = frozenset(t for t, _ in snap.rows) | {x.table for x in snap.relinks}
        return Change(self.table, "delete", tuple(ids), snapshot=snap, touched=touched)

    def delete_in(
        self, session: Session, ids: list[int], *, to_trash: bool = True
    ) -> snapshots.Snapshot:
        """:meth:`delete` in the caller's transaction: what was taken, to put back."""
        blocked = snapshots.blockers(session, self.table, ids)
        if blocked:
            parts = ", ".join(noun(t, n) for t, n in blocked.items())
            raise InUseError(f"This {self.label} cannot be deleted: {parts} still use it.")
        snap = snapshots.capture(session, self.table, ids)
        roots = [row for t, row in snap.rows if t == self.table and row["id"] in ids]
        if len(roots) != len(set(ids)):
            raise NotFoundError(f"The {self.label} no longer exists.")
        model_table = snapshots.metadata_table(self.table)
        snapshots.remove_taken(session, snap)
        session.execute(delete(model_table).where(model_table.c.id.in_(ids)))
        for row in roots:
            label = _row_label(row)
            audit.record(
                session,
                "delete",
                self.table,
                label,
                row["id"],
                {k: [json_value(v), None] for k, v in row.items() if v is not None},
            )
        root_ids = {row["id"] for row in roots}
        for table, row in snap.rows:  # what the delete took with it is history too
            cascaded = table != self.table or row.get("id") not in root_ids
            if cascaded and table in audit.AUDITED_TABLES:
                audit.record(
                    session,
                    "delete",
                    table,
                    f"{_row_label(row)} (with {', '.join(_row_label(r) for r in roots)})",
                    row.get("id"),
                    {k: [json_value(v), None] for k, v in row.items() if v is not None},
                )
        if to_trash:
            session.add(
                TrashItem(
                    user_name=session.info.get(audit.USER_KEY, "unknown"),
                    entity=self.table,
                    record_id=ids[0],
                    label=", ".join(_row_label(r) for r in roots)[:300],
                    snapshot=snap.to_json(),
                )
            )
        return snap

    def restore(self, snap: snapshots.Snapshot) -> Change:
        """Put deleted records back (undo of a delete), and take them out of the Trash."""
        ids = tuple(row["id"] for t, row in snap.rows if t == self.table)
        try:
            with self.db.write() as session:
                self.restore_in(session, snap)
        except RefusedError as exc:
            raise ValidationError(
                {},
                f"The {self.label} cannot be put back: something it belonged to has been "
                "deleted or a record with the same identity now exists.",
            ) from exc
        touched = frozenset(t for t, _ in snap.rows) | {x.table for x in snap.relinks}
        return Change(self.table, "restore", ids, touched=touched)

    def restore_in(self, session: Session, snap: snapshots.Snapshot) -> None:
        """:meth:`restore` in the caller's transaction."""
        ids = tuple(row["id"] for t, row in snap.rows if t == self.table)
        snapshots.restore(session, snap)
        for t, row in snap.rows:
            if t == self.table:
                audit.record(session, "restore", t, _row_label(row), row["id"])
        session.execute(
            delete(TrashItem).where(TrashItem.entity == self.table, TrashItem.record_id.in_(ids))
        )


def _row_label(row: Mapping[str, Any]) -> str:
    for key in ("name", "full_name", "subject", "title"):
        if row.get(key):
            return str(row[key])
    return f"#{row.get('id')}"


def dump_changes(change: Change) -> str:
    """A compact JSON form of a change, for logs and the command line."""
    return json.dumps(
        {"entity": change.entity, "action": change.action, "ids": list(change.ids)},
        ensure_ascii=False,
    )
