"""Helpers every BrokerDesk benchmark shares: timing, percentiles, cached scale-N databases.

Benchmarks are plain scripts (``python benchmarks/bench_x.py``) that measure a floor in the
same run and print both figures, so a ratio holds on a noisy machine. Typical use::

    from benchmarks.common import scale_database, time_calls, summary

    db = scale_database(10)                       # built once, cached in benchmarks/.cache/
    times = time_calls(lambda: service.search("reading"), repeat=20)
    print(summary("search", times))               # "search  p50 3.1 ms  p95 4.0 ms  (n=20)"

``scale_database(N)`` builds ``benchmarks/.cache/scale-N.sqlite3`` with the real reference
data and ``brokerdesk seed-synthetic --scale N`` (seed 1) the first time, and reopens it
afterwards. Delete the file (or pass ``rebuild=True``) after a schema change.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from brokerdesk.core.db import Database, open_database  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile (0-100) by linear interpolation; values in any order."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def time_call(fn: Callable[[], object]) -> float:
    """Seconds one call takes (perf_counter)."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def time_calls(fn: Callable[[], object], repeat: int = 20, warmup: int = 2) -> list[float]:
    """Seconds for each of ``repeat`` calls, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    return [time_call(fn) for _ in range(repeat)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def summary(label: str, seconds: Sequence[float]) -> str:
    """One line: label, p50, p95 and the number of timings."""
    return (
        f"{label:<28} p50 {ms(percentile(seconds, 50)):>10}  "
        f"p95 {ms(percentile(seconds, 95)):>10}  (n={len(seconds)})"
    )


def scale_database(scale: float, *, rebuild: bool = False, seed: int = 1) -> Database:
    """An open database at synthetic ``scale``, built on first use and cached on disk."""
    from brokerdesk.core import synthetic

    CACHE.mkdir(exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")  # cached databases never go into git
    path = CACHE / f"scale-{scale:g}.sqlite3"
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    if path.exists():
        return open_database(path, user_name="benchmark")
    building = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    db = open_database(building, user_name="benchmark")
    try:
        _load_reference(db)
        print(f"Building {path.name} (once; cached afterwards)...", flush=True)
        started = time.perf_counter()
        synthetic.seed(db, scale, seed_value=seed, load_reference=False, progress=_progress)
        print(f"Built in {time.perf_counter() - started:.1f} s.", flush=True)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
    os.replace(building, path)
    return open_database(path, user_name="benchmark")


def _progress(message: str) -> None:
    print(f"  {message}", flush=True)


def _load_reference(db: Database) -> None:
    """The real reference data: the app's loader when present, else a minimal stand-in."""
    try:
        from brokerdesk.core.reference.load import initialise  # type: ignore[import-not-found]
    except ModuleNotFoundError:
        _stand_in_reference(db)
    else:
        initialise(db)


def _stand_in_reference(db: Database) -> None:
    # Until brokerdesk.core.reference.load exists: the authorities and UK branches from the
    # shared data folder, read with the csv module, plus the six offer areas.
    import csv

    from brokerdesk.core import vocabulary
    from brokerdesk.core.models import Branch, LibraryService, OfferArea

    data = ROOT.parent / "shared" / "data"
    with db.write() as session:
        for order, (code, name, kind) in enumerate(vocabulary.OFFER_AREAS):
            session.add(OfferArea(code=code, name=name, kind=kind, sort_order=order))
        by_name: dict[str, LibraryService] = {}
        with open(data / "authorities" / "library_authorities.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                service = LibraryService(
                    gss_code=row["code"],
                    name=row["name"],
                    nice_name=row["nice_name"],
                    region=row["region"] or row["nation"],
                    nation=row["nation"],
                    is_member=row["nation"] != "Scotland",
                )
                session.add(service)
                by_name[row["name"]] = service
        session.flush()
        with open(data / "branches" / "libraries_uk_schema.csv", encoding="utf-8") as fh:
            for n, row in enumerate(csv.DictReader(fh)):
                owner = by_name.get(row["Local authority"])
                if owner is None or not row["Library name"].strip():
                    continue
                session.add(
                    Branch(
                        service_id=owner.id,
                        name=row["Library name"].strip(),
                        postcode=(row["Postcode"] or "").strip()[:10] or None,
                        address=row["Address 1"] or None,
                        source_key=f"benchmark:{n}",
                    )
                )
