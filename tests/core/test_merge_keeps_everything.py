"""A merge loses nothing: every row that named the record merged away names the one kept.

The columns checked are read from the schema (every foreign key to partner or contact, and
every column that names a record by id without one), not listed here: a table added later
that refers to a partner or contact fails :func:`test_the_world_refers_to_the_merged_record_
from_every_table` until the world below has a row in it, and then the merge test until the
merge moves that row.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Integer, Table, UniqueConstraint, and_, select, text

from brokerdesk.core.db import Database
from brokerdesk.core.models import AuditEvent, Base
from brokerdesk.core.services import Services
from brokerdesk.core.services.documents import NewDocument
from brokerdesk.core.services.duplicates import merge, undo_merge
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.history import HistoryService
from brokerdesk.core.services.merge_own import NAMED_BY_ID
from brokerdesk.core.services.static_lists import StaticListService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

# Columns naming a record by id on purpose, as history: the merged-away record's own history
# and Trash entries stay under its id, where undoing the merge finds them again.
HISTORY = {("audit_event", "record_id"), ("trash_item", "record_id")}
SKIP_IN_DUMP = {"audit_event", "trash_item"}
BOOKKEEPING = {"updated_at", "version_id"}


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _foreign_keys_to(entity: str) -> list[tuple[str, str]]:
    """Every (table, column) with a foreign key to ``entity``, from the metadata."""
    target = _table(entity)
    return sorted(
        (child.name, fk.parent.name)
        for child in Base.metadata.sorted_tables
        for fk in child.foreign_keys
        if fk.column.table is target
    )


def _ids_without_foreign_key() -> set[tuple[str, str]]:
    """Integer columns called ``…_id`` that no foreign key checks: they may name any record."""
    return {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.c
        if column.name.endswith("_id")
        and column.name != "version_id"
        and isinstance(column.type, Integer)
        and not column.foreign_keys
    }


def _referring_rows(session: Any, entity: str, record_id: int) -> dict[tuple[str, str], list[Any]]:
    """Every row naming ``entity`` #``record_id``, by (table, column)."""
    found: dict[tuple[str, str], list[Any]] = {}
    for name, column in _foreign_keys_to(entity):
        child = _table(name)
        found[(name, column)] = [
            dict(r)
            for r in session.execute(select(child).where(child.c[column] == record_id)).mappings()
        ]
    values, fields = _table("custom_value"), _table("custom_field")
    lists, members = _table("static_list"), _table("static_list_member")
    own = select(values).join(fields, fields.c.id == values.c.field_id)
    found[("custom_value", "record_id")] = [
        dict(r)
        for r in session.execute(
            own.where(fields.c.entity == entity, values.c.record_id == record_id)
        ).mappings()
    ]
    found[("custom_value", "number_value")] = [
        dict(r)
        for r in session.execute(
            own.where(
                fields.c.kind == "link",
                fields.c.link_kind == entity,
                values.c.number_value == record_id,
            )
        ).mappings()
    ]
    found[("static_list_member", "record_id")] = [
        dict(r)
        for r in session.execute(
            select(members)
            .join(lists, lists.c.id == members.c.list_id)
            .where(lists.c.entity == entity, members.c.record_id == record_id)
        ).mappings()
    ]
    return found


def _dump(db: Database) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    with db.engine.connect() as conn:
        for name in Base.metadata.tables:
            if name in SKIP_IN_DUMP:
                continue
            rows = conn.execute(text(f"SELECT * FROM {name}")).mappings()
            out[name] = sorted(
                (tuple(sorted((k, v) for k, v in r.items() if k not in BOOKKEEPING)) for r in rows),
                key=repr,
            )
    return out


