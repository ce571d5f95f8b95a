"""Saved views through the window: save, reopen, duplicate name, rename (F2), delete (Delete)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox

from brokerdesk.core.lists import LISTS, ListState
from brokerdesk.core.services.saved_views import SavedViewService
from brokerdesk.core.services.value_filters import operator
from brokerdesk.gui.views.value_filter import ValueFilter
from tests.builders.own_fields import TYPED, add_every_type


def _nav_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    nav = window.navigation
    return [nav.item(r).text() for r in range(nav.count())]


def _shown_keys(page) -> list[str]:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    cols = page.model.columns
    order = sorted(range(len(cols)), key=header.visualIndex)
    return [cols[i].key for i in order if not page.table.isColumnHidden(i)]


def _save_as(qtbot, window, name: str):  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.search_actions.saved_views.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, name)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    return dialog


def test_save_reopen_rename_delete_round_trip(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.open_list("partner")
    page = window.lists["partner"]
    page.apply_state(
        ListState(search="", filters={"status": "active"}, sort_key="name", descending=True)
    )
    page.table.setColumnHidden(page.model.column_index("owner"), True)
    header = page.table.horizontalHeader()
    header.moveSection(header.visualIndex(page.model.column_index("last_contact")), 0)
    expected_ids = page.model.ids
    expected_columns = _shown_keys(page)
    assert expected_columns[0] == "last_contact" and "owner" not in expected_columns

    dialog = _save_as(qtbot, window, "Active, newest names first")
    assert not dialog.isVisible()
    assert "Partners ▸ Active, newest names first" in _nav_texts(window)
    assert "Saved views" in _nav_texts(window)

    # Change everything, then open the saved view from the navigation.
    page.apply_state(ListState())
    for i in range(len(page.model.columns)):
        page.table.setColumnHidden(i, False)
        header.moveSection(header.visualIndex(i), i)
    window.open_list("contact")
    item = window.search_actions.saved_views.items()[0]
    window.navigation.setCurrentItem(item)
    assert window.current_list() is page
    assert page.current_state().filters == {"status": "active"}
    assert page.model.state.sort_key == "name" and page.model.state.descending
    assert page.model.ids == expected_ids
    assert _shown_keys(page) == expected_columns

    # A duplicate name: the service's message beside the field, nothing saved.
    dialog = _save_as(qtbot, window, "Active, newest names first")
    assert dialog.isVisible()
    assert dialog.message.isVisible() and "already" in dialog.message.text()
    assert len(SavedViewService(window.ctx.db).list("partner")) == 1
    dialog.reject()

    # F2 renames from the keyboard.
    window.navigation.setFocus()
    window.navigation.setCurrentItem(window.search_actions.saved_views.items()[0])
    qtbot.keyClick(window.navigation, Qt.Key.Key_F2)
    dialog = window.search_actions.saved_views.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, "Active partners")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert "Partners ▸ Active partners" in _nav_texts(window)
    assert [v.name for v in SavedViewService(window.ctx.db).list("partner")] == ["Active partners"]

    # Delete asks first; Yes deletes.
    window.navigation.setCurrentItem(window.search_actions.saved_views.items()[0])
    qtbot.keyClick(window.navigation, Qt.Key.Key_Delete)
    box = window.search_actions.saved_views.question
    qtbot.waitUntil(box.isVisible)
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not window.search_actions.saved_views.items())
    assert SavedViewService(window.ctx.db).list() == []
    assert "Saved views" not in _nav_texts(window)
    assert window.lists["partner"].model.rowCount() > 0  # the records were not touched


def test_partners_of_type_funder_save_and_reopen_from_the_keyboard(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The issue's steps: Partners ▸ Type = Funder ▸ Ctrl+Shift+S ▸ Save, then reopen it."""
    window.open_list("partner")
    page = window.lists["partner"]
    box = page._filter_widgets["partner_type"]
    box.setFocus()
    qtbot.keyClicks(box, "Funder")
    assert box.currentText() == "Funder"
    funders = list(page.model.ids)
    assert funders

    dialog = _save_as(qtbot, window, "Funders")
    assert not dialog.isVisible(), dialog.message.text()
    page.apply_state(ListState())
    assert box.currentIndex() == 0 and len(page.model.ids) > len(funders)
    window.navigation.setCurrentItem(window.search_actions.saved_views.items()[0])
    assert box.currentText() == "Funder"
    assert page.model.ids == funders


