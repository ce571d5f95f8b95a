"""View ▸ Theme (#17): System, Light, Dark and High contrast, remembered across restarts.

Each theme chosen from the menu recolours the whole application, with text that meets
4.5:1 (Light, Dark) or 7:1 (High contrast) against what is behind it; System puts back the
style and palette the application started with.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from brokerdesk.core.colours import TEXT_MINIMUM, contrast
from brokerdesk.core.db import Database
from brokerdesk.gui import theme
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.settings import THEME, Settings
from tests.gui.conftest import Announcements

Role = QPalette.ColorRole
HIGH_CONTRAST_MINIMUM = 7.0
PAIRS = (
    (Role.Window, Role.WindowText),
    (Role.Base, Role.Text),
    (Role.Button, Role.ButtonText),
    (Role.Highlight, Role.HighlightedText),
    (Role.ToolTipBase, Role.ToolTipText),
    (Role.Base, Role.Link),
)


@pytest.fixture(autouse=True)
def original_look(qapp: QApplication) -> Iterator[tuple[str, QPalette]]:
    """The application's style and palette before the test, put back after it: every test
    of this worker shares the one QApplication."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield style, palette
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    qapp.setPalette(palette)
    theme._system = None


def item(window: MainWindow, name: str) -> QAction:
    (action,) = [a for a in window.theme_actions.actions() if a.data() == name]
    return action


def style_under_the_sheet(app: QApplication) -> str:
    """The name of the style that draws the window (a style sheet hides it)."""
    sheet = app.styleSheet()
    app.setStyleSheet("")
    name = app.style().name().lower()
    app.setStyleSheet(sheet)
    return name


def colour(role: QPalette.ColorRole) -> str:
    return QApplication.palette().color(role).name()


def test_view_menu_offers_four_exclusive_themes(window: MainWindow) -> None:
    submenu = window.registered_actions["view.theme"].menu()
    assert isinstance(submenu, QMenu)
    assert submenu.menuAction() in window.menus["view"].actions()
    assert [a.text() for a in submenu.actions()] == [
        "&System",
        "&Light",
        "&Dark",
        "&High contrast",
    ]
    assert window.theme_actions.isExclusive()
    assert all(a.isCheckable() for a in submenu.actions())
    assert [a.data() for a in submenu.actions() if a.isChecked()] == ["system"]


@pytest.mark.parametrize(
    ("name", "window_colour", "text_colour", "highlight", "minimum"),
    [
        ("light", "#efefef", "#000000", "#1d5c99", TEXT_MINIMUM),
        ("dark", "#2b2b2b", "#e6e6e6", "#2f6aa3", TEXT_MINIMUM),
        ("high_contrast", "#000000", "#ffffff", "#ffff00", HIGH_CONTRAST_MINIMUM),
    ],
)
def test_a_theme_chosen_from_the_menu_recolours_the_app_readably(
    window: MainWindow,
    qapp: QApplication,
    announcements: Announcements,
    name: str,
    window_colour: str,
    text_colour: str,
    highlight: str,
    minimum: float,
) -> None:
    item(window, name).trigger()
    assert item(window, name).isChecked()
    assert style_under_the_sheet(qapp) == "fusion"  # it honours the palette
    assert colour(Role.Window) == window_colour
    assert colour(Role.WindowText) == text_colour
    assert colour(Role.Highlight) == highlight
    for background, text in PAIRS:
        ratio = contrast(colour(background), colour(text))
        assert ratio >= minimum, (background.name, text.name, round(ratio, 2))
    label = item(window, name).text().replace("&", "")
    assert window.statusBar().currentMessage() == f"Theme: {label}"
    assert announcements.texts()[-1] == f"Theme: {label}"
    assert window.settings.get(THEME) == name


def test_high_contrast_is_white_on_black_with_yellow_for_the_chosen_and_links(
    window: MainWindow,
) -> None:
    item(window, "high_contrast").trigger()
    assert (colour(Role.Base), colour(Role.Text)) == ("#000000", "#ffffff")
    assert (colour(Role.Highlight), colour(Role.HighlightedText)) == ("#ffff00", "#000000")
    assert colour(Role.Link) == "#ffff00"
    disabled = QApplication.palette().color(QPalette.ColorGroup.Disabled, Role.Text).name()
    assert contrast(disabled, "#000000") >= HIGH_CONTRAST_MINIMUM
    # A field's edge is drawn in white, not a shade darker than the black window.
    field = QLineEdit(window)
    field.resize(120, 24)
    edge = field.grab().toImage().pixelColor(0, 12).name()
    assert edge == "#ffffff"
    item(window, "dark").trigger()
    assert field.grab().toImage().pixelColor(0, 12).name() != "#ffffff"


def test_system_puts_back_the_style_and_palette_of_start_up(
    window: MainWindow, original_look: tuple[str, QPalette]
) -> None:
    style, palette = original_look
    item(window, "high_contrast").trigger()
    assert colour(Role.Window) == "#000000"
    item(window, "system").trigger()
    assert QApplication.style().name() == style
    assert window.styleSheet() == "" and isinstance(app := QApplication.instance(), QApplication)
    assert app.styleSheet() == ""  # High contrast's white edges are gone
    for role in (Role.Window, Role.WindowText, Role.Base, Role.Text, Role.Highlight):
        assert colour(role) == palette.color(role).name(), role.name
    assert window.statusBar().currentMessage() == "Theme: System"


def test_the_choice_survives_a_restart(
    qtbot: QtBot, window: MainWindow, world_db: Database, tmp_path: Path, qapp: QApplication
) -> None:
    item(window, "dark").trigger()
    window.close()
    # A new start: the platform's look again, then the saved theme before the window shows.
    theme.apply("system")
    theme._system = None
    assert colour(Role.Window) != "#2b2b2b"
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert theme.apply_saved(settings) == "dark"
    assert colour(Role.Window) == "#2b2b2b"
    again = MainWindow(AppContext(world_db, settings))
    qtbot.addWidget(again)
    assert [a.data() for a in again.theme_actions.actions() if a.isChecked()] == ["dark"]
    again.ctx.tasks.wait(5_000)


def test_an_unknown_saved_theme_is_the_system_one(tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "odd.ini"), QSettings.Format.IniFormat))
    settings.set(THEME, "sepia")
    before = colour(Role.Window)
    assert theme.apply_saved(settings) == "system"
    assert colour(Role.Window) == before
