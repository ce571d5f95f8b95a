"""The team's daily work, driven through the real window as a user would: forms, bulk
linking, stage changes, undo and redo, opening related records and going back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from brokerdesk.core.models import (
    Interaction,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    Programme,
    ProgrammePartner,
)
from brokerdesk.gui.dialogs.change_stage import ChangeStageDialog
from brokerdesk.gui.dialogs.link_services import LinkServicesDialog
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import Location, MainWindow
from brokerdesk.gui.views.pages.partner import PartnerPage
from brokerdesk.gui.views.pages.programme import ProgrammePage
from tests.gui.drive import ModalDriver, answer_message_box

# Popups (completer, calendar) print this on the offscreen platform only.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def line(form: RecordForm, name: str) -> QLineEdit:
    widget = form.editors[name].focus_widget
    assert isinstance(widget, QLineEdit)
    return widget


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: object = None) -> None:
    """A shortcut pressed in the main window (which is active again once a dialog closes)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, key, modifiers or Qt.KeyboardModifier.NoModifier)  # type: ignore[arg-type]


def count(window: MainWindow, query: object) -> int:
    with window.ctx.db.read() as session:
        return int(session.scalar(query) or 0)  # type: ignore[call-overload]


def new_empty_programme(window: MainWindow, name: str = "Summer Reading Lab") -> int:
    with window.ctx.db.read() as session:
        area = session.scalar(select(OfferArea.id).where(OfferArea.code == "reading"))
    return window.ctx.services.programmes.create(
        {"name": name, "offer_area_id": area, "status": "live"}
    ).id


def test_create_a_partner_with_the_form_then_undo_and_redo(
    qtbot: QtBot, window: MainWindow
) -> None:
    def fill(form: RecordForm) -> None:
        qtbot.keyClicks(line(form, "name"), "Reading Ahead Trust")
        status = form.editors["status"].focus_widget
        assert isinstance(status, QComboBox)
        status.setFocus()
        qtbot.keyClicks(status, "Active")
        qtbot.keyClicks(line(form, "owner"), "Priya Shah")
        form.extras["offer_area_ids"].boxes[1].setChecked(True)  # type: ignore[attr-defined]
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)

    driver = ModalDriver(RecordForm, fill)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    driver.check()
    with window.ctx.db.read() as session:
        partner = session.scalar(select(Partner).where(Partner.name == "Reading Ahead Trust"))
        assert partner is not None
        assert (partner.status, partner.owner) == ("active", "Priya Shah")
        assert [a.id for a in partner.offer_areas] == [1]
        partner_id = partner.id
    page = window.record_page
    assert isinstance(page, PartnerPage) and page.record_id == partner_id
    assert page.heading.text() == "Reading Ahead Trust"

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert count(window, select(func.count()).where(Partner.id == partner_id)) == 0
    assert page.deleted and page.deleted_label.isVisible()
    assert "was deleted" in page.deleted_label.text()

    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert count(window, select(func.count()).where(Partner.id == partner_id)) == 1
    assert not page.deleted and page.heading.text() == "Reading Ahead Trust"


