"""File ▸ Restore from backup…: choose a backup, check it, put it in place, reopen.

The list shows every backup beside the database file (when, why, size). The chosen backup is
checked before anything is touched; the current file is never deleted but renamed and kept
beside the database, so a restore can itself be undone by hand. The window closes its
database first (a file in use cannot be replaced safely) and the Launcher reopens it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import backup
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.gui.models.rows import RowColumn, RowsModel
from brokerdesk.gui.operations import Operation

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")

if TYPE_CHECKING:
    from brokerdesk.gui.launcher import Launcher
    from brokerdesk.gui.main_window import MainWindow

REASONS = {
    "daily": "Daily",
    "manual": "Back up now",
    "before-migration": "Before an upgrade",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
}


def size_text(size: int) -> str:
    """Bytes as people read them (kB/MB, one decimal)."""
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size / (1024 * 1024):.1f} MB"


class RestoreBackupDialog(QDialog):
    """Lists the backups of a database file; accepting means "check and restore this one"."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.setObjectName("restore-backup-dialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setAccessibleName(self.windowTitle())
        self.backups = backup.list_backups(db_path)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the backup to go back to. It is checked before anything changes. "
                "Your current database is not deleted: it is kept beside it as "
                "“{0}-before-restore-…{1}”, and this window reopens on the backup."
            ).format(db_path.stem, db_path.suffix),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list_label = QLabel(self.tr("&Backups of {0}").format(db_path.name), self)
        self.rows = RowsModel(
            [
                RowColumn(
                    "taken_at",
                    self.tr("Taken"),
                    text=lambda r: r["taken_at"].strftime("%a %d %b %Y, %H:%M"),
                    order_by=lambda r: r["taken_at"],
                ),
                RowColumn("why", self.tr("Why")),
                RowColumn(
                    "size",
                    self.tr("Size"),
                    text=lambda r: size_text(r["size"]),
                    order_by=lambda r: r["size"],
                    right=True,
                ),
            ],
            self,
        )
        self.rows.set_rows(
            [
                {
                    "path": info.path,
                    "taken_at": info.taken_at,
                    "why": self.tr(
                        REASONS.get(info.reason, info.reason.replace("-", " ").capitalize())
                    ),
                    "size": info.size,
                }
                for info in self.backups
            ]
        )
        self.list = QTableView(self)
        self.list.setObjectName("backup-list")
        self.list.setAccessibleName(self.tr("Backups"))
        self.list.setModel(self.rows)
        self.list.verticalHeader().hide()
        self.list.setShowGrid(False)
        self.list.setTabKeyNavigation(False)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.resizeColumnsToContents()
        self.list_label.setBuddy(self.list)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        self.none_label = QLabel(
            self.tr("There are no backups of this database yet. File ▸ Back up now makes one."),
            self,
        )
        self.none_label.setWordWrap(True)
        self.none_label.setVisible(not self.backups)
        layout.addWidget(self.none_label)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("restore-problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Check and restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName(self.tr("Check and restore the chosen backup"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.list.activated.connect(lambda _index: self.accept())
        if self.backups:  # the newest first, chosen
            self.list.selectRow(0)
        self._update()
        self.resize(620, 420)

    def _update(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
        self.problem.hide()

    def chosen(self) -> Path | None:
        selected = self.list.selectionModel().selectedRows()
        if not selected:
            return None
        return Path(self.rows.row_at(selected[0].row())["path"])

    def accept(self) -> None:
        """Check the chosen backup first; a damaged one is reported and the dialog stays."""
        path = self.chosen()
        if path is None:
            return
        problems = backup.verify_backup(path)
        if problems:
            self.problem.setText(
                self.tr("Problem: this backup is damaged and cannot be restored ({0}).").format(
                    problems[0]
                )
            )
            self.problem.show()
            return
        super().accept()


def restore_and_reopen(launcher: Launcher, db_path: Path, backup_path: Path) -> bool:
    """Close ``db_path`` if open, put ``backup_path`` in its place and reopen it.

    Returns True when the backup is in place. On a refusal the original file is reopened
    unchanged and the reason is shown.
    """
    window = launcher.window
    if window is not None and window.ctx.db.path == db_path:
        release_window(launcher)
    try:
        aside = backup.restore_backup(db_path, backup_path)
    except BrokerDeskError as exc:
        QMessageBox.warning(
            launcher.window, translate("RestoreBackupDialog", "Restore from backup"), str(exc)
        )
        if launcher.window is None:
            launcher.open(str(db_path))
        return False
    launcher.open(str(db_path))
    if launcher.window is not None:
        note = translate("RestoreBackupDialog", "Restored the backup {0}.").format(backup_path.name)
        if aside is not None:
            note += " " + translate(
                "RestoreBackupDialog", "The previous file is kept as {0}."
            ).format(aside.name)
        launcher.window.ctx.notify(note)
    return True


def restore_in_place(window: MainWindow, db_path: Path, backup_path: Path) -> bool:
    """Put ``backup_path`` in place under ``window``'s open database, as an operation.

    A window with no launcher to reopen it (one from ``create_main_window``) keeps its
    connections: the core restores in place under the write lock, so they read the restored
    data. The restore runs off the GUI thread (a progress dialog without Cancel appears if
    it takes a moment: it cannot stop half-way); then undo is cleared (its steps belong to
    the data before) and every view reloads. Returns True: the restore has started, and a
    refusal is shown when it comes back.
    """
    title = translate("RestoreBackupDialog", "Restore from backup")

    def restored(aside: Path | None) -> None:
        window.ctx.undo_stack.clear()
        window.refresh()  # the one change broadcast: every view reloads
        note = translate("RestoreBackupDialog", "Restored the backup {0}.").format(backup_path.name)
        if aside is not None:
            note += " " + translate(
                "RestoreBackupDialog", "The previous file is kept as {0}."
            ).format(aside.name)
        window.ctx.notify(note)

    def refused(sentence: str) -> None:
        QMessageBox.warning(window, title, sentence)  # the database is unchanged

    Operation(
        window.ctx,
        window,
        lambda _progress: backup.restore_backup(db_path, backup_path),
        title=title,
        label=translate("RestoreBackupDialog", "Restoring the backup {0}…").format(
            backup_path.name
        ),
        name="restore-progress",
        accessible_name=translate("RestoreBackupDialog", "Restore progress"),
        on_success=restored,
        on_failure=refused,
        cancellable=False,
    ).run()
    return True


def release_window(launcher: Launcher) -> None:
    """Close the current window and its database connections (before replacing the file)."""
    window = launcher.window
    if window is None:
        return
    window.safety.live_refresh.stop()
    window.ctx.tasks.wait(10_000)
    window.close()
    window.ctx.db.dispose()
    window.deleteLater()
    launcher.window = None


def ask_and_restore(window: MainWindow, reopen: Callable[[Path, Path], bool]) -> bool:
    """File ▸ Restore from backup…: the dialog, then ``reopen(database, backup)``.

    True when restored.
    """
    db_path = window.ctx.db.path
    if db_path is None:
        return False
    dialog = RestoreBackupDialog(db_path, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        chosen = dialog.chosen()
    finally:
        dialog.deleteLater()
    return chosen is not None and reopen(db_path, chosen)


def install_restore_action(window: MainWindow) -> QAction:
    """File ▸ Restore from backup…, registered as ``file.restore``; disabled, with the
    reason, in team mode. The caller connects ``triggered``."""
    # "Restore from bac&kup…": R is Open recent's in the File menu.
    action = QAction(translate("RestoreBackupDialog", "Restore from bac&kup…"), window)
    action.setObjectName("restore-from-backup")
    if window.ctx.db.path is None:
        action.setEnabled(False)
        reason = translate(
            "RestoreBackupDialog",
            "A team server is restored by its administrator, with everyone out of it: "
            "brokerdesk restore --db <server> BACKUP (see the user guide).",
        )
        action.setToolTip(reason)
        action.setStatusTip(reason)
    else:
        action.setStatusTip(
            translate("RestoreBackupDialog", "Go back to an earlier copy of this database")
        )
    return window.register_action("file.restore", action)
