"""Hearing other people's changes on a team server: PostgreSQL's LISTEN/NOTIFY.

Migration 0013 makes every statement that writes history send a notice on
:data:`CHANNEL` when its transaction commits. :class:`ChangeNotices` holds one connection of
its own that LISTENs, and :meth:`ChangeNotices.wait` says whether a notice came; what
changed is then read from the change feed (``core.changes``), which also catches up on
anything missed while the connection was down.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brokerdesk.core.db import Database

CHANNEL = "brokerdesk_changes"


class ChangeNotices:
    """One LISTENing connection to the team server (not for SQLite)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Any = None

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def connect(self) -> None:
        """Open the listening connection (the app's own address and TLS settings).

        Raises:
            Exception: the driver's error when the server cannot be reached; the caller
                falls back to polling and tries again later.
        """
        self.close()
        pooled = self.db.engine.raw_connection()
        conn = pooled.driver_connection
        if conn is None:
            raise RuntimeError("the pool gave no connection")
        pooled.detach()  # ours for as long as we listen, not the pool's
        conn.rollback()
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def wait(self, timeout: float) -> bool:
        """True when at least one change notice arrived within ``timeout`` seconds.

        Raises:
            Exception: the connection was lost (the caller reconnects).
        """
        if self._conn is None:
            raise RuntimeError("not listening")
        heard = False
        for _notice in self._conn.notifies(timeout=timeout, stop_after=1):
            heard = True
        return heard

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # gone with the server: nothing to close
                conn.close()
