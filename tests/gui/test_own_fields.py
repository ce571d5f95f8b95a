"""Tools ▸ Custom fields…, by keyboard: add "Charity number" (required for charities) and
"Tier" to partners, fill them in the form, see them in the list, remove one and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.own_fields.commands import SetFieldOnMany
from brokerdesk.gui.own_fields.dialogs import CustomFieldsDialog, FieldDialog
from brokerdesk.gui.own_fields.editors import SeveralChoicesEditor
from tests.gui.drive import ModalDriver

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _charity_number(qtbot: QtBot, form: FieldDialog) -> None:
    qtbot.keyClicks(form.name, "Charity number")
    form.rule.setFocus()
    qtbot.keyClicks(form.rule, "Required only")
    assert form.when_field.isVisible() and form.when_field.currentText() == "Type"
    form.when_value.setFocus()
    qtbot.keyClicks(form.when_value, "Charity")
    form.name.setFocus()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)


def _tier(qtbot: QtBot, form: FieldDialog) -> None:
    qtbot.keyClicks(form.name, "Tier")
    form.kind.setFocus()
    qtbot.keyClicks(form.kind, "One choice")
    assert form.choices.isVisible()
    qtbot.keyClicks(form.choices, "Gold")
    for choice in ("Silver", "Bronze"):
        qtbot.keyClick(form.choices, Qt.Key.Key_Return)
        qtbot.keyClicks(form.choices, choice)
    form.name.setFocus()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)


def _add_two_fields(qtbot: QtBot, window: MainWindow) -> None:
    def steps(dialog: CustomFieldsDialog) -> None:
        assert dialog.kind.currentText() == "Partners"  # the list showing
        for fill in (_charity_number, _tier):
            inner = ModalDriver(FieldDialog, lambda form, fill=fill: fill(qtbot, form))
            dialog.activateWindow()  # as the window manager does when the inner one closes
            qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
            qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)  # the button's click is animated
            qtbot.waitUntil(lambda inner=inner: inner.ran, timeout=3000)
            inner.check()
        lines = [dialog.fields.item(i).text() for i in range(dialog.fields.count())]
        assert lines == [
            "Charity number — Text, required when Type is Charity",
            "Tier — One choice (Gold, Silver, Bronze)",
        ]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    driver = ModalDriver(CustomFieldsDialog, steps)
    window.own_fields_actions.custom_fields.trigger()
    driver.check()


def test_add_fields_then_fill_them_in_a_new_partner(qtbot: QtBot, window: MainWindow) -> None:
    window.open_list("partner")
    _add_two_fields(qtbot, window)
    number, tier = (f.key for f in window.ctx.services.custom_fields.fields("partner"))
    columns = window.lists["partner"].record_list.columns
    assert [c.label for c in columns[-2:]] == ["Charity number", "Tier"]

    def fill(form: RecordForm) -> None:
        name = form.editors["name"].focus_widget
        assert isinstance(name, QLineEdit)
        qtbot.keyClicks(name, "Harbour Sight Trust")
        kind = form.editors["partner_type"].focus_widget
        assert isinstance(kind, QComboBox)
        kind.setFocus()
        qtbot.keyClicks(kind, "Charity")
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
        assert form.isVisible()  # refused: the number is missing
        message = form.errors[number]
        assert message.isVisible()
        assert message.text() == "⚠ Charity number is required when Type is Charity."
        box = form.editors[number].focus_widget
        assert isinstance(box, QLineEdit) and box.hasFocus()
        assert box.accessibleName() == "Charity number"
        qtbot.keyClicks(box, "1087654")
        level = form.editors[tier].focus_widget
        assert isinstance(level, QComboBox) and level.accessibleName() == "Tier"
        level.setFocus()
        qtbot.keyClicks(level, "Gold")
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)

    driver = ModalDriver(RecordForm, fill)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    driver.check()
    found = window.ctx.services.partners
    made = [
        p
        for p in window.ctx.services.custom_fields.values("partner", range(1, 2000)).items()
        if p[1][number] == "1087654"
    ]
    assert len(made) == 1 and made[0][1][tier] == "Gold"
    assert found.get(made[0][0])["name"] == "Harbour Sight Trust"


def test_removing_a_field_is_undone_with_its_values(qtbot: QtBot, window: MainWindow) -> None:
    window.open_list("partner")
    _add_two_fields(qtbot, window)
    tier_field = window.ctx.services.custom_fields.fields("partner")[1]
    some = window.lists["partner"].model.listing.ids(window.lists["partner"].model.state)[:3]
    window.ctx.services.custom_fields.set_on_many(tier_field.id, some, "Silver")

    def remove(dialog: CustomFieldsDialog) -> None:
        dialog.fields.setCurrentRow(1)
        qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)
        qtbot.waitUntil(lambda: dialog.fields.count() == 1, timeout=3000)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    driver = ModalDriver(CustomFieldsDialog, remove)
    window.own_fields_actions.custom_fields.trigger()
    driver.check()
    assert "Tier" not in [c.label for c in window.lists["partner"].record_list.columns]
    window.undo_action.trigger()
    assert "Tier" in [c.label for c in window.lists["partner"].record_list.columns]
    values = window.ctx.services.custom_fields.values("partner", some)
    assert {v[tier_field.key] for v in values.values()} == {"Silver"}


def test_several_choices_are_tick_boxes_named_by_field_and_choice(
    qtbot: QtBot, window: MainWindow
) -> None:
    from brokerdesk.core.services.field_settings import FieldSpec

    window.ctx.services.custom_fields.add(
        "contact", FieldSpec("Audiences", "choices", choices=("Children", "Adults"))
    )
    form = RecordForm(window.ctx, "contact", None, window)
    key = window.ctx.services.custom_fields.fields("contact")[0].key
    editor = form.editors[key]
    assert isinstance(editor, SeveralChoicesEditor)
    assert [b.accessibleName() for b in editor.boxes] == [
        "Audiences: Children",
        "Audiences: Adults",
    ]
    editor.boxes[1].setChecked(True)
    assert form.values()[key] == ["Adults"]
    form.done(0)
    form.deleteLater()


def test_tier_filter_saves_as_a_view_and_shows_on_the_partner_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLabel

    from brokerdesk.core.lists import ListState
    from brokerdesk.gui.views.pages.partner import PartnerPage

    window.open_list("partner")
    _add_two_fields(qtbot, window)
    tier = window.ctx.services.custom_fields.fields("partner")[1]
    page = window.lists["partner"]
    gold = page.model.listing.ids(page.model.state)[:4]
    window.ctx.perform(SetFieldOnMany(window.ctx, tier.id, gold, "Gold", "Set Tier"))
    box = page._filter_widgets[tier.key]
    assert isinstance(box, QComboBox) and box.accessibleName() == "Tier"
    page._fill_options()
    box.setFocus()
    qtbot.keyClicks(box, "Gold")
    page._apply_state()
    assert sorted(page.model.ids) == sorted(gold)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.search_actions.saved_views.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.field, "Gold partners")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.message.text()
    page.apply_state(ListState())
    item = next(i for i in window.search_actions.saved_views.items() if "Gold" in i.text())
    window.navigation.setCurrentItem(item)
    assert sorted(page.model.ids) == sorted(gold)

    window.open_record("partner", gold[0])
    shown = window.stack.currentWidget()
    assert isinstance(shown, PartnerPage)
    names = [w.accessibleName() for w in shown.details_box.findChildren(QLabel)]
    assert "Tier: Gold" in names and "Charity number: empty" in names
    window.undo_action.trigger()  # the bulk set, undone: the page follows
    names = [w.accessibleName() for w in shown.details_box.findChildren(QLabel)]
    assert "Tier: empty" in names
