"""Every benchmark in turn, with the arguments the README's performance table was measured with.

Run: ``make benchmarks`` or ``.venv/bin/python benchmarks/run_all.py [--only search,gui]``.
Each benchmark is its own process (so one's memory and imports do not colour the next) and
prints its own figures and the floor it measured in the same run. The scale-10 database is
built once into ``benchmarks/.cache/`` (about 95 s) and shared. The whole set takes about an
hour on a 2-core machine; ``--only`` picks some. Exit code: 0 when every benchmark ran, 1 when
any failed (its name is printed at the end).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> arguments, as the README's performance table cites them.
BENCHMARKS: dict[str, list[str]] = {
    "search": ["--scale", "10", "--repeat", "10"],
    "gui": ["10"],
    "startup": ["10", "7"],
    "memory": ["10"],
    "import": [],
    "import_memory": [],
    "export": [],
    "dashboard": [],
    "crash": ["64"],
    "fuzz_import": ["--files", "10000", "--seed", "1"],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", help="comma-separated names: " + ", ".join(BENCHMARKS), default=""
    )
    args = parser.parse_args(argv)
    chosen = [n.strip() for n in args.only.split(",") if n.strip()] or list(BENCHMARKS)
    unknown = [n for n in chosen if n not in BENCHMARKS]
    if unknown:
        parser.error(f"no benchmark called {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed: list[str] = []
    for name in chosen:
        command = [sys.executable, str(HERE / f"bench_{name}.py"), *BENCHMARKS[name]]
        print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
        started = time.perf_counter()
        result = subprocess.run(command, env=env, check=False)
        took = time.perf_counter() - started
        print(f"=== {name}: exit {result.returncode} after {took:.0f} s", flush=True)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nThese benchmarks failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"\nAll {len(chosen)} benchmarks ran.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
