"""A real PostgreSQL server for the test session, and the ``db`` fixture on both backends.

Team mode must behave like the embedded SQLite file, so the service tests run on both: a
module marked ``pytestmark = pytest.mark.both_backends`` gets each test twice, once on a
SQLite file and once on a fresh PostgreSQL database: a copy (``CREATE DATABASE ... TEMPLATE``)
of one migrated once per session by ``open_database(url)`` exactly as the app does it.

The server is started once per session with pytest-postgresql's ``pg_ctl`` executor and the
newest PostgreSQL found on the machine (Debian keeps them in ``/usr/lib/postgresql/<N>/bin``).
PostgreSQL refuses to run as root, so when the tests run as root (CI containers) ``pg_ctl``
is run as the ``postgres`` system user through ``runuser``. Missing binaries fail the run with
a message saying how to install them: a skip would hide that team mode went untested.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from port_for import get_port
from pytest_postgresql.executors.proc import PostgreSQLExecutor

BACKENDS = ("sqlite", "postgresql")
_counter = itertools.count(1)


def find_pg_ctl() -> Path:
    """The newest installed ``pg_ctl``: $BROKERDESK_PG_CTL, Debian's folders, then PATH."""
    explicit = os.environ.get("BROKERDESK_PG_CTL")
    if explicit:
        if Path(explicit).is_file():
            return Path(explicit)
        raise pytest.UsageError(f"BROKERDESK_PG_CTL={explicit} is not a pg_ctl program.")
    found: list[tuple[tuple[int, ...], Path]] = []
    for candidate in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"):
        version = tuple(int(p) for p in re.findall(r"\d+", candidate.parts[-3]))
        found.append((version, candidate))
    if found:
        return max(found)[1]
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve()
    raise pytest.UsageError(
        "The PostgreSQL server is not installed, so the team-mode tests cannot run. "
        "Install it with `bash scripts/install-system-deps.sh` (Debian package postgresql) "
        "or point BROKERDESK_PG_CTL at pg_ctl."
    )


def _as_server_user(pg_ctl: Path, base: Path) -> str:
    """A pg_ctl the server accepts: itself, or a wrapper running it as ``postgres`` for root."""
    if os.name != "posix" or os.geteuid() != 0:
        return str(pg_ctl)
    wrapper = base / "pg_ctl_as_postgres"
    wrapper.write_text(f'#!/bin/sh\nexec runuser -u postgres -- "{pg_ctl}" "$@"\n')
    wrapper.chmod(stat.S_IRWXU)
    shutil.chown(base, user="postgres")
    base.chmod(0o755)
    return str(wrapper)


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[PostgreSQLExecutor]:
    """One PostgreSQL server for the whole session (trust auth, local connections only)."""
    pg_ctl = find_pg_ctl()
    base = Path(tempfile.mkdtemp(prefix="brokerdesk-pg-"))
    executable = _as_server_user(pg_ctl, base)
    port = get_port(None)
    assert port is not None
    executor = PostgreSQLExecutor(
        executable=executable,
        host="127.0.0.1",
        port=port,
        datadir=str(base / "data"),
        unixsocketdir=str(base),
        logfile=str(base / "server.log"),
        startparams="-w",
        dbname="brokerdesk_tests",
        # No waiting for the disk: a test server's data is thrown away at the end anyway.
        postgres_options=(
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
            " -c wal_level=minimal -c max_wal_senders=0 -c max_connections=200"
        ),
        user="postgres",
        password="",
    )
    try:
        with _server_on_the_real_clock():
            executor.start()
    except Exception as exc:  # show the server's own words, not mirakuru's
        log = base / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        pytest.fail(f"PostgreSQL did not start with {pg_ctl}: {exc}\n{detail}", pytrace=False)
    _wait_until_accepting(executor)
    yield executor
    with _server_on_the_real_clock():
        executor.stop()
    shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def _server_on_the_real_clock() -> Iterator[None]:
    """Start and stop the server without libfaketime (the Makefile's shifted-clock runs).

    pg_ctl -w under a faked clock sometimes returned while the server was still starting up;
    the server's own clock plays no part in the tests (the app binds its dates, from
    core/clock.py), and a team's server keeps its own time anyway.
    """
    preload = os.environ.pop("LD_PRELOAD", None)  # not FAKETIME: this process re-reads it
    try:
        yield
    finally:
        if preload is not None:
            os.environ["LD_PRELOAD"] = preload


