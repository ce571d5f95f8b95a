"""``brokerdesk import emails FOLDER``: matched e-mails logged, the rest listed, never twice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from brokerdesk.cli import main
from brokerdesk.core.db import open_database
from brokerdesk.core.models import Document, Interaction
from brokerdesk.core.services import Services

CORPUS = Path(__file__).parents[1] / "core" / "mail_corpus"


@pytest.fixture
def team_db(db_path: Path) -> Path:
    database = open_database(db_path, user_name="tester")
    s = Services(database)
    s.partners.create({"name": "Darllen Cymru", "website": "readingwales.org.uk"})
    book = s.partners.create({"name": "Open Book Trust"}).id
    s.contacts.create(
        {"full_name": "Sam Reid", "email": "sam.reid@openbook.org.uk", "partner_id": book}
    )
    database.dispose()
    return db_path


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


def _count(db_path: Path, model: type) -> int:
    database = open_database(db_path, create=False)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        database.dispose()


def test_a_folder_is_logged_and_a_second_run_adds_nothing(
    team_db: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "emails", str(inbox), "--db", str(team_db), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_file = {e["file"]: e for e in report["emails"]}
    assert by_file["outlook.eml"]["with"]["name"] == "Darllen Cymru"
    assert by_file["no-date-at-all.eml"]["skipped"] == "no partner or library service chosen"
    logged = [e for e in report["emails"] if e["interaction_id"]]
    assert report["written"] and len(logged) == 7
    assert _count(team_db, Interaction) == 7
    assert _count(team_db, Document) == 5  # the attachments of the seven

    assert main(["import", "emails", str(inbox), "--db", str(team_db)]) == 0
    out = capsys.readouterr().out
    assert "outlook.eml: skipped: logged before" in out
    assert "Logged 0 e-mails as interactions; skipped 9." in out
    assert _count(team_db, Interaction) == 7


def test_a_dry_run_says_where_each_goes_and_writes_nothing(
    team_db: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "emails", str(inbox), "--db", str(team_db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "thunderbird-forward.eml: → Open Book Trust (Sam Reid is a contact at Open Book Trust)"
        in out
    )
    assert "Would log 7 e-mails (dry run: nothing written)." in out
    assert _count(team_db, Interaction) == 0


def test_a_file_that_is_no_email_refuses_the_folder(
    team_db: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (inbox / "scan.msg").write_bytes(b"%PDF-1.4 a scan saved with the wrong name")
    assert main(["import", "emails", str(inbox), "--db", str(team_db)]) == 1
    err = capsys.readouterr().err
    assert "scan.msg is not an Outlook message (.msg)." in err
    assert "Nothing was imported" in err
    assert _count(team_db, Interaction) == 0
