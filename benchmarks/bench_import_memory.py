"""Peak memory of importing a ~200 MB participations CSV, against the floor of the modules alone.

Run: ``python benchmarks/bench_import_memory.py`` (``--mb 200``, ``--keep`` to keep the files).

Issue 5 claims that a 200 MB file imports with bounded memory. This writes a participations
sign-up sheet of about ``--mb`` megabytes (every row a distinct programme and library service,
so every row is created, none skipped) into a temporary folder, with a template database of
the real library services and enough programmes. A child process does that preparation, so
its memory does not count. This process then imports the modules (the floor: the peak RSS
before any work), opens the spreadsheet, previews the first 200 rows and runs ``run_import``
with the wizard's options (skip invalid rows, matches skipped): the same calls the import
wizard makes. It prints the peak RSS (``resource.getrusage``) after each step.
"""

from __future__ import annotations

import argparse
import csv
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STAGES = ("invited", "interested", "signed_up", "active", "completed")
HEADER = ["Library service", "Programme", "Stage", "Start date", "Reach", "Sessions", "Notes"]


def peak_mb() -> float:
    """The process's peak resident set size so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def prepare(folder: Path, megabytes: int) -> None:
    """Child process: the template database and the CSV, written row by row."""
    from sqlalchemy import select

    from brokerdesk.core.db import open_database
    from brokerdesk.core.models import LibraryService, OfferArea, Programme
    from brokerdesk.core.reference.load import initialise

    db = open_database(folder / "template.sqlite3", user_name="bench")
    initialise(db)
    with db.read() as session:
        found = session.execute(select(LibraryService.gss_code, LibraryService.nice_name))
        services = [(code or name, name) for code, name in found]
    target = folder / "participations.csv"
    limit = megabytes * 1024 * 1024
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        i = 0
        per = len(services)
        while handle.tell() < limit:
            for _ in range(1_000):
                code, name = services[i % per]
                writer.writerow(
                    [
                        code if i % 2 else name,
                        f"Programme {i // per:05d}",
                        STAGES[i % len(STAGES)],
                        f"{1 + i % 28:02d}/0{1 + i % 9}/2026",
                        str(i % 5000),
                        str(i % 40),
                        f"Row {i}: signed up at the regional meeting",
                    ]
                )
                i += 1
    programmes = i // len(services) + 1
    with db.write() as session:
        area = session.query(OfferArea.id).first()
        assert area is not None
        session.add_all(
            Programme(name=f"Programme {n:05d}", offer_area_id=area[0]) for n in range(programmes)
        )
    db.dispose()
    print(i, flush=True)


def measure(folder: Path) -> int:
    from brokerdesk.core.db import open_database
    from brokerdesk.core.importing import (
        IMPORTERS,
        ImportOptions,
        MappingStore,
        open_spreadsheet,
        preview,
        run_import,
        suggest_mapping,
    )

    MappingStore()  # the wizard looks up a saved mapping too
    floor = peak_mb()
    print(f"{'floor: Python, BrokerDesk core, SQLAlchemy imported':<56}{floor:7.1f} MB peak RSS")
    database = folder / "import.sqlite3"
    shutil.copy(folder / "template.sqlite3", database)
    db = open_database(database, user_name="bench")
    csv_path = folder / "participations.csv"
    size_mb = csv_path.stat().st_size / 1024 / 1024
    start = time.perf_counter()
    source = open_spreadsheet(csv_path)
    header = source.sheet()
    mapping = suggest_mapping(IMPORTERS["participations"].targets, header.headers)
    options = ImportOptions(skip_invalid=True, on_match="skip")
    shown = preview(db, source, "participations", mapping, options)
    label = f"file opened, first {len(shown.plans)} rows previewed"
    print(f"{label:<56}{peak_mb():7.1f} MB peak RSS")
    highest = [0.0]

    def progress(done: int, total: int) -> None:
        highest[0] = max(highest[0], current_mb())

    summary = run_import(db, source, "participations", mapping, options, progress=progress)
    elapsed = time.perf_counter() - start
    db.dispose()
    peak = peak_mb()
    print(
        f"imported {size_mb:.0f} MB, {summary.rows:,} rows ({summary.created:,} created, "
        f"{summary.skipped:,} skipped, {summary.refused:,} refused) in {elapsed:.0f} s"
    )
    print(f"{'after the import':<56}{peak:7.1f} MB peak RSS")
    print(f"{'highest RSS seen between chunks':<56}{highest[0]:7.1f} MB")
    print(f"{'peak minus floor':<56}{peak - floor:7.1f} MB")
    if not summary.written:
        print(f"the file was not written: {summary.refused_rows[:3]}")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="size of the CSV (default 200)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--prepare", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--measure", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(Path(args.prepare), args.mb)
        return 0
    if args.measure:
        return measure(Path(args.measure))
    folder = Path(tempfile.mkdtemp(prefix="bench-import-memory-"))
    try:
        print(f"writing a {args.mb} MB participations CSV and its database in {folder}…")
        made = subprocess.run(
            [sys.executable, __file__, "--prepare", str(folder), "--mb", str(args.mb)],
            check=True,
            capture_output=True,
            text=True,
        )
        print(f"{int(made.stdout.split()[-1]):,} rows written")
        # A fresh process, so the floor and the peak are the import's alone.
        return subprocess.run([sys.executable, __file__, "--measure", str(folder)]).returncode
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