def _wait_until_accepting(server: PostgreSQLExecutor, limit_s: float = 30.0) -> None:
    """Wait for the server to accept connections, not only to be running.

    The executor's start returns once ``pg_ctl status`` says the server runs, which can be
    while it is still starting up ("FATAL: the database system is starting up"); a loaded
    machine, or libfaketime's overhead in the shifted-clock runs, made the first test fail so.
    """
    deadline = time.monotonic() + limit_s
    while True:
        try:
            _admin(server).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _admin(server: PostgreSQLExecutor) -> psycopg.Connection[Any]:
    return psycopg.connect(
        host=server.host, port=server.port, user="postgres", dbname="postgres", autocommit=True
    )


@pytest.fixture
def pg_url(postgresql_server: PostgreSQLExecutor) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, as a password-free URL."""
    name = f"bd_{os.getpid()}_{next(_counter)}"
    with _admin(postgresql_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@{postgresql_server.host}:{postgresql_server.port}/{name}"
    with _admin(postgresql_server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_template(postgresql_server: PostgreSQLExecutor, suite_clock: Any) -> str:
    """A PostgreSQL database migrated to head once per session (per xdist worker).

    Each PostgreSQL ``db`` is ``CREATE DATABASE ... TEMPLATE`` of it: a file-level copy made
    by the server, much cheaper than running every migration again.
    """
    name = f"bd_{os.getpid()}_template"
    with _admin(postgresql_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    from brokerdesk.core.db import open_database

    open_database(_url(postgresql_server, name), user_name="tester").dispose()
    return name


@pytest.fixture
def pg_migrated_url(postgresql_server: PostgreSQLExecutor, pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test, already migrated (a copy of the template)."""
    name = f"bd_{os.getpid()}_{next(_counter)}"
    with _admin(postgresql_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield _url(postgresql_server, name)
    with _admin(postgresql_server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _url(server: PostgreSQLExecutor, name: str) -> str:
    return f"postgresql+psycopg://postgres@{server.host}:{server.port}/{name}"


@pytest.fixture(autouse=True)
def backend(request: pytest.FixtureRequest) -> str:
    """Which backend this test's ``db`` runs on (SQLite unless the module asks for both)."""
    return str(getattr(request, "param", "sqlite"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marked = metafunc.definition.get_closest_marker("both_backends") is not None
    if marked and "db" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True, ids=BACKENDS)


@pytest.hookimpl(tryfirst=True)
def pytest_fixture_setup(fixturedef: Any, request: pytest.FixtureRequest) -> Any:
    """Give ``db`` a PostgreSQL database when this test runs on PostgreSQL.

    conftest.py owns the SQLite ``db`` fixture and a plugin cannot override a conftest
    fixture, so the PostgreSQL variant is set up here, in its place, with the same teardown.
    """
    if fixturedef.argname != "db":
        return None
    callspec = getattr(request.node, "callspec", None)
    if callspec is None or callspec.params.get("backend") != "postgresql":
        return None
    from brokerdesk.core.db import open_database

    key = fixturedef.cache_key(request)
    try:
        url = request.getfixturevalue("pg_migrated_url")
        database = open_database(url, user_name="tester")  # at head already: migrates nothing
    except BaseException as exc:  # cache the failure as pytest itself does, then report it
        fixturedef.cached_result = (None, key, (exc, exc.__traceback__))
        raise
    fixturedef.addfinalizer(database.dispose)
    fixturedef.cached_result = (database, key, None)
    return database


def run_psql(server: PostgreSQLExecutor, sql: str) -> str:  # pragma: no cover - debugging aid
    """Run SQL on the session server with psql (handy when a team-mode test fails)."""
    psql = Path(find_pg_ctl()).with_name("psql")
    out = subprocess.run(
        [str(psql), "-h", server.host, "-p", str(server.port), "-U", "postgres", "-c", sql],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout + out.stderr
