"""SCENARIOS 1 and 3 done with the keyboard alone, read through the accessibility tree.

Every key goes to the widget that has the focus (as a keyboard does); after each, the test
asks ``QAccessible`` what a screen reader would say about the focus: its name, role and
value. A combo box is named by the label it is labelled by (on Linux its own name is its
value: Orca reads the label relation), everything else by its own accessible name. Each
Tab stop walked past must have a name: an unnamed stop is a silent one.

Task 3 is walked to its end: the exported gap list, then the whole gap list invited to the
best-fitting live programme in one action, and one Ctrl+Z taking the invitations back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core import clock
from brokerdesk.core.models import Contact, Interaction, Participation, Partner, Programme
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from tests.gui.conftest import Announcements
from tests.gui.drive import ModalDriver

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NAME, VALUE = QAccessible.Text.Name, QAccessible.Text.Value
R = QAccessible.Role
CHARITY = "Sight Matters UK"
FUNDER = "Coastline Heritage Fund"  # a funder of the demo world
PROGRAMME = "Audio Described Reading"
VIPPP = "Vision and Print Impaired People's Promise"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def heard(widget: QWidget | None = None) -> tuple[str, QAccessible.Role, str]:
    """(name, role, value) of the focus, as a screen reader on Linux reads them."""
    said = QAccessible.queryAccessibleInterface(widget or focused())
    name = said.text(NAME)
    if said.role() == R.ComboBox:
        labels = said.relations(QAccessible.RelationFlag.Label)
        name = labels[0][0].text(NAME) if labels else ""
    return name, said.role(), said.text(VALUE)


def key(qtbot: QtBot, pressed: Qt.Key, modifiers: Qt.KeyboardModifier = NO) -> None:
    qtbot.keyClick(focused(), pressed, modifiers)
    QApplication.processEvents()  # as between two key presses of a person


def type_in(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    QApplication.processEvents()


def tab_to(qtbot: QtBot, name: str, limit: int = 30) -> tuple[str, QAccessible.Role, str]:
    """Press Tab until the focus is called ``name``; every stop on the way has a name."""
    for _ in range(limit):
        key(qtbot, Qt.Key.Key_Tab)
        now = heard()
        assert now[0], f"a silent Tab stop: {type(focused()).__name__}"
        if now[0] == name:
            return now
    raise AssertionError(f"Tab never reached {name!r}")


def back_in(qtbot: QtBot, window: MainWindow) -> None:
    """The dialog closed: the window is active again (a window manager's part, offscreen)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def answered(qtbot: QtBot, driver: ModalDriver) -> None:
    """The form the last key opened was driven and closed (a mnemonic clicks a button
    100 ms later, as it shows the button pressed)."""
    qtbot.waitUntil(lambda: driver.ran or driver.error is not None, timeout=10_000)
    driver.check()


def in_a_form(steps):  # type: ignore[no-untyped-def]
    """Run ``steps`` in the next record form, once it has the focus."""

    def run(form: RecordForm) -> None:
        QApplication.processEvents()
        steps(form)

    return ModalDriver(RecordForm, run)


def test_scenario_1_a_new_partner_and_programme_by_keyboard(
    qtbot: QtBot, window: MainWindow, announcements: Announcements
) -> None:
    back_in(qtbot, window)
    key(qtbot, Qt.Key.Key_1, CTRL)  # Partners
    assert window.location.entity == "partner"

    # --- the charity
    def partner(form: RecordForm) -> None:
        assert heard() == ("Name *", R.EditableText, "")
        type_in(qtbot, CHARITY)
        assert heard()[2] == CHARITY
        key(qtbot, Qt.Key.Key_Tab)
        assert heard() == ("Type *", R.ComboBox, "Charity")
        key(qtbot, Qt.Key.Key_Tab)
        assert heard()[:2] == ("Status *", R.ComboBox)
        type_in(qtbot, "A")
        assert heard() == ("Status *", R.ComboBox, "Active")
        key(qtbot, Qt.Key.Key_S, CTRL)

    driver = in_a_form(partner)
    key(qtbot, Qt.Key.Key_N, CTRL)
    answered(qtbot, driver)
    back_in(qtbot, window)
    assert heard() == (f"Partner: {CHARITY}", R.StaticText, "")

    # --- its two contacts, from its page (Alt+C: Add contact…)
    for contact, role in (("Amara Okafor", "Head of Partnerships"), ("Ben Hale", "Audio Lead")):

        def add_contact(form: RecordForm, contact: str = contact, role: str = role) -> None:
            assert heard() == ("Name *", R.EditableText, "")
            type_in(qtbot, contact)
            assert tab_to(qtbot, "Role") == ("Role", R.EditableText, "")
            type_in(qtbot, role)
            assert tab_to(qtbot, "Partner")[1:] == (R.ComboBox, CHARITY)  # filled in
            key(qtbot, Qt.Key.Key_S, CTRL)

        driver = in_a_form(add_contact)
        key(qtbot, Qt.Key.Key_C, ALT)
        answered(qtbot, driver)
        back_in(qtbot, window)
        assert "contact" in announcements.texts()[-1].lower()

    # --- the programme, led by the charity, with a funder as second partner
    def programme(form: RecordForm) -> None:
        assert heard() == ("Name *", R.EditableText, "")
        type_in(qtbot, PROGRAMME)
        assert tab_to(qtbot, "Offer area *")[1] == R.ComboBox
        type_in(qtbot, VIPPP)
        assert heard() == ("Offer area *", R.ComboBox, VIPPP)
        assert tab_to(qtbot, "Status *")[1] == R.ComboBox
        type_in(qtbot, "L")
        assert heard() == ("Status *", R.ComboBox, "Live")
        assert tab_to(qtbot, "Starts") == ("Starts", R.EditableText, "")
        type_in(qtbot, "01/07/2026")
        assert tab_to(qtbot, "Ends") == ("Ends", R.EditableText, "")
        type_in(qtbot, "31/03/2027")
        assert tab_to(qtbot, "Target (library services)")[1] == R.EditableText
        type_in(qtbot, "30")
        assert tab_to(qtbot, "Partner 1:") == ("Partner 1:", R.ComboBox, CHARITY)
        key(qtbot, Qt.Key.Key_Tab)
        assert heard() == ("Role of partner 1", R.ComboBox, "Lead partner")
        assert tab_to(qtbot, "Add a partner")[1] == R.Button
        key(qtbot, Qt.Key.Key_Space)
        assert heard() == ("Partner 2:", R.ComboBox, "")
        type_in(qtbot, FUNDER)
        key(qtbot, Qt.Key.Key_Tab)
        assert heard()[:2] == ("Role of partner 2", R.ComboBox)
        type_in(qtbot, "F")
        assert heard() == ("Role of partner 2", R.ComboBox, "Funder")
        assert tab_to(qtbot, "Save") == ("Save", R.Button, "")
        key(qtbot, Qt.Key.Key_Space)

    driver = in_a_form(programme)
    key(qtbot, Qt.Key.Key_P, ALT)  # Add programme…
    answered(qtbot, driver)
    back_in(qtbot, window)
    assert heard() == (f"Programme: {PROGRAMME}", R.StaticText, "")
    reach = tab_to(qtbot, "Library services: 0 of a target of 30")
    assert reach[1] == R.StaticText

    # --- the kick-off meeting, with a follow-up in two weeks (Ctrl+I from anywhere)
    follow_up = clock.today() + dt.timedelta(days=14)

    def kick_off(form: RecordForm) -> None:
        assert heard() == ("Kind *", R.ComboBox, "Meeting")
        assert tab_to(qtbot, "Subject *") == ("Subject *", R.EditableText, "")
        type_in(qtbot, "Kick-off meeting")
        assert tab_to(qtbot, "Programme")[1:] == (R.ComboBox, PROGRAMME)
        assert tab_to(qtbot, "Follow up on") == ("Follow up on", R.EditableText, "")
        type_in(qtbot, follow_up.strftime("%d/%m/%Y"))
        key(qtbot, Qt.Key.Key_S, CTRL)

    driver = in_a_form(kick_off)
    key(qtbot, Qt.Key.Key_I, CTRL)
    answered(qtbot, driver)

    with window.ctx.db.read() as session:
        charity = session.scalar(select(Partner).where(Partner.name == CHARITY))
        assert charity is not None and charity.status == "active"
        people = session.scalars(select(Contact.full_name).where(Contact.partner_id == charity.id))
        assert sorted(people) == ["Amara Okafor", "Ben Hale"]
        made = session.scalar(select(Programme).where(Programme.name == PROGRAMME))
        assert made is not None and made.target_services == 30 and made.status == "live"
        assert made.offer_area.name == VIPPP
        roles = {(link.partner.name, link.role) for link in made.partner_links}
        assert roles == {(CHARITY, "lead"), (FUNDER, "funder")}
        meeting = session.scalar(select(Interaction).where(Interaction.programme_id == made.id))
        assert meeting is not None and meeting.subject == "Kick-off meeting"
        assert meeting.follow_up_on == follow_up


def test_scenario_3_the_gap_list_by_keyboard(
    qtbot: QtBot,
    window: MainWindow,
    announcements: Announcements,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    back_in(qtbot, window)
    key(qtbot, Qt.Key.Key_1, CTRL)
    # From the list, Tab leaves the table for the navigation; the arrows choose a page.
    assert tab_to(qtbot, "Navigation")[1] == R.List
    navigation = QAccessible.queryAccessibleInterface(focused())
    while navigation.focusChild() is None or navigation.focusChild().text(NAME) != "Dashboard":
        key(qtbot, Qt.Key.Key_Down)
    assert window.location.entity == "dashboard"
    dashboard = window.pages["dashboard"]
    # The Coverage tab's filters, then the matrix.
    assert tab_to(qtbot, "Coverage matrix") == ("Coverage matrix", R.Table, "")
    matrix = dashboard.coverage.table

    def cell() -> str:
        current = QAccessible.queryAccessibleInterface(matrix).focusChild()
        assert current is not None and current.role() == R.Cell
        return str(current.text(NAME))

    key(qtbot, Qt.Key.Key_Home, CTRL)
    while not cell().startswith("Health & Wellbeing"):
        before = cell()
        key(qtbot, Qt.Key.Key_Down)
        assert cell() != before, "the matrix has no Health & Wellbeing row"
    while not cell().startswith("Health & Wellbeing, North West:"):
        before = cell()
        key(qtbot, Qt.Key.Key_Right)
        assert cell() != before, "the matrix has no North West column"
    assert "member services covered" in cell()
    key(qtbot, Qt.Key.Key_Return)
    title = dashboard.coverage.detail_title.text()
    assert title.startswith("Health & Wellbeing in North West: ")
    assert announcements.texts()[-1] == title
    missing = int(title.rsplit(", ", 1)[1].split()[0])
    assert missing > 0
    # The gap list comes next; each row reads with its column.
    assert tab_to(qtbot, "Missing services (gap list)")[1] == R.Table
    gaps = dashboard.coverage.missing
    for row in (0, 1):  # arriving reads the first service; Down the next
        gap = QAccessible.queryAccessibleInterface(focused()).focusChild()
        assert gap is not None and gap.role() == R.Cell
        assert gap.text(NAME) == gaps.model().index(row, 0).data()
        headers = gap.tableCellInterface().columnHeaderCells()
        assert [h.text(NAME) for h in headers] == ["Missing"]
        key(qtbot, Qt.Key.Key_Down)
    # Export the gap list: Alt+P (the platform's own save dialog answers with a path).
    target = tmp_path / "north-west-gaps.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    key(qtbot, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert announcements.texts()[-1] == f"Coverage exported to {target}"
    # Invite the whole gap list: Alt+I opens the invitation with the best-fitting live
    # programme chosen and read; Enter invites; Ctrl+Z takes every invitation back.
    gap_ids = list(dashboard.coverage.gap_ids)
    assert len(gap_ids) == missing
    key(qtbot, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: dashboard.coverage.invitation is not None, timeout=5_000)
    dialog = dashboard.coverage.invitation
    assert dialog is not None
    qtbot.waitUntil(lambda: focused() is dialog.programmes)
    assert heard()[:2] == ("Programme to invite them to (best fit first)", R.List)
    choice = QAccessible.queryAccessibleInterface(focused()).focusChild()
    best = dialog.fits[0]
    assert choice is not None and choice.text(NAME).startswith(f"{best.name} — ")
    assert "library services in North West already" in choice.text(NAME)
    invited = [sid for sid in gap_ids if sid not in best.already_linked]
    assert dialog.summary.text().startswith(
        f"Invite {len(invited)} library services to {best.name} as Invited"
    )
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dashboard.coverage.invitation is None, timeout=10_000)
    said = f"Invited {len(invited)} library services to {best.name}."
    assert announcements.texts()[-1].startswith(said)
    assert window.statusBar().currentMessage().startswith(said)

    def stages() -> dict[int, str]:
        with window.ctx.db.read() as session:
            rows = session.execute(
                select(Participation.service_id, Participation.stage).where(
                    Participation.programme_id == best.id,
                    Participation.service_id.in_(gap_ids),
                )
            )
            return {sid: stage for sid, stage in rows}

    assert {sid: stage for sid, stage in stages().items() if sid in invited} == dict.fromkeys(
        invited, "invited"
    )
    back_in(qtbot, window)
    assert heard()[:2] == ("Missing services (gap list)", R.Table)  # where the invite began
    key(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not set(invited) & set(stages()), timeout=10_000)
