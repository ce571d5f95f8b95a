"""Application set-up: the QApplication (name, icon, translations) and the GUI entry point.

``create_main_window(db)`` is the embedding contract: given a database address (or an open
Database) and an existing QApplication, it returns the ready main window.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from brokerdesk import __version__
from brokerdesk.gui.context import APP_NAME, AppContext
from brokerdesk.gui.settings import Settings
from brokerdesk.paths import resource

# The database layer (SQLAlchemy and the models: most of a second to import) is imported
# where it is used, so the main window can be on screen before it is loaded.
if TYPE_CHECKING:
    from brokerdesk.core.db import Database


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
    from brokerdesk.core.opening import as_database
    from brokerdesk.gui.main_window import MainWindow

    database = as_database(db)
    ctx = AppContext(database, settings)
    window = MainWindow(ctx)
    window.safety.start()  # live refresh, as the launcher's window has
    return window


def build_demo_database(path: Path) -> None:
    """A fresh demo database: the real library services plus fictional partners."""
    from brokerdesk.core.opening import build_demo_file

    build_demo_file(path)


def run_gui(args: argparse.Namespace) -> int:
    """The desktop app: ``brokerdesk`` and ``brokerdesk --demo``."""
    from brokerdesk.gui.launcher import Launcher
    from brokerdesk.gui.platform_libs import window_problem
    from brokerdesk.gui.theme import apply_saved

    problem = window_problem()  # Qt would abort without a word a user could act on
    if problem:
        print(problem, file=sys.stderr)
        return 1
    app = ensure_application()
    launcher = Launcher()
    apply_saved(launcher.settings)  # before the first window or dialog shows
    if not launcher.start(args.db, demo=getattr(args, "demo", False)):
        return 0
    return app.exec()
