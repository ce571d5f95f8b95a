"""Help ▸ User guide (F1), Help ▸ What's This? (Shift+F1) and loading a translation.

Real main window on the demo world, real guide file from docs/, real .qm files made by
pyside6-lrelease; what is checked is what the user sees: the guide's text and pictures, where
a link or a contents entry takes them, the What's This pointer, a menu in Welsh.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu, QWhatsThis
from sqlalchemy import func, select

from brokerdesk.core.models import Programme
from brokerdesk.gui.app import install_translation
from brokerdesk.gui.dialogs.user_guide import UserGuideWindow, guide_path
from brokerdesk.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def open_guide_with_f1(qtbot, window: MainWindow) -> UserGuideWindow:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help_actions.guide
    assert guide is not None
    qtbot.waitExposed(guide)
    return guide


def heading_top(guide: UserGuideWindow, anchor: str) -> int:
    heading = guide.heading(anchor)
    assert heading is not None, anchor
    document = guide.browser.document()
    block = document.findBlock(heading.position)
    return int(document.documentLayout().blockBoundingRect(block).top())


def test_f1_opens_the_guide_beside_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    guide = open_guide_with_f1(qtbot, window)
    assert guide.isVisible() and not guide.isModal()
    assert guide.windowTitle() == "BrokerDesk user guide"
    text = guide.browser.toPlainText()
    assert "Record a new partner" in text
    sections = [guide.contents.item(row).text() for row in range(guide.contents.count())]
    assert "Record a new partner" in sections
    assert sections[-1] == "Keyboard shortcuts"
    assert sections[-2] == "Using BrokerDesk with a screen reader"
    # The pictures are there, not broken: the welcome window's screenshot is loaded.
    image = guide.browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("screenshots/welcome.png")
    )
    assert image is not None and not image.isNull()
    # The main window stays usable while the guide is open: the guide is not modal, and F1
    # again brings the same guide forward instead of opening a second one.
    assert not guide.isModal() and QApplication.activeModalWidget() is None
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help_actions.guide is guide
    guide.close()


def test_a_link_in_the_guide_scrolls_to_its_section(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    guide = open_guide_with_f1(qtbot, window)
    guide.browser.verticalScrollBar().setValue(0)
    # The contents at the top of the guide: click the "Import a spreadsheet" link.
    cursor = guide.browser.document().find("Import a spreadsheet")
    assert not cursor.isNull()
    assert cursor.charFormat().isAnchor()
    link = QTextCursor(cursor)
    link.setPosition(cursor.selectionStart() + 3)
    point = guide.browser.cursorRect(link).center()
    qtbot.mouseClick(guide.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    target = heading_top(guide, "import-a-spreadsheet")
    qtbot.waitUntil(lambda: guide.browser.verticalScrollBar().value() > 0)
    scrollbar = guide.browser.verticalScrollBar()
    assert scrollbar.value() == min(target, scrollbar.maximum())
    assert guide.contents.currentItem().text() == "Import a spreadsheet"
    # The reading cursor is at the section too, for screen readers and the keyboard.
    block = guide.browser.textCursor().block()
    assert block.text() == "Import a spreadsheet"
    guide.close()


def test_the_contents_list_and_find_move_through_the_guide(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    guide = open_guide_with_f1(qtbot, window)
    row = next(
        r
        for r in range(guide.contents.count())
        if guide.contents.item(r).text() == "Tidy duplicates"
    )
    item = guide.contents.item(row)
    rect = guide.contents.visualItemRect(item)
    qtbot.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert guide.browser.textCursor().block().text() == "Tidy duplicates"

    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    qtbot.keyClick(guide.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert guide.find_field.hasFocus()
    qtbot.keyClicks(guide.find_field, "Save my choices")
    qtbot.keyClick(guide.find_field, Qt.Key.Key_Return)
    assert guide.browser.textCursor().selectedText() == "Save my choices"
    qtbot.keyClicks(guide.find_field, " nowhere in the guide")
    qtbot.keyClick(guide.find_field, Qt.Key.Key_Return)
    assert "is not in the guide" in guide.find_status.text()
    guide.close()


def test_shift_f1_explains_the_focused_control_and_the_menu_enters_whats_this_mode(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    announcements,  # type: ignore[no-untyped-def]
) -> None:
    help_menu: QMenu = window.menus["help"]
    labels = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert labels[:2] == ["&User guide", "What's &This?"]
    assert window.help_actions.user_guide.shortcut().toString() == "F1"
    assert window.help_actions.whats_this.shortcut().toString() == "Shift+F1"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # By keyboard: the focused control's text, read out, and no mode a keyboard cannot leave.
    window.navigation.setFocus()
    qtbot.waitUntil(window.navigation.hasFocus)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyRelease(window.navigation, Qt.Key.Key_Shift)
    assert not QWhatsThis.inWhatsThisMode()
    assert any("navigation" in text.casefold() for text in announcements.texts())
    QWhatsThis.hideText()
    # From the menu (a mouse): the mode, in which the next click is explained.
    help_menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(help_menu.isVisible)
    try:
        help_menu.setActiveAction(window.help_actions.whats_this)
        qtbot.keyClick(help_menu, Qt.Key.Key_Return)
        qtbot.waitUntil(QWhatsThis.inWhatsThisMode)
        assert QApplication.overrideCursor() is not None
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.WhatsThisCursor
    finally:
        QWhatsThis.leaveWhatsThisMode()
        help_menu.hide()
        qtbot.keyRelease(window, Qt.Key.Key_Shift)
    assert not QWhatsThis.inWhatsThisMode()
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


def test_the_main_controls_say_what_they_do(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert "Navigation" in window.navigation.whatsThis()
    for action in (window.new_action, window.delete_action, window.undo_action):
        assert action.whatsThis(), action.text()
    partners = window.lists["partner"]
    assert "typos" in partners.search.whatsThis()
    for widget in partners._filter_widgets.values():
        assert "filter" in widget.whatsThis()
    assert partners.table.whatsThis()
    # A record page's buttons, built when the page opens.
    with window.ctx.db.read() as session:
        record_id = session.scalar(select(func.min(Programme.id)))
    window.open_record("programme", int(record_id))
    texts = {b.text(): b.whatsThis() for b in window.record_page.buttons}  # type: ignore[union-attr]
    assert "Select all shown" in texts["&Add library services…"]
    assert "stage" in texts["Change &stage…"]
    assert "programme" in texts["Ed&it…"]


def lrelease() -> str:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    if found is None:
        pytest.skip("pyside6-lrelease is not installed")
    return found


WELSH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Cymorth</translation>
    </message>
</context>
</TS>
"""


