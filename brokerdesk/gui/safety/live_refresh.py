"""Live refresh: other people's saves appear in open views without a restart.

Every few seconds a worker thread asks the change feed (one indexed range query on the audit
trail) which kinds of record other users changed since the last look, and the answer is
broadcast on the app's one change signal, so open lists, pages and the Trash refresh exactly as
they do after this user's own saves. The query runs off the GUI thread so a slow team server
can never make the window stutter; at most one poll is in flight at a time.

This app's own writes are left out by user name (they were broadcast when they were made).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from brokerdesk.core.changes import ChangeFeed

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.team.notices import NoticeListener


class _PollSignals(QObject):
    done = Signal(object, object)  # (marker, set of entity names)
    failed = Signal(object)


class _Poll(QRunnable):
    def __init__(self, feed: ChangeFeed, since: int | None, exclude_user: str | None) -> None:
        super().__init__()
        self.feed = feed
        self.since = since
        self.exclude_user = exclude_user
        self.signals = _PollSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            marker, entities = self.feed.poll(self.since, exclude_user=self.exclude_user)
        except Exception as exc:  # a lost connection: try again at the next tick
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(marker, entities)


class LiveRefresh(QObject):
    """Polls the change feed and broadcasts other users' changes.

    Signals:
        refreshed(object): the frozenset of entity names just broadcast (for tests and the
            status bar).
    """

    refreshed = Signal(object)

    def __init__(
        self, ctx: AppContext, interval_ms: int = 3000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent or ctx)
        self.ctx = ctx
        self.feed = ChangeFeed(ctx.db)
        self.exclude_user: str | None = ctx.db.user_name
        self.marker: int | None = None
        self.failures = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: _Poll | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        # On a team server, the server's change notices wake the poll; the timer is the
        # fallback while they cannot be heard (gui/team/notices.py).
        self.listener: NoticeListener | None = None
        self._again = False

    def start(self) -> None:
        """Take the current position (nothing before it is reported) and start polling;
        on a team server, listen for change notices and poll only while they are lost."""
        self.marker = self.feed.marker()
        self.timer.start()
        if not self.ctx.db.is_sqlite and self.listener is None:
            from brokerdesk.gui.team.notices import NoticeListener

            self.listener = NoticeListener(self.ctx.db, self)
            self.listener.heard.connect(self.poll)
            self.listener.listening.connect(self._listening)
            self.listener.start()

    def stop(self) -> None:
        """Stop polling and wait for a poll in flight (call before disposing the database)."""
        self.timer.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self._pool.waitForDone(5_000)
        self._running = None
        self._again = False  # no poll follows one that answers after the stop

    @property
    def listening(self) -> bool:
        """Change notices are being heard (so the timer is not polling)."""
        return self.listener is not None and not self.timer.isActive()

    def _listening(self, up: bool) -> None:
        if self.listener is None:
            return  # stopped meanwhile
        if up:
            self.timer.stop()
        else:
            self.timer.start()

    def poll(self) -> None:
        """Start one poll unless one is still running (then one more follows it)."""
        if self._running is not None:
            self._again = True  # a notice during a poll may be about a later commit
            return
        task = _Poll(self.feed, self.marker, self.exclude_user)
        task.signals.done.connect(self._done)
        task.signals.failed.connect(self._failed)
        self._running = task
        self._pool.start(task)

    def _done(self, marker: int, entities: set[str]) -> None:
        self._running = None
        self.failures = 0
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.poll)
        if self.marker is not None and marker < self.marker:
            return  # an older answer arriving late
        self.marker = marker
        if entities:
            names = frozenset(entities)
            self.ctx.changes.broadcast(tables=set(names))
            self.refreshed.emit(names)

    def _failed(self, _exc: BaseException) -> None:
        self._running = None
        self._again = False  # the next tick (or notice) polls again
        self.failures += 1
