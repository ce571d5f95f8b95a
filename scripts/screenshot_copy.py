"""The user guide's picture of File ▸ Move to a team server… (``screenshots.py`` calls it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from brokerdesk.gui.dialogs.move_to_server import MoveToServerDialog
from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]


def move_to_server_picture(window: MainWindow, save: Save) -> None:
    """The dialog as a user fills it in for the team's new server."""
    database = window.ctx.db.path
    dialog = MoveToServerDialog(database.name if database else "team.sqlite3", window)
    dialog.host.setText("db.partnerships.example.org.uk")
    dialog.database.setText("brokerdesk")
    dialog.user.setText("priya")
    dialog.resize(520, dialog.sizeHint().height())
    dialog.show()
    dialog.user.setFocus()
    save(dialog, "move-to-server")
    dialog.done(0)
