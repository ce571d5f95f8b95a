"""The one operation runner: a dialog only for slow work, Cancel, undo and one broadcast."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import func, select

from brokerdesk.core.errors import Cancelled, StorageError
from brokerdesk.core.models import LibraryService, OfferArea, Participation, Partner
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.dialogs.link_services import LinkServicesDialog
from brokerdesk.gui.operations import SHOW_AFTER_MS, Operation, error_sentence
from brokerdesk.gui.undo import LinkServices


def _parent(qtbot: QtBot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent


def _counting(ctx: AppContext, parent: QWidget, work: Any, **kwargs: Any) -> dict[str, Any]:
    """Run ``work`` as "Counting"; what the callbacks heard is returned (filled in later)."""
    heard: dict[str, Any] = {}
    Operation(
        ctx,
        parent,
        work,
        title="Counting",
        label="Counting the rows…",
        name="test-progress",
        accessible_name="Counting progress",
        sentence=lambda exc: error_sentence(
            exc, unreadable="The file could not be read: {0}.", failed="Counting failed: {0}"
        ),
        on_success=lambda result: heard.setdefault("done", result),
        on_failure=lambda text: heard.setdefault("error", text),
        on_cancel=lambda: heard.setdefault("cancelled", True),
        **kwargs,
    ).run()
    return heard


def _progress_dialog(parent: QWidget) -> QProgressDialog:
    found = parent.findChildren(QProgressDialog)
    assert len(found) == 1, "one progress dialog per operation"
    return found[0]


def _cancel(dialog: QProgressDialog) -> None:
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()


class ShowRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown += 1
        return False


class Broadcasts:
    """Every change broadcast the context sends, as the sets of views told to refresh."""

    def __init__(self, ctx: AppContext) -> None:
        self.heard: list[frozenset[str]] = []
        ctx.changes.changed.connect(self.heard.append)


def _messages(ctx: AppContext) -> list[tuple[str, bool]]:
    said: list[tuple[str, bool]] = []
    ctx.message.connect(lambda text, error: said.append((text, error)))
    return said


def _programme_and_services(ctx: AppContext) -> tuple[int, list[int]]:
    """A new live programme with no links yet, and three library services to link to it."""
    with ctx.db.read() as session:
        area = session.scalar(select(OfferArea.id).where(OfferArea.code == "reading"))
        services = list(session.scalars(select(LibraryService.id).limit(3)))
    programme = ctx.services.programmes.create(
        {"name": "Summer Reading Lab", "offer_area_id": area, "status": "live"}
    ).id
    return int(programme), services


def _linked(ctx: AppContext, programme: int) -> int:
    with ctx.db.read() as session:
        query = select(func.count()).where(Participation.programme_id == programme)
        return int(session.scalar(query) or 0)


def test_quick_work_reports_done_without_flashing_a_dialog(qtbot: QtBot, ctx: AppContext) -> None:
    parent = _parent(qtbot)
    heard = _counting(ctx, parent, lambda _progress: 42)
    dialog = _progress_dialog(parent)
    recorder = ShowRecorder()
    dialog.installEventFilter(recorder)
    qtbot.waitUntil(lambda: "done" in heard)
    qtbot.wait(SHOW_AFTER_MS + 100)  # longer than the delay: the dialog never appears
    assert heard == {"done": 42} and recorder.shown == 0
    assert not isValid(dialog)  # closed and deleted with the work


def test_slow_work_shows_one_named_dialog_that_follows_it_and_closes_itself(
    qtbot: QtBot, ctx: AppContext
) -> None:
    parent = _parent(qtbot)
    reported, release = threading.Event(), threading.Event()

    def work(progress: Any) -> str:
        progress(3, 10, "Row 3 of 10")
        reported.set()
        release.wait(10)
        return "counted"

    heard = _counting(ctx, parent, work)
    dialog = _progress_dialog(parent)
    assert reported.wait(10) and not dialog.isVisible()  # not at once: only after the delay
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Counting" and dialog.accessibleName() == "Counting progress"
    assert dialog.labelText() == "Row 3 of 10" and dialog.value() == 3
    assert dialog.accessibleDescription() == "Row 3 of 10"  # what a screen reader announces
    release.set()
    qtbot.waitUntil(lambda: "done" in heard)
    assert heard == {"done": "counted"}
    qtbot.waitUntil(lambda: not isValid(dialog))  # closed with the work


def test_a_missing_file_is_reported_as_a_sentence(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    parent = _parent(qtbot)
    missing = tmp_path / "gone.csv"
    heard = _counting(ctx, parent, lambda _progress: missing.read_text())
    qtbot.waitUntil(lambda: "error" in heard)
    assert heard == {"error": "The file could not be read: No such file or directory."}


def test_a_drivers_error_is_named_without_its_sql(qtbot: QtBot, ctx: AppContext) -> None:
    import sqlite3

    parent = _parent(qtbot)

    def work(_progress: Any) -> None:
        raise sqlite3.OperationalError("no such table: partner\n[SQL: SELECT * FROM partner]")

    heard = _counting(ctx, parent, work)
    qtbot.waitUntil(lambda: "error" in heard)
    assert heard == {"error": "Counting failed: the database could not be used"}


def test_a_failure_is_a_sentence_in_the_status_bar_never_the_drivers_text(
    qtbot: QtBot, ctx: AppContext
) -> None:
    parent = _parent(qtbot)
    said, broadcasts = _messages(ctx), Broadcasts(ctx)
    undo_steps = ctx.undo_stack.count()

    def lost_server(_progress: Any) -> None:
        raise StorageError("server closed the connection unexpectedly")

    def driver_trouble(_progress: Any) -> None:
        raise RuntimeError("(sqlite3.OperationalError) no such table: partner [SQL: SELECT …]")

    for work in (lost_server, driver_trouble):
        Operation(ctx, parent, work, title="Tidy the tags", changes=lambda _r: {"partner"}).run()
    qtbot.waitUntil(lambda: len(said) == 2)
    assert sorted(said) == [
        ("The database could not be used (server closed the connection unexpectedly).", True),
        ("Tidy the tags did not finish because of an unexpected problem (RuntimeError).", True),
    ]
    assert broadcasts.heard == [] and ctx.undo_stack.count() == undo_steps


def test_cancel_stops_the_worker_and_writes_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    parent = _parent(qtbot)
    said, broadcasts = _messages(ctx), Broadcasts(ctx)
    before = ctx.services.partners.count()
    added: list[int] = []
    stop = threading.Event()

    def work(progress: Any) -> int:
        with ctx.db.write() as session:  # one transaction: Cancelled rolls it back
            for number in range(100_000):
                session.add(Partner(name=f"Cancelled Partner {number}"))
                session.flush()
                added.append(number)
                if not progress(number, 100_000, f"Partner {number:,}"):
                    raise Cancelled("stopped")
                stop.wait(0.002)
        return len(added)

    Operation(
        ctx, parent, work, title="Add partners", total=100_000, changes=lambda _n: {"partner"}
    ).run()
    dialog = _progress_dialog(parent)
    qtbot.waitUntil(dialog.isVisible)  # long work: the dialog appears after a moment
    assert dialog.labelText().startswith("Partner ")
    _cancel(dialog)
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10_000)
    qtbot.waitUntil(lambda: bool(said))
    assert said == [("Add partners was cancelled; nothing was written.", False)]
    assert added and len(added) < 100_000  # it had written some before Cancel
    assert ctx.services.partners.count() == before  # ...and none of them stayed
    assert broadcasts.heard == []
    qtbot.waitUntil(lambda: not isValid(dialog))  # the dialog closed itself


def test_an_undoable_operation_pushes_once_broadcasts_once_and_undoes(
    qtbot: QtBot, ctx: AppContext
) -> None:
    parent = _parent(qtbot)
    programme, services = _programme_and_services(ctx)

    def linked() -> int:
        return _linked(ctx, programme)

    said, broadcasts = _messages(ctx), Broadcasts(ctx)
    undo_steps = ctx.undo_stack.count()
    text = "Link 3 library services to Summer Reading Lab"
    results: list[Any] = []
    Operation(
        ctx,
        parent,
        title=text,
        undo=LinkServices(ctx, programme, services, "invited", text),
        on_success=results.append,
    ).run()
    qtbot.waitUntil(lambda: bool(results))
    assert linked() == 3 and results[0].ids and len(results[0].ids) == 3
    assert ctx.undo_stack.count() == undo_steps + 1
    assert ctx.undo_stack.undoText() == text
    assert len(broadcasts.heard) == 1
    assert {"participation", "programme", "library_service"} <= broadcasts.heard[0]
    assert said == [(text, False)]
    ctx.undo_stack.undo()  # Ctrl+Z takes exactly those links away again
    assert linked() == 0


class HeldLink(LinkServices):
    """A bulk link whose worker waits for the test before it writes."""

    release = threading.Event()

    def perform(self) -> Any:
        self.release.wait(10)
        return super().perform()


def test_a_window_closed_mid_link_still_gets_undo_and_the_broadcast(
    qtbot: QtBot, ctx: AppContext
) -> None:
    parent = QWidget()
    parent.show()
    programme, services = _programme_and_services(ctx)
    broadcasts, undo_steps = Broadcasts(ctx), ctx.undo_stack.count()
    called: list[Any] = []
    text = "Link 3 library services to Summer Reading Lab"
    Operation(
        ctx, parent, title=text, undo=HeldLink(ctx, programme, services, "invited", text),
        on_success=called.append,
    ).run()  # fmt: skip
    parent.deleteLater()  # the user closed the window while the worker writes
    qtbot.waitUntil(lambda: not isValid(parent))
    HeldLink.release.set()
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == undo_steps + 1, timeout=10_000)
    assert _linked(ctx, programme) == 3 and len(broadcasts.heard) == 1
    assert called == []  # nothing is called on the window that is gone
    ctx.undo_stack.undo()
    assert _linked(ctx, programme) == 0


def test_abandoned_read_is_cancelled_at_once_and_its_result_dropped(
    qtbot: QtBot, ctx: AppContext
) -> None:
    parent = _parent(qtbot)
    release = threading.Event()

    def work(_progress: Any) -> str:
        release.wait(10)  # a step the worker cannot leave, such as decoding a workbook
        return "late"

    heard = _counting(ctx, parent, work, abandon_on_cancel=True)
    dialog = _progress_dialog(parent)
    qtbot.waitUntil(dialog.isVisible)
    _cancel(dialog)
    assert heard == {"cancelled": True}  # at once, while the worker is still busy
    assert ctx.tasks.busy
    release.set()
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10_000)
    qtbot.wait(20)
    assert heard == {"cancelled": True}


def test_work_that_cannot_stop_half_way_offers_no_cancel(qtbot: QtBot, ctx: AppContext) -> None:
    parent = _parent(qtbot)
    release = threading.Event()
    heard = _counting(ctx, parent, lambda _progress: release.wait(10), cancellable=False)
    dialog = _progress_dialog(parent)
    qtbot.waitUntil(dialog.isVisible)
    assert not [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    release.set()
    qtbot.waitUntil(lambda: "done" in heard)
    assert heard == {"done": True}


def test_the_link_dialog_waits_for_its_link_with_a_progress_dialog_and_cannot_be_escaped(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme, _services = _programme_and_services(ctx)
    participations = ctx.services.participations
    release = threading.Event()
    real_link = participations.link_services

    def slow_link(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)  # a big link on a slow disk
        return real_link(*args, **kwargs)

    monkeypatch.setattr(participations, "link_services", slow_link)
    parent = _parent(qtbot)
    dialog = LinkServicesDialog(ctx, programme, parent)
    dialog.show()
    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton)
    chosen = len(dialog.chosen_ids())
    assert chosen > 3
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the write has started: the dialog stays
    assert dialog.isVisible() and not dialog.link_button.isEnabled()
    progress = _progress_dialog(dialog)
    qtbot.waitUntil(progress.isVisible)  # it takes a while: the user sees why
    assert progress.accessibleName().startswith(f"Link {chosen} library services to")
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _linked(ctx, programme) == chosen
    assert ctx.undo_stack.undoText().startswith(f"Link {chosen} library services to")