def _choose(page, key: str) -> object:  # type: ignore[no-untyped-def]
    """Set one filter through its control, as a user would; returns the value it holds."""
    widget = page._filter_widgets[key]
    if isinstance(widget, ValueFilter):  # an own field's value, typed as a person types it
        op, first, second = TYPED[widget.value_type]
        widget.op.setCurrentIndex(widget.op.findData(op))
        assert widget.first.isVisible()
        assert widget.second.isVisible() == (operator(widget.value_type, op).needs == "two")
        widget.first.setText(first)
        widget.second.setText(second)
        widget._finished()  # Enter in the box
        assert not widget.problem, widget.problem
    elif isinstance(widget, QCheckBox):
        widget.setChecked(not widget.isChecked())
    elif isinstance(widget, QSpinBox):
        widget.setValue(30)
    else:
        assert isinstance(widget, QComboBox)
        page._fill_options()
        assert widget.count() > 1, f"{key} offers nothing to choose"
        widget.setCurrentIndex(widget.count() // 2 or 1)
    page._apply_state()  # what the debounce timer does a moment later
    return page.current_state().filters.get(key)


def _round_trip(qtbot, window, entity: str, key: str) -> None:  # type: ignore[no-untyped-def]
    """Set one filter, save a view, show something else, open the view: the same again."""
    page = window.lists[entity]
    page.apply_state(page.record_list.initial_state())
    value = _choose(page, key)
    state = page.current_state()
    expected = list(page.model.ids)
    name = f"{entity} {key}"
    dialog = _save_as(qtbot, window, name)
    assert not dialog.isVisible(), f"{name}: {dialog.message.text()}"

    page.apply_state(ListState(search="x"))  # something else entirely
    item = next(i for i in window.search_actions.saved_views.items() if i.text().endswith(name))
    window.navigation.setCurrentItem(item)
    assert window.current_list() is page
    assert page.current_state().filters == state.filters, name
    assert page.current_state().filters.get(key) == value, name
    assert page.model.ids == expected, name


def test_every_filter_of_every_list_reopens_from_its_saved_view(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    for entity in LISTS:
        window.open_list(entity)
        for flt in window.lists[entity].record_list.filters:
            _round_trip(qtbot, window, entity, flt.key)


def test_every_own_field_filter_reopens_from_its_saved_view(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """One own field of every type on partners: each filter set from its controls (a value
    typed as people type it: "£10,000", "1 Sep 2026"), saved, and reopened the same."""
    window.open_list("partner")
    partners = window.lists["partner"].model.listing.ids(ListState(sort_key="name"))
    keys = add_every_type(window.ctx.services, partners)
    window.ctx.changes.changed.emit(frozenset({"custom_field", "partner"}))
    page = window.lists["partner"]
    assert [f.key for f in page.record_list.filters if f.key.startswith("cf_")] == list(
        keys.values()
    )
    every = len(partners)
    for key in keys.values():
        _round_trip(qtbot, window, "partner", key)
        assert 0 < len(page.model.ids) < every, key  # it asked something


def test_a_click_on_the_chosen_saved_view_from_a_record_page_goes_back_to_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Open a saved view, open one of its records, click the view again: the view is back."""
    window.open_list("partner")
    page = window.lists["partner"]
    page.apply_state(ListState(filters={"status": "active"}))
    _save_as(qtbot, window, "Active")
    page.apply_state(ListState())
    item = window.search_actions.saved_views.items()[0]
    window.navigation.setCurrentItem(item)
    window.open_record("partner", page.model.record_id(0))
    assert window.current_list() is None
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_list() is page
    assert page.current_state().filters == {"status": "active"}
