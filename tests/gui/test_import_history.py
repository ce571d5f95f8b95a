"""A partner's History names the import that changed it, beside who ran it."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from sqlalchemy import text

from brokerdesk.cli import main
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.history_panel import HistoryPanel
from tests.gui.drive import history_lines


def test_history_panel_shows_an_imports_change_and_its_source(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    db = window.ctx.db
    with db.read() as session:
        partner_id, owner = session.execute(
            text("SELECT id, owner FROM partner WHERE name = 'Northlight Sight Loss Trust'")
        ).one()
    sheet = tmp_path / "owners.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [["Name", "Relationship owner"], ["Northlight Sight Loss Trust", "Sam Green"]]
        )
    args = ["import", "partners", str(sheet), "--db", str(db.path), "--on-match", "update"]
    assert main(args) == 0

    panel = HistoryPanel(window.ctx, "partner", partner_id)
    qtbot.addWidget(panel)
    panel.refresh()
    (save, fields), *_older = history_lines(panel.table)
    assert save[1] == "tester"
    assert save[2] == "Changed Relationship owner (Import of owners.csv)"
    assert fields[0] == f"Relationship owner: {owner} → Sam Green"
