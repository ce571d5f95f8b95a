"""File ▸ Import…: the wizard driven as a user would, on real files and the demo world."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget, QWizard
from shiboken6 import isValid
from sqlalchemy import select, text

from brokerdesk.core.db import Database
from brokerdesk.core.importing import MappingStore, RefusedRow
from brokerdesk.core.models import LibraryService
from brokerdesk.gui.importing.finish_pages import RefusedModel
from brokerdesk.gui.importing.preview_page import PreviewModel
from brokerdesk.gui.importing.wizard import ImportWizard
from brokerdesk.gui.main_window import MainWindow

Button = QWizard.WizardButton
PROGRAMME = "Baby Book Bags"


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _count(db: Database, table: str) -> int:
    with db.read() as session:
        return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


@pytest.fixture
def wizard(qtbot, window: MainWindow, tmp_path: Path) -> Iterator[ImportWizard]:  # type: ignore[no-untyped-def]
    """The wizard as File ▸ Import… opens it, saving mappings in this test's folder."""
    window.import_actions.mapping_store = MappingStore(tmp_path / "config")
    window.import_actions.import_file.trigger()
    opened: ImportWizard = window.import_actions.wizard
    qtbot.waitExposed(opened)
    yield opened
    window.ctx.tasks.wait(10_000)
    if isValid(opened) and opened.isVisible():  # a second wizard replaces (deletes) it
        opened.reject()


def _choose_file(qtbot, wizard: ImportWizard, path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData(kind))
    qtbot.keyClicks(page.path, str(path))
    wizard.button(Button.NextButton).click()  # reads the file, then goes on by itself
    qtbot.waitUntil(lambda: wizard.currentId() != wizard.FILE, timeout=20_000)


