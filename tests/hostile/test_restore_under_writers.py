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
import time
from itertools import pairwise
from pathlib import Path

import pytest

from brokerdesk.core import backup
from brokerdesk.core.db import open_database

RESTORES = 40
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
    assert writer.stdout is not None
    try:
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.2)  # some writes before the first restore
        asides: list[Path] = []
        shuffle = random.Random(14)
        for _ in range(RESTORES):
            aside = backup.restore_backup(live, saved)
            assert aside is not None
            asides.append(aside)
            time.sleep(shuffle.uniform(0.0, 0.04))  # writes land between restores too
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    acknowledged = {line for line in out.split() if line.startswith(MARKER)}
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
