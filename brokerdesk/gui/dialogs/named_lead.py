"""Name a library service's lead for an offer area (the service page's *Name a lead…*).

The lead is one of the service's own contacts, or nobody. Saving is one undoable change, in
the service's history as "Named lead (Reading)".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.core.services.named_leads import NamedLead
    from brokerdesk.core.services.records import Change
    from brokerdesk.gui.context import AppContext

translate = QCoreApplication.translate


class SetNamedLead(ServiceCommand):
    """Name (or clear) a service's lead for one offer area; undo puts the previous one back."""

    def __init__(
        self,
        ctx: AppContext,
        service_id: int,
        offer_area_id: int,
        contact_id: int | None,
        text: str,
    ) -> None:
        super().__init__(ctx, text)
        self.service_id, self.offer_area_id, self.contact_id = service_id, offer_area_id, contact_id
        self.previous: int | None = None

    def _set(self, contact_id: int | None) -> Change:
        return self.ctx.services.named_leads.set_lead(
            self.service_id, self.offer_area_id, contact_id
        )

    def perform(self) -> Change:
        self.change = self._set(self.contact_id)
        self.previous = next(iter(self.change.before.values()), None)
        return self.change

    def undo_action(self) -> Change:
        return self._set(self.previous)

    def redo_action(self) -> Change:
        return self._set(self.contact_id)


class NamedLeadDialog(QDialog):
    """Offer area and person; ``chosen()`` gives (offer area id, contact id or None)."""

    def __init__(
        self,
        leads: list[NamedLead],
        people: list[tuple[int, str]],
        service_name: str,
        area_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("named-lead")
        title = self.tr("Name a lead: {0}").format(service_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.leads = {lead.offer_area_id: lead for lead in leads}
        self.area = QComboBox(self)
        for lead in leads:
            self.area.addItem(lead.offer_area, lead.offer_area_id)
        self.area.setAccessibleName(self.tr("Offer area"))
        self.person = QComboBox(self)
        self.person.addItem(self.tr("Nobody named"), None)
        for contact_id, name in people:
            self.person.addItem(name, contact_id)
        self.person.setAccessibleName(self.tr("Named lead"))
        form = QFormLayout()
        area_label = QLabel(self.tr("Offer &area:"), self)
        area_label.setBuddy(self.area)
        person_label = QLabel(self.tr("&Lead:"), self)
        person_label.setBuddy(self.person)
        form.addRow(area_label, self.area)
        form.addRow(person_label, self.person)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if not people:
            note = QLabel(
                self.tr(
                    "{0} has no contacts yet: add the person with Add contact… on its page, "
                    "then name them here."
                ).format(service_name),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.area.currentIndexChanged.connect(lambda _i: self._show_current())
        if area_id is not None and self.area.findData(area_id) >= 0:
            self.area.setCurrentIndex(self.area.findData(area_id))
        self._show_current()
        self.area.setFocus()

    def _show_current(self) -> None:
        """The person combo starts at the area's current lead."""
        lead = self.leads.get(self.area.currentData())
        index = self.person.findData(lead.contact_id if lead else None)
        self.person.setCurrentIndex(max(index, 0))

    def chosen(self) -> tuple[int, int | None]:
        return int(self.area.currentData()), self.person.currentData()


def name_a_lead(
    ctx: AppContext, service_id: int, service_name: str, area_id: int | None, parent: QWidget
) -> None:
    """Ask, then save as one undoable change (a refusal is reported, nothing changes)."""
    leads = ctx.attempt(lambda: ctx.services.named_leads.for_service(service_id))
    people = ctx.attempt(lambda: ctx.services.named_leads.candidates(service_id))
    if leads is None or people is None:
        return
    dialog = NamedLeadDialog(leads, people, service_name, area_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    area, person = dialog.chosen()
    area_name = dialog.area.currentText()
    text = (
        translate("NamedLead", "Name {0} as {1} lead at {2}").format(
            dialog.person.currentText(), area_name, service_name
        )
        if person is not None
        else translate("NamedLead", "Clear the {0} lead at {1}").format(area_name, service_name)
    )
    ctx.perform(SetNamedLead(ctx, service_id, area, person, text))
