"""Importing into the team's own fields: mapped like any column, converted per type, a bad
value or a missing required one refusing its row with a reason."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.importing import IMPORTERS, ImportOptions, open_spreadsheet, run_import
from brokerdesk.core.importing.mapping import suggest_mapping
from brokerdesk.core.importing.own_fields import all_targets
from brokerdesk.core.models import Partner
from brokerdesk.core.services import Services
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.history import HistoryService

pytestmark = pytest.mark.both_backends


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_charity_number_and_tier_import_and_bad_rows_are_refused_with_reasons(
    db: Database, tmp_path: Path
) -> None:
    services = Services(db)
    number = services.custom_fields.add(
        "partner",
        FieldSpec(
            "Charity number", "text", required_field="partner_type", required_value="charity"
        ),
    )
    tier = services.custom_fields.add(
        "partner", FieldSpec("Tier", "choice", choices=("Gold", "Silver", "Bronze"))
    )
    since = services.custom_fields.add("partner", FieldSpec("Partner since", "date"))
    rows = [
        ["Name", "Type", "Charity number", "Tier", "Partner since"],
        ["Reading Ahead", "Charity", "1122334", "gold", "03/03/2024"],
        ["Pixel Ltd", "Company", "", "Silver", ""],
        ["No Number Trust", "Charity", "", "Bronze", ""],
        ["Shiny Co", "Company", "", "Platinum", "someday"],
    ]
    source = open_spreadsheet(_csv(tmp_path / "partners.csv", rows))
    targets = all_targets(db, IMPORTERS["partners"])
    mapping = suggest_mapping(targets, rows[0])
    assert mapping == {
        "Name": "name",
        "Type": "partner_type",
        "Charity number": f"cf_{number.id}",
        "Tier": f"cf_{tier.id}",
        "Partner since": f"cf_{since.id}",
    }
    summary = run_import(db, source, "partners", mapping, options=ImportOptions(skip_invalid=True))
    assert (summary.created, summary.refused) == (2, 2)
    reasons = {r.row: r.reasons for r in summary.refused_rows}
    assert reasons[4] == ["Charity number is required when Type is Charity."]
    assert reasons[5] == [
        "Tier: 'Platinum' is not one of Gold, Silver, Bronze.",
        "Partner since: 'someday' is not a date (use YYYY-MM-DD or DD/MM/YYYY).",
    ]
    with db.read() as session:
        ids = {name: i for name, i in session.execute(select(Partner.name, Partner.id))}
    reading = services.partners.get(ids["Reading Ahead"])
    assert reading[f"cf_{number.id}"] == "1122334" and reading[f"cf_{tier.id}"] == "Gold"
    assert str(reading[f"cf_{since.id}"]) == "2024-03-03"
    history = HistoryService(db).for_record("partner", ids["Pixel Ltd"])
    tier_lines = [
        (e.source, c.label, c.new) for e in history for c in e.changes if c.label == "Tier"
    ]
    assert tier_lines == [("Import of partners.csv", "Tier", "Silver")]
