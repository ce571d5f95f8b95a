"""The Trash: deleted records with everything their deletion took, until restored or purged.

``RecordService.delete`` puts one :class:`TrashItem` per user action, holding a snapshot of
the records and of every row the database deleted or unlinked with them. Restoring replays
that snapshot in one transaction through the owning service, so a restored partner comes
back with its agreements, programme roles and the contacts that pointed at it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select

from brokerdesk.core import audit, snapshots
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.models import TrashItem, utcnow
from brokerdesk.core.services.records import Change, RecordService, noun


@dataclass(frozen=True)
class TrashEntry:
    """One line of the Trash view.

    Attributes:
        id: the trash item (pass it to restore or purge).
        entity: table name of the deleted records.
        what: the kind of record in words ("partner").
        record_id: the first deleted record's id.
        label: the deleted records' names.
        user_name: who deleted them.
        deleted_at: when (UTC).
        took_with_it: sentences such as "2 agreements" or "3 contacts unlinked".
    """

    id: int
    entity: str
    what: str
    record_id: int
    label: str
    user_name: str
    deleted_at: dt.datetime
    took_with_it: tuple[str, ...]


def _took(snap: snapshots.Snapshot, entity: str) -> tuple[str, ...]:
    lines = [noun(t, snap.count(t)) for t in sorted({t for t, _ in snap.rows if t != entity})]
    unlinked: dict[str, int] = {}
    for link in snap.relinks:
        unlinked[link.table] = unlinked.get(link.table, 0) + 1
    lines += [f"{noun(t, n)} unlinked" for t, n in sorted(unlinked.items())]
    return tuple(lines)


class TrashService:
    """List, restore and purge deleted records."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self) -> list[TrashEntry]:
        """Everything in the Trash, newest first."""
        with self.db.read() as session:
            items = session.scalars(
                select(TrashItem).order_by(TrashItem.deleted_at.desc(), TrashItem.id.desc())
            ).all()
            return [self._entry(item) for item in items]

    def _entry(self, item: TrashItem) -> TrashEntry:
        snap = snapshots.Snapshot.from_json(item.snapshot)
        return TrashEntry(
            id=item.id,
            entity=item.entity,
            what=noun(item.entity, 1).split(" ", 1)[1],
            record_id=item.record_id,
            label=item.label,
            user_name=item.user_name,
            deleted_at=item.deleted_at,
            took_with_it=_took(snap, item.entity),
        )

    def _item(self, item_id: int) -> TrashItem:
        with self.db.read() as session:
            item = session.get(TrashItem, item_id)
            if item is None:
                raise NotFoundError("This item is no longer in the Trash.")
            return item

    def restore(self, item_id: int) -> Change:
        """Put an item's records back with everything they took (one transaction).

        Raises:
            NotFoundError: the item was restored or purged meanwhile.
            ValidationError: something it belonged to is gone, or a record with the same
                identity exists now; nothing was restored.
        """
        from brokerdesk.core.services.bundle import Services

        item = self._item(item_id)
        snap = snapshots.Snapshot.from_json(item.snapshot)
        try:
            service: RecordService = Services(self.db).for_entity(item.entity)  # type: ignore[type-arg]
        except KeyError as exc:
            raise NotFoundError(f"Records of kind '{item.entity}' cannot be restored.") from exc
        change = service.restore(snap)
        with self.db.write() as session:  # the owning service removes it; make sure of it
            session.execute(delete(TrashItem).where(TrashItem.id == item_id))
        return change

    def purge(self, item_id: int) -> None:
        """Remove an item from the Trash for good."""
        with self.db.write() as session:
            item = session.get(TrashItem, item_id)
            if item is None:
                raise NotFoundError("This item is no longer in the Trash.")
            audit.record(
                session, "delete", "trash_item", f"Removed from the Trash: {item.label}", item.id
            )
            session.delete(item)

    def empty(self, older_than_days: int = 0) -> int:
        """Purge items deleted more than ``older_than_days`` days ago; return how many."""
        cutoff = utcnow() - dt.timedelta(days=older_than_days)
        with self.db.write() as session:
            ids = list(session.scalars(select(TrashItem.id).where(TrashItem.deleted_at <= cutoff)))
            if ids:
                session.execute(delete(TrashItem).where(TrashItem.id.in_(ids)))
                audit.record(
                    session, "delete", "trash_item", f"Emptied {len(ids)} items from the Trash"
                )
        return len(ids)
