"""Static lists: hand-picked groups of records of one kind ("Board invitees 2026").

Saved views (smart lists) ask a question again; a static list remembers the answer someone
chose by hand. Records are added from any list's selection and removed again; a list view
filters by one ("On list"), so a static list is exported as that list view is. Each call is
one transaction and returns a :class:`Change` that undo reverses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from brokerdesk.core import audit, snapshots
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, RefusedError, ValidationError
from brokerdesk.core.kinds import KINDS, kind
from brokerdesk.core.models import StaticList, StaticListMember
from brokerdesk.core.services.records import Change

MAX_NAME = 120


@dataclass(frozen=True)
class StaticListRecord:
    """A static list as the navigation shows it."""

    id: int
    entity: str
    name: str
    size: int


class StaticListService:
    """Make, fill, empty, rename and delete static lists."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def lists(self, entity: str | None = None) -> list[StaticListRecord]:
        """Static lists (of one kind, or all), by kind then name, with their sizes."""
        with self.db.read() as session:
            stmt = select(StaticList.id, StaticList.entity, StaticList.name).order_by(
                StaticList.entity, func.lower(StaticList.name)
            )
            if entity is not None:
                stmt = stmt.where(StaticList.entity == entity)
            return [
                StaticListRecord(i, e, n, _size(session, i, e)) for i, e, n in session.execute(stmt)
            ]

    def get(self, list_id: int) -> StaticListRecord:
        for found in self.lists():
            if found.id == list_id:
                return found
        raise NotFoundError("That static list no longer exists.")

    def members(self, list_id: int) -> list[int]:
        with self.db.read() as session:
            return list(
                session.scalars(
                    select(StaticListMember.record_id)
                    .where(StaticListMember.list_id == list_id)
                    .order_by(StaticListMember.record_id)
                )
            )

    def create(self, entity: str, name: str) -> Change:
        """A new, empty list of ``entity`` records; refuses a name that kind already uses."""
        if entity not in KINDS or not KINDS[entity].listed:
            raise ValidationError({"entity": f"There is no list of '{entity}'."})
        clean = _check_name(name)
        try:
            with self.db.write() as session:
                _refuse_taken(session, entity, clean, None)
                made = StaticList(entity=entity, name=clean)
                session.add(made)
                session.flush()
                audit.record(session, "create", "static_list", clean, made.id)
                list_id = made.id
        except RefusedError as exc:
            raise _duplicate(clean, entity) from exc
        return Change("static_list", "create", (list_id,), after={"name": clean})

    def rename(self, list_id: int, name: str) -> Change:
        clean = _check_name(name)
        try:
            with self.db.write() as session:
                found = _existing(session.get(StaticList, list_id))
                old, entity = found.name, found.entity
                _refuse_taken(session, entity, clean, list_id)
                found.name = clean
                audit.record(
                    session, "update", "static_list", clean, list_id, {"name": [old, clean]}
                )
        except RefusedError as exc:
            raise _duplicate(clean, entity) from exc
        return Change(
            "static_list", "update", (list_id,), before={"name": old}, after={"name": clean}
        )

    def delete(self, list_id: int) -> Change:
        """Delete a list (never its records); the change's snapshot puts it back whole."""
        with self.db.write() as session:
            found = _existing(session.get(StaticList, list_id))
            snap = snapshots.capture(session, "static_list", [list_id])
            session.execute(delete(StaticList).where(StaticList.id == list_id))
            audit.record(session, "delete", "static_list", found.name, list_id)
        return Change("static_list", "delete", (list_id,), snapshot=snap)

    def restore(self, snap: snapshots.Snapshot) -> Change:
        with self.db.write() as session:
            snapshots.restore(session, snap)
        ids = tuple(row["id"] for table, row in snap.rows if table == "static_list")
        return Change("static_list", "restore", ids)

    def add(self, list_id: int, record_ids: Iterable[int]) -> Change:
        """Put records on a list; those already on it stay once. ``after["added"]`` is what
        was new (undo takes exactly those off again)."""
        wanted = sorted(set(record_ids))
        with self.db.write() as session:
            found = _existing(session.get(StaticList, list_id))
            have = set(
                session.scalars(
                    select(StaticListMember.record_id).where(
                        StaticListMember.list_id == list_id,
                        StaticListMember.record_id.in_(wanted),
                    )
                )
            )
            added = [i for i in wanted if i not in have]
            if added:
                session.execute(
                    insert(StaticListMember), [{"list_id": list_id, "record_id": i} for i in added]
                )
                audit.record(
                    session, "update", "static_list", found.name, list_id, {"added": added}
                )
            entity = found.entity
        return Change(
            "static_list", "bulk", (list_id,), after={"added": added}, touched=frozenset({entity})
        )

    def remove(self, list_id: int, record_ids: Iterable[int]) -> Change:
        """Take records off a list (the records themselves stay). ``before["removed"]``."""
        wanted = sorted(set(record_ids))
        with self.db.write() as session:
            found = _existing(session.get(StaticList, list_id))
            removed = list(
                session.scalars(
                    select(StaticListMember.record_id).where(
                        StaticListMember.list_id == list_id,
                        StaticListMember.record_id.in_(wanted),
                    )
                )
            )
            if removed:
                session.execute(
                    delete(StaticListMember).where(
                        StaticListMember.list_id == list_id,
                        StaticListMember.record_id.in_(removed),
                    )
                )
                audit.record(
                    session, "update", "static_list", found.name, list_id, {"removed": removed}
                )
            entity = found.entity
        return Change(
            "static_list",
            "bulk",
            (list_id,),
            before={"removed": sorted(removed)},
            touched=frozenset({entity}),
        )


def _size(session: Session, list_id: int, entity: str) -> int:
    """Members that exist now (a member in the Trash is back on the list when restored)."""
    records = snapshots.metadata_table(entity)
    return int(
        session.scalar(
            select(func.count()).where(
                StaticListMember.list_id == list_id,
                StaticListMember.record_id.in_(select(records.c.id)),
            )
        )
        or 0
    )


def _existing(found: StaticList | None) -> StaticList:
    if found is None:
        raise NotFoundError("That static list no longer exists.")
    return found


def _refuse_taken(session: Session, entity: str, name: str, list_id: int | None) -> None:
    """The same name in another case is the same list to a reader."""
    query = select(StaticList.id).where(
        StaticList.entity == entity, func.lower(StaticList.name) == name.lower()
    )
    if list_id is not None:
        query = query.where(StaticList.id != list_id)
    if session.scalar(query) is not None:
        raise _duplicate(name, entity)


def _check_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError({"name": "Give the list a name."})
    if len(clean) > MAX_NAME:
        raise ValidationError({"name": f"A list's name can be at most {MAX_NAME} characters."})
    return clean


def _duplicate(name: str, entity: str) -> ValidationError:
    return ValidationError(
        {"name": f"There is already a list of {kind(entity).plural} called '{name}'."}
    )
