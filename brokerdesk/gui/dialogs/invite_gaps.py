"""Invite a coverage cell's gap list to one live programme, in one undoable step.

Opened from the dashboard's Coverage tab ("Invite the missing services…"). The live
programmes of the cell's offer area are listed best fit first (most services already signed up
or active in the cell's region, then most overall), the first chosen. Accepting links every
missing service to the chosen programme at stage *invited* through the same undoable
operation as "Add library services…", so one Ctrl+Z takes the whole invitation back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.coverage import ALL_REGIONS
from brokerdesk.core.programme_fit import ProgrammeFit, live_programmes_for_gap
from brokerdesk.gui.operations import Operation, OperationRun
from brokerdesk.gui.undo import LinkServices

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

STAGE = "invited"


class InviteGapsDialog(QDialog):
    """Choose the programme; Enter invites, Escape cancels.

    Attributes:
        fits: the live programmes offered, best fit first (empty: nothing to accept).
        invite_button: the accept button (None when there is no live programme).
        result_text: what was done, once the invitation is written.
    """

    def __init__(
        self,
        ctx: AppContext,
        offer_area_id: int,
        area: str,
        region: str,
        service_ids: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.area, self.region = area, region
        self.service_ids = list(service_ids)
        self.inviting: OperationRun | None = None
        self.result_text = ""
        self.setObjectName("invite-gaps")
        where = self.tr("all regions") if region == ALL_REGIONS else region
        self.setWindowTitle(self.tr("Invite the missing services: {0} in {1}").format(area, where))
        self.setAccessibleName(self.windowTitle())
        self.fits = live_programmes_for_gap(ctx.db, offer_area_id, region, self.service_ids)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.programmes = QListWidget(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.invite_button = None
        if not self.fits:
            self.intro.setText(
                self.tr(
                    "There is no live programme in {0} to invite the {1} missing from {2} to. "
                    "Make a programme of that offer area live first."
                ).format(area, self._services(len(self.service_ids)), where)
            )
            self.programmes.hide()
            self.summary.hide()
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
            buttons.rejected.connect(self.reject)
        else:
            self.intro.setText(
                self.tr(
                    "The gap list of {0} in {1} has {2}. Invited services stay in the gap "
                    "list until they sign up: only signed up or active services count as "
                    "covered."
                ).format(area, where, self._services(len(self.service_ids)))
            )
            label = QLabel(self.tr("&Programme to invite them to (best fit first):"), self)
            label.setBuddy(self.programmes)
            self.programmes.setAccessibleName(
                self.tr("Programme to invite them to (best fit first)")
            )
            self.programmes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            for fit in self.fits:
                item = QListWidgetItem(f"{fit.name} — {self._why(fit)}")
                item.setToolTip(self._why(fit))
                self.programmes.addItem(item)
            layout.addWidget(label)
            layout.addWidget(self.programmes, 1)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
            self.invite_button = buttons.addButton(
                self.tr("Invite"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.invite_button.setDefault(True)
            buttons.accepted.connect(self.invite)
            buttons.rejected.connect(self.reject)
            self.programmes.currentRowChanged.connect(self._show_summary)
            self.programmes.setCurrentRow(0)
            self.programmes.setFocus()
        self.setAccessibleDescription(self.intro.text())  # read as the dialog opens
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.resize(620, 380)

    def _services(self, count: int) -> str:
        """ "1 library service", "18 library services"."""
        noun = self.tr("library service") if count == 1 else self.tr("library services")
        return f"{count} {noun}"

    def _why(self, fit: ProgrammeFit) -> str:
        if self.region == ALL_REGIONS:
            return self.tr("{0} signed up or active already").format(self._services(fit.overall))
        return self.tr("{0} in {1} already, {2} in all").format(
            self._services(fit.in_region), self.region, fit.overall
        )

    @property
    def chosen(self) -> ProgrammeFit | None:
        row = self.programmes.currentRow()
        return self.fits[row] if 0 <= row < len(self.fits) else None

    def to_invite(self) -> list[int]:
        """The gap list less the services already linked to the chosen programme."""
        fit = self.chosen
        if fit is None:
            return []
        return [sid for sid in self.service_ids if sid not in fit.already_linked]

    def _show_summary(self, _row: int = 0) -> None:
        fit = self.chosen
        if fit is None or self.invite_button is None:
            return
        count = len(self.to_invite())
        text = self.tr("Invite {0} to {1} as Invited").format(self._services(count), fit.name)
        skipped = len(self.service_ids) - count
        if skipped:
            text += self.tr(" (skipping {0} already linked to it)").format(skipped)
        self.summary.setText(text + ".")
        self.invite_button.setText(self.tr("Invite {0}").format(self._services(count)))
        self.invite_button.setAccessibleName(self.invite_button.text())
        self.invite_button.setAccessibleDescription(self.summary.text())
        self.invite_button.setEnabled(count > 0)

    def reject(self) -> None:
        """Escape or Cancel closes the dialog, except while the invitations are being written."""
        if self.inviting is not None and not self.inviting.ended:
            return
        super().reject()

    def invite(self) -> None:
        fit, ids = self.chosen, self.to_invite()
        if fit is None or not ids:
            return
        text = self.tr("Invite {0} to {1}").format(self._services(len(ids)), fit.name)
        self.buttons.setEnabled(False)

        def done(_change: object) -> None:
            self.result_text = self.tr(
                "Invited {0} to {1}. They stay in the gap list until they sign up."
            ).format(self._services(len(ids)), fit.name)
            self.ctx.notify(self.result_text)
            self.accept()

        def refused(sentence: str) -> None:
            self.buttons.setEnabled(True)
            self.ctx.report_error(sentence)

        self.inviting = Operation(
            self.ctx,
            self,
            title=text,
            label=self.tr("Inviting {0}…").format(self._services(len(ids))),
            undo=LinkServices(self.ctx, fit.id, ids, STAGE, text),
            on_success=done,
            on_failure=refused,
        ).run()
