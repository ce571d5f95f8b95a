"""The hostile corpus's own tools: a machine that refuses a mount skips the full-disk cases
in words instead of erroring, and the fingerprint sees a journal-mode switch."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.hostile.harness import fingerprint, is_root

FULL_DISK_CASE = """
from pathlib import Path
from tests.hostile.harness import small_disk

def test_on_a_small_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "1M"):
        pass
"""


def test_a_refused_mount_skips_the_full_disk_case_and_says_why(tmp_path: Path) -> None:
    # As root, drop the right to mount (as a container without CAP_SYS_ADMIN has it).
    without_mount: list[str] = []
    if is_root():
        if shutil.which("setpriv") is None:
            pytest.skip("as root the mount is allowed, and setpriv is missing to forbid it")
        without_mount = ["setpriv", "--bounding-set", "-sys_admin", "--inh-caps", "-sys_admin"]
    case = tmp_path / "test_full_disk_case.py"
    case.write_text(FULL_DISK_CASE, encoding="utf-8")
    ran = subprocess.run(
        [
            *without_mount,
            sys.executable,
            "-m",
            "pytest",
            str(case),
            "-rs",
            "-p",
            "no:cacheprovider",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "1 skipped" in ran.stdout, ran.stdout
    assert "this machine refused" in ran.stdout, ran.stdout


def test_the_fingerprint_sees_a_switch_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "backup.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE partner (name TEXT)")
        conn.execute("INSERT INTO partner VALUES ('Bookstart')")
        conn.commit()
    before, content = fingerprint(path), fingerprint(path, journal_mode=False)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    assert fingerprint(path) != before
    assert fingerprint(path, journal_mode=False) == content  # the rows themselves are the same
