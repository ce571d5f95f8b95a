"""The window names kinds of record from the core registry, in words a translator can reach.

The navigation, the search palette, forms and record pages take their nouns from
``brokerdesk.core.kinds`` through ``brokerdesk.gui.kind_words``; lupdate must find every word
where it is registered (a word not marked with QT_TRANSLATE_NOOP would reach the screen
untranslatable), and a catalogue that translates them must change what the window shows.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from brokerdesk.core.kinds import KINDS, LISTED
from brokerdesk.gui import kind_words
from brokerdesk.gui.app import install_translation
from brokerdesk.gui.changes import affected
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.record_pages import page_class

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent


def test_lupdate_extracts_every_registered_word(tmp_path: Path) -> None:
    catalogue = tmp_path / "kinds.ts"
    subprocess.run(
        [
            str(TOOLS / "pyside6-lupdate"),
            "-silent",
            str(ROOT / "brokerdesk" / "core" / "kinds.py"),
            "-ts",
            str(catalogue),
        ],
        check=True,
        capture_output=True,
    )
    text = catalogue.read_text("utf-8")
    assert text.count("<name>") == 1 and "<name>RecordKinds</name>" in text
    extracted = set(re.findall(r"<source>(.*?)</source>", text))
    words = {w for k in KINDS.values() for w in (k.singular, k.plural)}
    assert extracted == words


def test_the_makefile_catalogue_reads_the_registry() -> None:
    """`make translations` gives lupdate the core files that mark words, kinds.py among them."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = makefile.split("\ntranslations:", 1)[1].split("\n\n", 1)[0]
    assert "grep -rl --include='*.py' QT_TRANSLATE_NOOP brokerdesk/core" in recipe
    assert "QT_TRANSLATE_NOOP" in (ROOT / "brokerdesk" / "core" / "kinds.py").read_text("utf-8")


def test_the_navigation_shows_the_listed_kinds_in_order(window: MainWindow) -> None:
    shown = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    # then the demo's static lists, under their own heading
    pages = [
        "Partners",
        "Library services",
        "Programmes",
        "Contacts",
        "Interactions",
        "Agreements",
        "Series",
        "Grants",
        "Today",
        "Dashboard",
        "Data quality",
        "Trash",
    ]
    assert shown.index("Static lists") == len(pages)
    assert shown[: len(pages)] == pages
    assert [a.text() for a in window.go_actions] == shown[: len(LISTED)]


def test_every_kind_with_a_page_has_one() -> None:
    for registered in KINDS.values():
        if registered.has_page:
            assert page_class(registered.key).entity == registered.key
        else:
            with pytest.raises(KeyError):
                page_class(registered.key)


def test_a_change_refreshes_the_views_the_registry_says_show_it() -> None:
    assert affected({"agreement"}) == {"agreement", "partner", "programme", "library_service"}
    assert affected({"partner"}) == {"partner", "programme", "contact", "interaction"}
    assert affected({"contact"}) == {"contact"}


WELSH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name>RecordKinds</name>
    <message>
        <source>library services</source>
        <translation>gwasanaethau llyfrgell</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>partner (cy)</translation>
    </message>
</context>
</TS>
"""


def test_a_catalogue_translates_the_kinds_on_screen(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "brokerdesk_cy.ts"
    source.write_text(WELSH_TS, encoding="utf-8")
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(source), "-qm", str(tmp_path / "brokerdesk_cy.qm")],
        check=True,
        capture_output=True,
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_translation(app, QLocale("cy_GB"), folder=tmp_path)
    assert translator is not None
    try:
        assert kind_words.title("library_service") == "Gwasanaethau llyfrgell"
        assert kind_words.one("partner") == "partner (cy)"
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        shown = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert "Gwasanaethau llyfrgell" in shown
        assert "Library services" not in shown
    finally:
        app.removeTranslator(translator)
    assert kind_words.title("library_service") == "Library services"
