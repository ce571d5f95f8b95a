"""Moving in and out from a terminal: ``brokerdesk copy``, ``import database``, and a team
server's ``backup`` and ``restore``, each a real command with its exit code and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brokerdesk.core.copying import tallies
from brokerdesk.core.db import open_database
from brokerdesk.core.services import Services
from tests import cli_process


def brokerdesk(*args: str) -> cli_process.Completed[str]:
    return cli_process.brokerdesk(*args)


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    path = tmp_path / "team.sqlite3"
    db = open_database(path, user_name="amara")
    services = Services(db)
    reading = services.partners.create({"name": "The Reading Agency", "status": "active"})
    services.contacts.create({"full_name": "Siân Llŷr", "partner_id": reading.id})
    gone = services.partners.create({"name": "Gone Trust"})
    services.partners.delete(gone.id)
    db.dispose()
    return path


def counts(address: str | Path) -> dict[str, int]:
    db = open_database(address, create=False)
    try:
        return {name: t.rows for name, t in tallies(db).items()}
    finally:
        db.dispose()


def test_copy_a_file_to_a_new_file_and_report_the_counts(team_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    done = brokerdesk("copy", "--from", str(team_file), "--to", str(target), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["tables"]["partner"] == 1 and report["tables"]["contact"] == 1
    assert report["tables"]["trash_item"] == 1, "the Trash came across"
    assert counts(target) == counts(team_file)

    again = brokerdesk("copy", "--from", str(team_file), "--to", str(target))
    assert again.returncode == 1
    assert "already holds records" in again.stderr and "Traceback" not in again.stderr
    assert counts(target) == counts(team_file)


def test_copy_from_a_missing_file_says_so_and_creates_nothing(tmp_path: Path) -> None:
    done = brokerdesk(
        "copy", "--from", str(tmp_path / "nope.sqlite3"), "--to", str(tmp_path / "t.sqlite3")
    )
    assert done.returncode == 1
    assert "no database at" in done.stderr
    assert not (tmp_path / "t.sqlite3").exists()


@pytest.mark.postgres
def test_move_in_to_a_server_back_up_and_restore_it(
    team_file: Path, pg_url: str, tmp_path: Path
) -> None:
    moved = brokerdesk("copy", "--from", str(team_file), "--to", pg_url)
    assert moved.returncode == 0, moved.stderr
    assert "the counts match" in moved.stdout
    assert counts(pg_url) == counts(team_file)

    dump = tmp_path / "server.dump"
    made = brokerdesk("--db", pg_url, "backup", "-o", str(dump), "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["method"] == "pg_dump"
    refused = brokerdesk("--db", pg_url, "backup", "-o", str(dump))
    assert refused.returncode == 1 and "already exists" in refused.stderr

    server = open_database(pg_url)
    Services(server).partners.create({"name": "After The Backup"})
    server.dispose()
    unconfirmed = brokerdesk("--db", pg_url, "restore", str(dump))
    assert unconfirmed.returncode == 1 and "--force" in unconfirmed.stderr
    restored = brokerdesk("--db", pg_url, "restore", str(dump), "--force")
    assert restored.returncode == 0, restored.stderr
    assert "kept in" in restored.stdout
    assert counts(pg_url) == counts(team_file)

    out = tmp_path / "back.sqlite3"
    back = brokerdesk("copy", "--from", pg_url, "--to", str(out))
    assert back.returncode == 0, back.stderr
    assert counts(out) == counts(team_file)


def test_the_whole_database_workbook_reads_back_in(team_file: Path, tmp_path: Path) -> None:
    workbook = tmp_path / "everything.xlsx"
    exported = brokerdesk("--db", str(team_file), "export", "database", "-o", str(workbook))
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh.sqlite3"
    done = brokerdesk("--db", str(fresh), "import", "database", str(workbook))
    assert done.returncode == 0, done.stderr
    assert "Imported" in done.stdout
    assert counts(fresh) == counts(team_file)
    again = brokerdesk("--db", str(fresh), "import", "database", str(workbook))
    assert again.returncode == 1 and "already holds data" in again.stderr
    assert counts(fresh) == counts(team_file)
