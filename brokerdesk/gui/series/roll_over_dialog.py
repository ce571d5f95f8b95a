"""Roll over: choose who comes along to next year's round, and at which stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from brokerdesk.core import vocabulary as v
from brokerdesk.core.services.roll_over import RollOverPlan, stages_taking_part
from brokerdesk.gui.operations import Operation
from brokerdesk.gui.series.commands import RollOverCommand

if TYPE_CHECKING:
    from brokerdesk.core.services.records import Change
    from brokerdesk.gui.context import AppContext

# Which library services come along: (label, the stages they are at now).
BRING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Those taking part (any stage but withdrawn)", tuple(stages_taking_part())),
    ("Those that completed it", ("completed",)),
    ("Those active or completed", ("active", "completed")),
    ("Every library service, withdrawn ones too", tuple(v.STAGE_LABELS)),
    ("None", ()),
)


class RollOverDialog(QDialog):
    """Attributes:
    new_id: the new round's programme id, once made (the caller opens it after ``exec``:
        opening it replaces the page this dialog belongs to).
    """

    def __init__(
        self, ctx: AppContext, programme_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.programme_id = programme_id
        self.name = name
        self.running: object = None
        self.new_id: int | None = None
        self.setObjectName("roll-over")
        self.setWindowTitle(self.tr("Roll over"))
        self.setAccessibleName(self.tr("Roll over"))
        self.summary = QLabel(
            self.tr(
                "Makes next year's round of {0}: the name, round and dates a year on, the same "
                "offer areas, partners, target and measures. It starts as an idea."
            ).format(name),
            self,
        )
        self.summary.setWordWrap(True)
        self.bring = QComboBox(self)
        for text, stages in BRING:
            self.bring.addItem(self.tr(text), stages)
        self.bring.setAccessibleName(self.tr("Library services to bring"))
        bring_label = QLabel(self.tr("&Library services to bring:"), self)
        bring_label.setBuddy(self.bring)
        self.stage = QComboBox(self)
        for stored, text in v.STAGE_LABELS.items():
            self.stage.addItem(self.tr(text), stored)
        self.stage.setAccessibleName(self.tr("Their stage in the new round"))
        stage_label = QLabel(self.tr("&Their stage in the new round:"), self)
        stage_label.setBuddy(self.stage)
        self.bring.currentIndexChanged.connect(
            lambda _i: self.stage.setEnabled(bool(self.bring.currentData()))
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Roll over"))
        self.ok_button.setAccessibleName(self.tr("Roll over"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.summary)
        layout.addRow(bring_label, self.bring)
        layout.addRow(stage_label, self.stage)
        layout.addRow(self.buttons)
        self.bring.setFocus()
        self.setMinimumWidth(460)

    def plan(self) -> RollOverPlan:
        return RollOverPlan(
            frozenset(self.bring.currentData() or ()), str(self.stage.currentData())
        )

    def apply(self) -> None:
        text = self.tr("Roll over {0}").format(self.name)
        self.buttons.setEnabled(False)

        def refused(sentence: str) -> None:
            self.buttons.setEnabled(True)
            self.ctx.report_error(sentence)

        def made(change: Change) -> None:
            self.new_id = change.id
            self.accept()

        self.running = Operation(
            self.ctx,
            self,
            title=text,
            undo=RollOverCommand(self.ctx, self.programme_id, self.plan(), text),
            on_success=made,
            on_failure=refused,
        ).run()
