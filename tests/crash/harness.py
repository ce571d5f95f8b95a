"""Kill a process running a BrokerDesk operation at a random moment, then check the database.

Each kill point copies a prepared database, starts a child process that opens it and runs one
operation (a bulk participation import, a bulk stage edit, a bulk insert of interactions, or a
delete that cascades), and SIGKILLs it after a random delay drawn over the operation's measured
duration. The parent then opens the file as the next app start would and checks that
``PRAGMA integrity_check`` is ok and that the operation is either wholly there or wholly
absent. The same code drives the CI test (tests/crash/test_crash.py) and the benchmark
(benchmarks/bench_crash.py).

When ``brokerdesk.core.importing`` or ``brokerdesk.core.services.duplicates`` arrive, add their
operations here: the checks below are what they must pass too.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
BULK_ROWS = 3000
IMPORT_PROGRAMME = "Crash import programme"
EDIT_PROGRAMME = "Crash edit programme"
DOOMED_PARTNER = "Doomed Partner Trust"

# The child: open the database as the app does, say READY, run one operation, say DONE.
DRIVER = r"""
import datetime as dt, sys
from sqlalchemy import insert, select
from brokerdesk.core.db import open_database
from brokerdesk.core.models import Interaction, Participation, Partner, Programme, LibraryService
from brokerdesk.core.services import Services
from brokerdesk.core import audit

path, op = sys.argv[1], sys.argv[2]
db = open_database(path, user_name="crash-test")
s = Services(db)
with db.read() as session:
    programmes = dict(session.execute(select(Programme.name, Programme.id)).all())
    services = list(session.scalars(select(LibraryService.id)))
    partner = session.scalar(select(Partner.id).where(Partner.name == "__DOOMED__"))
    editable = list(session.scalars(select(Participation.id).where(
        Participation.programme_id == programmes["__EDIT__"])))
print("READY", flush=True)
if op == "import":
    s.participations.link_services(programmes["__IMPORT__"], services, stage="interested")
elif op == "bulk_edit":
    s.participations.set_stage(editable, "active")
elif op == "bulk_insert":
    with db.write() as session:
        rows = [{"kind": "note", "occurred_on": dt.date(2026, 1, 1), "subject": f"Imported {i}",
                 "partner_id": partner, "version_id": 1, "follow_up_done": False}
                for i in range(__ROWS__)]
        session.execute(insert(Interaction), rows)
        audit.record(session, "import", "interaction", f"{len(rows)} interactions imported")
elif op == "delete":
    s.partners.delete(partner)
