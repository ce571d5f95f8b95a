"""Opening a BrokerDesk database: address resolution, SQLite pragmas, sessions, migrations.

A database address is either a file path (SQLite, the embedded default) or an SQLAlchemy URL
such as ``postgresql+psycopg://user@host/dbname`` (team mode). Opening runs the Alembic
migrations, after backing up an existing SQLite file, and refuses a database whose schema is
newer than this app.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from brokerdesk.core import audit
from brokerdesk.core.addresses import SECRET_PARAMETERS
from brokerdesk.core.errors import BrokerDeskError, DiskFullError, reason_of
from brokerdesk.core.errors import DamagedDatabaseError as DamagedDatabaseError
from brokerdesk.core.errors import DatabaseError as DatabaseError  # kept importable from here
from brokerdesk.core.errors import ReadOnlyDatabaseError as ReadOnlyDatabaseError
from brokerdesk.core.errors import SchemaTooNewError as SchemaTooNewError
from brokerdesk.core.errors import storage_errors as storage_errors  # services use it from here

ENV_VAR = "BROKERDESK_DB"
DEFAULT_FILE_NAME = "brokerdesk.sqlite3"
BUSY_TIMEOUT_MS = 10_000
# The drivers this app installs and is tested with; any other one would fail on import.
DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg"}
SQLITE_HEADER = b"SQLite format 3\x00"


def default_database_path() -> Path:
    """The GUI's database when no address is given: ``brokerdesk.sqlite3`` in the data folder."""
    from platformdirs import user_data_path

    return user_data_path("BrokerDesk", appauthor=False, ensure_exists=True) / DEFAULT_FILE_NAME


def resolve_address(address: str | os.PathLike[str] | None) -> URL:
    """Turn ``--db`` / ``BROKERDESK_DB`` / the default into an SQLAlchemy URL.

    Anything with ``://`` is taken as a URL; everything else is a file path for SQLite.
    """
    raw = os.fspath(address) if address is not None else os.environ.get(ENV_VAR)
    if not raw:
        path = default_database_path()
        return _sqlite_url(path, str(path))
    if "://" in raw:
        try:
            url = make_url(raw)
        except Exception as exc:  # SQLAlchemy raises ArgumentError with a terse text
            raise DatabaseError(f"'{raw}' is not a database address: {exc}") from exc
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseError(
                f"BrokerDesk works with SQLite files and PostgreSQL servers, not "
                f"'{url.get_backend_name()}'."
            )
        if url.drivername == url.get_backend_name():
            url = url.set(drivername=f"{url.drivername}+{DRIVERS[url.get_backend_name()]}")
        if url.get_driver_name() != DRIVERS[url.get_backend_name()]:
            backend = url.get_backend_name()
            raise DatabaseError(
                f"BrokerDesk connects to {backend} through {DRIVERS[backend]}, not "
                f"'{url.get_driver_name()}': use an address starting "
                f"{backend}+{DRIVERS[backend]}://"
            )
        if url.get_backend_name() == "sqlite" and url.database:
            return _sqlite_url(Path(url.database).expanduser(), raw)
        return url
    return _sqlite_url(Path(raw), raw)


def _sqlite_url(path: Path, raw: str) -> URL:
    try:
        resolved = path.expanduser().resolve()
    except RuntimeError as exc:  # Python < 3.13: a symlink loop, or ~user that does not exist
        if "loop" in str(exc).lower():
            raise DatabaseError(_path_sentence(Path(raw), OSError(errno.ELOOP, ""))) from exc
        raise DatabaseError(f"{raw} cannot be used as a database: {exc}.") from exc
    except OSError as exc:
        raise DatabaseError(_path_sentence(Path(raw), exc)) from exc
    return URL.create("sqlite+pysqlite", database=str(resolved))


