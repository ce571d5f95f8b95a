"""The explicit context every window receives, and the application's name.

This module sits below every window and feature: it imports nothing from the main window,
the launcher or any feature, so any module can take an ``AppContext`` without pulling the
whole GUI in (or making an import cycle).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.gui.settings import Settings
from brokerdesk.gui.tasks import TaskRunner

# The database layer (SQLAlchemy and the models: most of a second to import) is imported
# where it is used, so the main window can be on screen before it is loaded.
if TYPE_CHECKING:
    from brokerdesk.core.db import Database
    from brokerdesk.core.services.records import Change
    from brokerdesk.gui.undo import ServiceCommand

APP_NAME = "BrokerDesk"


def demo_database_path() -> Path:
    """Where ``brokerdesk --demo`` keeps its database: the app's own data folder."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True) / "demo.sqlite3"


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
        self.record_undoable(command, change)
        return change

    def record_undoable(self, command: ServiceCommand, change: Change) -> None:
        """After an undoable action has run: push it, broadcast its change, say what it did.

        The one place an undo entry is pushed, for quick edits (:meth:`perform`) and for
        operations run in a worker (``gui.operations.Operation`` with ``undo=``).
        """
        command.change = change
        self.undo_stack.push(command)
        self.changes.broadcast(change)
        self.notify(command.text())

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
