"""The user guide's pictures of tags, static lists, bulk edit and group by (``screenshots.py``).

Played on the demo as a user would: colour the "pilot" tag in Tools ▸ Tags…, bulk-edit three
programmes, add two partners to the board list, open that list from the navigation, and group
the programmes by offer area with their budgets. Run alone (``python
scripts/screenshot_tags.py``) it builds the demo and saves only these pictures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]


def _select_rows(window: MainWindow, entity: str, rows: int, settle: Settle) -> None:
    window.open_list(entity)
    page = window.lists[entity]
    settle(lambda: page.model.rowCount() > rows)
    page.table.clearSelection()
    for row in range(rows):
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select
            | page.table.selectionModel().SelectionFlag.Rows,
        )
    settle(None)


def tags_pictures(window: MainWindow, save: Save, settle: Settle) -> None:
    """tag-manager, bulk-edit, add-to-list, static-list and group-by pictures."""
    window.tag_actions.manage.trigger()
    manager = window.tag_actions.manager
    assert manager is not None
    manager.choose("pilot")
    manager.colour_box.setCurrentIndex(manager.colour_box.findText("Green"))
    manager.colour_button.click()
    manager.choose("pilot")
    settle(None)
    save(manager, "tag-manager")
    manager.close()

    from brokerdesk.gui.bulk_edit.dialog import BulkEditDialog

    _select_rows(window, "programme", 3, settle)
    page = window.lists["programme"]
    bulk = BulkEditDialog(window.ctx, "programme", page.selected_ids(), window)
    bulk.ticks["status"].setChecked(True)
    status = bulk.editors["status"]
    status.setCurrentIndex(status.findData("live"))  # type: ignore[attr-defined]
    bulk.editors["tags_add"].setText("Annual report")  # type: ignore[attr-defined]
    bulk.show()
    settle(None)
    save(bulk, "bulk-edit")
    bulk.done(0)

    _select_rows(window, "partner", 2, settle)
    dialog = window.static_lists.navigator.add_selected()
    assert dialog is not None
    dialog.choice.setCurrentIndex(dialog.choice.findText("Board invitees 2026"))
    settle(None)
    save(dialog, "add-to-list")
    dialog.done(0)

    navigator = window.static_lists.navigator
    board = next(x for x in navigator.lists.lists("partner") if x.name == "Board invitees 2026")
    navigator.open(board)
    settle(lambda: window.lists["partner"].model.rowCount() == board.size)
    save(window, "static-list")

    window.open_list("programme")
    page = window.lists["programme"]
    budget = [c.key for c in page.record_list.columns].index("budget")
    page.table.setColumnHidden(budget, False)
    view = window.grouping.views["programme"]
    view.group_by("offer_area")
    settle(lambda: not view.working)  # the groups are worked out in the background
    reading = next(i for i, g in enumerate(view.model.groups) if g.label == "Reading")
    view.tree.expand(view.model.index(reading, 0))
    view.tree.setCurrentIndex(view.model.index(reading, 0))
    settle(None)
    save(window, "group-by")
    view.group_by(None)
    page.table.setColumnHidden(budget, True)


def main() -> int:
    """Build the demo, as ``screenshots.py`` does, and save only these pictures."""
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
    folder = Path(tempfile.gettempdir()) / "brokerdesk-demo-tags"
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
        tags_pictures(
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
