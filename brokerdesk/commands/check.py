"""``brokerdesk check``: the full integrity check, the foreign keys and the search index; with
``--data``, where the team's data is incomplete (``core.data_quality``)."""

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
        "--data",
        action="store_true",
        help="instead, list where the data is incomplete: partners with no owner, no contact "
        "or no recent interaction, contacts with no e-mail, programmes with no lead partner, "
        "services of live programmes with no named lead (exit 0 whatever is found)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=10,
        metavar="N",
        help="with --data: records named per check (default 10; 0 for all; JSON lists all)",
    )
    parser.add_argument(
        "--rebuild-search-index",
        action="store_true",
        help="rebuild the search index from the records (after a backup), then check",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    url = resolve_address(args.db)
    if args.data:
        return _data(url, args.json, args.limit)
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


def _data(url: URL, as_json: bool, limit: int) -> int:
    """The data-quality checks: what is incomplete is a to-do list, not damage (exit 0)."""
    from brokerdesk.core import clock
    from brokerdesk.core.data_quality import run_checks

    db = open_database(url, create=False)
    try:
        results = run_checks(db, clock.today())
    finally:
        db.dispose()
    if as_json:
        lines = [json.dumps({"database": db.description, "checks": [r.to_dict() for r in results]})]
    else:
        lines = []
        for result in results:
            lines.append(f"{result.title}: {result.count:,}")
            shown = result.findings if limit <= 0 else result.findings[:limit]
            for finding in shown:
                lines.append(
                    f"  - {finding.name}" + (f" ({finding.detail})" if finding.detail else "")
                )
            if len(shown) < result.count:
                lines.append(f"  … and {result.count - len(shown):,} more (--limit 0 lists all)")
    print_summary([("out", line) for line in lines], done="the data-quality checks ran")
    return 0
