"""File ▸ Move to a team server…: the team's file copied onto its PostgreSQL server.

The user names the server (as when connecting to one); every record, its history, Trash and
documents are copied into the server's empty database in the background, with progress and
Cancel, and the counts are checked at the end. The file stays as it was. Afterwards BrokerDesk
offers to open the server, so the team can start working there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from brokerdesk.gui.dialogs.welcome import TeamServerDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from brokerdesk.core.copying import CopyResult
    from brokerdesk.gui.context import AppContext

translate = QCoreApplication.translate


class MoveToServerDialog(TeamServerDialog):
    """Where to move the file: the team server's host, port, empty database and user."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Move to a team server")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("move-to-server")
        explain = QLabel(
            self.tr(
                "Every record in {0}, with its history, Trash and documents, is copied into "
                "the server's database, which must be empty (ask the server's administrator "
                "to create one). The file itself stays as it is."
            ).format(file_name),
            self,
        )
        explain.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, explain)
        buttons = self.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Copy to the server"))


def move_to_server(ctx: AppContext, parent: QWidget, open_address: Callable[[str], object]) -> None:
    """Ask where, copy in the background, then offer to open the server."""
    from brokerdesk.core import copying
    from brokerdesk.gui.operations import Operation

    db = ctx.db
    if db.path is None:
        QMessageBox.information(
            parent,
            translate("MoveToServer", "Move to a team server"),
            translate("MoveToServer", "This database is already on a team server."),
        )
        return
    dialog = MoveToServerDialog(db.path.name, parent)
    if dialog.exec() != MoveToServerDialog.DialogCode.Accepted:
        return
    address = dialog.address()
    title = translate("MoveToServer", "Move to a team server")

    def done(result: CopyResult) -> None:
        answer = QMessageBox.question(
            parent,
            title,
            translate(
                "MoveToServer",
                "Copied {0:,} rows to {1}; the counts match. Open the team server now? "
                "(Your file stays as it is.)",
            ).format(result.rows, result.target),
        )
        ctx.notify(
            translate("MoveToServer", "Copied {0:,} rows to the team server.").format(result.rows)
        )
        if answer == QMessageBox.StandardButton.Yes:
            open_address(address)

    Operation(
        ctx,
        parent,
        lambda progress: copying.copy_to_address(db, address, progress=progress),
        title=title,
        label=translate("MoveToServer", "Copying every record to the team server…"),
        name="move-to-server-progress",
        on_success=done,
        cancelled_text=translate(
            "MoveToServer", "The move was cancelled; nothing was written to the server."
        ),
    ).run()
