"""The coverage map on the real widget: one shape per service, clicks and Enter open it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.settings import Settings
from brokerdesk.gui.views.dashboard.map_tab import MapTab
from brokerdesk.gui.views.map_view import PALETTE, ServiceShapeItem
from tests.core.test_coverage import build_random_uk


@pytest.fixture
def ctx(db: Database, shared_data: Path, tmp_path: Path) -> AppContext:
    build_random_uk(db, shared_data)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    return AppContext(db, settings)


@pytest.fixture
def tab(qtbot: QtBot, ctx: AppContext) -> MapTab:
    widget = MapTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def member_ids(db: Database) -> dict[int, str]:
    with db.read() as session:
        return dict(
            session.execute(text("SELECT id, gss_code FROM library_service WHERE is_member")).all()
        )


def test_every_member_service_has_exactly_one_shape(
    tab: MapTab, ctx: AppContext, shared_data: Path
) -> None:
    reference = json.loads(
        (shared_data / "authorities" / "library_authorities.json").read_text("utf-8")
    )
    members = member_ids(ctx.db)
    assert len(members) == 176
    items = list(tab.canvas.items_by_code.values())
    drawn = [i.service_id for i in items if i.member and i.service_id is not None]
    assert sorted(drawn) == sorted(members)  # each member once, nothing else coloured
    assert {i.gss_code for i in items} == {a["code"] for a in reference}
    grey = [i for i in items if not i.member]
    assert len(grey) == 32 and all(i.gss_code.startswith("S12") for i in grey)
    assert all("not a member" in i.toolTip() for i in grey)


def test_shading_matches_independent_sql(tab: MapTab, ctx: AppContext) -> None:
    area_index = 1  # the second offer area, "Health"
    tab.choice.setCurrentIndex(area_index)
    kind, area_id = tab.choice.currentData()
    assert kind == "area"
    sql = text(
        "SELECT p.service_id, COUNT(DISTINCT g.id) FROM participation p "
        "JOIN programme g ON g.id = p.programme_id JOIN library_service s ON s.id = p.service_id "
        "WHERE s.is_member AND g.status = 'live' AND p.stage IN ('signed_up', 'active') AND "
        "(g.offer_area_id = :a OR EXISTS (SELECT 1 FROM programme_offer_area x "
        "WHERE x.programme_id = g.id AND x.offer_area_id = :a)) GROUP BY p.service_id"
    )
    with ctx.db.read() as session:
        expected = dict(session.execute(sql, {"a": area_id}).all())
    assert expected
    for item in tab.canvas.items_by_code.values():
        if item.member and item.service_id is not None:
            n = expected.get(item.service_id, 0)
            assert item.level == min(n, 3)
            assert item.brush().color().name() == PALETTE[min(n, 3)]
            assert item.toolTip().startswith(item.name)
            # Every class but the darkest carries a pattern; gaps are cross-hatched.
            assert (item.hatch is not None) == (n < 3)
            if n == 0:
                assert item.hatch is not None
                assert item.hatch.style() == Qt.BrushStyle.DiagCrossPattern


def test_a_click_on_each_shape_opens_that_service(
    qtbot: QtBot, tab: MapTab, ctx: AppContext
) -> None:
    canvas = tab.canvas
    for service_id in member_ids(ctx.db):
        item = canvas.item_for_service(service_id)
        assert isinstance(item, ServiceShapeItem)
        canvas.fitInView(item.path().boundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        point: QPoint = canvas.mapFromScene(item.inner_point())
        hit = canvas.shape_at(point)
        assert hit is item, (item.name, hit.name if hit else None, point)
        with qtbot.waitSignal(tab.open_requested, timeout=1000) as signal:
            qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert signal.args == ["library_service", service_id]


def test_enter_on_the_selected_shape_opens_it_and_zoom_keys_work(
    qtbot: QtBot, tab: MapTab, ctx: AppContext
) -> None:
    canvas = tab.canvas
    canvas.fit()
    scale = canvas.transform().m11()
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.transform().m11() > scale
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.transform().m11() == pytest.approx(scale)
    wales = canvas.items_by_code["W06000015"]
    assert wales.service_id is not None
    canvas.show_service(wales.service_id)
    with qtbot.waitSignal(tab.open_requested, timeout=1000) as signal:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert signal.args == ["library_service", wales.service_id]


def test_the_table_says_what_the_map_shows(qtbot: QtBot, tab: MapTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = tab.table.source
    qtmodeltester.check(model)
    assert model.rowCount() == 208
    by_name = {r.cells[0]: r for r in model.rows}
    item = tab.canvas.items_by_code["E06000001"]
    assert by_name["Hartlepool"].cells[2] in item.toolTip()
    assert by_name["City of Edinburgh"].cells[2] == "Not a member"
    tab.table.setFocus()
    row = next(
        n
        for n in range(tab.table.source.rowCount())
        if tab.table.source.index(n, 0).data() == "Hartlepool"
    )
    tab.table.setCurrentIndex(tab.table.source.index(row, 0))
    with qtbot.waitSignal(tab.open_requested, timeout=1000) as signal:
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert signal.args == ["library_service", item.service_id]
