"""Long lists fetch their ids in windows: what the user sees must equal the full SQL order.

The window sizes are made small here so the demo world's few thousand interactions behave
like the million of ten years: a prefix, stretches by offset, and the tail for Ctrl+End.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from brokerdesk.core.db import Database
from brokerdesk.core.lists import ListState
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.models import record_table
from brokerdesk.gui.models.record_table import RAW, RECORD_ID


@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_table, "PREFIX", 40)
    monkeypatch.setattr(record_table, "WINDOW", 16)
    monkeypatch.setattr(record_table, "BLOCK", 8)


def full_order(db: Database, page: object, state: ListState) -> list[int]:
    with db.read() as session:
        return page.record_list.ids(session, state)  # type: ignore[attr-defined,no-any-return]


@pytest.mark.usefixtures("small_windows")
@pytest.mark.parametrize("entity", ["interaction", "contact"])
def test_every_sort_shows_the_same_order_as_sql(window: MainWindow, entity: str) -> None:
    window.open_list(entity)
    page = window.lists[entity]
    model = page.model
    assert model.rowCount() > 100  # long enough that most ids are fetched in windows
    for column in page.record_list.columns:
        for descending in (False, True):
            state = ListState(
                filters=dict(model.state.filters), sort_key=column.key, descending=descending
            )
            model.set_state(state)
            expected = full_order(window.ctx.db, page, state)
            assert model.rowCount() == len(expected)
            # The end first (Ctrl+End), then the middle, then everything in between.
            last = model.rowCount() - 1
            assert model.index(last, 0).data(RECORD_ID) == expected[-1], column.key
            middle = model.rowCount() // 2
            assert model.index(middle, 0).data(RECORD_ID) == expected[middle], column.key
            shown = [model.index(row, 0).data(RECORD_ID) for row in range(model.rowCount())]
            assert shown == expected, f"{column.key} {'desc' if descending else 'asc'}"


@pytest.mark.usefixtures("small_windows")
def test_ctrl_end_shows_the_oldest_interaction_and_opens_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.open_list("interaction")
    page = window.lists["interaction"]
    expected = full_order(window.ctx.db, page, page.model.state)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    current = page.table.currentIndex()
    assert current.row() == len(expected) - 1
    date_column = page.model.column_index("occurred_on")
    oldest = page.model.index(current.row(), date_column).data()
    assert oldest  # a real date, not an empty placeholder row
    page.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtBottom)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == ["interaction", expected[-1]]


@pytest.mark.usefixtures("small_windows")
def test_a_change_elsewhere_keeps_the_long_list_right(window: MainWindow) -> None:
    window.open_list("interaction")
    page = window.lists["interaction"]
    model = page.model
    before = model.rowCount()
    newest = model.record_id(0)
    assert newest is not None
    window.ctx.services.interactions.delete(newest)
    model.refresh()
    assert model.rowCount() == before - 1
    expected = full_order(window.ctx.db, page, model.state)
    assert model.ids == expected
    assert newest not in expected


def test_a_very_long_list_waits_for_a_third_letter(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brokerdesk.gui.views import list_page

    window.open_list("interaction")
    page = window.lists["interaction"]
    total = page.model.rowCount()
    monkeypatch.setattr(list_page, "SHORT_SEARCH_LIST_SIZE", total - 1)
    qtbot.keyClicks(page.search, "ca")
    page._apply_state()  # what the debounce timer does
    assert page.model.rowCount() == total  # nothing filtered yet, nothing slow run
    assert page.count_label.text() == f"Type 3 or more letters to search {total:,} interactions"
    qtbot.keyClicks(page.search, "ll")
    page._apply_state()
    assert 0 < page.model.rowCount() < total
    assert page.count_label.text().endswith(("interaction", "interactions"))
    page.search.clear()
    page._apply_state()
    assert page.model.rowCount() == total


def test_a_very_long_list_sorts_in_the_background_and_the_last_request_wins(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_table, "ASYNC_FROM", 10)
    window.open_list("interaction")
    page = window.lists["interaction"]
    model = page.model
    total = model.rowCount()
    first_shown = model.index(0, 0).data(RECORD_ID)
    by_subject = ListState(filters=dict(model.state.filters), sort_key="subject")
    by_kind = ListState(filters=dict(model.state.filters), sort_key="kind", descending=True)
    model.set_state(by_subject)
    assert model.busy
    assert page.count_label.text() == "Updating the list…"
    assert model.index(0, 0).data(RECORD_ID) == first_shown  # old rows stay usable meanwhile
    model.set_state(by_kind)  # another header clicked before the first answer came
    qtbot.waitUntil(lambda: not model.busy, timeout=10_000)
    window.ctx.tasks.wait(10_000)  # the first, superseded answer arrives too: it is dropped
    qtbot.wait(50)
    expected = full_order(window.ctx.db, page, by_kind)
    assert [model.index(r, 0).data(RECORD_ID) for r in range(model.rowCount())] == expected
    assert model.rowCount() == total
    assert page.count_label.text() == f"{total:,} interactions"


def test_working_shows_while_a_background_task_runs_and_goes_when_it_ends(
    qtbot: QtBot, window: MainWindow
) -> None:
    import threading

    release = threading.Event()
    window.ctx.tasks.start(lambda _progress: release.wait(10), "Waiting")
    qtbot.waitUntil(window.busy_label.isVisible)
    assert window.busy_label.text() == "Working…"
    release.set()
    qtbot.waitUntil(lambda: not window.busy_label.isVisible())


def test_sorting_by_a_column_queries_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt 6's sortByColumn asks the model to sort twice; the second ask must not re-query."""
    window.open_list("programme")
    page = window.lists["programme"]
    queries: list[ListState] = []
    real = page.model.refresh

    def counted() -> None:
        queries.append(page.model.state)
        real()

    monkeypatch.setattr(page.model, "refresh", counted)
    column = page.model.column_index("services")
    page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert len(queries) == 1
    assert (page.model.state.sort_key, page.model.state.descending) == ("services", True)
    page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)  # the other way: asks again
    assert len(queries) == 2