def _path_sentence(path: Path, exc: OSError) -> str:
    """Why a path cannot hold a database, in words (the OS's own reason as the fallback)."""
    if exc.errno == errno.ENAMETOOLONG:
        return (
            f"The name {path} is too long for the file system (a name can be at most 255 "
            "bytes): choose a shorter one."
        )
    if exc.errno == errno.ELOOP:
        return f"{path} is a symbolic link that points round in a loop, not a database file."
    if exc.errno == errno.ENOTDIR:
        return f"{path} cannot be a database: part of its folder path is a file, not a folder."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"You do not have permission to open {path}."
    if exc.errno == errno.EROFS:
        return f"{path} is on a read-only disk, so BrokerDesk cannot write there."
    return f"{path} cannot be used as a database: {exc.strerror or exc}."


def check_database_file(path: Path, *, create: bool = False) -> None:
    """Refuse, in a sentence, a path that cannot be a database, before SQLite touches it.

    A folder, a device, a pipe (which would block for ever), a symlink loop or a name too long
    are refused; an empty file is a BrokerDesk database only when ``create`` (``init`` and the
    app's new-database path), never for commands that read or add to an existing database.

    Raises:
        DatabaseError: the path is unusable; the message says why.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if not create:
            raise DatabaseError(f"There is no database at {path}.") from None
        _check_new_file_place(path)
        return
    except OSError as exc:
        raise DatabaseError(_path_sentence(path, exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(f"{path} is a folder, not a database file.")
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(
            f"{path} is not an ordinary file (it is a device, a pipe or a socket), so it "
            "cannot be a database."
        )
    if info.st_size == 0:
        if create:
            return
        raise DatabaseError(
            f"{path} is empty, not a BrokerDesk database. To make a new database there, run "
            f"'brokerdesk init --db {path}'."
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(_path_sentence(path, exc)) from exc
    if header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a BrokerDesk database (not an SQLite file).")
    if _holds_other_tables(path):
        raise DatabaseError(
            f"{path} holds tables that are not a BrokerDesk database; it has not been changed."
        )
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(
            f"{path} is in a folder you cannot write to (or on a read-only disk). BrokerDesk "
            "keeps its journal beside the database, so it cannot open it there; nothing was "
            "changed. Copy it to a folder you can write to."
        )


def _holds_other_tables(path: Path) -> bool:
    """Another application's SQLite file: tables, none of them BrokerDesk's version table.

    Read with ``immutable=1`` (no lock, no journal files): opening it the usual way would
    first switch it to WAL, rewriting its header, before the migration check refused it.
    """
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            names = {row[0] for row in rows}
    except sqlite3.DatabaseError:
        return False  # damaged, or not readable this way: the open that follows says so
    return bool(names) and "alembic_version" not in names


def _check_new_file_place(path: Path) -> None:
    """A new database's folder exists (or can be made) and can be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.stat(path)  # a name too long for the file system shows here, before SQLite
    except FileNotFoundError:
        pass
    except FileExistsError as exc:
        raise DatabaseError(
            f"{path} cannot be a database: {exc.filename} is a file, not a folder."
        ) from exc
    except OSError as exc:
        raise DatabaseError(_path_sentence(path, exc)) from exc
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(
            f"You cannot create {path}: its folder is read-only for you. Nothing was written."
        )


