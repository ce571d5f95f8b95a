"""``brokerdesk export coverage``: the coverage matrix and the gap list, as CSV or XLSX.

CSV writes two files: ``FILE`` (the matrix) and ``FILE``'s name with ``-gaps`` (the gap list).
XLSX writes one workbook with the sheets "Coverage" and "Gaps". Every text cell is made inert
for spreadsheet programs (see ``core.exporting.safety``), and files appear whole or not at all.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import xlsxwriter

from brokerdesk.commands.exporting import output_path
from brokerdesk.commands.summary import print_summary
from brokerdesk.core import coverage
from brokerdesk.core.coverage import ALL_REGIONS, CoverageFilter
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.exporting.safety import (
    atomic_path,
    in_memory,
    neutralise,
    refuse_database_files,
    refuse_existing,
)
from brokerdesk.core.models import PROGRAMME_STATUSES

FORMATS = ("csv", "xlsx")


def _text(value: Any) -> Any:
    return neutralise(value) if isinstance(value, str) else value


def coverage_tables(
    db: Database, offer_area_ids: list[int] | None, flt: CoverageFilter
) -> tuple[list[list[Any]], list[list[Any]]]:
    """The matrix (header + one row per offer area) and the gap list, as plain rows."""
    matrix = coverage.coverage_matrix(db, flt)
    wanted = set(offer_area_ids) if offer_area_ids is not None else None
    header = ["Offer area", *matrix.regions, ALL_REGIONS]
    rows: list[list[Any]] = [header]
    for area_id, name in matrix.offer_areas:
        if wanted is None or area_id in wanted:
            cells = [matrix.cell(area_id, r).text() for r in [*matrix.regions, ALL_REGIONS]]
            rows.append([name, *cells])
    gaps: list[list[Any]] = [["Offer area", "GSS code", "Library service", "Region", "Nation"]]
    for area_name, row in coverage.gap_list(db, offer_area_ids, flt):
        gaps.append([area_name, row.gss_code, row.name, row.region, row.nation])
    return rows, gaps


def gaps_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-gaps{path.suffix}")


def export_coverage(
    db: Database,
    path: Path,
    fmt: str,
    *,
    offer_area_ids: list[int] | None = None,
    flt: CoverageFilter | None = None,
    overwrite: bool = False,
) -> list[Path]:
    """Write the matrix and gap list; returns the files written.

    Raises:
        FileExistsRefused: a target exists and ``overwrite`` is False (nothing written).
    """
    if fmt not in FORMATS:
        raise BrokerDeskError(f"Unknown format {fmt!r}: use csv or xlsx.")
    refuse_database_files(db.path, [path] if fmt == "xlsx" else [path, gaps_path(path)])
    matrix, gaps = coverage_tables(db, offer_area_ids, flt or CoverageFilter())
    if fmt == "xlsx":
        with atomic_path(path, overwrite=overwrite) as tmp, in_memory(tmp) as out:
            book = xlsxwriter.Workbook(
                out, {"strings_to_formulas": False, "strings_to_urls": False}
            )
            bold = book.add_format({"bold": True})
            for title, rows in (("Coverage", matrix), ("Gaps", gaps)):
                sheet = book.add_worksheet(title)
                for r, row in enumerate(rows):
                    for c, value in enumerate(row):
                        sheet.write_string(r, c, str(value), bold if r == 0 else None)
                sheet.set_column(0, 0, 40)
                sheet.set_column(1, len(rows[0]), 18)
            book.close()
        return [path]
    targets = [path, gaps_path(path)]
    refuse_existing(targets, overwrite)
    with contextlib.ExitStack() as both_or_neither:  # renamed into place once both are whole
        for target, rows in zip(targets, (matrix, gaps), strict=True):
            tmp = both_or_neither.enter_context(atomic_path(target, overwrite=overwrite))
            with tmp.open("w", newline="") as out:
                csv.writer(out).writerows([[_text(v) for v in row] for row in rows])
    return targets


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="export the coverage matrix and gap list",
        description="Member library services reached in each offer area, by region, and the "
        "services not reached (the gap list). A service counts when it is signed up or active "
        "in a programme of the area (primary or secondary) whose status is chosen (live).",
    )
    parser.add_argument("--offer-area", action="append", metavar="AREA", help="code or name")
    parser.add_argument("--format", choices=FORMATS, default="csv")
    parser.add_argument("-o", "--output", type=output_path, metavar="FILE", required=True)
    parser.add_argument(
        "--status", action="append", choices=PROGRAMME_STATUSES, help="programme status (live)"
    )
    parser.add_argument("--as-at", metavar="YYYY-MM-DD", help="count only what ran on this date")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        as_at = dt.date.fromisoformat(args.as_at) if args.as_at else None
    except ValueError as exc:
        raise BrokerDeskError(f"--as-at {args.as_at!r} is not a date like 2026-03-31.") from exc
    db = open_database(getattr(args, "db", None), create=False)
    try:
        areas = [coverage.offer_area_id_for(db, a) for a in args.offer_area or []] or None
        flt = CoverageFilter(statuses=tuple(args.status or ("live",)), as_at=as_at)
        written = export_coverage(
            db,
            Path(args.output).expanduser().absolute(),
            args.format,
            offer_area_ids=areas,
            flt=flt,
            overwrite=args.force,
        )
    finally:
        db.dispose()
    if args.json:
        lines = [("out", json.dumps({"files": [str(p) for p in written]}))]
    else:
        lines = [("out", f"Wrote {path}") for path in written]
    print_summary(lines, done="wrote " + ", ".join(str(p) for p in written))
    return 0
