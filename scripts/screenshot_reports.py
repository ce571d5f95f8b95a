"""The pictures of "Reports, board packs and printing": a programme's Report dialog, the
board pack dialog, the print preview, and page images of the real PDFs in docs/samples.

Called from ``scripts/screenshots.py`` (``feature_pictures``); ``python
scripts/screenshot_reports.py`` makes just these, on a fresh demo database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
PROGRAMME = "Audio-described Reading Pilot"
REGION = "North West"
Shot = Callable[[QWidget, str], None]
Wait = Callable[[Callable[[], bool] | None], None]


def report_pictures(window: MainWindow, shot: Shot, wait: Wait, samples: Path | None) -> None:
    """Play the task: a programme's report, a board pack, a print preview."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from brokerdesk.core.reporting import KINDS
    from brokerdesk.gui.reporting.choosing import BoardPackDialog, ReportDialog

    db = window.ctx.db
    programme = int(KINDS["programme"].find(db, PROGRAMME))
    window.open_record("programme", programme)
    page = window.record_page
    wait(lambda: page.heading.text() != "")
    page.report_button.menu().actions()[0].trigger()
    wait(lambda: window.findChild(ReportDialog) is not None)
    dialog = window.findChild(ReportDialog)
    shot(dialog, "report-dialog")
    dialog.reject()

    window.report_actions.board_pack.trigger()
    wait(lambda: window.findChild(BoardPackDialog) is not None)
    pack = window.findChild(BoardPackDialog)
    wait(lambda: not pack.loading)  # the names are read in the background
    pack.tick(f"Region summary: {REGION}")
    pack.title.setText("Partnerships board, June")
    pack.find_edit.setText("summary: n")
    shot(pack, "board-pack-dialog")
    pack.reject()

    window.report_actions.print_preview.trigger()
    wait(lambda: any(d.isVisible() for d in window.findChildren(QPrintPreviewDialog)))
    preview = next(d for d in window.findChildren(QPrintPreviewDialog) if d.isVisible())
    preview.resize(900, 760)
    wait(None)
    shot(preview, "print-preview")
    preview.reject()
    if samples is not None and db.path is not None:
        report_samples(db.path, samples)


def report_samples(database: Path, samples: Path) -> None:
    """Page images of a programme summary, a region summary and a board pack's contents."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing (apt-get install poppler-utils): report samples skipped")
        return
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    export = [sys.executable, "-m", "brokerdesk", "export"]
    with tempfile.TemporaryDirectory() as folder:
        jobs = {
            "programme-summary-page1": ["programme-summary", PROGRAMME],
            "region-summary-page1": ["region-summary", REGION],
            "board-pack-contents": [
                "board-pack", "--title", "Partnerships board, June",
                "--report", f"programme:{PROGRAMME}", "--report", f"region:{REGION}",
                "--report", "library-service:Manchester",
            ],
        }  # fmt: skip
        for name, args in jobs.items():
            pdf = Path(folder) / f"{name}.pdf"
            subprocess.run(
                [*export, *args, "--db", str(database), "-o", str(pdf)], check=True, env=env
            )
            render = ["pdftoppm", "-png", "-r", "85", "-f", "1", "-l", "1", "-singlefile"]
            subprocess.run([*render, str(pdf), str(samples / name)], check=True)
            print(samples / f"{name}.png")


def main() -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    import screenshots as base  # the shared setup: clock, offscreen, save and settle
    from PySide6.QtCore import QSettings

    app = base.ensure_application()
    folder = Path(tempfile.gettempdir()) / "brokerdesk-demo-reports"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / "demo.sqlite3"
    base.build_demo_database(path)
    db = base.open_database(path)
    settings = base.Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = base.MainWindow(base.AppContext(db, settings))
    window.resize(1280, 800)
    window.show()
    out = ROOT / "docs" / "screenshots"
    report_pictures(
        window,
        lambda widget, name: base.save(widget, out, name, app),
        lambda until: base.settle(app, until, timeout=60),
        ROOT / "docs" / "samples",
    )
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
