"""An undo the database refuses (the records changed meanwhile) is said in words, not raised."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from brokerdesk.core.models import Partner
from brokerdesk.core.services.records import Change
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.undo import ServiceCommand


class RenameBack(ServiceCommand):
    """A rename whose undo writes the old name back with raw SQL (as merges' undo does)."""

    def __init__(self, window: MainWindow, partner_id: int, old: str, new: str) -> None:
        super().__init__(window.ctx, "Rename partner")
        self.db = window.ctx.db
        self.partner_id, self.old, self.new = partner_id, old, new

    def _set(self, name: str) -> Change:
        with self.db.write() as session:
            session.execute(
                text("UPDATE partner SET name = :name WHERE id = :id"),
                {"name": name, "id": self.partner_id},
            )
        return Change("partner", "update", (self.partner_id,))

    def perform(self) -> Change:
        return self._set(self.new)

    def undo_action(self) -> Change:
        return self._set(self.old)

    def redo_action(self) -> Change:
        return self._set(self.new)


def test_an_undo_the_database_refuses_is_reported_and_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    with window.ctx.db.read() as session:
        first = session.execute(select(Partner.id, Partner.name).limit(1)).one()
    window.ctx.perform(RenameBack(window, first.id, first.name, "Renamed Partner"))
    stack = window.ctx.undo_stack
    command = stack.command(stack.index() - 1)
    assert isinstance(command, RenameBack)
    command.old = ""  # what the undo would write is now refused by the database's check
    with qtbot.waitSignal(window.ctx.message) as said:
        stack.undo()
    assert "Undo of “Rename partner” was not possible" in said.args[0]
    assert said.args[1] is True  # shown as an error
    box = window.findChild(QMessageBox, "error-message")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == said.args[0]
    box.button(QMessageBox.StandardButton.Ok).click()  # the user reads it and answers
    with window.ctx.db.read() as session:
        name = session.scalar(select(Partner.name).where(Partner.id == first.id))
    assert name == "Renamed Partner"  # nothing changed
