"""An import's history names exactly the records it wrote, even with other users at work."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from brokerdesk.core import audit
from brokerdesk.core.db import Database
from brokerdesk.core.importing import IMPORTERS, open_spreadsheet, run_import, suggest_mapping
from brokerdesk.core.importing.base import RowPlan
from brokerdesk.core.models import AuditEvent, Partner
from brokerdesk.core.services import Services


def _created_by(db: Database, source: str) -> list[int]:
    with db.read() as session:
        rows = session.execute(
            select(AuditEvent.record_id, AuditEvent.changes).where(
                AuditEvent.action == "create", AuditEvent.entity == "partner"
            )
        )
        return sorted(
            int(rid)
            for rid, changes in rows
            if json.loads(changes).get(audit.SOURCE_FIELD) == source
        )


# SQLite cannot have this race: the import holds its only write lock until it commits.
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_partner_another_user_adds_during_an_import_is_not_in_its_history(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the import's insert and its history, a colleague in team mode saves a
    partner: its History must not say "Import of partners.csv" created it."""
    path = tmp_path / "partners.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Name"], ["Good Trust"], ["Reading Friends"]])
    importer = IMPORTERS["partners"]
    insert = importer.write
    colleague: list[int] = []

    def write_while_a_colleague_saves(
        self: Any, creates: Sequence[dict[str, Any]], updates: Sequence[RowPlan]
    ) -> Any:
        written = insert(self, creates, updates)
        if not colleague:  # their own transaction, committed before the import's ends
            colleague.append(Services(db).partners.create({"name": "Colleague's Partner"}).id)
        return written

    monkeypatch.setattr(importer, "write", write_while_a_colleague_saves)
    source = open_spreadsheet(path)
    mapping = suggest_mapping(importer.targets, source.sheet().headers)
    summary = run_import(db, source, "partners", mapping)
    assert summary.written and summary.created == 2
    ids = _created_by(db, "Import of partners.csv")
    assert colleague[0] not in ids
    with db.read() as session:
        names = session.scalars(select(Partner.name).where(Partner.id.in_(ids))).all()
    assert sorted(names) == ["Good Trust", "Reading Friends"]
