"""Application set-up: the explicit context every window receives, and the GUI entry point.

``create_main_window(db)`` is the embedding contract: given a database address (or an open
Database) and an existing QApplication, it returns the ready main window.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from brokerdesk import __version__
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.gui.settings import Settings
from brokerdesk.gui.tasks import TaskRunner
from brokerdesk.paths import resource

# The database layer (SQLAlchemy and the models: most of a second to import) is imported
# where it is used, so the main window can be on screen before it is loaded.
if TYPE_CHECKING:
    from brokerdesk.core.db import Database
    from brokerdesk.core.services.records import Change
    from brokerdesk.gui.undo import ServiceCommand

APP_NAME = "BrokerDesk"


class AppContext(QObject):
    """Everything a window needs, passed explicitly (no globals).

    Signals:
        message(str, bool): a sentence for the user; True when it reports an error.
    """

    message = Signal(str, bool)

    def __init__(self, db: Database, settings: Settings | None = None) -> None:
        from brokerdesk.core.services import Services
        from brokerdesk.gui.changes import ChangeBus

        super().__init__()
        self.db = db
        self.settings = settings or Settings()
        self.services = Services(db)
        self.changes = ChangeBus(self)
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)

    def perform(self, command: ServiceCommand) -> Change | None:
        """Run an undoable action; on success push it on the undo stack and broadcast.

        A refused action (a BrokerDeskError) is reported and not pushed; the caller gets
        None and can keep its form open so nothing the user typed is lost.
        """
        try:
            change = command.perform()
        except BrokerDeskError as exc:
            self.report_error(str(exc))
            return None
        command.change = change
        self.undo_stack.push(command)
        self.changes.broadcast(change)
        self.notify(command.text())
        return change

    def attempt(self, action: Callable[[], Any]) -> Any:
        """Run a non-undoable service call, reporting a refusal instead of raising."""
        try:
            return action()
        except BrokerDeskError as exc:
            self.report_error(str(exc))
            return None

    def notify(self, text: str) -> None:
        self.message.emit(text, False)

    def report_error(self, text: str) -> None:
        self.message.emit(text, True)


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("brokerdesk")
    app.setWindowIcon(application_icon())
    install_translation(app)
    return app


def install_translation(
    app: QApplication, locale: QLocale | None = None, folder: Path | None = None
) -> QTranslator | None:
    """Load the catalogue for the system locale when one is shipped (British English is the
    source language, so en_GB needs none), and Qt's own for its standard buttons and dialogs.

    ``folder`` holds ``brokerdesk_<locale>.qm`` files: ``resources/translations`` by default.
    """
    locale = locale or QLocale()
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(locale, "qtbase", "_", qt_folder, ".qm"):
        app.installTranslator(qt_translator)
    translator = QTranslator(app)
    where = str(folder or resource("translations"))
    if translator.load(locale, "brokerdesk", "_", where, ".qm"):
        app.installTranslator(translator)
        return translator
    return None


def application_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource("icons", f"brokerdesk-{size}.png")))
    return icon


def create_main_window(
    db: str | os.PathLike[str] | Database | None, settings: Settings | None = None
) -> QMainWindow:
    """The ready main window for a database address (a QApplication must exist)."""
    from brokerdesk.core.db import Database, open_database
    from brokerdesk.gui.main_window import MainWindow

    database = db if isinstance(db, Database) else open_database(db)
    ctx = AppContext(database, settings)
    return MainWindow(ctx)


def demo_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True) / "demo.sqlite3"


def build_demo_database(path: Path) -> None:
    """A fresh demo database: the real library services plus fictional partners."""
    from brokerdesk.core.db import open_database
    from brokerdesk.core.demo import build_demo
    from brokerdesk.core.reference.load import initialise

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)
    try:
        initialise(db)
        build_demo(db)
    finally:
        db.dispose()


def run_gui(args: argparse.Namespace) -> int:
    """The desktop app: ``brokerdesk`` and ``brokerdesk --demo``."""
    from brokerdesk.gui.launcher import Launcher

    app = ensure_application()
    launcher = Launcher()
    if not launcher.start(args.db, demo=getattr(args, "demo", False)):
        return 0
    return app.exec()
