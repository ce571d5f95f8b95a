"""Filtering a list by an own field's value from the keyboard: "Budget at least 10,000",
"Next review within the next 30 days", a bad value said beside the boxes, every part named
for a screen reader by what the eye reads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from brokerdesk.core.lists import ListState
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.choice_filters import SeveralChoiceFilter
from brokerdesk.gui.views.list_page import ListPage
from brokerdesk.gui.views.value_filter import ValueFilter

NAME = QAccessible.Text.Name


def _label_of(widget: QWidget) -> list[str]:
    found = QAccessible.queryAccessibleInterface(widget).relations(QAccessible.RelationFlag.Label)
    return [label.text(NAME) for label, _flag in found]


def _pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Home, then Down until the drop-down shows ``text``, as a keyboard user chooses."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


@pytest.fixture
def partners(window: MainWindow) -> tuple[ListPage, dict[str, str], list[int]]:
    """Budget and Next review on partners, set on the first twelve by name."""
    fields = window.ctx.services.custom_fields
    window.open_list("partner")
    ids = window.lists["partner"].model.listing.ids(ListState(sort_key="name"))
    budget = fields.add("partner", FieldSpec("Budget", "money")).id
    review = fields.add("partner", FieldSpec("Next review", "date")).id
    for n, partner in enumerate(ids[:12]):
        fields.set_on_many(budget, [partner], str(n * 2_000))  # 0 … 22,000
        fields.set_on_many(review, [partner], f"2026-06-{10 + n:02}")  # 10 … 21 Jun
    window.ctx.changes.changed.emit(frozenset({"custom_field", "partner"}))
    return window.lists["partner"], {"budget": f"cf_{budget}", "review": f"cf_{review}"}, ids


def test_budget_at_least_10000_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, partners
) -> None:  # type: ignore[no-untyped-def]
    page, keys, ids = partners
    budget = page._filter_widgets[keys["budget"]]
    assert isinstance(budget, ValueFilter)
    assert _label_of(budget.op) == ["Budget:"]  # what the eye reads beside it
    assert budget.op.currentText() == "any" and not budget.first.isVisible()
    # Tab from the filter before it reaches it; its first part says how to compare.
    before = list(page._filter_widgets.values())[-3]
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is budget.op
    _pick(qtbot, budget.op, "at least")
    qtbot.keyClick(budget.op, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is budget.first
    assert budget.first.accessibleName() == "Budget, value"
    assert budget.first.placeholderText() == "e.g. £10,000"
    qtbot.keyClicks(budget.first, "10,000")
    qtbot.keyClick(budget.first, Qt.Key.Key_Return)
    assert page.model.state.filters == {keys["budget"]: {"op": "at_least", "value": "10000.00"}}
    assert budget.op.accessibleDescription() == "Budget at least £10,000.00"
    assert sorted(page.model.ids) == sorted(ids[5:12])  # 10,000 … 22,000
    assert page.count_label.text() == "7 partners"


def test_a_bad_amount_is_said_beside_the_box_and_asks_nothing_until_put_right(
    qtbot: QtBot,
    window: MainWindow,
    partners,  # type: ignore[no-untyped-def]
) -> None:
    page, keys, ids = partners
    every = len(page.model.ids)
    budget = page._filter_widgets[keys["budget"]]
    _pick(qtbot, budget.op, "at most")
    qtbot.keyClick(budget.op, Qt.Key.Key_Tab)
    qtbot.keyClicks(budget.first, "£10k")
    qtbot.keyClick(budget.first, Qt.Key.Key_Return)
    said = "Budget: '£10k': write the amount in full, such as 5,000 rather than 5k."
    assert budget.message.isVisible() and budget.message.text() == f"⚠ {said}"
    assert budget.first.accessibleDescription() == said
    assert keys["budget"] not in page.model.state.filters and len(page.model.ids) == every
    budget.first.selectAll()
    qtbot.keyClicks(budget.first, "£4,000")
    qtbot.keyClick(budget.first, Qt.Key.Key_Return)
    assert not budget.message.isVisible()
    # At most 4,000: the three with 0, 2,000 and 4,000; an empty one is not "at most".
    assert sorted(page.model.ids) == sorted(ids[:3])


def test_review_within_the_next_days_and_between_two_dates(
    qtbot: QtBot,
    window: MainWindow,
    partners,  # type: ignore[no-untyped-def]
) -> None:
    page, keys, ids = partners
    review = page._filter_widgets[keys["review"]]
    _pick(qtbot, review.op, "within the next … days")
    assert review.first.accessibleName() == "Next review, number of days"
    review.first.setFocus()
    qtbot.keyClicks(review.first, "3")
    qtbot.keyClick(review.first, Qt.Key.Key_Tab)  # leaving the box applies it too
    # Today is 15 Jun 2026: the 15th to the 18th.
    assert sorted(page.model.ids) == sorted(ids[5:9])

    _pick(qtbot, review.op, "between")
    assert review.second.isVisible() and _label_of(review.second) == ["and"]
    assert review.second.accessibleName() == "Next review, and"
    review.first.setFocus()
    review.first.clear()
    qtbot.keyClicks(review.first, "11/6/2026")
    qtbot.keyClick(review.first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is review.second
    qtbot.keyClicks(review.second, "12 Jun 2026")
    qtbot.keyClick(review.second, Qt.Key.Key_Return)
    assert page.model.state.filters[keys["review"]] == {
        "op": "between",
        "value": "2026-06-11",
        "to": "2026-06-12",
    }
    assert sorted(page.model.ids) == sorted(ids[1:3])
    # With another filter: those of the two with the first one's status.
    status = {i: window.ctx.services.partners.get(i)["status"] for i in ids[1:3]}
    chosen = {"status": status[ids[1]], **page.current_state().filters}
    page.apply_state(ListState(filters=chosen))
    assert review.first.text() == "11 Jun 2026" and review.second.text() == "12 Jun 2026"
    assert page.model.ids == [i for i in ids[1:3] if status[i] == status[ids[1]]]


def test_tier_is_gold_or_silver_through_several_of_them(qtbot: QtBot, window: MainWindow) -> None:
    """A one-choice field's filter: its last item asks for several choices in a dialog of
    tick boxes; the list then shows records with any of them, and a saved view keeps it."""
    fields = window.ctx.services.custom_fields
    window.open_list("partner")
    ids = window.lists["partner"].model.listing.ids(ListState(sort_key="name"))
    tier = fields.add("partner", FieldSpec("Tier", "choice", choices=("Gold", "Silver", "Bronze")))
    for n, partner in enumerate(ids[:9]):
        fields.set_on_many(tier.id, [partner], ("Gold", "Silver", "Bronze")[n % 3])
    window.ctx.changes.changed.emit(frozenset({"custom_field", "partner"}))
    page = window.lists["partner"]
    box = page._filter_widgets[f"cf_{tier.id}"]
    assert isinstance(box, SeveralChoiceFilter)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End)  # the last item: "Several of them…"
    dialog = box.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # as the window manager does
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert box.currentText() == "Any tier"  # until the dialog says which
    ticks = {b.text(): b for _v, b in dialog.boxes}
    assert list(ticks) == ["Gold", "Silver", "Bronze"]
    assert QApplication.focusWidget() is ticks["Gold"]
    qtbot.keyClick(ticks["Gold"], Qt.Key.Key_Space)
    qtbot.keyClick(ticks["Gold"], Qt.Key.Key_Tab)
    qtbot.keyClick(ticks["Silver"], Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert box.currentText() == "Gold or Silver"
    assert page.model.state.filters == {f"cf_{tier.id}": ["Gold", "Silver"]}
    gold_or_silver = [i for n, i in enumerate(ids[:9]) if n % 3 != 2]
    assert sorted(page.model.ids) == sorted(gold_or_silver)
    # A single choice again, then the pair back as a saved view would give it.
    box.choose("Bronze")
    assert box.currentText() == "Bronze" and box.findText("Gold or Silver") == -1
    page.apply_state(ListState(filters={f"cf_{tier.id}": ["Gold", "Silver"]}))
    assert box.currentText() == "Gold or Silver"
    assert sorted(page.model.ids) == sorted(gold_or_silver)


def test_help_on_a_value_filter_speaks_from_its_drop_down_and_boxes(partners) -> None:  # type: ignore[no-untyped-def]
    page, keys, _ids = partners
    budget = page._filter_widgets[keys["budget"]]
    for part in (budget.op, budget.first, budget.second):
        assert "<b>Budget</b><p>A filter" in part.whatsThis()
