"""Save a PNG of every main screen and dialog to docs/screenshots/, from the demo database.

Run: ``.venv/bin/python scripts/screenshots.py [--out docs/screenshots]``. Offscreen, so it
runs on CI; each picture is ``QWidget.grab()`` of a real window at 1280 x 800.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from brokerdesk.core.db import open_database  # noqa: E402
from brokerdesk.core.models import (  # noqa: E402
    Contact,
    Interaction,
    LibraryService,
    Participation,
    Partner,
    ProgrammePartner,
)
from brokerdesk.gui.app import build_demo_database, ensure_application  # noqa: E402
from brokerdesk.gui.context import AppContext  # noqa: E402
from brokerdesk.gui.main_window import MainWindow  # noqa: E402
from brokerdesk.gui.settings import Settings  # noqa: E402


def build(path: Path) -> None:
    try:
        build_demo_database(path)
    except ModuleNotFoundError:  # the demo builder is not installed yet: the test world
        from tests.gui.conftest import build_world

        db = open_database(path)
        try:
            build_world(db)
        finally:
            db.dispose()


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(out / f"{name}.png"))
    print(f"{name}.png")


def busiest(db: object, query: object) -> int:
    with db.read() as session:  # type: ignore[attr-defined]
        return int(session.scalar(query))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        build(path)
        db = open_database(path)
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        ctx = AppContext(db, settings)
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        for entity in window.lists:
            window.open_list(entity)
            save(window, args.out, f"list-{entity}", app)

        partner = busiest(
            db,
            select(ProgrammePartner.partner_id)
            .group_by(ProgrammePartner.partner_id)
            .order_by(func.count().desc())
            .limit(1),
        )
        programme = busiest(
            db,
            select(Participation.programme_id)
            .group_by(Participation.programme_id)
            .order_by(func.count().desc())
            .limit(1),
        )
        service = busiest(
            db,
            select(Participation.service_id)
            .group_by(Participation.service_id)
            .order_by(func.count().desc())
            .limit(1),
        )
        contact = busiest(db, select(func.min(Contact.id)).where(Contact.partner_id.is_not(None)))
        interaction = busiest(db, select(func.max(Interaction.id)))
        for entity, record_id in (
            ("partner", partner),
            ("library_service", service),
            ("programme", programme),
            ("contact", contact),
            ("interaction", interaction),
        ):
            window.open_record(entity, record_id)
            save(window, args.out, f"page-{entity}", app)

        from brokerdesk.gui.dialogs.change_stage import ChangeStageDialog
        from brokerdesk.gui.dialogs.link_services import LinkServicesDialog
        from brokerdesk.gui.dialogs.record_form import RecordForm

        dialogs: list[tuple[str, QDialog]] = []
        for entity, record_id in (
            ("partner", partner),
            ("programme", programme),
            ("contact", None),
            ("interaction", None),
        ):
            form = RecordForm(ctx, entity, record_id, window)
            dialogs.append((f"form-{entity}", form))
        broken = RecordForm(ctx, "partner", None, window)
        broken.editors["name"].set_value("")
        broken.editors["contact_limit_days"].set_value("often")
        broken.save()
        dialogs.append(("form-partner-errors", broken))
        link = LinkServicesDialog(ctx, programme, window)
        link.region.setCurrentIndex(link.region.findData("North West"))
        link.select_all_shown()
        dialogs.append(("link-services", link))
        with db.read() as session:
            ids = list(
                session.scalars(
                    select(Participation.id).where(Participation.programme_id == programme).limit(7)
                )
            )
            _ = session.scalar(select(func.count()).select_from(LibraryService))
            _ = session.scalar(select(func.count()).select_from(Partner))
        dialogs.append(("change-stage", ChangeStageDialog(ctx, ids, window)))
        for name, dialog in dialogs:
            dialog.show()
            save(dialog, args.out, name, app)
            dialog.done(0)
        guide = window.help_actions.open_guide(window, "sign-up-libraries-to-a-programme")
        save(guide, args.out, "user-guide", app)
        guide.close()
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
