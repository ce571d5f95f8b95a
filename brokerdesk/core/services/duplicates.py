"""Find likely duplicate partners and contacts, merge a pair, and undo the merge.

Imports from several spreadsheets leave "Royal National Institute of Blind People" beside
"RNIB", or one person twice with two spellings. The finder proposes pairs with a score and a
reason; the merge keeps one record (the survivor), takes field by field what the user chose,
moves everything that pointed at the other record to the survivor, and deletes the other, in
one transaction. Its :class:`~brokerdesk.core.services.records.Change` carries what undo needs
to put every row back where it was. What names a record by id without a foreign key (the
team's own fields and their links, static lists) is moved by
:mod:`~brokerdesk.core.services.merge_own`; a value not kept is written to the survivor's
history entry for the merge, so a merge loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import UniqueConstraint, and_, delete, insert, select, update
from sqlalchemy.orm import Session

import brokerdesk.core.services.merge_own as merge_own
from brokerdesk.core import audit, snapshots
from brokerdesk.core.db import Database
from brokerdesk.core.errors import Cancelled, NotFoundError, ValidationError
from brokerdesk.core.importing.cleaning import web_domain
from brokerdesk.core.importing.folding import match_key
from brokerdesk.core.importing.matching import evidence_domain
from brokerdesk.core.importing.partner_matching import partner_key
from brokerdesk.core.models import Contact, Partner
from brokerdesk.core.services.history import NOT_KEPT
from brokerdesk.core.services.partners import PartnerService
from brokerdesk.core.services.people import ContactService
from brokerdesk.core.services.records import Change
from brokerdesk.core.stored import json_value

MERGEABLE = {
    "partner": (Partner, PartnerService.fields),
    "contact": (Contact, ContactService.fields),
}


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that may be the same, best pairs first.

    Attributes:
        entity: ``partner`` or ``contact``.
        first_id, second_id: the records (first is the older one, a natural survivor).
        first_label, second_label: their names.
        score: 0-100.
        reason: why they look alike ("same website domain", "similar name").
    """

    entity: str
    first_id: int
    second_id: int
    first_label: str
    second_label: str
    score: float
    reason: str


# Names scored against the others at a time: the scores held at once are CHUNK x the rest,
# a few MB even for 30,000 contacts (all at once would be 3.6 GB), and Stop is heard between.
CHUNK = 500
Progress = Callable[[int, int], object]  # (names compared, names in all); False stops


def _pairs(
    entity: str,
    rows: list[tuple[int, str, str, Any]],
    threshold: float,
    exact_reason: str,
    progress: Progress | None = None,
) -> list[DuplicatePair]:
    """rows: (id, label, exact key or '', group or None). Same group narrows fuzzy pairs."""
    found: dict[tuple[int, int], DuplicatePair] = {}
    by_key: dict[str, list[tuple[int, str]]] = {}
    for rid, label, key, _group in rows:
        if key:
            by_key.setdefault(key, []).append((rid, label))
    for items in by_key.values():
        for i, (a, la) in enumerate(items):
            for b, lb in items[i + 1 :]:
                found[(a, b)] = DuplicatePair(entity, a, b, la, lb, 100.0, exact_reason)
    # match_key, not the bare fold: names with no letters ("📚", "🎭") fold to "" and two
    # empty strings score 100; their visible characters tell them apart, and a name that
    # shows nothing is like no other.
    names = [match_key(label) for _, label, _, _ in rows]
    for i, j, score in _similar_names(names, [r[3] for r in rows], threshold, progress):
        if not names[i] or not names[j]:
            continue
        a, la, _, _ = rows[i]
        b, lb, _, _ = rows[j]
        pair = (min(a, b), max(a, b))
        if pair not in found:
            first, second = (la, lb) if a < b else (lb, la)
            found[pair] = DuplicatePair(entity, *pair, first, second, score, "similar name")
    return sorted(found.values(), key=lambda p: (-p.score, p.first_label.lower(), p.second_id))


