"""``brokerdesk seed-synthetic``: a deterministic large database for benchmarks and demos."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from brokerdesk.commands.summary import print_summary, quiet_stdout, say_unprinted
from brokerdesk.core.db import open_database


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="fill a database with synthetic partners, programmes and years of interactions",
        description="Add a deterministic synthetic team on the real library services: scale 1 "
        "is 600 partners, 3,000 contacts, 2,000 programmes, 50,000 participations and "
        "100,000 interactions; scale 10 is ten times that. Refuses a database that already "
        "has partners unless --force.",
    )
    parser.add_argument("--scale", type=_scale, default=1.0, metavar="N", help="size (1)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument(
        "--force", action="store_true", help="add to a database that already has partners"
    )
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    return parser


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError(f"'{text}' is not a scale between 0 and 100")
    return value


def run(args: argparse.Namespace) -> int:
    from brokerdesk.core import synthetic

    db = open_database(args.db)
    try:
        if synthetic.has_partners(db) and not args.force:
            print(
                f"brokerdesk: {db.description} already has partners; nothing was written. "
                "Use --force to add synthetic records to it anyway.",
                file=sys.stderr,
            )
            return 1
        started = time.perf_counter()
        say = _Progress()
        report = synthetic.seed(
            db,
            args.scale,
            seed_value=args.seed,
            progress=None if args.json else say.line,
        )
        seconds = time.perf_counter() - started
        where = db.description
    finally:
        db.dispose()
    if args.json:
        text = json.dumps({**report.as_dict(), "seconds": round(seconds, 1)})
    else:
        counts = ", ".join(f"{v:,} {k}" for k, v in report.as_dict().items())
        text = f"Added {counts} in {seconds:.1f} s."
    done = f"the synthetic records were added to {where}"
    if say.lost is not None:
        say_unprinted(done, say.lost)
    else:
        print_summary(text, done=done)
    return 0


class _Progress:
    """Progress is a courtesy: a full or closed standard output must not stop the seeding
    half-way (its chunks are committed as they go), so it falls silent and remembers why."""

    def __init__(self) -> None:
        self.lost: OSError | None = None

    def line(self, message: str) -> None:
        if self.lost is not None:
            return
        try:
            print(message, flush=True)
        except Exception as exc:  # OSError, or the command line's wrapper around one
            error = exc if isinstance(exc, OSError) else getattr(exc, "error", None)
            if not isinstance(error, OSError):
                raise
            self.lost = error
            quiet_stdout()
