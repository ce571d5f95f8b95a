"""Background tasks started for a widget: delivered while it lives, and nothing left behind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from brokerdesk.core.errors import Cancelled
from brokerdesk.gui.tasks import Progress, TaskRunner


def _settle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    assert runner.wait(10_000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _fails(_progress: Progress) -> None:
    raise ValueError("no")


def _cancels(_progress: Progress) -> None:
    raise Cancelled()


def test_a_widget_that_starts_many_tasks_keeps_no_child_per_task(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A long list refreshes, a palette searches per keystroke: each task's delivery goes
    once it has handed over, so the window does not grow with every refresh."""
    runner = TaskRunner()
    owner = QWidget()
    qtbot.addWidget(owner)
    before = len(owner.children())
    heard: list[object] = []
    for n in range(30):
        work = (lambda _p, n=n: n, _fails, _cancels)[n % 3]
        runner.start(
            work,
            "Counting",
            on_done=heard.append,
            on_error=heard.append,
            on_cancel=lambda: heard.append("cancelled"),
            owner=owner,
        )
    _settle(qtbot, runner)
    assert len(heard) == 30
    assert len(owner.children()) == before
    assert owner.findChildren(QObject) == []


def test_a_task_that_reported_is_not_cancelled_when_its_widget_goes_later(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    owner = QWidget()
    heard: list[object] = []
    task = runner.start(lambda _p: "done", "Counting", on_done=heard.append, owner=owner)
    _settle(qtbot, runner)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert heard == ["done"]
    assert not task.is_cancelled
