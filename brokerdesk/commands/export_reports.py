"""``brokerdesk export programme-summary | library-service-summary | region-summary |
board-pack``: the reports of ``brokerdesk.core.reporting`` as PDF, XLSX or CSV, and several
of them in one PDF with a contents page.

Registered through ``EXTERNAL`` in :mod:`brokerdesk.commands.exporting`, which adds ``--db``
and ``--force``; ``partner-summary`` stays there as it was.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from brokerdesk.commands.exporting import _open, _report, output_path
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.exporting import FORMATS, refuse_database_files
from brokerdesk.core.exporting.safety import exists
from brokerdesk.core.reporting import KINDS, Report

SUFFIX = "-summary"
BOARD_PACK = "board-pack"
PER_KIND = {f"{name}{SUFFIX}": name for name in KINDS if name != "partner"}


def _target(output: str | None, default_name: str, fmt: str) -> Path:
    target = Path(output).expanduser() if output else Path(default_name)
    names_folder = bool(output) and str(output).endswith(("/", os.sep))
    if fmt != "csv" and ((exists(target) and target.is_dir()) or names_folder):
        target = target / default_name
    return target.absolute()


def _run_one(args: argparse.Namespace) -> int:
    from brokerdesk.reports import write_report  # Typst only when a report is written

    kind = KINDS[PER_KIND[args.export_command]]
    db = _open(args)
    try:
        key = kind.find(db, args.record)
        report = kind.gather(db, key)
        fmt = args.format or _suffix_format(args.output)
        target = _target(args.output, kind.file_name(key, report.subject, fmt), fmt)
        refuse_database_files(db.path, [target])
        written = write_report(report, fmt, target, overwrite=args.force)
    finally:
        db.dispose()
    return _report(
        args,
        {"kind": kind.name, "key": key, "subject": report.subject, "format": fmt, "path": written},
        f"Wrote the {kind.label.lower()} of {report.subject} to {written}",
    )


def _suffix_format(output: str | None) -> str:
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in FORMATS else "pdf"


def parse_choice(text: str) -> tuple[str, str]:
    """``KIND:RECORD`` (``programme:12``, ``region:North West``) for ``--report``."""
    kind, sep, record = text.partition(":")
    kind = kind.strip().lower()
    if not sep or not record.strip():
        raise argparse.ArgumentTypeError(f"write KIND:RECORD, such as programme:12 (not {text!r})")
    if kind not in KINDS:
        raise argparse.ArgumentTypeError(
            f"'{kind}' is not a kind of report; choose one of {', '.join(KINDS)}"
        )
    return kind, record.strip()


def _run_pack(args: argparse.Namespace) -> int:
    from brokerdesk.reports import write_board_pack_pdf

    db = _open(args)
    try:
        reports: list[Report] = []
        for kind_name, record in args.report:
            kind = KINDS[kind_name]
            reports.append(kind.gather(db, kind.find(db, record)))
        target = Path(args.output).expanduser().absolute()
        refuse_database_files(db.path, [target])
        written = write_board_pack_pdf(args.title, reports, target, overwrite=args.force)
    finally:
        db.dispose()
    return _report(
        args,
        {"path": written, "title": args.title, "reports": [r.title for r in reports]},
        f"Wrote the board pack '{args.title}' ({len(reports)} reports) to {written}",
    )


def register(subs: Any, name: str) -> argparse.ArgumentParser:
    if name == BOARD_PACK:
        p: argparse.ArgumentParser = subs.add_parser(
            name,
            help="several reports in one PDF with a contents page",
            description="Write a board pack: the chosen reports, in the order given, in one "
            "tagged PDF that opens with a contents page.",
        )
        p.add_argument(
            "--report",
            action="append",
            type=parse_choice,
            required=True,
            metavar="KIND:RECORD",
            help="a report to include, e.g. partner:12, programme:'Summer Reading', "
            "library-service:Bristol, region:'North West' (repeat for more)",
        )
        p.add_argument("--title", default="Board pack", help="the pack's title")
        p.add_argument(
            "-o", "--output", type=output_path, metavar="FILE", required=True, help="the PDF"
        )
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        return p
    kind = KINDS[PER_KIND[name]]
    p = subs.add_parser(
        name,
        help=f"one {kind.what}'s summary",
        description=f"Write one {kind.what}'s summary: a tagged PDF to print or send, or its "
        "data as XLSX (one sheet per table) or CSV (a folder of files).",
    )
    p.add_argument("record", metavar=kind.what.upper().replace(" ", "_"), help="id or name")
    p.add_argument(
        "--format", choices=FORMATS, help="pdf, xlsx or csv (default: from -o, else pdf)"
    )
    p.add_argument(
        "-o", "--output", type=output_path, metavar="PATH", help="file, or folder to put it in"
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    return p


def run(args: argparse.Namespace) -> int:
    if args.export_command == BOARD_PACK:
        return _run_pack(args)
    if args.export_command in PER_KIND:
        return _run_one(args)
    raise BrokerDeskError(f"Unknown report '{args.export_command}'.")  # pragma: no cover
