"""``brokerdesk check --data``: where the data is incomplete, for people and for scripts."""

from __future__ import annotations

import json
from pathlib import Path

from brokerdesk.core.db import open_database
from brokerdesk.core.services import Services
from tests import cli_process


def test_check_data_lists_what_is_incomplete_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    db = open_database(path)
    services = Services(db)
    for n in range(12):
        services.partners.create({"name": f"Unowned Trust {n:02}", "status": "active"})
    services.partners.create({"name": "Kept Close", "owner": "Priya", "status": "active"})
    db.dispose()

    text = cli_process.brokerdesk("check", "--data", "--db", str(path), "--limit", "3")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "Partners with no relationship owner: 12"
    assert lines[1:5] == [
        "  - Unowned Trust 00",
        "  - Unowned Trust 01",
        "  - Unowned Trust 02",
        "  … and 9 more (--limit 0 lists all)",
    ]
    assert "Partners with no contact: 13" in lines

    as_json = cli_process.brokerdesk("check", "--data", "--json", "--db", str(path))
    assert as_json.returncode == 0
    checks = {c["key"]: c for c in json.loads(as_json.stdout)["checks"]}
    assert checks["partner_no_owner"]["count"] == 12
    assert len(checks["partner_no_owner"]["records"]) == 12, "JSON lists every record"
    assert checks["service_no_named_lead"]["count"] == 0
