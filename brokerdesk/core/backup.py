"""Backups of SQLite databases with the SQLite online backup API, thinned over time, restorable.

A backup is a complete, consistent copy even while the app is writing, and it is written to
a temporary name and renamed into place so that a crash never leaves half a backup that looks
whole. Backups are taken when the app opens a database whose last backup is more than a day
old (:func:`backup_if_due`), before every migration and before every bulk import.

Thinning policy (like Anki's), applied after each automatic backup:

* every backup from the last 2 days is kept;
* then the newest backup of each day for 7 days;
* then the newest of each week for 8 weeks;
* then the newest of each month for 12 months;
* older backups are deleted; the newest backup of all is never deleted.

Restoring (:func:`restore_backup`) checks the backup first (sound, and a BrokerDesk schema this
version can open), then writes the backup into the database in one transaction of the SQLite
backup API, and keeps a copy of the current contents aside under a timestamped name from
inside that transaction, while it holds the write lock. A file too damaged for SQLite to open
is set aside and replaced by an atomic rename instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brokerdesk.core import clock
from brokerdesk.core.errors import BrokerDeskError, DatabaseError
from brokerdesk.core.schema_versions import known_revisions

if TYPE_CHECKING:
    # Only a type: core.db migrates on opening, and migrating backs up first.
    from brokerdesk.core.db import Database

DUE_AFTER = dt.timedelta(days=1)
RESTORE_WAIT_S = 10  # how long a restore waits for another writer to finish
# Pages a restore writes per backup step: well inside SQLite's page cache, so the first step
# (after which the copy aside is taken) writes nothing to disk yet.
_RESTORE_BATCH = 64
_STAMP = "%Y%m%d-%H%M%S-%f"
# A backup's name: <database>-<taken at>-<reason>.sqlite3; a team server's pg_dump is .dump.
_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)\.(?:sqlite3|dump)$")


class BackupError(BrokerDeskError):
    """A backup could not be made or restored; the database was left as it was."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: what the File ▸ Restore list shows.

    Attributes:
        path: the backup file.
        taken_at: when it was taken (local time, from its name).
        reason: why (``daily``, ``manual``, ``before-migration``, ``before-import``...).
        size: bytes.
    """

    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


def backup_folder(db_path: Path) -> Path:
    """Backups live beside the database, in ``<name>-backups``."""
    return db_path.with_name(f"{db_path.stem}-backups")


def _owner_only(path: Path) -> None:
    if os.name == "posix":
        path.chmod(0o600)


def make_backup(db: Database, reason: str = "manual", folder: Path | None = None) -> Path:
    """Copy the SQLite database to a timestamped file and return its path."""
    if db.path is None:
        raise DatabaseError(
            "A team server is backed up with core.server_backup (brokerdesk backup --db …), "
            "not as a file."
        )
    return backup_file(db.path, reason=reason, folder=folder)


def backup_before(db: Database, reason: str) -> Path | None:
    """A backup before a risky bulk change (``before-import``, ``before-merge``), then thinning.

    Returns None on a team server, whose backups are the server administrator's job.
    """
    if db.path is None:
        return None
    made = make_backup(db, reason=reason)
    thin_backups(db.path)
    return made


def backup_file(source: Path, reason: str = "manual", folder: Path | None = None) -> Path:
    """Back ``source`` up into ``folder`` (default: its backup folder) under a timestamped name."""
    target = new_backup_path(
        folder or backup_folder(source), source.stem, reason, private=not folder
    )
    copy_database(source, target)
    return target


def new_backup_path(
    folder: Path, stem: str, reason: str, *, suffix: str = ".sqlite3", private: bool = True
) -> Path:
    """A free name for a backup taken now, ``<stem>-<taken at>-<reason><suffix>``, in
    ``folder`` (made if missing; owner-only when ``private``)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix" and private:
            folder.chmod(0o700)
    except OSError as exc:
        raise BackupError(
            f"Could not make the backup folder {folder}: {_reason(exc)}. Nothing was written."
        ) from exc
    moment = clock.local_now()
    target = folder / f"{stem}-{moment.strftime(_STAMP)}-{reason}{suffix}"
    while target.exists():  # a clock set back or standing still never replaces a backup
        moment += dt.timedelta(microseconds=1)
        target = folder / f"{stem}-{moment.strftime(_STAMP)}-{reason}{suffix}"
    return target


