"""The window's colours: the system's, Light, Dark or High contrast (View ▸ Theme, #17).

Light, Dark and High contrast set a palette of BrokerDesk's own on the application, drawn
with the Fusion style (the platform styles of Windows and macOS ignore an application
palette); System puts back the style and palette the application had at start-up. The
choice is remembered in the settings and applied at start-up before the window shows.

Every pair of text and what is behind it meets 4.5:1 in Light and Dark and 7:1 in High
contrast (WCAG 2.2 AA and AAA), as ``tests/gui/test_theme.py`` checks. The charts read the
palette as they are drawn (dark or light chart theme); the coverage map keeps its white sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from brokerdesk.gui.settings import THEME, Settings

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("Theme", "…")

ThemeName = Literal["system", "light", "dark", "high_contrast"]
THEMES: tuple[ThemeName, ...] = ("system", "light", "dark", "high_contrast")

# The menu items, each with its own Alt letter within the submenu.
_LABELS: dict[ThemeName, str] = {
    "system": "&System",
    "light": "&Light",
    "dark": "&Dark",
    "high_contrast": "&High contrast",
}

Role = QPalette.ColorRole

_LIGHT: dict[QPalette.ColorRole, str] = {
    Role.Window: "#efefef",
    Role.WindowText: "#000000",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f5f5",
    Role.Text: "#000000",
    Role.Button: "#efefef",
    Role.ButtonText: "#000000",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#1d5c99",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#000000",
    Role.PlaceholderText: "#595959",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#6a1b9a",
}
_LIGHT_DISABLED = "#666666"

# The dashboard screenshots' dark palette, its highlight a shade deeper for 4.5:1.
_DARK: dict[QPalette.ColorRole, str] = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e6e6e6",
    Role.Base: "#1f1f1f",
    Role.AlternateBase: "#2a2a2a",
    Role.Text: "#e6e6e6",
    Role.Button: "#353535",
    Role.ButtonText: "#e6e6e6",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#2f6aa3",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#353535",
    Role.ToolTipText: "#e6e6e6",
    Role.PlaceholderText: "#a6a6a6",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9",
}
_DARK_DISABLED = "#a0a0a0"

# Black and white, yellow for what is chosen and for links; frames drawn in white.
_HIGH_CONTRAST: dict[QPalette.ColorRole, str] = {
    Role.Window: "#000000",
    Role.WindowText: "#ffffff",
    Role.Base: "#000000",
    Role.AlternateBase: "#000000",
    Role.Text: "#ffffff",
    Role.Button: "#000000",
    Role.ButtonText: "#ffffff",
    Role.BrightText: "#ffff00",
    Role.Highlight: "#ffff00",
    Role.HighlightedText: "#000000",
    Role.ToolTipBase: "#000000",
    Role.ToolTipText: "#ffffff",
    Role.PlaceholderText: "#c0c0c0",
    Role.Link: "#ffff00",
    Role.LinkVisited: "#00ffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#ffffff",
    Role.Mid: "#ffffff",
    Role.Dark: "#ffffff",
    Role.Shadow: "#ffffff",
}
_HIGH_CONTRAST_DISABLED = "#c0c0c0"
# Fusion draws the edges of fields and tick boxes a shade darker than the window: unseen on
# black. In High contrast they are drawn in white (in yellow around the focus), and a ticked
# box is filled with yellow.
_HIGH_CONTRAST_SHEET = """
QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox {
    border: 1px solid #ffffff;
}
QPushButton, QToolButton { border: 1px solid #ffffff; padding: 3px 10px; }
QPushButton:pressed, QToolButton:pressed, QToolButton:checked { background: #333333; }
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus, QPushButton:focus, QToolButton:focus { border: 2px solid #ffff00; }
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {
    width: 12px; height: 12px; border: 1px solid #ffffff; background: #000000;
}
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked,
QAbstractItemView::indicator:checked { background: #ffff00; }
QCheckBox::indicator:indeterminate { background: #c0c0c0; }
"""

_DISABLED_ROLES = (Role.Text, Role.WindowText, Role.ButtonText)

# The style's name, palette and style sheet the application had before a theme was first applied.
_system: tuple[str, QPalette, str] | None = None


def label(name: ThemeName) -> str:
    """The theme's menu item, translated, with its Alt letter."""
    return translate("Theme", _LABELS[name])


def palette(name: ThemeName) -> QPalette:
    """The palette of Light, Dark or High contrast."""
    roles, disabled = {
        "light": (_LIGHT, _LIGHT_DISABLED),
        "dark": (_DARK, _DARK_DISABLED),
        "high_contrast": (_HIGH_CONTRAST, _HIGH_CONTRAST_DISABLED),
    }[name]
    result = QPalette(QColor(roles[Role.Button]), QColor(roles[Role.Window]))
    for role, colour in roles.items():
        result.setColor(role, QColor(colour))
    for role in _DISABLED_ROLES:
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return result


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("a theme needs a QApplication")
    return app


def apply(name: str) -> ThemeName:
    """Give the application the theme ``name`` (an unknown name is System); return it."""
    global _system
    theme: ThemeName = name if name in THEMES else "system"
    app = _application()
    if theme == "system":
        if _system is not None:  # nothing to undo when no theme was ever applied
            style, original, sheet = _system
            app.setStyleSheet(sheet)
            app.setStyle(style)
            app.setPalette(original)
        return theme
    if _system is None:
        _system = (app.style().name(), QPalette(app.palette()), app.styleSheet())
    app.setStyleSheet("")  # its style's own name shows again
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setStyleSheet(_HIGH_CONTRAST_SHEET if theme == "high_contrast" else _system[2])
    app.setPalette(palette(theme))
    return theme


def saved(settings: Settings) -> ThemeName:
    """The theme the user chose last (System at first)."""
    name = settings.get(THEME)
    return name if name in THEMES else "system"


def apply_saved(settings: Settings) -> ThemeName:
    """At start-up, before the window shows: the theme the user chose last."""
    return apply(saved(settings))


def install(window: MainWindow) -> QActionGroup:
    """View ▸ Theme: four exclusive items, the saved one checked."""
    menu = QMenu(translate("Theme", "&Theme"), window)
    menu.setObjectName("theme-menu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = saved(window.settings)
    for name in THEMES:
        action = QAction(label(name), menu)
        action.setCheckable(True)
        action.setChecked(name == current)
        action.setData(name)
        action.setObjectName(f"theme-{name}")
        action.triggered.connect(lambda _checked=False, n=name: choose(window, n))
        group.addAction(action)
        menu.addAction(action)
    window.register_action("view.theme", menu.menuAction())
    return group


def choose(window: MainWindow, name: ThemeName) -> None:
    """The user picked a theme: apply it, remember it, and say so."""
    apply(name)
    window.settings.set(THEME, name)
    window.settings.sync()
    window.ctx.message.emit(
        translate("Theme", "Theme: {0}").format(label(name).replace("&", "")), False
    )
