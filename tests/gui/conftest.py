"""GUI fixtures: the demo world built once per session, copied per test; isolated settings.

The world is the demo database: the real library services and branches from the shipped
reference data with the fictional partnerships team's partners, programmes, participations
and interactions on them. Big enough that linking, filtering and paging are real, small
enough to build in seconds. A modal watchdog fails any test that leaves a dialog unanswered.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.demo import build_demo
from brokerdesk.core.reference.load import initialise
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.settings import Settings


def build_world(db: Database) -> None:
    """The demo world: reference data, then the demo team's records."""
    initialise(db)
    build_demo(db)


@pytest.fixture(scope="session")
def world_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gui-world") / "world.sqlite3"
    db = open_database(path, user_name="tester")
    try:
        build_world(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def world_db(world_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the session's world for one test."""
    target = tmp_path / "world.sqlite3"
    shutil.copyfile(world_file, target)
    database = open_database(target, user_name="tester")
    yield database
    database.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a file of this test's own, so no test reads a developer's layout."""
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ctx(world_db: Database, settings: Settings) -> AppContext:
    return AppContext(world_db, settings)


@pytest.fixture
def window(qtbot, ctx: AppContext) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.ctx.tasks.wait(5_000)


class ModalWatchdog:
    """Closes any modal dialog that stays open longer than ``limit_s``, and says so.

    A modal dialog runs its own event loop, where pytest-timeout's alarm cannot reach; a
    dialog no step of the test answers would otherwise hang the whole run. The watchdog's
    timer runs inside that loop, closes the dialog, and the test then fails by name.
    """

    def __init__(self, limit_s: float = 30.0) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.limit_ms = int(limit_s * 1000)
        self.stuck: list[str] = []
        self._seen: dict[int, QElapsedTimer] = {}
        self._new_clock = QElapsedTimer
        self.timer = QTimer()
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QDialog) or not modal.isVisible():
            self._seen.clear()
            return
        clock = self._seen.setdefault(id(modal), self._new_clock())
        if not clock.isValid():
            clock.start()
        elif clock.elapsed() > self.limit_ms:
            self.stuck.append(f"{type(modal).__name__} ({modal.windowTitle()!r})")
            self._seen.pop(id(modal), None)
            modal.done(0)

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture(autouse=True)
def modal_watchdog(qapp: object) -> Iterator[ModalWatchdog]:
    release_held_keys()
    watchdog = ModalWatchdog()
    yield watchdog
    watchdog.stop()
    assert not watchdog.stuck, f"modal dialog left open with nobody to answer: {watchdog.stuck}"
    left = close_open_modals()
    assert not left, f"modal dialog still open when the test ended: {left}"


def close_open_modals() -> list[str]:
    """Close every modal dialog still showing, and say which (type, title and text).

    pytest-qt closes only the widgets given to ``qtbot.addWidget``; a message box opened
    with ``open()`` on a window the test made otherwise stays up, modal, into the next test
    (which then finds ``activeModalWidget()`` taken, or its clicks blocked). Runs after the
    test's own fixtures have closed their windows.
    """
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

    QApplication.processEvents()
    found: list[str] = []
    for widget in QApplication.topLevelWidgets():
        modal = widget.isModal() or widget is QApplication.activeModalWidget()
        if not (isinstance(widget, QDialog) and widget.isVisible() and modal):
            continue
        said = ""
        if isinstance(widget, QMessageBox):
            said = widget.text()
        elif isinstance(widget, QProgressDialog):
            said = widget.labelText()
        found.append(f"{type(widget).__name__} {widget.windowTitle()!r}: {said!r}")
        widget.done(0)
    QApplication.processEvents()
    return found


def release_held_keys() -> None:
    """Let go of Shift, Ctrl, Alt or Meta that an earlier test pressed and never released.

    A shortcut that opens and closes a dialog (Ctrl+S saving a form, Shift+F1 entering What's
    This mode) can swallow its own key release; Qt then believes the key is still held and
    the next test's clicks become Ctrl- or Shift-clicks. Each test starts with none held.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    held = QApplication.keyboardModifiers()
    if held == Qt.KeyboardModifier.NoModifier:
        return
    pad = QWidget()
    pad.show()
    keys = (
        (Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Shift),
        (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Control),
        (Qt.KeyboardModifier.AltModifier, Qt.Key.Key_Alt),
        (Qt.KeyboardModifier.MetaModifier, Qt.Key.Key_Meta),
    )
    for flag, key in keys:
        if held & flag:
            QTest.keyRelease(pad, key)
    pad.close()
    pad.deleteLater()
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of QMessageBox.warning calls, answered at once instead of shown modally."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    return shown


@pytest.fixture
def not_a_database(tmp_path: Path) -> Path:
    """A file named like a database that holds plain text."""
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database")
    return notes


class Announcements(list[tuple[str, bool]]):
    """What the app asked the screen reader to say: (sentence, urgent), oldest first."""

    def texts(self) -> list[str]:
        return [text for text, _urgent in self]


@pytest.fixture
def announcements(monkeypatch: pytest.MonkeyPatch) -> Announcements:
    """Every announcement event sent through ``QAccessible.updateAccessibility``.

    PySide6 does not offer Qt's ``installUpdateHandler``; the Python-level entry point that
    ``brokerdesk.gui.announce`` calls is observed instead, and other events pass through.
    """
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    heard = Announcements()
    original = QAccessible.updateAccessibility

    def observe(event: object) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            urgent = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive
            heard.append((event.message(), urgent))
        original(event)  # type: ignore[arg-type]

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(observe))
    return heard
