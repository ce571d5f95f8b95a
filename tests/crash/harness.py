"""Kill a process running a BrokerDesk operation part-way through, then check the database.

Each kill point copies the operation's starting file into a folder of its own, forks a child
process (tests/crash/driver.py) that runs one operation on it (a spreadsheet import, a merge, a
bulk link, a bulk stage change, a bulk insert, a cascading delete, a restore or a migration;
see operations.py), and SIGKILLs it part-way:

* a *timed* kill: the parent sends SIGKILL after a random delay drawn over the operation's
  measured duration;
* a *step* kill: the child SIGKILLs itself just before its k-th SQL statement, backup page
  batch or file move/remove/sync, k drawn over the steps the operation takes. This reaches the
  moments between two renames that a timer almost never hits.

A kill point counts only if the operation had not finished (no DONE from the child); timed
kills that come too late are retried with shorter delays. The parent then opens the file as the
next start would: it must exist, ``PRAGMA integrity_check`` must say ok, and the operation must
be wholly there or wholly absent. The same code drives the CI test (tests/crash/test_crash.py)
and the benchmark (benchmarks/bench_crash.py).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.context
import os
import random
import shutil
import signal
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from tests import cli_process
from tests.crash import driver, seed
from tests.crash.operations import OPERATIONS, Known, contents

ROUNDS = 4  # timed kills that land after the end are planned again, with shorter delays


@dataclass
class Ran:
    """What one child did: killed mid-operation, or finished (and how many steps it took)."""

    killed: bool
    steps: int
    seconds: float


@dataclass
class Outcome:
    operation: str
    how: str
    killed: bool
    step: int = 0
    corrupt: list[str] = field(default_factory=list)
    partial: str | None = None


@dataclass
class Tally:
    tried: int = 0
    timed: int = 0
    stepped: int = 0
    finished_first: int = 0
    corruptions: int = 0
    partial: int = 0


@dataclass
class Report:
    """Kill points tried per operation, corruptions and partial operations found."""

    operations: dict[str, Tally] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    durations: dict[str, float] = field(default_factory=dict)
    steps: dict[str, int] = field(default_factory=dict)

    @property
    def tried(self) -> int:
        return sum(t.tried for t in self.operations.values())

    @property
    def finished_first(self) -> int:
        return sum(t.finished_first for t in self.operations.values())

    @property
    def corruptions(self) -> int:
        return sum(t.corruptions for t in self.operations.values())

    @property
    def partial(self) -> int:
        return sum(t.partial for t in self.operations.values())

    def line(self) -> str:
        return (
            f"kill points tried: {self.tried}, corruptions found: {self.corruptions}, "
            f"partial operations: {self.partial}"
        )

    def table(self) -> str:
        rows = [
            f"{'operation':<12} {'takes':>8} {'steps':>6} {'tried':>6} {'timed':>6} "
            f"{'at step':>7} {'too late':>8} {'corrupt':>7} {'partial':>7}"
        ]
        for name, t in self.operations.items():
            rows.append(
                f"{name:<12} {self.durations.get(name, 0) * 1000:>6.0f}ms "
                f"{self.steps.get(name, 0):>6} {t.tried:>6} {t.timed:>6} {t.stepped:>7} "
                f"{t.finished_first:>8} {t.corruptions:>7} {t.partial:>7}"
            )
        return "\n".join(rows)


def _processes() -> multiprocessing.context.ForkServerContext:
    """Children forked from a server that has already imported what they need."""
    return cli_process.forkserver("tests.crash.driver")


def _hear(hear: Connection, wait: float) -> object:
    """The child's next word, or None when it said nothing more (it was killed)."""
    try:
        return hear.recv() if hear.poll(wait) else None
    except EOFError:
        return None


# multiprocessing's exit code for a forkserver child whose status it could not read.
LOST = 255


def run_once(
    inputs: Path,
    work: Path,
    operation: str,
    delay: float | None = None,
    step: int = 0,
    *,
    retried: bool = False,
) -> Ran:
    """Run ``operation`` on a fresh copy of its starting file at ``work``.

    Kill it ``delay`` seconds after READY, or just before its ``step``-th step (0: neither).
    """
    work.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(inputs / OPERATIONS[operation].source, work)
    hear, say = multiprocessing.Pipe(duplex=False)
    child = _processes().Process(
        target=cli_process.in_environment,
        args=(dict(os.environ), driver.run, inputs, work, operation, step, say),
        daemon=True,
    )
    child.start()
    say.close()
    try:
        first = _hear(hear, 120)
        if first != "READY":
            raise RuntimeError(f"the {operation} driver did not start: {first}")
        started = time.perf_counter()
        if delay is not None:
            time.sleep(delay)
            if child.is_alive():
                os.kill(child.pid or 0, signal.SIGKILL)
        child.join(300)
        took = time.perf_counter() - started
        last = _hear(hear, 0)
    finally:
        hear.close()
        if child.is_alive():
            child.kill()
            child.join()
    if isinstance(last, tuple) and last[0] == "DONE":
        return Ran(killed=False, steps=int(last[1]), seconds=took)
    if child.exitcode == LOST and last is None and not retried:
        # The forkserver could not report the child's end (multiprocessing says 255 when its
        # status pipe closes early): the child neither finished nor failed in Python, so run
        # this kill point again rather than guess what happened to it.
        return run_once(inputs, work, operation, delay, step, retried=True)
    if child.exitcode != -signal.SIGKILL:
        raise RuntimeError(f"the {operation} driver failed (exit {child.exitcode}): {last}")
    return Ran(killed=True, steps=0, seconds=took)


