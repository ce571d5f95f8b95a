"""Importing grants from a funder's or finance team's spreadsheet (``brokerdesk import grants``).

A row is one grant: its title and funder (a partner, found as the partners importer finds
one: by name, website or e-mail domain, typos forgiven), amount, currency, status, dates,
owner and notes. A grant already in BrokerDesk with the same title from the same funder is
the same grant (skipped, or updated with ``--on-match update``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core.errors import ValidationError
from brokerdesk.core.importing.amounts import settle_currency
from brokerdesk.core.importing.base import Importer, ImportOptions, RowPlan
from brokerdesk.core.importing.folding import match_key
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.importing.partner_matching import PartnerMatcher
from brokerdesk.core.models import Grant
from brokerdesk.core.services.fields import check_date_order
from brokerdesk.core.services.grants import GrantService


class GrantImporter(Importer):
    kind = "grants"
    noun = "grants"
    model = Grant
    fields = GrantService.fields
    defaults = GrantService.defaults
    lookups = frozenset({"funder"})
    targets = (
        Target("title", "Title", ("Grant", "Grant title", "Project", "Name"), required=True),
        Target(
            "funder",
            "Funder",
            ("Funder name", "Partner", "Funding body", "Organisation", "Trust", "Foundation"),
            required=True,
        ),
        Target("amount", "Amount", ("Value", "Award", "Grant amount", "Amount awarded", "Sum")),
        Target("currency", "Currency", ("Currency code", "CCY")),
        Target("status", "Status", ("Grant status", "Stage", "Outcome")),
        Target("applied_on", "Applied on", ("Applied", "Application date", "Submitted")),
        Target("awarded_on", "Awarded on", ("Awarded", "Award date", "Decision date")),
        Target("start_date", "Starts", ("Start", "Start date", "From")),
        Target("end_date", "Ends", ("End", "End date", "To", "Until")),
        Target("owner", "Owner", ("Lead", "Grant owner", "Staff")),
        Target("notes", "Notes", ("Comments", "Details", "Conditions")),
    )

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.partners = PartnerMatcher(session)
        self.existing: dict[tuple[int | None, str], int] = {
            (partner, key): gid
            for gid, partner, title in session.execute(
                select(Grant.id, Grant.partner_id, Grant.title)
            )
            if (key := match_key(title))
        }

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        funder = source.get("funder", "")
        partner = self.settle(plan, "funder", funder, self.partners.match(funder))
        values["partner_id"] = partner
        for key in [k for k, v in values.items() if v is None]:
            del values[key]
        settle_currency(plan, values, "amount", "Amount")
        try:
            check_date_order(values)
        except ValidationError as exc:
            plan.refuse(str(exc))
        title = match_key(source.get("title", ""))
        plan.record_id = self.existing.get((partner, title)) if title else None
        return (partner, title) if title else None
