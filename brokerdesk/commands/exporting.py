"""``brokerdesk export``: partner summaries (PDF, XLSX, CSV), the matrix, the whole database.

Each kind of export is a sub-subcommand. Those built here are in ``BUILT_IN``; others live
in their own module listed in ``EXTERNAL`` (for example ``export coverage`` in
``brokerdesk/commands/export_coverage.py``), exposing ``register(subparsers, name)`` and
``run(args)`` like a top-level command, and are offered once that module exists. Every
sub-subcommand gets ``--db`` and ``--force``. Nothing is overwritten without ``--force``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brokerdesk.commands.summary import print_summary
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.exporting import (
    FORMATS,
    export_database_workbook,
    export_partner_summaries,
    find_partner,
    gather_partner_summary,
    refuse_database_files,
    summary_file_name,
    write_participation_matrix,
)
from brokerdesk.core.exporting.safety import exists

Handler = Callable[[argparse.Namespace], int]

# Sub-subcommands in other modules: name -> module in brokerdesk/commands.
EXTERNAL: dict[str, str] = {
    "coverage": "export_coverage",
    "programme-summary": "export_reports",
    "library-service-summary": "export_reports",
    "region-summary": "export_reports",
    "series-summary": "export_reports",
    "board-pack": "export_reports",
    "contact-data": "export_contact_data",
}


def _ids(values: list[str] | None, what: str) -> list[int] | None:
    if not values:
        return None
    try:
        return [int(part) for value in values for part in value.split(",") if part.strip()]
    except ValueError as exc:
        raise BrokerDeskError(f"{what} are given by id, separated by commas (1,2,3).") from exc


def output_path(text: str) -> str:
    """``-o``: a name is needed; an empty one would silently mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a file or folder name, not an empty one")
    return text


def _open(args: argparse.Namespace) -> Database:
    return open_database(getattr(args, "db", None), create=False)


def _format(args: argparse.Namespace, output: str | None) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in FORMATS else "pdf"


def _report(args: argparse.Namespace, result: dict[str, Any], text: str) -> int:
    """Say what was written; the files are there even if standard output refuses it."""
    out = json.dumps(result, default=str) if getattr(args, "json", False) else text
    print_summary(out, done=text[:1].lower() + text[1:])
    return 0


def _writer(fmt: str) -> Callable[..., Path]:
    from brokerdesk.reports import summary_writer  # Qt is loaded only when needed

    return summary_writer(fmt)


