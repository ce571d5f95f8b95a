"""``brokerdesk export contact-data``: everything held about one person (a UK GDPR subject
access request), as an XLSX workbook (one sheet per kind of data) or JSON.

The file appears whole or not at all; an existing file is replaced only with ``--force``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from brokerdesk.commands.exporting import output_path
from brokerdesk.commands.summary import print_summary
from brokerdesk.core.db import open_database
from brokerdesk.core.exporting.subject_access import FORMATS, counts, export_contact_data


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "xlsx"


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="export everything held about one contact (subject access request)",
        description="Everything BrokerDesk holds about a person: their record and own "
        "fields, tags, lists, named-lead roles, participations, the interactions they are "
        "on, the e-mails and notes that name them, the files attached to those (by name) "
        "and their history. XLSX has one sheet per kind; JSON one key per kind.",
    )
    parser.add_argument("contact_id", type=int, metavar="CONTACT_ID", help="the contact's id")
    parser.add_argument("-o", "--output", type=output_path, metavar="FILE", required=True)
    parser.add_argument(
        "--format", choices=FORMATS, help="xlsx or json (default: from FILE's name, else xlsx)"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser().absolute()
    fmt = _format(args)
    db = open_database(getattr(args, "db", None), create=False)
    try:
        data = export_contact_data(db, args.contact_id, target, fmt, overwrite=args.force)
    finally:
        db.dispose()
    held = counts(data)
    text = (
        f"Wrote everything held about {data.name} to {target}. "
        f"Interactions they are on: {held['Interactions']}; "
        f"e-mails naming them: {held['E-mails naming them']}; "
        f"notes naming them: {held['Notes naming them']}; "
        f"attached files (listed by name): {held['Attached files']}; "
        f"history entries: {held['History']}."
    )
    if args.json:
        out = json.dumps(
            {"file": str(target), "format": fmt, "contact_id": data.contact_id, **held}
        )
        print_summary([("out", out)], done=f"the export was written to {target}")
    else:
        print_summary([("out", text)], done=f"the export was written to {target}")
    return 0
