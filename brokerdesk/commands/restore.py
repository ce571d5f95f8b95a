"""``brokerdesk restore``: put a backup back, keeping the current file aside."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from brokerdesk.commands.summary import print_summary
from brokerdesk.core import backup, server_backup
from brokerdesk.core.db import check_database_file, describe, open_database, resolve_address
from brokerdesk.core.errors import BrokerDeskError


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="restore the database from a backup",
        description="Check BACKUP, keep the current database aside under a timestamped name, "
        "and put the backup in its place. A damaged backup is refused and nothing changes.",
    )
    parser.add_argument("backup", metavar="BACKUP", help="the backup file to restore")
    parser.add_argument("--force", action="store_true", help="do not ask for confirmation")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    url = resolve_address(args.db)
    if url.get_backend_name() != "sqlite":
        return _server(args, url)
    if not url.database:
        raise BrokerDeskError("An in-memory database has nothing to restore into.")
    target = Path(url.database)
    # The place restored into: not a folder, a device or a pipe, and writable.
    check_database_file(target, create=True)
    source = Path(args.backup).expanduser()
    problems = backup.verify_backup(source) or backup.brokerdesk_schema_problems(source)
    if problems:
        raise BrokerDeskError(
            f"The backup {source} was not restored (it is damaged, unreadable or not a "
            f"BrokerDesk backup); your database is unchanged. {problems[0]}"
        )
    if not args.force:
        if not sys.stdin.isatty():
            raise BrokerDeskError("Restoring replaces the database: add --force to confirm.")
        answer = input(f"Replace {target} with {source}? The current file is kept. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was restored.")
            return 1
    aside = backup.restore_backup(target, source)
    if args.json:
        kept = str(aside) if aside else None
        out = {"database": str(target), "restored_from": str(source), "previous_kept_as": kept}
        lines = [("out", json.dumps(out))]
    else:
        lines = [("out", f"Restored {target} from {source}.")]
        if aside:
            lines.append(("out", f"The previous database is kept as {aside}."))
    done = f"{target} was restored from {source}" + (
        f" (the previous file is {aside})" if aside else ""
    )
    print_summary(lines, done=done)
    return 0


def _server(args: argparse.Namespace, url: URL) -> int:
    """A team server: its contents replaced by the backup in one transaction."""
    source = Path(args.backup).expanduser()
    problems = server_backup.check_server_backup(source)
    if problems:
        raise BrokerDeskError(
            f"The backup {source} was not restored; the server is unchanged. {problems[0]}"
        )
    if not args.force:
        if not sys.stdin.isatty():
            raise BrokerDeskError(
                "Restoring replaces everything on the team server: add --force to confirm."
            )
        answer = input(
            f"Replace everything on {describe(url)} with {source}? A backup of the server as "
            "it is now is taken first. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was restored.")
            return 1
    db = open_database(url, create=False)
    try:
        before = server_backup.restore_server(db, source)
    finally:
        db.dispose()
    if args.json:
        out = {
            "database": describe(url),
            "restored_from": str(source),
            "previous_kept_as": str(before.path),
        }
        lines = [("out", json.dumps(out))]
    else:
        lines = [
            ("out", f"Restored {describe(url)} from {source}."),
            ("out", f"The server as it was is kept in {before.path}."),
        ]
    print_summary(lines, done=f"{describe(url)} was restored from {source}")
    return 0
