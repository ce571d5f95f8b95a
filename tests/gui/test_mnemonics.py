"""No two controls on screen share an Alt+letter, nor take one of the menu bar's (issue 17).

A shared mnemonic does not act: Qt cycles the focus between the controls instead, so Alt+E
on a record page never pressed "Edit…". Checked on every record page and dashboard tab
with the window's own menu bar, whatever letters the menus use.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core.models import Contact, Grant, Interaction, LibraryService, Partner, Programme
from brokerdesk.gui.main_window import MainWindow

MARK = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = MARK.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def letters_on_screen(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every visible control and label with a mnemonic under ``root``."""
    shown: list[tuple[str, str]] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        shown += [(mark, text) for text in texts if (mark := letter(text))]
    return shown


def clashes(window: MainWindow, root: QWidget) -> list[str]:
    menus = [(mark, a.text()) for a in window.menuBar().actions() if (mark := letter(a.text()))]
    everything = menus + letters_on_screen(root)
    count = Counter(mark for mark, _text in everything)
    return sorted(f"Alt+{m}: {t}" for m, t in everything if count[m] > 1)


MODELS = {
    "partner": Partner,
    "programme": Programme,
    "library_service": LibraryService,
    "contact": Contact,
    "interaction": Interaction,
    "funding_grant": Grant,
}


@pytest.mark.parametrize("entity", list(MODELS))
def test_a_record_page_has_no_shared_mnemonic(window: MainWindow, entity: str) -> None:
    with window.ctx.db.read() as session:
        record_id = session.scalar(select(MODELS[entity].id).limit(1))
    window.open_record(entity, record_id)
    assert window.record_page is not None
    assert len(letters_on_screen(window.record_page)) >= 2
    assert clashes(window, window.record_page) == []


def test_no_dashboard_tab_has_a_shared_mnemonic(qtbot: QtBot, window: MainWindow) -> None:
    window.open_list("dashboard")
    page = window.pages["dashboard"]
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert clashes(window, page) == [], page.tabs.tabText(index)
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=10_000)


def test_today_has_no_shared_mnemonic(window: MainWindow) -> None:
    window.open_list("today")
    page = window.pages["today"]
    assert len(letters_on_screen(page)) >= 6
    assert clashes(window, page) == []


def test_a_list_has_no_shared_mnemonic(window: MainWindow) -> None:
    for page in window.lists.values():
        window.open_list(page.entity)
        assert clashes(window, page) == [], page.entity
