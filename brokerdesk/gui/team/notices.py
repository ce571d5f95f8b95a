"""A listener thread that wakes live refresh when the team server says something changed.

On PostgreSQL the thread waits on a LISTENing connection (``core.team.notices``) and emits
``heard`` for each notice; live refresh then reads what changed from the change feed, so
other people's saves appear at once. While the listener is connected, live refresh does not
poll; when the connection is lost, ``listening(False)`` puts polling back until the
listener is connected again (it retries every few seconds, then every half minute).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from brokerdesk.core.team.notices import ChangeNotices

if TYPE_CHECKING:
    from brokerdesk.core.db import Database

WAIT_S = 0.5  # how often the thread looks up from waiting to see whether it should stop
RETRY_S = (1.0, 2.0, 5.0, 10.0, 30.0)


class NoticeListener(QObject):
    """LISTENs for change notices on a thread of its own.

    Signals:
        heard(): a notice came (or the listener reconnected and may have missed some).
        listening(bool): the listening connection is up (True) or lost (False).
    """

    heard = Signal()
    listening = Signal(bool)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notices = ChangeNotices(db)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="change-notices", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and wait for the thread (before the database is disposed)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(5.0)
        self.notices.close()

    def _run(self) -> None:
        failures = 0
        was_up = False
        while not self._stop.is_set():
            try:
                self.notices.connect()
                failures = 0
                was_up = True
                self.listening.emit(True)
                self.heard.emit()  # catch up on anything said while not listening
                while not self._stop.is_set():
                    if self.notices.wait(WAIT_S):
                        self.heard.emit()
            except Exception:  # the server went away: poll until it is back
                self.notices.close()
                if was_up or failures == 0:
                    self.listening.emit(False)
                was_up = False
                self._stop.wait(RETRY_S[min(failures, len(RETRY_S) - 1)])
                failures += 1
        self.notices.close()
