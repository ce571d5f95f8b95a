"""The one way to run long work off the GUI thread: progress, cancel, result by signal.

A task is a plain function ``fn(progress)`` that runs in a QThreadPool worker with its own
database session (services open one per call). It reports through ``progress(done, total,
text)``, which returns False once the user has cancelled; the function then stops and
raises ``core.errors.Cancelled`` (its transaction rolls back, so cancel writes nothing).
The result or the error comes back on the GUI thread by signal; no worker ever touches a
widget.

Lifetimes: a task's signals object belongs to the task, which the runner holds until the
worker has returned from ``run`` (not only until its last signal arrives), so a worker never
emits into a deleted object and the object is freed on the GUI thread. A caller whose
callbacks touch a widget passes it as ``owner``: the callbacks are delivered through a child
of the owner, so once the owner is gone Qt drops them (and the task is asked to stop)
instead of calling into a deleted widget.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

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
        self.returned = threading.Event()  # set as the worker leaves run(): safe to free
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
            self._run()
        finally:
            self.returned.set()

    def _run(self) -> None:
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


class _Delivery(QObject):
    """Hands a task's outcome to callbacks while its owner (this object's parent) exists.

    It lives only until it has handed over one outcome: then it stops cancelling the task
    when it goes, lets go of the callbacks (and whatever they hold) and deletes itself, so
    an owner that starts many tasks (a list's refreshes, a palette's keystrokes) does not
    gather a child per task.
    """

    def __init__(
        self,
        owner: QObject,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_cancel: Callable[[], None] | None,
        stop: threading.Event,
    ) -> None:
        super().__init__(owner)
        self._on_done, self._on_error, self._on_cancel = on_done, on_error, on_cancel
        self._stops_task = self.destroyed.connect(lambda *_args: stop.set())

    def _hand_over(self) -> None:
        """The task has reported: after this call it is neither delivered to nor stopped."""
        QObject.disconnect(self._stops_task)
        self._on_done = self._on_error = self._on_cancel = None
        self.deleteLater()  # not now: we are inside one of its slots

    @Slot(object)
    def done(self, result: Any) -> None:
        on_done = self._on_done
        self._hand_over()
        if on_done is not None:
            on_done(result)

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        on_error = self._on_error
        self._hand_over()
        if on_error is not None:
            on_error(exc)

    @Slot()
    def cancelled(self) -> None:
        on_cancel = self._on_cancel
        self._hand_over()
        if on_cancel is not None:
            on_cancel()


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
        self._running: dict[int, Task] = {}
        self._ending: list[Task] = []  # reported, perhaps still leaving run()

    def start(
        self,
        fn: Callable[[Progress], Any],
        title: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        *,
        owner: QObject | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        """Run ``fn`` in a worker; one of the callbacks follows on the GUI thread.

        Args:
            owner: the widget the callbacks update. When it is deleted first, they are not
                called and the task is cancelled.
            on_progress: hears every ``progress(done, total, text)`` on the GUI thread,
                connected before the worker starts so not even the first report is missed.
        """
        self._sweep()
        task = Task(fn, title)
        signals = task.signals
        if on_progress is not None:
            signals.progress.connect(on_progress)
        key = id(task)
        for signal in (signals.finished, signals.failed, signals.cancelled):
            signal.connect(partial(self._forget, key))  # holds no reference to the task
        if owner is not None:
            delivery = _Delivery(owner, on_done, on_error, on_cancel, task._cancel)
            signals.finished.connect(delivery.done)
            signals.failed.connect(delivery.failed)
            signals.cancelled.connect(delivery.cancelled)
        else:
            if on_done:
                signals.finished.connect(on_done)
            if on_error:
                signals.failed.connect(on_error)
            if on_cancel:
                signals.cancelled.connect(on_cancel)
        self._running[key] = task
        self.busy_changed.emit(True)
        self.pool.start(task)
        return task

    def _forget(self, key: int, *_args: Any) -> None:
        task = self._running.pop(key, None)
        if task is not None:
            self._ending.append(task)
        self._sweep()
        if not self._running:
            self.busy_changed.emit(False)

    def _sweep(self) -> None:
        """Let go of tasks whose worker has left run(), here on the GUI thread."""
        self._ending = [t for t in self._ending if not t.returned.is_set()]

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
