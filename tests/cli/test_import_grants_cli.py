"""``brokerdesk import grants``: funders found as partners are, currencies in capitals, the
same grant never twice, and a grant with a made-up funder refused."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.models import Grant
from brokerdesk.core.services import Services
from tests import cli_process
from tests.builders.small_world import World

REPO = Path(__file__).resolve().parents[2]
SHEET = """Grant,Funder,Amount,Currency,Status,Start date,End date,Owner
Arts in Libraries,Lantern Arts Fund,"48,000",GBP,awarded,01/04/2026,31/03/2027,Priya Shah
Makerspaces for all,Lantern Arts Fnd,12500,eur,applied,,,Tom Okafor
"""


def brokerdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return cli_process.brokerdesk(*args, cwd=REPO, timeout=60)


def test_grants_import_with_their_funders(
    db: Database, world: World, db_path: Path, tmp_path: Path
) -> None:
    services = Services(db)
    funder = services.partners.create({"name": "Lantern Arts Fund", "partner_type": "funder"}).id
    sheet = tmp_path / "grants.csv"
    sheet.write_text(SHEET, encoding="utf-8")

    held = brokerdesk("import", "grants", str(sheet), "--db", str(db_path))
    assert held.returncode == 1  # the misspelt funder needs a person (or --accept-best)
    assert "'Lantern Arts Fnd' needs review" in held.stdout + held.stderr
    assert services.grants.count() == 0

    done = brokerdesk("import", "grants", str(sheet), "--db", str(db_path), "--accept-best")
    assert done.returncode == 0, done.stdout + done.stderr
    with db.read() as session:
        rows = session.execute(
            select(Grant.title, Grant.partner_id, Grant.amount, Grant.currency).order_by(
                Grant.title
            )
        ).all()
    assert [(t, p, str(a), c) for t, p, a, c in rows] == [
        ("Arts in Libraries", funder, "48000.00", "GBP"),
        ("Makerspaces for all", funder, "12500.00", "EUR"),
    ]

    again = brokerdesk(
        "import", "grants", str(sheet), "--db", str(db_path), "--accept-best", "--json"
    )
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert (summary["created"], summary["skipped"]) == (0, 2)

    sheet.write_text(
        "Grant,Funder,Currency\nNobody's grant,Unknown Funder Trust,GBP\n"
        "Odd money,Lantern Arts Fund,E1R\n",
        encoding="utf-8",
    )
    refused = brokerdesk("import", "grants", str(sheet), "--db", str(db_path))
    assert refused.returncode == 1
    text = refused.stdout + refused.stderr
    assert "'Unknown Funder Trust': there is no partner" in text
    assert "'E1R' is not a currency BrokerDesk offers" in text
    assert services.grants.count() == 2
