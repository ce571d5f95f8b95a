"""``brokerdesk import`` leaves a History: each record it changes or creates, and the import."""

from __future__ import annotations

import csv
from pathlib import Path

from brokerdesk.cli import main
from brokerdesk.core.db import open_database
from brokerdesk.core.services import Services
from brokerdesk.core.services.history import HistoryService


def test_an_import_that_updates_and_creates_partners_is_in_their_history(
    db_path: Path, tmp_path: Path
) -> None:
    database = open_database(db_path, user_name="tester")
    try:
        kept = Services(database).partners.create({"name": "BookTrust", "owner": "Sam Green"}).id
    finally:
        database.dispose()
    sheet = tmp_path / "partners.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["Name", "Relationship owner"],
                ["BookTrust", "Priya Shah"],
                ["The Reading Agency", "Alex Morgan"],
            ]
        )
    args = ["import", "partners", str(sheet), "--db", str(db_path), "--on-match", "update"]
    assert main(args) == 0

    database = open_database(db_path, create=False)
    try:
        history = HistoryService(database)
        changed = history.for_record("partner", kept)
        newest = changed[0]
        assert newest.action == "update"
        assert newest.source == "Import of partners.csv"
        assert newest.user_name == "tester"
        assert [(c.label, c.old, c.new) for c in newest.changes] == [
            ("Relationship owner", "Sam Green", "Priya Shah")
        ]
        assert changed[-1].action == "create" and changed[-1].source is None  # the form's
        with database.read() as session:
            from sqlalchemy import text

            created = session.execute(
                text("SELECT id FROM partner WHERE name = 'The Reading Agency'")
            ).scalar_one()
        (made,) = history.for_record("partner", created)
        assert made.action == "create" and made.source == "Import of partners.csv"
        assert made.summary == "The Reading Agency" and made.user_name == "tester"
        # Importing the same file again changes nothing, so it adds no history.
        assert main(args) == 0
        assert len(history.for_record("partner", kept)) == len(changed)
    finally:
        database.dispose()