def test_create_a_programme_with_its_lead_partner(qtbot: QtBot, window: MainWindow) -> None:
    with window.ctx.db.read() as session:
        partner_name, partner_id = session.execute(
            select(Partner.name, Partner.id).order_by(Partner.name).limit(1)
        ).one()
    press(qtbot, window, Qt.Key.Key_3, CTRL)
    assert window.location.entity == "programme"

    def fill(form: RecordForm) -> None:
        qtbot.keyClicks(line(form, "name"), "Stories Aloud")
        area = form.editors["offer_area_id"].focus_widget
        assert isinstance(area, QComboBox) and area.isEditable()
        area.lineEdit().clear()
        qtbot.keyClicks(area.lineEdit(), "Health & Wellbeing")
        qtbot.keyClicks(line(form, "start_date"), "01/04/2027")
        qtbot.keyClicks(line(form, "budget"), "12,500")
        roles = form.extras["partners"]
        qtbot.mouseClick(roles.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        partner_box = QApplication.focusWidget()
        assert isinstance(partner_box, QComboBox)  # the new row's searchable partner field
        assert partner_box.accessibleName() == "Partner 1"
        qtbot.keyClicks(partner_box.lineEdit(), partner_name)
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    driver = ModalDriver(RecordForm, fill)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    driver.check()
    with window.ctx.db.read() as session:
        programme = session.scalar(select(Programme).where(Programme.name == "Stories Aloud"))
        assert programme is not None
        assert programme.offer_area.name == "Health & Wellbeing"
        assert str(programme.budget) == "12500.00"
        assert programme.start_date is not None and programme.start_date.isoformat() == (
            "2027-04-01"
        )
        assert [(link.partner_id, link.role) for link in programme.partner_links] == [
            (partner_id, "lead")
        ]
    assert isinstance(window.record_page, ProgrammePage)


def test_link_ten_services_change_their_stage_undo_and_redo(
    qtbot: QtBot, window: MainWindow
) -> None:
    programme_id = new_empty_programme(window)
    window.open_record("programme", programme_id)
    page = window.record_page
    assert isinstance(page, ProgrammePage)
    add_button = next(b for b in page.buttons if b.text() == "&Add library services…")

    def tick_ten(dialog: LinkServicesDialog) -> None:
        dialog.table.setFocus()
        dialog.table.setCurrentIndex(dialog.model.index(0, 0))
        for _ in range(10):
            qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
            qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
        assert dialog.count_label.text() == "10 selected"
        assert dialog.link_button.text() == "Link 10 library services"
        qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)  # linked, then closed

    driver = ModalDriver(LinkServicesDialog, tick_ten)
    qtbot.mouseClick(add_button, Qt.MouseButton.LeftButton)
    driver.check()
    linked = select(func.count()).where(Participation.programme_id == programme_id)
    assert count(window, linked) == 10
    assert page.participations.rows_model.rowCount() == 10
    assert page.tabs.tabText(0) == "Library services (10)"

    page.participations.setFocus()
    qtbot.keyClick(page.participations, Qt.Key.Key_A, CTRL)
    assert len(page.selected_participation_ids()) == 10

    def signed_up(dialog: ChangeStageDialog) -> None:
        qtbot.keyClicks(dialog.stage, "Signed up")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    driver = ModalDriver(ChangeStageDialog, signed_up)
    qtbot.mouseClick(page.change_stage_button, Qt.MouseButton.LeftButton)
    driver.check()
    stages = select(Participation.stage).where(Participation.programme_id == programme_id)

    def stage_set() -> set[str]:
        with window.ctx.db.read() as session:
            return set(session.scalars(stages))

    assert stage_set() == {"signed_up"}
    assert {r["stage"] for r in page.participations.rows_model.rows} == {"signed_up"}

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stage_set() == {"invited"}
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stage_set() == {"signed_up"}
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert count(window, linked) == 0, "undoing the link removes exactly those ten"
    assert page.participations.rows_model.rowCount() == 0


def test_all_member_services_in_the_north_west_not_yet_linked(
    qtbot: QtBot, window: MainWindow
) -> None:
    programme_id = new_empty_programme(window, "North West Reads")
    with window.ctx.db.write() as session:
        first = session.scalar(
            select(LibraryService.id)
            .where(LibraryService.region == "North West", LibraryService.is_member.is_(True))
            .order_by(LibraryService.id)
        )
        session.add(Participation(programme_id=programme_id, service_id=first, stage="active"))
    with window.ctx.db.read() as session:
        expected = set(
            session.scalars(
                select(LibraryService.id).where(
                    LibraryService.region == "North West",
                    LibraryService.is_member.is_(True),
                    LibraryService.id != first,
                )
            )
        )
    assert expected
    window.open_record("programme", programme_id)
    page = window.record_page
    assert isinstance(page, ProgrammePage)

    def north_west(dialog: LinkServicesDialog) -> None:
        assert dialog.members_only.isChecked() and dialog.not_linked.isChecked()
        dialog.region.setFocus()
        qtbot.keyClicks(dialog.region, "North")  # North East, then the next one down
        qtbot.keyClick(dialog.region, Qt.Key.Key_Down)
        assert dialog.region.currentText() == "North West"
        assert {r["id"] for r in dialog.model.rows} == expected
        qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton)
        assert dialog.count_label.text() == f"{len(expected)} selected"
        qtbot.keyClick(dialog.link_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)  # linked, then closed

    driver = ModalDriver(LinkServicesDialog, north_west)
    page.add_services()
    driver.check()
    with window.ctx.db.read() as session:
        rows = dict(
            session.execute(
                select(Participation.service_id, Participation.stage).where(
                    Participation.programme_id == programme_id
                )
            ).all()
        )
    assert set(rows) == expected | {first}
    assert rows[first] == "active", "the service already linked keeps its stage"


