"""``brokerdesk check``: the full integrity check, the foreign keys and the search index."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from brokerdesk.core import integrity
from brokerdesk.core.db import open_database, resolve_address
from brokerdesk.core.errors import BrokerDeskError


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="check the database for damage",
        description="Check every page of the database, its links and its search index. "
        "Exit 0 when all is well, 1 with the problems found.",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    url = resolve_address(args.db)
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        if not path.exists():
            raise BrokerDeskError(f"There is no database at {path}.")
        result = integrity.full_check(path)
    else:
        db = open_database(url, migrate=False, create=False)
        try:
            result = integrity.full_check(db)
        finally:
            db.dispose()
    if args.json:
        print(json.dumps(result.to_dict()))
    elif result.ok:
        print(f"{result.database}: no problems found.")
    else:
        print(f"{result.database}: {len(result.problems)} problem(s) found:")
        for problem in result.problems:
            print(f"  - {problem}")
        if result.newest_good_backup:
            print(f"Newest good backup: {result.newest_good_backup}")
            print(f"Restore it with: brokerdesk restore {result.newest_good_backup} --db {path}")
    return 0 if result.ok else 1
