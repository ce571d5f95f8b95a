"""Checks when a database opens: risky storage, damage, the daily backup, live refresh.

The Launcher calls :func:`confirm_location` before opening a SQLite file (a network share or a
synced folder can corrupt it) and :func:`after_open` once the window shows. ``after_open``
runs ``PRAGMA quick_check`` off the GUI thread, then takes the daily backup when one is due
(never of a damaged file); on damage it explains in plain words and offers the newest backup
that passes the check. A file too damaged to open at all gets the same offer through
:func:`recover_damaged_file`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import backup, storage
from brokerdesk.core import integrity as checks
from brokerdesk.gui.safety.restore_backup import restore_and_reopen

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")

if TYPE_CHECKING:
    from brokerdesk.gui.launcher import Launcher
    from brokerdesk.gui.main_window import MainWindow

RESTORE, CONTINUE = "restore", "continue"


def _is_file_address(address: str) -> bool:
    return "://" not in address and not address.startswith(":")


def confirm_location(parent: QWidget | None, address: str) -> bool:
    """Warn before opening a SQLite file on a network share or in a synced folder.

    Returns True to go ahead (safe place, or the user chose "Open anyway").
    """
    if not _is_file_address(address):
        return True
    warning = storage.risky_location(address)
    if warning is None:
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, "BrokerDesk", warning, parent=parent)
    box.setWindowTitle(translate("IntegrityDialog", "This folder is not safe for a database"))
    box.setAccessibleName(box.windowTitle())
    go = box.addButton(
        translate("IntegrityDialog", "Open anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


class IntegrityDialog(QDialog):
    """The database is damaged: what is wrong, and the way out.

    Attributes:
        choice: ``RESTORE`` or ``CONTINUE`` once the user has chosen.
    """

    def __init__(
        self,
        database: str,
        problems: list[str],
        good_backup: backup.BackupInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.good_backup = good_backup
        self.choice = CONTINUE
        self.setObjectName("integrity-dialog")
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        text = self.tr(
            "BrokerDesk checked {0} and found damage: parts of the file cannot be read "
            "properly. This usually follows a crash, a full disk or a file copied while in "
            "use. Carrying on may lose more records."
        ).format(database)
        if good_backup is not None:
            text += " " + self.tr(
                "The newest backup that passes the check was taken on {0}; restoring it "
                "keeps the damaged file aside, so nothing is thrown away."
            ).format(good_backup.taken_at.strftime("%d %b %Y at %H:%M"))
        else:
            text += " " + self.tr("There is no undamaged backup to go back to.")
        self.explanation = QLabel(text, self)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        details_label = QLabel(self.tr("Technical &details"), self)
        self.details = QPlainTextEdit("\n".join(problems[:50]), self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details.setMaximumHeight(110)
        details_label.setBuddy(self.details)
        layout.addWidget(details_label)
        layout.addWidget(self.details)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = None
        if good_backup is not None:
            label = self.tr("&Restore the newest good backup ({0})").format(
                good_backup.taken_at.strftime("%d %b %Y, %H:%M")
            )
            self.restore_button = self.buttons.addButton(
                label, QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setAccessibleName(label.replace("&", ""))
            self.restore_button.clicked.connect(self._restore)
            self.restore_button.setDefault(True)
        self.continue_button = self.buttons.addButton(
            self.tr("&Continue anyway"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.continue_button.setAccessibleName(self.tr("Continue anyway"))
        self.continue_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())

    def _restore(self) -> None:
        self.choice = RESTORE
        self.accept()


def ask_about_damage(
    launcher: Launcher | None,
    parent: QWidget | None,
    database: str,
    problems: list[str],
    path: Path,
) -> bool:
    """Show the damage dialog; restore when asked. True when a backup was put in place."""
    good = backup.newest_good_backup(path)
    dialog = IntegrityDialog(database, problems, good, parent)
    try:
        dialog.exec()
        choice = dialog.choice
    finally:
        dialog.deleteLater()
    if choice != RESTORE or good is None or launcher is None:
        return False
    return restore_and_reopen(launcher, path, good.path)


def recover_damaged_file(launcher: Launcher, address: str, error: Exception) -> bool:
    """A file that would not open: offer its newest good backup (True when reopened on it)."""
    if not _is_file_address(address) or not Path(address).is_file():
        return False
    path = Path(address)
    found = checks.quick_check(path)
    if found.ok or backup.newest_good_backup(path) is None:
        return False
    problems = [str(error), *found.problems]
    return ask_about_damage(launcher, launcher.window, path.name, problems, path)


def check_in_background(
    launcher: Launcher | None, window: MainWindow, backup_when_due: bool = True
) -> None:
    """quick_check off the GUI thread; then the daily backup, or the damage dialog."""
    db = window.ctx.db

    def work(_progress: Any) -> checks.CheckResult:
        result = checks.quick_check(db)
        if result.ok and backup_when_due:
            backup.backup_if_due(db)
        return result

    def done(result: checks.CheckResult) -> None:
        window.safety.integrity_result = result
        if result.ok or db.path is None:
            return
        ask_about_damage(launcher, window, db.path.name, result.problems, db.path)

    window.ctx.tasks.start(
        work,
        translate("IntegrityDialog", "Checking the database"),
        on_done=done,
        on_error=lambda exc: window.ctx.report_error(str(exc)),
        owner=window,
    )


def after_open(launcher: Launcher | None, window: MainWindow) -> None:
    """What a freshly shown window starts: live refresh and the checks.

    The window already has its History and Restore from backup actions (``gui.safety``'s
    install); with a launcher, a restored backup is opened in a new window. Starts live
    refresh (stopped with the window) and runs the integrity check and the daily backup in
    the background.
    """
    if launcher is not None:
        window.safety.reopen = partial(restore_and_reopen, launcher)
    window.safety.start()
    check_in_background(launcher, window)
