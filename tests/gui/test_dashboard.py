"""The dashboard page: every number against independent SQL, keyboard use, undoable invites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.models import Agreement, Interaction, Partner
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.settings import Settings
from brokerdesk.gui.views import charts
from brokerdesk.gui.views.dashboard import DashboardPage, create_dashboard_page
from tests.builders import small_world
from tests.core.test_coverage import INDEPENDENT_SQL, TOTALS_SQL, build_random_uk
from tests.core.test_health import TODAY
from tests.core.test_health import build as build_health

pytestmark = pytest.mark.date_sensitive  # also run under shifted clocks (Makefile)


def settle(qtbot: QtBot, page: DashboardPage) -> None:
    """Wait for the tabs that compute off the GUI thread."""
    qtbot.waitUntil(lambda: not page.health.loading and not page.suggestions.loading)


def make_page(qtbot: QtBot, db: Database, tmp_path: Path) -> DashboardPage:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    ctx = AppContext(db, settings)
    page = create_dashboard_page(ctx, None)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    for tab in (page.health, page.ending, page.charts):
        tab.today = TODAY
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def uk_page(
    qtbot: QtBot, db: Database, shared_data: Path, tmp_path: Path
) -> Iterator[DashboardPage]:
    build_random_uk(db, shared_data)
    page = make_page(qtbot, db, tmp_path)
    yield page
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy)  # no worker outlives the database


@pytest.fixture
def small_page(
    qtbot: QtBot, db: Database, world: small_world.World, tmp_path: Path
) -> Iterator[DashboardPage]:
    from tests.core.test_coverage import add_programme

    a, s = world.offer_areas, world.services
    add_programme(
        db,
        "Reading Friends",
        a["reading"],
        "live",
        {s["E06000023"]: "signed_up", s["E08000003"]: "active", s["E08000012"]: "interested"},
    )
    build_health(db, world)
    page = make_page(qtbot, db, tmp_path)
    yield page
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy)  # no worker outlives the database


def cell_texts(page: DashboardPage) -> dict[tuple[str, str], str]:
    model = page.coverage.table.source
    return {
        (str(row.cells[0]), model.headers[c]): str(row.cells[c])
        for row in model.rows
        for c in range(1, len(model.headers))
    }


def test_every_matrix_cell_matches_independent_sql(uk_page: DashboardPage) -> None:
    page = uk_page
    page.coverage.use_date.setChecked(True)
    page.coverage.as_at.setDate(dt.date(2026, 3, 1))
    shown = cell_texts(page)
    with page.ctx.db.read() as session:
        names = dict(session.execute(text("SELECT id, name FROM offer_area")).all())
        covered = {
            (names[a], r): n
            for a, r, n in session.execute(text(INDEPENDENT_SQL), {"day": dt.date(2026, 3, 1)})
        }
        totals = dict(session.execute(text(TOTALS_SQL)).all())
    assert len(shown) == 4 * 12  # four offer areas × (11 regions + all members)
    for (area, region), value in shown.items():
        if region == "All member services":
            n = sum(v for (a, _), v in covered.items() if a == area)
            assert value.startswith(f"{n}/176 ")
        else:
            n = covered.get((area, region), 0)
            assert value == f"{n}/{totals[region]} ({100 * n / totals[region]:.0f}%)"


def test_a_cell_lists_covered_and_missing_services(small_page: DashboardPage) -> None:
    page = small_page
    headers = page.coverage.table.source.headers
    row = [r.cells[0] for r in page.coverage.table.source.rows].index("Reading")
    page.coverage.show_cell(row, headers.index("North West"))
    assert [r.cells[0] for r in page.coverage.covered.source.rows] == ["Manchester"]
    assert [r.cells[0] for r in page.coverage.missing.source.rows] == [
        "Blackburn with Darwen",
        "Liverpool",
    ]
    assert page.coverage.detail_title.text() == "Reading in North West: 1 covered, 2 missing"


def test_coverage_export_from_the_page(small_page: DashboardPage, tmp_path: Path) -> None:
    written = small_page.coverage.export_to(tmp_path / "gaps.csv")
    assert written is not None and all(p.exists() for p in written)
    assert "Reading" in written[0].read_text("utf-8")


def test_health_and_follow_ups_match_sql(qtbot: QtBot, small_page: DashboardPage) -> None:
    page = small_page
    page.tabs.setCurrentWidget(page.health)
    settle(qtbot, page)
    follow = [r.cells for r in page.health.follow_ups.source.rows]
    with page.ctx.db.read() as session:
        due = session.execute(
            text(
                "SELECT follow_up_on, subject FROM interaction WHERE follow_up_on IS NOT NULL "
                "AND NOT follow_up_done AND follow_up_on <= :until ORDER BY follow_up_on"
            ),
            {"until": TODAY + dt.timedelta(days=7)},
        ).all()
        overdue_partners = {
            name
            for (name,) in session.execute(
                text(
                    "SELECT p.name FROM partner p LEFT JOIN interaction i ON i.partner_id = p.id "
                    "AND i.occurred_on <= :today WHERE p.status <> 'ended' GROUP BY p.id "
                    "HAVING MAX(i.occurred_on) IS NULL "
                    "OR julianday(:today) - julianday(MAX(i.occurred_on)) > p.contact_limit_days"
                ),
                {"today": TODAY},
            )
        }
    assert [(c[1], c[2]) for c in follow] == [(str(d), s) for d, s in due]
    assert [c[0] for c in follow] == ["Overdue", "Due"]
    shown = {r.cells[0] for r in page.health.partners.source.rows if r.warn}
    assert shown == overdue_partners == {"Cold Foundation", "New Prospect"}
    services = {r.cells[0]: r.cells[3] for r in page.health.services.source.rows}
    assert services["Manchester"] == "Overdue for contact"
    assert services["City of Bristol"] == "In touch"
    page.health.limit.setValue(200)
    settle(qtbot, page)
    services = {r.cells[0]: r.cells[3] for r in page.health.services.source.rows}
    assert services["Manchester"] == "In touch"


def test_ctrl_i_logs_an_interaction_with_the_partner(
    qtbot: QtBot, small_page: DashboardPage
) -> None:
    page = small_page
    page.tabs.setCurrentWidget(page.health)
    settle(qtbot, page)
    table = page.health.partners
    row = next(
        n
        for n in range(table.source.rowCount())
        if table.source.index(n, 0).data() == "Cold Foundation"
    )
    table.setFocus()
    table.setCurrentIndex(table.source.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    form = page.log_dialog
    assert form is not None and form.isVisible()
    assert "Cold Foundation" in form.windowTitle()
    subject = form.editors["subject"].focus_widget
    qtbot.waitUntil(subject.hasFocus)  # Ctrl+I, type, save: nothing else to reach
    qtbot.keyClicks(subject, "Rang about renewal")
    qtbot.keyClick(subject, Qt.Key.Key_Return)  # the form's default button saves
    assert not form.isVisible()
    with page.ctx.db.read() as session:
        logged = session.execute(
            text(
                "SELECT p.name, i.kind FROM interaction i JOIN partner p ON p.id = i.partner_id "
                "WHERE i.subject = 'Rang about renewal'"
            )
        ).all()
    assert logged == [("Cold Foundation", "call")]
    # The page refreshed from the change bus: the partner is in touch again.
    settle(qtbot, page)
    row = next(r for r in page.health.partners.source.rows if r.cells[0] == "Cold Foundation")
    assert not row.warn


def test_empty_subject_is_refused_and_the_dialog_stays(
    qtbot: QtBot, small_page: DashboardPage
) -> None:
    page = small_page
    with page.ctx.db.read() as session:
        partner_id = session.execute(text("SELECT id FROM partner LIMIT 1")).scalar_one()
        before = session.execute(text("SELECT COUNT(*) FROM interaction")).scalar_one()
    page.log_interaction("partner", partner_id, "Warm Trust")
    form = page.log_dialog
    assert form is not None
    form.save()  # no subject typed
    assert form.isVisible()
    assert not form.errors["subject"].isHidden()
    with page.ctx.db.read() as session:
        assert session.execute(text("SELECT COUNT(*) FROM interaction")).scalar_one() == before
    form.reject()


def test_ending_soon_matches_sql(small_page: DashboardPage) -> None:
    page = small_page
    page.tabs.setCurrentWidget(page.ending)
    rows = [r.cells for r in page.ending.table.source.rows]
    until = TODAY + dt.timedelta(days=90)
    with page.ctx.db.read() as session:
        programmes = session.execute(
            text(
                "SELECT end_date, name FROM programme WHERE end_date BETWEEN :t AND :u "
                "AND status NOT IN ('completed', 'cancelled')"
            ),
            {"t": TODAY, "u": until},
        ).all()
        agreements = session.execute(
            text("SELECT end_date, title FROM agreement WHERE end_date BETWEEN :t AND :u"),
            {"t": TODAY, "u": until},
        ).all()
    assert len(rows) == len(programmes) + len(agreements) == 2
    assert {(r[0], r[2]) for r in rows} == {
        (str(programmes[0][0]), "Programme"),
        (str(agreements[0][0]), "Agreement"),
    }
    assert [r[1] for r in rows] == [10, 89]


def test_invite_from_suggestions_is_undoable(qtbot: QtBot, small_page: DashboardPage) -> None:
    page = small_page
    page.tabs.setCurrentWidget(page.suggestions)
    tab = page.suggestions
    settle(qtbot, page)
    tab.programme.setCurrentIndex(tab.programme.findText("Reading Friends"))
    settle(qtbot, page)
    table = tab.for_programme
    first = table.source.index(0, 0)
    name = first.data()
    table.setCurrentIndex(first)
    assert "Not yet reached in Reading." in table.source.index(0, 3).data()
    tab.add_service.click()
    settle(qtbot, page)
    count_sql = text(
        "SELECT COUNT(*) FROM participation p JOIN library_service s ON s.id = p.service_id "
        "WHERE s.nice_name = :n AND p.stage = 'invited'"
    )
    with page.ctx.db.read() as session:
        assert session.execute(count_sql, {"n": name}).scalar_one() == 1
    assert name not in {r.cells[0] for r in table.source.rows}
    page.ctx.undo_stack.undo()
    settle(qtbot, page)
    with page.ctx.db.read() as session:
        assert session.execute(count_sql, {"n": name}).scalar_one() == 0


def test_charts_show_the_sql_counts_and_export_png(
    small_page: DashboardPage, tmp_path: Path
) -> None:
    page = small_page
    page.tabs.setCurrentWidget(page.charts)
    stages = page.charts.views["stages"].chart().series()[0].barSets()[0]
    with page.ctx.db.read() as session:
        expected = dict(
            session.execute(text("SELECT stage, COUNT(*) FROM participation GROUP BY stage")).all()
        )
    values = [int(stages.at(i)) for i in range(stages.count())]
    assert values == [
        expected.get(s, 0)
        for s in ("invited", "interested", "signed_up", "active", "completed", "withdrawn")
    ]
    target = charts.export_png(page.charts.views["programmes"], tmp_path / "programmes")
    assert target.suffix == ".png"
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 200


def test_every_control_is_named_with_its_visible_label(
    qtbot: QtBot, small_page: DashboardPage
) -> None:
    page = small_page
    unnamed = []
    checked = 0
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        settle(qtbot, page)
        tab = page.tabs.widget(index)
        for widget in tab.findChildren(QWidget):
            if not widget.isVisibleTo(tab):
                continue  # hidden table-corner buttons, closed combo-box popups
            if isinstance(widget, QAbstractButton):
                label = widget.text().replace("&", "")
                checked += 1
                if not label or label.casefold() not in widget.accessibleName().casefold():
                    unnamed.append(f"button {label!r}")
            elif isinstance(widget, QComboBox | QAbstractItemView):
                checked += 1
                if not widget.accessibleName():
                    unnamed.append(f"{type(widget).__name__} on tab {index}")
    assert unnamed == []
    assert checked >= 25


def test_models_pass_the_model_tester(small_page: DashboardPage, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    for table in (
        small_page.coverage.table,
        small_page.health.partners,
        small_page.health.follow_ups,
    ):
        small_page.tabs.setCurrentIndex(0)
        qtmodeltester.check(table.source)


def test_main_window_offers_the_dashboard(
    qtbot: QtBot, small_page: DashboardPage, tmp_path: Path
) -> None:
    from brokerdesk.gui.main_window import MainWindow

    window = MainWindow(small_page.ctx)
    qtbot.addWidget(window)
    assert "dashboard" not in window.pages  # built when first opened, not at start-up
    window.open_list("dashboard")
    assert isinstance(window.pages.get("dashboard"), DashboardPage)
    assert window.stack.currentWidget() is window.pages["dashboard"]
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert "Dashboard" in titles


_ = (Agreement, Interaction, Partner)


# No "as at" date: every live programme and active participation counts, whatever its dates.
COVERED_ANY_DATE_SQL = """
SELECT a.id, s.region, COUNT(DISTINCT s.id)
FROM library_service s
JOIN participation p ON p.service_id = s.id
JOIN programme g ON g.id = p.programme_id
JOIN offer_area a ON a.id = g.offer_area_id
   OR a.id IN (SELECT offer_area_id FROM programme_offer_area WHERE programme_id = g.id)
