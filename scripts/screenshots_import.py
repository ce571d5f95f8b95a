"""Screenshots of the import wizard on a sheet as received (docs/screenshots/import-*.png).

Run: ``QT_QPA_PLATFORM=offscreen python scripts/screenshots_import.py`` (``--out DIR``).
Opens the messy sign-up workbook of the tests (a title and a note above the header, contact
columns the import does not take) on the demo database, and saves the mapping page with its
header-row picker and the preview with the columns it does not import.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget, QWizard  # noqa: E402

from brokerdesk.core.db import open_database  # noqa: E402
from brokerdesk.core.importing import MappingStore  # noqa: E402
from brokerdesk.core.services import Services  # noqa: E402
from brokerdesk.gui.app import ensure_application  # noqa: E402
from brokerdesk.gui.context import AppContext  # noqa: E402
from brokerdesk.gui.importing.wizard import ImportWizard  # noqa: E402
from brokerdesk.gui.main_window import MainWindow  # noqa: E402
from brokerdesk.gui.settings import Settings  # noqa: E402

SHEET = ROOT / "tests" / "core" / "importing" / "data" / "messy" / "sign-ups.xlsx"
PROGRAMME = "Reading Together 2025"


def wait(app: QApplication, done: object, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str, app: QApplication) -> None:
    wait(app, lambda: True)
    widget.grab().save(str(out / f"{name}.png"))
    print(f"{name}.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    app = ensure_application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        from tests.gui.conftest import build_world

        db = open_database(path)
        build_world(db)
        services = Services(db)
        area = services.offer_areas.all()[0]["id"]
        services.programmes.create({"name": PROGRAMME, "offer_area_id": area})
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        ctx = AppContext(db, settings)
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        wizard = ImportWizard(ctx, window, mapping_store=MappingStore(Path(folder) / "config"))
        wizard.resize(1000, 760)
        wizard.show()
        page = wizard.file_page
        page.kind.setCurrentIndex(page.kind.findData("participations"))
        QTest.keyClicks(page.path, str(SHEET))  # typed, as a user would: Next comes alive
        wizard.button(QWizard.WizardButton.NextButton).click()
        wait(app, lambda: wizard.currentId() == wizard.SHEET)
        wizard.button(QWizard.WizardButton.NextButton).click()
        wait(app, lambda: wizard.currentId() == wizard.MAPPING)
        mapping = wizard.mapping_page
        mapping.programme.setCurrentIndex(mapping.programme.findText(PROGRAMME))
        mapping.picker.table.setFocus()
        save(wizard, args.out, "import-header-row", app)
        previewed: list[bool] = []
        wizard.previewed.connect(lambda: previewed.append(True))
        wizard.button(QWizard.WizardButton.NextButton).click()
        wait(app, lambda: bool(previewed))
        save(wizard, args.out, "import-not-imported", app)
        wizard.reject()
        window.close()
        ctx.tasks.wait(10_000)
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
