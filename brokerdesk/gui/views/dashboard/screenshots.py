"""Take the dashboard screenshots in docs/screenshots (light and dark palettes).

Run offscreen on any database, for example the scale-1 benchmark database::

    QT_QPA_PLATFORM=offscreen python -m brokerdesk.gui.views.dashboard.screenshots \\
        benchmarks/.cache/scale-1.sqlite3 docs/screenshots
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d7ab8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#808080"))
    return palette


def shoot(database: Path, folder: Path, theme: str) -> list[Path]:
    from brokerdesk.core.opening import open_existing
    from brokerdesk.gui.app import ensure_application
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.settings import Settings
    from brokerdesk.gui.views.dashboard.page import DashboardPage

    app = ensure_application()
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    db = open_existing(database)
    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    ctx = AppContext(db, Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    page = DashboardPage(ctx, None)
    page.resize(1400, 860)
    page.show()
    written = []
    for name, tab in (("dashboard", page.coverage), ("map", page.map), ("charts", page.charts)):
        page.tabs.setCurrentWidget(tab)
        if tab is page.coverage:
            page.coverage.show_cell(3, 2)
        if tab is page.map:
            page.map.choice.setCurrentIndex(3)
            page.map.canvas.fit()
        QApplication.processEvents()
        target = folder / f"{name}-{theme}.png"
        page.grab().save(str(target))
        written.append(target)
    page.close()
    db.dispose()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description="Dashboard screenshots, light and dark.")
    parser.add_argument("database", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--theme", choices=("light", "dark"), default=None)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    for theme in [args.theme] if args.theme else ["light", "dark"]:
        for path in shoot(args.database, args.folder, theme):
            print(path)


if __name__ == "__main__":
    main()
