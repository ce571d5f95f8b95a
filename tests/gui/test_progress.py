"""The shared progress helper: a task, a dialog only for long work, Cancel, error sentences."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

from brokerdesk.core.errors import Cancelled
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.progress import error_sentence, progress_dialog, run_with_progress


def _parent(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent


def _dialog(parent: QWidget, total: int = 0) -> QProgressDialog:
    return progress_dialog(
        parent, "Counting", "Counting the rows…", total, name="test-progress",
        accessible_name="Counting progress",
    )  # fmt: skip


def _start(ctx: AppContext, work: Any, dialog: QProgressDialog, **kwargs: Any) -> dict[str, Any]:
    heard: dict[str, Any] = {}
    run_with_progress(
        ctx,
        work,
        title="Counting",
        dialog=dialog,
        sentence=lambda exc: error_sentence(
            exc, unreadable="The file could not be read: {0}.", failed="Counting failed: {0}"
        ),
        on_done=lambda result: heard.setdefault("done", result),
        on_error=lambda text: heard.setdefault("error", text),
        on_cancel=lambda: heard.setdefault("cancelled", True),
        **kwargs,
    )
    return heard


class ShowRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown += 1
        return False


def test_quick_work_reports_done_without_flashing_a_dialog(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    parent = _parent(qtbot)
    dialog = _dialog(parent)
    recorder = ShowRecorder()
    dialog.installEventFilter(recorder)
    heard = _start(ctx, lambda _progress: 42, dialog)
    qtbot.waitUntil(lambda: "done" in heard)
    qtbot.wait(600)  # longer than the delay: the dialog never appears
    assert heard == {"done": 42} and recorder.shown == 0
    assert not isValid(dialog)  # closed and deleted with the work


def test_a_missing_file_is_reported_as_a_sentence(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = _parent(qtbot)
    missing = tmp_path / "gone.csv"
    heard = _start(ctx, lambda _progress: missing.read_text(), _dialog(parent))
    qtbot.waitUntil(lambda: "error" in heard)
    assert heard == {"error": "The file could not be read: No such file or directory."}


def test_cancel_stops_the_worker_and_reports_cancelled_once(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    parent = _parent(qtbot)
    dialog = _dialog(parent, total=1_000_000)
    steps: list[int] = []
    stop = threading.Event()

    def work(progress: Any) -> int:
        for done in range(1_000_000):
            steps.append(done)
            if not progress(done, 1_000_000, f"Row {done:,}"):
                raise Cancelled("stopped")
            stop.wait(0.001)
        return -1

    heard = _start(ctx, work, dialog)
    qtbot.waitUntil(dialog.isVisible)  # long work: the dialog appears after a moment
    assert dialog.windowTitle() == "Counting" and dialog.labelText().startswith("Row ")
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10_000)
    qtbot.waitUntil(lambda: bool(heard))
    assert heard == {"cancelled": True}
    assert len(steps) < 1_000_000


def test_abandoned_read_is_cancelled_at_once_and_its_result_dropped(qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    parent = _parent(qtbot)
    dialog = _dialog(parent)
    release = threading.Event()

    def work(_progress: Any) -> str:
        release.wait(10)  # a step the worker cannot leave, such as decoding a workbook
        return "late"

    heard = _start(ctx, work, dialog, abandon_on_cancel=True)
    qtbot.waitUntil(dialog.isVisible)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()
    assert heard == {"cancelled": True}  # at once, while the worker is still busy
    assert ctx.tasks.busy
    release.set()
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10_000)
    qtbot.wait(20)
    assert heard == {"cancelled": True}
