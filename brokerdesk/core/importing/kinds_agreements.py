"""Importing agreements: a spreadsheet of the team's agreements, each matched to its partner.

A row is the same agreement as one already in BrokerDesk when its partner, title and start
date are the same (what the on-match choice then skips or updates). Kinds and statuses are
read loosely ("Memorandum of understanding" is not a kind, "MoU" is; "data sharing" is).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brokerdesk.core.importing.amounts import settle_currency
from brokerdesk.core.importing.base import Importer, ImportOptions, RowPlan
from brokerdesk.core.importing.folding import match_key
from brokerdesk.core.importing.kinds_people import resolve_partner
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.importing.partner_matching import PartnerMatcher
from brokerdesk.core.models import Agreement
from brokerdesk.core.services.agreements import AgreementService
from brokerdesk.core.services.fields import parse_date


class AgreementImporter(Importer):
    kind = "agreements"
    noun = "agreements"
    model = Agreement
    fields = AgreementService.fields
    defaults = AgreementService.defaults
    lookups = frozenset({"partner"})
    targets = (
        Target("title", "Title", ("Agreement", "Agreement title", "Agreement name"), required=True),
        Target(
            "partner",
            "Partner",
            ("Partner name", "Organisation", "Organization", "Company"),
            required=True,
        ),
        Target("kind", "Kind", ("Type", "Agreement type", "Agreement kind")),
        Target("status", "Status", ("Agreement status",)),
        Target("value", "Value", ("Amount", "Contract value", "Value (£)", "Value GBP")),
        Target("currency", "Currency", ("Ccy",)),
        Target("start_date", "Starts", ("Start", "Start date", "Signed", "From")),
        Target("end_date", "Ends", ("End", "End date", "Expiry", "Expires", "To")),
        Target("renewal_date", "Renewal due", ("Renewal", "Renewal date", "Review date")),
        Target("notice_date", "Notice by", ("Notice", "Notice date", "Notice deadline")),
        Target("owner", "Owner", ("Agreement owner", "Relationship owner", "Lead")),
        Target("end_reason", "Why it ended", ("End reason", "Reason ended")),
        Target("notes", "Notes", ("Comments", "Comment")),
    )

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.partners = PartnerMatcher(session)

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        partner_id = resolve_partner(self, plan, source.get("partner", ""))
        if partner_id is not None:
            values["partner_id"] = partner_id
        settle_currency(plan, values, "value", "Value")
        title = source.get("title", "")
        start = _date_or_none(source.get("start_date"))
        if partner_id is not None and title:
            query = select(Agreement.id).where(
                Agreement.partner_id == partner_id,
                func.lower(Agreement.title) == title.lower(),
            )
            query = query.where(
                Agreement.start_date.is_(None) if start is None else Agreement.start_date == start
            )
            plan.record_id = self.session.scalar(query.limit(1))
        return (match_key(title), partner_id, start) if title else None


def _date_or_none(text: str | None) -> Any:
    try:
        return parse_date(text) if text else None
    except ValueError:
        return None
