"""Choosing and opening databases: first run, File ▸ New/Open/Recent, the demo.

The launcher owns the one main window. Opening another database builds a fresh context and
window for it and closes the old one, so no view can ever show one database's rows while
saving to another.
"""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from brokerdesk.core.addresses import without_password
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.gui import settings as keys
from brokerdesk.gui.context import APP_NAME, AppContext, demo_database_path
from brokerdesk.gui.dialogs.welcome import DEMO, FILE_FILTER, TeamServerDialog, WelcomeDialog
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.settings import Settings

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")

# The database layer and what the first list needs, imported on a worker thread while the
# window is drawn (pure Python, no Qt: nothing here touches a widget).
PRELOAD: tuple[str, ...] = (
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "brokerdesk.core.db",
    "brokerdesk.core.models",
    "brokerdesk.core.migrate",
    "brokerdesk.core.lists",
    "brokerdesk.core.services",
    "brokerdesk.core.services.history",
    "brokerdesk.core.services.saved_views",
    "brokerdesk.core.search",
    "brokerdesk.core.backup",
    "brokerdesk.core.integrity",
    "brokerdesk.core.reference.load",
    "brokerdesk.core.opening",
    "brokerdesk.core.exporting",
)


def describe_address(address: str) -> str:
    """How the window names a database before it is open: the file name or the server."""
    if address == DEMO:
        return translate("Launcher", "the demo database")
    if "://" in address:
        return without_password(address).split("@")[-1]  # the server, never a password
    return Path(address).name


class Preload(QObject):
    """Imports ``PRELOAD`` on a worker thread; ``done`` arrives on the GUI thread."""

    done = Signal()

    def start(self) -> None:
        threading.Thread(target=self._run, name="brokerdesk-preload", daemon=True).start()

    def _run(self) -> None:
        try:
            for name in PRELOAD:
                importlib.import_module(name)
            from brokerdesk.core.opening import prepare_models

            prepare_models()
        finally:  # a failed import is raised again, in words, when the database is opened
            self.done.emit()


