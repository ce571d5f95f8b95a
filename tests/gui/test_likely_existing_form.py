"""The new-partner and new-contact forms warn of a likely existing record as it is typed, and
Alt+X opens the existing one instead (issue 20)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from brokerdesk.core.services.likely_existing import LikelyExisting
from brokerdesk.gui.dialogs.likely_existing import PAUSE_MS
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import Location, MainWindow
from tests.gui.conftest import Announcements
from tests.gui.test_mnemonics import letters_on_screen


def new_form(window: MainWindow, entity: str) -> RecordForm:
    form = RecordForm(window.ctx, entity, None, window)
    form.show()
    return form


def test_a_mistyped_partner_is_shown_and_alt_x_opens_the_existing_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    existing = window.ctx.services.partners.create({"name": "Hollowell Sightloss Trust"}).id
    before = window.ctx.services.partners.count()
    form = new_form(window, "partner")
    hint = form.likely_existing
    assert hint is not None and not hint.isVisible(), "nothing to say before typing"
    name = form.editors["name"].focus_widget
    name.setFocus()
    QTest.keyClicks(name, "Hollowell Sight Loss Trst")
    qtbot.waitUntil(hint.isVisible, timeout=3000)
    assert hint.list.count() == 1
    assert hint.list.item(0).text() == "Hollowell Sightloss Trust — similar name"
    assert hint.list.accessibleName() == "Likely existing partner"
    assert hint.heading.buddy() is hint.list
    counts = {}
    for mark, text in letters_on_screen(form):
        counts.setdefault(mark, []).append(text)
    assert {m: t for m, t in counts.items() if len(t) > 1} == {}, "Alt+X is the form's own"

    QTest.keyClick(name, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.location == Location("partner", existing), timeout=3000)
    assert not form.isVisible()
    assert window.ctx.services.partners.count() == before, "nothing was saved"


def test_the_warning_never_stops_a_save(qtbot: QtBot, window: MainWindow) -> None:
    window.ctx.services.partners.create({"name": "The Reading Agency"})
    before = window.ctx.services.partners.count()
    form = new_form(window, "partner")
    name = form.editors["name"].focus_widget
    QTest.keyClicks(name, "Reading Agency Ltd")
    hint = form.likely_existing
    assert hint is not None
    qtbot.waitUntil(hint.isVisible, timeout=3000)
    assert "'The', 'Ltd'" in hint.list.item(0).text()
    QTest.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=3000)
    assert window.ctx.services.partners.count() == before + 1


def test_a_contact_with_a_known_address_is_shown_with_its_organisation(
    qtbot: QtBot, window: MainWindow
) -> None:
    trust = window.ctx.services.partners.create({"name": "BookTrust"}).id
    window.ctx.services.contacts.create(
        {"full_name": "Siân Llŷr", "email": "sian.llyr@booktrust.org.uk", "partner_id": trust}
    )
    form = new_form(window, "contact")
    QTest.keyClicks(form.editors["full_name"].focus_widget, "Sian")
    QTest.keyClicks(form.editors["email"].focus_widget, "SIAN.LLYR@booktrust.org.uk")
    hint = form.likely_existing
    assert hint is not None
    qtbot.waitUntil(hint.isVisible, timeout=3000)
    assert hint.list.item(0).text() == (
        "Siân Llŷr — same e-mail address (BookTrust · sian.llyr@booktrust.org.uk)"
    )
    hint.list.setFocus()
    QTest.keyClick(hint.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.location.entity == "contact", timeout=3000)
    form.deleteLater()


def test_editing_an_existing_record_shows_no_warning(window: MainWindow) -> None:
    pid = window.ctx.services.partners.create({"name": "Age UK"}).id
    window.ctx.services.partners.create({"name": "Age U.K."})
    form = RecordForm(window.ctx, "partner", pid, window)
    assert form.likely_existing is None
    form.deleteLater()


def test_the_form_opens_before_the_names_are_read_and_the_list_fills_in_and_is_read_once(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    announcements: Announcements,
) -> None:
    """A new partner's form opened with a name in it (from the search palette) is usable at
    once while a worker reads every partner's name (held here until released); then the
    warning fills in by itself and the screen reader hears it exactly once."""
    existing = window.ctx.services.partners.create({"name": "Hollowell Sightloss Trust"}).id
    real = LikelyExisting.load.__func__  # type: ignore[attr-defined]
    held, release = threading.Event(), threading.Event()

    def slow(cls: type[LikelyExisting], db: Any, entity: str) -> LikelyExisting:
        held.set()
        release.wait(30)
        return real(cls, db, entity)  # type: ignore[no-any-return]

    monkeypatch.setattr(LikelyExisting, "load", classmethod(slow))
    try:
        form = RecordForm(
            window.ctx, "partner", None, window, initial={"name": "Hollowell Sight Loss Trst"}
        )
        form.show()
        hint = form.likely_existing
        assert hint is not None and hint.loading and not hint.isVisible()
        qtbot.waitUntil(held.is_set)
        website = form.editors["website"].focus_widget
        website.setFocus()
        QTest.keyClicks(website, "hollowell.org.uk")
        assert form.editors["website"].value() == "hollowell.org.uk", "the form takes keys"
    finally:
        release.set()
    qtbot.waitUntil(hint.isVisible, timeout=5_000)
    assert not hint.loading
    assert [c.id for c in hint.candidates] == [existing]
    spoken = "1 likely existing: Hollowell Sightloss Trust, similar name. Alt+X opens it instead."
    qtbot.wait(2 * PAUSE_MS)  # the pause after the website's typing finds the same partner
    assert announcements.texts().count(spoken) == 1
    form.done(0)
