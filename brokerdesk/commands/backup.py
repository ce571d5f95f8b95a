"""``brokerdesk backup``: a consistent copy of the database, whenever you like.

A file is copied with SQLite's backup API; a team server with pg_dump when a new enough one is
installed, otherwise with BrokerDesk's own copy into a SQLite file (``core.server_backup``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import stat
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from brokerdesk.commands.summary import print_summary
from brokerdesk.core import backup, server_backup
from brokerdesk.core.db import check_database_file, describe, open_database, resolve_address
from brokerdesk.core.errors import BrokerDeskError, ReadOnlyDatabaseError


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="back up the database",
        description="Copy the database to a backup file (safe while the app is open). "
        "Without -o the backup goes to the database's backup folder (a team server's: "
        "server-backups in your data folder), which is then thinned.",
    )
    parser.add_argument(
        "--method",
        choices=("auto", "pg_dump", "copy"),
        default="auto",
        help="team server only: pg_dump's custom format, or BrokerDesk's own copy into a "
        "SQLite file (auto: pg_dump when one as new as the server is installed)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE")
    parser.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never the database)"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def database_file(address: str | None) -> Path:
    """The SQLite file behind ``--db``."""
    url = resolve_address(address)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise BrokerDeskError(f"{describe(url)} is not a database file.")
    path = Path(url.database)
    # A folder, a device such as /dev/full, a pipe (which would block), an empty file: refused
    # before SQLite opens it. A read-only database can still be copied somewhere else.
    with contextlib.suppress(ReadOnlyDatabaseError):
        check_database_file(path)
    return path


def output_file(source: Path, output: str, force: bool) -> Path:
    """Where ``-o`` writes: a new file (or, with --force, an existing one), never the database."""
    target = Path(output).expanduser().absolute()
    try:
        info = target.stat()
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise BrokerDeskError(f"Cannot write the backup to {output}: {exc.strerror}.") from exc
    if stat.S_ISDIR(info.st_mode):
        raise BrokerDeskError(
            f"{output} is a folder: give the backup a file name, such as "
            f"{target / (source.stem + '-backup.sqlite3')}."
        )
    if target.resolve() == source.resolve():
        raise BrokerDeskError("The backup cannot replace the database itself: choose another file.")
    if not stat.S_ISREG(info.st_mode):
        raise BrokerDeskError(f"{output} is not an ordinary file, so the backup cannot go there.")
    if not force:
        raise BrokerDeskError(
            f"{output} already exists; nothing was written. Add --force to replace it."
        )
    return target


def run(args: argparse.Namespace) -> int:
    url = resolve_address(args.db)
    if url.get_backend_name() != "sqlite":
        return _server(args, url)
    source = database_file(args.db)
    if args.output:
        target = backup.copy_database(source, output_file(source, args.output, args.force))
    else:
        target = backup.backup_file(source, reason="manual")
    problems = backup.verify_backup(target)
    if problems:
        raise BrokerDeskError(f"The backup at {target} failed its check: {problems[0]}")
    if args.json:
        out = {"database": str(source), "backup": str(target), "size": target.stat().st_size}
        text = json.dumps(out)
    else:
        text = f"Backed up {source} to {target}"
    print_summary(text, done=f"the backup was written to {target}")
    return 0


def _server(args: argparse.Namespace, url: URL) -> int:
    db = open_database(url, create=False)
    try:
        output = None
        if args.output:
            output = Path(args.output).expanduser().absolute()
            if output.is_dir():
                raise BrokerDeskError(f"{args.output} is a folder: give the backup a file name.")
            if output.exists() and not args.force:
                raise BrokerDeskError(
                    f"{args.output} already exists; nothing was written. Add --force to replace it."
                )
        made = server_backup.backup_server(db, output=output, method=args.method)
    finally:
        db.dispose()
    if args.json:
        out = {
            "database": describe(url),
            "backup": str(made.path),
            "method": made.method,
            "size": made.size,
        }
        text = json.dumps(out)
    else:
        how = "pg_dump" if made.method == "pg_dump" else "BrokerDesk's own copy"
        text = f"Backed up {describe(url)} to {made.path} ({how})"
    print_summary(text, done=f"the backup was written to {made.path}")
    return 0
