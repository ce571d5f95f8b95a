"""Change the stage of many participations at once (one undoable action)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from brokerdesk.core import vocabulary as v
from brokerdesk.gui.undo import SetStages

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


class ChangeStageDialog(QDialog):
    def __init__(
        self, ctx: AppContext, participation_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ids = list(participation_ids)
        self.setObjectName("change-stage")
        count = len(self.ids)
        noun = self.tr("participation") if count == 1 else self.tr("participations")
        self.setWindowTitle(self.tr("Change stage"))
        self.setAccessibleName(self.tr("Change stage"))
        self.summary = QLabel(
            self.tr("Move {0} {1} to the stage chosen below.").format(count, noun), self
        )
        self.stage = QComboBox(self)
        for stored, text in v.STAGE_LABELS.items():
            self.stage.addItem(self.tr(text), stored)
        self.stage.setAccessibleName(self.tr("New stage"))
        label = QLabel(self.tr("&New stage:"), self)
        label.setBuddy(self.stage)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change stage"))
        self.ok_button.setAccessibleName(self.tr("Change stage"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.summary)
        layout.addRow(label, self.stage)
        layout.addRow(buttons)
        self.stage.setFocus()
        self.setMinimumWidth(380)

    def apply(self) -> None:
        stage = str(self.stage.currentData())
        label = v.STAGE_LABELS[stage]
        text = self.tr("Change {0} participations to {1}").format(len(self.ids), label)
        if self.ctx.perform(SetStages(self.ctx, self.ids, stage, text)):
            self.accept()
