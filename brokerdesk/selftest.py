"""``brokerdesk --self-test``: prove a build works end to end, without a screen.

Opens a temporary database (migrating it from empty), loads the reference data, records a
partner with a programme and three participations through the services, renders the main
window offscreen, and writes that partner's summary PDF. Exits 0 only if every step worked,
so a packaged build that lost a resource, a migration or a Qt plugin fails loudly.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="brokerdesk-self-test-") as folder:
        try:
            steps = _run(Path(folder))
        except Exception as exc:  # report any failure, then fail the run
            print(f"self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    for step in steps:
        print(f"  ok  {step}")
    print(f"self-test passed in {time.perf_counter() - started:.1f} s")
    return 0


def _run(folder: Path) -> list[str]:
    from PySide6.QtCore import QSettings
    from sqlalchemy import select

    from brokerdesk.core.db import open_database
    from brokerdesk.core.exporting import gather_partner_summary
    from brokerdesk.core.models import LibraryService, OfferArea
    from brokerdesk.core.reference.load import initialise
    from brokerdesk.core.services import Services
    from brokerdesk.gui.app import create_main_window, ensure_application
    from brokerdesk.gui.settings import Settings
    from brokerdesk.reports import write_partner_summary_pdf

    steps = []
    db = open_database(folder / "self-test.sqlite3")
    steps.append(f"database created and migrated: {db.description}")
    report = initialise(db)
    steps.append(
        f"reference data: {report.library_services.created} library services, "
        f"{report.branches.created} branches"
    )
    services = Services(db)
    partner = services.partners.create({"name": "Self-test Reading Charity", "status": "active"})
    with db.read() as session:
        area = session.scalar(select(OfferArea.id).where(OfferArea.code == "reading"))
        some = list(session.scalars(select(LibraryService.id).limit(3)))
    programme = services.programmes.create(
        {
            "name": "Self-test programme",
            "offer_area_id": area,
            "status": "live",
            "partners": [(partner.id, "lead")],
        }
    )
    services.participations.link_services(programme.id, some, "active")
    steps.append("partner, programme and participations recorded")
    app = ensure_application()
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = create_main_window(db, settings)
    window.show()
    app.processEvents()
    if window.grab().isNull():
        raise RuntimeError("the main window did not render")
    steps.append(f"main window rendered ({window.width()}×{window.height()})")
    steps.append(_start_as_the_shortcut_does(db.path, settings))
    pdf = folder / "summary.pdf"
    write_partner_summary_pdf(gather_partner_summary(db, partner.id), pdf)
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF") or len(data) < 2000:
        raise RuntimeError("the partner summary PDF is not a PDF")
    import io

    from pypdf import PdfReader

    catalog: Any = PdfReader(io.BytesIO(data)).trailer["/Root"]
    if "/StructTreeRoot" not in catalog or catalog.get("/Lang") != "en-GB":
        raise RuntimeError("the partner summary PDF is not tagged for screen readers")
    from brokerdesk.gui.reporting.printing import pdf_page_count

    pages = pdf_page_count(data)  # as printing reads it back, with QtPdf
    steps.append(
        f"partner summary PDF written ({len(data):,} bytes, tagged, {pages} page(s) "
        "read back for printing)"
    )
    from brokerdesk.gui.dialogs.user_guide import UserGuideWindow

    guide = UserGuideWindow(window)
    headings = [h.text for h in guide.headings]
    if "Record a new partner" not in headings:
        raise RuntimeError(f"the user guide is missing or unreadable ({guide.path})")
    steps.append(f"user guide opens ({len(headings)} sections)")
    guide.close()
    window.close()
    db.dispose()
    return steps


def _start_as_the_shortcut_does(path: Path | None, settings: Any) -> str:
    """The launcher's start: the window first, then the database layer on a worker thread."""
    from PySide6.QtCore import QEventLoop, QTimer

    from brokerdesk.gui.launcher import Launcher

    launcher = Launcher(settings)
    loop = QEventLoop()
    launcher.opened.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    launcher.start(str(path))
    loop.exec()
    window = launcher.window
    if window is None or not window.is_attached:
        raise RuntimeError("the app did not open the database in its window at start-up")
    rows = window.lists["partner"].model.rowCount()
    window.close()
    window.ctx.db.dispose()
    listed = f"{rows} partner" + ("" if rows == 1 else "s")
    return f"started as the desktop shortcut does: window shown, then {listed} listed in it"
