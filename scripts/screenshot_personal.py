"""The user guide's pictures of a subject access export (``screenshots.py``).

Played on the demo as a user would: the contact with the most interactions is opened, and
Export personal data… (Alt+P) writes their workbook; the pictures are the contact's page with
the button, and the sentence said when the file is written. Run alone
(``python scripts/screenshot_personal.py``) it builds the demo and saves only these pictures.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from brokerdesk.core.models import Interaction
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.pages.subject_access import export_personal_data

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]


def _busiest_contact(window: MainWindow) -> int:
    with window.ctx.db.read() as session:
        busiest = session.scalars(
            select(Interaction.contact_id)
            .where(Interaction.contact_id.is_not(None))
            .group_by(Interaction.contact_id)
            .order_by(func.count().desc(), Interaction.contact_id)
            .limit(1)
        ).one()
        assert busiest is not None
        return busiest


def personal_pictures(window: MainWindow, folder: Path, save: Save, settle: Settle) -> None:
    """personal-data-page and personal-data-export."""
    window.open_record("contact", _busiest_contact(window))
    page = window.record_page
    assert page is not None
    settle(None)
    save(window, "personal-data-page")
    target = folder / "Personal data.xlsx"
    target.unlink(missing_ok=True)
    export_personal_data(page, target)  # type: ignore[arg-type]

    def shown() -> list[QMessageBox]:
        found = window.findChildren(QMessageBox, "export-done-message")
        return [m for m in found if m.isVisible()]

    settle(lambda: bool(shown()))
    [message] = shown()
    save(message, "personal-data-export")
    message.close()
    target.unlink(missing_ok=True)


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
    folder = Path(tempfile.gettempdir()) / "brokerdesk-demo-personal"
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
        personal_pictures(
            window,
            folder,
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