def test_open_a_related_record_and_go_back_and_forward(qtbot: QtBot, window: MainWindow) -> None:
    with window.ctx.db.read() as session:
        programme_id, partner_id, partner_name = session.execute(
            select(ProgrammePartner.programme_id, Partner.id, Partner.name)
            .join(Partner, Partner.id == ProgrammePartner.partner_id)
            .order_by(ProgrammePartner.id)
            .limit(1)
        ).one()
    window.open_record("programme", programme_id)
    page = window.record_page
    assert isinstance(page, ProgrammePage)
    programme_title = page.heading.text()
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.partners.parentWidget()))
    table = page.partners
    row = table.rows_model.row_of("id", partner_id)
    assert row is not None
    table.setFocus()
    table.setCurrentIndex(table.rows_model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    partner_page = window.record_page
    assert isinstance(partner_page, PartnerPage)
    assert partner_page.heading.text() == partner_name
    press(qtbot, window, Qt.Key.Key_Left, ALT)
    assert isinstance(window.record_page, ProgrammePage)
    assert window.record_page.heading.text() == programme_title
    press(qtbot, window, Qt.Key.Key_Right, ALT)
    assert isinstance(window.record_page, PartnerPage)


def test_messages_appear_beside_the_fields_and_focus_the_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    def wrong(form: RecordForm) -> None:
        qtbot.keyClicks(line(form, "contact_limit_days"), "often")
        qtbot.keyClicks(line(form, "website"), "www.example.org")
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
        assert form.isVisible(), "a refused save keeps the form open"
        assert form.errors["name"].isVisible()
        assert form.errors["name"].text() == "⚠ Name is required."
        assert form.errors["contact_limit_days"].text().startswith("⚠ Contact every (days)")
        assert QApplication.focusWidget() is line(form, "name")
        assert line(form, "contact_limit_days").text() == "often", "input is kept"
        form.done(0)

    driver = ModalDriver(RecordForm, wrong)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    driver.check()


def test_cancel_with_unsaved_changes_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    before = count(window, select(func.count()).select_from(Partner))
    outcome: dict[str, bool] = {}

    def type_then_escape(form: RecordForm) -> None:
        qtbot.keyClicks(line(form, "name"), "Half-typed Partner")
        keep = answer_message_box("Keep editing")
        qtbot.keyClick(line(form, "name"), Qt.Key.Key_Escape)
        keep.check()
        outcome["kept"] = form.isVisible() and line(form, "name").text() == "Half-typed Partner"
        discard = answer_message_box("Discard")
        qtbot.keyClick(line(form, "name"), Qt.Key.Key_Escape)
        discard.check()
        outcome["closed"] = not form.isVisible()

    driver = ModalDriver(RecordForm, type_then_escape)
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    driver.check()
    assert outcome == {"kept": True, "closed": True}
    assert count(window, select(func.count()).select_from(Partner)) == before


def test_an_edit_conflict_keeps_what_the_user_typed(qtbot: QtBot, window: MainWindow) -> None:
    with window.ctx.db.read() as session:
        partner_id = session.scalar(select(Partner.id).order_by(Partner.id))
    assert partner_id is not None
    window.open_record("partner", partner_id)
    outcome: dict[str, object] = {}

    def edit(form: RecordForm) -> None:
        form.resolve_conflict = None  # the plain message, not the conflict dialog
        window.ctx.services.partners.update(partner_id, {"owner": "Someone Else"})
        owner = line(form, "owner")
        owner.clear()
        qtbot.keyClicks(owner, "Me Myself")
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
        outcome["open"] = form.isVisible()
        outcome["typed"] = owner.text()
        outcome["message"] = form.general_error.text()
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)  # a second Save keeps my values
        outcome["closed"] = not form.isVisible()

    driver = ModalDriver(RecordForm, edit)
    page = window.record_page
    assert page is not None
    qtbot.mouseClick(page.buttons[0], Qt.MouseButton.LeftButton)  # Edit…
    driver.check()
    assert outcome["open"] is True and outcome["typed"] == "Me Myself"
    message = str(outcome["message"])
    assert "Someone else saved" in message
    assert "yours “Me Myself”, saved “Someone Else”" in message
    assert outcome["closed"] is True
    assert window.ctx.services.partners.get(partner_id)["owner"] == "Me Myself"


