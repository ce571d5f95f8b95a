"""``brokerdesk search`` as a user runs it: a real process, exit codes, text and JSON."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from tests import cli_process
from tests.builders.small_world import World

REPO = Path(__file__).resolve().parents[2]


def brokerdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return cli_process.brokerdesk(*args, cwd=REPO, timeout=60)


def test_json_results(db: Database, world: World, db_path: Path) -> None:
    done = brokerdesk("search", "cynon", "--db", str(db_path), "--json")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert hits[0]["entity"] == "library_service"
    assert hits[0]["title"] == "Rhondda Cynon Taff"
    assert hits[0]["record_id"] == world.services["W06000016"]
    assert set(hits[0]) == {"entity", "record_id", "title", "subtitle", "score", "matched"}
    assert hits[0]["matched"] is None  # found by its name


def test_text_results_grouped_and_type_filter(db: Database, world: World, db_path: Path) -> None:
    done = brokerdesk("search", "bristol", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "Library services:\n  City of Bristol" in done.stdout
    assert "Branches:\n  Bristol Central Library  (BS1 5TL" in done.stdout

    only = brokerdesk("search", "bristol", "--type", "branch", "--db", str(db_path), "--json")
    assert [h["entity"] for h in json.loads(only.stdout)] == ["branch"]


def test_fts_syntax_and_nothing_found_are_not_errors(
    db: Database, world: World, db_path: Path
) -> None:
    done = brokerdesk("search", '"NEAR(*) AND -:', "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "Nothing found" in done.stdout


def test_a_tag_says_why_and_punctuation_alone_asks_for_letters(
    db: Database, world: World, db_path: Path
) -> None:
    Services(db).library_services.update(world.services["E08000003"], {"tags": "Priority"})
    done = brokerdesk("search", "priority", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "Library services:\n  Manchester  (" in done.stdout
    assert "  tag: Priority  [#" in done.stdout
    as_json = json.loads(brokerdesk("search", "priority", "--db", str(db_path), "--json").stdout)
    assert as_json[0]["matched"] == {"by": "tag", "text": "Priority", "label": ""}

    dots = brokerdesk("search", "...", "--db", str(db_path))
    assert (dots.returncode, dots.stdout) == (0, "Type letters or numbers to search.\n")
    assert json.loads(brokerdesk("search", "%", "--db", str(db_path), "--json").stdout) == []


def test_usage_errors_exit_2(db: Database, db_path: Path) -> None:
    assert brokerdesk("search", "x", "--limit", "0", "--db", str(db_path)).returncode == 2
    assert brokerdesk("search", "x", "--type", "spaceship", "--db", str(db_path)).returncode == 2
    assert brokerdesk("search", "--db", str(db_path)).returncode == 2


def test_missing_database_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    done = brokerdesk("search", "x", "--db", str(missing))
    assert done.returncode == 1
    assert "no database" in done.stderr
    assert not missing.exists()
