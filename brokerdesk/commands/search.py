"""``brokerdesk search``: the Ctrl+K search from a terminal or a script."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from brokerdesk.core.db import open_database
from brokerdesk.core.kinds import kind
from brokerdesk.core.search import SEARCH_TYPES, SearchService, unsearchable


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="search partners, contacts, library services, branches, programmes and notes",
        description="Search every kind of record: parts of names, typos, name variants, GSS "
        "codes, postcodes, emails, notes, tags and the team's own fields. Accents and case do "
        'not matter. A record found by a tag or own field says which ("tag: Priority").',
    )
    parser.add_argument("query", metavar="QUERY", help="what to look for")
    parser.add_argument(
        "--type",
        dest="types",
        action="append",
        choices=SEARCH_TYPES,
        metavar="TYPE",
        help=f"only this kind of record (repeatable): {', '.join(SEARCH_TYPES)}",
    )
    parser.add_argument(
        "--limit", type=_positive, default=50, metavar="N", help="at most N results (50)"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return value


def run(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    try:
        hits = SearchService(db).search(
            args.query, types=set(args.types) if args.types else None, limit=args.limit
        )
    finally:
        db.dispose()
    if args.json:
        print(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        if unsearchable(args.query):
            print("Type letters or numbers to search.")
        else:
            print(f"Nothing found for '{args.query}'.")
        return 0
    current = None
    for hit in hits:
        if hit.entity != current:
            current = hit.entity
            print(f"{kind(hit.entity).title}:")
        subtitle = f"  ({hit.subtitle})" if hit.subtitle else ""
        why = f"  {hit.matched.describe()}" if hit.matched else ""
        print(f"  {hit.title}{subtitle}{why}  [#{hit.record_id}]")
    return 0
