"""Take the dashboard screenshots in docs/screenshots, in the app's own themes (View ▸ Theme).

``scripts/screenshots.py`` calls :func:`shoot` on the demo database, so the pictures show the
demo's story: the coverage matrix with the North West's Health & Wellbeing gap list open, and
the map shaded by Health & Wellbeing (services reached by one, two or three programmes, the
gap hatched). It also runs on its own, on any database::

    QT_QPA_PLATFORM=offscreen python -m brokerdesk.gui.views.dashboard.screenshots \\
        demo.sqlite3 docs/screenshots
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from brokerdesk.gui.views.dashboard.coverage_tab import CoverageTab


# The picture's size: wide enough for every region's column and the whole map legend.
SIZE = (1400, 860)
# The cell and map the pictures open: SCENARIOS.md task 3, "where are the gaps?".
AREA, REGION = "Health & Wellbeing", "North West"


def _open_cell(tab: CoverageTab, area: str, region: str) -> None:
    """Choose the matrix cell for ``area`` in ``region`` as a click would, gap list shown."""
    matrix = tab.matrix
    if matrix is None:
        return
    names = [name for _, name in matrix.offer_areas]
    if area not in names or region not in matrix.regions:
        return
    row, column = names.index(area), matrix.regions.index(region) + 1
    index = tab.table.model().index(row, column)
    tab.table.setCurrentIndex(index)
    tab.show_cell(row, column)


# Picture name suffix -> the theme (``gui.theme``) it is taken in.
THEMES = {"light": "light", "dark": "dark", "high-contrast": "high_contrast"}
PICTURES = ("dashboard", "map", "charts")


def shoot(
    database: Path, folder: Path, theme: str, pictures: tuple[str, ...] = PICTURES
) -> list[Path]:
    """Save ``pictures`` of the dashboard (``name-theme.png``) in the theme a user can choose."""
    from brokerdesk.core.opening import open_existing
    from brokerdesk.gui.app import ensure_application
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.settings import Settings
    from brokerdesk.gui.theme import apply
    from brokerdesk.gui.views.dashboard.page import DashboardPage

    ensure_application()
    apply(THEMES[theme])
    db = open_existing(database)
    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    ctx = AppContext(db, Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    page = DashboardPage(ctx, None)
    page.resize(*SIZE)
    page.show()
    written = []
    tabs = (("dashboard", page.coverage), ("map", page.map), ("charts", page.charts))
    for name, tab in tabs:
        if name not in pictures:
            continue
        page.tabs.setCurrentWidget(tab)
        if tab is page.coverage:
            _open_cell(page.coverage, AREA, REGION)
        if tab is page.map:
            index = page.map.choice.findText(AREA, Qt.MatchFlag.MatchContains)
            page.map.choice.setCurrentIndex(max(index, 0))
            page.map.canvas.fit()
        QApplication.processEvents()
        target = folder / f"{name}-{theme}.png"
        page.grab().save(str(target))
        written.append(target)
    page.close()
    db.dispose()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description="Dashboard screenshots in the app's themes.")
    parser.add_argument("database", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--theme", choices=tuple(THEMES), default=None)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    for theme in [args.theme] if args.theme else ["light", "dark"]:
        for path in shoot(args.database, args.folder, theme):
            print(path)


if __name__ == "__main__":
    main()
