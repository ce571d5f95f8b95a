"""Save the pictures of the README and the user guide, all from the demo database.

Run: ``.venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--samples docs/samples]``.
Offscreen, so it runs on CI; each picture is ``QWidget.grab()`` of a real window (the main
window at 1280 x 800, dialogs at their own size), and the partner summary sample is page 1
of the real PDF export rendered at 85 dpi by ``pdftoppm`` (poppler-utils). The demo is built
for the day ``BROKERDESK_CLOCK`` names (15 June 2026, 10:30 unless set), so running the
script twice gives the same pictures; the demo is shaped relative to that day, so any day
tells the same story.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BROKERDESK_CLOCK", "2026-06-15T10:30:00")
# History names who made a change (the login name): a team member's, not the build machine's.
os.environ["LOGNAME"] = os.environ["USER"] = "priya.shah"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from brokerdesk.core.db import Database, open_database  # noqa: E402
from brokerdesk.core.models import (  # noqa: E402
    Contact,
    Interaction,
    Participation,
    Partner,
    Programme,
)
from brokerdesk.gui.app import build_demo_database, ensure_application  # noqa: E402
from brokerdesk.gui.context import AppContext  # noqa: E402
from brokerdesk.gui.main_window import MainWindow  # noqa: E402
from brokerdesk.gui.settings import Settings  # noqa: E402

# The records the pictures show: the sight-loss charity of SCENARIOS.md task 1 and its pilot.
PARTNER = "Northlight Sight Loss Trust"
PROGRAMME = "Audio-described Reading Pilot"
SERVICE = "Manchester"  # a North West service, in the Health & Wellbeing gap or beside it


def settle(app: QApplication, until: Callable[[], bool] | None = None, timeout: float = 15) -> None:
    """Let queued work finish (and ``until`` come true): background queries, first paints."""
    deadline = time.monotonic() + timeout
    while True:
        for _ in range(5):
            app.processEvents()
        if until is None or until() or time.monotonic() > deadline:
            return
        time.sleep(0.02)


def save(widget: QWidget, out: Path, name: str, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def one(db: Database, query: object) -> int:
    with db.read() as session:
        return int(session.scalar(query))  # type: ignore[call-overload]


def main_window_pictures(window: MainWindow, db: Database, out: Path, app: QApplication) -> None:
    """Every list, and a record page of each kind, from the demo's own story."""
    for entity in window.lists:
        window.open_list(entity)
        settle(app, lambda e=entity: window.lists[e].model.rowCount() > 0)
        save(window, out, f"list-{entity}", app)
    records = {
        "partner": one(db, select(Partner.id).where(Partner.name == PARTNER)),
        "library_service": one(
            db,
            select(Participation.service_id)
            .group_by(Participation.service_id)
            .order_by(func.count().desc(), Participation.service_id)
            .limit(1),
        ),
        "programme": one(db, select(Programme.id).where(Programme.name == PROGRAMME)),
        "contact": one(db, select(func.min(Contact.id)).where(Contact.partner_id.is_not(None))),
        "interaction": one(
            db, select(func.max(Interaction.id)).where(Interaction.partner_id.is_not(None))
        ),
    }
    for entity, record_id in records.items():
        window.open_record(entity, record_id)
        save(window, out, f"page-{entity}", app)
    dialog_pictures(window, records, out, app)
    feature_pictures(window, records, out, app)


def dialog_pictures(
    window: MainWindow, records: dict[str, int], out: Path, app: QApplication
) -> None:
    from brokerdesk.gui.dialogs.change_stage import ChangeStageDialog
    from brokerdesk.gui.dialogs.link_services import LinkServicesDialog
    from brokerdesk.gui.dialogs.record_form import RecordForm

    ctx = window.ctx
    programme = records["programme"]
    dialogs: list[tuple[str, QDialog]] = []
    for entity, record_id in (
        ("partner", records["partner"]),
        ("programme", programme),
        ("contact", None),
        ("interaction", None),
    ):
        dialogs.append((f"form-{entity}", RecordForm(ctx, entity, record_id, window)))
    broken = RecordForm(ctx, "partner", None, window)
    broken.editors["name"].set_value("")
    broken.editors["contact_limit_days"].set_value("often")
    broken.save()
    dialogs.append(("form-partner-errors", broken))
    link = LinkServicesDialog(ctx, programme, window)
    link.region.setCurrentIndex(link.region.findData("North West"))
    link.select_all_shown()
    dialogs.append(("link-services", link))
    with ctx.db.read() as session:
        ids = list(
            session.scalars(
                select(Participation.id)
                .where(Participation.programme_id == programme)
                .order_by(Participation.id)
                .limit(7)
            )
        )
    dialogs.append(("change-stage", ChangeStageDialog(ctx, ids, window)))
    dialogs.append(("coverage-invite", coverage_invite_dialog(window)))
    for name, dialog in dialogs:
        dialog.show()
        save(dialog, out, name, app)
        dialog.done(0)


def coverage_invite_dialog(window: MainWindow) -> QDialog:
    """SCENARIOS task 3's last step: the North West's Health & Wellbeing gap list invited."""
    from brokerdesk.core import coverage
    from brokerdesk.gui.dialogs.invite_gaps import InviteGapsDialog

    db = window.ctx.db
    area = "Health & Wellbeing"
    area_id = coverage.offer_area_id_for(db, area)
    gaps = coverage.cell_detail(db, area_id, "North West").missing
    return InviteGapsDialog(window.ctx, area_id, area, "North West", [s.id for s in gaps], window)


