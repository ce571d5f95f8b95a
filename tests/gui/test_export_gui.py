"""Exports in the app: the Export menu, the partner page button, batches, Replace?, Open file.

Every test writes real files into tmp_path from the demo-world window and reads them back
(pypdf for PDF text, pandas for XLSX and CSV), as a user opening the file would.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pandas as pd
import pypdf
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from shiboken6 import isValid
from sqlalchemy import select

import brokerdesk.gui.exporting.done as export_done
import brokerdesk.gui.exporting.menu as export_features
import brokerdesk.gui.exporting.summaries as export_actions
from brokerdesk.core.exporting import summary_file_name
from brokerdesk.core.models import Partner
from brokerdesk.gui import settings as keys
from brokerdesk.gui.exporting.chosen import partners_in_view
from brokerdesk.gui.exporting.summary_dialog import ExportSummaryDialog, SummaryRequest
from tests.gui.drive import ModalDriver, answer_message_box

# ---------------------------------------------------------------------- helpers


def _partners(window: Any, count: int) -> list[tuple[int, str]]:
    with window.ctx.db.read() as session:
        rows = session.execute(select(Partner.id, Partner.name).order_by(Partner.id).limit(count))
        return [(int(i), str(n)) for i, n in rows]


def _words(text: str) -> str:
    return " ".join(text.split())  # PDF text comes with tabs between words


def _pdf_text(path: Path) -> str:
    return _words(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages))


def _unread_message(window: Any) -> Any:
    """The newest "exported" message on the window this test has not read yet, or None."""
    shown = window.findChildren(QMessageBox, "export-done-message")
    unread = [m for m in shown if not m.property("read_by_test")]
    return unread[-1] if unread else None


def _finish(qtbot: Any, window: Any) -> Any:
    """Wait for the export task, return the message shown afterwards."""
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=30_000)
    qtbot.waitUntil(lambda: _unread_message(window) is not None)
    message = _unread_message(window)
    message.setProperty("read_by_test", True)
    return message


def _fill_dialog(folder: Path, fmt: str | None = None) -> Any:
    def steps(dialog: ExportSummaryDialog) -> None:
        if fmt is not None:
            dialog.set_format(fmt)
        dialog.set_folder(folder)
        assert dialog.export_button.isEnabled(), dialog.problem.text()
        dialog.export_button.click()

    return steps


def _open_partner_page(qtbot: Any, window: Any, partner_id: int) -> Any:
    window.open_record("partner", partner_id)
    page = window.record_page
    qtbot.waitUntil(lambda: page.heading.text() != "")
    return page


# ---------------------------------------------------------------------- the menu


def test_export_menu_sits_between_view_and_help_and_holds_every_export(window) -> None:  # type: ignore[no-untyped-def]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&View") < titles.index("E&xport") < titles.index("&Tools")
    assert titles.index("&Tools") < titles.index("&Help")
    menu = window.export_actions.menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Partner summary…",
        "Summaries for &selected partners…",
        "Summaries for &all partners…",
        "&Report on the record shown…",
        "Re&gion summary…",
        "&Board pack…",
        "Participation &matrix…",
        "&Whole database…",
        "Export &view…",
        "&Calendar (.ics)…",
        "&Keep a calendar file up to date…",
    ]
    view_action = window.export_actions.view
    assert view_action.objectName() == "export-view-action"
    assert view_action.shortcut().toString() == "Ctrl+Shift+E"
    assert view_action in menu.actions()
    assert view_action not in window.menus["file"].actions()
    assert window.export_actions.partner_summary.shortcut().toString() == "Ctrl+Shift+P"


def test_partner_actions_follow_what_is_shown_or_selected(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.open_list("partner")
    page = window.lists["partner"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 3)
    page.table.clearSelection()
    assert not window.export_actions.partner_summary.isEnabled()
    assert not window.export_actions.summaries_button.isEnabled()
    (first_id, _name), (second_id, _other) = _partners(window, 2)
    page.select_ids([first_id, second_id])
    assert window.export_actions.selected_summaries.isEnabled()
    assert window.export_actions.summaries_button.isEnabled()
    _open_partner_page(qtbot, window, first_id)
    assert window.export_actions.partner_summary.isEnabled()
    assert partners_in_view(window) == [first_id]


# ---------------------------------------------------------------------- one partner


def test_partner_page_exports_pdf_xlsx_and_csv_that_name_the_partner(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    [(partner_id, name)] = _partners(window, 1)
    page = _open_partner_page(qtbot, window, partner_id)
    assert page.export_button.text() == "Export &summary"
    actions = {a.objectName(): a for a in page.export_menu.actions()}
    out = tmp_path / "board papers"

    for fmt in ("pdf", "xlsx", "csv"):
        driver = ModalDriver(ExportSummaryDialog, _fill_dialog(out))
        actions[f"export-summary-{fmt}"].trigger()
        driver.check()
        message = _finish(qtbot, window)
        written = out / summary_file_name(partner_id, name, fmt)
        assert name in message.text() and written.name in message.text()
        if fmt == "pdf":
            assert name in _pdf_text(written)
        elif fmt == "xlsx":
            sheets = pd.read_excel(
                written, sheet_name=None, header=None, dtype=str, engine="openpyxl"
            )
            assert "Summary" in sheets
            assert name in sheets["Summary"].to_string()
        else:
            assert written.is_dir()
            assert name in (written / "Summary.csv").read_text("utf-8-sig")
            assert message.open_button.text() == "&Open folder"
        message.close()
    assert window.ctx.settings.get(keys.EXPORT_FOLDER) == str(out)  # remembered for next time


def test_existing_file_is_kept_unless_the_user_presses_replace(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    [(partner_id, name)] = _partners(window, 1)
    file_name = summary_file_name(partner_id, name, "pdf")
    target = tmp_path / file_name
    old = b"%PDF-1.4 the version the board already has\n"
    target.write_bytes(old)
    request = SummaryRequest("pdf", tmp_path, file_name)
    asked: list[str] = []

    def cancel(box: QMessageBox) -> None:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Cancel").click()

    driver = ModalDriver(QMessageBox, cancel)
    assert export_features.export_partner_summary(window, partner_id, request=request) is None
    driver.check()
    assert asked == [f"Replace '{file_name}'?"]
    assert target.read_bytes() == old  # byte for byte

    driver = answer_message_box("Replace")
    export_features.export_partner_summary(window, partner_id, request=request)
    driver.check()
    _finish(qtbot, window)
    assert target.read_bytes() != old
    assert name in _pdf_text(target)


# ---------------------------------------------------------------------- batches


def test_three_selected_partners_give_three_files_and_an_index(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    chosen = _partners(window, 3)
    window.open_list("partner")
    page = window.lists["partner"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 3)
    page.select_ids([pid for pid, _ in chosen])
    out = tmp_path / "trustees"
    driver = ModalDriver(ExportSummaryDialog, _fill_dialog(out, "xlsx"))
    window.export_actions.summaries_button.click()
    driver.check()
    message = _finish(qtbot, window)
    assert "Wrote 3 partner summaries" in message.text()
    expected = {summary_file_name(pid, name, "xlsx") for pid, name in chosen}
    assert {p.name for p in out.iterdir()} == expected | {"index.csv", "index.xlsx"}
    index = pd.read_excel(out / "index.xlsx", dtype=str, engine="openpyxl")
    assert sorted(index["Partner"]) == sorted(name for _, name in chosen)
    assert message.target == out / "index.xlsx"


def test_a_batch_into_a_folder_with_old_files_asks_once_and_replaces_only_on_replace(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    chosen = _partners(window, 3)
    ids = [pid for pid, _ in chosen]
    olds = [tmp_path / summary_file_name(pid, name, "csv") / "Summary.csv" for pid, name in chosen]
    olds = [*olds[:2], tmp_path / "index.csv"]
    for old in olds:
        old.parent.mkdir(exist_ok=True)
        old.write_text("old")
    asked: list[tuple[str, str]] = []

    def cancel(box: QMessageBox) -> None:
        asked.append((box.text(), box.informativeText()))
        next(b for b in box.buttons() if b.text() == "Cancel").click()

    driver = ModalDriver(QMessageBox, cancel)
    request = SummaryRequest("csv", tmp_path)
    assert export_features.export_summaries(window, ids, request=request) is None
    driver.check()
    assert len(asked) == 1 and asked[0][0] == "Replace 3 existing files?"
    assert "3 of the 17 files" in asked[0][1]
    assert [p.read_text() for p in olds] == ["old"] * 3

    driver = answer_message_box("Replace")
    export_features.export_summaries(window, ids, request=request)
    driver.check()
    _finish(qtbot, window)
    assert all(p.read_text() != "old" for p in olds)
    assert (tmp_path / "index.xlsx").exists()


def test_cancel_part_way_keeps_whole_files_and_says_how_many(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    chosen = _partners(window, 3)
    first_written, go_on = threading.Event(), threading.Event()
    real_writer = export_actions.summary_writer

    def pausing_writer(fmt: str) -> Any:
        write = real_writer(fmt)

        def wrapped(summary: Any, path: Path, *, overwrite: bool = False) -> Path:
            result = write(summary, path, overwrite=overwrite)
            first_written.set()
            go_on.wait(10)  # the user reads the progress dialog and presses Cancel
            return Path(result)

        return wrapped

    monkeypatch.setattr(export_actions, "summary_writer", pausing_writer)
    out = tmp_path / "out"
    request = SummaryRequest("pdf", out)
    export_features.export_summaries(window, [pid for pid, _ in chosen], request=request)
    dialog = window.findChild(QProgressDialog, "export-progress")
    qtbot.waitUntil(first_written.is_set)
    names = sorted(chosen, key=lambda c: (c[1], c[0]))
    qtbot.waitUntil(lambda: dialog.labelText() == f"1 of 3: {names[0][1]}")
    qtbot.waitUntil(dialog.isVisible)  # shown once the export has taken a moment
    assert dialog.maximum() == 3
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()
    go_on.set()
    message = _finish(qtbot, window)
    assert "cancelled after 1 of 3 partners: 1 summary was written" in message.text()
    assert "the index was not written" in message.text()
    assert [p.name for p in out.iterdir()] == [summary_file_name(*names[0], "pdf")]
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted once done)


# ---------------------------------------------------------------------- matrix, database, open


def test_matrix_and_whole_database_export_and_open_the_right_places(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(export_done, "open_url", lambda url: opened.append(url) or True)
    [(_pid, name)] = _partners(window, 1)

    matrix = tmp_path / "matrix.xlsx"
    export_features.export_matrix(window, matrix)
    message = _finish(qtbot, window)
    frame = pd.read_excel(matrix, dtype=str, engine="openpyxl")
    assert (
        len(frame) > 100
        and "Participation matrix" in pd.ExcelFile(matrix, engine="openpyxl").sheet_names
    )
    assert message.open_button.text() == "&Open file"
    message.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(matrix))]

    import threading

    import brokerdesk.gui.exporting.workbooks as export_tasks

    writers: list[threading.Thread] = []
    real_writer = export_tasks.export_database_workbook

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        writers.append(threading.current_thread())
        return real_writer(*args, **kwargs)

    monkeypatch.setattr(export_tasks, "export_database_workbook", watched)
    workbook = tmp_path / "sub" / "everything.xlsx"
    export_features.export_database(window, workbook)
    message = _finish(qtbot, window)
    assert writers and writers[0] is not threading.main_thread()  # written off the GUI thread
    partners = pd.read_excel(workbook, sheet_name="partner", dtype=str, engine="openpyxl")
    assert name in set(partners["name"])
    message.folder_button.click()
    assert opened[-1] == QUrl.fromLocalFile(str(workbook.parent))
    assert opened[-1].toLocalFile() == str(tmp_path / "sub")


# ---------------------------------------------------------------------- the dialog and errors


def test_summary_dialog_follows_the_format_and_refuses_a_bad_name(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [(partner_id, name)] = _partners(window, 1)
    dialog = ExportSummaryDialog(window, partner=(partner_id, name), fmt="pdf", folder=tmp_path)
    dialog.show()
    assert dialog.name_edit.text() == summary_file_name(partner_id, name, "pdf")
    dialog.format_buttons["xlsx"].click()
    assert dialog.name_edit.text().endswith(".xlsx")
    assert dialog.preview.text() == f"Writes {tmp_path / dialog.name_edit.text()}"
    dialog.format_buttons["csv"].click()
    assert dialog.request().target == tmp_path / summary_file_name(partner_id, name, "csv")
    assert "Summary.csv" in dialog.preview.text()
    dialog.name_edit.setText("../elsewhere")
    assert not dialog.export_button.isEnabled()
    assert "cannot contain" in dialog.problem.text()
    for edit in (dialog.folder_edit, dialog.name_edit):
        assert edit.accessibleName()
    dialog.close()


def test_a_folder_that_cannot_be_written_is_reported_in_a_sentence(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    [(partner_id, name)] = _partners(window, 1)
    blocked = tmp_path / "not a folder"
    blocked.write_text("a file where the folder should be")
    request = SummaryRequest("pdf", blocked, summary_file_name(partner_id, name, "pdf"))
    export_features.export_partner_summary(window, partner_id, request=request)
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=30_000)

    def error_box() -> QMessageBox | None:
        found = window.findChildren(QMessageBox, "error-message")
        return next((b for b in found if b.isVisible()), None)

    qtbot.waitUntil(lambda: error_box() is not None)
    box = error_box()
    assert box is not None
    assert box.text().startswith(f"Cannot write to {blocked}")
    assert "Traceback" not in box.text()
    box.done(0)
    assert blocked.read_text() == "a file where the folder should be"