class Launcher(QObject):
    """Owns the one main window.

    Signals:
        opened(MainWindow): a window now shows a database (its lists are filled).
    """

    opened = Signal(object)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.window: MainWindow | None = None
        self._opening: tuple[MainWindow, str] | None = None  # shown, database not yet open

    # ------------------------------------------------------------------ start-up
    def start(self, address: str | None, demo: bool = False) -> bool:
        """Open the first window. Returns False if the user quit from the welcome dialog.

        With a database to open, the window is shown at once, saying what it is opening,
        and fills in once the database layer is loaded (``opened`` tells when).
        """
        if demo:
            address = DEMO
        address = address or os.environ.get("BROKERDESK_DB") or self._last_database()
        if address:
            self._open_in_new_frame(address)
            return True
        return self._ask_and_open(None)

    def _ask_and_open(self, frame: MainWindow | None) -> bool:
        while True:
            dialog = WelcomeDialog(self.settings.get(keys.RECENT_DATABASES), frame)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.address is None:
                return False
            if self._open_or_explain(dialog.address, frame, new=dialog.new):
                return True

    def _open_or_explain(
        self, address: str, frame: MainWindow | None = None, *, new: bool = False
    ) -> bool:
        """``open``, with any failure ``open`` does not explain itself put in a sentence (a
        slot's exception would leave the window saying "Opening…" for ever, or a menu
        action's would only print a traceback)."""
        try:
            return self.open(address, frame, new=new)
        except Exception as exc:  # whatever it was, the user is told
            if isinstance(exc, ImportError):
                reason = translate(
                    "Launcher", "part of BrokerDesk is missing ({0}); reinstalling it should help"
                ).format(exc)
            elif isinstance(exc, OSError):
                reason = f"{exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")
            else:
                reason = str(exc) or type(exc).__name__
            text = translate("Launcher", "{0} could not be opened: {1}.")
            QMessageBox.warning(
                frame or self.window, APP_NAME, text.format(describe_address(address), reason)
            )
            return False

    def _open_in_new_frame(self, address: str) -> None:
        frame = MainWindow(settings=self.settings)
        frame.show_opening(describe_address(address))
        frame.show()
        preload = Preload(frame)
        self._opening = (frame, address)
        # A bound method of this QObject (GUI thread): the worker's signal arrives queued.
        preload.done.connect(self._finish_opening)
        # The worker starts once "Opening…" is drawn: started earlier, it takes turns with
        # the first paint for Python's interpreter lock. A minimised or hidden start is never
        # painted: do not wait for it for ever.
        started: list[bool] = []

        def start_loading() -> None:
            if not started:
                started.append(True)
                preload.start()

        frame.painted.connect(start_loading)
        QTimer.singleShot(2000, frame, start_loading)

    def _finish_opening(self) -> None:
        if self._opening is None:
            return
        (frame, address), self._opening = self._opening, None
        if not frame.isVisible() or frame.is_attached:  # closed while opening, or done
            return
        if self._open_or_explain(address, frame) or self._ask_and_open(frame):
            if self.window is not frame:  # a restored backup opened in a window of its own
                frame.close()
            return
        frame.close()  # the user chose Quit: the last window closes and the app ends

    def _last_database(self) -> str | None:
        last = self.settings.get(keys.LAST_DATABASE)
        if not last:
            return None
        if "://" in last or last == DEMO or Path(last).exists():
            return last
        return None

    # ------------------------------------------------------------------ opening
    def open(self, address: str, frame: MainWindow | None = None, *, new: bool = False) -> bool:
        """Open ``address`` in a new window (or in ``frame``, a window not yet showing a
        database), replacing the current one.

        An existing empty file is made a database only when ``new`` (the user chose it as a
        new database, and the file dialog asked before replacing it); otherwise it is refused
        in a sentence, as the command line does.
        """
        from brokerdesk.core.opening import build_demo_file, open_for_app
        from brokerdesk.gui.safety.integrity import (
            after_open,
            confirm_location,
            recover_damaged_file,
        )

        parent = frame or self.window
        empty = None if new or address == DEMO else _empty_file_sentence(address)
        if empty is not None:
            QMessageBox.warning(parent, APP_NAME, empty)
            return False
        if address != DEMO and not confirm_location(parent, address):
            return False
        try:
            if address == DEMO:
                path = demo_database_path()
                if not path.exists():
                    build_demo_file(path)
                database = open_for_app(path)
            else:
                database = open_for_app(address)
        except BrokerDeskError as exc:  # a damaged file: offer a backup
            try:
                recovered = recover_damaged_file(self, address, exc)
            except OSError:  # a path the OS will not even look at (a name too long): no backup
                recovered = False
            if recovered:
                return True
            QMessageBox.warning(parent, APP_NAME, str(exc))
            return False
        ctx = AppContext(database, self.settings)
        if frame is None:
            window = MainWindow(ctx, features=[self._add_file_actions])
        else:
            window = frame
            window.attach(ctx, [self._add_file_actions])
        if address != DEMO:
            self.settings.add_recent_database(address)
        self.settings.set(keys.LAST_DATABASE, without_password(address))
        previous, self.window = self.window, window
        if self.settings.get(keys.TODAY_AT_START):  # unless turned off on the Today page
            window.start_at("today")
        window.show()
        if previous is not None and previous is not window:
            previous.close()
            previous.ctx.db.dispose()
            previous.deleteLater()
        after_open(self, window)
        self.opened.emit(window)
        return True

    def _add_file_actions(self, window: MainWindow) -> None:
        """File ▸ New database…, Open database…, Connect to a team server… and Open recent
        (``file.…`` in ``menu_layout``): only the launcher can open another database."""
        self._file_action(
            window, "file.new_database", "&New database…", "Ctrl+Shift+N", self._new_database
        )
        self._file_action(
            window, "file.open_database", "&Open database…", "Ctrl+O", self._open_database
        )
        self._file_action(
            window, "file.team_server", "Connect to a &team server…", None, self._team_server
        )
        self._file_action(
            window,
            "file.move_to_server",
            "Move to a team &server…",
            None,
            lambda: self._move_to_server(window),
        ).setEnabled(window.ctx.db.path is not None)
        recent = QMenu(translate("Launcher", "Open &recent"), window)
        recent.setAccessibleName(translate("Launcher", "Open recent"))
        recent.aboutToShow.connect(lambda: self._fill_recent(recent, window))
        window.register_action("file.open_recent", recent.menuAction())

    def _file_action(
        self, window: MainWindow, action_id: str, text: str, shortcut: str | None, slot: object
    ) -> QAction:
        action = QAction(translate("Launcher", text), window)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return window.register_action(action_id, action)

    def _fill_recent(self, menu: QMenu, window: MainWindow) -> None:
        menu.clear()
        recent = self.settings.get(keys.RECENT_DATABASES)
        if not recent:
            empty = menu.addAction(translate("Launcher", "No recent databases"))
            empty.setEnabled(False)
        for address in recent:
            action = menu.addAction(address.replace("&", "&&"))  # "R&D.sqlite3" is not Alt+D
            action.triggered.connect(lambda _c=False, a=address: self._open_or_explain(a))

    def _new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Create a new database"), str(Path.home()), FILE_FILTER
        )
        if path:
            self._open_or_explain(path, new=True)

    def _open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a database"), str(Path.home()), FILE_FILTER
        )
        if path:
            self._open_or_explain(path)

    def _move_to_server(self, window: MainWindow) -> None:
        from brokerdesk.gui.dialogs.move_to_server import move_to_server

        move_to_server(window.ctx, window, self._open_or_explain)

    def _team_server(self) -> None:
        dialog = TeamServerDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._open_or_explain(dialog.address())


def _empty_file_sentence(address: str) -> str | None:
    """A sentence when ``address`` is an existing empty file (a database is never empty)."""
    if "://" in address:
        return None
    try:
        empty = os.stat(address).st_size == 0 and Path(address).is_file()
    except OSError:  # missing, or a path the database layer will explain
        return None
    if not empty:
        return None
    return translate(
        "Launcher",
        "{0} is an empty file, not a BrokerDesk database, so it was not opened. To start a "
        "new database there, choose File ▸ New database….",
    ).format(address)
