"""The partner page: what we do with one national partner, and where it reaches."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QPushButton

from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.money import Money
from brokerdesk.core.services.agreements import agreement_due_text, state_of
from brokerdesk.core.services.grants import funder_grants
from brokerdesk.core.services.overview import PartnerOverview
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages import columns
from brokerdesk.gui.views.pages.base import RecordPage, counts_text
from brokerdesk.gui.views.pages.grant import add_grant_tables
from brokerdesk.gui.views.pages.timeline import add_timeline


def _stages(row: dict[str, Any]) -> str:
    return counts_text(row.get("by_stage") or {}, v.STAGE_LABELS)


class PartnerPage(RecordPage):
    """One partner's page.

    Signals:
        export_requested(int, str): the user asked for this partner's summary as "pdf",
            "xlsx" or "csv" (the Export summary button; the export feature answers).
    """

    export_requested = Signal(int, str)
    entity = "partner"
    finds_duplicates = True
    watches = frozenset(
        {
            "programme",
            "contact",
            "interaction",
            "participation",
            "agreement",
            "funding_grant",
            "deliverable",
        }
    )

    def build(self) -> None:
        self.add_button("Add &contact…", self.add_contact, "A new contact at this partner")
        self.add_button("Add &programme…", self.add_programme, "A new programme it leads")
        self.add_button("Add agree&ment…", self.add_agreement, "A new agreement with this partner")
        self.add_button(
            "&Log interaction…", lambda: self.log_interaction("partner_id"), shortcut="Ctrl+I"
        )
        self.export_button, self.export_menu = self._add_export_button()
        self.programmes = self.add_table(
            "Programmes",
            (
                RowColumn("name", "Programme"),
                RowColumn("role", "Role", v.PARTNER_ROLE_LABELS),
                RowColumn("status", "Status", v.PROGRAMME_STATUS_LABELS),
                RowColumn("offer_area", "Offer area"),
                RowColumn("participations", "Library services"),
                RowColumn("by_stage", "By stage", text=_stages),
            ),
            "programme",
        )
        self.reached = self.add_table(
            "Library services reached",
            (RowColumn("place", "Nation or region"), RowColumn("count", "Library services")),
            None,
        )
        self.contacts = self.add_table("Contacts", columns.CONTACTS, "contact")
        self.interactions = self.add_table(
            "Recent interactions", columns.INTERACTIONS, "interaction"
        )
        self.agreements = self.add_table(
            "Agreements",
            (
                RowColumn("title", "Agreement"),
                RowColumn("kind", "Kind", v.AGREEMENT_KIND_LABELS),
                RowColumn("state", "Status", v.AGREEMENT_STATE_LABELS),
                RowColumn("start_date", "Starts"),
                RowColumn("end_date", "Ends"),
                RowColumn("renewal_date", "Renewal due"),
                RowColumn("due", "Due"),
                RowColumn("value", "Value"),  # in the agreement's own currency
            ),
            "agreement",
        )
        self.timeline = add_timeline(self)
        self.grants, self.grant_deliverables = add_grant_tables(self)

    def fetch(self) -> PartnerOverview:
        return self.ctx.services.overview.partner(self.record_id)

    def fill(self, data: PartnerOverview) -> None:
        p = data.partner
        self.heading.setText(p["name"])
        self.heading.setAccessibleName(self.tr("Partner: {0}").format(p["name"]))
        self.subtitle.setText(
            f"{v.PARTNER_TYPE_LABELS.get(p['partner_type'], p['partner_type'])} · "
            f"{v.PARTNER_STATUS_LABELS.get(p['status'], p['status'])}"
        )
        self.set_details(
            [
                ("Relationship owner", p.get("owner")),
                ("Website", p.get("website")),
                ("Offer areas", ", ".join(data.offer_areas)),
                ("Tags", ", ".join(p.get("tags") or [])),
                ("Last contact", data.last_contact),
                (
                    "Library services reached",
                    f"{data.services_reached:,} — " + counts_text(data.reached_by_nation),
                ),
            ]
        )
        self.set_table_rows(self.programmes, data.programmes)
        reached = [
            {"place": n, "count": c, "id": f"n:{n}"}
            for n, c in sorted(data.reached_by_nation.items())
        ] + [
            {"place": f"  {r}", "count": c, "id": f"r:{r}"}
            for r, c in sorted(data.reached_by_region.items(), key=lambda rc: _region_order(rc[0]))
        ]
        self.reached.set_rows(reached)
        self.set_table_rows(self.contacts, data.contacts)
        self.set_table_rows(self.interactions, data.interactions)
        today = clock.today()
        self.set_table_rows(
            self.agreements,
            [
                {
                    **a,
                    "state": state_of(a["status"], a["end_date"], today),
                    "value": None if a["value"] is None else Money(a["value"], a["currency"]),
                    "due": agreement_due_text(a, today),
                }
                for a in data.agreements
            ],
        )
        grants, due = funder_grants(self.ctx.db, self.record_id, clock.today())
        self.set_table_rows(self.grants, grants)
        self.set_table_rows(self.grant_deliverables, due)

    def _add_export_button(self) -> tuple[QPushButton, QMenu]:
        """ "Export summary ▾" (PDF, XLSX, CSV): each says ``export_requested``."""
        translate = QCoreApplication.translate  # the export's own catalogue context
        button = QPushButton(translate("Export", "Export &summary"), self)
        button.setObjectName("export-summary-button")
        button.setAccessibleName(translate("Export", "Export summary"))
        button.setToolTip(translate("Export", "Export this partner's summary as PDF, XLSX or CSV"))
        button.setAutoDefault(False)
        menu = QMenu(button)
        menu.setAccessibleName(translate("Export", "Export summary as"))
        labels = {
            "pdf": translate("Export", "&PDF…"),
            "xlsx": translate("Export", "&XLSX…"),
            "csv": translate("Export", "&CSV…"),
        }
        for fmt, label in labels.items():
            action = menu.addAction(label)
            action.setObjectName(f"export-summary-{fmt}")
            action.triggered.connect(
                lambda _checked=False, f=fmt: self.export_requested.emit(self.record_id, f)
            )
        button.setMenu(menu)
        self.button_bar.addWidget(button)
        self.buttons.append(button)  # disabled with the others when the partner is deleted
        return button, menu

    def add_contact(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        open_record_form(self.ctx, "contact", None, self, {"partner_id": self.record_id})

    def add_agreement(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        created = open_record_form(
            self.ctx, "agreement", None, self, {"partner_id": self.record_id}
        )
        if created is not None:
            self.open_requested.emit("agreement", created)

    def add_programme(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        created = open_record_form(
            self.ctx, "programme", None, self, {"partners": [(self.record_id, "lead")]}
        )
        if created is not None:
            self.open_requested.emit("programme", created)


def _region_order(region: str) -> int:
    try:
        return v.REGIONS.index(region)
    except ValueError:
        return len(v.REGIONS)
