"""The user guide's picture of Ctrl+K finding records by a tag (``screenshots.py``).

Played on the demo as a user would: Ctrl+K, type "board", and the board meetings are listed
by their subject, then the contacts invited to the board, found by their tag and saying so
("tag: board"). Run alone (``python scripts/screenshot_search.py``) it builds the demo and saves
only this picture.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]


def search_pictures(window: MainWindow, save: Save, settle: Settle) -> None:
    """search-by-tag: the palette's results for a tag's name."""
    window.open_list("programme")
    palette = window.search_actions.palette
    palette.popup()
    palette.field.setText("board")
    settle(lambda: not palette.searching and bool(palette.hit_rows()))
    save(window, "search-by-tag")
    palette.hide()


def main() -> int:
    """Build the demo, as ``screenshots.py`` does, and save only this picture."""
    import shutil
    import tempfile

    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    import screenshots as pictures  # sets the clock, the user and the offscreen platform
    from PySide6.QtCore import QSettings

    from brokerdesk.core.db import open_database
    from brokerdesk.gui.app import build_demo_database, ensure_application
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.settings import Settings

    out = pictures.ROOT / "docs" / "screenshots"
    app = ensure_application()
    assert isinstance(app, QApplication)
    folder = Path(tempfile.gettempdir()) / "brokerdesk-demo-search"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        path = folder / "demo.sqlite3"
        build_demo_database(path)
        db = open_database(path)
        settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(AppContext(db, settings))
        window.resize(1280, 800)
        window.show()
        search_pictures(
            window,
            lambda widget, name: pictures.save(widget, out, name, app),
            lambda until: pictures.settle(app, until),
        )
        window.close()
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
