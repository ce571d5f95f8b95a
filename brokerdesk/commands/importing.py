"""``brokerdesk import KIND FILE``: the import wizard's checks and apply, from a terminal.

Any refused row refuses the whole file (exit 1, nothing written, reasons printed) unless
``--skip-invalid`` is given. A library service the file names uncertainly counts as refused,
with its candidates printed, unless ``--accept-best`` takes the best candidate; it never takes
an ambiguous one (a tie, a split council, a shared service, a name several services share).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
from pathlib import Path
from typing import Any

from brokerdesk.commands.summary import print_summary
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.exporting import import_database_workbook
from brokerdesk.core.importing import (
    IMPORTERS,
    KINDS,
    ON_MATCH,
    ImportOptions,
    ImportSummary,
    MappingStore,
    SpreadsheetFile,
    load_mapping_file,
    open_spreadsheet,
    run_import,
    suggest_mapping,
)
from brokerdesk.core.importing.own_fields import all_targets
from brokerdesk.core.models import PARTICIPATION_STAGES
from brokerdesk.core.services.programmes import ProgrammeService

MAX_REASON_LINES = 20
DATABASE = "database"
EMAILS = "emails"


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="import partners, contacts, library services, branches, programmes, "
        "participations or interactions from CSV or XLSX",
        description="Import a spreadsheet in one transaction: every row is checked first, and "
        "if any row is refused nothing is written (unless --skip-invalid). Columns are "
        "matched to fields from their headers; give --mapping to say exactly.",
    )
    parser.add_argument(
        "kind",
        metavar="KIND",
        choices=(*KINDS, DATABASE, EMAILS),
        help=f"one of: {', '.join(KINDS)}; or {DATABASE}: a whole-database workbook "
        "(File ▸ Export ▸ Whole database) into an empty database; or emails (FILE is then a "
        "folder of .eml and .msg files, each logged as an interaction with its partner)",
    )
    parser.add_argument(
        "file", metavar="FILE", help="a .csv or .xlsx file (database: .xlsx; emails: a folder)"
    )
    parser.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
    parser.add_argument(
        "--mapping", metavar="FILE", help='JSON file {"Column header": "field", ...}'
    )
    parser.add_argument("--sheet", metavar="NAME", help="the workbook sheet (default: the first)")
    parser.add_argument(
        "--header-row",
        metavar="N",
        type=_row_number,
        help="the row that names the columns, counted as the spreadsheet numbers its rows "
        "(default: found below any title, notes or blank rows, which are listed)",
    )
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
        help=(
            "take the best candidate of an uncertain library-service match; never a tie, a "
            "split council, a shared service or a name several services share"
        ),
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
    parser.add_argument(
        "--force", action="store_true", help="replace an existing --refused-report file"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def _row_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a row number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("row numbers start at 1")
    return number


def run(args: argparse.Namespace) -> int:
    if args.kind == DATABASE:
        return _whole_database(args)
    if args.kind == EMAILS:
        from brokerdesk.commands import import_emails

        return import_emails.run(args)
    source = open_spreadsheet(args.file)
    if args.header_row is not None:
        source.set_header_row(args.sheet, args.header_row)
    header = source.sheet(args.sheet)
    db = open_database(args.db, create=False)
    try:
        targets = all_targets(db, IMPORTERS[args.kind])  # the team's own fields too
        if args.mapping:
            mapping = load_mapping_file(args.mapping)
        else:
            mapping = MappingStore().find(args.kind, header.headers) or suggest_mapping(
                targets, header.headers
            )
        report = _report_path(args, db) if args.refused_report else None
        options = ImportOptions(
            on_match=args.on_match,
            skip_invalid=args.skip_invalid,
            accept_best=args.accept_best,
            stage=args.stage,
            programme_id=ProgrammeService(db).id_named(args.programme) if args.programme else None,
            dry_run=args.dry_run,
        )
        summary = _import(db, source, args, mapping, options)
    finally:
        db.dispose()
    # From here on the import is saved (or was never going to be): nothing below may turn a
    # saved import into exit 1, and nothing may fail with a traceback.
    code = 1 if summary.refused > 0 and not args.skip_invalid else 0
    lines: list[tuple[str, str]] = []
    if report is not None and summary.refused_rows:
        try:
            summary.save_refused_csv(report)
        except OSError as exc:
            lines.append(("err", _report_lost(summary, report, exc)))
    if args.json:
        data = summary.to_dict()
        data["mapping"] = mapping
        lines.insert(0, ("out", json.dumps(data, ensure_ascii=False, indent=2, default=str)))
    else:
        lines[:0] = _summary_lines(summary, mapping)
    if not _emit(lines, summary) and summary.dry_run:
        code = 1  # a check whose answer could not be shown did not check anything
    return code


def _import(
    db: Database,
    source: SpreadsheetFile,
    args: argparse.Namespace,
    mapping: dict[str, str],
    options: ImportOptions,
) -> ImportSummary:
    try:
        return run_import(db, source, args.kind, mapping, options, sheet=args.sheet)
    except OSError as exc:  # the backup before the import, on a full or failing disk
        if exc.errno == errno.ENOSPC:
            raise BrokerDeskError(
                "The disk is full, so the backup BrokerDesk takes before an import could not "
                "be made and nothing was imported. Free some space and try again."
            ) from exc
        raise BrokerDeskError(
            f"The import could not start ({exc.strerror or exc}); nothing was imported."
        ) from exc


def _report_path(args: argparse.Namespace, db: Database) -> Path:
    """The refused-rows file, checked before anything is written: exit 1 means nothing was
    written, so a report that cannot be made must be found out now, not after the commit."""
    target = Path(args.refused_report)
    where = f"The refused-rows report {target}"
    try:
        if target.is_dir():
            raise BrokerDeskError(f"{where} is a folder; give a file name. Nothing was imported.")
        folder = target.parent
        if not folder.is_dir():
            raise BrokerDeskError(
                f"{where} cannot be written: there is no folder {folder}. Nothing was imported."
            )
        if not os.access(folder, os.W_OK):
            raise BrokerDeskError(
                f"{where} cannot be written: you cannot write to {folder}. Nothing was imported."
            )
        if target.exists():
            for other, what in (
                (args.file, "the file being imported"),
                (args.mapping, "the mapping file"),
                (db.path, "the database"),
            ):
                if other and Path(other).exists() and os.path.samefile(target, other):
                    raise BrokerDeskError(
                        f"{where} is {what}; choose another name. Nothing was imported."
                    )
            if not target.is_file():
                raise BrokerDeskError(f"{where} is not a file; nothing was imported.")
            if not args.force:
                raise BrokerDeskError(
                    f"{where} already exists; nothing was imported. Choose another name, or "
                    "give --force to replace it."
                )
    except OSError as exc:  # a name too long, a symlink loop, a folder we may not enter
        raise BrokerDeskError(
            f"{where} cannot be written ({exc.strerror or exc}). Nothing was imported."
        ) from exc
    return target


def _report_lost(summary: ImportSummary, report: Path, exc: OSError) -> str:
    reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
    if summary.written:
        return (
            f"brokerdesk: the import was saved, but the refused rows could not be written to "
            f"{report} ({reason}); run it again with --dry-run to list them."
        )
    return f"brokerdesk: the refused rows could not be written to {report} ({reason})."


def _emit(lines: list[tuple[str, str]], summary: ImportSummary) -> bool:
    """Print the summary; False when standard output refused it (a full disk).

    The import is saved (or refused) by then: a summary that cannot be printed must not
    end in a traceback, nor make a saved import look refused.
    """
    done = (
        f"the import was saved ({summary.created} created, {summary.updated} updated)"
        if summary.written
        else "nothing was written"
    )
    return print_summary(lines, done=done)


def _summary_lines(summary: ImportSummary, mapping: dict[str, str]) -> list[tuple[str, str]]:
    """What the import says, as (``out`` or ``err``, line): reasons go to stderr when refused."""
    columns = ", ".join(f"{h} -> {f}" for h, f in mapping.items())
    lines = [("out", f"Columns: {columns}")]
    if summary.not_imported:
        left = ", ".join(summary.not_imported)
        lines.append(("out", f"Not imported (no field takes them): {left}"))
    if summary.above_header:
        shown = "; ".join(f"row {n}: {text[:80]}" for n, text in summary.above_header[:5])
        more = f" and {len(summary.above_header) - 5} more" if len(summary.above_header) > 5 else ""
        lines.append(("out", f"Above the header, not imported: {shown}{more}"))
        lines.append(
            (
                "out",
                f"Header row: {summary.header_row} (choose another with --header-row N)",
            )
        )
    verb = "Would import" if summary.dry_run else "Imported"
    if not summary.written and not summary.dry_run:
        verb = "Refused; nothing was written. Checked"
    lines.append(
        (
            "out",
            f"{verb} {summary.rows} rows: {summary.created} created, {summary.updated} "
            f"updated, {summary.skipped} skipped, {summary.refused} refused.",
        )
    )
    if summary.contacts_created:
        would = "would be" if not summary.written else "were"
        lines.append(
            (
                "out",
                f"{summary.contacts_created} new contacts {would} made from the contact columns.",
            )
        )
    out = "err" if summary.refused else "out"
    reasons = [f"  row {r.row}: {'; '.join(r.reasons)}" for r in summary.refused_rows]
    lines += [(out, line) for line in reasons[:MAX_REASON_LINES]]
    if len(reasons) > MAX_REASON_LINES:
        lines.append((out, f"  and {len(reasons) - MAX_REASON_LINES} more"))
    for row, message in summary.warnings[:MAX_REASON_LINES]:
        lines.append(("out", f"  note, row {row}: {message}"))
    if len(summary.warnings) > MAX_REASON_LINES:
        lines.append(("out", f"  and {len(summary.warnings) - MAX_REASON_LINES} more notes"))
    return lines


def _whole_database(args: argparse.Namespace) -> int:
    """``import database FILE``: the whole-database workbook back into an empty database."""
    path = Path(args.file).expanduser()
    db = open_database(args.db)
    try:
        if args.dry_run:
            raise BrokerDeskError(
                "--dry-run checks spreadsheets of records; a whole-database workbook is "
                "checked as it is imported, and nothing is written if any row is refused."
            )
        counts = import_database_workbook(db, path)
    finally:
        db.dispose()
    total = sum(counts.values())
    if args.json:
        text = json.dumps({"file": str(path), "rows": total, "tables": counts})
    else:
        kinds = [f"{n:,} {t.replace('_', ' ')}" for t, n in counts.items() if n]
        text = f"Imported {total:,} rows from {path}.\n  " + "\n  ".join(kinds)
    print_summary(text, done=f"the workbook {path} was imported")
    return 0
