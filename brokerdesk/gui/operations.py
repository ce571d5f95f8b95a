"""The one way a long or undoable action runs: worker, delayed progress, undo, one broadcast.

Every import, export, merge, bulk link and restore goes through :class:`Operation` (the idea
of Anki's ``CollectionOp``, in BrokerDesk's terms):

- ``work(progress)`` runs in ``ctx.tasks`` (the one thread pool); it reports with
  ``progress(done, total, text)`` and raises ``core.errors.Cancelled`` once that returns
  False, so its transaction rolls back and Cancel writes nothing;
- one window-modal progress dialog with Cancel appears only if the work is still running
  after :data:`SHOW_AFTER_MS` (quick work never flashes a dialog); it is named for screen
  readers, says what is happening, and closes itself however the work ends;
- on success the undo entry is pushed (for an undoable action) and the one change broadcast
  goes out, exactly once each, before ``on_success`` runs on the GUI thread;
- a failure reaches the user as a sentence (BrokerDesk's own errors are sentences already;
  anything else is named without a traceback), and Cancel says nothing was written.

Work that only reads can be *abandoned*: Cancel reports "cancelled" at once and the late
result of the worker (which may be inside a step it cannot leave, such as a workbook being
decoded) is dropped, so the window is usable straight away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.gui.tasks import Progress, Task

if TYPE_CHECKING:
    from brokerdesk.core.services.records import Change
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.undo import ServiceCommand

translate = QCoreApplication.translate  # lupdate reads translate("Operation", "…") calls
log = logging.getLogger(__name__)

SHOW_AFTER_MS = 500  # quicker work finishes without a dialog appearing at all
_NEVER_BY_ITSELF = 2**31 - 1  # QProgressDialog must not show itself: our timer does

T = TypeVar("T")


def error_sentence(exc: BaseException, *, unreadable: str, failed: str) -> str:
    """A sentence for the user, whatever went wrong in the worker.

    Args:
        exc: what the worker raised.
        unreadable: the sentence for a file-system error, with ``{0}`` for the reason
            ("The export could not be written: {0}.").
        failed: the sentence for anything else, with ``{0}`` for the error's first line
            (or, for a database driver's error, words that quote no SQL).

    BrokerDesk's own errors are already sentences for the user and are shown as they are.
    """
    if isinstance(exc, BrokerDeskError):
        return str(exc)
    if isinstance(exc, OSError):
        return unreadable.format(exc.strerror or exc)
    return failed.format(_reason(exc))


_DRIVERS = ("sqlalchemy", "sqlite3", "psycopg")


def _reason(exc: BaseException) -> str:
    """What an unexpected error says, in one line, never a driver's SQL.

    A reader's own words ("File is not a zip file") help the user; a database driver's do
    not (they quote SQL), so those are named in general terms and the details go to the log.
    """
    log.error("unexpected error in an operation", exc_info=exc)
    if type(exc).__module__.split(".")[0] in _DRIVERS:
        return translate("Operation", "the database could not be used")
    first = str(exc).strip().splitlines()
    return first[0] if first else type(exc).__name__


def plain_sentence(title: str, exc: BaseException) -> str:
    """The sentence for an action with no words of its own: never a driver's text.

    BrokerDesk's errors are shown as they are; a file-system error gives its reason; anything
    else is unexpected, so the user reads that the action did not finish and the details go
    to the log rather than to the screen.
    """
    if isinstance(exc, BrokerDeskError):
        return str(exc)
    if isinstance(exc, OSError):
        return translate("Operation", "{0} could not use a file: {1}.").format(
            title, exc.strerror or exc
        )
    log.error("%s failed", title, exc_info=exc)  # for whoever reads the log, not the user
    return translate(
        "Operation", "{0} did not finish because of an unexpected problem ({1})."
    ).format(title, type(exc).__name__)


def progress_dialog(
    parent: QWidget, title: str, label: str, total: int, *, name: str, accessible_name: str
) -> QProgressDialog:
    """A window-modal progress dialog with Cancel, hidden until its operation shows it
    (``total`` 0 makes it a busy indicator for work that cannot count)."""
    dialog = QProgressDialog(label, translate("Progress", "Cancel"), 0, max(total, 0), parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(accessible_name)
    dialog.setAccessibleDescription(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(_NEVER_BY_ITSELF)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(460)
    dialog.setValue(0)
    dialog.hide()
    return dialog


class OperationRun:
    """One running operation and the dialog that follows it.

    Attributes:
        task: the running task.
        dialog: its progress dialog, or None for work without one.
        ended: done, failed or cancelled has been reported.
    """

    def __init__(self, task: Task, dialog: QProgressDialog | None) -> None:
        self.task = task
        self.dialog = dialog
        self.ended = False
        self.timer: QTimer | None = None

    def show_now(self) -> None:
        """Put the dialog in front at once (work that writes and must not be left behind)."""
        if self.dialog is not None and not self.ended:
            self.dialog.show()

    def close_dialog(self) -> None:
        timer, self.timer = self.timer, None
        if timer is not None and isValid(timer):
            timer.stop()
        dialog, self.dialog = self.dialog, None
        if dialog is not None and isValid(dialog):  # gone with its parent window, perhaps
            dialog.canceled.disconnect()  # close() emits canceled; the task has stopped
            dialog.close()
            dialog.deleteLater()

    def abandon(self) -> None:
        """Stop the worker at its next check and report nothing more from it."""
        self.task.cancel()
        self.ended = True
        self.close_dialog()


class Operation(Generic[T]):
    """A long or undoable action: ``Operation(ctx, parent, work, title=…, …).run()``.

    Args:
        ctx: the application context (tasks, undo stack, change broadcast, messages).
        parent: the window the progress dialog belongs to. If it is deleted before the work
            ends, ``on_success``, ``on_failure`` and ``on_cancel`` are not called; work that
            writes (with ``undo`` or ``changes``) still has its undo entry pushed and its
            change broadcast, and a refusal still reaches the status bar.
        work: ``work(progress) -> result``, run in a worker. For an undoable action it may be
            None: the work is then ``undo.perform()``.
        title: what the action is called (the dialog's title, and the words of the default
            sentences).
        label: the dialog's first text (``title`` followed by "…" if empty).
        total: the number of steps, 0 when the work cannot count.
        name, accessible_name: the dialog's object name and its name for screen readers.
        undo: the command to push on the undo stack when the work succeeds; its ``perform``
            is the work, its change is broadcast and its text announced.
        changes: what to broadcast for a result (a ``Change`` or a set of table names; None
            broadcasts nothing); not needed with ``undo``.
        on_success: called with the result after the push and the broadcast.
        on_failure: called with the sentence instead of reporting it in the status bar.
        on_cancel: called instead of saying that nothing was written.
        sentence: turns the worker's exception into what the user reads.
        cancelled_text: what Cancel reports when there is no ``on_cancel``.
        abandon_on_cancel: for work that writes nothing: Cancel reports at once and whatever
            the worker does afterwards is ignored.
        show_progress: False for work without a dialog (it can still be cancelled by code).
        cancellable: False for work that cannot stop half-way (a restore): no Cancel button.
        show_after_ms: how long the work may take before the dialog appears.
    """

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        work: Callable[[Progress], T] | None = None,
        *,
        title: str,
        label: str = "",
        total: int = 0,
        name: str = "operation-progress",
        accessible_name: str = "",
        undo: ServiceCommand | None = None,
        changes: Callable[[T], Change | set[str] | None] | None = None,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        sentence: Callable[[BaseException], str] | None = None,
        cancelled_text: str | None = None,
        abandon_on_cancel: bool = False,
        show_progress: bool = True,
        cancellable: bool = True,
        show_after_ms: int = SHOW_AFTER_MS,
    ) -> None:
        if work is None:
            if undo is None:
                raise ValueError("an operation needs work or an undoable command")
            command = undo
            work = _performing(command)
        self.ctx, self.parent, self.work, self.title = ctx, parent, work, title
        self.label, self.total, self.name = label or f"{title}…", total, name
        self.accessible_name = accessible_name or translate("Operation", "{0} progress").format(
            title
        )
        self.undo, self.changes = undo, changes
        self.on_success, self.on_failure, self.on_cancel = on_success, on_failure, on_cancel
        self.sentence = sentence or (lambda exc: plain_sentence(title, exc))
        self.cancelled_text = cancelled_text or translate(
            "Operation", "{0} was cancelled; nothing was written."
        ).format(title)
        self.abandon_on_cancel = abandon_on_cancel
        self.show_progress, self.show_after_ms = show_progress, show_after_ms
        self.cancellable = cancellable

    # ------------------------------------------------------------------ outcomes
    @property
    def writes(self) -> bool:
        """Whether the work changes records (so its outcome matters beyond its window)."""
        return self.undo is not None or self.changes is not None

    def _parent_alive(self) -> bool:
        return isValid(self.parent)

    def _succeeded(self, result: T) -> None:
        if self.undo is not None:
            self.ctx.record_undoable(self.undo, result)  # type: ignore[arg-type]
        elif self.changes is not None:
            change = self.changes(result)
            if isinstance(change, (set, frozenset)):
                self.ctx.changes.broadcast(tables=set(change))
            elif change is not None:
                self.ctx.changes.broadcast(change)
        if self.on_success is not None and self._parent_alive():
            self.on_success(result)

    def _failed(self, exc: BaseException) -> None:
        text = self.sentence(exc)
        if self.on_failure is not None and self._parent_alive():
            self.on_failure(text)
        else:
            self.ctx.report_error(text)

    def _cancelled(self) -> None:
        if self.on_cancel is not None and self._parent_alive():
            self.on_cancel()
        else:
            self.ctx.notify(self.cancelled_text)

    # ------------------------------------------------------------------ running
    def run(self) -> OperationRun:
        """Start the work; exactly one of success, failure or cancel follows."""
        run: OperationRun

        def ending(then: Callable[..., None]) -> Callable[..., None]:
            def handler(*args: Any) -> None:
                if run.ended:
                    return  # abandoned: the user has already been told
                run.ended = True
                run.close_dialog()
                then(*args)

            return handler

        dialog = None
        if self.show_progress:
            dialog = progress_dialog(
                self.parent, self.title, self.label, self.total,
                name=self.name, accessible_name=self.accessible_name,
            )  # fmt: skip
            if not self.cancellable:
                dialog.setCancelButton(None)
        follow = _following(lambda: run, dialog) if dialog is not None else None
        task = self.ctx.tasks.start(
            self.work,
            self.title,
            on_done=ending(self._succeeded),
            on_error=ending(self._failed),
            on_cancel=ending(self._cancelled),
            # Work that writes reports to the context, which outlives any window: its undo
            # entry and broadcast must not be lost with a window closed meanwhile. Work that
            # only reads is delivered through its window and stops if the window goes.
            owner=self.ctx if self.writes else self.parent,
            on_progress=follow,
        )
        run = OperationRun(task, dialog)
        if dialog is not None:
            self._follow(run, dialog)
        return run

    def _follow(self, run: OperationRun, dialog: QProgressDialog) -> None:
        """The dialog's Cancel stops the task and a timer shows it after the delay."""
        task = run.task

        def cancel_pressed() -> None:
            if self.abandon_on_cancel:
                run.abandon()
                self._cancelled()
            else:
                task.cancel()  # the worker stops at its next check and reports cancelled

        dialog.canceled.connect(cancel_pressed)
        timer = QTimer(dialog)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: None if run.ended else dialog.show())
        timer.start(max(0, self.show_after_ms))
        run.timer = timer


def _following(
    current: Callable[[], OperationRun], dialog: QProgressDialog
) -> Callable[[int, int, str], None]:
    """What the dialog does with each ``progress(done, total, text)`` of the worker."""

    def follow(done: int, total: int, text: str) -> None:
        if current().dialog is None or not isValid(dialog):
            return  # ended (or abandoned): the dialog has gone
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if text and text != dialog.labelText():
            dialog.setLabelText(text)
            dialog.setAccessibleDescription(text)  # what a screen reader announces

    return follow


def _performing(command: ServiceCommand) -> Callable[[Progress], Any]:
    def work(_progress: Progress) -> Any:
        return command.perform()

    return work