def describe(url: URL) -> str:
    """A short, password-free description of a database for titles and reports."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return (
        url.set(password=None)
        .difference_update_query(sorted(SECRET_PARAMETERS))
        .render_as_string(hide_password=True)
    )


@dataclass(frozen=True)
class _Pragmas:
    foreign_keys: str = "ON"
    journal_mode: str = "WAL"
    synchronous: str = "FULL"


def _install_sqlite_hooks(engine: Engine) -> None:
    """Pragmas on every connection, and transactions that SQLite honours for DDL too.

    pysqlite's own transaction handling does not wrap DDL and begins lazily; we turn it off and
    emit BEGIN ourselves (SQLAlchemy's documented recipe), so a migration or an import is one
    real transaction. Write sessions begin IMMEDIATE: they take the write lock up front and wait
    (busy timeout) instead of failing later with "database is locked".
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if dbapi_conn.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    event.listen(engine, "handle_error", _busy_is_a_sentence)
    event.listen(engine, "handle_error", _sqlite_fault_is_a_sentence)


def _busy_is_a_sentence(context: ExceptionContext) -> BaseException | None:
    """SQLite's "database is locked" after the busy timeout becomes a message a user can act on.

    Another app instance (or a sync program) held the write lock for longer than the busy
    timeout; the action was rolled back, so saying so and suggesting a retry is the truth.
    """
    original = context.original_exception
    if not isinstance(original, sqlite3.OperationalError):
        return None
    text = str(original).lower()
    if "database is locked" not in text and "database is busy" not in text:
        return None
    return BrokerDeskError(
        "Another BrokerDesk window (or another program) kept the database busy for too long, "
        "so this change was not saved. Nothing was written; try again in a moment."
    )


_DAMAGE = (
    "malformed",  # database disk image is malformed; malformed database schema
    "file is not a database",
    "disk i/o error",
    "no such table",  # a table of the schema is gone (a dropped search index)
    "no such column",
    "corrupt",
    "fts5: ",  # the search index's own pages are scrambled
)


class _AlsoDriverError(SQLAlchemyDatabaseError):
    """Our sentence that is still a SQLAlchemy DatabaseError, so code that keeps the app alive
    on any driver failure (list models, undo) catches it as before."""

    def __init__(self, message: str, original: BaseException) -> None:
        Exception.__init__(self, message)
        self.statement = None
        self.params = None
        self.orig = original  # type: ignore[assignment]
        self.hide_parameters = False
        self.connection_invalidated = False
        self.detail = []
        self.code = None  # type: ignore[assignment]

    def __str__(self) -> str:
        return str(self.args[0])

    @property
    def reason(self) -> str:
        """SQLite's own first line, as :class:`StorageError` quotes it."""
        return reason_of(self)


class DamagedSqliteError(DamagedDatabaseError, _AlsoDriverError):
    """SQLite said the file is damaged (see :func:`translate_sqlite_error`)."""


class ReadOnlySqliteError(ReadOnlyDatabaseError, _AlsoDriverError):
    """SQLite was asked to write a file it may only read."""


class DiskFullSqliteError(DiskFullError, _AlsoDriverError):
    """SQLite ran out of disk mid-transaction (rolled back)."""


def translate_sqlite_error(error: BaseException, where: str) -> BrokerDeskError | None:
    """SQLite's own words for a damaged, read-only or full database, as one of our errors.

    ``where`` names the database in the sentence. Returns None for anything else (a bug,
    which should keep its traceback).
    """
    if not isinstance(error, sqlite3.DatabaseError):
        return None
    text = str(error).lower()
    if "database or disk is full" in text:
        return DiskFullSqliteError(
            f"The disk holding {where} is full, so nothing was written. Free some space "
            "and try again.",
            error,
        )
    if "readonly database" in text or "read-only" in text:
        return ReadOnlySqliteError(
            f"{where} is read-only for you (the file or its folder), so nothing was written. "
            "Ask for write access, or copy it to a folder you can write to.",
            error,
        )
    if any(sign in text for sign in _DAMAGE):
        return DamagedSqliteError(
            f"{where} is damaged ({error}), so nothing was changed. Run 'brokerdesk check' "
            "to see what is wrong, then 'brokerdesk restore BACKUP' to put back a good backup.",
            error,
        )
    return None


def _sqlite_fault_is_a_sentence(context: ExceptionContext) -> BaseException | None:
    """Every command and the app get a sentence, not a driver traceback, for a sick file."""
    where = describe(context.engine.url) if context.engine is not None else "The database"
    return translate_sqlite_error(context.original_exception, where)


class Database:
    """An open BrokerDesk database: the engine and the sessions services use.

    Services call :meth:`write` for a user action (one transaction, committed at the end,
    rolled back on any error) and :meth:`read` for queries.
    """

    def __init__(self, url: URL, engine: Engine, user_name: str) -> None:
        self.url = url
        self.engine = engine
        self.user_name = user_name
        write_bind = (
            engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        )
        self._read_factory = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_factory = sessionmaker(bind=write_bind, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None in team mode."""
        if self.is_sqlite and self.url.database:
            return Path(self.url.database)
        return None

    @property
    def description(self) -> str:
        return describe(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; a driver fault leaves it as one of the core's errors."""
        with storage_errors(), self._read_factory() as session:
            yield session

    @contextmanager
    def write(self, user_name: str | None = None) -> Iterator[Session]:
        """One user action: a transaction committed on success, rolled back on any error.

        What goes wrong leaves as one of the core's errors (:func:`storage_errors`): a
        refusal by the database's rules as ``RefusedError``, someone else's newer save as
        ``StaleRecordError``, any other driver fault as ``StorageError``.
        """
        with storage_errors(), self._write_factory() as session, session.begin():
            session.info[audit.USER_KEY] = user_name or self.user_name
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def create_database_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_hooks(engine)
        return engine
    # pre-ping: a connection the server dropped (restart, failover, idle timeout) is replaced
    # before a read or a write uses it, so the app reconnects without a restart.
    return create_engine(url, pool_pre_ping=True, connect_args=tls_arguments(url))


LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})