def test_a_record_deleted_elsewhere_shows_a_deleted_page(qtbot: QtBot, window: MainWindow) -> None:
    with window.ctx.db.read() as session:
        partner_id = session.scalar(select(Partner.id).order_by(Partner.id.desc()))
    assert partner_id is not None
    window.open_record("partner", partner_id)
    page = window.record_page
    assert isinstance(page, PartnerPage)
    programmes = select(ProgrammePartner.id).where(ProgrammePartner.partner_id == partner_id)
    with window.ctx.db.write() as session:
        for link in session.scalars(
            select(ProgrammePartner).where(ProgrammePartner.id.in_(programmes))
        ):
            session.delete(link)
    change = window.ctx.services.partners.delete(partner_id)
    window.ctx.changes.broadcast(change)
    assert page.deleted
    assert page.deleted_label.text().startswith("⚠ This partner was deleted.")
    assert not any(b.isEnabled() for b in page.buttons)
    assert not page.tabs.isVisible()


def test_delete_from_a_page_asks_then_leaves_the_page(qtbot: QtBot, window: MainWindow) -> None:
    with window.ctx.db.read() as session:
        interaction_id = session.scalar(select(func.max(Interaction.id)))
    assert interaction_id is not None
    window.open_list("interaction")
    window.open_record("interaction", interaction_id)
    driver = answer_message_box("Delete")
    press(qtbot, window, Qt.Key.Key_Delete)
    driver.check()
    assert count(window, select(func.count()).where(Interaction.id == interaction_id)) == 0
    assert window.location == Location("interaction")


def test_the_delete_button_on_a_page_asks_then_deletes(qtbot: QtBot, window: MainWindow) -> None:
    with window.ctx.db.read() as session:
        interaction_id = session.scalar(select(func.max(Interaction.id)))
    assert interaction_id is not None
    window.open_list("interaction")
    window.open_record("interaction", interaction_id)
    page = window.record_page
    assert page is not None
    button = next(b for b in page.buttons if b.text() == "&Delete…")
    driver = answer_message_box("Delete")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    driver.check()
    assert count(window, select(func.count()).where(Interaction.id == interaction_id)) == 0
    assert window.location == Location("interaction")


def test_ctrl_i_on_a_partner_page_logs_an_interaction_with_that_partner(
    qtbot: QtBot, window: MainWindow
) -> None:
    with window.ctx.db.read() as session:
        partner_id, name = session.execute(select(Partner.id, Partner.name).limit(1)).one()
    window.open_record("partner", partner_id)
    page = window.record_page
    assert isinstance(page, PartnerPage)

    def log(form: RecordForm) -> None:
        qtbot.keyClicks(line(form, "subject"), "Catch-up call")
        form.save_button.click()

    driver = ModalDriver(RecordForm, log)
    page.setFocus()
    press(qtbot, window, Qt.Key.Key_I, CTRL)
    driver.check()
    query = select(func.count(Interaction.id)).where(
        Interaction.partner_id == partner_id, Interaction.subject == "Catch-up call"
    )
    assert count(window, query) == 1
    assert name in page.heading.text()


def test_choosing_a_list_from_a_record_page_goes_back_to_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    partners = window.lists["partner"]
    window.open_list("interaction")
    window.open_record("partner", partners.model.record_id(0) or 0)
    # The navigation shows where the user is: a partner's page, under Partners (not the
    # Interactions list it was opened from).
    chosen = [item.text() for item in window.navigation.selectedItems()]
    assert chosen == ["Partners"]
    programmes = window.lists["programme"]
    programmes.ensure_loaded()
    window.open_record("programme", programmes.model.record_id(0) or 0)
    assert [item.text() for item in window.navigation.selectedItems()] == ["Programmes"]
    window.go_back()
    assert [item.text() for item in window.navigation.selectedItems()] == ["Partners"]
    item = window.navigation.item(0)
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is partners
