"""``brokerdesk copy --from A --to B``: every record from one database into another.

File to team server (moving in), server to file (moving out, or a copy to look at), or file to
file. Ids, links, history, Trash and documents come across; the counts are checked at the end,
and anything less than a whole copy writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from brokerdesk.commands.summary import print_summary
from brokerdesk.core.copying import CopyResult, copy_records
from brokerdesk.core.db import describe, open_database, resolve_address
from brokerdesk.core.errors import BrokerDeskError


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="copy every record from one database to another (a file onto a team server, and back)",
        description="Copy every record, with its history, Trash and documents, from one "
        "database into an empty one, keeping ids and links; the row counts are checked at "
        "the end. All or nothing: a failed or refused copy leaves the target as it was. "
        "A missing target file is created; a team server's database must exist (empty).",
    )
    parser.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="ADDRESS",
        help="the database to copy: a file path or a postgresql+psycopg:// address",
    )
    parser.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="ADDRESS",
        help="the empty database to copy into: a file path or a postgresql+psycopg:// address",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="empty the target first if it holds records (it is replaced in the same "
        "transaction; without this a target with records is refused)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def _progress(quiet: bool) -> Any:
    if quiet or not sys.stderr.isatty():
        return None
    shown = [-1]

    def report(done: int, total: int, table: str) -> None:
        percent = 100 * done // max(total, 1)
        if percent != shown[0]:
            shown[0] = percent
            print(f"\rCopying… {percent}% {table:<30}", end="", file=sys.stderr, flush=True)

    return report


def run(args: argparse.Namespace) -> int:
    source_url, target_url = resolve_address(args.source), resolve_address(args.target)
    if source_url.get_backend_name() == "sqlite" and source_url.database:
        from pathlib import Path

        if not Path(source_url.database).exists():
            raise BrokerDeskError(f"There is no database at {args.source}; nothing was copied.")
    if source_url == target_url:
        raise BrokerDeskError("The source and the target are the same database.")
    source = open_database(source_url, create=False)
    try:
        target = open_database(target_url)
        try:
            result = copy_records(
                source, target, replace=args.replace, progress=_progress(args.quiet)
            )
        finally:
            target.dispose()
    finally:
        source.dispose()
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    return _report(result, args.json, describe(source_url), describe(target_url))


def _report(result: CopyResult, as_json: bool, source: str, target: str) -> int:
    if as_json:
        text = json.dumps(
            {
                "from": source,
                "to": target,
                "rows": result.rows,
                "tables": result.counts(),
                "seconds": round(result.seconds, 2),
            }
        )
    else:
        kinds = [f"{n:,} {t.replace('_', ' ')}" for t, n in result.counts().items() if n]
        text = (
            f"Copied {result.rows:,} rows from {source} to {target} in "
            f"{result.seconds:.1f} s; the counts match.\n  " + "\n  ".join(kinds)
        )
    print_summary(text, done=f"{target} now holds a copy of {source}")
    return 0
