"""Quick log (Ctrl+I): record a call, meeting or email about a record in a few keystrokes.

The subject field has focus; Enter saves. The follow-up date is optional (tick the box) and
defaults to the "follow up after" setting. Saving goes through the undo stack.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from brokerdesk.core import vocabulary
from brokerdesk.gui.settings import FOLLOW_UP_DAYS

if TYPE_CHECKING:
    from brokerdesk.gui.app import AppContext

ABOUT_FIELD = {
    "partner": "partner_id",
    "library_service": "service_id",
    "programme": "programme_id",
}


def _date_edit(day: dt.date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


class LogInteractionDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        entity: str,
        record_id: int,
        about: str,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.about = {ABOUT_FIELD[entity]: record_id}
        today = today or dt.date.today()
        self.setWindowTitle(self.tr("Log interaction with {0}").format(about))
        self.kind = QComboBox(self)
        for value, label in vocabulary.INTERACTION_KIND_LABELS.items():
            self.kind.addItem(self.tr(label), value)
        self.kind.setCurrentIndex(self.kind.findData("call"))
        self.when = _date_edit(today, self)
        self.subject = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.follow_up = QCheckBox(self.tr("&Follow up on"), self)
        days = ctx.settings.get(FOLLOW_UP_DAYS) if ctx.settings else 14
        self.follow_up_on = _date_edit(today + dt.timedelta(days=int(days)), self)
        self.follow_up_on.setEnabled(False)
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("&Kind"), self.kind),
            (self.tr("&Date"), self.when),
            (self.tr("&Subject"), self.subject),
            (self.tr("&Notes"), self.notes),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self.follow_up_on.setAccessibleName(self.tr("Follow up on"))
        form.addRow(self.follow_up, self.follow_up_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.subject.setFocus()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "kind": self.kind.currentData(),
            "occurred_on": self.when.date().toPython(),
            "subject": self.subject.text().strip(),
            "notes": self.notes.toPlainText().strip() or None,
            **self.about,
        }
        if self.follow_up.isChecked():
            values["follow_up_on"] = self.follow_up_on.date().toPython()
        return values

    def save(self) -> None:
        """Save through the undo stack; a refusal keeps the dialog open with the text kept."""
        from brokerdesk.gui.undo import CreateRecord

        command = CreateRecord(
            self.ctx, self.ctx.services.interactions, self.values(), self.tr("Log interaction")
        )
        if self.ctx.perform(command) is not None:
            self.accept()


def open_log_interaction(
    ctx: AppContext, entity: str, record_id: int, about: str, parent: QWidget | None = None
) -> LogInteractionDialog:
    """Show the quick-log dialog (non-blocking, so tests and the window stay responsive)."""
    dialog = LogInteractionDialog(ctx, entity, record_id, about, parent)
    dialog.setModal(True)
    dialog.show()
    return dialog