def copy_database(source: Path, target: Path, *, as_is: bool = False) -> Path:
    """A consistent copy of ``source`` at ``target`` (atomic, owner-only), via the backup API.

    The copy is a standalone file (rollback journal), unless ``as_is``: then its pages are
    exactly the source's, journal mode included, which also copies a file whose schema is
    damaged (changing the journal mode would have to read that schema).

    Raises:
        BackupError: the copy could not be made (a full disk, a read-only or missing folder,
            a name too long, a damaged source); no partial file is left behind.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        # A WAL file in a read-only folder opens only as immutable (nobody can write it there
        # either); the copy is checked afterwards all the same.
        frozen = "" if os.access(source.parent, os.W_OK) else "&immutable=1"
        src = sqlite3.connect(f"file:{source}?mode=ro{frozen}", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                if not as_is:
                    dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _owner_only(partial)
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except (sqlite3.DatabaseError, OSError) as exc:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise BackupError(
            f"Could not copy {source} to {target}: {_reason(exc)}. Nothing was replaced."
        ) from exc
    return target


def _reason(exc: BaseException) -> str:
    """Why a copy failed, in words: the full disk and read-only places named plainly."""
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "disk is full" in text:
        return "the disk is full"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text:
        return "that place is read-only for you"
    if code == errno.ENAMETOOLONG:
        return "the name is too long for the file system"
    if code == errno.EISDIR:
        return "it is a folder"
    if code in (errno.ENOENT, errno.ENOTDIR) or "unable to open" in text:
        return "its folder does not exist or cannot be written"
    if isinstance(exc, OSError):
        return str(exc.strerror or exc)
    return str(exc)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first."""
    where = folder or backup_folder(db_path)
    found: list[BackupInfo] = []
    if not where.is_dir():
        return found
    for path in where.glob(f"{db_path.stem}-*"):
        match = _NAME.search(path.name[len(db_path.stem) :])
        if match is None:
            continue
        taken = dt.datetime.strptime(match.group(1), _STAMP)
        found.append(BackupInfo(path, taken, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _bucket(age: dt.timedelta, taken: dt.datetime) -> tuple[str, object] | None:
    """Which keep-one bucket a backup of this age falls in; None means delete it."""
    if age <= dt.timedelta(days=2):
        return ("all", taken)
    if age <= dt.timedelta(days=2 + 7):
        return ("day", taken.date())
    if age <= dt.timedelta(days=2 + 7 + 8 * 7):
        iso = taken.isocalendar()
        return ("week", (iso.year, iso.week))
    if age <= dt.timedelta(days=2 + 7 + 8 * 7 + 365):
        return ("month", (taken.year, taken.month))
    return None


def thin_backups(
    db_path: Path, now: dt.datetime | None = None, folder: Path | None = None
) -> list[Path]:
    """Delete backups the policy no longer keeps; return what was deleted.

    ``folder`` is where they are when not beside the database (a team server's backups).
    """
    moment = now or clock.local_now()
    backups = list_backups(db_path, folder)
    kept: set[tuple[str, object]] = set()
    removed: list[Path] = []
    for index, info in enumerate(backups):  # newest first: the newest of a bucket wins
        bucket = _bucket(moment - info.taken_at, info.taken_at)
        if index == 0 or (bucket is not None and bucket not in kept):
            if bucket is not None:
                kept.add(bucket)
            continue
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def backup_if_due(
    db: Database, max_age: dt.timedelta = DUE_AFTER, now: dt.datetime | None = None
) -> Path | None:
    """Back up when the newest backup is older than ``max_age`` (the app calls it after opening).

    Returns the new backup, or None when none was due or the database is a team server.
    """
    if db.path is None:
        return None
    moment = now or clock.local_now()
    backups = list_backups(db.path)
    if backups and moment - backups[0].taken_at < max_age:
        return None
    made = make_backup(db, reason="daily")
    thin_backups(db.path, now=moment)
    return made


def verify_backup(path: Path) -> list[str]:
    """Problems found in a backup file (empty when it is a sound SQLite database)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return [f"{path} is a folder, not a backup file."]
        if not stat.S_ISREG(info.st_mode):
            return [f"{path} is not an ordinary file, so it cannot be a backup."]
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return [f"{path.name} is not a database backup."]
    except FileNotFoundError:
        return [f"There is no backup at {path}."]
    except OSError as exc:
        return [f"{path} cannot be read: {_reason(exc)}."]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"{path.name} cannot be read: {exc}."]
    return [] if rows == ["ok"] else rows


def brokerdesk_schema_problems(path: Path) -> list[str]:
    """Why ``path`` is not a BrokerDesk database this version can open (empty when it is).

    Another application's SQLite file, or one saved by a newer BrokerDesk, passes the
    integrity check but would leave every command refusing the restored database.
    """
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                return [f"{path.name} is not a BrokerDesk database (another program's file)."]
            versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.DatabaseError as exc:
        return [f"{path.name} cannot be read: {exc}."]
    if len(versions) != 1:
        return [f"{path.name} records {len(versions)} schema versions instead of one."]
    if versions[0] not in known_revisions():
        return [
            f"{path.name} was saved by a newer version of BrokerDesk (schema {versions[0]}); "
            "install that version to restore it."
        ]
    return []


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes the integrity check (what to offer after a failure)."""
    for info in list_backups(db_path):
        if not verify_backup(info.path):
            return info
    return None


def _set_aside(db_path: Path) -> Path | None:
    """Keep the current file (and its -wal/-shm) under a timestamped name beside it.

    The file itself is linked (or copied) aside, not renamed: its own name must hold a whole
    database until the backup replaces it in one rename, or a crash in between leaves no file
    and the next start makes a new, empty database (tests/crash found it). The journal files
    do move, before that rename, so the old WAL is never applied to the restored file.
    """
    if not db_path.exists():
        return None
    stamp = clock.local_now().strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}-before-restore-{stamp}{db_path.suffix}")
    try:  # fold the WAL into the file when it is readable, so the set-aside copy is whole
        conn = sqlite3.connect(db_path, timeout=2)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # a damaged file: keep its journal files beside it as they are
    try:
        os.link(db_path, aside)
    except OSError:  # a file system without hard links
        shutil.copy2(db_path, aside)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{db_path}{suffix}")
        if extra.exists():
            os.replace(extra, Path(f"{aside}{suffix}"))
    return aside


def _restore_in_place(db_path: Path, backup_path: Path) -> Path:
    """Write the backup into the live file through the backup API, keeping a copy aside first.

    The copy aside is taken *inside* the backup's own write transaction: SQLite holds the
    destination's write lock from the backup's first step until it commits (documented for
    sqlite3_backup_step), and the copy is made between the first step and the second. Every
    write acknowledged before that is in the copy aside; every write attempted after it waits
    (busy timeout) and lands in the restored database. Taking the lock in a transaction of
    our own and releasing it for the backup left a moment in which another process could
    commit into the file after it was copied and just before the backup overwrote it:
    reported saved, then in neither file.

    The copy aside is made through SQLite too, never by opening the live file with an
    ordinary file handle: closing such a handle cancels every POSIX lock this process holds
    on the file, the restore's own included (SQLite's "How To Corrupt" 2.2).
    """
    try:
        live = sqlite3.connect(
            f"file:{db_path}?mode=rw", uri=True, timeout=RESTORE_WAIT_S, isolation_level=None
        )
    except sqlite3.DatabaseError as exc:
        raise _NotInPlace from exc
    try:
        _check_writable_now(live, db_path)
        kept: list[Path] = []

        def copy_aside_under_the_lock(status: int, _remaining: int, _total: int) -> None:
            if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise _busy(db_path)
            if status == sqlite3.SQLITE_OK and not kept:  # first step done: the lock is ours
                kept.append(_copy_aside(db_path))

        with contextlib.closing(sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)) as src:
            # In steps, the first smaller than the whole, so the copy aside is made after it:
            # a BrokerDesk schema is always more than one page (checked), so the backup cannot
            # finish before it.
            pages = int(src.execute("PRAGMA page_count").fetchone()[0])
            if pages < 2:
                raise BackupError(
                    f"The backup {backup_path.name} is not a BrokerDesk database, so it was "
                    "not restored; your database is unchanged."
                )
            try:
                src.backup(
                    live,
                    pages=min(_RESTORE_BATCH, pages - 1),
                    progress=copy_aside_under_the_lock,
                )
            except sqlite3.DatabaseError as exc:
                where = f"; its copy is kept as {kept[0]}" if kept else ""
                raise BackupError(
                    f"Could not restore {backup_path.name} into {db_path.name}: "
                    f"{_reason(exc)}. Your database is unchanged{where}."
                ) from exc
        with contextlib.suppress(sqlite3.DatabaseError):
            live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        live.close()
    return kept[0]