print("DONE", flush=True)
"""
DRIVER = (
    DRIVER.replace("__DOOMED__", DOOMED_PARTNER)
    .replace("__EDIT__", EDIT_PROGRAMME)
    .replace("__IMPORT__", IMPORT_PROGRAMME)
    .replace("__ROWS__", str(BULK_ROWS))
)

OPERATIONS = ("import", "bulk_edit", "bulk_insert", "delete")


def prepare_seed(folder: Path) -> Path:
    """A database with the programmes, services and partner the operations work on."""
    from sqlalchemy import insert

    from brokerdesk.core.db import open_database
    from brokerdesk.core.models import Agreement, Contact, LibraryService
    from brokerdesk.core.services import Services
    from tests.builders import small_world

    path = folder / "seed.sqlite3"
    db = open_database(path, user_name="seed")
    world = small_world.build(db)
    with db.write() as session:
        session.execute(
            insert(LibraryService),
            [
                {
                    "gss_code": f"E99{i:06d}",
                    "name": f"Test Council {i}",
                    "nice_name": f"Test {i}",
                    "nation": "England",
                    "region": "North West",
                    "is_member": True,
                    "version_id": 1,
                }
                for i in range(BULK_ROWS)
            ],
        )
    s = Services(db)
    area = world.offer_areas["reading"]
    s.programmes.create({"name": IMPORT_PROGRAMME, "offer_area_id": area})
    edit = s.programmes.create({"name": EDIT_PROGRAMME, "offer_area_id": area}).id
    with db.read() as session:
        from sqlalchemy import select

        ids = list(session.scalars(select(LibraryService.id)))
    s.participations.link_services(edit, ids, stage="invited")
    doomed = s.partners.create({"name": DOOMED_PARTNER}).id
    with db.write() as session:
        session.execute(
            insert(Agreement),
            [
                {"partner_id": doomed, "title": f"Agreement {i}", "version_id": 1}
                for i in range(200)
            ],
        )
        session.execute(
            insert(Contact),
            [
                {"full_name": f"Contact {i}", "partner_id": doomed, "version_id": 1}
                for i in range(50)
            ],
        )
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def _scalar(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    row = conn.execute(sql, args).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _programme(conn: sqlite3.Connection, name: str) -> int:
    return _scalar(conn, "SELECT id FROM programme WHERE name = ?", name)


def _check_import(conn: sqlite3.Connection) -> str | None:
    pid = _programme(conn, IMPORT_PROGRAMME)
    rows = _scalar(conn, "SELECT count(*) FROM participation WHERE programme_id = ?", pid)
    audited = _scalar(
        conn,
        "SELECT count(*) FROM audit_event WHERE entity='participation' AND action='create' "
        "AND changes LIKE ?",
        f'%"programme_id": {pid},%',
    )
    services = _scalar(conn, "SELECT count(*) FROM library_service")
    if (rows, audited) in ((0, 0), (services, 1)):
        return None
    return f"import: {rows} of {services} participations, {audited} audit events"


def _check_bulk_edit(conn: sqlite3.Connection) -> str | None:
    pid = _programme(conn, EDIT_PROGRAMME)
    stages = dict(
        conn.execute(
            "SELECT stage, count(*) FROM participation WHERE programme_id = ? GROUP BY stage",
            (pid,),
        ).fetchall()
    )
    audited = _scalar(
        conn, "SELECT count(*) FROM audit_event WHERE summary LIKE 'Stage changed for %'"
    )
    if set(stages) == {"invited"} and audited == 0:
        return None
    if set(stages) == {"active"} and audited == 1:
        return None
    return f"bulk edit: stages {stages}, {audited} audit events"


def _check_bulk_insert(conn: sqlite3.Connection) -> str | None:
    rows = _scalar(conn, "SELECT count(*) FROM interaction WHERE subject LIKE 'Imported %'")
    audited = _scalar(conn, "SELECT count(*) FROM audit_event WHERE action = 'import'")
    if (rows, audited) in ((0, 0), (BULK_ROWS, 1)):
        return None
    return f"bulk insert: {rows} of {BULK_ROWS} interactions, {audited} audit events"


def _check_delete(conn: sqlite3.Connection) -> str | None:
    partner = _scalar(conn, "SELECT count(*) FROM partner WHERE name = ?", DOOMED_PARTNER)
    agreements = _scalar(conn, "SELECT count(*) FROM agreement")
    linked = _scalar(conn, "SELECT count(*) FROM contact WHERE partner_id IS NOT NULL")
    trash = _scalar(conn, "SELECT count(*) FROM trash_item")
    state = (partner, agreements, linked, trash)
    if state in ((1, 200, 50, 0), (0, 0, 0, 1)):
        return None
    return f"delete: partner/agreements/linked contacts/trash = {state}"


CHECKS: dict[str, Callable[[sqlite3.Connection], str | None]] = {
    "import": _check_import,
    "bulk_edit": _check_bulk_edit,
    "bulk_insert": _check_bulk_insert,
    "delete": _check_delete,
}


@dataclass
class Outcome:
    """One kill point: whether the kill landed mid-operation and what the check found."""

    operation: str
    killed: bool
    corrupt: list[str] = field(default_factory=list)
    partial: str | None = None


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")])
    return env


def run_once(seed: Path, work: Path, operation: str, delay: float | None) -> tuple[bool, float]:
    """Run ``operation`` on a copy of ``seed`` at ``work``; SIGKILL after ``delay`` seconds.

    Returns (killed while running, seconds from READY to the end).
    """
    shutil.copyfile(seed, work)
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(work), operation],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_child_env(),
        cwd=REPO_ROOT,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "READY":
        err = child.stderr.read() if child.stderr else ""
        child.wait()
        raise RuntimeError(f"the {operation} driver did not start: {line!r} {err}")
    started = time.perf_counter()
    killed = False
    if delay is not None:
        time.sleep(delay)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed = True
    child.communicate(timeout=120)
    if not killed and child.returncode != 0:
        raise RuntimeError(f"the {operation} driver failed with exit {child.returncode}")
    return killed, time.perf_counter() - started


def inspect(path: Path, operation: str) -> Outcome:
    """Open the file as the next start would; check integrity and all-or-nothing."""
    outcome = Outcome(operation, killed=False)
    conn = sqlite3.connect(path)
    try:
        found = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        if found != ["ok"]:
            outcome.corrupt = found
            return outcome
        outcome.partial = CHECKS[operation](conn)
    finally:
        conn.close()
    return outcome


def measure(seed: Path, folder: Path) -> dict[str, float]:
    """How long each operation takes here, so kill delays cover it."""
    durations = {}
    for op in OPERATIONS:
        work = folder / f"measure-{op}.sqlite3"
        _, took = run_once(seed, work, op, None)
        problem = inspect(work, op)
        assert not problem.corrupt and problem.partial is None, problem
        durations[op] = took
    return durations


@dataclass
class Report:
    tried: int = 0
    finished_first: int = 0
    corruptions: int = 0
    partial: int = 0
    problems: list[str] = field(default_factory=list)
    durations: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        return (
            f"kill points tried: {self.tried}, corruptions found: {self.corruptions}, "
            f"partial operations: {self.partial}"
        )


def run_campaign(
    folder: Path,
    kills_per_operation: int,
    seed_value: int = 8,
    workers: int = 2,
    spread: float = 0.9,
) -> Report:
    """Kill each operation ``kills_per_operation`` times at random moments; tally the damage.

    Delays are drawn from 0 to ``spread`` times the operation's measured duration (above 1,
    some runs finish before their kill, which exercises the finished state too).
    """
    seed = prepare_seed(folder)
    durations = measure(seed, folder)
    rng = random.Random(seed_value)
    plan = [
        (op, i, rng.uniform(0.0, durations[op] * spread))
        for op in OPERATIONS
        for i in range(kills_per_operation)
    ]
    report = Report(durations=durations)

    def one(item: tuple[str, int, float]) -> Outcome:
        op, i, delay = item
        work = folder / f"kill-{op}-{i}.sqlite3"
        killed, _ = run_once(seed, work, op, delay)
        outcome = inspect(work, op)
        outcome.killed = killed
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        return outcome

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for outcome in pool.map(one, plan):
            if outcome.killed:
                report.tried += 1
            else:
                report.finished_first += 1
            if outcome.corrupt:
                report.corruptions += 1
                report.problems.append(f"{outcome.operation}: {outcome.corrupt[:3]}")
            if outcome.partial:
                report.partial += 1
                report.problems.append(outcome.partial)
    return report