def _to_preview(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(wizard.previewed, timeout=20_000):
        wizard.button(Button.NextButton).click()
    assert wizard.currentId() == wizard.PREVIEW


def _import(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    assert wizard.currentId() == wizard.MATCHES
    commit = wizard.button(Button.CommitButton)
    assert commit.text() == "&Import" and commit.isVisible()
    with qtbot.waitSignal(wizard.imported, timeout=60_000):
        commit.click()
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.SUMMARY)


def test_file_menu_offers_import_first_with_its_shortcut(window: MainWindow) -> None:
    action = window.import_actions.import_file
    assert window.menus["file"].actions()[0] is action
    assert action.text() == "&Import…"
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    assert action in window.toolbar.actions()


def test_accepting_every_suggestion_leaves_the_names_only_a_person_can_settle(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
) -> None:
    rows = [["Authority", "Project", "Stage"]]
    rows += [[name, PROGRAMME, "interested"] for name in ("Kingston", "Nottinghmshre", "Derby CC")]
    _choose_file(qtbot, wizard, _csv(tmp_path / "s.csv", rows), "participations")
    _to_preview(qtbot, wizard)
    preview = wizard.preview_page
    kingston = preview.review_combos[2]
    assert 4 not in preview.review_combos  # "Derby CC" is Derby: nothing to review
    offered = [kingston.itemText(i) for i in range(1, kingston.count())]
    assert offered == ["Kingston upon Hull (E06000010)", "Kingston upon Thames (E09000021)"]
    with qtbot.waitSignal(wizard.previewed, timeout=20_000):
        preview.accept_all.click()
    assert preview.review_combos[2].currentText() == "Leave the row refused"
    assert "Nottinghamshire" in preview.review_combos[3].currentText()


def test_sign_up_sheet_mapped_fixed_reviewed_and_imported(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    rows = [["Authority", "Project", "Stage", "Comments"]]
    names = ["Bristol Libraries", "Hull", "Rhondda Cynon Taff", "Nottinghmshre", "St Helens"]
    rows += [[name, PROGRAMME, "interested", f"signed up {i}"] for i, name in enumerate(names)]
    rows.append(["Caerdydd", PROGRAMME, "maybe later", "stage nobody uses"])
    sheet = _csv(tmp_path / "sign-ups.csv", rows)
    _choose_file(qtbot, wizard, sheet, "participations")
    assert wizard.currentId() == wizard.MAPPING  # a CSV has no sheet to choose
    assert "separated by commas" in wizard.file_page.status.text()
    page = wizard.mapping_page
    assert page.combos["service"].currentText() == "Authority"
    assert page.combos["programme"].currentText() == "Project"
    assert page.samples["service"].text() == "Bristol Libraries"
    assert page.samples["notes"].text() == "signed up 0"

    page.choose("programme", "")  # no programme column and none chosen: blocked, and why
    next_button = wizard.button(Button.NextButton)
    assert not next_button.isEnabled()
    assert "Programme column" in page.messages["programme"].text()
    assert "blocked" in page.blocked.text()
    page.choose("programme", "Project")
    assert next_button.isEnabled() and page.messages["programme"].text() == ""

    _to_preview(qtbot, wizard)
    preview = wizard.preview_page
    model = preview.model
    words = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert words["5"] == "Needs review"  # Nottinghmshre
    assert words["7"] == "Refused"  # the stage nobody uses: said in words, not colour only
    reasons = model.index(5, 2).data()
    assert "Stage" in reasons
    assert "1 refused" in preview.counts.text() and "1 need review" in preview.counts.text()
    review = preview.review_combos[5]
    assert review.currentText() == "Leave the row refused"  # never guessed
    assert "Nottinghamshire" in review.itemText(1)

    with qtbot.waitSignal(wizard.previewed, timeout=20_000):
        preview.accept_all.click()  # accepting re-runs the preview
    assert model.index(3, 1).data().startswith("Create")
    with window.ctx.db.read() as session:
        nottinghamshire = session.scalar(
            select(LibraryService.id).where(LibraryService.gss_code == "E10000024")
        )
    assert wizard.resolutions[5] == nottinghamshire
    mapped = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Notes" in mapped  # mapped from "Comments" so far

    wizard.back()  # fix the mapping: Comments were not imported as notes
    assert wizard.currentId() == wizard.MAPPING
    page.choose("notes", "")
    _to_preview(qtbot, wizard)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Notes" not in headers  # the preview's columns are the fields being imported
    assert model.columnCount() == 3 + 3  # row, action, reasons + service, programme, stage

    wizard.button(Button.NextButton).click()
    matches = wizard.matches_page
    assert matches.skip_button.isChecked()
    matches.skip_invalid.click()
    before = _count(window.ctx.db, "participation")
    _import(qtbot, wizard)
    summary = wizard.summary_page
    assert summary.figures["refused"].text() == "1"
    created = int(summary.figures["created"].text())
    assert created + int(summary.figures["skipped"].text()) == 5
    assert _count(window.ctx.db, "participation") == before + created
    assert "Imported sign-ups.csv" in summary.headline.text()
    assert "cannot be undone" in summary.safety.text()
    backup = Path(summary.safety.text().splitlines()[-1])
    assert backup.is_file() and "before-import" in backup.name
    assert not wizard.button(Button.BackButton).isEnabled()  # it is in the database now
    wizard.button(Button.FinishButton).click()
    assert not wizard.isVisible()


@pytest.mark.slow  # imports enough rows to cancel part-way: 10-20 s
def test_cancel_part_way_writes_nothing(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    rows = [["Date", "Subject", "Organisation"]]
    rows += [
        [f"2025-0{1 + i % 9}-1{i % 9}", f"Call {i}", "Civic Data Collective"] for i in range(12_000)
    ]
    big = _csv(tmp_path / "calls.csv", rows)
    _choose_file(qtbot, wizard, big, "interactions")
    _to_preview(qtbot, wizard)
    wizard.button(Button.NextButton).click()
    before = _count(window.ctx.db, "interaction")
    released = threading.Event()
    with qtbot.waitSignal(wizard.ctx.tasks.busy_changed, timeout=5_000):
        wizard.button(Button.CommitButton).click()
    task = wizard.import_task
    dialog = wizard.progress
    assert task is not None and dialog is not None
    qtbot.waitUntil(dialog.isVisible)  # after a moment, while the import is still running

    def hold(done: int, _total: int, _text: str) -> None:  # in the worker, between chunks
        if done >= 5_000:
            released.wait(10)

    def press_cancel(done: int, _total: int, _text: str) -> None:  # the user, on screen
        if done >= 5_000 and not released.is_set():
            assert dialog.value() >= 5_000  # part-way: the first chunk is done
            dialog.findChild(QPushButton).click()  # Cancel
            released.set()

    task.signals.progress.connect(hold, Qt.ConnectionType.DirectConnection)
    task.signals.progress.connect(press_cancel)
    qtbot.waitUntil(lambda: wizard.import_task is None, timeout=30_000)
    assert wizard.currentId() == wizard.MATCHES
    assert "cancelled; nothing was written" in wizard.matches_page.outcome.text()
    assert _count(window.ctx.db, "interaction") == before


def test_garbage_file_is_refused_at_once(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
) -> None:
    garbage = tmp_path / "photo.csv"
    garbage.write_bytes(bytes(range(256)) * 64)
    page = wizard.file_page
    qtbot.keyClicks(page.path, str(garbage))
    qtbot.keyClick(page.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "cannot be imported" in page.status.text(), timeout=10_000)
    assert "not a spreadsheet" in page.status.text()
    assert not wizard.button(Button.NextButton).isEnabled()
    assert wizard.currentId() == wizard.FILE


def test_workbook_with_two_sheets_imports_the_chosen_one(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    notes.title = "Read me"
    notes.append(["Notes"])
    notes.append(["The partners are on the next sheet"])
    partners = book.create_sheet("New partners")
    partners.append(["Organisation", "Web site"])
    partners.append(["Northern Lights Reading Trust", "https://example.org/nlrt"])
    partners.append(["Coastal Stories CIC", "https://example.org/coastal"])
    path = tmp_path / "partners.xlsx"
    book.save(path)
    _choose_file(qtbot, wizard, path, "partners")
    assert wizard.currentId() == wizard.SHEET
    assert "2 sheet(s)" in wizard.file_page.status.text()
    sheet = wizard.sheet_page
    assert sheet.sheets.currentText() == "Read me"
    sheet.sheets.setCurrentIndex(sheet.sheets.findText("New partners"))
    qtbot.waitUntil(lambda: "Organisation, Web site" in sheet.status.text(), timeout=10_000)
    wizard.button(Button.NextButton).click()
    assert wizard.mapping_page.combos["name"].currentText() == "Organisation"
    assert wizard.mapping_page.samples["website"].text() == "https://example.org/nlrt"
    _to_preview(qtbot, wizard)
    assert "2 to create" in wizard.preview_page.counts.text()
    wizard.button(Button.NextButton).click()
    before = _count(window.ctx.db, "partner")
    _import(qtbot, wizard)
    assert wizard.summary_page.figures["created"].text() == "2"
    assert _count(window.ctx.db, "partner") == before + 2
    partner_list = window.lists["partner"]
    qtbot.waitUntil(lambda: partner_list.model.rowCount() == before + 2, timeout=10_000)


def test_saved_mapping_is_offered_the_second_time(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    path = _csv(
        tmp_path / "contacts.csv",
        [["Who", "Org", "Mail"], ["Amira Khan", "Civic Data Collective", "amira@example.org"]],
    )
    _choose_file(qtbot, wizard, path, "contacts")
    page = wizard.mapping_page
    assert "Suggested" in page.source_note.text()
    assert page.combos["full_name"].currentText() == "(not imported)"
    assert not wizard.button(Button.NextButton).isEnabled()
    page.choose("full_name", "Who")
    page.choose("partner", "Org")
    page.choose("email", "Mail")
    _to_preview(qtbot, wizard)
    wizard.button(Button.NextButton).click()
    _import(qtbot, wizard)
    assert wizard.summary_page.figures["created"].text() == "1"
    wizard.button(Button.FinishButton).click()

    window.import_actions.import_file.trigger()
    again: ImportWizard = window.import_actions.wizard
    try:
        qtbot.waitExposed(again)
        assert again.file_page.kind.currentData() == "contacts"  # remembered too
        qtbot.keyClicks(again.file_page.path, str(path))
        again.button(Button.NextButton).click()
        qtbot.waitUntil(lambda: again.currentId() == again.MAPPING, timeout=10_000)
        page = again.mapping_page
        assert "mapping you saved" in page.source_note.text()
        assert page.combos["full_name"].currentText() == "Who"
        assert page.combos["partner"].currentText() == "Org"
        assert page.combos["email"].currentText() == "Mail"
    finally:
        again.reject()


def test_refused_file_writes_nothing_and_its_rows_save_as_csv(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    path = _csv(
        tmp_path / "programmes.csv",
        [
            ["Programme", "Offer area", "Starts", "Ends"],
            ["Rhyme Time Plus", "Reading", "2026-01-01", "2026-12-31"],
            ["Back to Front", "Reading", "2026-06-01", "2026-01-01"],
            ["Makers' Mornings", "Nowhere in particular", "2026-02-01", ""],
        ],
    )
    _choose_file(qtbot, wizard, path, "programmes")
    _to_preview(qtbot, wizard)
    wizard.button(Button.NextButton).click()
    assert not wizard.matches_page.skip_invalid.isChecked()
    before = _count(window.ctx.db, "programme")
    _import(qtbot, wizard)
    summary = wizard.summary_page
    assert summary.title() == "Nothing was imported"
    assert summary.figures["refused"].text() == "2"
    assert "Nothing was written" in summary.headline.text()
    assert _count(window.ctx.db, "programme") == before
    assert summary.refused.rowCount() == 2
    saved = summary.save_refused(tmp_path / "refused.csv")
    assert saved is not None and "Saved 2 refused rows" in summary.saved.text()
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        back = list(csv.DictReader(handle))
    # The file's own headers and cells, and a Reason: fix it and import it again as it is.
    assert list(back[0]) == ["Programme", "Offer area", "Starts", "Ends", "Reason"]
    assert [r["Reason"].split(":")[0] for r in back] == ["Row 3", "Row 4"]
    assert back[1]["Programme"] == "Makers' Mornings"
    assert back[1]["Offer area"] == "Nowhere in particular"
    reason = summary.refused.index(0, 1).data().replace("; ", " | ")
    assert back[0]["Reason"] == f"Row 3: {reason}"

    assert wizard.button(Button.BackButton).isEnabled()  # nothing written: choices can change
    wizard.back()
    assert wizard.currentId() == wizard.MATCHES
    wizard.matches_page.skip_invalid.click()
    _import(qtbot, wizard)
    assert summary.figures["created"].text() == "1"
    assert _count(window.ctx.db, "programme") == before + 1


def test_preview_and_refused_models_pass_the_model_tester(
    qtmodeltester,  # type: ignore[no-untyped-def]
    qtbot,
    wizard: ImportWizard,
    tmp_path: Path,
) -> None:
    path = _csv(
        tmp_path / "partners.csv",
        [["Name", "Website"], ["Tidewater Trust", "https://example.org"], ["", "no name"]],
    )
    _choose_file(qtbot, wizard, path, "partners")
    _to_preview(qtbot, wizard)
    model = wizard.preview_page.model
    assert isinstance(model, PreviewModel) and model.rowCount() == 2
    qtmodeltester.check(model)
    refused = RefusedModel()
    refused.set_rows([RefusedRow(3, ["Name is required."], {"name": ""})])
    qtmodeltester.check(refused)


# ---------------------------------------------------------------------- reading off the GUI thread


def _held_reader(monkeypatch, release: threading.Event) -> list[threading.Thread]:  # type: ignore[no-untyped-def]
    """The real reader, recording its thread and holding until ``release`` (the big file)."""
    from brokerdesk.gui.importing import reading

    threads: list[threading.Thread] = []
    real = reading.open_spreadsheet

    def held(path: Path) -> Any:
        opened = real(path)  # a real read of the real file
        threads.append(threading.current_thread())
        release.wait(10)
        return opened

    monkeypatch.setattr(reading, "open_spreadsheet", held)
    return threads


def _reading_dialog(wizard: ImportWizard) -> QProgressDialog | None:
    found = wizard.findChildren(QProgressDialog, "import-reading")
    return next((d for d in found if d.isVisible()), None)


def test_file_is_read_off_the_gui_thread_and_next_waits_for_it(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
    monkeypatch,
) -> None:
    rows = [["Name", "Website"]] + [[f"Partner {i}", f"https://example.org/{i}"] for i in range(3)]
    path = _csv(tmp_path / "partners.csv", rows)
    release = threading.Event()
    threads = _held_reader(monkeypatch, release)
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("partners"))
    next_button = wizard.button(Button.NextButton)
    qtbot.keyClicks(page.path, str(path))
    next_button.click()
    assert page.status.text() == "Reading partners.csv…"
    assert not next_button.isEnabled()  # nothing to go on with until the file is read
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: _reading_dialog(wizard) is not None)  # after a moment
    assert wizard.currentId() == wizard.FILE
    release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.MAPPING, timeout=10_000)  # goes on
    assert _reading_dialog(wizard) is None
    assert "2 columns, about" in page.status.text()
    assert wizard.mapping_page.samples["name"].text() == "Partner 0"


def test_cancelled_read_leaves_the_page_usable_and_the_late_result_is_dropped(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
    monkeypatch,
) -> None:
    path = _csv(tmp_path / "big.csv", [["Name"], ["Tidewater Trust"]])
    release = threading.Event()
    threads = _held_reader(monkeypatch, release)
    page = wizard.file_page
    qtbot.keyClicks(page.path, str(path))
    qtbot.keyClick(page.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _reading_dialog(wizard) is not None)
    dialog = _reading_dialog(wizard)
    assert dialog is not None and "Reading big.csv" in dialog.labelText()
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()
    # usable at once, while the worker is still inside the read
    assert "Reading big.csv was cancelled" in page.status.text()
    assert wizard.button(Button.NextButton).isEnabled()
    assert wizard.source is None and _reading_dialog(wizard) is None
    release.set()
    qtbot.waitUntil(lambda: not wizard.ctx.tasks.busy, timeout=10_000)
    qtbot.wait(50)
    assert wizard.source is None and "cancelled" in page.status.text()  # late result dropped
    assert len(threads) == 1

    wizard.button(Button.NextButton).click()  # read it again, and go on this time
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.MAPPING, timeout=10_000)
    assert len(threads) == 2 and all(t is not threading.main_thread() for t in threads)


def test_workbook_sheets_are_read_off_the_gui_thread(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
    monkeypatch,
) -> None:
    from openpyxl import Workbook

    from brokerdesk.core.importing import readers

    book = Workbook()
    book.active.title = "Empty"
    partners = book.create_sheet("Partners")
    partners.append(["Organisation"])
    for i in range(2_000):
        partners.append([f"Partner {i}"])
    path = tmp_path / "partners.xlsx"
    book.save(path)
    threads: list[str] = []
    real = readers.SpreadsheetFile._find_header

    def watched(self: Any, chosen: str, number: int | None) -> Any:
        threads.append(threading.current_thread().name)
        return real(self, chosen, number)

    monkeypatch.setattr(readers.SpreadsheetFile, "_find_header", watched)
    _choose_file(qtbot, wizard, path, "partners")
    sheet = wizard.sheet_page
    assert "There is no header row" in sheet.status.text() or "empty" in sheet.status.text()
    assert not wizard.button(Button.NextButton).isEnabled()  # the empty sheet cannot be used
    sheet.sheets.setCurrentIndex(sheet.sheets.findText("Partners"))
    assert sheet.status.text() == "Reading the sheet 'Partners'…"
    assert not wizard.button(Button.NextButton).isEnabled()
    qtbot.waitUntil(lambda: "About 2,000 rows" in sheet.status.text(), timeout=10_000)
    assert wizard.button(Button.NextButton).isEnabled()
    assert len(threads) == 2 and threading.main_thread().name not in threads


def test_preview_honours_cancel_and_can_check_again(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
) -> None:
    rows = [["Name", "Website"]] + [[f"Partner {i}", ""] for i in range(800)]
    path = _csv(tmp_path / "partners.csv", rows)
    _choose_file(qtbot, wizard, path, "partners")
    released = threading.Event()
    checked: list[int] = []

    def hold(done: int, _total: int, _text: str) -> None:  # in the worker, before each row
        checked.append(done)
        if done == 10:
            released.wait(10)

    # The worker starts on Next and takes the file lock before its first row: holding the
    # lock until ``hold`` is connected keeps a quick worker from checking all 500 rows (and
    # ending before the dialog shows) while this thread is still connecting.
    with wizard.file_lock:
        wizard.button(Button.NextButton).click()
        run = wizard.previewing
        assert run is not None
        run.task.signals.progress.connect(hold, Qt.ConnectionType.DirectConnection)

    def shown() -> QProgressDialog | None:
        found = wizard.findChildren(QProgressDialog, "import-preview-progress")
        return next((d for d in found if d.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None)
    dialog = shown()
    assert dialog is not None and wizard.previewing is run
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()
    released.set()
    qtbot.waitUntil(lambda: not wizard.ctx.tasks.busy, timeout=10_000)
    page = wizard.preview_page
    assert "Checking the rows was cancelled" in page.error.text()
    assert page.model.rowCount() == 0 and page.again.isVisible()
    assert not wizard.button(Button.NextButton).isEnabled()
    assert max(checked) <= 11  # the worker stopped at the next row, not after 500

    with qtbot.waitSignal(wizard.previewed, timeout=20_000):
        page.again.click()
    assert "The first 500 rows (of about 800)" in page.counts.text()
    assert wizard.button(Button.NextButton).isEnabled()


def test_mapping_problems_come_from_the_core_check(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
) -> None:
    path = _csv(tmp_path / "services.csv", [["Authority", "Web"], ["Hull", "https://example.org"]])
    _choose_file(qtbot, wizard, path, "library_services")
    page = wizard.mapping_page
    next_button = wizard.button(Button.NextButton)
    assert next_button.isEnabled()
    page.choose("service", "")
    assert page.messages["service"].text() == (
        "Required: choose the column that holds Library service or GSS code."
    )
    assert not next_button.isEnabled()
    page.choose("service_code", "Authority")
    page.choose("website", "Authority")
    assert page.messages["website"].text() == "'Authority' is already the column for GSS code."
    assert not next_button.isEnabled()
    page.choose("website", "Web")
    assert next_button.isEnabled() and not page.blocked.text()


def test_closing_with_a_typed_path_reads_nothing(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
    monkeypatch,
) -> None:
    path = _csv(tmp_path / "later.csv", [["Name"], ["Tidewater Trust"]])
    threads = _held_reader(monkeypatch, threading.Event())
    wizard.file_page.path.setFocus()
    qtbot.keyClicks(wizard.file_page.path, str(path))
    wizard.button(Button.CancelButton).click()  # the line edit loses focus as it closes
    qtbot.wait(50)
    assert not wizard.isVisible() and not wizard.ctx.tasks.busy and threads == []


def test_once_import_is_pressed_only_its_progress_dialog_can_stop_it(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    """Esc on the wizard straight after Import must not close it while the import goes on
    writing behind it: the progress dialog (with Cancel) is in front from the first moment."""
    rows = [["Date", "Subject", "Organisation"]]
    rows += [
        [f"2025-0{1 + i % 9}-1{i % 9}", f"Call {i}", "Civic Data Collective"] for i in range(6)
    ]
    _choose_file(qtbot, wizard, _csv(tmp_path / "calls.csv", rows), "interactions")
    _to_preview(qtbot, wizard)
    wizard.button(Button.NextButton).click()
    before = _count(window.ctx.db, "interaction")
    wizard.button(Button.CommitButton).click()
    dialog = wizard.progress
    assert dialog is not None and dialog.isVisible(), "the progress dialog is there at once"
    QTest.keyClick(wizard.windowHandle(), Qt.Key.Key_Escape)  # as the window system sends it
    qtbot.waitUntil(lambda: wizard.import_task is None, timeout=30_000)
    assert wizard.isVisible() and wizard.currentId() == wizard.SUMMARY
    assert wizard.summary is not None and wizard.summary.created == 6
    assert _count(window.ctx.db, "interaction") == before + 6


def test_tab_reaches_the_programme_and_stage_for_every_row_before_the_buttons(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
) -> None:
    rows = [["Authority", "Stage"], ["Derby", "interested"]]
    _choose_file(qtbot, wizard, _csv(tmp_path / "s.csv", rows), "participations")
    page = wizard.mapping_page
    qtbot.waitUntil(lambda: wizard.currentPage() is page and bool(page.combos))
    last = list(page.combos.values())[-1]
    assert _chain_after(last, 2) == [page.programme, page.stage]


def _chain_after(widget: QWidget, count: int) -> list[QWidget]:
    """The next ``count`` widgets Tab can stop on after ``widget``."""
    found: list[QWidget] = []
    current = widget.nextInFocusChain()
    while len(found) < count and current is not widget:
        if current.focusPolicy() & Qt.FocusPolicy.TabFocus and current.isVisibleTo(widget.window()):
            found.append(current)
        current = current.nextInFocusChain()
    return found