def run_partner_summary(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        partner_id = find_partner(db, args.partner)
        fmt = _format(args, args.output)
        summary = gather_partner_summary(db, partner_id)
        default_name = summary_file_name(partner_id, summary.name, fmt)
        target = Path(args.output).expanduser() if args.output else Path(default_name)
        names_folder = bool(args.output) and args.output.endswith(("/", os.sep))
        if fmt != "csv" and ((exists(target) and target.is_dir()) or names_folder):
            target = target / default_name
        refuse_database_files(db.path, [target.absolute()])
        written = _writer(fmt)(summary, target.absolute(), overwrite=args.force)
    finally:
        db.dispose()
    return _report(
        args,
        {"partner_id": partner_id, "partner": summary.name, "format": fmt, "path": written},
        f"Wrote the summary of {summary.name} to {written}",
    )


def run_partners(args: argparse.Namespace) -> int:
    ids = None if args.all else _ids(args.ids, "Partners")
    if ids is None and not args.all:
        raise BrokerDeskError("Say which partners: --all, or --ids 1,2,3.")
    db = _open(args)
    try:
        folder = Path(args.output).expanduser().absolute()
        if args.format == "pdf":  # PDFs are laid out in worker processes, one per core
            from brokerdesk.reports.parallel import export_partner_pdfs

            result = export_partner_pdfs(db, folder, ids, overwrite=args.force)
        else:
            result = export_partner_summaries(
                db, folder, args.format, _writer(args.format), ids, overwrite=args.force
            )
    finally:
        db.dispose()
    files = [{"partner_id": i, "partner": n, "path": p} for i, n, p in result.files]
    return _report(
        args,
        {"files": files, "index": result.index_files},
        f"Wrote {len(files)} partner summaries and an index to {args.output}",
    )


def run_matrix(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        path = write_participation_matrix(
            db,
            Path(args.output).expanduser().absolute(),
            programme_ids=_ids(args.programmes, "Programmes"),
            overwrite=args.force,
        )
    finally:
        db.dispose()
    return _report(args, {"path": path}, f"Wrote the participation matrix to {path}")


def run_database(args: argparse.Namespace) -> int:
    db = _open(args)
    try:
        path = export_database_workbook(
            db, Path(args.output).expanduser().absolute(), overwrite=args.force
        )
    finally:
        db.dispose()
    return _report(args, {"path": path}, f"Wrote the whole database to {path}")


def _add_partner_summary(subs: Any, name: str) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subs.add_parser(
        name,
        help="one partner's summary",
        description="Write one partner's summary: a PDF to print or send, or its data as "
        "XLSX (one sheet per table) or CSV (a folder of files).",
    )
    p.add_argument("partner", metavar="PARTNER", help="the partner's id or (part of its) name")
    p.add_argument(
        "--format", choices=FORMATS, help="pdf, xlsx or csv (default: from -o, else pdf)"
    )
    p.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="PATH",
        help="file, folder (csv), or folder to put it in",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(export_handler=run_partner_summary)
    return p


def _add_partners(subs: Any, name: str) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subs.add_parser(
        name,
        help="summaries of many partners, one file each plus an index",
        description="Write one summary per partner into a folder, with index.csv and "
        "index.xlsx listing which file is which partner's.",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every partner")
    which.add_argument("--ids", action="append", metavar="1,2,3", help="these partners")
    p.add_argument("--format", choices=FORMATS, default="pdf", help="pdf (default), xlsx or csv")
    p.add_argument(
        "-o", "--output", type=output_path, metavar="DIR", required=True, help="the folder to write"
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(export_handler=run_partners)
    return p


def _add_matrix(subs: Any, name: str) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subs.add_parser(
        name,
        help="library services × programmes, stage in each cell (XLSX)",
        description="Write the programme participation matrix: every library service down, "
        "programmes across, the stage of each participation in its cell.",
    )
    p.add_argument(
        "--programmes", action="append", metavar="1,2,3", help="only these programmes (ids)"
    )
    p.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="FILE",
        required=True,
        help="the XLSX file to write",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(export_handler=run_matrix)
    return p


def _add_database(subs: Any, name: str) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subs.add_parser(
        name,
        help="the whole database as one XLSX workbook (one sheet per table)",
        description="Write every table to one XLSX workbook, which can be imported into an "
        "empty database to restore it.",
    )
    p.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="FILE",
        required=True,
        help="the XLSX file to write",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(export_handler=run_database)
    return p


BUILT_IN: dict[str, Callable[[Any, str], argparse.ArgumentParser]] = {
    "partner-summary": _add_partner_summary,
    "partners": _add_partners,
    "matrix": _add_matrix,
    "database": _add_database,
}


def _add_common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: an unset sub-subcommand --db must not hide `brokerdesk export --db X`.
    options: tuple[tuple[str, dict[str, Any]], ...] = (
        (
            "--db",
            {
                "metavar": "ADDRESS",
                "default": argparse.SUPPRESS,
                "help": "database file path or SQLAlchemy URL",
            },
        ),
        ("--force", {"action": "store_true", "help": "overwrite files that already exist"}),
    )
    for flag, kwargs in options:
        with contextlib.suppress(argparse.ArgumentError):  # the module declared it itself
            parser.add_argument(flag, **kwargs)


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="export summaries, the participation matrix or the whole database",
        description="Export partner summaries (PDF, XLSX, CSV), the participation matrix or "
        "the whole database. Existing files are never overwritten without --force.",
    )
    subs = parser.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    for sub_name, add in BUILT_IN.items():
        _add_common(add(subs, sub_name))
    for sub_name, module_name in EXTERNAL.items():
        try:
            module = importlib.import_module(f"brokerdesk.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"brokerdesk.commands.{module_name}":
                raise
            continue  # not built yet: simply not offered
        sub = module.register(subs, sub_name)
        _add_common(sub)
        sub.set_defaults(export_handler=module.run)
    subs.metavar = "{" + ",".join(subs.choices) + "}"  # a usage error names the kinds
    return parser


def run(args: argparse.Namespace) -> int:
    handler: Handler = args.export_handler
    return handler(args)
