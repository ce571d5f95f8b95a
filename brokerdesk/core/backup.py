"""Backups of SQLite databases with the SQLite online backup API.

A backup is a complete, consistent copy even while the app is writing, and it is written to
a temporary name and renamed into place so that a crash never leaves half a backup that looks
whole.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from brokerdesk.core.db import Database, DatabaseError


def backup_folder(db_path: Path) -> Path:
    """Backups live beside the database, in ``<name>-backups``."""
    return db_path.with_name(f"{db_path.stem}-backups")


def make_backup(db: Database, reason: str = "manual", folder: Path | None = None) -> Path:
    """Copy the SQLite database to a timestamped file and return its path."""
    if db.path is None:
        raise DatabaseError(
            "Backups of a team server are made on the server (pg_dump), not by BrokerDesk."
        )
    return backup_file(db.path, reason=reason, folder=folder)


def backup_file(source: Path, reason: str = "manual", folder: Path | None = None) -> Path:
    target_dir = folder or backup_folder(source)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_dir / f"{source.stem}-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    if os.name == "posix":
        partial.chmod(0o600)
    os.replace(partial, target)
    return target
