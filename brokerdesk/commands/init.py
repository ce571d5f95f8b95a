"""``brokerdesk init``: create (or bring up to date) a database with the reference data."""

from __future__ import annotations

import argparse
import json
from typing import Any

from brokerdesk.commands.summary import print_summary
from brokerdesk.core.db import open_database


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="create a database with every UK library service, the 2023 branches and the "
        "six offer areas (running it again changes nothing)",
        description="Create a BrokerDesk database, or bring one up to date: migrations, every "
        "UK library authority, the 2023 England branches and the six offer areas.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="also add the fictional demo partners, programmes and participations",
    )
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    from brokerdesk.core.reference.load import initialise

    db = open_database(args.db)
    try:
        report = initialise(db)
        result: dict[str, Any] = {"database": db.description, "reference": report.as_dict()}
        if args.demo:
            from brokerdesk.core.demo import build_demo

            result["demo"] = build_demo(db).as_dict()
    finally:
        db.dispose()
    if args.json:
        lines = [("out", json.dumps(result, indent=2, default=str))]
    else:
        lines = [("out", f"Database ready: {result['database']}")]
        for kind, counts in result["reference"].items():
            lines.append(("out", f"  {kind}: {_counts(counts)}"))
        if "demo" in result:
            lines.append(("out", "  demo data: " + _counts(result["demo"])))
    print_summary(lines, done=f"the database {result['database']} is ready")
    return 0


def _counts(counts: Any) -> str:
    if isinstance(counts, dict):
        return ", ".join(
            f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}" for k, v in counts.items()
        )
    return str(counts)