def _similar_names(
    names: list[str], groups: list[Any], threshold: float, progress: Progress | None
) -> Iterator[tuple[int, int, float]]:
    """(i, j, score), i < j, for names at least ``threshold`` alike that may be one record.

    Rows in two different groups (a person at two organisations) are never one record, so
    each group is compared within itself and rows without a group with every row: for
    contacts that is a few thousand small comparisons instead of 30,000 x 30,000.

    Raises:
        Cancelled: ``progress`` returned False.
    """
    members: dict[Any, list[int]] = {}
    for index, group in enumerate(groups):
        members.setdefault(group, []).append(index)
    loose = members.pop(None, [])
    blocks = [(rows, rows) for rows in members.values() if len(rows) > 1]
    if loose:
        blocks.append((loose, list(range(len(names)))))
    total, done = sum(len(rows) for rows, _ in blocks), 0
    for queries, choices in blocks:
        same = queries is choices or queries == choices
        for start in range(0, len(queries), CHUNK):
            part = queries[start : start + CHUNK]
            # Within one set only the rows from this chunk on: pairs before it were scored.
            against = choices[start:] if same else choices
            scores = process.cdist(
                [names[q] for q in part],
                [names[c] for c in against],
                scorer=fuzz.token_sort_ratio,
                score_cutoff=threshold,
                workers=-1,
            )
            for i, j in zip(*scores.nonzero(), strict=True):
                a, b = part[i], against[j]
                if a != b:
                    yield min(a, b), max(a, b), float(scores[i, j])
            done += len(part)
            if progress is not None and progress(done, total) is False:
                raise Cancelled("The search for duplicates was stopped.")


def find_duplicate_partners(
    db: Database, threshold: float = 88.0, progress: Progress | None = None
) -> list[DuplicatePair]:
    """Partners with the same website domain, or names at least ``threshold`` alike.

    ``progress`` is called with (names compared, names in all); returning False stops the
    search with :class:`~brokerdesk.core.errors.Cancelled`.
    """
    with db.read() as session:
        rows = [
            (pid, name, web_domain(site), None)
            for pid, name, site in session.execute(
                select(Partner.id, Partner.name, Partner.website).order_by(Partner.id)
            )
        ]
        mail = session.execute(
            select(Contact.partner_id, Contact.email)
            .where(Contact.partner_id.is_not(None), Contact.email.is_not(None))
            .order_by(Contact.partner_id)
        ).all()
    pairs = _pairs("partner", rows, threshold, "same website domain", progress)
    labels = {pid: name for pid, name, _, _ in rows}
    by_name = [(pid, name, partner_key(name), None) for pid, name, _, _ in rows]
    by_mail = [
        (pid, labels[pid], evidence_domain(email or ""), None)
        for pid, email in mail
        if pid in labels
    ]
    found = {(p.first_id, p.second_id): p for p in pairs}
    for extra in (
        _same_key("partner", by_name, "same name but for 'The', 'Ltd' or '&'"),
        _same_key("partner", by_mail, "contacts' e-mail at the same domain"),
    ):
        for pair in extra:
            old = found.get((pair.first_id, pair.second_id))
            if old is None or old.reason == "similar name":  # say the telling reason
                found[(pair.first_id, pair.second_id)] = pair
    return sorted(found.values(), key=lambda p: (-p.score, p.first_label.lower(), p.second_id))


def _same_key(
    entity: str, rows: list[tuple[int, str, str, Any]], reason: str
) -> list[DuplicatePair]:
    """Pairs of different records whose rows share a non-empty key."""
    by_key: dict[str, dict[int, str]] = {}
    for rid, label, key, _group in rows:
        if key:
            by_key.setdefault(key, {})[rid] = label
    out = []
    for members in by_key.values():
        items = sorted(members.items())
        for i, (a, la) in enumerate(items):
            for b, lb in items[i + 1 :]:
                out.append(DuplicatePair(entity, a, b, la, lb, 100.0, reason))
    return out


def find_duplicate_contacts(
    db: Database, threshold: float = 90.0, progress: Progress | None = None
) -> list[DuplicatePair]:
    """Contacts with the same email, or similar names at the same organisation (or with
    none). ``progress`` as for :func:`find_duplicate_partners`."""
    with db.read() as session:
        rows = [
            (
                cid,
                name,
                (email or "").strip().lower(),
                (partner, service) if partner or service else None,
            )
            for cid, name, email, partner, service in session.execute(
                select(
                    Contact.id,
                    Contact.full_name,
                    Contact.email,
                    Contact.partner_id,
                    Contact.service_id,
                ).order_by(Contact.id)
            )
        ]
    return _pairs("contact", rows, threshold, "same email", progress)


