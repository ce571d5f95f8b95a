"""``brokerdesk check``: the full integrity check, the foreign keys and the search index."""

from __future__ import annotations

import argparse
import contextlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from brokerdesk.commands.summary import print_summary
from brokerdesk.core import integrity
from brokerdesk.core.db import check_database_file, open_database, resolve_address
from brokerdesk.core.errors import ReadOnlyDatabaseError


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="check the database for damage",
        description="Check every page of the database, its links and its search index. "
        "Exit 0 when all is well, 1 with the problems found.",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--rebuild-search-index",
        action="store_true",
        help="rebuild the search index from the records (after a backup), then check",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    url = resolve_address(args.db)
    if args.rebuild_search_index:
        _rebuild_search_index(url)
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        # A folder, a pipe (which would block), an empty file: refused before opening. A
        # read-only file is checked as a private copy: read-only is not damage.
        with contextlib.suppress(ReadOnlyDatabaseError):
            check_database_file(path)
        result = integrity.full_check(path)
    else:
        db = open_database(url, migrate=False, create=False)
        try:
            result = integrity.full_check(db)
        finally:
            db.dispose()
    if args.json:
        lines = [json.dumps(result.to_dict())]
    elif result.ok:
        lines = [f"{result.database}: no problems found."]
    else:
        lines = [f"{result.database}: {len(result.problems)} problem(s) found:"]
        lines += [f"  - {problem}" for problem in result.problems]
        if result.newest_good_backup:
            lines.append(f"Newest good backup: {result.newest_good_backup}")
            lines.append(
                f"Restore it with: brokerdesk restore {result.newest_good_backup} "
                f"--db {result.database}"
            )
    # The verdict is the exit code: a reader that stops reading (``check | true``) or a full
    # disk behind standard output must not change it.
    found = "no problems" if result.ok else f"{len(result.problems)} problem(s)"
    print_summary([("out", line) for line in lines], done=f"the check found {found}")
    return 0 if result.ok else 1


def _rebuild_search_index(url: URL) -> None:
    """Refill the search index from the records, in one transaction, after a backup."""
    from brokerdesk.core import backup
    from brokerdesk.core.search import rebuild_index

    db = open_database(url, migrate=False, create=False)
    try:
        backup.backup_before(db, "before-rebuild")
        rebuild_index(db)
    finally:
        db.dispose()
    text = f"Rebuilt the search index of {db.description}."
    print_summary(text, done=f"the search index of {db.description} was rebuilt")