def test_a_shipped_catalogue_for_the_locale_is_loaded(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "brokerdesk_cy.ts"
    source.write_text(WELSH_TS, encoding="utf-8")
    subprocess.run(
        [lrelease(), str(source), "-qm", str(tmp_path / "brokerdesk_cy.qm")],
        check=True,
        capture_output=True,
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    try:
        # No catalogue for British English (the source language) or French: none of ours.
        assert install_translation(app, QLocale("en_GB"), folder=tmp_path) is None
        assert install_translation(app, QLocale("fr_FR"), folder=tmp_path) is None
        translator = install_translation(app, QLocale("cy_GB"), folder=tmp_path)
        assert translator is not None
        assert QCoreApplication.translate("MainWindow", "&Help") == "&Cymorth"
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert "&Cymorth" in titles
        assert "&Help" not in titles
    finally:
        # Every translator installed here goes, Qt's own French one too: left in, the rest
        # of this process's tests see 'Annuler' where they press Cancel.
        for installed in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(installed)
            installed.deleteLater()
    assert QCoreApplication.translate("MainWindow", "&Help") == "&Help"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_catalogue_holds_the_apps_strings() -> None:
    """resources/translations/brokerdesk_en_GB.ts, made by `make translations`."""
    catalogue = (ROOT / "resources" / "translations" / "brokerdesk_en_GB.ts").read_text("utf-8")
    assert 'sourcelanguage="en_GB"' in catalogue
    # "library services" is a record kind's word (gui/kind_words.py, context RecordKinds): the
    # navigation shows it as a heading, capitalised.
    for text in ("&amp;User guide", "What&apos;s &amp;This?", "library services", "&amp;Back"):
        assert f"<source>{text}</source>" in catalogue, text


def test_the_guide_is_found_where_the_build_puts_it() -> None:
    """Source checkout: docs/ of the repository; the frozen build ships the same folder."""
    assert guide_path() == ROOT / "docs" / "user-guide.md"
    spec = (ROOT / "brokerdesk.spec").read_text("utf-8")
    assert '"docs"' in spec and "user-guide.md" in spec
    guide = guide_path().read_text("utf-8")
    pictures = {
        line.split("](", 1)[1].split(")", 1)[0] for line in guide.splitlines() if "![" in line
    }
    assert pictures, "the guide shows screenshots"
    for picture in pictures:
        assert (ROOT / "docs" / picture).exists(), picture


def test_the_frozen_build_shows_the_guide_with_its_pictures(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A bundle laid out as brokerdesk.spec lays it out: docs/user-guide.md and only the
    screenshots the guide shows (picked by the spec's own pattern)."""
    spec = (ROOT / "brokerdesk.spec").read_text("utf-8")
    pattern = re.search(r're\.findall\(r"(.+?)", GUIDE', spec)
    assert pattern is not None, "the spec picks the guide's pictures with re.findall"
    guide_text = (ROOT / "docs" / "user-guide.md").read_text("utf-8")
    bundle = tmp_path / "bundle"
    (bundle / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "user-guide.md", bundle / "docs")
    pictures = sorted(set(re.findall(pattern.group(1), guide_text)))
    for picture in pictures:
        (bundle / "docs" / picture).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / picture, bundle / "docs" / picture)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert guide_path() == bundle / "docs" / "user-guide.md"
    guide = UserGuideWindow()
    qtbot.addWidget(guide)
    guide.show()
    document = guide.browser.document()
    for picture in pictures:
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(picture))
        assert image is not None and not image.isNull(), picture
    assert len(pictures) < len(list((ROOT / "docs" / "screenshots").glob("*.png")))