def inspect(work: Path, operation: str, known: Known) -> Outcome:
    """Open the file as the next start would; check it is there, sound and all-or-nothing."""
    outcome = Outcome(operation, how="", killed=False)
    if not work.is_file():
        outcome.partial = f"{operation}: the database file is missing"
        return outcome
    with contextlib.closing(sqlite3.connect(work)) as conn:
        found = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        if found != ["ok"]:
            outcome.corrupt = found
            return outcome
        outcome.partial = OPERATIONS[operation].check(conn, work, known)
    return outcome


def _digest(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return contents(conn)


def measure(inputs: Path, folder: Path, names: list[str], workers: int) -> tuple[Known, Report]:
    """One unkilled run of each operation: its duration, its steps and the states it may leave."""
    known = Known(
        {
            "restore-old": _digest(inputs / seed.SEED),
            "restore-new": _digest(inputs / seed.RESTORE_SOURCE),
            "migration-old": _digest(inputs / seed.OLD_SCHEMA),
        }
    )

    def one(name: str) -> tuple[str, Ran]:
        work = folder / f"measure-{name}" / "crm.sqlite3"
        return name, run_once(inputs, work, name)

    report = Report()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for name, ran in pool.map(one, names):
            work = folder / f"measure-{name}" / "crm.sqlite3"
            if name == "migration":
                known.digests["migration-new"] = _digest(work)
            outcome = inspect(work, name, known)
            assert not outcome.corrupt and outcome.partial is None, outcome
            report.durations[name], report.steps[name] = ran.seconds, ran.steps
            report.operations[name] = Tally()
            shutil.rmtree(work.parent)
    return known, report


def _steps_to_try(rng: random.Random, steps: int, count: int) -> list[int]:
    """``count`` steps in 1..steps, each step once before any is repeated."""
    order: list[int] = []
    while len(order) < count:
        batch = list(range(1, steps + 1))
        rng.shuffle(batch)
        order.extend(batch)
    return order[:count]


def run_campaign(
    folder: Path,
    kills_per_operation: int,
    seed_value: int = 8,
    workers: int = 2,
    spread: float = 0.9,
    operations: list[str] | None = None,
    every_step: tuple[str, ...] = (),
) -> Report:
    """Land ``kills_per_operation`` kill points in each operation (half timed, half at a step).

    Timed delays are drawn from 0 to ``spread`` times the measured duration; a run that ends
    before its kill is not counted and is planned again with half the spread, up to
    :data:`ROUNDS` times. The operations named in ``every_step`` are also killed once at each
    of their steps.
    """
    names = operations or list(OPERATIONS)
    inputs = seed.prepare_inputs(folder)
    known, report = measure(inputs, folder, names, workers)
    rng = random.Random(seed_value)
    plan: list[tuple[str, str, float | None, int]] = []
    for name in names:
        at_step = kills_per_operation // 2
        if name in every_step:
            plan += [(name, "step", None, k) for k in range(1, report.steps[name] + 1)]
        plan += [(name, "step", None, k) for k in _steps_to_try(rng, report.steps[name], at_step)]
        plan += [
            (name, "timed", rng.uniform(0.0, report.durations[name] * spread), 0)
            for _ in range(kills_per_operation - at_step)
        ]
    counter = iter(range(10**9))

    def one(item: tuple[str, str, float | None, int]) -> Outcome:
        name, how, delay, step = item
        work = folder / f"kill-{name}-{next(counter)}" / "crm.sqlite3"
        ran = run_once(inputs, work, name, delay, step)
        outcome = inspect(work, name, known) if ran.killed else Outcome(name, how, False)
        outcome.how, outcome.killed, outcome.step = how, ran.killed, step
        shutil.rmtree(work.parent)
        return outcome

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for round_ in range(ROUNDS):
            late: list[tuple[str, str, float | None, int]] = []
            for item, outcome in zip(plan, pool.map(one, plan), strict=True):
                _tally(report, outcome)
                if not outcome.killed:
                    name = item[0]
                    shorter = report.durations[name] * spread / 2 ** (round_ + 1)
                    late.append((name, "timed", rng.uniform(0.0, shorter), 0))
            plan = late
            if not plan:
                break
    return report


def _tally(report: Report, outcome: Outcome) -> None:
    tally = report.operations[outcome.operation]
    if not outcome.killed:
        tally.finished_first += 1
        return
    tally.tried += 1
    if outcome.how == "timed":
        tally.timed += 1
    else:
        tally.stepped += 1
    if outcome.corrupt:
        tally.corruptions += 1
        report.problems.append(f"{outcome.operation} ({_how(outcome)}): {outcome.corrupt[:3]}")
    if outcome.partial:
        tally.partial += 1
        report.problems.append(f"{outcome.partial} ({_how(outcome)})")


def _how(outcome: Outcome) -> str:
    return f"killed at step {outcome.step}" if outcome.step else "timed kill"
