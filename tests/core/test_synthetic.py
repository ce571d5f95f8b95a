"""Synthetic data: deterministic, the promised sizes, searchable, and refused when unwanted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from brokerdesk.core import synthetic
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.models import Contact, Interaction, Partner, Programme
from brokerdesk.core.search import SearchService, check_index
from tests import cli_process
from tests.builders import small_world

REPO = Path(__file__).resolve().parents[2]


def names(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Partner.name).order_by(Partner.id)))


def test_scale_gives_the_promised_counts() -> None:
    assert synthetic.target_counts(1) == {
        "partners": 600,
        "contacts": 3_000,
        "programmes": 2_000,
        "participations": 50_000,
        "interactions": 100_000,
    }
    assert synthetic.target_counts(10)["interactions"] == 1_000_000


def test_same_seed_same_database(tmp_path: Path) -> None:
    built = []
    for n in (1, 2):
        db = open_database(tmp_path / f"{n}.sqlite3", user_name="tester")
        small_world.build(db)
        report = synthetic.seed(db, 0.02, load_reference=False)
        built.append((report.as_dict(), names(db)))
        db.dispose()
    assert built[0] == built[1]
    assert built[0][0]["partners"] == 12 and built[0][0]["interactions"] == 2_000


def test_seeded_records_are_searchable_and_index_stays_live(db: Database) -> None:
    small_world.build(db)
    synthetic.seed(db, 0.02, load_reference=False)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 60
        assert session.scalar(select(func.count()).select_from(Programme)) == 40
        first = session.scalars(select(Partner).order_by(Partner.id)).first()
        assert first is not None
    assert check_index(db) == []
    assert (first.id, "partner") in [
        (h.record_id, h.entity) for h in SearchService(db).search(first.name, limit=500)
    ]
    # The triggers were put back: a record added afterwards is found at once.
    with db.write() as session:
        session.add(
            Interaction(
                kind="note", occurred_on=synthetic.TODAY, subject="Zebrafinch", partner_id=first.id
            )
        )
    assert [h.title for h in SearchService(db).search("zebrafinch")] == ["Zebrafinch"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return cli_process.brokerdesk(*args, cwd=REPO, timeout=300)


def test_command_refuses_a_database_with_partners_unless_forced(db_path: Path) -> None:
    db = open_database(db_path, user_name="tester")
    small_world.build(db)
    db.dispose()
    first = run_cli("seed-synthetic", "--scale", "0.01", "--db", str(db_path), "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["partners"] == 6

    again = run_cli("seed-synthetic", "--scale", "0.01", "--db", str(db_path))
    assert again.returncode == 1
    assert "already has partners" in again.stderr
    db = open_database(db_path, user_name="tester")
    assert len(names(db)) == 6
    db.dispose()

    forced = run_cli("seed-synthetic", "--scale", "0.01", "--force", "--db", str(db_path))
    assert forced.returncode == 0, forced.stderr
    assert "Added 6 partners" in forced.stdout
    db = open_database(db_path, user_name="tester")
    assert len(names(db)) == 12
    assert check_index(db) == []
    db.dispose()


def test_command_usage_errors(db_path: Path) -> None:
    assert run_cli("seed-synthetic", "--scale", "0", "--db", str(db_path)).returncode == 2
    assert run_cli("seed-synthetic", "--scale", "lots", "--db", str(db_path)).returncode == 2


def test_seeding_into_a_full_standard_output_still_seeds_and_says_so(db_path: Path) -> None:
    """The progress lines and the summary cannot be printed (``> /dev/full``): the seeding
    goes on to the end, stderr says what was done, and the exit code is 0 (1 means nothing
    was written)."""
    open_database(db_path, user_name="tester").dispose()
    db = ["--db", str(db_path)]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "brokerdesk", "seed-synthetic", "--scale", "0.01", *db],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            timeout=300,
        )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "the synthetic records were added" in result.stderr
    assert "the disk is full" in result.stderr
    seeded = open_database(db_path, user_name="tester")
    assert len(names(seeded)) == 6
    seeded.dispose()
