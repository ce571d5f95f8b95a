"""A scale database with ten of the team's own fields on every kind of record (issue #20).

Run through ``bench_gui.py --own-fields``. The fields mix every type a list sorts and filters
by (text, long text, one and several choices, number, money, date, yes/no); every record of
each kind has values, except interactions and participations, one in ten of which has them
(a million interactions with ten values each would be ten million values: no team fills in
every field of every logged call). Built once from the cached scale database and cached beside it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import time

from benchmarks.common import CACHE, scale_database
from brokerdesk.core.db import Database, open_database

FIELDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Reference", "text", ()),
    ("Tier", "choice", ("Gold", "Silver", "Bronze")),
    ("Budget code", "text", ()),
    ("Headcount", "number", ()),
    ("Pledge", "money", ()),
    ("Review date", "date", ()),
    ("Signed", "yesno", ()),
    ("Audiences", "choices", ("Children", "Adults", "Older people", "Carers")),
    ("Notes for board", "longtext", ()),
    ("Area code", "choice", tuple(f"A{n:02}" for n in range(1, 21))),
)
SPARSE = {"interaction": 10, "participation": 10}  # one record in this many has values


def own_fields_database(scale: float) -> Database:
    """The scale database with :data:`FIELDS` on every kind (built on first use)."""
    path = CACHE / f"scale-{scale:g}-own-fields.sqlite3"
    if path.exists():
        return open_database(path, user_name="benchmark")
    scale_database(scale).dispose()
    building = path.with_suffix(".building")
    shutil.copyfile(CACHE / f"scale-{scale:g}.sqlite3", building)
    print(f"Adding ten fields to every kind in {path.name} (once)...", flush=True)
    started = time.perf_counter()
    db = open_database(building, user_name="benchmark")
    try:
        made = _define(db)
    finally:
        db.dispose()
    _fill(building, made)
    print(f"Done in {time.perf_counter() - started:.1f} s.", flush=True)
    os.replace(building, path)
    return open_database(path, user_name="benchmark")


def _define(db: Database) -> dict[str, list[tuple[int, str, tuple[str, ...]]]]:
    from brokerdesk.core.services.custom_values import CUSTOM_ENTITIES
    from brokerdesk.core.services.field_settings import CustomFieldService, FieldSpec

    service = CustomFieldService(db)
    made: dict[str, list[tuple[int, str, tuple[str, ...]]]] = {}
    for entity in CUSTOM_ENTITIES:
        for label, kind, choices in FIELDS:
            field_id = service.add(entity, FieldSpec(label, kind, choices=choices)).id
            made.setdefault(entity, []).append((field_id, kind, choices))
    return made


def _value(rng: random.Random, kind: str, choices: tuple[str, ...]) -> tuple[object, ...]:
    """(text_value, long_value, number_value, date_value) of one random value."""
    if kind == "text":
        return (f"REF-{rng.randrange(10**6):06}", None, None, None)
    if kind == "longtext":
        text = " ".join(rng.choice(WORDS) for _ in range(12))
        return (text[:500], text, None, None)
    if kind == "choice":
        return (rng.choice(choices), None, None, None)
    if kind == "choices":
        picked = [c for c in choices if rng.random() < 0.4] or [choices[0]]
        return ("|" + "|".join(picked) + "|", None, None, None)
    if kind == "number":
        return (None, None, rng.randrange(1, 500), None)
    if kind == "money":
        return (None, None, round(rng.uniform(100, 250_000), 2), None)
    if kind == "yesno":
        return (None, None, rng.randrange(2), None)
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))
    return (None, None, None, day.isoformat())


WORDS = ("reading", "health", "digital", "pilot", "renewal", "funding", "board", "visit", "audio")


def _fill(path: os.PathLike[str], made: dict[str, list[tuple[int, str, tuple[str, ...]]]]) -> None:
    """Insert the values straight through sqlite3, the search triggers on values set aside
    meanwhile (the index is about names and notes; the benchmark lists do not read it)."""
    from sqlalchemy import create_engine

    from brokerdesk.core.search import schema

    rng = random.Random(20)
    conn = sqlite3.connect(path)
    try:
        triggers = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'custom_value'"
            )
        ]
        for name in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        for entity, fields in made.items():
            every = SPARSE.get(entity, 1)
            ids = [i for (i,) in conn.execute(f"SELECT id FROM {entity} ORDER BY id")][::every]
            for field_id, kind, choices in fields:
                conn.executemany(
                    "INSERT INTO custom_value (field_id, record_id, text_value, long_value, "
                    "number_value, date_value) VALUES (?, ?, ?, ?, ?, ?)",
                    ((field_id, i, *_value(rng, kind, choices)) for i in ids),
                )
            print(f"  {entity}: {len(ids):,} records x {len(fields)} fields", flush=True)
        conn.commit()
        # No ANALYZE: the app never runs it, and its statistics make SQLite plan the
        # Interactions list's name search as a scan in date order (403 ms for "library"
        # where the app's own databases take 13 ms): measure what a user's database does.
    finally:
        conn.close()
    engine = create_engine(f"sqlite:///{os.fspath(path)}")
    with engine.begin() as connection:
        schema.create_sqlite_triggers(connection)  # the ones set aside (IF NOT EXISTS)
    engine.dispose()
