"""The README's picture of an own-field conflict in the merge view (``screenshots.py``).

Played on the demo as a user would: the team keeps a charity number and a sight-loss lead
on partners (Tools ▸ Custom fields…); the demo's two Northlight records hold different
charity numbers and only the newer one names the lead. Tools ▸ Find duplicates… finds the
pair and Merge… shows the conflict under "Your own fields", the kept record's value chosen,
the blank filled from the other, and the sentence saying the value not kept goes to the
history. The fields are removed afterwards, so later pictures do not show them. Run alone
(``python scripts/screenshot_merge.py``) it builds the demo and saves only this picture.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]
KEPT = "Northlight Sight Loss Trust"


def merge_pictures(window: MainWindow, save: Save, settle: Settle) -> None:
    """merge-own-field-conflict: the merge view with an own field's two values."""
    services = window.ctx.services
    fields = services.custom_fields
    number = fields.add("partner", FieldSpec("Charity number", "text")).id
    lead = fields.add("partner", FieldSpec("Sight-loss lead", "text")).id
    window.duplicates_actions.find_duplicates.trigger()
    finder = window.duplicates_actions.finder.dialog
    settle(lambda: finder.isVisible() and finder.task is None)
    row, pair = next((i, p) for i, p in enumerate(finder.model.pairs) if p.first_label == KEPT)
    services.partners.update(pair.first_id, {f"cf_{number}": "1092381"})
    services.partners.update(
        pair.second_id, {f"cf_{number}": "1092831", f"cf_{lead}": "Dr Amara Okafor"}
    )
    finder.table.selectRow(row)
    finder.merge_button.click()
    merge = finder.merge_dialog
    assert merge is not None
    settle(None)
    save(merge, "merge-own-field-conflict")
    merge.done(0)
    finder.done(0)
    for field_id in (number, lead):
        fields.remove(field_id)


def main() -> int:
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
    folder = Path(tempfile.gettempdir()) / "brokerdesk-demo-merge"
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
        merge_pictures(
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