def _world(db: Database, world: World) -> dict[str, Any]:
    """Two partners and two contacts that are one, with everything that can refer to them."""
    s = Services(db)
    reading, health = world.offer_areas["reading"], world.offer_areas["health_wellbeing"]
    bristol = world.services["E06000023"]
    fields = s.custom_fields
    charity = fields.add("partner", FieldSpec("Charity number", "text")).id
    region = fields.add("partner", FieldSpec("Region", "choice", choices=("North", "South"))).id
    old_code = fields.add("partner", FieldSpec("Old code", "text")).id
    pronouns = fields.add("contact", FieldSpec("Pronouns", "text")).id
    since = fields.add("contact", FieldSpec("Known since", "date")).id
    lead = fields.add("programme", FieldSpec("Lead partner", "link", link_kind="partner")).id
    main = fields.add("partner", FieldSpec("Main contact", "link", link_kind="contact")).id
    keep = s.partners.create(
        {
            "name": "RNIB",
            "tags": ["sight loss"],
            "offer_area_ids": [reading],
            f"cf_{region}": "North",
        }
    ).id
    other = s.partners.create(
        {
            "name": "Royal National Institute of Blind People",
            "website": "https://rnib.org.uk",
            "tags": ["sight loss", "audio"],
            "offer_area_ids": [reading, health],
            f"cf_{charity}": "226227",
            f"cf_{region}": "South",
            f"cf_{old_code}": "RN-1",
        }
    ).id
    fields.remove(old_code)  # a removed field's values are kept too (undo puts it back)
    keep_contact = s.contacts.create(
        {"full_name": "Ann Lee", "service_id": bristol, f"cf_{pronouns}": "she/her"}
    ).id
    other_contact = s.contacts.create(
        {
            "full_name": "Anne Lee",
            "email": "ann.lee@bristol.gov.uk",
            "service_id": bristol,
            "tags": ["board"],
            f"cf_{pronouns}": "she/they",
            f"cf_{since}": "2019-04-01",
        }
    ).id
    s.contacts.create({"full_name": "Jo Bloggs", "partner_id": other})
    s.partners.update(other, {f"cf_{main}": other_contact})
    shared = s.programmes.create(
        {
            "name": "Talking Books",
            "offer_area_id": reading,
            "partners": [(keep, "lead"), (other, "funder")],
        }
    ).id
    own = s.programmes.create(
        {
            "name": "Audio Club",
            "offer_area_id": reading,
            "partners": [(other, "lead")],
            f"cf_{lead}": other,
        }
    ).id
    s.participations.create(
        {"programme_id": own, "service_id": bristol, "local_contact_id": other_contact}
    )
    s.interactions.create(
        {
            "occurred_on": "2026-01-05",
            "subject": "Kick-off",
            "partner_id": other,
            "contact_id": other_contact,
        }
    )
    s.agreements.create({"partner_id": other, "title": "MoU"})
    s.grants.create({"title": "Audio grant", "partner_id": other, "status": "awarded"})
    s.documents.add("partner", other, [NewDocument("mou.txt", b"Memorandum of understanding")])
    s.named_leads.set_lead(bristol, reading, other_contact)
    lists = StaticListService(db)
    board = lists.create("partner", "Board invitees").id
    lists.add(board, [other])
    both = lists.create("partner", "Newsletter").id
    lists.add(both, [keep, other])
    people = lists.create("contact", "Round table").id
    lists.add(people, [other_contact])
    return {
        "partner": (keep, other),
        "contact": (keep_contact, other_contact),
        "programmes": (shared, own),
        "keys": {"charity": f"cf_{charity}", "region": f"cf_{region}", "old": f"cf_{old_code}"},
        "contact_keys": {"pronouns": f"cf_{pronouns}", "since": f"cf_{since}"},
    }


def test_every_column_naming_a_record_by_id_is_handled_by_the_merge_or_is_history() -> None:
    """A new column that names a partner or contact without a foreign key fails here."""
    named = {key for key in NAMED_BY_ID if key[1].endswith("_id")}
    assert _ids_without_foreign_key() == named | HISTORY


@pytest.mark.parametrize("entity", ["partner", "contact"])
def test_the_world_refers_to_the_merged_record_from_every_table(
    db: Database, world: World, entity: str
) -> None:
    """A table added later that refers to partners or contacts fails here until the world
    above has a row in it (and so until the merge test below checks the merge moves it)."""
    made = _world(db, world)
    _keep, other = made[entity]
    with db.read() as session:
        found = _referring_rows(session, entity, other)
    empty = sorted(f"{t}.{c}" for (t, c), rows in found.items() if not rows)
    assert not empty, f"nothing in the test world refers to the {entity} from {empty}"
    assert set(found) >= set(_foreign_keys_to(entity)) | set(NAMED_BY_ID)


def _still_there(session: Any, table: str, column: str, row: dict[str, Any], keep: int) -> bool:
    """The row now names the record kept, or was dropped because the kept record had one
    like it (the same link, or a role in the same programme)."""
    child = _table(table)
    if "id" in child.c:
        now = session.execute(select(child).where(child.c.id == row["id"])).mappings().first()
        if now is not None:
            return bool(now[column] == keep)
        unique = [
            [c.name for c in con.columns]
            for con in child.constraints
            if isinstance(con, UniqueConstraint) and column in con.columns
        ]
        return any(
            session.execute(
                select(child.c.id).where(
                    and_(*[child.c[c] == (keep if c == column else row[c]) for c in cols])
                )
            ).first()
            for cols in unique
        )
    moved = {**row, column: keep}
    probe = and_(*[child.c[k] == v for k, v in moved.items()])
    return session.execute(select(child.c[column]).where(probe)).first() is not None


