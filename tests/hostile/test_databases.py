"""Hostile databases and paths: every case ends in a sentence, the documented exit code and a
database exactly as it was (issue #14 items 5, 6, 8, 9 and its database tracebacks; #13 bug 4).

The commands run in real subprocesses. One migrated database is built per module and copied
for each case, so the corpus stays quick.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from brokerdesk.core.db import open_database
from tests.hostile.harness import (
    EXIT_OK,
    EXIT_REFUSED,
    assert_sentence,
    fill,
    fingerprint,
    header_journal_mode,
    is_root,
    run_cli,
    small_disk,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the reference data, copied by every case."""
    from brokerdesk.core.reference.load import initialise

    path = tmp_path_factory.mktemp("built") / "team.sqlite3"
    db = open_database(path, user_name="tester")
    try:
        initialise(db)
    finally:
        db.dispose()
    _fold_wal(path)
    return path


def _fold_wal(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.fixture
def team(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "team.sqlite3"
    shutil.copyfile(built, copy)
    return copy


def _write(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA ignore_check_constraints = 1")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


# ------------------------------------------------------------------ paths given as --db
def _folder(tmp: Path) -> str:
    (tmp / "a-folder").mkdir()
    return str(tmp / "a-folder")


def _under_a_file(tmp: Path) -> str:
    (tmp / "f").write_text("")
    return str(tmp / "f" / "x.sqlite3")


def _too_long(tmp: Path) -> str:
    return str(tmp / ("n" * 300 + ".sqlite3"))


def _symlink_loop(tmp: Path) -> str:
    os.symlink(tmp / "loop-b", tmp / "loop-a")
    os.symlink(tmp / "loop-a", tmp / "loop-b")
    return str(tmp / "loop-a")


def _fifo(tmp: Path) -> str:
    os.mkfifo(tmp / "f.sqlite3")
    return str(tmp / "f.sqlite3")


def _empty(tmp: Path) -> str:
    (tmp / "empty.sqlite3").write_bytes(b"")
    return str(tmp / "empty.sqlite3")


PATHS: dict[str, tuple[Callable[[Path], str], str]] = {
    "a folder": (_folder, "is a folder"),
    "under a file (#13 bug 4)": (_under_a_file, "is a file, not a folder"),
    "a name over 255 bytes": (_too_long, "too long"),
    "a symlink loop": (_symlink_loop, "loop"),
    "a pipe": (_fifo, "not an ordinary file"),
    "an empty file": (_empty, "is empty"),
    "asyncpg": (lambda _t: "postgresql+asyncpg://u@localhost/db", "psycopg"),
    "an unknown driver": (lambda _t: "sqlite+nosuch:///x.sqlite3", "pysqlite"),
    "an unknown database": (lambda _t: "oracle://u@h/db", "not 'oracle'"),
}

COMMANDS: dict[str, list[str]] = {
    "check": ["check"],
    "backup": ["backup"],
    "search": ["search", "bristol"],
    "export": ["export", "database", "-o", "{tmp}/out.xlsx"],
    "import": ["import", "partners", "{tmp}/p.csv"],
    "init": ["init"],
}


@pytest.mark.parametrize(
    ("case", "command"),
    [
        (case, command)
        for case in sorted(PATHS)
        for command in sorted(COMMANDS)
        if (case, command) != ("an empty file", "init")  # init makes one: its job, tested below
    ],
)
def test_a_bad_database_path_is_a_sentence(tmp_path: Path, case: str, command: str) -> None:
    make, words = PATHS[case]
    address = make(tmp_path)
    (tmp_path / "p.csv").write_text("Name\nAcme Reading Trust\n")
    args = [a.format(tmp=tmp_path) for a in COMMANDS[command]]
    outcome = run_cli(*args, "--db", address, timeout=30)
    assert_sentence(outcome, EXIT_REFUSED, words)
    if case == "an empty file":
        assert Path(address).stat().st_size == 0  # not turned into a database
    if case == "under a file (#13 bug 4)":
        assert (tmp_path / "f").is_file()


def test_init_still_makes_a_database_of_an_empty_file(tmp_path: Path) -> None:
    """The new-database path (init, and the app's) keeps working on a file made empty."""
    address = _empty(tmp_path)
    outcome = run_cli("init", "--db", address, timeout=60)
    assert_sentence(outcome, EXIT_OK, "Database ready")


@pytest.mark.parametrize("command", ["check", "backup"])
def test_a_device_is_refused_not_backed_up(command: str) -> None:
    outcome = run_cli(command, "--db", "/dev/full", timeout=30)
    assert_sentence(outcome, EXIT_REFUSED, "not an ordinary file")
    assert "Backed up" not in outcome.said


# ------------------------------------------------------------------ damaged databases
DAMAGE: dict[str, tuple[list[str], str]] = {
    "two schema versions": (
        ["INSERT INTO alembic_version VALUES ('0004')"],
        "schema version",
    ),
    "a dropped search index": (["DROP TABLE search_index"], "search index is missing"),
    "a scrambled search index": (
        ["UPDATE search_index_data SET block = randomblob(length(block)) WHERE id > 10"],
        "search index is scrambled",
    ),
    "a date that is not ISO": (
        ["UPDATE library_service SET updated_at = 'last Tuesday' WHERE id = 5"],
        "not a date",
    ),
    "a broken CHECK rule": (
        ["UPDATE library_service SET nation = 'Atlantis' WHERE id = 1"],
        "breaks one of its rules",
    ),
    "no BrokerDesk tables": (
        [
            "DROP TABLE alembic_version",
        ],
        "not a BrokerDesk database",
    ),
}

# What the other commands say about the same damage (None: they work on regardless).
OTHERS: dict[str, str | None] = {
    "two schema versions": "damaged",
    "a dropped search index": "damaged",
    "a scrambled search index": "damaged",
    "a date that is not ISO": "damaged",
    "a broken CHECK rule": None,
    "no BrokerDesk tables": "not a BrokerDesk database",
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_check_names_the_damage(team: Path, case: str) -> None:
    statements, words = DAMAGE[case]
    _write(team, *statements)
    before = fingerprint(team)
    outcome = run_cli("check", "--db", str(team), timeout=60)
    assert_sentence(outcome, EXIT_REFUSED, words)
    assert fingerprint(team) == before


@pytest.mark.parametrize("command", ["search", "export"])
@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_commands_on_a_damaged_database_say_so(
    team: Path, tmp_path: Path, case: str, command: str
) -> None:
    _write(team, *DAMAGE[case][0])
    words = OTHERS[case]
    before = fingerprint(team)
    args = {"search": ["search", "bristol"], "export": ["export", "database", "-o"]}[command]
    if command == "export":
        args = [*args, str(tmp_path / "all.xlsx")]
    outcome = run_cli(*args, "--db", str(team), timeout=60)
    if words is None or (command == "search" and "date" in case):
        assert_sentence(outcome, EXIT_OK)  # search never reads the date columns
    elif command == "export" and "search index" in case:
        assert_sentence(outcome, EXIT_OK)  # the export reads the records, not the index
    else:
        assert_sentence(outcome, EXIT_REFUSED, words)
    assert fingerprint(team) == before


def test_check_of_a_backup_leaves_the_file_byte_identical(team: Path, tmp_path: Path) -> None:
    """Backups are rollback-journal files; checking one must not switch it to WAL."""
    copy = tmp_path / "J.sqlite3"
    outcome = run_cli("backup", "--db", str(team), "-o", str(copy), timeout=60)
    assert_sentence(outcome, EXIT_OK, "Backed up")
    assert header_journal_mode(copy) == "rollback"
    before = copy.read_bytes()
    outcome = run_cli("check", "--db", str(copy), timeout=60)
    assert_sentence(outcome, EXIT_OK, "no problems found")
    assert copy.read_bytes() == before
    assert header_journal_mode(copy) == "rollback"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("J.")) == [copy.name]


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("damaged", [True, False], ids=["damaged", "sound"])
def test_check_keeps_its_verdict_when_the_reader_stops_reading(
    team: Path, buffered: bool, damaged: bool
) -> None:
    """``brokerdesk check | true``: the exit code is the verdict, whether the closed pipe
    shows while the report is printed (unbuffered) or at the final flush (buffered)."""
    if damaged:
        _write(team, *DAMAGE["a dropped search index"][0])
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    child = subprocess.Popen(
        [sys.executable, "-m", "brokerdesk", "check", "--db", str(team)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env={**env, "BROKERDESK_USER": "tester"},
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # as `| true` does, before the report is printed
    said = child.stderr.read().decode()
    assert child.wait(timeout=120) == (EXIT_REFUSED if damaged else EXIT_OK), said
    assert said == ""  # no traceback, no "Exception ignored"


def test_the_search_index_can_be_rebuilt_after_it_was_scrambled(team: Path) -> None:
    _write(team, *DAMAGE["a scrambled search index"][0])
    outcome = run_cli("check", "--rebuild-search-index", "--db", str(team), timeout=60)
    assert_sentence(outcome, EXIT_OK, "Rebuilt the search index", "no problems found")
    assert_sentence(run_cli("search", "bristol", "--db", str(team)), EXIT_OK, "City of Bristol")


# ------------------------------------------------------------------ read-only places
@pytest.fixture
def read_only(team: Path, tmp_path: Path) -> Iterator[Path]:
    """The database in a folder this user cannot write (a read-only bind mount as root)."""
    folder = tmp_path / "ro"
    if is_root():
        source = tmp_path / "ro-source"
        source.mkdir()
        shutil.move(str(team), source / team.name)
        folder.mkdir()
        subprocess.run(["mount", "--bind", str(source), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        try:
            yield folder / team.name
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.mkdir()
        shutil.move(str(team), folder / team.name)
        (folder / team.name).chmod(0o400)
        folder.chmod(0o500)
        try:
            yield folder / team.name
        finally:
            folder.chmod(0o700)


def test_check_of_a_read_only_database_is_not_damage(read_only: Path) -> None:
    before = fingerprint_immutable(read_only)
    outcome = run_cli("check", "--db", str(read_only), timeout=60)
    assert_sentence(outcome, EXIT_OK, "no problems found")
    assert fingerprint_immutable(read_only) == before


def test_import_into_a_read_only_database_is_refused(read_only: Path, tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("Name\nAcme Reading Trust\n")
    before = fingerprint_immutable(read_only)
    outcome = run_cli("import", "partners", str(tmp_path / "p.csv"), "--db", str(read_only))
    assert_sentence(outcome, EXIT_REFUSED, "cannot write")
    assert fingerprint_immutable(read_only) == before


def test_backup_of_a_read_only_database(read_only: Path, tmp_path: Path) -> None:
    beside = run_cli("backup", "--db", str(read_only), timeout=60)
    assert_sentence(beside, EXIT_REFUSED, "backup folder", "read-only")
    elsewhere = tmp_path / "copy.sqlite3"
    outcome = run_cli("backup", "--db", str(read_only), "-o", str(elsewhere), timeout=60)
    assert_sentence(outcome, EXIT_OK, "Backed up")
    # A backup is a rollback-journal file by design: compare content, not journal mode.
    assert fingerprint(elsewhere, journal_mode=False) == fingerprint_immutable(read_only)


def fingerprint_immutable(path: Path) -> str:
    """The harness's fingerprint, through a copy (a WAL file in a read-only folder cannot be
    opened read-only in place)."""
    target = Path("/tmp") / f"fp-{os.getpid()}-{time.monotonic_ns()}.sqlite3"
    shutil.copyfile(path, target)
    try:
        return fingerprint(target, journal_mode=False)
    finally:
        target.unlink()


# ------------------------------------------------------------------ backup and restore
def test_backup_does_not_replace_an_existing_file(team: Path, tmp_path: Path) -> None:
    existing = tmp_path / "existing.xlsx"
    existing.write_bytes(b"the board papers")
    outcome = run_cli("backup", "--db", str(team), "-o", str(existing))
    assert_sentence(outcome, EXIT_REFUSED, "already exists", "--force")
    assert existing.read_bytes() == b"the board papers"
    forced = run_cli("backup", "--db", str(team), "-o", str(existing), "--force")
    assert_sentence(forced, EXIT_OK, "Backed up")
    assert fingerprint(existing, journal_mode=False) == fingerprint(team, journal_mode=False)


@pytest.mark.parametrize(
    ("target", "words"),
    [("{tmp}", "is a folder"), ("{tmp}/" + "b" * 300, "too long"), ("{db}", "database itself")],
)
def test_backup_to_a_bad_place(team: Path, tmp_path: Path, target: str, words: str) -> None:
    before = fingerprint(team)
    output = target.format(tmp=tmp_path, db=team)
    outcome = run_cli("backup", "--db", str(team), "-o", output, "--force")
    assert_sentence(outcome, EXIT_REFUSED, words)
    assert fingerprint(team) == before


def _other_app(tmp: Path) -> Path:
    path = tmp / "photos.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, file TEXT)")
    return path


def _newer(tmp: Path, built: Path) -> Path:
    path = tmp / "newer.sqlite3"
    shutil.copyfile(built, path)
    _write(path, "UPDATE alembic_version SET version_num = '9999'")
    return path


def _unreadable(tmp: Path, built: Path) -> Path:
    path = tmp / "locked.sqlite3"
    shutil.copyfile(built, path)
    path.chmod(0o000)
    return path


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("another program's file", "not a BrokerDesk database"),
        ("a newer schema", "newer version"),
        ("a folder", "is a folder"),
        ("a name over 255 bytes", "too long"),
        ("an unreadable file", "cannot be read"),
    ],
)
def test_restore_refuses_a_backup_it_cannot_use(
    team: Path, built: Path, tmp_path: Path, case: str, words: str
) -> None:
    if case == "an unreadable file" and is_root():
        pytest.skip("root reads any file; the permission case needs an ordinary user")
    source = {
        "another program's file": lambda: _other_app(tmp_path),
        "a newer schema": lambda: _newer(tmp_path, built),
        "a folder": lambda: tmp_path,
        "a name over 255 bytes": lambda: tmp_path / ("b" * 300),
        "an unreadable file": lambda: _unreadable(tmp_path, built),
    }[case]()
    before = fingerprint(team)
    outcome = run_cli("restore", str(source), "--db", str(team), "--force")
    assert_sentence(outcome, EXIT_REFUSED, words, "unchanged")
    assert fingerprint(team) == before
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_into_a_folder_is_refused(built: Path, tmp_path: Path) -> None:
    outcome = run_cli("restore", str(built), "--db", str(tmp_path), "--force")
    assert_sentence(outcome, EXIT_REFUSED, "is a folder")


WRITER = """
import sys
from sqlalchemy import text
from brokerdesk.core.db import open_database
db = open_database(sys.argv[1], create=False, user_name="writer")
with db.read() as session:  # a connection open before the restore, as the app keeps one
    session.execute(text("SELECT count(*) FROM partner")).all()
print("open", flush=True)
sys.stdin.readline()  # the restore has finished
with db.write() as session:
    session.execute(text("INSERT INTO tag (name) VALUES ('written during the restore')"))
print("wrote", flush=True)
"""


def test_a_connection_open_across_a_restore_writes_into_the_restored_database(
    team: Path, tmp_path: Path
) -> None:
    """Two real processes: one holds the database open across a restore, then writes.

    Before, the restore renamed the file away, so that write landed in the copy kept aside
    and was lost from the database everyone else opens.
    """
    backup_file = tmp_path / "backup.sqlite3"
    assert_sentence(run_cli("backup", "--db", str(team), "-o", str(backup_file)), EXIT_OK)
    _write(team, "INSERT INTO tag (name) VALUES ('after the backup')")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(team)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdin is not None
    assert writer.stdout.readline().strip() == "open"
    restore = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "brokerdesk",
            "restore",
            str(backup_file),
            "--db",
            str(team),
            "--force",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _out, err = restore.communicate(timeout=60)
    assert restore.returncode == EXIT_OK, err
    writer.stdin.write("go\n")
    writer.stdin.flush()
    assert writer.stdout.readline().strip() == "wrote"
    writer.wait(timeout=60)
    (aside,) = tmp_path.glob("team-before-restore-*.sqlite3")
    kept = _tags(aside)
    assert "written during the restore" not in kept
    assert "after the backup" in kept  # the file kept aside is the one replaced
    live = _tags(team)
    assert "after the backup" not in live
    assert "written during the restore" in live


# ------------------------------------------------------------------ a full standard output
def test_done_work_survives_a_full_standard_output(team: Path, tmp_path: Path) -> None:
    """backup, restore and init have written their files when they say so: a summary that
    cannot be printed is said on stderr and the exit code stays 0 (1 means nothing written)."""
    saved = tmp_path / "saved.sqlite3"
    fresh = tmp_path / "fresh.sqlite3"
    with open("/dev/full", "w") as full:
        backed_up = run_cli("backup", "--db", str(team), "-o", str(saved), stdout=full.fileno())
        assert_sentence(backed_up, EXIT_OK, f"the backup was written to {saved}", "disk is full")
        assert fingerprint(saved, journal_mode=False) == fingerprint(team, journal_mode=False)
        _write(team, "INSERT INTO tag (name) VALUES ('after the backup')")
        restored = run_cli(
            "restore", str(saved), "--force", "--db", str(team), stdout=full.fileno()
        )
        assert_sentence(restored, EXIT_OK, "was restored from", "could not be printed")
        assert "after the backup" not in _tags(team)
        made = run_cli("init", "--db", str(fresh), stdout=full.fileno(), timeout=120)
        assert_sentence(made, EXIT_OK, "is ready", "could not be printed")
    for outcome in (backed_up, restored, made):
        assert "Exception ignored" not in outcome.stderr
    assert_sentence(run_cli("search", "bristol", "--db", str(fresh)), EXIT_OK, "Bristol")


# ------------------------------------------------------------------ a full disk
@pytest.mark.skipif(not is_root(), reason="a real full disk needs a tmpfs mount (root)")
def test_backup_onto_a_full_disk(team: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", size="4M") as disk:
        fill(disk, leave=64 * 1024)
        before = fingerprint(team)
        outcome = run_cli("backup", "--db", str(team), "-o", str(disk / "b.sqlite3"))
        assert_sentence(outcome, EXIT_REFUSED, "disk is full")
        assert fingerprint(team) == before
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]  # no partial file


def _tags(path: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM tag")}
