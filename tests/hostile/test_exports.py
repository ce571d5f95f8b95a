"""Hostile exports: every bad ``-o``, id and output a careless or unlucky user can give.

Each case runs the real ``brokerdesk`` in a subprocess and asserts what a user would see: the
sentence, the exit code, the database exactly as it was, and a file that already stood at
the target exactly as it was (no half-written file, no temporary file left beside it).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from tests.builders.small_world import World, today
from tests.core.exporting.data import build_partners
from tests.hostile.harness import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Outcome,
    assert_sentence,
    fill,
    fingerprint,
    is_root,
    run_cli,
    small_disk,
)

OLD = b"the user's own file, which must survive\n"
CJK_NAME = "讀書會" * 36 + "甲乙"  # 110 characters, 330 bytes of UTF-8
HUGE = "999999999999999999999999999999"


@pytest.fixture
def live(db: Database, db_path: Path, world: World) -> Path:
    """A database with partners to export; the engine is closed so only the CLI opens it."""
    build_partners(db, world)
    db.dispose()
    return db_path


def _leftovers(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.part"))


def _export(live: Path, *args: str, cwd: Path | None = None, stdout: int | None = None) -> Outcome:
    return run_cli("export", *args, "--db", str(live), cwd=cwd, stdout=stdout)


# ---------------------------------------------------------------------- the live database


def _spellings(live: Path) -> dict[str, Path]:
    """Every way a user might name the live database (or what belongs to it)."""
    folder = live.parent
    (folder / "link.xlsx").symlink_to(live)
    os.link(live, folder / "hard-link.xlsx")
    (folder / "sub").mkdir()
    return {
        "same path": live,
        "relative, through a folder": Path("sub") / ".." / live.name,
        "symbolic link": folder / "link.xlsx",
        "hard link": folder / "hard-link.xlsx",
        "write-ahead log": Path(f"{live}-wal"),
        "shared memory": Path(f"{live}-shm"),
        "rollback journal": Path(f"{live}-journal"),
        "backups folder": folder / f"{live.stem}-backups" / "latest.xlsx",
    }


LIVE_DATABASE_EXPORTS = (
    ["database"],
    ["matrix"],
    ["partner-summary", "Northlight", "--format", "xlsx"],
    ["coverage", "--format", "xlsx"],
)


def test_no_export_writes_over_the_live_database_however_it_is_spelled(live: Path) -> None:
    before = fingerprint(live)
    for number, (how, target) in enumerate(_spellings(live).items()):
        what = LIVE_DATABASE_EXPORTS[number % len(LIVE_DATABASE_EXPORTS)]  # each kind twice
        outcome = _export(live, *what, "-o", str(target), "--force", cwd=live.parent)
        assert_sentence(outcome, EXIT_REFUSED, "database you are working in", "nothing was written")
        assert fingerprint(live) == before, how
        assert live.read_bytes()[:16] == b"SQLite format 3\x00", how
        resolved = live.parent / target
        if resolved.exists():
            assert not resolved.read_bytes().startswith(b"PK"), f"{how} became a workbook"
    assert not (live.parent / f"{live.stem}-backups" / "latest.xlsx").exists()
    assert _leftovers(live.parent) == []


def test_a_batch_into_the_backups_folder_or_onto_the_database_is_refused(live: Path) -> None:
    before = fingerprint(live)
    for target in (live, live.parent / f"{live.stem}-backups"):
        outcome = _export(live, "partners", "--all", "--format", "csv", "-o", str(target))
        assert_sentence(outcome, EXIT_REFUSED, "database you are working in")
        assert fingerprint(live) == before
    assert not (live.parent / f"{live.stem}-backups").exists()


# ---------------------------------------------------------------------- impossible -o


@pytest.mark.parametrize("kind", ["database", "matrix"])
def test_a_folder_where_a_file_is_expected_is_refused_in_words(live: Path, kind: str) -> None:
    folder = live.parent / "reports"
    folder.mkdir()
    (folder / "keep.txt").write_bytes(OLD)
    before = fingerprint(live)
    for target in (folder, Path("/")):
        outcome = _export(live, kind, "-o", str(target), "--force")
        assert_sentence(outcome, EXIT_REFUSED, f"{target} is a folder", "nothing was written")
    assert fingerprint(live) == before
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    assert (folder / "keep.txt").read_bytes() == OLD


@pytest.mark.parametrize("kind", ["database", "matrix", "partners", "partner-summary"])
def test_an_empty_output_name_is_a_usage_error(live: Path, kind: str) -> None:
    extra = {"partners": ["--all"], "partner-summary": ["Northlight"]}.get(kind, [])
    before = fingerprint(live)
    outcome = _export(live, kind, *extra, "-o", "", cwd=live.parent)
    assert_sentence(outcome, EXIT_USAGE, "not an empty one")
    assert fingerprint(live) == before
    assert [p.name for p in live.parent.iterdir() if not p.name.startswith(live.name)] == []


def test_a_name_longer_than_a_disk_allows_is_refused_in_words(live: Path) -> None:
    before = fingerprint(live)
    too_long = live.parent / ("a" * 300 + ".xlsx")
    for kind in ("database", "matrix"):
        outcome = _export(live, kind, "-o", str(too_long), "--force")
        assert_sentence(outcome, EXIT_REFUSED, "name is too long", "nothing was written")
    outcome = _export(live, "partner-summary", "Northlight", "-o", str(too_long), "--force")
    assert_sentence(outcome, EXIT_REFUSED, "name is too long")
    assert fingerprint(live) == before
    assert _leftovers(live.parent) == []


def test_a_file_standing_where_the_folder_should_be_is_refused(live: Path) -> None:
    blocker = live.parent / "board papers"
    blocker.write_bytes(OLD)
    before = fingerprint(live)
    for args in (
        ["partners", "--all", "-o", str(blocker)],
        ["matrix", "-o", str(blocker / "matrix.xlsx")],
    ):
        outcome = _export(live, *args)
        assert_sentence(outcome, EXIT_REFUSED, f"Cannot write to {blocker}", "not a folder")
    assert blocker.read_bytes() == OLD
    assert fingerprint(live) == before


# ---------------------------------------------------------------------- names and ids


def test_a_partner_name_too_long_for_a_file_name_does_not_block_the_batch(
    db: Database, db_path: Path, world: World
) -> None:
    services = Services(db)
    long_ones = [
        services.partners.create({"name": CJK_NAME, "partner_type": "charity"}).id,
        services.partners.create({"name": CJK_NAME[:-1] + "丙", "partner_type": "charity"}).id,
        services.partners.create({"name": "x" * 200, "partner_type": "funder"}).id,
    ]
    db.dispose()
    out = db_path.parent / "summaries"
    outcome = run_cli(
        "export", "partners", "--all", "--format", "xlsx", "-o", str(out), "--db", str(db_path)
    )
    assert_sentence(outcome, EXIT_OK, "Wrote 3 partner summaries")
    files = sorted(p.name for p in out.iterdir() if p.name.startswith(("讀", "x")))
    assert len(files) == 3  # cut to fit, each still its own file
    for name in files:
        assert len(name.encode("utf-8")) <= 255
        assert name.endswith(").xlsx")
    for partner_id in long_ones:
        assert any(name.endswith(f"({partner_id}).xlsx") for name in files)
    assert any(name.startswith("讀書會讀書會") for name in files)


def test_a_number_too_large_for_an_id_is_no_such_partner_or_programme(live: Path) -> None:
    before = fingerprint(live)
    out = live.parent / "out"
    outcome = _export(live, "partner-summary", HUGE, "-o", str(out / "x.pdf"))
    assert_sentence(outcome, EXIT_REFUSED, f"No partner is called or numbered '{HUGE}'")
    outcome = _export(live, "partners", "--ids", f"1,{HUGE}", "-o", str(out))
    assert_sentence(outcome, EXIT_REFUSED, f"no partner with id {HUGE}", "nothing was written")
    outcome = _export(live, "matrix", "--programmes", HUGE, "-o", str(out / "m.xlsx"))
    assert_sentence(outcome, EXIT_REFUSED, f"no programme with id {HUGE}")
    assert fingerprint(live) == before
    assert not out.exists()


# ---------------------------------------------------------------------- standard output


def test_a_reader_that_stops_early_ends_the_command_quietly(live: Path) -> None:
    # Unbuffered, each result is written as it is printed, so the closed pipe shows while the
    # search is still printing: cut off part-way, it did not succeed (exit 1), quietly.
    for extra in ([], ["--json"]):
        child = subprocess.Popen(
            [sys.executable, "-m", "brokerdesk", "search", "a", *extra, "--db", str(live)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()  # as `| head -c 0` does, long before the first result is printed
        said = child.stderr.read().decode()
        assert child.wait(timeout=120) == EXIT_REFUSED, said
        assert said == ""  # no traceback, no "Exception ignored"


def test_an_export_into_a_full_standard_output_is_still_written(live: Path) -> None:
    target = live.parent / "matrix.xlsx"
    with open("/dev/full", "w") as full:
        outcome = _export(live, "matrix", "-o", str(target), stdout=full.fileno())
    assert_sentence(outcome, EXIT_OK, "wrote the participation matrix", "could not be printed")
    assert "Exception ignored" not in outcome.stderr
    assert target.stat().st_size > 0


def test_output_to_a_full_disk_is_a_sentence(live: Path) -> None:
    before = fingerprint(live)
    with open("/dev/full", "w") as full:
        for args in (["search", "a"], ["search", "a", "--json"]):
            outcome = run_cli(*args, "--db", str(live), stdout=full.fileno())
            assert_sentence(outcome, EXIT_REFUSED, "output could not be written", "disk is full")
            assert "Exception ignored" not in outcome.stderr
    assert fingerprint(live) == before


# ---------------------------------------------------------------------- a disk that fills


@contextmanager
def _full_disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", "2M") as disk:
        yield disk


EXPORTS_TO_A_FULL_DISK = {
    "database": (["database"], "everything.xlsx"),
    "matrix": (["matrix"], "matrix.xlsx"),
    "partner-summary pdf": (["partner-summary", "Northlight"], "northlight.pdf"),
    "partner-summary xlsx": (["partner-summary", "Northlight"], "northlight.xlsx"),
    "coverage csv": (["coverage", "--format", "csv"], "coverage.csv"),
}


@pytest.mark.skipif(not is_root(), reason="a real full disk needs a tmpfs mount (root)")
@pytest.mark.parametrize("kind", list(EXPORTS_TO_A_FULL_DISK))
def test_a_disk_that_fills_during_an_export_keeps_the_old_file(
    live: Path, tmp_path: Path, kind: str
) -> None:
    what, name = EXPORTS_TO_A_FULL_DISK[kind]
    before = fingerprint(live)
    with _full_disk(tmp_path) as disk:
        target = disk / name
        target.write_bytes(OLD)
        fill(disk, leave=2048)
        outcome = _export(live, *what, "-o", str(target), "--force")
        assert_sentence(outcome, EXIT_REFUSED, "disk is full", "nothing was written")
        assert target.read_bytes() == OLD
        assert _leftovers(disk) == []
    assert fingerprint(live) == before


@pytest.mark.skipif(not is_root(), reason="a real full disk needs a tmpfs mount (root)")
def test_a_disk_that_fills_during_a_batch_keeps_whole_files_and_says_so(
    live: Path, tmp_path: Path
) -> None:
    before = fingerprint(live)
    with _full_disk(tmp_path) as disk:
        out = disk / "summaries"
        fill(disk, leave=24_000)
        outcome = _export(live, "partners", "--all", "--format", "xlsx", "-o", str(out))
        assert_sentence(outcome, EXIT_REFUSED, "disk is full")
        assert _leftovers(out) == []
        for written in out.glob("*.xlsx"):
            assert written.read_bytes()[:2] == b"PK"  # whole workbooks only
            import zipfile

            assert zipfile.ZipFile(written).testzip() is None
    assert fingerprint(live) == before


@pytest.mark.skipif(not is_root(), reason="a read-only disk needs a mount (root)")
def test_a_read_only_folder_is_refused_in_words(live: Path, tmp_path: Path) -> None:
    before = fingerprint(live)
    with small_disk(tmp_path / "disk", "1M") as disk:
        target = disk / "matrix.xlsx"
        target.write_bytes(OLD)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        for args in (["matrix"], ["database"]):
            outcome = _export(live, *args, "-o", str(target), "--force")
            assert_sentence(outcome, EXIT_REFUSED, "read-only", "nothing was written")
        assert target.read_bytes() == OLD
    assert fingerprint(live) == before


# ---------------------------------------------------------------------- a damaged database


def _damage_a_table(path: Path, table: str) -> None:
    """Scribble over the first page of ``table``'s rows, as a failing disk would."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every row in the file itself
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?", (table,)
        ).fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xa5" * page_size)


