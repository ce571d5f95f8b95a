"""Hostile imports, through the real ``brokerdesk import``: each ends in a sentence, the
documented exit code, and a database that is exactly as it was unless the import was meant
to be saved (issue #14).

Names in every script, right-to-left and invisible-only names, emoji joined by zero-width
joiners, two columns with one header, unreadable files, a deeply nested mapping, impossible
coordinates, refused-row reports aimed at the wrong place, a full standard output, a dry run
while another process writes, and a full disk (as root, on a small tmpfs).
"""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.harness import (
    EXIT_OK,
    EXIT_REFUSED,
    Outcome,
    assert_sentence,
    fill,
    fingerprint,
    is_root,
    run_cli,
    small_disk,
)

SCRIPTS = ["مكتبة الشارقة", "جمعية القراءة", "読書協会", "Σύλλογος Βιβλίων", "Книжный клуб"]
FAMILY = "Family 👨\u200d👩\u200d👧 Reading"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One initialised database (every library service and branch), copied for each test."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    assert_sentence(run_cli("init", "--db", str(path)), EXIT_OK, "ready")
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "team.sqlite3"
    shutil.copy(template, target)
    return target


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return list(conn.execute(sql))


def _partners(db: Path) -> list[str]:
    return sorted(str(name) for (name,) in _rows(db, "SELECT name FROM partner"))


def _import(
    db: Path, kind: str, sheet: Path, *extra: str, stdout: int | None = None, timeout: float = 120
) -> Outcome:
    return run_cli(
        "import", kind, str(sheet), "--db", str(db), *extra, stdout=stdout, timeout=timeout
    )


# ----------------------------------------------------------------- names in every script
def test_names_in_five_scripts_are_five_partners(db: Path, tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "n.csv", [["Name"], *[[n] for n in SCRIPTS]])
    outcome = _import(db, "partners", sheet)
    assert_sentence(outcome, EXIT_OK, "5 created", "0 skipped")
    assert _partners(db) == sorted(SCRIPTS)


def test_updating_the_russian_partner_leaves_the_arabic_one_alone(db: Path, tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "n.csv", [["Name"], *[[n] for n in SCRIPTS]])
    assert_sentence(_import(db, "partners", sheet), EXIT_OK, "5 created")
    update = _csv(tmp_path / "u.csv", [["Name", "Website"], ["Книжный клуб", "https://kk.example"]])
    outcome = _import(db, "partners", update, "--on-match", "update")
    assert_sentence(outcome, EXIT_OK, "1 updated")
    sites = dict(_rows(db, "SELECT name, website FROM partner"))
    assert sites["Книжный клуб"] == "https://kk.example"
    assert all(site is None for name, site in sites.items() if name != "Книжный клуб")


def test_programmes_in_three_scripts_are_three_programmes(db: Path, tmp_path: Path) -> None:
    names = ["読書の夏", "Καλοκαίρι ανάγνωσης", "Летнее чтение"]
    rows = [["Name", "Offer area"], *[[n, "Reading"] for n in names]]
    outcome = _import(db, "programmes", _csv(tmp_path / "p.csv", rows))
    assert_sentence(outcome, EXIT_OK, "3 created")
    assert sorted(str(n) for (n,) in _rows(db, "SELECT name FROM programme")) == sorted(names)


def test_names_of_symbols_only_are_not_all_one_partner(db: Path, tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "s.csv", [["Name"], ["📚"], ["🎭"], ["📚"]])
    outcome = _import(db, "partners", sheet)
    assert_sentence(outcome, EXIT_OK, "2 created", "1 skipped", "same partner as row 2")
    assert _partners(db) == sorted(["📚", "🎭"])


