"""Today's sentences are the window's own: translated with the catalogue (plural forms
included), in good English without one; the command line keeps the core's English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from brokerdesk.core.reminders import Reminder
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.today.page import TodayPage
from brokerdesk.gui.today.words import ReminderWords

pytestmark = pytest.mark.date_sensitive

DUE = dt.date(2026, 6, 15)


def reminder(kind: str, days_overdue: int = 0, **facts: object) -> Reminder:
    return Reminder(
        kind,
        "English sentence",
        "Lantern Arts Fund",
        DUE,
        days_overdue,
        "partner",
        1,
        None,
        "partner",
        1,
        **facts,  # type: ignore[arg-type]
    )


class Pirate(QTranslator):
    """A catalogue for a made-up language, with its own plural rule (one form for 1, one for
    many), as a .qm file would answer: enough to see the page asks for every sentence."""

    WORDS = {
        "Overdue": "Adrift",
        "Follow up: {0}": "Hail again: {0}",
        "Report due: {0}": "Log owed: {0}",
        "Renewal due: {0}": "Articles to sign again: {0}",
        "today": "this very tide",
    }
    COUNTED = {
        "%n day(s) overdue": ("%n day adrift", "%n days adrift, arr"),
        "in %n day(s)": ("a day hence", "%n days hence"),
    }

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context not in ("Reminders", "ReminderWords"):  # group titles, then lines
            return None
        if source in self.COUNTED:
            one, many = self.COUNTED[source]
            return (one if n == 1 else many).replace("%n", str(n))
        return self.WORDS.get(source)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pirate(qapp: QCoreApplication) -> Iterator[Pirate]:
    translator = Pirate()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_english_without_a_catalogue_says_day_and_days(qapp: QCoreApplication) -> None:
    words = ReminderWords()
    assert words.when(reminder("follow_up", 1)) == "1 day overdue"
    assert words.when(reminder("follow_up", 12)) == "12 days overdue"
    assert words.when(reminder("follow_up", 0)) == "today"
    assert words.when(reminder("follow_up", -1)) == "in 1 day"
    assert words.when(reminder("follow_up", -5)) == "in 5 days"
    assert (
        words.what(reminder("contact", 3, days_since=1, every_days=30))
        == "Not contacted for 1 day (every 30)"
    )
    assert (
        words.what(reminder("contact", 3, days_since=120, every_days=90))
        == "Not contacted for 120 days (every 90)"
    )
    assert words.what(reminder("contact", 0)) == "Never contacted"
    assert (
        words.what(reminder("deliverable", subject="Interim report", deliverable_kind="report"))
        == "Report due: Interim report"
    )
    assert words.what(reminder("notice", subject="Reading Friends")) == (
        "Last day to give notice: Reading Friends"
    )


def test_the_page_speaks_the_catalogue_language_with_its_plurals(
    qtbot: QtBot, window: MainWindow, pirate: Pirate
) -> None:
    window.open_list("today")
    page = window.pages["today"]
    assert isinstance(page, TodayPage)
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    heads = [page.model.index(g, 0) for g in range(page.model.rowCount())]
    assert heads[0].data().startswith("Adrift (")
    lines = [
        [page.model.index(r, c, head).data() for c in range(4)]
        for head in heads
        for r in range(page.model.rowCount(head))
    ]
    by_what = {line[1]: line for line in lines}
    report = by_what["Log owed: Interim report"]
    assert report[3].startswith("⚠ ") and report[3].endswith("days adrift, arr")
    follow_ups = [line for line in lines if line[1].startswith("Hail again: ")]
    assert follow_ups, "follow-ups in the catalogue's words"
    assert not any(line[1].startswith("Follow up: ") for line in lines)
    whens = {line[3] for line in lines}
    assert "this very tide" in whens
    assert any(w.endswith(" days hence") or w == "a day hence" for w in whens)
    assert not any("overdue" in w or w.startswith("in ") for w in whens)
    # The reminder itself still carries the English the command line prints.
    item = next(i for i in page.items.values() if i.kind == "deliverable")
    assert item.what.endswith(" due: " + item.subject)
