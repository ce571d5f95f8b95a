"""Tools ▸ Team… and the window obeying a person's role on a team server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.team import people
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.settings import Settings
from brokerdesk.gui.team.dialog import AddPersonDialog, TeamDialog
from brokerdesk.gui.team.feature import open_team_dialog
from tests.gui.conftest import Announcements
from tests.team.conftest import as_login, new_login, owner_db

__all__ = ["new_login", "owner_db"]  # the fixtures, used by name


def _window(qtbot, db: Database, settings: Settings) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(AppContext(db, settings))
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def viewer_db(
    owner_db: Database, pg_migrated_url: str, new_login: Callable[[str], str]
) -> Iterator[Database]:
    login = new_login("vera")
    people.add_person(owner_db, login, "viewer", password="pw")
    db = open_database(as_login(pg_migrated_url, login))
    yield db
    db.dispose()


def test_an_admin_adds_re_roles_and_removes_a_person(
    qtbot,
    owner_db: Database,
    settings: Settings,
    new_login: Callable[[str], str],
    announcements: Announcements,
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, owner_db, settings)
    role_line = window.team_actions.role_label
    assert role_line is not None and role_line.text() == "Admin of the team server"
    team = window.registered_actions["tools.team"]
    assert team.isEnabled()
    team.trigger()
    dialog = window.team_actions.dialog
    assert isinstance(dialog, TeamDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)  # read from the server in a worker
    login = new_login("sam")

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    adding = dialog.findChild(AddPersonDialog)
    assert adding is not None and adding.isVisible()
    qtbot.keyClicks(adding.login, login)
    qtbot.keyClicks(adding.password, "typed once")
    qtbot.keyClicks(adding.again, "typed twice")
    qtbot.mouseClick(adding.ok, Qt.MouseButton.LeftButton)
    assert adding.isVisible() and "differ" in adding.problem.text()
    qtbot.keyClicks(adding.again, "typed once")
    qtbot.mouseClick(adding.ok, Qt.MouseButton.LeftButton)
    assert not adding.isVisible()
    assert adding.password.text() == "", "the dialog keeps no copy of the password"
    qtbot.waitUntil(lambda: {"login": login, "role": "viewer"} in dialog.model.rows, timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.status.text() == f"{login} joined the team."
    assert announcements.texts().count(f"{login} joined the team.") == 1
    assert dialog.chosen_login() == login

    dialog.role.setCurrentIndex(dialog.role.findData("editor"))
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: {"login": login, "role": "editor"} in dialog.model.rows, timeout=10_000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert {p.login: p.role for p in people.people(owner_db)}[login] == "editor"

    asked: list[str] = []
    dialog.confirm = lambda who: asked.append(who) or True
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert asked == [login]
    qtbot.waitUntil(
        lambda: login not in [row["login"] for row in dialog.model.rows], timeout=10_000
    )
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    dialog.close()


def test_a_slow_server_leaves_the_dialog_answering_and_a_refusal_is_a_sentence(
    qtbot,
    owner_db: Database,
    settings: Settings,
    new_login: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
    announcements: Announcements,
) -> None:  # type: ignore[no-untyped-def]
    """The server's answer is held until released: the dialog opens at once, says what it
    waits for and holds its buttons, the window still takes keys; the list then fills in.
    Removing someone the server no longer knows ends in the server's sentence, read out."""
    login = new_login("kit")
    people.add_person(owner_db, login, "editor", password="pw")
    window = _window(qtbot, owner_db, settings)
    real = people.people
    held, release = threading.Event(), threading.Event()

    def slow(db: Database) -> Any:
        held.set()
        release.wait(30)
        return real(db)

    monkeypatch.setattr(people, "people", slow)
    try:
        dialog = open_team_dialog(window, window.team_actions)
        qtbot.waitUntil(held.is_set)
        assert dialog.busy and dialog.status.text() == "Reading the people on the team…"
        assert not dialog.add_button.isEnabled()
        search = window.lists["partner"].search
        search.setFocus()
        qtbot.keyClicks(search, "reading")
        assert search.text() == "reading", "the window is not frozen"
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    partners = window.lists["partner"].model
    qtbot.waitUntil(lambda: partners.state.search == "reading", timeout=5_000)
    assert dialog.add_button.isEnabled() and dialog.status.text() == ""
    assert {"login": login, "role": "editor"} in dialog.model.rows

    people.remove_person(owner_db, login)  # someone else took them off meanwhile
    dialog.table.selectRow(dialog.model.row_of("login", login))
    dialog.confirm = lambda _who: True
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    said = f"There is no login called {login}."
    assert dialog.status.text() == said
    assert (said, True) in announcements
    dialog.close()


def test_a_viewer_sees_why_changing_is_off(qtbot, viewer_db: Database, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, viewer_db, settings)
    why = "You can view but not change records: ask an admin (Tools ▸ Team…)."
    role_line = window.team_actions.role_label
    assert role_line is not None and role_line.text() == why
    for action_id in ("edit.new", "edit.edit", "edit.delete", "file.import"):
        action = window.registered_actions[action_id]
        assert not action.isEnabled(), action_id
        assert action.toolTip() == why
    window.open_list("partner")
    QApplication.processEvents()
    assert not window.registered_actions["edit.new"].isEnabled(), "still off on another list"
    team = window.registered_actions["tools.team"]
    assert not team.isEnabled()
    assert "Only an admin" in team.toolTip()


def test_on_a_file_the_team_item_says_it_is_for_a_server(window: MainWindow) -> None:
    team = window.registered_actions["tools.team"]
    assert not team.isEnabled()
    assert "team server" in team.toolTip()
    assert window.team_actions.role_label is None
    assert window.registered_actions["edit.new"].isEnabled()


def test_the_dialog_reads_every_control_by_its_label(
    qtbot, owner_db: Database, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, owner_db, settings)
    dialog = open_team_dialog(window, window.team_actions)
    assert dialog.table.accessibleName() == "People on the team"
    assert dialog.role.accessibleName() == "Role of the chosen person"
    adding = dialog.add_person()
    assert [adding.login.accessibleName(), adding.password.accessibleName()] == [
        "Login",
        "Password",
    ]
    adding.reject()
    dialog.close()