def merge(
    db: Database,
    entity: str,
    survivor_id: int,
    other_id: int,
    choices: Mapping[str, str] | None = None,
) -> Change:
    """Merge ``other_id`` into ``survivor_id`` in one transaction.

    Nothing is lost: a field (fixed or one of the team's own, ``cf_<id>``) not named in
    ``choices`` keeps the survivor's value, or takes the other's where the survivor has none;
    every value not kept is written to the survivor's history entry for the merge, and the
    other record with all its values is in the Change for undo.

    Args:
        entity: ``partner`` or ``contact``.
        choices: field -> ``"survivor"`` or ``"other"``: whose value to keep.

    Returns:
        A ``merge`` Change; pass it to :func:`undo_merge` to take the merge back.
    """
    if entity not in MERGEABLE:
        raise ValidationError(
            {"entity": f"Only partners and contacts can be merged, not {entity}."}
        )
    if survivor_id == other_id:
        raise ValidationError({"other": "Choose two different records to merge."})
    model, fields = MERGEABLE[entity]
    names = {f.name for f in fields}
    chosen = dict(choices or {})
    table = snapshots.metadata_table(entity)
    with db.write() as session:
        own = merge_own.own_keys(session, entity)
        for name, side in chosen.items():
            if (name not in names and name not in own) or side not in ("survivor", "other"):
                raise ValidationError({name: f"'{name}: {side}' is not a merge choice."})
        survivor = session.get(model, survivor_id)
        other = session.get(model, other_id)
        if survivor is None or other is None:
            raise NotFoundError(f"One of the two {entity}s no longer exists.")
        result = merge_own.OwnMerge()
        taken = merge_own.take_fixed_values(survivor, other, names, chosen, result)
        before = {n: getattr(survivor, n) for n in taken}
        new_values = {n: getattr(other, n) for n in taken}
        label = (
            f"{getattr(other, _label_field(entity))} into {getattr(survivor, _label_field(entity))}"
        )
        moved, added = _move_references(session, table, survivor_id, other_id)
        merge_own.move_references(session, entity, survivor_id, other_id, result)
        merge_own.take_own_values(session, entity, survivor_id, other_id, chosen, result)
        snap = snapshots.capture(session, entity, [other_id])
        snapshots.drop_custom_values(session, snap)  # undo puts them back with the record
        session.expunge(other)
        session.execute(delete(table).where(table.c.id == other_id))
        if new_values:
            session.execute(
                update(table)
                .where(table.c.id == survivor_id)
                .values(**new_values, version_id=table.c.version_id + 1)
            )
        history: dict[str, Any] = {
            n: [json_value(before[n]), json_value(new_values[n])] for n in taken
        }
        history |= merge_own.history_changes(result)
        history["merged_id"] = other_id
        if result.not_kept:
            history[NOT_KEPT] = result.not_kept
        audit.record(session, "merge", entity, f"Merged {label}", survivor_id, history)
    touched = {t for t, _, _ in moved} | {t for t, _ in added} | {entity}
    if result.after or result.links:
        touched.add("custom_value")
    if result.lists_moved or result.lists_dropped:
        touched.add("static_list_member")
    return Change(
        entity,
        "merge",
        (survivor_id, other_id),
        before={"fields": before, "moved": moved, "added": added, "own": result},
        after=new_values,
        snapshot=snap,
        touched=frozenset(touched),
    )


def _label_field(entity: str) -> str:
    return "name" if entity == "partner" else "full_name"


