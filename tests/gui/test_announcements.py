"""What changes is said to the screen reader, not only painted in the status bar.

The announcements are observed where ``brokerdesk.gui.announce`` hands them to Qt (the
``announcements`` fixture): what a running screen reader would be sent to speak.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from brokerdesk.gui.main_window import MainWindow
from tests.gui.conftest import Announcements


def _open_palette(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.search_actions.palette
    qtbot.waitUntil(palette.isVisible)
    return palette


def test_palette_says_its_count_and_each_result_chosen(
    qtbot: QtBot, window: MainWindow, announcements: Announcements
) -> None:
    palette = _open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "cynon")
    qtbot.waitUntil(lambda: not palette.searching, timeout=10_000)
    count = len(palette.hit_rows())
    first = announcements[-1][0]
    assert first.startswith(f"{count} found. Library service: Rhondda Cynon Taff")
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    second = announcements[-1][0]
    assert second.startswith("Contact: ")
    assert second == palette.current_spoken()
    qtbot.keyClick(palette.field, Qt.Key.Key_Up)
    assert announcements[-1][0].startswith("Library service: Rhondda Cynon Taff")
    assert not any(urgent for _text, urgent in announcements)  # nothing interrupts the reader


def test_palette_says_when_nothing_is_found(
    qtbot: QtBot, window: MainWindow, announcements: Announcements
) -> None:
    palette = _open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "qqxxzzjj")
    qtbot.waitUntil(lambda: not palette.searching, timeout=10_000)
    assert announcements.texts()[-1] == "Nothing found for “qqxxzzjj”"


def test_a_search_in_a_list_says_how_many_it_found(
    qtbot: QtBot, window: MainWindow, announcements: Announcements
) -> None:
    page = window.lists["partner"]
    page.search.setFocus()
    qtbot.keyClicks(page.search, "sight")
    qtbot.waitUntil(lambda: page.model.state.search == "sight", timeout=3000)
    count = page.model.rowCount()
    assert count > 0
    expected = f"{count} partner" if count == 1 else f"{count} partners"
    qtbot.waitUntil(lambda: expected in announcements.texts(), timeout=3000)
    # A refresh the user did not ask for (another window's change) keeps quiet.
    before = len(announcements)
    window.ctx.changes.broadcast(tables={"partner"})
    qtbot.wait(50)
    assert len(announcements) == before


def test_a_confirmation_is_said_as_well_as_shown(
    qtbot: QtBot, window: MainWindow, announcements: Announcements
) -> None:
    window.ctx.notify("Coverage exported to /tmp/gaps.xlsx")
    assert window.statusBar().currentMessage() == "Coverage exported to /tmp/gaps.xlsx"
    assert announcements[-1] == ("Coverage exported to /tmp/gaps.xlsx", False)


def test_punctuation_alone_in_a_list_shows_nothing_and_says_why(
    qtbot: QtBot, window: MainWindow, announcements: Announcements
) -> None:
    for entity in ("partner", "interaction"):
        page = window.lists[entity]
        window.open_list(entity)
        qtbot.waitUntil(lambda p=page: p.model.rowCount() > 1, timeout=10_000)
        total = page.model.rowCount()
        assert total > 1
        page.search.setFocus()
        qtbot.keyClicks(page.search, "...")
        qtbot.waitUntil(lambda p=page: p.model.state.search == "...", timeout=3000)
        qtbot.waitUntil(lambda p=page: not p.model.busy, timeout=10_000)
        assert page.model.rowCount() == 0
        assert page.count_label.text() == "Type letters or numbers to search"
        qtbot.waitUntil(
            lambda: "Type letters or numbers to search" in announcements.texts(), timeout=3000
        )
        announcements.clear()
        page.search.clear()  # a blank field lists everything again
        qtbot.waitUntil(lambda p=page: p.model.state.search == "", timeout=3000)
        qtbot.waitUntil(lambda p=page, n=total: p.model.rowCount() == n, timeout=10_000)
        assert page.count_label.text() != "Type letters or numbers to search"
