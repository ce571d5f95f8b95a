"""The pictures of "Money and currencies" in the user guide (``screenshots.py``).

Plays the task on the demo: the Agreements list sorted by value (pounds, then euros, each in
its own currency), the same list grouped by partner with a total per currency, and the
Grants list with the demo's euro grant. Run alone (``python scripts/screenshot_money.py``)
it builds a demo of its own and takes only these pictures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from brokerdesk.core.lists import ListState
from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]


def money_pictures(window: MainWindow, save: Save, settle: Settle) -> None:
    """money-agreements.png, money-group-by.png, money-grants.png."""
    window.open_list("agreement", ListState(sort_key="value", descending=True))
    page = window.lists["agreement"]
    settle(lambda: page.model.rowCount() > 0)
    keys = [c.key for c in page.record_list.columns]
    hidden = [keys.index(k) for k in ("kind", "start_date", "renewal_date", "notice_date")]
    for column in hidden:  # room for the Value column, as the Columns menu would make it
        page.table.setColumnHidden(column, True)
    settle(None)
    save(window, "money-agreements")

    view = window.grouping.views["agreement"]
    view.box.setCurrentIndex(view.box.findData("partner"))
    settle(lambda: bool(view.model.groups))
    view.tree.expand(view.model.index(0, 0))
    settle(None)
    save(window, "money-group-by")
    view.box.setCurrentIndex(0)  # back to the plain list for the pictures after these
    for column in hidden:
        page.table.setColumnHidden(column, False)

    window.open_list("funding_grant", ListState(sort_key="amount"))
    grants = window.lists["funding_grant"]
    settle(lambda: grants.model.rowCount() > 0)
    save(window, "money-grants")


def main() -> int:
    """Only this module's pictures, on a demo database of its own."""
    import shutil
    import tempfile

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from PySide6.QtCore import QSettings

    from brokerdesk.core.db import open_database
    from brokerdesk.gui.app import build_demo_database, ensure_application
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.settings import Settings
    from scripts.screenshots import save, settle

    app = ensure_application()
    out = root / "docs" / "screenshots"
    folder = Path(tempfile.mkdtemp(prefix="brokerdesk-money-"))
    try:
        build_demo_database(folder / "demo.sqlite3")
        db = open_database(folder / "demo.sqlite3")
        settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(AppContext(db, settings))
        window.resize(1280, 800)
        window.show()
        money_pictures(
            window,
            lambda widget, name: save(widget, out, name, app),
            lambda until: settle(app, until),
        )
        window.close()
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