def _referring_rows(
    session: Session, table: Any, survivor_id: int, other_id: int
) -> Iterator[tuple[Any, Any, dict[str, Any], bool]]:
    """Every row that refers to the other record, with whether the survivor has one like it.

    Yields (child table, referring column, row, clash). For a row with its own id, a clash
    means re-pointing it would break a unique rule (the survivor already has a role in the same
    programme); for a link row without an id (tags, offer areas), that the survivor already has
    the same link. The merge and its preview share this rule.
    """
    for child, fk in snapshots._referrers(table):
        column = fk.parent
        unique_sets = [
            [c.name for c in con.columns]
            for con in child.constraints
            if isinstance(con, UniqueConstraint) and column.name in con.columns
        ]
        rows = [
            dict(r) for r in session.execute(select(child).where(column == other_id)).mappings()
        ]
        for row in rows:
            if "id" in child.c:
                clash = any(
                    session.execute(
                        select(child.c.id).where(
                            and_(
                                *[
                                    child.c[c] == (survivor_id if c == column.name else row[c])
                                    for c in cols
                                ]
                            )
                        )
                    ).first()
                    for cols in unique_sets
                )
            else:
                copy = {**row, column.name: survivor_id}
                probe = and_(*[child.c[k] == v for k, v in copy.items()])
                clash = session.execute(select(column).where(probe)).first() is not None
            yield child, column, row, clash


def merge_preview(
    session: Session, entity: str, survivor_id: int, other_id: int
) -> list[tuple[str, int, int]]:
    """What merging ``other_id`` into ``survivor_id`` would do, without changing anything.

    Returns:
        (table, rows that move or are added, rows the survivor already has), per table with
        any row referring to the other record.
    """
    counts: dict[str, list[int]] = {}
    table = snapshots.metadata_table(entity)
    for child, _column, _row, clash in _referring_rows(session, table, survivor_id, other_id):
        moving_already = counts.setdefault(child.name, [0, 0])
        moving_already[1 if clash else 0] += 1
    found = [(name, moving, already) for name, (moving, already) in counts.items()]
    return found + merge_own.preview_references(session, entity, survivor_id, other_id)


def _move_references(
    session: Session, table: Any, survivor_id: int, other_id: int
) -> tuple[list[tuple[str, int, str]], list[tuple[str, dict[str, Any]]]]:
    """Point every row that refers to the other record at the survivor.

    Rows with their own id are re-pointed unless that would break a unique rule (the
    survivor already has a role in the same programme): those stay and are deleted with the
    other, inside the snapshot undo restores. Link rows without an id (tags, offer areas) are
    copied to the survivor where it lacks them.
    """
    moved: list[tuple[str, int, str]] = []
    added: list[tuple[str, dict[str, Any]]] = []
    planned = list(_referring_rows(session, table, survivor_id, other_id))
    for child, column, row, clash in planned:
        if clash:
            continue
        if "id" in child.c:
            session.execute(
                update(child).where(child.c.id == row["id"]).values({column.name: survivor_id})
            )
            moved.append((child.name, int(row["id"]), column.name))
        else:
            copy = {**row, column.name: survivor_id}
            session.execute(insert(child), [copy])
            added.append((child.name, copy))
    return moved, added


def undo_merge(db: Database, change: Change) -> Change:
    """Take a merge back: the other record returns with its ids, links and moved rows."""
    if change.action != "merge" or change.snapshot is None:
        raise ValidationError({}, "This change is not a merge that can be undone.")
    entity = change.entity
    survivor_id, other_id = change.ids
    table = snapshots.metadata_table(entity)
    with db.write() as session:
        for name, row in change.before["added"]:
            link = snapshots.metadata_table(name)
            session.execute(delete(link).where(and_(*[link.c[k] == v for k, v in row.items()])))
        snapshots.restore(session, change.snapshot)
        for name, row_id, column in change.before["moved"]:
            child = snapshots.metadata_table(name)
            session.execute(
                update(child)
                .where(and_(child.c.id == row_id, child.c[column] == survivor_id))
                .values({column: other_id})
            )
        own: merge_own.OwnMerge = change.before["own"]
        merge_own.undo_references(session, survivor_id, other_id, own)
        merge_own.undo_own_values(session, entity, survivor_id, own)
        fields = change.before["fields"]
        if fields:
            session.execute(
                update(table)
                .where(table.c.id == survivor_id)
                .values(**fields, version_id=table.c.version_id + 1)
            )
        audit.record(
            session, "restore", entity, f"Undid merge of #{other_id} into #{survivor_id}", other_id
        )
    return Change(entity, "restore", (other_id,), touched=change.touched)
