"""Reports in the app: a record page's Report button, Export ▸ Region summary and Board
pack, and File ▸ Print preview, on the demo world, with the files read back."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from sqlalchemy import text

from brokerdesk.gui.reporting.choosing import BoardPackDialog, ReportDialog
from brokerdesk.gui.views.pages.report_button import ReportButton
from tests.reports.pdf_structure import assert_accessible


def _first(window: Any, sql: str) -> tuple[Any, ...]:
    with window.ctx.db.engine.connect() as conn:
        return tuple(conn.execute(text(sql)).first() or ())


def _open(qtbot: Any, window: Any, entity: str, record_id: int) -> Any:
    window.open_record(entity, record_id)
    page = window.record_page
    qtbot.waitUntil(lambda: page.heading.text() != "")
    return page


def _dialog(qtbot: Any, window: Any, kind: type[QDialog]) -> Any:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(kind)))
    return next(d for d in window.findChildren(kind) if d.isVisible())


def _done(qtbot: Any, window: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=60_000)
    qtbot.waitUntil(lambda: window.findChildren(QMessageBox, "export-done-message") != [])
    message = window.findChildren(QMessageBox, "export-done-message")[-1]
    message.close()
    return message


def test_a_programme_page_reports_itself_as_a_tagged_pdf(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    programme_id, name = _first(window, "SELECT id, name FROM programme ORDER BY id")
    page = _open(qtbot, window, "programme", programme_id)
    button = page.findChild(ReportButton)
    assert button is not None and button.accessibleName() == "Summary report" and button.isEnabled()
    names = [a.text() for a in button.menu().actions()]
    assert names == ["&PDF…", "&XLSX…", "&CSV…", "P&rint…", "Print pre&view…"]
    button.menu().actions()[0].trigger()
    dialog = _dialog(qtbot, window, ReportDialog)
    assert dialog.windowTitle() == f"Programme summary: {name}"
    assert dialog.fmt() == "pdf" and dialog.target().name == f"{name} ({programme_id}).pdf"
    target = tmp_path / "programme.pdf"
    dialog.save.edit.setText(str(target))
    dialog.accept()
    _done(qtbot, window)
    s = assert_accessible(target, f"Programme summary: {name}")
    assert name in s.text


def test_a_series_page_reports_its_rounds_side_by_side(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    series_id, name = _first(window, "SELECT id, name FROM series ORDER BY id")
    page = _open(qtbot, window, "series", series_id)
    button = page.findChild(ReportButton)
    assert button is not None and button.isEnabled()
    button.menu().actions()[0].trigger()
    dialog = _dialog(qtbot, window, ReportDialog)
    assert dialog.windowTitle() == f"Series summary: {name}"
    target = tmp_path / "series.pdf"
    dialog.save.edit.setText(str(target))
    dialog.accept()
    _done(qtbot, window)
    s = assert_accessible(target, f"Series summary: {name}")
    assert "Rounds side by side" in [t for _, t in s.headings]


def test_export_menu_region_summary_as_xlsx(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.report_actions.region_report.trigger()
    dialog = _dialog(qtbot, window, ReportDialog)
    dialog.region.setCurrentText("Wales")
    dialog.format_buttons["xlsx"].setChecked(True)
    assert dialog.target().name == "Wales region summary.xlsx"
    target = tmp_path / "wales.xlsx"
    dialog.save.edit.setText(str(target))
    dialog.accept()
    _done(qtbot, window)
    sheet = load_workbook(target)["Library services"]
    shown = sorted(str(row[0].value) for row in sheet.iter_rows(min_row=2))
    with window.ctx.db.engine.connect() as conn:
        welsh = sorted(
            conn.execute(text("SELECT nice_name FROM library_service WHERE region = 'Wales'"))
            .scalars()
            .all()
        )
    assert shown == welsh and len(welsh) == 22


def test_a_board_pack_starts_from_the_record_shown(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service_id, name = _first(
        window, "SELECT id, nice_name FROM library_service WHERE nice_name = 'City of Bristol'"
    )
    _open(qtbot, window, "library_service", service_id)
    window.report_actions.board_pack.trigger()
    dialog = _dialog(qtbot, window, BoardPackDialog)
    qtbot.waitUntil(lambda: not dialog.loading)  # the names are read by a worker
    assert [c[2] for c in dialog.chosen()] == [f"Library service summary: {name}"]
    dialog.find_edit.setText("region summary: south w")
    assert dialog.proxy.rowCount() == 1
    dialog.proxy.setData(dialog.proxy.index(0, 0), 2, 10)  # Qt.CheckStateRole: ticked
    dialog.title.setText("South West, December")
    assert dialog.count.text() == "2 report(s) chosen"
    target = tmp_path / "pack.pdf"
    dialog.save.edit.setText(str(target))
    dialog.accept()
    _done(qtbot, window)
    s = assert_accessible(target, "South West, December")
    assert s.bookmarks[:2] == ["South West, December", "Contents"]
    assert "City of Bristol" in s.bookmarks and "South West" in s.bookmarks


def test_the_board_pack_dialog_opens_before_the_names_are_read(
    qtbot, window, monkeypatch, announcements
) -> None:  # type: ignore[no-untyped-def]
    """Every record's name is read by a worker (held here until released): the dialog is
    there at once and takes typing in Find, says it is reading, then fills in with the
    record shown ticked and tells the screen reader how many reports there are."""
    from brokerdesk.gui.reporting import actions

    service_id, name = _first(
        window, "SELECT id, nice_name FROM library_service WHERE nice_name = 'City of Bristol'"
    )
    _open(qtbot, window, "library_service", service_id)
    real = actions.report_choices
    held, release = threading.Event(), threading.Event()

    def slow(db: Any) -> Any:
        held.set()
        release.wait(30)
        return real(db)

    monkeypatch.setattr(actions, "report_choices", slow)
    try:
        window.report_actions.board_pack.trigger()
        dialog = _dialog(qtbot, window, BoardPackDialog)
        qtbot.waitUntil(held.is_set)
        assert dialog.loading and dialog.count.text() == "Reading the names of the reports…"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        qtbot.keyClicks(dialog.find_edit, "bristol")
        assert dialog.find_edit.text() == "bristol", "the dialog takes keys meanwhile"
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5_000)
    assert [c[2] for c in dialog.chosen()] == [f"Library service summary: {name}"]
    assert dialog.proxy.rowCount() >= 1, "the Find typed meanwhile filters the names"
    assert ok.isEnabled() and dialog.count.text() == "1 report(s) chosen"
    total = len(dialog.choices)
    said = [t for t in announcements.texts() if "to choose from" in t]
    assert said == [f"{total} report(s) to choose from. 1 report(s) chosen"]
    dialog.reject()


def test_print_preview_shows_the_report_pages(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.open_list("partner")
    assert not window.report_actions.print_preview.isEnabled()
    assert window.report_actions.print_report.shortcut().toString() == "Ctrl+P"
    partner_id, name = _first(window, "SELECT id, name FROM partner ORDER BY id")
    _open(qtbot, window, "partner", partner_id)
    assert window.report_actions.print_preview.isEnabled()
    window.report_actions.print_preview.trigger()
    dialog = _dialog(qtbot, window, QPrintPreviewDialog)
    assert dialog.windowTitle() == f"Partner summary: {name}"
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 1)
    assert preview.pageCount() >= 2  # the demo partner's summary runs to two pages
    dialog.reject()