# ----------------------------------------------------------------- invisible and joined
@pytest.mark.parametrize("name", ["\u202e\u200f", "\u200f", "\u202e \u2066\u2069", "\u200d"])
def test_a_name_of_only_invisible_characters_is_refused(
    db: Path, tmp_path: Path, name: str
) -> None:
    before = fingerprint(db)
    sheet = _csv(tmp_path / "i.csv", [["Name"], ["Real Partner"], [name]])
    outcome = _import(db, "partners", sheet)
    assert_sentence(outcome, EXIT_REFUSED, "row 3", "only invisible characters", "nothing")
    assert fingerprint(db) == before


def test_emoji_joined_by_zero_width_joiners_are_kept_whole(db: Path, tmp_path: Path) -> None:
    rainbow = "🏳\ufe0f\u200d🌈 Pride Reads"
    persian = "کتاب\u200cخانه"  # the non-joiner is part of Persian spelling
    sheet = _csv(tmp_path / "e.csv", [["Name"], [FAMILY], [rainbow], [persian]])
    assert_sentence(_import(db, "partners", sheet), EXIT_OK, "3 created")
    assert _partners(db) == sorted([FAMILY, rainbow, persian])


def test_right_to_left_names_with_their_marks_are_two_partners(db: Path, tmp_path: Path) -> None:
    names = ["مكتبة\u200f الشارقة", "جمعية\u200f القراءة"]
    outcome = _import(db, "partners", _csv(tmp_path / "r.csv", [["Name"], *[[n] for n in names]]))
    assert_sentence(outcome, EXIT_OK, "2 created")
    assert _partners(db) == sorted(names)


# ----------------------------------------------------------------- columns and files
def test_two_columns_with_one_header_are_refused_in_words(db: Path, tmp_path: Path) -> None:
    before = fingerprint(db)
    sheet = _csv(tmp_path / "d.csv", [["Name", "Website", "Name"], ["Bookstart", "x.org", "BT"]])
    outcome = _import(db, "partners", sheet)
    assert_sentence(outcome, EXIT_REFUSED, "2 columns headed 'Name'", "different headers")
    assert fingerprint(db) == before


def _without_root_override(*args: str) -> Outcome:
    """``brokerdesk ARGS`` with root's power to read any file dropped (setpriv), so a file
    without read permission is unreadable even when the tests run as root."""
    prefix: list[str] = []
    if is_root():
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "brokerdesk", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        env={**os.environ, "BROKERDESK_USER": "tester"},
    )
    return Outcome(result.returncode, result.stdout, result.stderr)


def test_an_unreadable_file_is_a_sentence(db: Path, tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "secret.csv", [["Name"], ["Bookstart"]])
    sheet.chmod(0)
    before = fingerprint(db)
    outcome = _without_root_override("import", "partners", str(sheet), "--db", str(db))
    assert_sentence(outcome, EXIT_REFUSED, "secret.csv could not be read", "permission denied")
    assert fingerprint(db) == before


@pytest.mark.parametrize("where", ["folder", "too-long", "pipe", "missing"])
def test_a_file_that_is_not_a_file_is_a_sentence(db: Path, tmp_path: Path, where: str) -> None:
    path = {
        "folder": tmp_path,
        "too-long": tmp_path / ("x" * 300 + ".csv"),
        "pipe": tmp_path / "pipe.csv",
        "missing": tmp_path / "nowhere.csv",
    }[where]
    if where == "pipe":
        os.mkfifo(path)
    words = {
        "folder": "is a folder",
        "too-long": "name too long",
        "pipe": "is not a file",
        "missing": "there is no file",
    }[where]
    before = fingerprint(db)
    outcome = _import(db, "partners", path, timeout=60)
    assert_sentence(outcome, EXIT_REFUSED, words)
    assert fingerprint(db) == before


