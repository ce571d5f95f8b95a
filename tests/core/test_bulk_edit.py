"""Bulk edit: a preview of exactly what will change, one transaction, each record's history,
and undo that puts every record back as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import AuditEvent
from brokerdesk.core.services import Services
from brokerdesk.core.services.bulk_edit import BulkEdit, setters
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.static_lists import StaticListService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def _partners(s: Services) -> list[int]:
    return [
        s.partners.create({"name": "Arts Trust", "owner": "Sam", "tags": "pilot"}).id,
        s.partners.create({"name": "Books Trust", "owner": "Alex", "status": "active"}).id,
        s.partners.create({"name": "Cue Charity", "owner": "Sam"}).id,
    ]


def test_each_kind_offers_what_it_has() -> None:
    assert [x.key for x in setters("partner")] == [
        "owner",
        "status",
        "partner_type",
        "tags_add",
        "tags_remove",
        "list_add",
        "list_remove",
    ]
    assert [x.key for x in setters("library_service")] == [
        "tags_add",
        "tags_remove",
        "list_add",
        "list_remove",
    ]
    assert "status" in [x.key for x in setters("programme")]


def test_preview_says_record_field_old_and_new(db: Database, world: World) -> None:
    s = Services(db)
    ids = _partners(s)
    board = StaticListService(db).create("partner", "Board").id
    StaticListService(db).add(board, [ids[1]])
    bulk = BulkEdit(db, "partner")
    lines = bulk.preview(ids, {"status": "active", "tags_add": "Board, pilot", "list_add": board})
    assert [(x.record, x.field, x.old, x.new) for x in lines] == [
        ("Arts Trust", "Status", "Prospect", "Active"),
        ("Arts Trust", "Tags", "pilot", "pilot, Board"),
        ("Arts Trust", "On list “Board”", "not on it", "on the list"),
        ("Books Trust", "Tags", "none", "Board, pilot"),
        ("Cue Charity", "Status", "Prospect", "Active"),
        ("Cue Charity", "Tags", "none", "Board, pilot"),
        ("Cue Charity", "On list “Board”", "not on it", "on the list"),
    ]


def test_apply_then_undo_then_redo(db: Database, world: World) -> None:
    s = Services(db)
    ids = _partners(s)
    bulk = BulkEdit(db, "partner")
    with db.read() as session:
        last = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    change = bulk.apply(ids, {"owner": "", "tags_remove": "PILOT", "partner_type": "funder"})
    got = [s.partners.get(i) for i in ids]
    assert [(p["owner"], p["partner_type"], p["tags"]) for p in got] == [(None, "funder", [])] * 3
    with db.read() as session:
        lines = session.scalars(
            select(AuditEvent.record_id).where(
                AuditEvent.entity == "partner", AuditEvent.action == "update", AuditEvent.id > last
            )
        ).all()
    assert sorted(lines) == sorted(ids)  # one history line on each record
    bulk.put_back(change.before)
    got = [s.partners.get(i) for i in ids]
    assert [(p["owner"], p["partner_type"], p["tags"]) for p in got] == [
        ("Sam", "charity", ["pilot"]),
        ("Alex", "charity", []),
        ("Sam", "charity", []),
    ]
    bulk.put_back(change.after)
    assert {s.partners.get(i)["owner"] for i in ids} == {None}


def test_refusals(db: Database, world: World) -> None:
    s = Services(db)
    ids = _partners(s)
    bulk = BulkEdit(db, "partner")
    with pytest.raises(ValidationError, match="Choose a status"):
        bulk.preview(ids, {"status": ""})
    with pytest.raises(ValidationError):
        bulk.preview(ids, {"status": "asleep"})
    with pytest.raises(ValidationError, match="cannot set 'region' on partners"):
        bulk.preview(ids, {"region": "Wales"})
    with pytest.raises(ValidationError, match="Nothing would change"):
        bulk.apply(ids[:1], {"owner": "Sam"})
    assert s.partners.get(ids[0])["version_id"] == 1


def test_set_one_of_the_teams_own_fields_on_twenty_partners_and_undo(
    db: Database, world: World
) -> None:
    """Issue 20's example: "Tier" (one choice) set on 20 selected partners, then undone."""
    s = Services(db)
    tier = s.custom_fields.add(
        "partner", FieldSpec("Tier", "choice", choices=("Gold", "Silver", "Bronze"))
    ).id
    ids = [s.partners.create({"name": f"Partner {n:02}"}).id for n in range(20)]
    s.partners.update(ids[0], {f"cf_{tier}": "Silver"}, s.partners.get(ids[0])["version_id"])
    bulk = BulkEdit(db, "partner")
    assert bulk.setters[f"cf_{tier}"].label == "Tier"
    preview = bulk.preview(ids, {f"cf_{tier}": "Gold"})
    assert len(preview) == 20
    assert (preview[0].field, preview[0].old, preview[0].new) == ("Tier", "Silver", "Gold")
    change = bulk.apply(ids, {f"cf_{tier}": "Gold"})
    assert {s.partners.get(i)[f"cf_{tier}"] for i in ids} == {"Gold"}
    with pytest.raises(ValidationError):
        bulk.preview(ids, {f"cf_{tier}": "Platinum"})
    bulk.put_back(change.before)
    assert [s.partners.get(i)[f"cf_{tier}"] for i in ids] == ["Silver"] + [None] * 19
