"""``brokerdesk import`` on sheets as received: the header under a title, --header-row, and
every column and row it does not import named in its output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brokerdesk.cli import main
from brokerdesk.core.db import Database
from brokerdesk.core.reference.load import initialise
from brokerdesk.core.services import Services
from tests.core.importing.messy_corpus import PROGRAMME

SIGN_UPS = Path(__file__).parents[1] / "core" / "importing" / "data" / "messy" / "sign-ups.xlsx"


@pytest.fixture
def team_db(db: Database) -> Path:
    initialise(db)
    services = Services(db)
    area = services.offer_areas.all()[0]["id"]
    services.programmes.create({"name": PROGRAMME, "offer_area_id": area})
    assert db.path is not None
    return db.path


def test_the_command_finds_the_header_and_names_what_it_does_not_import(
    team_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", "participations", str(SIGN_UPS), "--db", str(team_db)]
    args += ["--programme", PROGRAMME, "--dry-run", "--skip-invalid"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Not imported (no field takes them): Date signed up\n" in out
    assert "115 new contacts would be made from the contact columns." in out
    assert "Above the header, not imported: row 1: Reading Together 2025" in out
    assert "Header row: 4 (choose another with --header-row N)" in out
    assert "Would import 120 rows" in out

    assert main([*args, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["header_row"] == 4 and summary["rows"] == 120
    assert summary["not_imported"] == ["Date signed up"]
    assert summary["contacts_created"] == 115


def test_header_row_chooses_the_row_and_a_wrong_one_is_refused_in_words(
    team_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", "participations", str(SIGN_UPS), "--db", str(team_db)]
    args += ["--programme", PROGRAMME, "--dry-run", "--skip-invalid"]
    assert main([*args, "--header-row", "4"]) == 0
    assert "Would import 120 rows" in capsys.readouterr().out
    assert main([*args, "--header-row", "3"]) == 1
    err = capsys.readouterr().err
    assert "Row 3 of the sheet 'Sign-ups' is empty" in err
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--header-row", "0"])
    assert exit_.value.code == 2
    assert "row numbers start at 1" in capsys.readouterr().err
