"""What a merge must carry over that no foreign key names: the team's own fields and lists.

Foreign keys lead :mod:`~brokerdesk.core.services.duplicates` to every row that points at
the record merged away. Three kinds of row name a record by its id alone, because one table
serves every kind of record: the values of the team's own fields (``custom_value``, keyed by
field and record), the values of their link fields that point at a record (a programme's
own "Lead partner"), and static list memberships (``static_list_member``). This module moves
those, and writes down what undo needs to put them back.

Own-field values follow the merge's rule for fixed fields: the record kept keeps its value
unless the user chose the other's; where it has none it takes the other's. A value not kept
is written to the kept record's history entry for the merge, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.orm import Session

import brokerdesk.core.services.custom_values as cf
from brokerdesk.core.models import CustomField, CustomValue, StaticList, StaticListMember
from brokerdesk.core.stored import json_value

# Columns that name a partner or contact by id without a foreign key, and how the merge
# handles each (tests/core/test_merge_keeps_everything.py checks every such column of the
# schema is listed here or is history on purpose).
NAMED_BY_ID: dict[tuple[str, str], str] = {
    ("custom_value", "record_id"): "own-field values move to the record kept",
    ("custom_value", "number_value"): "link fields re-point to the record kept",
    ("static_list_member", "record_id"): "list memberships move to the record kept",
}


@dataclass
class OwnMerge:
    """What the merge did beyond foreign keys, kept in the Change for undo.

    Attributes:
        before: own-field key -> the kept record's value before (None: it had none).
        after: own-field key -> the value it holds now.
        not_kept: field key -> the value the merge did not keep (fixed fields too); written
            to the kept record's history entry.
        links: (field id, record id) of link-field values re-pointed to the kept record.
        lists_moved: static lists whose membership moved to the kept record.
        lists_dropped: static lists the kept record was on already (the other's row went).
    """

    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    not_kept: dict[str, Any] = field(default_factory=dict)
    links: list[tuple[int, int]] = field(default_factory=list)
    lists_moved: list[int] = field(default_factory=list)
    lists_dropped: list[int] = field(default_factory=list)


def own_keys(session: Session, entity: str) -> dict[str, cf.FieldDefinition]:
    """Every own field of ``entity``, removed ones too (their values are kept for undo)."""
    return {f.key: f for f in cf.definitions(session, entity, removed=True)}


def empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def take_fixed_values(
    survivor: Any,
    other: Any,
    names: set[str],
    chosen: Mapping[str, str],
    result: OwnMerge,
) -> list[str]:
    """The fixed fields whose value the survivor takes from the other; the values not kept
    go into ``result.not_kept``."""
    taken = []
    for name in sorted(names):
        mine, theirs = getattr(survivor, name), getattr(other, name)
        if empty(theirs) or mine == theirs:
            continue
        side = chosen.get(name, "other" if empty(mine) else "survivor")
        if side == "survivor":
            result.not_kept[name] = json_value(theirs)
            continue
        if not empty(mine):
            result.not_kept[name] = json_value(mine)
        taken.append(name)
    return taken


def take_own_values(
    session: Session,
    entity: str,
    survivor_id: int,
    other_id: int,
    chosen: Mapping[str, str],
    result: OwnMerge,
) -> None:
    """Give the kept record the own-field values it takes, noting those not kept.

    ``chosen`` maps a field key to ``"survivor"`` or ``"other"``. A field not named keeps
    the kept record's value, or takes the other's where the kept record has none.
    """
    fields = own_keys(session, entity)
    values = cf.read(session, list(fields.values()), [survivor_id, other_id])
    for key, definition in fields.items():
        mine, theirs = values[survivor_id][key], values[other_id][key]
        if empty(theirs) or mine == theirs:
            continue
        side = chosen.get(key, "other" if empty(mine) else "survivor")
        if side == "survivor":
            result.not_kept[key] = _plain(theirs)
            continue
        if not empty(mine):
            result.not_kept[key] = _plain(mine)
        result.before[key], result.after[key] = mine, theirs
        cf.write(session, definition, [survivor_id], theirs)


def _plain(value: Any) -> Any:
    """A value as the history keeps it (several choices as a list)."""
    return list(value) if isinstance(value, list | tuple) else json_value(value)


def history_changes(result: OwnMerge) -> dict[str, Any]:
    """The own fields' part of the merge's history entry: key -> [old, new]."""
    return {k: [_plain(result.before[k]), _plain(v)] for k, v in result.after.items()}


def undo_own_values(session: Session, entity: str, survivor_id: int, result: OwnMerge) -> None:
    """Put the kept record's own-field values back as they were before the merge."""
    fields = own_keys(session, entity)
    for key, value in result.before.items():
        if key in fields:
            cf.write(session, fields[key], [survivor_id], None if empty(value) else value)


# ------------------------------------------------------------------ references by id
def _link_fields(entity: str) -> Any:
    return select(CustomField.id).where(CustomField.kind == "link", CustomField.link_kind == entity)


def _list_ids(entity: str) -> Any:
    return select(StaticList.id).where(StaticList.entity == entity)


def preview_references(
    session: Session, entity: str, survivor_id: int, other_id: int
) -> list[tuple[str, int, int]]:
    """(table, rows that move, rows the kept record has already) for the references by id."""
    links = len(
        session.scalars(
            select(CustomValue.record_id).where(
                CustomValue.field_id.in_(_link_fields(entity)),
                CustomValue.number_value == other_id,
            )
        ).all()
    )
    lists = set(
        session.scalars(
            select(StaticListMember.list_id).where(
                StaticListMember.list_id.in_(_list_ids(entity)),
                StaticListMember.record_id == other_id,
            )
        )
    )
    already = _lists_of(session, entity, survivor_id) & lists
    out = []
    if links:
        out.append(("custom_value", links, 0))
    if lists:
        out.append(("static_list_member", len(lists - already), len(already)))
    return out


def _lists_of(session: Session, entity: str, record_id: int) -> set[int]:
    return set(
        session.scalars(
            select(StaticListMember.list_id).where(
                StaticListMember.list_id.in_(_list_ids(entity)),
                StaticListMember.record_id == record_id,
            )
        )
    )


def move_references(
    session: Session, entity: str, survivor_id: int, other_id: int, result: OwnMerge
) -> None:
    """Re-point link-field values and move list memberships to the kept record."""
    result.links = [
        (int(f), int(r))
        for f, r in session.execute(
            select(CustomValue.field_id, CustomValue.record_id).where(
                CustomValue.field_id.in_(_link_fields(entity)),
                CustomValue.number_value == other_id,
            )
        )
    ]
    for field_id, record_id in result.links:
        session.execute(
            update(CustomValue)
            .where(CustomValue.field_id == field_id, CustomValue.record_id == record_id)
            .values(number_value=survivor_id)
        )
    theirs = _lists_of(session, entity, other_id)
    mine = _lists_of(session, entity, survivor_id)
    result.lists_moved = sorted(theirs - mine)
    result.lists_dropped = sorted(theirs & mine)
    for list_id in result.lists_moved:
        session.execute(
            update(StaticListMember)
            .where(StaticListMember.list_id == list_id, StaticListMember.record_id == other_id)
            .values(record_id=survivor_id)
        )
    if result.lists_dropped:
        session.execute(
            delete(StaticListMember).where(
                StaticListMember.list_id.in_(result.lists_dropped),
                StaticListMember.record_id == other_id,
            )
        )


def undo_references(session: Session, survivor_id: int, other_id: int, result: OwnMerge) -> None:
    """Point the link values and list memberships back at the record merged away."""
    for field_id, record_id in result.links:
        session.execute(
            update(CustomValue)
            .where(
                and_(
                    CustomValue.field_id == field_id,
                    CustomValue.record_id == record_id,
                    CustomValue.number_value == survivor_id,
                )
            )
            .values(number_value=other_id)
        )
    for list_id in result.lists_moved:
        session.execute(
            update(StaticListMember)
            .where(StaticListMember.list_id == list_id, StaticListMember.record_id == survivor_id)
            .values(record_id=other_id)
        )
    if result.lists_dropped:
        session.execute(
            insert(StaticListMember),
            [{"list_id": i, "record_id": other_id} for i in result.lists_dropped],
        )
