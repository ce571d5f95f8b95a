"""Crash-safety benchmark: many more SIGKILL points than CI, per operation.

Run: ``.venv/bin/python benchmarks/bench_crash.py [KILLS] [--only restore,merge]`` (KILLS:
kill points per operation, default 64).
Eight operations (import, merge, bulk link, bulk stage change, bulk insert, cascading delete,
restore, migration) are each killed that many times, half at a random moment and half at a
random step (statement, backup page batch or file move); a restore is also killed at every
one of its steps. Prints each operation's unkilled duration and steps (measured in this same
run), the kill points tried per operation, then "kill points tried: N, corruptions found: 0,
partial operations: 0".
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash import harness
from tests.crash.operations import OPERATIONS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kills", nargs="?", type=int, default=64, help="kill points per operation")
    parser.add_argument("--only", default="", help="comma-separated: " + ", ".join(OPERATIONS))
    args = parser.parse_args(argv)
    operations = [o.strip() for o in args.only.split(",") if o.strip()] or None
    unknown = [o for o in operations or [] if o not in OPERATIONS]
    if unknown:
        parser.error(f"no operation called {', '.join(unknown)}; known: {', '.join(OPERATIONS)}")
    if args.kills < 1:
        parser.error("KILLS must be a whole number of at least 1")
    kills = args.kills
    with tempfile.TemporaryDirectory(prefix="brokerdesk-crash-") as folder:
        started = time.perf_counter()
        report = harness.run_campaign(
            Path(folder),
            kills_per_operation=kills,
            seed_value=int(started),
            spread=1.1,
            operations=operations,
            every_step=("restore",) if operations is None or "restore" in operations else (),
        )
        took = time.perf_counter() - started
    print(report.table())
    print(
        f"{report.tried + report.finished_first} runs in {took:.1f} s; "
        f"{report.finished_first} finished before their kill"
    )
    print(report.line())
    for problem in report.problems[:20]:
        print("  ", problem)
    return 0 if report.corruptions == 0 and report.partial == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