def is_local_server(url: URL) -> bool:
    """The server is on this machine: no host (the Unix socket), a socket folder, loopback."""
    hosts = [url.host or ""]
    query_host = url.query.get("host")
    if query_host:
        hosts = list(query_host) if isinstance(query_host, tuple) else [query_host]
    return all(h in LOCAL_HOSTS or h.startswith("/") for h in hosts)


def tls_arguments(url: URL) -> dict[str, str]:
    """TLS is required (``sslmode=require``) to reach a server on another machine.

    The user's own choice wins: ``?sslmode=...`` in the address, or libpq's ``PGSSLMODE``
    (``sslmode=disable`` turns encryption off, for a trusted network only). A server on
    this machine is reached as libpq would by default.
    """
    if "sslmode" in url.query or os.environ.get("PGSSLMODE") or is_local_server(url):
        return {}
    return {"sslmode": "require"}


def current_user_name() -> str:
    """Who the audit trail names: ``BROKERDESK_USER`` if set, else the login name."""
    if os.environ.get("BROKERDESK_USER"):
        return os.environ["BROKERDESK_USER"]
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record something honest
        return "unknown"


def open_database(
    address: str | os.PathLike[str] | URL | None = None,
    *,
    migrate: bool = True,
    create: bool = True,
    user_name: str | None = None,
) -> Database:
    """Open (and by default create and migrate) the database at ``address``.

    Raises:
        DatabaseError: the address is unusable, the file is not a database, or it is missing
            and ``create`` is False.
        SchemaTooNewError: the database was written by a newer BrokerDesk.
    """
    from brokerdesk.core import migrate as migrations

    url = address if isinstance(address, URL) else resolve_address(address)
    if url.get_backend_name() == "sqlite" and url.database:
        check_database_file(Path(url.database), create=create)
    engine = create_database_engine(url)
    db = Database(url, engine, user_name or current_user_name())
    try:
        if migrate:
            migrations.upgrade(db)
        else:
            migrations.check_not_newer(db)
    except BrokerDeskError:  # already a sentence (damaged, read-only, disk full, too new)
        engine.dispose()
        raise
    except SQLAlchemyDatabaseError as exc:
        engine.dispose()
        raise DatabaseError(
            f"{db.description} could not be read; it may be damaged ({exc.orig}). "
            "Nothing was changed. Restore a backup, or run 'brokerdesk check' for details."
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    if db.path is not None:
        _owner_only(db.path)
    elif user_name is None:
        db.user_name = _login_name(db)
    return db


def _login_name(db: Database) -> str:
    """On a team server the history names each person by their own database login."""
    from sqlalchemy import text

    with storage_errors(), db.engine.connect() as conn:
        return str(conn.execute(text("SELECT session_user")).scalar())


def _owner_only(path: Path) -> None:
    """Database files hold personal data: readable by their owner alone (POSIX)."""
    if os.name != "posix":
        return
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if candidate.exists():
                candidate.chmod(0o600)
        except OSError:
            pass  # a file we do not own (shared folder): nothing sensible to do