@pytest.mark.parametrize("kind", ["matrix", "database"])
def test_malformed_pages_during_an_export_say_the_database_is_damaged(
    live: Path, kind: str
) -> None:
    _damage_a_table(live, "participation")
    digest = hashlib.sha256(live.read_bytes()).hexdigest()
    target = live.parent / "out.xlsx"
    target.write_bytes(OLD)
    outcome = _export(live, kind, "-o", str(target), "--force")
    assert_sentence(outcome, EXIT_REFUSED, "damaged")
    assert target.read_bytes() == OLD
    assert hashlib.sha256(live.read_bytes()).hexdigest() == digest
    assert _leftovers(live.parent) == []


@pytest.mark.skipif(not is_root(), reason="a real full disk needs a tmpfs mount (root)")
def test_a_disk_that_fills_part_way_through_a_csv_folder_keeps_every_old_file(
    db: Database, db_path: Path, world: World, tmp_path: Path
) -> None:
    partner = build_partners(db, world).reading_trust
    Services(db).interactions.create(  # Interactions.csv, written last, needs two pages
        {
            "kind": "meeting",
            "occurred_on": today(),
            "subject": "Long notes",
            "partner_id": partner,
            "notes": "Minutes of the meeting. " * 300,
        }
    )
    db.dispose()
    names = ["Summary", "Programmes", "Participations", "Contacts", "Interactions"]
    before = fingerprint(db_path)
    with _full_disk(tmp_path) as disk:
        folder = disk / "northlight"
        folder.mkdir()
        for name in names:
            (folder / f"{name}.csv").write_bytes(OLD)
        fill(disk, leave=4096)  # one page: enough to replace the small files one by one
        what = ["partner-summary", str(partner), "--format", "csv", "-o", str(folder)]
        outcome = _export(db_path, *what, "--force")
        assert_sentence(outcome, EXIT_REFUSED, "disk is full")
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
            f"{name}.csv": OLD for name in names
        }  # not four new files beside an old one
    assert fingerprint(db_path) == before
