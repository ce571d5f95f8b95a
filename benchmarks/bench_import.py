"""Import benchmark: 100,000 participations from CSV and from XLSX, against a floor.

Run: ``python benchmarks/bench_import.py`` (``--rows N`` for another size).

The floor is measured in the same run on the same rows: pandas reads the CSV as text, the
rows are turned into ids with plain dicts, and raw ``sqlite3.executemany`` inserts them into
a fresh copy of the database. Goals (issue 5): the CSV import within 3x the floor; the XLSX
import within 1.5x of (calamine reading the sheet + the CSV import).

Generated files and the template database (real library services from ../shared/data, 500
programmes) are cached under ``benchmarks/.cache/``.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from brokerdesk.core.db import Database, open_database  # noqa: E402
from brokerdesk.core.importing import (  # noqa: E402
    IMPORTERS,
    ImportOptions,
    open_spreadsheet,
    run_import,
    suggest_mapping,
)
from brokerdesk.core.models import OfferArea, Programme  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
SHARED = ROOT.parent / "shared" / "data"
PROGRAMMES = 500
STAGES = ("invited", "interested", "signed_up", "active", "completed")


def _load_reference(db: Database) -> None:
    try:
        from brokerdesk.core.reference.load import initialise  # type: ignore[import-not-found]
    except ImportError:
        from tests.core.importing.reference import load_reference

        load_reference(db, SHARED)
    else:
        initialise(db)


def template(rows: int) -> Path:
    """A database with the reference data and enough programmes for ``rows`` unique links."""
    path = CACHE / f"import-template-{rows}.sqlite3"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    db = open_database(path, user_name="bench")
    _load_reference(db)
    with db.write() as session:
        area = session.query(OfferArea.id).first()
        assert area is not None
        for i in range(PROGRAMMES):
            session.add(Programme(name=f"Programme {i:03d}", offer_area_id=area[0]))
    db.dispose()
    return path


def generate(rows: int, template_path: Path) -> tuple[Path, Path]:
    """The participations file as CSV and XLSX (services by name or GSS code, mixed)."""
    csv_path = CACHE / f"participations-{rows}.csv"
    xlsx_path = CACHE / f"participations-{rows}.xlsx"
    if csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    with sqlite3.connect(template_path) as conn:
        services = conn.execute("SELECT gss_code, nice_name FROM library_service").fetchall()
    rng = random.Random(1)
    header = ["Library service", "Programme", "Stage", "Start date", "Reach", "Sessions", "Notes"]
    body = []
    per = len(services)
    for i in range(rows):
        code, name = services[i % per]
        body.append(
            [
                code if i % 2 else name,
                f"Programme {i // per:03d}",
                STAGES[i % len(STAGES)],
                f"{1 + i % 28:02d}/0{1 + i % 9}/2026",
                str(rng.randint(0, 5000)),
                str(rng.randint(0, 40)),
                f"Row {i}: signed up at the regional meeting",
            ]
        )
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(body)
    import xlsxwriter

    book = xlsxwriter.Workbook(xlsx_path, {"constant_memory": True})
    sheet = book.add_worksheet("Sign-ups")
    for r, row in enumerate([header, *body]):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    book.close()
    return csv_path, xlsx_path


def floor(csv_path: Path, template_path: Path, target: Path) -> float:
    """pandas read + dict lookups + raw sqlite3 executemany of the same rows."""
    import pandas as pd

    shutil.copy(template_path, target)
    conn = sqlite3.connect(target)
    codes = dict(conn.execute("SELECT gss_code, id FROM library_service"))
    names = dict(conn.execute("SELECT nice_name, id FROM library_service"))
    programmes = dict(conn.execute("SELECT name, id FROM programme"))
    start = time.perf_counter()
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    params = [
        (
            programmes[p],
            codes.get(s) or names[s],
            stage,
            f"2026-0{d[4]}-{d[:2]}",
            int(reach),
            int(sessions),
            notes,
        )
        for s, p, stage, d, reach, sessions, notes in frame.itertuples(index=False)
    ]
    conn.executemany(
        "INSERT INTO participation (programme_id, service_id, stage, start_date, reach, "
        "sessions, notes, version_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        params,
    )
    conn.commit()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def brokerdesk_import(path: Path, template_path: Path, target: Path) -> tuple[float, int]:
    shutil.copy(template_path, target)
    db = open_database(target, user_name="bench")
    try:
        start = time.perf_counter()
        source = open_spreadsheet(path)
        mapping = suggest_mapping(IMPORTERS["participations"].targets, source.sheet().headers)
        summary = run_import(db, source, "participations", mapping, ImportOptions())
        elapsed = time.perf_counter() - start
    finally:
        db.dispose()
    if not summary.written:
        reasons = summary.refused_rows[:3]
        raise SystemExit(f"the benchmark file was refused: {reasons}")
    return elapsed, summary.created


def calamine_read(xlsx_path: Path) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    CalamineWorkbook.from_path(str(xlsx_path)).get_sheet_by_name("Sign-ups").to_python()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args()
    base = template(args.rows)
    csv_path, xlsx_path = generate(args.rows, base)
    work = CACHE / "import-run.sqlite3"
    floors, csvs, xlsxs, reads = [], [], [], []
    for _ in range(args.repeat):
        floors.append(floor(csv_path, base, work))
        seconds, created = brokerdesk_import(csv_path, base, work)
        csvs.append(seconds)
        assert created == args.rows, created
        reads.append(calamine_read(xlsx_path))
        xlsxs.append(brokerdesk_import(xlsx_path, base, work)[0])
    shutil.rmtree(CACHE / "import-run-backups", ignore_errors=True)
    work.unlink(missing_ok=True)
    f, c, x, r = min(floors), min(csvs), min(xlsxs), min(reads)
    print(f"rows: {args.rows:,} participations (best of {args.repeat})")
    print(f"floor (pandas read + sqlite3 executemany): {f:.2f} s")
    print(f"CSV import:  {c:.2f} s  = {c / f:.2f}x the floor (goal <= 3x)")
    print(f"calamine read of the XLSX: {r:.2f} s")
    print(
        f"XLSX import: {x:.2f} s  = {x / (r + c):.2f}x (calamine read + CSV import) (goal <= 1.5x)"
    )
    ok = c <= 3 * f and x <= 1.5 * (r + c)
    print("goals met" if ok else "GOALS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
