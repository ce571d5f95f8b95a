"""Restores while another process keeps writing: no write it was told succeeded is ever lost.

A second real process commits small changes in a loop, each naming a unique marker, and
records every marker whose commit returned success; meanwhile the database is restored from
the same backup again and again. Every acknowledged marker must be in exactly one place: the
copy a restore kept aside (it was written before that restore) or the restored database (it
was written after). A write that slipped into the live file after the copy aside was taken
but before the backup was written over it would be in neither: reported saved, then gone
(issue #14 item 5).
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path
from typing import IO

import pytest

from brokerdesk.core import backup
from brokerdesk.core.db import open_database

RESTORES = 40
ENOUGH_WRITES_WITHIN = 300.0  # seconds: generous, for a slow or busy machine
MARKER = "marker-"

WRITER = """
import sys
from pathlib import Path
from sqlalchemy import text
from brokerdesk.core.db import open_database

db = open_database(sys.argv[1], create=False, user_name="writer")
stop = Path(sys.argv[2])
print("ready", flush=True)
number = 0
while not stop.exists():
    marker = f"marker-{number:06d}"
    number += 1
    try:
        with db.write() as session:
            session.execute(text("INSERT INTO tag (name) VALUES (:m)"), {"m": marker})
    except Exception as exc:  # refused in a sentence: not acknowledged, so it may be anywhere
        print(f"refused {marker}: {exc}", file=sys.stderr, flush=True)
        continue
    print(marker, flush=True)  # the commit returned: this write was reported saved
    if number % 5 == 0:
        db.dispose()  # a fresh connection now and then, like a new import starting
"""


def _drain(stream: IO[str], into: list[str]) -> None:
    for line in stream:
        into.append(line)


def _count(lines: list[str]) -> int:
    return sum(1 for line in list(lines) if line.startswith(MARKER))


def _wait_for_writes(lines: list[str], *, more_than: int, by: float) -> None:
    """Until the writer has acknowledged more than ``more_than`` writes (or time runs out)."""
    while _count(lines) <= more_than:
        assert time.monotonic() < by, (
            f"only {_count(lines)} writes acknowledged in {ENOUGH_WRITES_WITHIN:.0f} s"
        )
        time.sleep(0.01)


def _content(path: Path) -> tuple[dict[str, list[str]], set[str]]:
    """Every table's rows except the markers, and the markers (read-only, changes nothing)."""
    rows: dict[str, list[str]] = {}
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            rows[table] = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))
        markers = {
            name for (name,) in conn.execute("SELECT name FROM tag WHERE name LIKE 'marker-%'")
        }
    rows["tag"] = [row for row in rows["tag"] if MARKER not in row]
    return rows, markers


@pytest.mark.slow  # many restores under two writer processes: 15-30 s
def test_no_acknowledged_write_is_lost_across_many_restores(tmp_path: Path) -> None:
    from brokerdesk.core.reference.load import initialise

    live = tmp_path / "team.sqlite3"
    db = open_database(live, user_name="tester")
    try:
        initialise(db)
    finally:
        db.dispose()
    saved = backup.copy_database(live, tmp_path / "saved.sqlite3")
    expected, none = _content(saved)
    assert not none

    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(live), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stderr is not None
    lines: list[str] = []  # the writer's acknowledgements, read as they come
    refusals: list[str] = []  # its stderr, drained too so a full pipe never stalls it
    reader = threading.Thread(target=_drain, args=(writer.stdout, lines), daemon=True)
    complaints = threading.Thread(target=_drain, args=(writer.stderr, refusals), daemon=True)
    asides: list[Path] = []
    try:
        assert writer.stdout.readline().strip() == "ready"
        reader.start()
        complaints.start()
        shuffle = random.Random(14)
        deadline = time.monotonic() + ENOUGH_WRITES_WITHIN
        # However slow the machine, each restore waits for a write acknowledged since the one
        # before it, so writes always fall between restores; only time bounds the wait.
        seen = 0
        for _ in range(RESTORES):
            _wait_for_writes(lines, more_than=seen, by=deadline)
            seen = _count(lines)
            aside = backup.restore_backup(live, saved)
            assert aside is not None
            asides.append(aside)
            time.sleep(shuffle.uniform(0.0, 0.04))  # writes land between restores too
        _wait_for_writes(lines, more_than=RESTORES, by=deadline)
    finally:
        stop.touch()
        writer.wait(timeout=60)
        reader.join(timeout=60)
        complaints.join(timeout=60)
    err = "".join(refusals)
    assert writer.returncode == 0, err
    acknowledged = {line.strip() for line in lines if line.startswith(MARKER)}
    assert len(acknowledged) > RESTORES, f"the writer hardly wrote: {err[-2000:]}"

    # Oldest first: each copy kept aside holds what was written since the restore before it;
    # the live database holds what was written since the last restore.
    places = [*asides, live]
    found: list[set[str]] = []
    for place in places:
        rows, markers = _content(place)
        assert rows == expected, f"{place.name} is not the backup plus markers"
        found.append(markers)
    everywhere = set().union(*found)
    lost = sorted(acknowledged - everywhere)
    assert not lost, (
        f"{len(lost)} of {len(acknowledged)} writes reported saved are in neither the restored "
        f"database nor any copy kept aside: {lost[:10]}"
    )
    assert sum(len(markers) for markers in found) == len(everywhere), (
        "a write survived a restore: the restored database was not just the backup"
    )
    spans = [(min(markers), max(markers)) for markers in found if markers]
    assert all(a[1] < b[0] for a, b in pairwise(spans)), (
        "writes landed out of order: a copy kept aside holds a write made after a later restore"
    )
