"""The one way to run long work off the GUI thread: progress, cancel, result by signal.

A task is a plain function ``fn(progress)`` that runs in a QThreadPool worker with its own
database session (services open one per call). It reports through ``progress(done, total,
text)``, which returns False once the user has cancelled; the function then stops and
raises ``core.errors.Cancelled`` (its transaction rolls back, so cancel writes nothing).
The result or the error comes back on the GUI thread by signal; no worker ever touches a
widget.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from brokerdesk.core.errors import Cancelled

Progress = Callable[[int, int, str], bool]


class TaskSignals(QObject):
    """Signals:
    progress(int, int, str): done, total, what is happening.
    finished(object): the task's result.
    failed(object): the exception (BrokerDeskError messages are for the user).
    cancelled(): the user cancelled and the task stopped.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], title: str) -> None:
        super().__init__()
        self.fn = fn
        self.title = title
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, text: str = "") -> bool:
        self.signals.progress.emit(done, total, text)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the user by the GUI thread
            exc.__notes__ = [traceback.format_exc()]
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(exc)
        else:  # the work is done (perhaps written) even if Cancel came too late: say so
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they finish.

    Signals:
        busy_changed(bool): whether any task is running (for the status bar).
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._running: set[Task] = set()

    def start(
        self,
        fn: Callable[[Progress], Any],
        title: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> Task:
        task = Task(fn, title)
        if on_done:
            task.signals.finished.connect(on_done)
        if on_error:
            task.signals.failed.connect(on_error)
        if on_cancel:
            task.signals.cancelled.connect(on_cancel)
        for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
            signal.connect(lambda *_args, t=task: self._forget(t))
        self._running.add(task)
        self.busy_changed.emit(True)
        self.pool.start(task)
        return task

    def _forget(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
