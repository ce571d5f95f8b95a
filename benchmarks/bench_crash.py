"""Crash-safety benchmark: many more SIGKILL points than CI, with timings.

Run: ``.venv/bin/python benchmarks/bench_crash.py [kills per operation, default 60]``.
Prints the operations' durations (the floor: an unkilled run of each, measured in this same
run) and "kill points tried: N, corruptions found: 0, partial operations: 0".
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash import harness


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    with tempfile.TemporaryDirectory(prefix="brokerdesk-crash-") as folder:
        base = Path(folder)
        started = time.perf_counter()
        report = harness.run_campaign(
            base, kills_per_operation=kills, seed_value=int(started), spread=1.1
        )
        took = time.perf_counter() - started
    print(
        f"{len(harness.OPERATIONS) * kills} runs in {took:.1f} s; "
        f"{report.finished_first} finished before their kill"
    )
    print(report.line())
    for problem in report.problems[:20]:
        print("  ", problem)
    return 0 if report.corruptions == 0 and report.partial == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
