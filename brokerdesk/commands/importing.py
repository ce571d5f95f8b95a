"""``brokerdesk import KIND FILE``: the import wizard's checks and apply, from a terminal.

Any refused row refuses the whole file (exit 1, nothing written, reasons printed) unless
``--skip-invalid`` is given. A library service the file names uncertainly counts as refused,
with its candidates printed, unless ``--accept-best`` takes the best candidate.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sqlalchemy import select

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.importing import (
    IMPORTERS,
    KINDS,
    ON_MATCH,
    ImportOptions,
    ImportSummary,
    MappingStore,
    load_mapping_file,
    open_spreadsheet,
    run_import,
    suggest_mapping,
)
from brokerdesk.core.models import PARTICIPATION_STAGES, Programme

MAX_REASON_LINES = 20


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="import partners, contacts, library services, branches, programmes, "
        "participations or interactions from CSV or XLSX",
        description="Import a spreadsheet in one transaction: every row is checked first, and "
        "if any row is refused nothing is written (unless --skip-invalid). Columns are "
        "matched to fields from their headers; give --mapping to say exactly.",
    )
    parser.add_argument("kind", metavar="KIND", choices=KINDS, help=f"one of: {', '.join(KINDS)}")
    parser.add_argument("file", metavar="FILE", help="a .csv or .xlsx file")
    parser.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
    parser.add_argument(
        "--mapping", metavar="FILE", help='JSON file {"Column header": "field", ...}'
    )
    parser.add_argument("--sheet", metavar="NAME", help="the workbook sheet (default: the first)")
    parser.add_argument(
        "--on-match",
        choices=ON_MATCH,
        help="rows matching an existing record: skip (default), update, or create anyway",
    )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows and report the refused ones",
    )
    parser.add_argument(
        "--accept-best",
        action="store_true",
        help="take the best candidate of an uncertain library-service match",
    )
    parser.add_argument(
        "--stage",
        choices=PARTICIPATION_STAGES,
        help="participations: the stage when the file has no Stage column",
    )
    parser.add_argument(
        "--programme", metavar="ID|NAME", help="participations: the programme they join"
    )
    parser.add_argument(
        "--refused-report", metavar="CSV", help="write the refused rows and reasons to this file"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def _programme_id(db: Database, text: str) -> int:
    with db.read() as session:
        if text.isdigit() and session.get(Programme, int(text)) is not None:
            return int(text)
        found = list(
            session.scalars(select(Programme.id).where(Programme.name.ilike(text.strip())))
        )
    if len(found) == 1:
        return found[0]
    if not found:
        raise BrokerDeskError(f"There is no programme '{text}'.")
    raise BrokerDeskError(f"Several programmes are called '{text}'; give its id instead.")


def run(args: argparse.Namespace) -> int:
    source = open_spreadsheet(args.file)
    header = source.sheet(args.sheet)
    targets = IMPORTERS[args.kind].targets
    if args.mapping:
        mapping = load_mapping_file(args.mapping)
    else:
        mapping = MappingStore().find(args.kind, header.headers) or suggest_mapping(
            targets, header.headers
        )
    db = open_database(args.db, create=False)
    try:
        options = ImportOptions(
            on_match=args.on_match,
            skip_invalid=args.skip_invalid,
            accept_best=args.accept_best,
            stage=args.stage,
            programme_id=_programme_id(db, args.programme) if args.programme else None,
            dry_run=args.dry_run,
        )
        summary = run_import(db, source, args.kind, mapping, options, sheet=args.sheet)
    finally:
        db.dispose()
    if args.refused_report and summary.refused_rows:
        summary.save_refused_csv(args.refused_report)
    refused = summary.refused > 0 and not args.skip_invalid
    if args.json:
        data = summary.to_dict()
        data["mapping"] = mapping
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        _print(summary, mapping)
    return 1 if refused else 0


def _print(summary: ImportSummary, mapping: dict[str, str]) -> None:
    columns = ", ".join(f"{h} -> {f}" for h, f in mapping.items())
    print(f"Columns: {columns}")
    verb = "Would import" if summary.dry_run else "Imported"
    if not summary.written and not summary.dry_run:
        verb = "Refused; nothing was written. Checked"
    print(
        f"{verb} {summary.rows} rows: {summary.created} created, {summary.updated} updated, "
        f"{summary.skipped} skipped, {summary.refused} refused."
    )
    out = sys.stderr if summary.refused else sys.stdout
    lines = [f"  row {r.row}: {'; '.join(r.reasons)}" for r in summary.refused_rows]
    for line in lines[:MAX_REASON_LINES]:
        print(line, file=out)
    if len(lines) > MAX_REASON_LINES:
        print(f"  and {len(lines) - MAX_REASON_LINES} more", file=out)
    for row, message in summary.warnings[:MAX_REASON_LINES]:
        print(f"  note, row {row}: {message}")
    if len(summary.warnings) > MAX_REASON_LINES:
        print(f"  and {len(summary.warnings) - MAX_REASON_LINES} more notes")