def _check_writable_now(live: sqlite3.Connection, db_path: Path) -> None:
    """Refuse in a sentence while another writer keeps the database; a file SQLite cannot
    open takes the other way (:class:`_NotInPlace`)."""
    try:
        live.execute("BEGIN IMMEDIATE")
        live.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _busy(db_path) from exc
        raise _NotInPlace from exc
    except sqlite3.DatabaseError as exc:
        raise _NotInPlace from exc


def _busy(db_path: Path) -> BackupError:
    return BackupError(
        f"{db_path.name} is being changed by another BrokerDesk window or program; "
        "close it and try again. Nothing was restored."
    )


def _copy_aside(db_path: Path) -> Path:
    """A consistent copy of the database, as last committed, under a timestamped name."""
    stamp = clock.local_now().strftime(_STAMP)
    aside = db_path.with_name(f"{db_path.stem}-before-restore-{stamp}{db_path.suffix}")
    try:
        return copy_database(db_path, aside, as_is=True)  # damage included: kept as it was
    except BackupError as exc:
        cause = exc.__cause__ if exc.__cause__ is not None else exc
        raise BackupError(
            f"Could not keep a copy of {db_path.name} before restoring: {_reason(cause)}. "
            "Nothing was restored."
        ) from exc


def _ensure_not_in_use(db_path: Path) -> None:
    if not db_path.exists():
        return
    try:
        conn = sqlite3.connect(db_path, timeout=1, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError(
                f"{db_path.name} is being changed by another BrokerDesk window; close it and "
                "try again. Nothing was restored."
            ) from exc
    except sqlite3.DatabaseError:
        pass  # damaged: exactly the file a restore is for


class _NotInPlace(Exception):  # noqa: N818 - a signal to take the other way, not an error
    """The live file cannot take the backup through SQLite (it is too damaged to open)."""


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the database with a backup; return where the old file was kept (None if none).

    A database SQLite can still open is restored in place: the backup's pages are written
    into the same file in one transaction of the backup API, and the current contents are
    copied aside inside that transaction, under its write lock. Every connection, even one
    opened before the restore, sees the restored database; a write acknowledged before the
    restore is in the copy kept aside, and one attempted during it waits and lands in the
    restored database. A file too damaged to open is replaced by a rename instead.

    Raises:
        BackupError: the backup is damaged, is not a BrokerDesk database this version can
            open, or the database stayed busy; nothing changed.
    """
    problems = verify_backup(backup_path)
    if problems:
        raise BackupError(
            f"The backup {backup_path.name} is damaged or unreadable, so it was not restored; "
            f"your database is unchanged. ({problems[0]})"
        )
    problems = brokerdesk_schema_problems(backup_path)
    if problems:
        raise BackupError(
            f"The backup {backup_path.name} was not restored, and your database is unchanged: "
            f"{problems[0]}"
        )
    if not db_path.exists():
        copy_database(backup_path, db_path)
        return None
    try:
        return _restore_in_place(db_path, backup_path)
    except _NotInPlace:
        pass
    _ensure_not_in_use(db_path)
    incoming = db_path.with_name(db_path.name + ".restoring")
    copy_database(backup_path, incoming)
    with incoming.open("rb") as fh:
        os.fsync(fh.fileno())
    aside = _set_aside(db_path)
    os.replace(incoming, db_path)
    return aside