def feature_pictures(
    window: MainWindow, records: dict[str, int], out: Path, app: QApplication
) -> None:
    """The search palette, the duplicate finder and merge, a partner's history, Help."""
    window.open_list("partner")
    palette = window.search_actions.palette
    palette.popup()
    palette.field.setText("northlight")
    settle(app, lambda: not palette.searching)
    save(window, out, "search-palette", app)
    palette.hide()

    window.duplicates_actions.find_duplicates.trigger()
    finder = window.duplicates_actions.finder.dialog
    settle(app, lambda: finder.isVisible() and finder.task is None)
    finder.table.selectRow(0)
    save(finder, out, "duplicates-finder", app)
    finder.merge_button.click()
    merge = finder.merge_dialog
    if merge is not None:
        settle(app)
        save(merge, out, "duplicates-merge", app)
        merge.done(0)
    finder.done(0)
    import screenshot_merge

    screenshot_merge.merge_pictures(
        window, lambda w, name: save(w, out, name, app), lambda until: settle(app, until)
    )

    from brokerdesk.gui.safety.history_panel import HistoryDialog

    partners = window.ctx.services.partners
    partner = records["partner"]
    partners.update(partner, {"owner": "Hannah Lewis"})
    partners.update(partner, {"contact_limit_days": 45})
    history = HistoryDialog(window.ctx, "partner", partner, PARTNER, window)
    history.resize(760, 480)
    history.show()
    save(history, out, "history", app)
    history.done(0)

    import screenshot_dialogs as story

    def shot(widget: QWidget, name: str) -> None:
        save(widget, out, name, app)

    def wait(until: Callable[[], bool] | None) -> None:
        settle(app, until)

    database = window.ctx.db.path
    assert database is not None
    folder = database.parent
    story.import_pictures(window, PROGRAMME, folder, shot, wait)
    story.saved_views_picture(window, shot, wait)
    story.conflict_picture(window, database, partner, window, shot)
    story.restore_picture(window, database, shot)
    story.small_dialogs(window, (partner, PARTNER), folder, shot)
    from screenshot_own_fields import own_fields_pictures

    own_fields_pictures(window, shot, wait)  # last: the fields it adds stay on partners
    from screenshot_filters import value_filter_pictures

    value_filter_pictures(window, shot, wait)  # beside them: Budget and Next review by value

    import screenshot_quality

    screenshot_quality.quality_pictures(window, shot, wait)

    import screenshot_copy

    screenshot_copy.move_to_server_picture(window, shot)

    import screenshot_agreements

    screenshot_agreements.agreement_pictures(window, partner, shot, wait)

    from screenshot_money import money_pictures

    money_pictures(window, shot, wait)

    import screenshot_documents

    screenshot_documents.documents_pictures(window, partner, folder, shot, wait)

    import screenshot_tags

    screenshot_tags.tags_pictures(window, shot, wait)

    import screenshot_search

    screenshot_search.search_pictures(window, shot, wait)

    from screenshot_series import series_pictures

    series_pictures(window, shot, wait)

    from screenshot_today import today_pictures

    today_pictures(window, shot, wait)

    import screenshot_reports

    screenshot_reports.report_pictures(window, shot, wait, ROOT / "docs" / "samples")

    from screenshot_personal import personal_pictures

    personal_pictures(window, folder, shot, wait)

    import screenshot_team as team

    team.team_pictures(window.settings, shot, wait)

    guide = window.help_actions.open_guide(window, "sign-up-libraries-to-a-programme")
    save(guide, out, "user-guide", app)
    guide.close()


def summary_sample(database: Path, samples: Path) -> None:
    """Page 1 of the demo partner's summary PDF, as a reader of the README sees it."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing (apt-get install poppler-utils): summary sample skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "summary.pdf"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "brokerdesk", "export", "partner-summary", PARTNER]
        subprocess.run([*command, "--db", str(database), "-o", str(pdf)], check=True, env=env)
        target = samples / "partner-summary-page1"
        render = ["pdftoppm", "-png", "-r", "85", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([*render, str(pdf), str(target)], check=True)
    print(f"{target}.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--samples", type=Path, default=ROOT / "docs" / "samples")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    args.samples.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    # One fixed folder, so the path in the status bar (and so each picture) is the same on
    # every run: a picture changes only when the app or the demo does.
    folder = Path(tempfile.gettempdir()) / "brokerdesk-demo"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        path = folder / "demo.sqlite3"
        build_demo_database(path)
        summary_sample(path, args.samples)
        db = open_database(path)
        settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(AppContext(db, settings))
        window.resize(1280, 800)
        window.show()
        main_window_pictures(window, db, args.out, app)
        window.close()
        db.dispose()
        # Last: the dashboard pictures set the app's theme (View ▸ Theme) as they go.
        from brokerdesk.gui.views.dashboard.screenshots import shoot

        for theme in ("light", "dark"):
            for picture in shoot(path, args.out, theme):
                print(picture)
        for picture in shoot(path, args.out, "high-contrast", ("dashboard",)):
            print(picture)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
