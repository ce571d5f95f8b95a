"""The pictures of the user guide's tasks that need a little story first (``screenshots.py``).

Each function plays the task on the demo database as a user would (a sign-up sheet to import,
a colleague's save that crosses yours, views saved for later, backups to go back to) and
saves the window the guide shows at that step.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from brokerdesk.core.backup import make_backup
from brokerdesk.core.db import open_database
from brokerdesk.core.errors import EditConflict
from brokerdesk.core.importing import MappingStore
from brokerdesk.core.services import Services
from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]

# SCENARIOS.md task 2: the sign-up sheet, names as people type them.
SIGN_UPS = (
    ("Bristol Libraries", "interested", "Keen; needs the toolkit"),
    ("Hull", "interested", ""),
    ("Rhondda Cynon Taff", "interested", "All branches"),
    ("Somerset County Council", "interested", "Central library first"),
    ("Caerdydd", "interested", "Bilingual sessions"),
    ("Manchestr", "interested", ""),
    ("Leicestershire", "maybe later", "Asked to call back in spring"),
    ("Sheffeild", "interested", ""),
)


def import_pictures(
    window: MainWindow, programme: str, folder: Path, save: Save, settle: Settle
) -> None:
    """The sign-up sheet through File ▸ Import…: mapping, preview, what to do with matches."""
    sheet = folder / "sign-ups.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Library service", "Programme", "Stage", "Comments"])
        writer.writerows([name, programme, stage, note] for name, stage, note in SIGN_UPS)
    actions = window.import_actions
    actions.mapping_store = MappingStore(folder / "config")  # not the user's own mappings
    actions.import_file.trigger()
    wizard = actions.wizard
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("participations"))
    QTest.keyClicks(page.path, str(sheet))  # typed, as the page listens for
    wizard.button(QWizard.WizardButton.NextButton).click()
    settle(lambda: wizard.currentId() == wizard.MAPPING)
    save(wizard, "import-mapping")
    previewed: list[bool] = []
    wizard.previewed.connect(lambda *_: previewed.append(True))
    wizard.button(QWizard.WizardButton.NextButton).click()
    settle(lambda: bool(previewed) and wizard.currentId() == wizard.PREVIEW)
    save(wizard, "import-preview")
    wizard.button(QWizard.WizardButton.NextButton).click()
    settle(lambda: wizard.currentId() == wizard.MATCHES)
    save(wizard, "import-matches")
    window.ctx.tasks.wait(10_000)
    wizard.reject()


def saved_views_picture(window: MainWindow, save: Save, settle: Settle) -> None:
    """Two views saved for later, shown in the navigation; the partners' one open."""
    navigator = window.search_actions.saved_views
    navigator.service.save(
        "library_service", "Welsh services", {"search": "", "filters": {"nation": "Wales"}}
    )
    active = navigator.service.save(
        "partner", "Active partners", {"search": "", "filters": {"status": "active"}}
    )
    navigator.reload()
    navigator.open_view(navigator.service.get(active))
    settle(None)
    save(window, "saved-views")


def conflict_picture(
    window: MainWindow, database: Path, partner: int, parent: QWidget, save: Save
) -> None:
    """Two colleagues save the same partner within a minute (SCENARIOS.md task 6)."""
    from brokerdesk.gui.dialogs.conflict import ConflictDialog

    other = open_database(database)
    try:
        mine = window.ctx.services.partners.get(partner)
        Services(other).partners.update(
            partner, {"owner": "Tom Okafor"}, expected_version=mine["version_id"]
        )
        try:
            window.ctx.services.partners.update(
                partner,
                {"notes": "Met at the regional conference; wants a second pilot."},
                expected_version=mine["version_id"],
            )
        except EditConflict as conflict:
            labels = {f.name: f.label for f in window.ctx.services.partners.fields}
            dialog = ConflictDialog(conflict, labels, mine, parent)
            dialog.show()
            save(dialog, "conflict")
            dialog.done(0)
    finally:
        other.dispose()


def restore_picture(window: MainWindow, database: Path, save: Save) -> None:
    """File ▸ Restore from backup… with the backups a week of work leaves."""
    from brokerdesk.gui.safety.restore_backup import RestoreBackupDialog

    for reason in ("open", "before-import", "manual"):
        make_backup(window.ctx.db, reason)
    dialog = RestoreBackupDialog(database, window)
    dialog.show()
    save(dialog, "restore")
    dialog.done(0)


def small_dialogs(window: MainWindow, partner: tuple[int, str], folder: Path, save: Save) -> None:
    """The welcome dialog and the partner summary export dialog."""
    from brokerdesk.gui.dialogs.welcome import WelcomeDialog
    from brokerdesk.gui.exporting.summary_dialog import ExportSummaryDialog

    welcome = WelcomeDialog(recent=[])
    welcome.show()
    save(welcome, "welcome")
    welcome.done(0)
    export = ExportSummaryDialog(window, partner=partner, folder=folder)
    export.show()
    save(export, "export-summary-dialog")
    export.done(0)
    QApplication.processEvents()
