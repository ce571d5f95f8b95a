"""Before and after an export: "Replace …?" that names the files, and "Open file" afterwards.

Nothing is overwritten unless the user has read which file (or how many files) would be
replaced and pressed Replace. Once an export is written, a non-blocking message offers to
open the file and to show its folder. Both go through :func:`open_url`, so a test can swap
it and check the address instead of launching a viewer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

SHOWN_NAMES = 5  # a batch confirmation names this many files, then a count


translate = QCoreApplication.translate  # lupdate reads translate("Export", "…") calls


def open_url(url: QUrl) -> bool:
    """Open ``url`` with the desktop's viewer (tests replace this function)."""
    return QDesktopServices.openUrl(url)


def confirm_replace(
    parent: QWidget | None, existing: Sequence[Path], planned: int, folder: Path
) -> bool:
    """Ask before replacing; True only if the user pressed Replace.

    Args:
        existing: the files (or CSV folders) that already exist.
        planned: how many files the export writes in all.
        folder: where they are written.
    """
    if not existing:
        return True
    if len(existing) == 1:
        text = translate("Export", "Replace '{0}'?").format(existing[0].name)
        detail = translate(
            "Export", "It already exists in {0}. Replacing it overwrites what it holds."
        ).format(existing[0].parent)
    else:
        text = translate("Export", "Replace {0} existing files?").format(f"{len(existing):,}")
        names = ", ".join(f"'{p.name}'" for p in existing[:SHOWN_NAMES])
        more = len(existing) - SHOWN_NAMES
        if more > 0:
            names += translate("Export", " and {0} more").format(f"{more:,}")
        if len(existing) >= planned:
            detail = translate(
                "Export",
                "All {0} files this export writes already exist in {1}: {2}. "
                "Replacing them overwrites what they hold.",
            ).format(f"{planned:,}", folder, names)
        else:
            detail = translate(
                "Export",
                "{0} of the {1} files this export writes already exist in {2}: {3}. "
                "Replacing them overwrites what they hold.",
            ).format(f"{len(existing):,}", f"{planned:,}", folder, names)
    box = QMessageBox(
        QMessageBox.Icon.Warning, translate("Export", "Replace files"), text, parent=parent
    )
    box.setObjectName("export-replace-question")
    box.setInformativeText(detail)
    replace = box.addButton(translate("Export", "&Replace"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(translate("Export", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    replace.setAccessibleName(translate("Export", "Replace"))
    keep.setAccessibleName(translate("Export", "Cancel"))
    box.setDefaultButton(keep)  # Return does the safe thing
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


class ExportDoneMessage(QMessageBox):
    """Says what was written, with "Open file" and "Show in folder"; never blocks the window.

    ``target`` is the file (or CSV folder, or batch index) that "Open" opens; "Show in
    folder" opens the folder that holds it.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        target: Path | None,
        *,
        open_label: str | None = None,
        detail: str = "",
    ) -> None:
        super().__init__(QMessageBox.Icon.Information, title, text, parent=parent)
        self.setObjectName("export-done-message")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if detail:
            self.setInformativeText(detail)
        self.target = target
        self.open_button: QPushButton | None = None
        self.folder_button: QPushButton | None = None
        if target is not None:
            label = open_label or translate("Export", "&Open file")
            self.open_button = self.addButton(label, QMessageBox.ButtonRole.ActionRole)
            self.open_button.setAccessibleName(label.replace("&", ""))
            self.open_button.clicked.connect(self.open_target)
            self.folder_button = self.addButton(
                translate("Export", "Show in &folder"), QMessageBox.ButtonRole.ActionRole
            )
            self.folder_button.setAccessibleName(translate("Export", "Show in folder"))
            self.folder_button.clicked.connect(self.show_folder)
        close = self.addButton(QMessageBox.StandardButton.Close)
        close.setAccessibleName(translate("Export", "Close"))
        self.setEscapeButton(close)
        self.setDefaultButton(self.open_button or close)

    def file_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(self.target)) if self.target else QUrl()

    def folder_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(self.target.parent)) if self.target else QUrl()

    def open_target(self) -> None:
        if not open_url(self.file_url()):
            self._could_not_open(self.target)

    def show_folder(self) -> None:
        if not open_url(self.folder_url()):
            self._could_not_open(self.target.parent if self.target else None)

    def _could_not_open(self, path: Path | None) -> None:
        window = self.parentWidget()
        ctx = getattr(window, "ctx", None)
        text = translate(
            "Export", "Could not open {0}: no program on this computer opens it."
        ).format(path)
        if ctx is not None:
            ctx.report_error(text)


def show_export_done(
    parent: QWidget | None,
    title: str,
    text: str,
    target: Path | None,
    *,
    open_label: str | None = None,
    detail: str = "",
) -> ExportDoneMessage:
    """Show the message without blocking (it belongs to ``parent``, which keeps it)."""
    message = ExportDoneMessage(parent, title, text, target, open_label=open_label, detail=detail)
    message.show()
    return message
