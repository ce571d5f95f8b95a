"""Shared tools for the hostile-input corpus: run the real command line, fingerprint a
database, and make a small disk that fills up.

Every hostile case asserts three things a user would notice: the sentence printed (never a
traceback), the documented exit code (0 done, 1 refused with nothing written, 2 usage), and
that the database is exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import cli_process

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def said(self) -> str:
        return self.stdout + self.stderr


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdout: int | None = None,
    timeout: float = 120,
) -> Outcome:
    """``brokerdesk ARGS`` in a process of its own, as a user types it.

    With ``stdout`` (a file descriptor such as /dev/full's) it is a new interpreter, since
    what such a case tests is what Python does with that stream as it starts and exits;
    otherwise a process forked with BrokerDesk already imported (``tests.cli_process``)."""
    environment = {**os.environ, "BROKERDESK_USER": "tester", **(env or {})}
    if stdout is None:
        done = cli_process.brokerdesk(*args, env=environment, cwd=cwd, timeout=timeout)
        return Outcome(done.returncode, done.stdout, done.stderr)
    result = subprocess.run(
        [sys.executable, "-m", "brokerdesk", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=environment,
    )
    return Outcome(result.returncode, result.stdout or "", result.stderr or "")


def assert_sentence(outcome: Outcome, code: int, *words: str) -> None:
    """Exit ``code``, no traceback, and every one of ``words`` (case-insensitive) said."""
    assert "Traceback" not in outcome.said, outcome.said
    assert outcome.code == code, (outcome.code, outcome.said)
    lowered = outcome.said.lower()
    for word in words:
        assert word.lower() in lowered, (word, outcome.said)


def fingerprint(database: Path, *, journal_mode: bool = True) -> str:
    """A digest of every row of every table (and the schema): equal means unchanged.

    With ``journal_mode`` (the default) the file header's journal mode counts too, so a
    command that switched a rollback-journal file (a backup) to WAL, rewriting its header,
    is seen; compare a backup's content with its live database with ``journal_mode=False``.
    Read through a read-only connection so taking the fingerprint changes nothing itself."""
    uri = f"file:{database}?mode=ro"
    digest = hashlib.sha256()
    if journal_mode:
        digest.update(f"journal:{header_journal_mode(database)};".encode())
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def header_journal_mode(database: Path) -> str:
    """``wal`` or ``rollback``, as the file's header says (bytes 18 and 19), read as bytes."""
    with open(database, "rb") as file:
        header = file.read(20)
    return "wal" if len(header) == 20 and header[18] == header[19] == 2 else "rollback"


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def small_disk(folder: Path, size: str = "4M") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``folder`` (root only): a disk that really fills up.

    Skips the test, saying why, where the mount is refused (a container without
    CAP_SYS_ADMIN): that is a limit of the machine, not a failure of BrokerDesk."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(
            "a real full disk needs a tmpfs mount, which this machine refused "
            f"({mounted.stderr.strip() or f'mount exited {mounted.returncode}'})"
        )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the disk under ``folder`` until fewer than ``leave`` bytes are free."""
    block = b"\0" * 65536
    with open(folder / "filler.bin", "wb") as out:
        while True:
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            if free <= leave:
                break
            try:
                out.write(block[: max(1, min(len(block), free - leave))])
                out.flush()
            except OSError:
                break
