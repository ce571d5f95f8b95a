"""The menus and the toolbar, as gui/menu_layout.py declares them (#15), read by keyboard (#17).

Every id the layout places has an action and every action a place; the menus show what the
layout says, in its order; no two items of a menu (nor two menus) answer the same Alt key,
and no two actions the same shortcut; a disabled item stays in its menu.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from brokerdesk.core.db import open_database
from brokerdesk.gui import menu_layout
from brokerdesk.gui.launcher import Launcher
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.settings import Settings


@pytest.fixture
def launched(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The window the launcher shows, with its own File actions."""
    path = tmp_path / "team.sqlite3"
    open_database(path).dispose()
    settings = Settings(QSettings(str(tmp_path / "launcher.ini"), QSettings.Format.IniFormat))
    launcher = Launcher(settings)
    assert launcher.open(str(path))
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    yield window
    qtbot.waitUntil(lambda: window.safety.integrity_result is not None, timeout=10_000)
    window.ctx.tasks.wait(10_000)
    window.close()
    window.ctx.db.dispose()


def mnemonic(text: str) -> str | None:
    """The Alt key of a menu text ('&Edit…' -> 'e'), None without one ('&&' is a plain &)."""
    index = 0
    while (index := text.find("&", index)) >= 0 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def clashes(texts: list[str]) -> dict[str, list[str]]:
    """Texts that share an Alt key, by key."""
    keys = Counter(key for text in texts if (key := mnemonic(text)) is not None)
    return {
        key: [text for text in texts if mnemonic(text) == key]
        for key, count in keys.items()
        if count > 1
    }


def menus_of(window: MainWindow) -> Iterator[QMenu]:
    """Every menu of the menu bar, and their submenus."""

    def walk(menu: QMenu) -> Iterator[QMenu]:
        yield menu
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                yield from walk(submenu)

    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        yield from walk(menu)


def test_every_id_has_an_action_and_every_action_a_place(launched: MainWindow) -> None:
    registered = launched.registered_actions
    assert menu_layout.missing_ids(registered, with_launcher=True) == []
    assert menu_layout.unplaced_ids(registered) == []
    # No feature slips an action into the window without an id: each one is registered.
    assert set(launched.actions()) == set(registered.values())


def test_an_embedded_window_lacks_only_the_launchers_file_actions(window: MainWindow) -> None:
    registered = window.registered_actions
    assert menu_layout.missing_ids(registered, with_launcher=True) == sorted(
        menu_layout.LAUNCHER_ONLY
    )
    assert menu_layout.missing_ids(registered, with_launcher=False) == []
    file_menu = window.menus["file"].actions()
    assert file_menu[0] is window.import_actions.import_file  # no separator left on top
    assert not file_menu[-1].isSeparator()


def test_the_checks_find_a_missing_and_an_unplaced_action(window: MainWindow) -> None:
    registered = dict(window.registered_actions)
    registered.pop("edit.history")
    registered["tools.nowhere"] = QAction("Nowhere", window)
    assert menu_layout.missing_ids(registered, with_launcher=False) == ["edit.history"]
    assert menu_layout.unplaced_ids(registered) == ["tools.nowhere"]
    assert clashes(["&Back up now", "&Quit", "Open &recent", "&Restore…"]) == {
        "r": ["Open &recent", "&Restore…"]
    }
    assert mnemonic("Fish && &Chips") == "c" and mnemonic("Partners") is None


def test_menus_and_toolbar_show_the_layout_in_its_order(launched: MainWindow) -> None:
    registered = launched.registered_actions
    titles = [action.text() for action in launched.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Go", "&View", "E&xport", "&Tools", "&Help"]
    for layout in menu_layout.MENU_BAR:
        shown = launched.menus[layout.key].actions()
        wanted = [item for item in layout.items]
        assert [menu_layout.SEPARATOR if action.isSeparator() else action for action in shown] == [
            item if item == menu_layout.SEPARATOR else registered[item] for item in wanted
        ]
    toolbar = [
        "-" if action.isSeparator() else action.text().replace("&", "")
        for action in launched.toolbar.actions()
    ]
    assert toolbar == [
        *("Back", "Forward", "-", "New…", "Edit…", "Delete…", "-"),
        *("Undo", "Redo", "Refresh", "Export view…", "-", "Import…"),
    ]
    file_menu = [a.text() for a in launched.menus["file"].actions() if not a.isSeparator()]
    assert file_menu == [
        "&New database…",
        "&Open database…",
        "Connect to a &team server…",
        "Open &recent",
        "Move to a team &server…",
        "&Import…",
        "&Log e-mail…",
        "Import e-&mails from folder…",
        "&Print…",
        "Print pre&view…",
        "&Back up now",
        "Restore from bac&kup…",
        "&Quit",
    ]


def test_no_two_items_of_a_menu_answer_the_same_alt_key(launched: MainWindow) -> None:
    bar = [action.text() for action in launched.menuBar().actions()]
    assert clashes(bar) == {}
    for menu in menus_of(launched):
        texts = [action.text() for action in menu.actions() if not action.isSeparator()]
        assert clashes(texts) == {}, menu.title()


def test_no_two_actions_answer_the_same_shortcut(launched: MainWindow) -> None:
    keys = Counter(
        key.toString()
        for action in launched.registered_actions.values()
        for key in action.shortcuts()
        if not key.isEmpty()
    )
    assert keys, "the window's actions have shortcuts"
    assert [key for key, count in keys.items() if count > 1] == []
    # A record page's own shortcuts (Ctrl+I, Log interaction) are not the window's either:
    # the same key twice would make Qt run neither.
    partner = launched.ctx.services.partners.create({"name": "Shortcut Trust"}).ids[0]
    launched.open_record("partner", partner)
    page = launched.record_page
    assert page is not None
    on_page = {
        key.toString() for action in page.findChildren(QAction) for key in action.shortcuts()
    }
    assert "Ctrl+I" in on_page
    assert on_page & set(keys) == set()


def test_a_disabled_item_stays_in_its_menu(launched: MainWindow) -> None:
    edit = launched.registered_actions["edit.edit"]
    assert not edit.isEnabled()  # nothing is selected in the Partners list
    assert edit.isVisible() and edit in launched.menus["edit"].actions()
    back = launched.registered_actions["go.back"]
    assert not back.isEnabled() and back.isVisible()


def test_the_arrow_keys_stop_on_a_disabled_item(qtbot: QtBot, launched: MainWindow) -> None:
    """A screen reader reads the item the arrow keys reach: a skipped item is never heard."""
    menu = launched.menus["edit"]
    undo, redo = (launched.registered_actions[i] for i in ("edit.undo", "edit.redo"))
    assert not undo.isEnabled() and not redo.isEnabled()  # nothing done yet
    menu.popup(launched.mapToGlobal(launched.rect().center()))
    qtbot.waitExposed(menu)
    try:
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        assert menu.activeAction() is undo
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        assert menu.activeAction() is redo
    finally:
        menu.close()


def test_a_recent_database_with_an_ampersand_keeps_its_name(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    """'R&D.sqlite3' in File ▸ Open recent is shown whole, not as 'RD' with D its Alt key."""
    launched.settings.add_recent_database(str(tmp_path / "R&D.sqlite3"))
    recent = launched.registered_actions["file.open_recent"].menu()
    assert isinstance(recent, QMenu)
    recent.aboutToShow.emit()
    texts = [action.text() for action in recent.actions()]
    assert texts[0] == str(tmp_path / "R&&D.sqlite3")
    assert clashes(texts) == {} and mnemonic(texts[0]) is None
