"""Opening a database for the app: the file or server, migrated, with its reference data.

The window imports this module only when it opens a database (start-up draws the window
before the database layer is loaded), and gets the core's errors, never the driver's.
"""

from __future__ import annotations

import os
from pathlib import Path

from brokerdesk.core.db import Database, default_database_path, open_database
from brokerdesk.core.errors import storage_errors
from brokerdesk.core.reference.load import ensure_reference_data

__all__ = [
    "Database",
    "as_database",
    "build_demo_file",
    "default_database_path",
    "open_existing",
    "open_for_app",
    "prepare_models",
]


def open_for_app(address: str | os.PathLike[str]) -> Database:
    """Open ``address`` and load the reference data a new database still lacks.

    Raises:
        BrokerDeskError: the address is unusable or the database damaged, said in words
            (a driver fault as :class:`~brokerdesk.core.errors.StorageError`).
    """
    with storage_errors():
        database = open_database(address)
        try:
            ensure_reference_data(database)
        except BaseException:
            database.dispose()
            raise
    return database


def open_existing(address: str | os.PathLike[str]) -> Database:
    """Open (and migrate) a database that must already exist, as the screenshot tools do:
    a missing or empty file is refused in words instead of becoming a new database.

    Raises:
        BrokerDeskError: the address is unusable, missing or damaged, said in words.
    """
    with storage_errors():
        return open_database(address, create=False)


def as_database(db: str | os.PathLike[str] | Database | None) -> Database:
    """An open database as it is; an address (or None: the default) opened."""
    return db if isinstance(db, Database) else open_database(db)


def prepare_models() -> None:
    """Settle the models' relationships now (start-up does it on a worker thread while the
    window is drawn), rather than on the first query a window makes."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def build_demo_file(path: Path) -> None:
    """A fresh demo database at ``path``: the real library services plus fictional partners."""
    from brokerdesk.core.demo import build_demo

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    try:
        ensure_reference_data(db)
        build_demo(db)
    finally:
        db.dispose()
