"""Named leads and data quality by keyboard: name a lead on a service page and undo it; find
the services of live programmes with nobody named on the dashboard's Leads wanted tab; walk
the Data quality page and open a record from it (issue 20)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from brokerdesk.gui.dialogs.named_lead import NamedLeadDialog
from brokerdesk.gui.main_window import Location, MainWindow
from brokerdesk.gui.views.dashboard.page import DashboardPage
from brokerdesk.gui.views.data_quality import DataQualityPage
from brokerdesk.gui.views.pages.service import ServicePage
from tests.gui.drive import ModalDriver


def a_gap(window: MainWindow) -> tuple[int, int, str, str]:
    """A North West service in a live programme with no named lead: (service, area, names)."""
    gap = next(g for g in window.ctx.services.named_leads.gaps() if g.region == "North West")
    return gap.service_id, gap.offer_area_id, gap.service, gap.offer_area


def test_name_a_lead_by_keyboard_and_undo_it(qtbot: QtBot, window: MainWindow) -> None:
    service, area, service_name, area_name = a_gap(window)
    person = window.ctx.services.contacts.create(
        {"full_name": "Rowan Ashby", "service_id": service}
    ).id
    window.open_record("library_service", service)
    page = window.record_page
    assert isinstance(page, ServicePage)
    qtbot.waitUntil(lambda: page.leads.rows_model.rowCount() == 6, timeout=5000)

    def choose(dialog: NamedLeadDialog) -> None:
        assert dialog.windowTitle() == f"Name a lead: {service_name}"
        assert QApplication.focusWidget() is dialog.area
        dialog.area.setCurrentIndex(dialog.area.findText(area_name))
        QTest.keyClick(dialog.area, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is dialog.person
        dialog.person.setCurrentIndex(dialog.person.findText("Rowan Ashby"))
        QTest.keyClick(dialog.person, Qt.Key.Key_Return)

    driver = ModalDriver(NamedLeadDialog, choose)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    focused = QApplication.focusWidget()
    assert focused is not None and page.isAncestorOf(focused), "the page has the focus"
    QTest.keyClick(focused, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Name a lead…
    qtbot.waitUntil(lambda: driver.ran, timeout=3000)  # a mnemonic clicks a moment later
    driver.check()

    def lead_shown() -> str:
        model = page.leads.rows_model
        row = model.row_of("offer_area", area_name)
        return str(model.row_at(row)["contact"]) if row is not None else ""

    qtbot.waitUntil(lambda: lead_shown() == "Rowan Ashby", timeout=5000)
    assert (service, area) not in {
        (g.service_id, g.offer_area_id) for g in window.ctx.services.named_leads.gaps()
    }
    assert window.ctx.undo_stack.undoText().startswith("Name Rowan Ashby as")
    window.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: lead_shown() == "Nobody named", timeout=5000)
    assert person in {cid for cid, _ in window.ctx.services.named_leads.candidates(service)}


def test_leads_wanted_lists_a_regions_services_and_opens_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    service, _area, service_name, area_name = a_gap(window)
    window.open_list("dashboard")
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    tab = dashboard.named_leads
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        dashboard.tabs.setCurrentWidget(tab)
    assert dashboard.tabs.tabText(dashboard.tabs.currentIndex()) == "Leads &wanted"
    matrix = tab.matrix
    headers = tab.matrix.source.headers
    row = tab.regions.index("North West")
    column = headers.index(area_name)
    count = matrix.source.index(row, column).data()
    assert int(count.replace(",", "")) >= 1
    matrix.setFocus()
    matrix.setCurrentIndex(matrix.source.index(row, column))
    QTest.keyClick(matrix, Qt.Key.Key_Return)
    assert tab.services.hasFocus()
    listed = [tab.services.source.index(r, 0).data() for r in range(tab.services.source.rowCount())]
    assert len(listed) == int(count.replace(",", ""))
    assert service_name in listed
    assert tab.shown.text().startswith(f"{count} services with no named lead ({area_name}")
    tab.services.setCurrentIndex(tab.services.source.index(listed.index(service_name), 0))
    QTest.keyClick(tab.services, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.location == Location("library_service", service), timeout=5000)


def test_the_data_quality_page_lists_each_check_and_opens_a_record(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.open_list("data_quality")
    page = window.pages["data_quality"]
    assert isinstance(page, DataQualityPage)
    qtbot.waitUntil(lambda: page.checks.count() == 6, timeout=10_000)
    titles = [page.checks.item(r).text() for r in range(page.checks.count())]
    assert titles[0].startswith("Partners with no relationship owner (")
    gaps = window.ctx.services.named_leads.gaps()
    assert titles[-1] == (f"Library services in live programmes with no named lead ({len(gaps):,})")
    page.checks.setFocus()
    page.checks.setCurrentRow(5)
    assert page.records.source.rowCount() == len(gaps)
    assert page.advice.text().startswith(
        f"Library services in live programmes with no named lead: {len(gaps):,} library services."
    )
    page.records.setFocus()
    page.records.setCurrentIndex(page.records.source.index(0, 0))
    QTest.keyClick(page.records, Qt.Key.Key_Return)
    first = page.records.source.record_at(0)
    assert first is not None
    qtbot.waitUntil(lambda: window.location == Location(*first), timeout=5000)
