"""Documents and e-mail in the window: File ▸ Log e-mail… and File ▸ Import e-mails from
folder…, and (through ``section``) every record page's Documents tab and drop target.

:func:`install` registers the two File actions (``file.log_email``, ``file.import_emails``)
and applies the user's document size limit to the documents service.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from brokerdesk.gui.settings import DOCUMENT_LIMIT_MB

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow


@dataclass
class EmailActions:
    """File ▸ Log e-mail… and File ▸ Import e-mails from folder… on one window."""

    log_email: QAction
    import_folder: QAction


def current_record(window: MainWindow) -> tuple[str, int] | None:
    """The partner, library service or programme whose page is showing, if any."""
    from brokerdesk.gui.documents.section import EMAIL_PAGES
    from brokerdesk.gui.views.pages.base import RecordPage

    page = window.record_page
    if not isinstance(page, RecordPage) or window.stack.currentWidget() is not page:
        return None
    if page.deleted:
        return None
    return (page.entity, page.record_id) if page.entity in EMAIL_PAGES else None


def ask_email_files(window: MainWindow) -> list[Path]:
    names, _filter = QFileDialog.getOpenFileNames(
        window,
        translate("LogEmail", "Log e-mail"),
        "",
        translate("LogEmail", "Saved e-mails (*.eml *.msg)"),
    )
    return [Path(n) for n in names]


def log_email(window: MainWindow, paths: list[Path] | None = None) -> None:
    """Log saved e-mails with the record on screen, or with the partner each is matched to."""
    from brokerdesk.gui.documents.email_dialog import log_emails

    chosen = paths if paths is not None else ask_email_files(window)
    if chosen:
        log_emails(window.ctx, window, chosen, current_record(window))


def import_folder(window: MainWindow, folder: Path | None = None) -> None:
    from brokerdesk.gui.documents.folder_dialog import choose_folder, import_emails_from

    chosen = folder if folder is not None else choose_folder(window)
    if chosen is not None:
        import_emails_from(window.ctx, window, chosen)


def install(window: MainWindow) -> EmailActions:
    """Register File ▸ Log e-mail… (Ctrl+Shift+M) and File ▸ Import e-mails from folder…."""
    limit = window.ctx.settings.get(DOCUMENT_LIMIT_MB)
    if limit > 0:
        window.ctx.services.documents.max_bytes = limit * 1024 * 1024
    log = QAction(translate("LogEmail", "&Log e-mail…"), window)
    log.setObjectName("log-email-action")
    log.setShortcut(QKeySequence("Ctrl+Shift+M"))
    tip = translate(
        "LogEmail",
        "Log a saved e-mail (.eml or Outlook .msg) as an interaction, with its attachments "
        "(Ctrl+Shift+M)",
    )
    log.setToolTip(tip)
    log.setStatusTip(tip)
    log.triggered.connect(lambda _checked=False: log_email(window))
    window.register_action("file.log_email", log)
    folder = QAction(translate("LogEmail", "Import e-&mails from folder…"), window)
    folder.setObjectName("import-emails-action")
    tip = translate(
        "LogEmail",
        "Log every saved e-mail of a folder with its partner, after a preview",
    )
    folder.setToolTip(tip)
    folder.setStatusTip(tip)
    folder.triggered.connect(lambda _checked=False: import_folder(window))
    window.register_action("file.import_emails", folder)
    return EmailActions(log, folder)
