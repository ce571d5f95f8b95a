"""Backups of a team server, and putting one back.

Two kinds of backup, chosen by what the machine has:

* **pg_dump** (``.dump``, PostgreSQL's custom format) when a ``pg_dump`` at least as new as the
  server is installed: the server's own complete copy, grants and all, put back by
  ``pg_restore`` in one transaction.
* **BrokerDesk's own copy** (``.sqlite3``) otherwise, or when asked for: every record, history
  and Trash item copied into a new SQLite file (:mod:`brokerdesk.core.copying`). It opens in
  BrokerDesk like any database, and goes back onto a server (or any database) the same way.

Either way the backup lands in the server's backup folder under the same timestamped names as a
file's backups, is checked before it is kept, and the folder is thinned by the same policy
(:func:`brokerdesk.core.backup.thin_backups`). A restore checks the backup first (sound, a
BrokerDesk schema this version knows), takes a backup of the server as it is now, then replaces
the server's contents in one transaction: a refused or failed restore leaves it as it was.

Passwords never appear on a command line: ``pg_dump`` and ``pg_restore`` get the address in
``PG*`` variables, and a password only if the address itself carried one (better kept in
``.pgpass`` or a service file, which libpq reads for them).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

from brokerdesk.core import backup, copying
from brokerdesk.core.backup import BackupError
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.schema_versions import known_revisions

DUMP_SUFFIX = ".dump"
COPY_SUFFIX = ".sqlite3"
PG_TIMEOUT_S = 3600
# pg_restore waits this long for other people's sessions to let go of a table, then gives up
# (with nothing changed) instead of hanging.
LOCK_WAIT = "15s"

Progress = Callable[[int, int, str], object]


@dataclass(frozen=True)
class ServerBackup:
    """A finished server backup."""

    path: Path
    method: str  # "pg_dump" or "copy"
    size: int


def server_stem(url: URL) -> str:
    """The server's name in its backups' file names: ``brokerdesk@db-example-org-5432`` (no
    dots, which a file name's stem would lose)."""
    host = (url.host or "local").replace(".", "-")
    raw = f"{url.database or 'postgres'}@{host}-{url.port or 5432}"
    return re.sub(r"[^A-Za-z0-9@_-]", "_", raw)


def server_backup_folder(url: URL) -> Path:
    """Where a server's backups go by default: the user's data folder, one folder a server."""
    from platformdirs import user_data_path

    base = user_data_path("BrokerDesk", appauthor=False, ensure_exists=True)
    return base / "server-backups" / server_stem(url)


def libpq_environment(url: URL) -> dict[str, str]:
    """The address as libpq's ``PG*`` variables, for pg_dump and pg_restore."""
    env = dict(os.environ)
    pairs = {
        "PGHOST": url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGDATABASE": url.database,
        "PGPASSWORD": url.password if isinstance(url.password, str) else None,
    }
    for name, value in pairs.items():
        if value:
            env[name] = value
    for key, given in url.query.items():
        if isinstance(given, str) and key in {"sslmode", "sslrootcert", "service", "sslcert"}:
            env[f"PG{key.upper()}"] = given
    return env


def _server_major(db: Database) -> int:
    with db.read() as session:
        number = session.execute(text("SHOW server_version_num")).scalar_one()
    return int(number) // 10000


@functools.lru_cache(maxsize=16)  # each look-up starts a --version of every candidate
def find_pg_tool(name: str, at_least: int) -> Path | None:
    """The newest installed ``pg_dump``/``pg_restore`` whose major version is ``at_least``."""
    candidates: list[Path] = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        try:
            out = subprocess.run(
                [str(candidate), "--version"], capture_output=True, text=True, timeout=30
            ).stdout
        except OSError:
            continue
        found = re.search(r"(\d+)(?:\.\d+)?", out)
        if found and int(found.group(1)) >= at_least:
            return candidate
    return None


def _run(args: list[str], url: URL, what: str) -> str:
    env = libpq_environment(url)
    env["PGOPTIONS"] = f"-c lock_timeout={LOCK_WAIT}"
    try:
        done = subprocess.run(
            args, env=env, capture_output=True, text=True, timeout=PG_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(f"{what} could not run ({exc}); nothing was changed.") from exc
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupError(f"{what} failed: {last.removeprefix(Path(args[0]).name + ': ')}")
    return done.stdout


def backup_server(
    db: Database,
    *,
    output: Path | None = None,
    reason: str = "manual",
    method: str = "auto",
    progress: Progress | None = None,
) -> ServerBackup:
    """Back the team server ``db`` up (to ``output``, or its backup folder, then thinned).

    Args:
        method: "pg_dump", "copy", or "auto" (pg_dump when a new enough one is installed).

    Raises:
        BackupError: the backup could not be made; no partial file is left behind.
    """
    if db.is_sqlite:
        raise BackupError("This is a database file; back it up with brokerdesk backup.")
    dump_tool = None
    if method in ("auto", "pg_dump"):
        dump_tool = find_pg_tool("pg_dump", _server_major(db))
        if dump_tool is None and method == "pg_dump":
            raise BackupError(
                "No pg_dump as new as the server is installed (Debian package "
                "postgresql-client); choose the copy method instead. Nothing was written."
            )
    suffix = DUMP_SUFFIX if dump_tool else COPY_SUFFIX
    folder = None
    if output is None:
        folder = server_backup_folder(db.url)
        output = backup.new_backup_path(folder, server_stem(db.url), reason, suffix=suffix)
    target = output
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        if dump_tool:
            _run([str(dump_tool), "--format=custom", f"--file={partial}"], db.url, "pg_dump")
            problems = verify_dump(partial)
        else:
            _copy_to_file(db, partial, progress)
            problems = backup.verify_backup(partial) or backup.brokerdesk_schema_problems(partial)
        if problems:
            raise BackupError(f"The backup failed its check: {problems[0]}. Nothing was kept.")
        if os.name == "posix":
            partial.chmod(0o600)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    if folder is not None:
        backup.thin_backups(folder / server_stem(db.url), folder=folder)
    return ServerBackup(target, "pg_dump" if dump_tool else "copy", target.stat().st_size)


def _copy_to_file(db: Database, path: Path, progress: Progress | None) -> None:
    copy = open_database(path, user_name=db.user_name)
    try:
        copying.copy_records(db, copy, progress=progress)
    finally:
        copy.dispose()
    con = sqlite3.connect(path)  # a standalone file, like a file's backup: no -wal beside it
    try:
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()


def _dump_listing(path: Path) -> str:
    tool = find_pg_tool("pg_restore", 0)
    if tool is None:
        raise BackupError(
            "pg_restore is not installed (Debian package postgresql-client), so a .dump "
            "backup cannot be read here."
        )
    done = subprocess.run(
        [str(tool), "--list", str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        return ""
    return done.stdout


def _dump_revision(path: Path) -> str | None:
    tool = find_pg_tool("pg_restore", 0)
    if tool is None:
        return None
    done = subprocess.run(
        [str(tool), "--data-only", "--table=alembic_version", "--file=-", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = done.stdout.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and index + 1 < len(lines):
            return lines[index + 1].strip() or None
    found = re.search(r"INSERT INTO [\w.]*alembic_version VALUES \('([^']+)'\)", done.stdout)
    return found.group(1) if found else None


def verify_dump(path: Path) -> list[str]:
    """Problems with a pg_dump backup (empty when it is a BrokerDesk database this version
    knows): the same checks as a file's backup."""
    try:
        with path.open("rb") as handle:
            if handle.read(5) != b"PGDMP":
                return [f"{path.name} is not a PostgreSQL backup (pg_dump custom format)."]
    except OSError as exc:
        return [f"{path} cannot be read: {exc.strerror or exc}."]
    listing = _dump_listing(path)
    if not listing:
        return [f"{path.name} is damaged: pg_restore cannot read its contents."]
    if not re.search(r"TABLE DATA \S+ alembic_version ", listing):
        return [f"{path.name} is a PostgreSQL backup, but not of a BrokerDesk database."]
    revision = _dump_revision(path)
    if revision is None:
        return [f"{path.name} holds no BrokerDesk schema version."]
    if revision not in known_revisions():
        return [
            f"{path.name} was written by a newer BrokerDesk (schema {revision}); update "
            "BrokerDesk to restore it."
        ]
    return []


def _is_dump(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"PGDMP"
    except OSError:
        return False


def check_server_backup(path: Path) -> list[str]:
    """Problems with a server backup of either kind (told apart by their contents, not their
    names); empty when it can be restored."""
    if _is_dump(path) or path.suffix == DUMP_SUFFIX:
        return verify_dump(path)
    return backup.verify_backup(path) or backup.brokerdesk_schema_problems(path)


def restore_server(
    db: Database, backup_path: Path, *, progress: Progress | None = None
) -> ServerBackup:
    """Put ``backup_path`` back onto the team server ``db``; returns the backup of the server
    taken just before (kept in its backup folder).

    Raises:
        BackupError: the backup is damaged, not BrokerDesk's, or newer than this version; or
            the restore failed. The server is unchanged.
    """
    problems = check_server_backup(backup_path)
    if problems:
        raise BackupError(
            f"The backup {backup_path} was not restored; the server is unchanged. {problems[0]}"
        )
    before = backup_server(db, reason="before-restore")
    if _is_dump(backup_path):
        tool = find_pg_tool("pg_restore", _server_major(db))
        if tool is None:
            raise BackupError("No pg_restore as new as the server is installed; nothing changed.")
        db.dispose()  # our own idle connections must not hold locks the restore needs
        _run(
            [
                str(tool),
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                "--no-owner",
                f"--dbname={db.url.database}",
                str(backup_path),
            ],
            db.url,
            "pg_restore",
        )
        return before
    with tempfile.TemporaryDirectory(prefix="brokerdesk-restore-") as scratch:
        # A copy of the backup is opened (and brought to this version's schema if older):
        # the backup file itself is never changed.
        working = backup.copy_database(backup_path, Path(scratch) / "backup.sqlite3")
        source = open_database(working, user_name=db.user_name)
        try:
            copying.copy_records(source, db, replace=True, progress=progress)
        finally:
            source.dispose()
    return before
