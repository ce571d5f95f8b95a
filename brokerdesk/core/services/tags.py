"""The tag manager's rename, merge, colour and delete.

How records carry tags is ``core.tagging``; this is the tag manager's side.
Every tag-manager action is one transaction that returns a :class:`Change`; its ``before``
and ``after`` hold what :meth:`TagService.undo` needs to put things back exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from brokerdesk.core import audit, snapshots
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.models import Tag
from brokerdesk.core.services.fields import clean_text
from brokerdesk.core.services.records import Change
from brokerdesk.core.tagging import MAX_NAME, TAG_LINKS

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


# --------------------------------------------------------------------------- the manager
@dataclass(frozen=True)
class TagInfo:
    """A tag as the tag manager shows it: name, colour and how many records of each kind."""

    id: int
    name: str
    colour: str | None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class TagService:
    """Rename, merge, colour and delete tags; each call is one transaction and undoable."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[TagInfo]:
        """Every tag, by name, with its records counted per kind."""
        with self.db.read() as session:
            counts: dict[int, dict[str, int]] = {}
            for entity, (table_name, _column) in TAG_LINKS.items():
                table = snapshots.metadata_table(table_name)
                for tag_id, n in session.execute(
                    select(table.c.tag_id, func.count()).group_by(table.c.tag_id)
                ):
                    counts.setdefault(tag_id, {})[entity] = int(n)
            tags = session.execute(
                select(Tag.id, Tag.name, Tag.colour).order_by(func.lower(Tag.name))
            )
            return [TagInfo(i, n, c, counts.get(i, {})) for i, n, c in tags]

    def get(self, tag_id: int) -> TagInfo:
        for info in self.all():
            if info.id == tag_id:
                return info
        raise NotFoundError("That tag no longer exists.")

    def rename(self, tag_id: int, new_name: str) -> Change:
        """Refuses a name another tag has (merging them is the way to join two tags)."""
        name = clean_text(new_name)
        if not name:
            raise ValidationError({"name": "Give the tag a name."})
        if len(name) > MAX_NAME:
            raise ValidationError({"name": f"A tag's name can be at most {MAX_NAME} characters."})
        with self.db.write() as session:
            tag = _existing(session, tag_id)
            other = session.scalar(
                select(Tag.name).where(func.lower(Tag.name) == name.lower(), Tag.id != tag_id)
            )
            if other is not None:
                raise ValidationError(
                    {"name": f"There is already a tag called '{other}'; merge the two instead."}
                )
            old = tag.name
            tag.name = name
            audit.record(session, "update", "tag", name, tag_id, {"name": [old, name]})
        return _change("update", tag_id, {"name": old}, {"name": name})

    def set_colour(self, tag_id: int, colour: str | None) -> Change:
        """A "#rrggbb" colour, or None for none."""
        if colour is not None and not _COLOUR.match(colour):
            raise ValidationError({"colour": "A colour is written like #1f77b4."})
        with self.db.write() as session:
            tag = _existing(session, tag_id)
            old = tag.colour
            tag.colour = colour.lower() if colour else None
            audit.record(session, "update", "tag", tag.name, tag_id, {"colour": [old, tag.colour]})
        return _change("update", tag_id, {"colour": old}, {"colour": colour})

    def delete(self, tag_id: int) -> Change:
        """Delete a tag and take it off every record; the change holds what undo restores."""
        with self.db.write() as session:
            tag = _existing(session, tag_id)
            snap = snapshots.capture(session, "tag", [tag_id])
            session.execute(delete(Tag).where(Tag.id == tag_id))
            audit.record(
                session, "delete", "tag", tag.name, tag_id, {"records": [len(snap.rows) - 1, 0]}
            )
        return Change("tag", "delete", (tag_id,), snapshot=snap, touched=_link_tables())

    def merge(self, from_id: int, into_id: int) -> Change:
        """Give every record tagged ``from_id`` the tag ``into_id``, then delete ``from_id``.

        ``after["added"]`` lists the links made (kind -> record ids), which undo takes away
        again before it puts the merged tag back from the snapshot.
        """
        if from_id == into_id:
            raise ValidationError({"into": "Choose another tag to merge into."})
        added: dict[str, list[int]] = {}
        with self.db.write() as session:
            source = _existing(session, from_id)
            target = _existing(session, into_id)
            snap = snapshots.capture(session, "tag", [from_id])
            for entity, (table_name, column) in TAG_LINKS.items():
                table = snapshots.metadata_table(table_name)
                have = select(table.c[column]).where(table.c.tag_id == into_id)
                moving = list(
                    session.scalars(
                        select(table.c[column]).where(
                            table.c.tag_id == from_id, table.c[column].not_in(have)
                        )
                    )
                )
                if moving:
                    session.execute(
                        insert(table), [{column: rid, "tag_id": into_id} for rid in moving]
                    )
                    added[entity] = moving
            session.execute(delete(Tag).where(Tag.id == from_id))
            audit.record(
                session,
                "update",
                "tag",
                target.name,
                into_id,
                {"merged": [source.name, target.name]},
            )
        return Change(
            "tag",
            "bulk",
            (from_id, into_id),
            after={"added": added},
            snapshot=snap,
            touched=_link_tables(),
        )

    def undo(self, change: Change) -> Change:
        """Put back what ``change`` (a rename, colour, delete or merge) changed."""
        if change.action == "update":
            if "name" in change.before:
                return self.rename(change.id, change.before["name"])
            return self.set_colour(change.id, change.before["colour"])
        assert change.snapshot is not None
        with self.db.write() as session:
            for entity, ids in change.after.get("added", {}).items():
                table_name, column = TAG_LINKS[entity]
                table = snapshots.metadata_table(table_name)
                session.execute(
                    delete(table).where(table.c.tag_id == change.ids[-1], table.c[column].in_(ids))
                )
            snapshots.restore(session, change.snapshot)
            name = next(r["name"] for t, r in change.snapshot.rows if t == "tag")
            audit.record(session, "restore", "tag", name, change.id)
        return Change("tag", "restore", change.ids, touched=_link_tables())

    def redo(self, change: Change) -> Change:
        """Do ``change`` again after its undo."""
        if change.action == "update":
            if "name" in change.after:
                return self.rename(change.id, change.after["name"])
            return self.set_colour(change.id, change.after["colour"])
        if change.action == "delete":
            return self.delete(change.id)
        return self.merge(change.ids[0], change.ids[1])


def _existing(session: Session, tag_id: int) -> Tag:
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise NotFoundError("That tag no longer exists.")
    return tag


def _link_tables() -> frozenset[str]:
    return frozenset({"tag", *TAG_LINKS}) | {t for t, _c in TAG_LINKS.values()}


def _change(action: str, tag_id: int, before: dict[str, Any], after: dict[str, Any]) -> Change:
    return Change("tag", action, (tag_id,), before=before, after=after, touched=_link_tables())
