"""The one clock: nothing in brokerdesk/ reads the real date or time around it.

Also: the suite really is pinned (and a subprocess sees the same day), a set clock runs on
from its moment, rows get their timestamps from the clock and not from the database server's
clock, and in the Makefile's shifted-clock runs libfaketime really moved the system clock.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import os
import re
import sqlite3
import subprocess
import sys
import time
import tokenize
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.demo import build_demo
from brokerdesk.core.reference.load import initialise
from tests.fixtures_clock import MOVE_VAR, TEST_MOMENT

pytestmark = pytest.mark.date_sensitive  # also run under shifted clocks (Makefile)

PACKAGE = Path(__file__).resolve().parents[2] / "brokerdesk"
EXPECT_VAR = "BROKERDESK_EXPECT_SYSTEM_DATE"  # set by the Makefile's shifted-clock runs

# Direct reads of the real date or time, in Python, in SQL strings and in Qt.
REAL_CLOCK = re.compile(
    r"\bdate\.today\("
    r"|\bdatetime\.(now|today|utcnow)\("
    r"|\btime\.(time|time_ns|localtime|gmtime|ctime)\("
    r"|\bfunc\.(now|current_date|current_time|current_timestamp|localtime|localtimestamp|sysdate)\("
    r"|\b(CURRENT_DATE|CURRENT_TIME|CURRENT_TIMESTAMP|LOCALTIMESTAMP)\b"
    r"|(?<![.\w])now\(\)"
    r"|\b(date|datetime|julianday|strftime|unixepoch)\(\s*(\\?['\"]|%[^,]*,\s*\\?['\"])now"
    r"|\bQ(Date|Time|DateTime)\.current",
    re.IGNORECASE,
)
# A server default fills created_at/updated_at only for a row inserted by raw SQL that leaves
# them out; every ORM and Core insert in brokerdesk/ sends utcnow() (the clock) instead, which
# test_rows_take_their_timestamps_from_the_clock checks. The defaults stay (the migrations
# created them), so these lines are allowed.
ALLOWED = re.compile(r"server_default=")


def code_lines(path: Path) -> list[tuple[int, str]]:
    """Each line of ``path`` with comments and docstrings blanked (SQL strings are kept)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.update(range(body[0].lineno, (body[0].end_lineno or 0) + 1))
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col]
    return [(n, line) for n, line in enumerate(lines, 1) if n not in docstrings]


def real_clock_reads(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).as_posix() == "core/clock.py":
            continue
        for number, line in code_lines(path):
            if REAL_CLOCK.search(line) and not ALLOWED.search(line):
                found.append(f"{path.relative_to(root.parent)}:{number}: {line.strip()}")
    return found


def test_nothing_reads_the_real_clock_but_the_clock() -> None:
    assert real_clock_reads(PACKAGE) == [], "read the date and time through core/clock.py"


@pytest.mark.parametrize(
    "line",
    [
        "today = dt.date.today()",
        "stamp = datetime.datetime.now().strftime('%Y')",
        "moment = datetime.utcnow()",
        "start = time.time()",
        "q = q.where(Agreement.end_date >= func.current_date())",
        "text('SELECT * FROM programme WHERE end_date >= CURRENT_DATE')",
        "\"SELECT julianday('now') - julianday(occurred_on)\"",
        "\"WHERE due < date('now', 'localtime')\"",
        '"UPDATE partner SET updated_at = now()"',
        "day = QDate.currentDate()",
    ],
)
def test_the_check_catches_each_way_of_reading_the_clock(tmp_path: Path, line: str) -> None:
    package = tmp_path / "brokerdesk"
    (package / "core").mkdir(parents=True)
    (package / "core" / "clock.py").write_text("import time\nnow = time.time()\n")
    (package / "late.py").write_text(f'"""Docstrings may say date.today()."""\n\n{line}  # ok\n')
    assert real_clock_reads(package) == [f"brokerdesk/late.py:3: {line}"]


