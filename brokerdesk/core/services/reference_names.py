"""The names behind the ids a history shows: "Offer area: Reading → Health & Wellbeing".

The audit trail keeps a reference field's value as it is stored, an id. History shows the
name of the record it pointed at **as it was when the change was made**: a partner renamed
since, or a programme deleted since, still reads as it did then. Nothing extra is written
with each change for this: the referenced records' own audit trail already holds every name
they had, so the name at the time of event *E* is read back from it:

* the name the last change before *E* gave it (event ids only grow, so "before" is exact);
* else the name the first change after *E* took away (it was renamed or deleted later);
* else its name now (records imported or made by the demo have no trail of their own).

A record deleted since and never seen by the trail has no name to give (None): the window
says so instead of showing a bare number.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core.models import (
    Agreement,
    AuditEvent,
    Base,
    Branch,
    Contact,
    Grant,
    LibraryService,
    OfferArea,
    Partner,
    Programme,
    Series,
)

# A reference field's name -> the kind of record it points at and the column naming it.
REFERENCES: dict[str, tuple[type[Base], str]] = {
    "partner_id": (Partner, "name"),
    "service_id": (LibraryService, "nice_name"),
    "programme_id": (Programme, "name"),
    "contact_id": (Contact, "full_name"),
    "local_contact_id": (Contact, "full_name"),
    "offer_area_id": (OfferArea, "name"),
    "branch_id": (Branch, "name"),
    "series_id": (Series, "name"),
    "grant_id": (Grant, "title"),
    "agreement_id": (Agreement, "title"),
}


def is_reference(field: str) -> bool:
    return field in REFERENCES


@dataclass(frozen=True)
class Wanted:
    """A name to find: the record ``field`` = ``record_id`` pointed at, as of ``event_id``."""

    field: str
    record_id: int
    event_id: int


@dataclass(frozen=True)
class _Renamed:
    event_id: int
    old: str | None
    new: str | None


def names_as_of(session: Session, wanted: Iterable[Wanted]) -> dict[Wanted, str | None]:
    """The name of each wanted record as of its event (None: deleted, its name unknown)."""
    wanted = list(wanted)
    ids: dict[str, set[int]] = defaultdict(set)  # table -> record ids
    named_by: dict[str, tuple[type[Base], str]] = {}  # table -> its model and name column
    for w in wanted:
        ids[_table(w)].add(w.record_id)
        named_by[_table(w)] = REFERENCES[w.field]
    now: dict[tuple[str, int], str] = {}
    trail: dict[tuple[str, int], list[_Renamed]] = defaultdict(list)
    for table, record_ids in ids.items():
        model, column = named_by[table]
        id_column, name_column = model.__table__.c.id, model.__table__.c[column]
        for rid, name in session.execute(
            select(id_column, name_column).where(id_column.in_(record_ids))
        ):
            now[(table, int(rid))] = str(name)
        events = session.execute(
            select(AuditEvent.id, AuditEvent.record_id, AuditEvent.changes)
            .where(AuditEvent.entity == table, AuditEvent.record_id.in_(record_ids))
            .order_by(AuditEvent.id)
        )
        for event_id, rid, changes in events:
            if rid is None:
                continue
            pair = json.loads(changes or "{}").get(column)
            if isinstance(pair, list) and len(pair) == 2:
                old, new = (None if v is None else str(v) for v in pair)
                trail[(table, int(rid))].append(_Renamed(int(event_id), old, new))
    out: dict[Wanted, str | None] = {}
    for w in wanted:
        key = (_table(w), w.record_id)
        out[w] = _name_at(trail.get(key, []), w.event_id, now.get(key))
    return out


def _table(w: Wanted) -> str:
    return str(REFERENCES[w.field][0].__tablename__)


def _name_at(renames: list[_Renamed], event_id: int, now: str | None) -> str | None:
    before = [r for r in renames if r.event_id < event_id]
    if before:
        last = before[-1]
        return last.new if last.new is not None else last.old  # a delete keeps its old name
    after = [r for r in renames if r.event_id > event_id]
    if after:
        first = after[0]
        return first.old if first.old is not None else first.new  # made later: its first name
    return now
