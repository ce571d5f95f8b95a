"""The dashboard on a database with nothing in it yet, and charts with nothing in their range.

A new team's first look at the dashboard is an empty one: every tab must draw without a Qt
warning (a warning fails the test), and a chart with nothing to count draws an empty axis and
says why in words, on screen and to a screen reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.reference.load import initialise
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.settings import Settings
from brokerdesk.gui.views.dashboard import DashboardPage, create_dashboard_page
from tests.builders import small_world
from tests.core.test_coverage import add_programme

pytestmark = pytest.mark.date_sensitive


def open_page(qtbot: QtBot, db: Database, tmp_path: Path) -> DashboardPage:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = create_dashboard_page(AppContext(db, settings), None)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def show_every_tab(qtbot: QtBot, page: DashboardPage) -> None:
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: not page.health.loading and not page.suggestions.loading)
        tab = page.tabs.widget(index)
        assert tab is not None
        tab.grab()  # paint it, as a user would see it


def show_charts(qtbot: QtBot, page: DashboardPage) -> None:
    """The Charts tab on screen, its cells shown (Qt shows new layout children on the next loop)."""
    page.tabs.setCurrentWidget(page.charts)
    qtbot.waitUntil(lambda: all(view.isVisible() for view in page.charts.views.values()))


def value_axis(page: DashboardPage, key: str) -> QValueAxis:
    axes = page.charts.views[key].chart().axes(Qt.Orientation.Vertical)
    assert len(axes) == 1 and isinstance(axes[0], QValueAxis)
    return axes[0]


@pytest.fixture
def empty_page(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[DashboardPage]:
    """A new database as `brokerdesk init` leaves it: the reference data, no team records."""
    initialise(db)
    page = open_page(qtbot, db, tmp_path)
    yield page
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy)


def test_a_new_database_shows_every_tab_without_a_warning(
    qtbot: QtBot, empty_page: DashboardPage
) -> None:
    show_every_tab(qtbot, empty_page)
    assert set(empty_page.charts.views) == {"programmes", "stages", "months"}


def test_a_database_without_reference_data_shows_every_tab(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    page = open_page(qtbot, db, tmp_path)  # migrated, nothing loaded: no offer areas either
    show_every_tab(qtbot, page)
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy)


def test_empty_charts_draw_an_empty_axis_and_say_why(
    qtbot: QtBot, empty_page: DashboardPage, tmp_path: Path
) -> None:
    page = empty_page
    show_charts(qtbot, page)
    for key, words in (
        ("programmes", "No programmes yet"),
        ("stages", "No library service takes part in a programme yet"),
        ("months", "No participations started between"),
    ):
        axis = value_axis(page, key)
        assert (axis.min(), axis.max()) == (0.0, 1.0), key  # a real range, not NaN
        reason = page.charts.reasons[key]
        assert reason.isVisibleTo(page) and reason.text().startswith(words), key
        view = page.charts.views[key]
        assert view.accessibleDescription() == reason.text()
        assert reason.buddy() is view or reason.accessibleName() == reason.text()
    page.charts.grab().save(str(tmp_path / "empty-charts.png"))


def test_a_chart_empty_only_in_its_range_says_which_months(
    qtbot: QtBot, db: Database, world: small_world.World, tmp_path: Path
) -> None:
    """Participations exist, but none started in the chart's twelve months (the CI failure:
    records made on the day the tests ran, charted for a fixed day months before)."""
    a, s = world.offer_areas, world.services
    links = {s["E06000023"]: "signed_up", s["E08000003"]: "active"}
    add_programme(db, "Reading Friends", a["reading"], "live", links)  # recorded today
    page = open_page(qtbot, db, tmp_path)
    page.charts.today = dt.date(2024, 3, 31)  # before the small world's records were made
    show_charts(qtbot, page)
    months = page.charts.reasons["months"]
    assert months.isVisibleTo(page)
    assert months.text() == "No participations started between Apr 2023 and Mar 2024."
    assert value_axis(page, "months").max() == 1.0
    stages = page.charts.reasons["stages"]
    assert not stages.isVisibleTo(page)  # the stage chart has counts: no excuse shown
    assert page.charts.views["stages"].accessibleDescription() == ""
    page.charts.today = clock.today()
    page.refresh_current()
    assert not months.isVisibleTo(page)  # records made today count in this month
    assert value_axis(page, "months").max() >= 1.0
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy)