def test_the_suite_is_pinned_and_a_subprocess_sees_the_same_day(
    suite_clock: dt.datetime,
) -> None:
    if not os.environ.get(MOVE_VAR):
        assert suite_clock == TEST_MOMENT
    assert clock.today() == suite_clock.date()
    assert clock.local_now() - suite_clock < dt.timedelta(hours=1)  # it runs on, from there
    shown = subprocess.run(
        [sys.executable, "-c", "from brokerdesk.core import clock; print(clock.today())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == suite_clock.date().isoformat()


def test_a_command_run_later_stamps_a_later_time() -> None:
    """A test's own work, then a command: the command's clock is not behind the test's (a
    backup it makes is the newest), because both run on the suite's one timeline."""
    time.sleep(0.5)  # the test's own work takes a while
    before = clock.local_now()
    shown = subprocess.run(
        [sys.executable, "-c", "from brokerdesk.core import clock; print(clock.local_now())"],
        capture_output=True,
        text=True,
        check=True,
    )
    after = clock.local_now()
    assert before <= dt.datetime.fromisoformat(shown.stdout.strip()) <= after


def test_a_set_clock_runs_on_from_its_moment_unless_told_to_stand_still() -> None:
    moment = dt.datetime(2027, 1, 31, 23, 59, 59)
    before = clock.local_now()
    with clock.pinned(moment):
        first = clock.local_now()
        second = clock.local_now()
        assert moment <= first < second < moment + dt.timedelta(seconds=1)
    with clock.pinned(moment, tick=False):
        assert clock.local_now() == clock.local_now() == moment
        assert clock.today() == dt.date(2027, 1, 31)
    assert before <= clock.local_now() < before + dt.timedelta(minutes=5)  # as it was


def test_a_bad_clock_setting_is_a_sentence_and_a_usage_error(tmp_path: Path) -> None:
    env = {**os.environ, clock.ENV_VAR: "next tuesday"}
    result = subprocess.run(
        [sys.executable, "-m", "brokerdesk", "init", "--db", str(tmp_path / "x.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 2
    assert "BROKERDESK_CLOCK is set to 'next tuesday'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.sqlite3").exists()


def test_rows_take_their_timestamps_from_the_clock(db: Database) -> None:
    """Reference data and the demo team, written on a day years from the real one: every
    created_at and updated_at is that day, so no row fell back to the server's clock."""
    written = dt.datetime(2031, 2, 28, 12, 0)
    day = written.astimezone(dt.UTC).date()  # stored in UTC
    with clock.pinned(written):
        initialise(db)
        build_demo(db)
    stamped = 0
    with db.read() as session:
        tables = inspect(session.connection()).get_table_names()
        for table in tables:
            columns = {c["name"] for c in inspect(session.connection()).get_columns(table)}
            for column in sorted({"created_at", "updated_at"} & columns):
                rows = session.execute(
                    text(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")
                ).scalars()
                for value in rows:
                    moment = value if isinstance(value, dt.datetime) else _parse(value)
                    assert moment.date() == day, f"{table}.{column} = {value}"
                    stamped += 1
    assert stamped > 1000


def _parse(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(str(value))


def test_the_system_clock_was_shifted() -> None:
    """In the Makefile's shifted-clock runs: libfaketime moved the real clock for Python,
    SQLite and subprocesses, and the suite's clock follows it."""
    expected_text = os.environ.get(EXPECT_VAR)
    if not expected_text:
        pytest.skip(f"only in the shifted-clock runs ({EXPECT_VAR} names the day they fake)")
    expected = dt.date.fromisoformat(expected_text)
    near = {expected - dt.timedelta(days=1), expected, expected + dt.timedelta(days=1)}
    assert dt.date.today() in near  # deliberately the real (faked) clock
    with sqlite3.connect(":memory:") as conn:
        (sqlite_day,) = conn.execute("SELECT date('now', 'localtime')").fetchone()
    assert dt.date.fromisoformat(sqlite_day) in near
    shell_day = subprocess.run(["date", "+%F"], capture_output=True, text=True, check=True)
    assert dt.date.fromisoformat(shell_day.stdout.strip()) in near
    assert clock.today() in near
