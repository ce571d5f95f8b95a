"""``brokerdesk backup``: a consistent copy of the SQLite database, whenever you like."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from brokerdesk.core import backup
from brokerdesk.core.db import resolve_address
from brokerdesk.core.errors import BrokerDeskError


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="back up the database",
        description="Copy the database to a backup file (safe while the app is open). "
        "Without -o the backup goes to the database's backup folder.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def database_file(address: str | None) -> Path:
    """The SQLite file behind ``--db``; team servers are backed up with pg_dump instead."""
    url = resolve_address(address)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise BrokerDeskError(
            "A team server is backed up on the server (pg_dump); BrokerDesk backs up files."
        )
    path = Path(url.database)
    if not path.exists():
        raise BrokerDeskError(f"There is no database at {path}.")
    return path


def run(args: argparse.Namespace) -> int:
    source = database_file(args.db)
    if args.output:
        target = backup.copy_database(source, Path(args.output).expanduser().absolute())
    else:
        target = backup.backup_file(source, reason="manual")
    problems = backup.verify_backup(target)
    if problems:
        raise BrokerDeskError(f"The backup at {target} failed its check: {problems[0]}")
    if args.json:
        out = {"database": str(source), "backup": str(target), "size": target.stat().st_size}
        print(json.dumps(out))
    else:
        print(f"Backed up {source} to {target}")
    return 0