def test_a_deeply_nested_mapping_is_a_sentence(db: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "m.json"
    mapping.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    sheet = _csv(tmp_path / "p.csv", [["Name"], ["Bookstart"]])
    before = fingerprint(db)
    outcome = _import(db, "partners", sheet, "--mapping", str(mapping))
    assert_sentence(outcome, EXIT_REFUSED, "nested too deeply")
    assert fingerprint(db) == before


# ----------------------------------------------------------------- values
@pytest.mark.parametrize(
    ("latitude", "longitude", "words"),
    [
        ("1000", "-2.58", "latitude: 1000 is outside the UK"),
        ("NaN", "-2.58", "latitude: 'nan' is not a number"),
        ("51.45", "inf", "longitude: 'inf' is not a number"),
        ("-2.58", "51.45", "not swapped"),
        ("51.45", "-1e400", "longitude: '-1e400' is not a number"),
    ],
)
def test_impossible_coordinates_are_refused_with_the_reason(
    db: Path, tmp_path: Path, latitude: str, longitude: str, words: str
) -> None:
    rows = [["Library service", "Name", "Latitude", "Longitude"]]
    rows.append(["Bristol", "Harbourside Library", latitude, longitude])
    before = fingerprint(db)
    outcome = _import(db, "branches", _csv(tmp_path / "b.csv", rows))
    assert_sentence(outcome, EXIT_REFUSED, "row 2", words)
    assert fingerprint(db) == before


def test_only_the_plausible_coordinates_are_imported(db: Path, tmp_path: Path) -> None:
    rows = [["Library service", "Name", "Latitude", "Longitude"]]
    rows.append(["Bristol", "Harbourside Library", "51.4500", "-2.5967"])
    rows.append(["Bristol", "Far Away Library", "1000", "-2.5967"])
    outcome = _import(db, "branches", _csv(tmp_path / "b.csv", rows), "--skip-invalid")
    assert_sentence(outcome, EXIT_OK, "1 created", "1 refused", "row 3")
    found = _rows(db, "SELECT name, latitude, longitude FROM branch WHERE name LIKE '%Library'")
    assert [r for r in found if r[0] in ("Harbourside Library", "Far Away Library")] == [
        ("Harbourside Library", 51.45, -2.5967)
    ]


# ----------------------------------------------------------------- the refused-rows report
def _half_good(tmp_path: Path) -> Path:
    return _csv(tmp_path / "half.csv", [["Name", "Status"], ["Good", ""], ["Bad", "bogus"]])


def test_a_report_in_a_missing_folder_stops_the_import_before_it_writes(
    db: Path, tmp_path: Path
) -> None:
    before = fingerprint(db)
    report = tmp_path / "no-such-folder" / "refused.csv"
    outcome = _import(
        db, "partners", _half_good(tmp_path), "--skip-invalid", "--refused-report", str(report)
    )
    assert_sentence(outcome, EXIT_REFUSED, "there is no folder", "nothing was imported")
    assert fingerprint(db) == before


def test_the_report_is_never_the_file_being_imported(db: Path, tmp_path: Path) -> None:
    sheet = _half_good(tmp_path)
    content = sheet.read_bytes()
    before = fingerprint(db)
    outcome = _import(
        db, "partners", sheet, "--skip-invalid", "--force", "--refused-report", str(sheet)
    )
    assert_sentence(outcome, EXIT_REFUSED, "is the file being imported")
    assert sheet.read_bytes() == content
    assert fingerprint(db) == before


def test_an_existing_report_is_replaced_only_with_force(db: Path, tmp_path: Path) -> None:
    report = tmp_path / "refused.csv"
    report.write_text("last quarter's notes\n", encoding="utf-8")
    before = fingerprint(db)
    args = ["--skip-invalid", "--refused-report", str(report)]
    outcome = _import(db, "partners", _half_good(tmp_path), *args)
    assert_sentence(outcome, EXIT_REFUSED, "already exists", "--force")
    assert report.read_text(encoding="utf-8") == "last quarter's notes\n"
    assert fingerprint(db) == before
    outcome = _import(db, "partners", _half_good(tmp_path), *args, "--force")
    assert_sentence(outcome, EXIT_OK, "1 created", "1 refused")
    assert "bogus" in report.read_text(encoding="utf-8-sig")
    assert _partners(db) == ["Good"]


# ----------------------------------------------------------------- output and locks
def test_a_full_standard_output_does_not_turn_a_saved_import_into_a_failure(
    db: Path, tmp_path: Path
) -> None:
    sheet = _csv(tmp_path / "p.csv", [["Name"], ["Bookstart"]])
    with open("/dev/full", "w") as full:
        outcome = _import(db, "partners", sheet, stdout=full.fileno())
    assert_sentence(outcome, EXIT_OK, "the import was saved", "the disk is full")
    assert _partners(db) == ["Bookstart"]


def test_a_dry_run_into_a_full_standard_output_says_nothing_was_written(
    db: Path, tmp_path: Path
) -> None:
    sheet = _csv(tmp_path / "p.csv", [["Name"], ["Bookstart"]])
    before = fingerprint(db)
    with open("/dev/full", "w") as full:
        outcome = _import(db, "partners", sheet, "--dry-run", stdout=full.fileno())
    assert_sentence(outcome, EXIT_REFUSED, "nothing was written", "could not be printed")
    assert fingerprint(db) == before


@pytest.fixture
def writer_holding_the_lock(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process in the middle of a write transaction on ``db``."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); sys.stdin.read()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield holder
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=30)


def test_a_dry_run_checks_while_another_process_holds_the_write_lock(
    db: Path, tmp_path: Path, writer_holding_the_lock: subprocess.Popen[str]
) -> None:
    sheet = _csv(tmp_path / "p.csv", [["Name"], ["Bookstart"], ["Reading Agency"]])
    before = fingerprint(db)
    outcome = _import(db, "partners", sheet, "--dry-run", timeout=60)
    assert_sentence(outcome, EXIT_OK, "would import 2 rows", "2 created")
    assert "not saved" not in outcome.said
    assert fingerprint(db) == before


# ----------------------------------------------------------------- a full disk (root)
needs_root = pytest.mark.skipif(not is_root(), reason="a real full disk needs a tmpfs mount")


@needs_root
def test_an_import_onto_a_full_disk_says_so_and_writes_nothing(
    template: Path, tmp_path: Path
) -> None:
    rows = [["Name", "Notes"], *[[f"Partner {i}", "x" * 400] for i in range(20_000)]]
    sheet = _csv(tmp_path / "big.csv", rows)
    with small_disk(tmp_path / "disk", "16M") as disk:
        db = disk / "team.sqlite3"
        shutil.copy(template, db)
        before = fingerprint(db)
        fill(disk, leave=5_000_000)  # room for the backup taken first, not for the rows
        outcome = _import(db, "partners", sheet)
        assert_sentence(outcome, EXIT_REFUSED, "disk", "full", "nothing was written")
        assert fingerprint(db) == before


@needs_root
def test_an_import_whose_backup_fills_the_disk_says_so(template: Path, tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "p.csv", [["Name"], ["Bookstart"]])
    with small_disk(tmp_path / "disk", "16M") as disk:
        db = disk / "team.sqlite3"
        shutil.copy(template, db)
        before = fingerprint(db)
        fill(disk, leave=500_000)
        outcome = _import(db, "partners", sheet)
        assert_sentence(outcome, EXIT_REFUSED, "full")
        assert fingerprint(db) == before


@needs_root
def test_seed_synthetic_onto_a_full_disk_says_so_and_writes_nothing(
    template: Path, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk", "12M") as disk:
        db = disk / "team.sqlite3"
        shutil.copy(template, db)
        before = fingerprint(db)
        fill(disk, leave=3_000_000)
        outcome = run_cli("seed-synthetic", "--db", str(db), "--scale", "0.5", timeout=300)
        assert_sentence(outcome, EXIT_REFUSED, "disk", "full", "nothing was written")
        assert fingerprint(db) == before
