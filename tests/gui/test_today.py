"""Today, driven as the team's Monday follow-ups are done: one key logs the call, marks done
or moves a date, each undoable and announced; Enter opens the record; the page follows the
day; the launcher opens on it unless told not to; the calendar file is kept up to date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core import clock
from brokerdesk.core.db import open_database
from brokerdesk.core.models import Deliverable, Interaction
from brokerdesk.gui import today as calendar_feature
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.launcher import Launcher
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.settings import KEPT_CALENDAR, TODAY_AT_START, Settings
from brokerdesk.gui.today.page import MoveDateDialog, TodayPage
from brokerdesk.gui.views.pages.grant import GrantPage
from tests.gui.conftest import Announcements
from tests.gui.drive import ModalDriver

pytestmark = [
    pytest.mark.date_sensitive,
    pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard"),
]


def today_page(qtbot: QtBot, window: MainWindow) -> TodayPage:
    window.open_list("today")
    page = window.pages["today"]
    assert isinstance(page, TodayPage)
    loaded(qtbot, page)
    return page


def loaded(qtbot: QtBot, page: TodayPage) -> None:
    """Until the reminders asked for (off the GUI thread) are on the page."""
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)


def put_cursor_on(qtbot: QtBot, page: TodayPage, what: str) -> None:
    loaded(qtbot, page)
    for uid, item in page.items.items():
        if item.what == what:
            page._choose(uid)
            assert page.current() == item
            page.tree.setFocus()
            return
    raise AssertionError(f"{what!r} is not in Today")


def press(qtbot: QtBot, page: TodayPage, key: Qt.Key) -> None:
    """A key pressed on the reminders, the window active again (after a dialog, say)."""
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, key)


def deliverable_due(window: MainWindow, title: str) -> tuple[dt.date | None, dt.date | None]:
    with window.ctx.db.read() as session:
        row = session.execute(
            select(Deliverable.due_on, Deliverable.done_on).where(Deliverable.title == title)
        ).one()
    return row.due_on, row.done_on


def test_today_groups_what_is_due_and_enter_opens_the_grant(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = today_page(qtbot, window)
    today = clock.today()
    assert page.heading.text() == f"Today: {today:%A %d %B %Y}"
    groups = [page.model.index(g, 0).data() for g in range(page.model.rowCount())]
    assert [g.split(" (")[0] for g in groups] == ["Overdue", "Today", "This week", "Next 60 days"]
    counts = [int(g.split(" (")[1].rstrip(")")) for g in groups]
    assert page.summary.text() == (
        f"{counts[0]} overdue, {counts[1]} due today, {counts[2]} this week, "
        f"{counts[3]} in the next 60 days."
    )
    assert page.tree.accessibleName() == "Reminders"
    put_cursor_on(qtbot, page, "Report due: Interim report")
    press(qtbot, page, Qt.Key.Key_Return)
    assert isinstance(window.record_page, GrantPage)
    assert window.record_page.heading.text() == "Arts in Libraries 2026–27"


def test_one_key_moves_a_date_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, announcements: Announcements
) -> None:
    page = today_page(qtbot, window)
    was, _done = deliverable_due(window, "Interim report")
    assert was is not None and was < clock.today()
    put_cursor_on(qtbot, page, "Report due: Interim report")
    press(qtbot, page, Qt.Key.Key_Plus)
    tomorrow = clock.today() + dt.timedelta(days=1)
    assert deliverable_due(window, "Interim report") == (tomorrow, None)
    loaded(qtbot, page)
    assert page.current() is not None and page.current().group == "week"  # type: ignore[union-attr]
    assert any("moved to" in text for text in announcements.texts())
    press(qtbot, page, Qt.Key.Key_W)
    assert deliverable_due(window, "Interim report")[0] == tomorrow + dt.timedelta(days=7)
    window.ctx.undo_stack.undo()
    window.ctx.undo_stack.undo()
    assert deliverable_due(window, "Interim report") == (was, None)

    def pick(dialog: MoveDateDialog) -> None:
        dialog.date_edit.setDate(QDate(2031, 1, 2))
        dialog.accept()

    put_cursor_on(qtbot, page, "Report due: Interim report")
    driver = ModalDriver(MoveDateDialog, pick)
    press(qtbot, page, Qt.Key.Key_M)
    driver.check()
    assert deliverable_due(window, "Interim report")[0] == dt.date(2031, 1, 2)
    loaded(qtbot, page)
    assert "Report due: Interim report" not in {i.what for i in page.items.values()}

    put_cursor_on(qtbot, page, "Payment due: Second instalment")
    press(qtbot, page, Qt.Key.Key_D)
    assert deliverable_due(window, "Second instalment")[1] == clock.today()
    window.ctx.undo_stack.undo()
    assert deliverable_due(window, "Second instalment")[1] is None


def test_log_call_prefills_the_form_and_clears_the_follow_up(
    qtbot: QtBot, window: MainWindow, announcements: Announcements
) -> None:
    page = today_page(qtbot, window)
    item = next(
        r for r in page.items.values() if r.kind == "follow_up" and r.partner_id is not None
    )
    put_cursor_on(qtbot, page, item.what)
    seen: dict[str, object] = {}

    def save(form: RecordForm) -> None:
        kind = form.editors["kind"].focus_widget
        assert isinstance(kind, QComboBox)
        seen["kind"] = kind.currentText()
        seen["values"] = form.values()
        form.save_button.click()

    driver = ModalDriver(RecordForm, save)
    press(qtbot, page, Qt.Key.Key_L)
    driver.check()
    assert seen["kind"] == "Call"
    values = seen["values"]
    assert isinstance(values, dict)
    assert values["partner_id"] == item.partner_id
    assert values["follow_up_on"] == f"{clock.today() + dt.timedelta(days=14):%d/%m/%Y}"
    with window.ctx.db.read() as session:
        done = session.scalar(
            select(Interaction.follow_up_done).where(Interaction.id == item.record_id)
        )
        logged = session.scalar(
            select(Interaction.subject)
            .where(Interaction.partner_id == item.partner_id, Interaction.kind == "call")
            .order_by(Interaction.id.desc())
        )
    assert done is True
    assert logged == item.what.split(": ", 1)[1]
    loaded(qtbot, page)
    assert item.uid not in page.items
    assert any("The follow-up is done" in text for text in announcements.texts())


def test_a_logged_call_is_one_undo_step_that_reopens_the_follow_up(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = today_page(qtbot, window)
    item = next(
        r for r in page.items.values() if r.kind == "follow_up" and r.partner_id is not None
    )
    put_cursor_on(qtbot, page, item.what)
    stack = window.ctx.undo_stack
    steps = stack.count()

    def calls_with_partner() -> int:
        with window.ctx.db.read() as session:
            found = session.scalars(
                select(Interaction.id).where(
                    Interaction.partner_id == item.partner_id, Interaction.kind == "call"
                )
            ).all()
            return len(found)

    calls_before = calls_with_partner()
    titles: list[str] = []

    def save(form: RecordForm) -> None:
        titles.append(form.windowTitle())
        form.save_button.click()

    driver = ModalDriver(RecordForm, save)
    press(qtbot, page, Qt.Key.Key_L)
    driver.check()
    assert titles == ["Log call"]
    assert stack.count() == steps + 1, "the call and the follow-up done: one step"
    assert window.undo_action.text() == "&Undo Log call"
    assert calls_with_partner() == calls_before + 1
    loaded(qtbot, page)
    assert item.uid not in page.items

    window.undo_action.trigger()  # one Ctrl+Z: no call logged, the follow-up open again
    assert calls_with_partner() == calls_before
    loaded(qtbot, page)
    assert item.uid in page.items
    assert stack.count() == steps + 1 and stack.index() == steps

    stack.redo()
    assert calls_with_partner() == calls_before + 1
    loaded(qtbot, page)
    assert item.uid not in page.items


def test_the_page_follows_the_day_when_left_open(qtbot: QtBot, window: MainWindow) -> None:
    page = today_page(qtbot, window)
    before = {uid: r.days_overdue for uid, r in page.items.items()}
    with clock.pinned(clock.now() + dt.timedelta(days=1)):
        page._check_day()
        assert page.heading.text() == f"Today: {clock.today():%A %d %B %Y}"
        loaded(qtbot, page)
        after = {uid: r.days_overdue for uid, r in page.items.items()}
    kept = set(before) & set(after)
    assert kept, "the same reminders, read again for the new day"
    assert {after[uid] - before[uid] for uid in kept} == {1}, "each one a day further on"


@pytest.fixture
def launched(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Launcher, Path]]:
    path = tmp_path / "team.sqlite3"
    open_database(path).dispose()
    settings = Settings(QSettings(str(tmp_path / "launcher.ini"), QSettings.Format.IniFormat))
    yield Launcher(settings), path


def test_the_app_opens_on_today_unless_turned_off(
    qtbot: QtBot, launched: tuple[Launcher, Path]
) -> None:
    launcher, path = launched
    assert launcher.open(str(path))
    window = launcher.window
    assert window is not None
    assert window.location.entity == "today"
    assert not window.registered_actions["go.back"].isEnabled()
    page = window.pages["today"]
    assert isinstance(page, TodayPage)
    page.at_start.click()  # "Show Today when BrokerDesk opens", off
    assert launcher.settings.get(TODAY_AT_START) == 0
    qtbot.waitUntil(lambda: window.safety.integrity_result is not None, timeout=10_000)
    window.ctx.tasks.wait(10_000)
    assert launcher.open(str(path))  # the launcher closes the first window
    again = launcher.window
    assert again is not None and again is not window
    qtbot.addWidget(again)
    assert again.location.entity == "partner"
    qtbot.waitUntil(lambda: again.safety.integrity_result is not None, timeout=10_000)
    again.ctx.tasks.wait(10_000)
    again.close()
    again.ctx.db.dispose()


def test_a_kept_calendar_file_follows_every_change(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "calendar"
    monkeypatch.setattr(
        calendar_feature, "choose_calendar_file", lambda *_a: target.with_suffix(".ics")
    )
    kept = window.calendar_actions
    kept.keep.trigger()
    ics = target.with_suffix(".ics")
    assert kept.keep.isChecked()
    qtbot.waitUntil(lambda: window.ctx.settings.get(KEPT_CALENDAR) == str(ics), timeout=5_000)
    assert ics.exists()

    def titles() -> set[str]:
        return {str(e["summary"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")}

    assert any("Interim report" in t for t in titles())
    page = today_page(qtbot, window)
    put_cursor_on(qtbot, page, "Report due: Interim report")
    press(qtbot, page, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: not any("Interim report" in t for t in titles()), timeout=5_000)
    kept.keep.trigger()
    assert not kept.keep.isChecked()


def test_a_call_to_a_partner_past_its_cadence_is_one_undo_step_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = today_page(qtbot, window)
    item = next(r for r in page.items.values() if r.kind == "contact")
    put_cursor_on(qtbot, page, item.what)
    steps = window.ctx.undo_stack.count()
    driver = ModalDriver(RecordForm, lambda form: form.save_button.click())
    press(qtbot, page, Qt.Key.Key_L)
    driver.check()
    assert window.ctx.undo_stack.count() == steps + 1
    assert window.undo_action.text() == "&Undo Log call"
    loaded(qtbot, page)
    assert item.uid not in page.items, "contacted today: no longer past its cadence"
    window.undo_action.trigger()
    loaded(qtbot, page)
    assert item.uid in page.items


def test_export_calendar_writes_the_file_in_the_background_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    announcements: Announcements,
) -> None:
    """Export ▸ Calendar (.ics)… returns to the window at once; the file is written by a
    worker, then the status bar says (and the screen reader hears) how many reminders
    went where, and the file holds them."""
    target = tmp_path / "team reminders"
    monkeypatch.setattr(calendar_feature, "choose_calendar_file", lambda *_a: target)
    window.registered_actions["export.calendar"].trigger()
    assert not target.exists() and window.ctx.tasks.busy, "written by a worker"
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=10_000)
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    said = f"{len(events)} reminders written to {target}."
    assert events and window.statusBar().currentMessage() == said
    assert announcements.texts().count(said) == 1
    assert any("Interim report" in str(e["summary"]) for e in events)


def test_a_calendar_that_cannot_be_written_says_why_and_is_not_kept(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder")
    nowhere = not_a_folder / "reminders.ics"
    monkeypatch.setattr(calendar_feature, "choose_calendar_file", lambda *_a: nowhere)
    keep = window.calendar_actions.keep
    keep.trigger()
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=10_000)
    box = window.findChild(QMessageBox, "error-message")
    assert box is not None and box.text() == (
        f"The calendar was not written: Cannot write to {not_a_folder}: part of the path is "
        "a file, not a folder. Nothing was written."
    )
    box.close()
    assert not keep.isChecked() and not window.ctx.settings.get(KEPT_CALENDAR)