WHERE s.is_member AND g.status = 'live' AND p.stage IN ('signed_up', 'active')
GROUP BY a.id, s.region
"""


@pytest.fixture
def demo_page(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[DashboardPage]:
    from brokerdesk.core.demo import build_demo
    from brokerdesk.core.reference.load import initialise

    initialise(db)
    build_demo(db, today=TODAY)
    page = make_page(qtbot, db, tmp_path)
    yield page
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy)


def test_demo_database_numbers_match_sql(qtbot: QtBot, demo_page: DashboardPage) -> None:
    """On the demo database: matrix, map, health, ending soon and charts against SQL."""
    page = demo_page
    shown = cell_texts(page)
    with page.ctx.db.read() as session:
        names = dict(session.execute(text("SELECT id, name FROM offer_area")).all())
        covered = {(names[a], r): n for a, r, n in session.execute(text(COVERED_ANY_DATE_SQL))}
        totals = dict(session.execute(text(TOTALS_SQL)).all())
        stages = dict(
            session.execute(text("SELECT stage, COUNT(*) FROM participation GROUP BY stage")).all()
        )
        overdue_services = session.execute(
            text(
                "SELECT COUNT(*) FROM library_service s WHERE s.is_member AND NOT EXISTS ("
                "SELECT 1 FROM interaction i WHERE i.service_id = s.id AND i.occurred_on <= :t "
                "AND julianday(:t) - julianday(i.occurred_on) <= 180)"
            ),
            {"t": TODAY},
        ).scalar_one()
        ending = session.execute(
            text(
                "SELECT (SELECT COUNT(*) FROM programme WHERE end_date BETWEEN :t AND :u "
                "AND status NOT IN ('completed', 'cancelled')) + "
                # an agreement's end and notice dates ahead, its renewal overdue or ahead
                "(SELECT COUNT(*) FROM agreement WHERE status <> 'ended' AND end_date "
                "BETWEEN :t AND :u) + "
                "(SELECT COUNT(*) FROM agreement WHERE status <> 'ended' AND notice_date "
                "BETWEEN :t AND :u) + "
                "(SELECT COUNT(*) FROM agreement WHERE status <> 'ended' AND renewal_date <= :u)"
            ),
            {"t": TODAY, "u": TODAY + dt.timedelta(days=90)},
        ).scalar_one()
    assert sum(totals.values()) == 176
    assert sum(covered.values()) > 0
    for (area, region), value in shown.items():
        if region != "All member services":
            n = covered.get((area, region), 0)
            assert value == f"{n}/{totals[region]} ({100 * n / totals[region]:.0f}%)"
    page.tabs.setCurrentWidget(page.health)
    settle(qtbot, page)
    assert sum(1 for r in page.health.services.source.rows if r.warn) == overdue_services
    page.tabs.setCurrentWidget(page.ending)
    assert page.ending.table.source.rowCount() == ending
    page.tabs.setCurrentWidget(page.charts)
    bars = page.charts.views["stages"].chart().series()[0].barSets()[0]
    assert [int(bars.at(i)) for i in range(bars.count())] == [
        stages.get(s, 0)
        for s in ("invited", "interested", "signed_up", "active", "completed", "withdrawn")
    ]
    page.tabs.setCurrentWidget(page.map)
    drawn = [
        i.service_id
        for i in page.map.canvas.items_by_code.values()
        if i.member and i.service_id is not None
    ]
    assert len(drawn) == len(set(drawn)) == 176