def test_columns_start_as_wide_as_their_values_need(window: MainWindow) -> None:
    window.open_list("interaction")
    header = window.lists["interaction"].table.horizontalHeader()
    model = window.lists["interaction"].model
    date, with_ = model.column_index("occurred_on"), model.column_index("about")
    assert header.sectionSize(date) < header.sectionSize(with_)
    partners = window.lists["partner"]
    assert partners.table.horizontalHeader().sectionSize(0) == 260  # names get the most room


def test_each_list_opens_in_its_own_order(window: MainWindow) -> None:
    """Partners A to Z by name; interactions newest first (not Qt's default, Z to A)."""
    window.open_list("partner")
    partners = window.lists["partner"].model
    first, second = (partners.index(r, 0).data() for r in (0, 1))
    assert (partners.state.sort_key, partners.state.descending) == ("name", False)
    assert first.casefold() <= second.casefold()
    window.open_list("interaction")
    interactions = window.lists["interaction"].model
    assert (interactions.state.sort_key, interactions.state.descending) == ("occurred_on", True)
    newest, older = (interactions.index(r, 0).data(RAW) for r in (0, 1))
    assert newest >= older


def test_work_that_finished_is_reported_done_even_if_cancel_came_too_late(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A task that ignored a late Cancel and completed (an import that committed) must not
    be reported as "cancelled, nothing written"."""
    import threading

    release = threading.Event()
    task = window.ctx.tasks.start(lambda _progress: release.wait(10) and "written", "Import")
    task.cancel()  # the user presses Cancel while the last step runs
    with qtbot.waitSignal(task.signals.finished, timeout=5_000) as done:
        release.set()
    assert done.args == ["written"]
