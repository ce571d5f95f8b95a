"""The library service page: its branches, the programmes it takes part in, who we know."""

from __future__ import annotations

from typing import Any

from brokerdesk.core import vocabulary as v
from brokerdesk.core.services.overview import ServiceOverview
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages import columns
from brokerdesk.gui.views.pages.base import RecordPage
from brokerdesk.gui.views.pages.report_button import ReportButton


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
        self.contacts = self.add_table("Contacts", columns.CONTACTS, "contact")
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

    def fetch(self) -> ServiceOverview:
        return self.ctx.services.overview.service(self.record_id)

    def fill(self, data: ServiceOverview) -> None:
        s = data.service
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
                ("Last contact", data.last_contact),
            ]
        )
        self.set_table_rows(self.programmes, data.programmes)
        self.set_table_rows(self.contacts, data.contacts)
        self.set_table_rows(self.interactions, data.interactions)
        self.set_table_rows(self.branches, data.branches)

    def add_contact(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        open_record_form(self.ctx, "contact", None, self, {"service_id": self.record_id})
