"""The wizard on a sheet as it is received: a title and notes above the header, columns the
import does not take. The header is found, can be chosen by keyboard, and nothing is left
out without a word."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from shiboken6 import isValid
from sqlalchemy import text

from brokerdesk.core.importing import MappingStore
from brokerdesk.gui.importing.wizard import ImportWizard
from brokerdesk.gui.main_window import MainWindow

Button = QWizard.WizardButton
TITLE = "Reading Together 2025: library service sign-ups (return to partnerships@example.org)"


def received_sheet(path: Path) -> Path:
    """A sign-up sheet as a national charity sends it: title, note, blank row, then header."""
    rows = [
        [TITLE, "", "", "", "", "", ""],
        ["Please fill in one row per library service.", "", "", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["Library service", "Programme", "Stage", "Reach", "Contact name", "Phone", "Signed"],
        ["Bristol", "Baby Book Bags", "Signed-up", "c. 3,100", "Ann Lee", "0117 000 0000", "May"],
        ["Hull", "Baby Book Bags", "withdrawn (funding)", "n/a", "Bo Ray", "01482 000000", ""],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def wizard(qtbot, window: MainWindow, tmp_path: Path) -> Iterator[ImportWizard]:  # type: ignore[no-untyped-def]
    window.import_actions.mapping_store = MappingStore(tmp_path / "config")
    window.import_actions.import_file.trigger()
    opened: ImportWizard = window.import_actions.wizard
    qtbot.waitExposed(opened)
    yield opened
    window.ctx.tasks.wait(10_000)
    if isValid(opened) and opened.isVisible():
        opened.reject()


def open_sheet(qtbot, wizard: ImportWizard, path: Path) -> None:  # type: ignore[no-untyped-def]
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("participations"))
    qtbot.keyClicks(page.path, str(path))
    wizard.button(Button.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.MAPPING, timeout=20_000)


def test_the_header_is_found_under_the_title_and_can_be_chosen_by_keyboard(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
) -> None:
    open_sheet(qtbot, wizard, received_sheet(tmp_path / "sign-ups.csv"))
    page = wizard.mapping_page
    picker = page.picker
    assert picker.spin.value() == 4
    assert "Row 4 names the columns" in picker.note.text()
    assert "row 1: 'Reading Together 2025" in picker.note.text()  # said, not silently dropped
    assert picker.table.item(0, 0).text() == TITLE  # the sheet's top as it is
    assert picker.table.item(3, 0).font().bold()  # the header row stands out
    assert page.combos["service"].currentText() == "Library service"
    assert page.combos["reach"].currentText() == "Reach"
    # Named for a screen reader, reachable by keyboard, labelled by its visible label.
    assert picker.spin.accessibleName() == "Header row"
    assert picker.table.accessibleName() == "First rows of the sheet"
    assert picker.spin.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert picker.table.focusPolicy() & Qt.FocusPolicy.TabFocus

    # Row 1, the title, holds an e-mail address: it cannot be the header, and the page says
    # so beside the picker; the header in use is kept.
    picker.spin.setFocus()
    picker.spin.selectAll()
    qtbot.keyClicks(picker.spin, "1")
    qtbot.keyClick(picker.spin, Qt.Key.Key_Return)
    assert "data, not column names" in picker.problem.text()
    assert wizard.currentId() == wizard.MAPPING  # Enter took the row; it did not press Next
    assert picker.spin.value() == 4 and wizard.headers[0] == "Library service"
    # An empty row cannot be the header either.
    picker.spin.setValue(3)
    assert "Row 3" in picker.problem.text() and "empty" in picker.problem.text()
    assert picker.spin.value() == 4

    # The note (row 2), chosen by selecting it in the table and pressing the button, becomes
    # the header: the mapping is suggested afresh from its one "column", and Next is blocked.
    picker.table.setFocus()
    picker.table.selectRow(1)
    qtbot.keyClick(picker.use_row, Qt.Key.Key_Space)
    assert wizard.headers[0] == "Please fill in one row per library service."
    assert page.combos["reach"].currentText() == "(not imported)"
    assert "you chose" in picker.note.text() and picker.problem.text() == ""
    assert not wizard.button(Button.NextButton).isEnabled()

    # Back to the real header by typing its number.
    picker.spin.setFocus()
    picker.spin.selectAll()
    qtbot.keyClicks(picker.spin, "4")
    qtbot.keyClick(picker.spin, Qt.Key.Key_Return)
    headers = ["Library service", "Programme", "Stage", "Reach", "Contact name", "Phone", "Signed"]
    assert wizard.headers == headers
    assert page.combos["service"].currentText() == "Library service"
    assert page.problems() == {} and wizard.button(Button.NextButton).isEnabled()


def test_the_preview_lists_every_column_not_imported_and_the_rows_above_the_header(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    tmp_path: Path,
) -> None:
    open_sheet(qtbot, wizard, received_sheet(tmp_path / "sign-ups.csv"))
    with qtbot.waitSignal(wizard.previewed, timeout=20_000):
        wizard.button(Button.NextButton).click()
    preview = wizard.preview_page
    text = preview.left_out.text()
    assert preview.left_out.isVisibleTo(preview)
    assert "Columns not imported (1): Signed." in text  # the contact columns make contacts
    assert "row 1: 'Reading Together 2025" in text and "row 2: 'Please fill in" in text
    model = preview.model
    stages = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    # Loose stage, reach and "n/a" all read; each row's contact becomes a new contact.
    assert stages == {"5": "Create (with notes)", "6": "Create (with notes)"}
    assert "New contact: Ann Lee" in model.index(0, 2).data()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    stage = headings.index("Stage")
    assert model.index(1, stage).data() == "Withdrawn (typed 'withdrawn (funding)')"


def test_the_summary_says_which_contacts_were_made_and_what_was_not_imported(
    qtbot,  # type: ignore[no-untyped-def]
    wizard: ImportWizard,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    with window.ctx.db.read() as session:
        before = int(session.execute(text("SELECT count(*) FROM contact")).scalar_one())
    open_sheet(qtbot, wizard, received_sheet(tmp_path / "sign-ups.csv"))
    with qtbot.waitSignal(wizard.previewed, timeout=20_000):
        wizard.button(Button.NextButton).click()
    wizard.button(Button.NextButton).click()
    assert wizard.currentId() == wizard.MATCHES
    with qtbot.waitSignal(wizard.imported, timeout=60_000):
        wizard.button(Button.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.SUMMARY)
    headline = wizard.summary_page.headline.text()
    assert "2 new contacts made from the contact columns" in headline
    assert "Not imported: Signed." in headline
    with window.ctx.db.read() as session:
        names = session.execute(
            text("SELECT full_name FROM contact ORDER BY id DESC LIMIT 2")
        ).scalars()
        assert sorted(names) == ["Ann Lee", "Bo Ray"]
        assert session.execute(text("SELECT count(*) FROM contact")).scalar_one() == before + 2
