"""Long work with a progress dialog: start a Task, show progress after a moment, report back.

Every long piece of work the user starts (an export, an import, reading a big spreadsheet,
checking its first rows) goes the same way: the work runs in ``ctx.tasks``; a window-modal
QProgressDialog with Cancel appears only if the work is still running after a short delay
(so quick work does not flash a dialog); Cancel stops the worker at its next check; an
error comes back as a sentence; and exactly one of done, failed or cancelled is reported.

Work that only reads can be *abandoned*: Cancel reports "cancelled" at once and the late
result of the worker (which may be inside a step it cannot leave, such as a workbook being
decoded) is dropped, so the window is usable straight away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.gui.tasks import Progress, Task

translate = QCoreApplication.translate  # lupdate reads translate("Progress", "…") calls

SHOW_AFTER_MS = 400  # quicker work finishes without a dialog appearing at all
_NEVER_BY_ITSELF = 2**31 - 1  # QProgressDialog must not show itself: our timer does


def error_sentence(exc: BaseException, *, unreadable: str, failed: str) -> str:
    """A sentence for the user, whatever went wrong in the worker.

    Args:
        exc: what the worker raised.
        unreadable: the sentence for a file-system error, with ``{0}`` for the reason
            ("The export could not be written: {0}.").
        failed: the sentence for anything else, with ``{0}`` for the error.

    BrokerDesk's own errors are already sentences for the user and are shown as they are.
    """
    if isinstance(exc, BrokerDeskError):
        return str(exc)
    if isinstance(exc, OSError):
        return unreadable.format(exc.strerror or exc)
    return failed.format(exc)


def progress_dialog(
    parent: QWidget, title: str, label: str, total: int, *, name: str, accessible_name: str
) -> QProgressDialog:
    """A window-modal progress dialog with Cancel, hidden until :func:`run_with_progress`
    shows it (``total`` 0 makes it a busy indicator for work that cannot count)."""
    dialog = QProgressDialog(label, translate("Progress", "Cancel"), 0, max(total, 0), parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(accessible_name)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(_NEVER_BY_ITSELF)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(460)
    dialog.setValue(0)
    dialog.hide()
    return dialog


class ProgressRun:
    """One task and the dialog that follows it (see :func:`run_with_progress`).

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

    def close_dialog(self) -> None:
        timer, self.timer = self.timer, None
        if timer is not None:
            timer.stop()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.canceled.disconnect()  # close() emits canceled; the task has stopped
            dialog.close()
            dialog.deleteLater()

    def abandon(self) -> None:
        """Stop the worker at its next check and report nothing more from it."""
        self.task.cancel()
        self.ended = True
        self.close_dialog()


def run_with_progress(
    ctx: Any,
    work: Callable[[Progress], Any],
    *,
    title: str,
    dialog: QProgressDialog | None,
    sentence: Callable[[BaseException], str],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    on_cancel: Callable[[], None],
    abandon_on_cancel: bool = False,
    show_after_ms: int = SHOW_AFTER_MS,
    owner: QObject | None = None,
) -> ProgressRun:
    """Run ``work(progress)`` in ``ctx.tasks``; ``dialog`` follows it and its Cancel stops it.

    Args:
        work: the function for the worker; it reports with ``progress(done, total, text)``
            and raises ``Cancelled`` once that returns False.
        dialog: from :func:`progress_dialog`; shown after ``show_after_ms`` if the work is
            still running, closed when it ends.
        sentence: turns the worker's exception into what the user reads.
        on_done, on_error, on_cancel: exactly one is called, on the GUI thread, after the
            dialog has closed.
        abandon_on_cancel: for work that writes nothing: Cancel calls ``on_cancel`` at once
            and whatever the worker does afterwards is ignored.
        owner: the widget the callbacks update (by default the dialog's parent); if it is
            deleted first, none is called.
    """
    run: ProgressRun

    def ending(then: Callable[..., None]) -> Callable[..., None]:
        def handler(*args: Any) -> None:
            if run.ended:
                return  # abandoned: the user has already been told
            run.ended = True
            run.close_dialog()
            then(*args)

        return handler

    task = ctx.tasks.start(
        work,
        title,
        on_done=ending(on_done),
        on_error=ending(lambda exc: on_error(sentence(exc))),
        on_cancel=ending(on_cancel),
        owner=owner if owner is not None or dialog is None else dialog.parentWidget(),
    )
    run = ProgressRun(task, dialog)
    if dialog is None:
        return run

    def cancel_pressed() -> None:
        if abandon_on_cancel:
            run.abandon()
            on_cancel()
        else:
            task.cancel()  # the worker stops at its next check and reports cancelled

    dialog.canceled.connect(cancel_pressed)

    def follow(done: int, total: int, text: str) -> None:
        if run.dialog is None:
            return
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if text:
            dialog.setLabelText(text)

    task.signals.progress.connect(follow)
    timer = QTimer(dialog)
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: None if run.ended else dialog.show())
    timer.start(max(0, show_after_ms))
    run.timer = timer
    return run
