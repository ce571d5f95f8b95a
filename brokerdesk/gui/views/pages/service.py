"""The library service page: its branches, the programmes it takes part in, who we know."""

from __future__ import annotations

from typing import Any

from brokerdesk.core import vocabulary as v
from brokerdesk.core.services.named_leads import NamedLead
from brokerdesk.core.services.overview import ServiceOverview
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages import columns
from brokerdesk.gui.views.pages.base import RecordPage
from brokerdesk.gui.views.pages.report_button import ReportButton
from brokerdesk.gui.views.pages.timeline import add_timeline


def _open_or_closed(row: dict[str, Any]) -> str:
    return f"Closed {row['year_closed']}" if row.get("year_closed") else "Open"


class ServicePage(RecordPage):
    entity = "library_service"
    watches = frozenset({"participation", "programme", "contact", "interaction", "branch"})

    def build(self) -> None:
        self.add_button("Add &contact…", self.add_contact, "A new contact at this service")
        self.add_button(
            "&Log interaction…", lambda: self.log_interaction("service_id"), shortcut="Ctrl+I"
        )
        self.report_button = ReportButton(self)  # answered by brokerdesk.gui.reporting
        self.button_bar.addWidget(self.report_button)
        self.buttons.append(self.report_button)  # disabled with the others once deleted
        self.programmes = self.add_table(
            "Programmes",
            (
                RowColumn("name", "Programme"),
                RowColumn("stage", "Stage", v.STAGE_LABELS),
                RowColumn("partners", "Partners"),
                RowColumn("offer_area", "Offer area"),
                RowColumn("start_date", "Starts"),
                RowColumn("reach", "Reach"),
            ),
            "programme",
        )
        self.add_button(
            "&Name a lead…", self.name_lead, "Name the service's lead for an offer area"
        )
        self.contacts = self.add_table("Contacts", columns.CONTACTS, "contact")
        self.leads = self.add_table(
            "Named leads",
            (
                RowColumn("offer_area", "Offer area"),
                RowColumn("contact", "Named lead"),
                RowColumn("email", "Email"),
            ),
            "contact",
            open_key="contact_id",
        )
        self.interactions = self.add_table(
            "Recent interactions", columns.INTERACTIONS, "interaction"
        )
        self.branches = self.add_table(
            "Branches",
            (
                RowColumn("name", "Branch"),
                RowColumn("branch_type", "Type"),
                RowColumn("postcode", "Postcode"),
                RowColumn("year_closed", "Open or closed", text=_open_or_closed),
            ),
            None,
        )
        self.timeline = add_timeline(self)

    def fetch(self) -> tuple[ServiceOverview, list[NamedLead]]:
        services = self.ctx.services
        return (
            services.overview.service(self.record_id),
            services.named_leads.for_service(self.record_id),
        )

    def fill(self, fetched: tuple[ServiceOverview, list[NamedLead]]) -> None:
        data, leads = fetched
        s = data.service
        self.service_name = s["nice_name"]
        self.heading.setText(s["nice_name"])
        self.heading.setAccessibleName(self.tr("Library service: {0}").format(s["nice_name"]))
        member = self.tr("Member") if s.get("is_member") else self.tr("Not a member")
        self.subtitle.setText(f"{s['region']}, {s['nation']} · {s['gss_code']} · {member}")
        self.set_details(
            [
                ("Official name", s.get("name")),
                ("Also known as", ", ".join(data.name_variants)),
                ("Website", s.get("website")),
                ("Email", s.get("email")),
                ("Phone", s.get("phone")),
                ("Tags", ", ".join(s.get("tags") or [])),
                ("Last contact", data.last_contact),
            ]
        )
        self.set_table_rows(self.programmes, data.programmes)
        self.set_table_rows(self.contacts, data.contacts)
        self.set_table_rows(
            self.leads,
            [
                {
                    "offer_area": lead.offer_area,
                    "offer_area_id": lead.offer_area_id,
                    "contact": lead.contact or self.tr("Nobody named"),
                    "contact_id": lead.contact_id,
                    "email": lead.email,
                }
                for lead in leads
            ],
        )
        named = sum(1 for lead in leads if lead.contact_id is not None)
        holder = self.leads.parentWidget()
        assert holder is not None
        self.tabs.setTabText(
            self.tabs.indexOf(holder), self.tr("Named leads ({0} of {1})").format(named, len(leads))
        )
        self.set_table_rows(self.interactions, data.interactions)
        self.set_table_rows(self.branches, data.branches)

    def name_lead(self) -> None:
        """The offer area of the Named leads row chosen, if that tab shows; else the first."""
        from brokerdesk.gui.dialogs.named_lead import name_a_lead

        area = None
        index = self.leads.currentIndex()
        if self.tabs.currentWidget() is self.leads.parentWidget() and index.isValid():
            area = self.leads.rows_model.row_at(index.row()).get("offer_area_id")
        name = getattr(self, "service_name", self.tr("this library service"))
        name_a_lead(self.ctx, self.record_id, name, area, self)

    def add_contact(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        open_record_form(self.ctx, "contact", None, self, {"service_id": self.record_id})
