"""``brokerdesk reminders``: what is due, as Today shows it, for people or scripts."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from brokerdesk.core import clock
from brokerdesk.core.db import open_database
from brokerdesk.core.reminders import GROUP_TITLES, HORIZON_DAYS, grouped, reminders


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="list overdue and due follow-ups, renewals, deliverables and partners to contact",
        description="What is due today and in the coming days: follow-ups, agreement "
        "renewals and ends, grant deliverables, and partners past their contact cadence "
        "(the same list as the Today view).",
    )
    parser.add_argument(
        "--days",
        type=_days,
        default=HORIZON_DAYS,
        metavar="N",
        help=f"look N days ahead (default {HORIZON_DAYS}); overdue items are always listed",
    )
    parser.add_argument("--json", action="store_true", help="print the reminders as JSON")
    parser.add_argument(
        "--ics",
        type=Path,
        metavar="FILE",
        help="also write follow-ups, renewals and deliverables as an iCalendar file",
    )
    return parser


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days (0 or more)")
    return value


def run(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=False)
    try:
        today = clock.today()
        items = reminders(db, today, args.days)
        written = None
        if args.ics is not None:
            from brokerdesk.core.ical import write_calendar

            written = write_calendar(db, args.ics, today)
    finally:
        db.dispose()
    if args.json:
        print(
            json.dumps(
                {"today": today.isoformat(), "reminders": [r.as_json() for r in items]},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not items:
        print(f"Nothing due in the next {args.days} days.")
    for group, members in grouped(items):
        title = GROUP_TITLES[group] if group != "later" else f"Next {args.days} days"
        print(f"{title} ({len(members)})")
        for item in members:
            about = f" — {item.about}" if item.about else ""
            print(f"  {item.due_on:%a %d %b %Y}  {item.what}{about} [{item.when}]")
        print()
    if written is not None:
        print(f"Wrote {written} calendar events to {args.ics}.")
    return 0