@pytest.mark.parametrize("entity", ["partner", "contact"])
def test_after_a_merge_nothing_names_the_merged_record_and_undo_restores_it_all(
    db: Database, world: World, entity: str
) -> None:
    made = _world(db, world)
    keep, other = made[entity]
    before = _dump(db)
    with db.read() as session:
        referring = _referring_rows(session, entity, other)
        values = Services(db).for_entity(entity).get(other)
    change = merge(db, entity, keep, other)
    problems: list[str] = []
    with db.read() as session:
        left = {k: rows for k, rows in _referring_rows(session, entity, other).items() if rows}
        problems += [
            f"{t}.{c} still names the merged-away {entity}: {r}" for (t, c), r in left.items()
        ]
        problems += [
            f"{table}.{column} named the merged-away {entity} and is gone: {row}"
            for (table, column), rows in referring.items()
            for row in rows
            if (table, column) != ("custom_value", "record_id")
            and not _still_there(session, table, column, row, keep)
        ]
        history = json.loads(
            session.scalars(
                select(AuditEvent.changes).where(
                    AuditEvent.action == "merge", AuditEvent.record_id == keep
                )
            ).one()
        )
        # The kept record's own values (removed fields' too, which get() leaves out).
        own_now = {
            r["field_id"]: {k: v for k, v in r.items() if k != "record_id"}
            for r in _referring_rows(session, entity, keep)[("custom_value", "record_id")]
        }
    not_kept = history.get("not_kept", {})
    for row in referring[("custom_value", "record_id")]:
        theirs = {k: v for k, v in row.items() if k != "record_id"}
        key = f"cf_{row['field_id']}"
        if own_now.get(row["field_id"]) != theirs and key not in not_kept:
            problems.append(f"own field {key} = {values.get(key, theirs)!r} was dropped")
    assert not problems, "\n".join(problems)
    undo_merge(db, change)
    assert _dump(db) == before, "undo puts both records back exactly, own values included"


def test_own_field_values_are_taken_chosen_or_written_to_history(
    db: Database, world: World
) -> None:
    made = _world(db, world)
    keep, other = made["partner"]
    keys = made["keys"]
    s = Services(db)
    change = merge(db, "partner", keep, other)  # the defaults: the kept record's values
    merged = s.partners.get(keep)
    assert merged[keys["charity"]] == "226227", "taken where the kept record had none"
    assert merged[keys["region"]] == "North", "a conflict keeps the kept record's value"
    entries = HistoryService(db).for_record("partner", keep)
    merge_entry = next(e for e in entries if e.action == "merge")
    left_out = {c.label: c.old for c in merge_entry.changes if not c.kept}
    assert left_out == {"Region": "South", "Name": "Royal National Institute of Blind People"}
    taken = {c.label: (c.old, c.new) for c in merge_entry.changes if c.kept}
    assert taken["Charity number"] == (None, "226227")
    assert taken["Website"] == (None, "https://rnib.org.uk")
    assert taken["Old code"] == (None, "RN-1"), "a removed field's value is kept too"
    programme = s.programmes.get(made["programmes"][1])
    lead = next(k for k in programme if k.startswith("cf_"))
    assert programme[lead] == keep, "a link field pointing at the other now names the kept"
    undo_merge(db, change)
    assert s.partners.get(keep)[keys["charity"]] is None
    assert s.partners.get(other)[keys["region"]] == "South"
    merge(db, "partner", keep, other, {keys["region"]: "other"})
    assert s.partners.get(keep)[keys["region"]] == "South"
    entries = HistoryService(db).for_record("partner", keep)
    merge_entry = next(e for e in entries if e.action == "merge")
    assert ("Region", "North") in {(c.label, c.old) for c in merge_entry.changes if not c.kept}


def test_a_contact_merge_keeps_the_other_contacts_own_values(db: Database, world: World) -> None:
    made = _world(db, world)
    keep, other = made["contact"]
    keys = made["contact_keys"]
    merge(db, "contact", keep, other, {keys["pronouns"]: "other"})
    merged = Services(db).contacts.get(keep)
    assert merged[keys["pronouns"]] == "she/they"
    assert merged[keys["since"]] == dt.date(2019, 4, 1)
    assert StaticListService(db).members(StaticListService(db).lists("contact")[0].id) == [keep]
