"""Importers for the team's own records: partners, contacts, programmes and interactions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import brokerdesk.core.importing.row_contacts as row_contacts
from brokerdesk.core.importing.base import Importer, ImportOptions, Review, RowPlan
from brokerdesk.core.importing.folding import match_key
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.importing.matching import (
    Candidate,
    ContactMatcher,
    Match,
    ServiceMatcher,
)
from brokerdesk.core.importing.partner_matching import PartnerMatcher
from brokerdesk.core.importing.row_contacts import draft_contact
from brokerdesk.core.models import Contact, Interaction, OfferArea, Partner, Programme
from brokerdesk.core.services.partners import PartnerService
from brokerdesk.core.services.people import ContactService, InteractionService
from brokerdesk.core.services.programmes import ProgrammeService

SERVICE_TARGETS = (
    Target(
        "service",
        "Library service",
        (
            "Library service",
            "Library authority",
            "Local authority",
            "Authority",
            "Council",
            "Library service name",
            "Service",
            "Reporting service",
        ),
    ),
    Target(
        "service_code",
        "GSS code",
        ("GSS code", "GSS", "ONS code", "Authority code", "LA code", "Reporting service code"),
    ),
)


# The row's cells that may hold an e-mail address or website: evidence of its service.
EVIDENCE_FIELDS = ("email", "website", "local_contact", "contact_email", "url")


def resolve_service(importer: Importer, plan: RowPlan, source: dict[str, str]) -> int | None:
    """The library service named by the row's code (preferred) or name column.

    The row's e-mail addresses and websites are evidence for the name. Two rows that land on
    one service from different names, at least one of them uncertain (a close spelling, the
    evidence, a best guess), are a conflict: the later row goes to review naming the earlier.
    """
    matcher: ServiceMatcher = importer.services  # type: ignore[attr-defined]
    evidence = [source[f] for f in EVIDENCE_FIELDS if f in source]
    for column in ("service_code", "service"):
        if column in source:
            text = source[column]
            match = matcher.match(text, evidence)
            sid = importer.settle(plan, column, text, match)
            if sid is None:
                return None
            sure = (match.status == "matched" and not match.guessed) or (
                plan.row in importer.options.resolutions
            )
            earlier = matcher.land(sid, plan.row, text, sure)
            if earlier is None:
                return sid
            row, other = earlier
            label = matcher.labels[sid]
            reason = f"row {row} ('{other}') also lands on {label}: which service is each?"
            candidates = [Candidate(sid, label, match.confidence or 100.0)]
            candidates += [c for c in matcher.match(text).candidates if c.record_id != sid]
            conflict = Match(
                "review", None, 0.0, reason, candidates, ambiguous=True, conflict_with=row
            )
            plan.review = Review(column, text, conflict)
            plan.errors.append(f"'{text}' needs review ({reason})")
            plan.action = "review"
            return None
    return None


def resolve_partner(importer: Importer, plan: RowPlan, text: str) -> int | None:
    partners: PartnerMatcher = importer.partners  # type: ignore[attr-defined]
    return importer.settle(plan, "partner", text, partners.match(text))


class PartnerImporter(Importer):
    kind = "partners"
    noun = "partners"
    model = Partner
    fields = PartnerService.fields
    defaults = PartnerService.defaults
    targets = (
        Target(
            "name",
            "Name",
            (
                "Partner",
                "Partner name",
                "Organisation",
                "Organization",
                "Organisation name",
                "Company",
                "Charity",
            ),
            required=True,
        ),
        Target("partner_type", "Type", ("Partner type", "Organisation type", "Sector")),
        Target("status", "Status", ("Partner status", "Relationship status")),
        Target("owner", "Relationship owner", ("Owner", "Account manager", "Relationship manager")),
        Target("website", "Website", ("Web site", "Web", "URL", "Homepage", "Web address")),
        Target("notes", "Notes", ("Comments", "Comment", "Description")),
        Target("contact_limit_days", "Contact every (days)", ("Contact every", "Contact days")),
        row_contacts.NAME,
        row_contacts.EMAIL,
        row_contacts.PHONE,
    )
    lookups = row_contacts.FIELDS
    contact_link = "partner_id"

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.partners = PartnerMatcher(session)
        self.contacts = ContactMatcher(session)

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        name = source.get("name", "")
        email = source.get("email") or source.get("contact_email")
        match = self.partners.match(name, source.get("website"), email)
        chosen = self.options.resolutions.get(plan.row, -1)
        if match.status == "review" and chosen is None:
            match = Match("none")  # the user said: none of these, a new partner
        if match.status != "none":
            plan.record_id = self.settle(plan, "name", name, match)
        if draft_contact(self, plan, source, "contact_email") is not None:
            plan.warnings.append("The contact is known to BrokerDesk already; left as it is.")
        if plan.record_id is not None:
            if self.on_match == "update":
                values.pop("name", None)  # the name found the record; keep its spelling
            return ("id", plan.record_id)
        return match_key(name) or None  # nothing visible: never "the same" as another row


class ContactImporter(Importer):
    kind = "contacts"
    noun = "contacts"
    model = Contact
    fields = ContactService.fields
    lookups = frozenset({"partner", "service", "service_code"})
    allow_create_on_match = True
    targets = (
        Target(
            "full_name", "Name", ("Full name", "Contact", "Contact name", "Person"), required=True
        ),
        Target("role", "Role", ("Job title", "Position", "Job role")),
        Target("email", "Email", ("Email address", "E-mail", "E-mail address", "Mail")),
        Target("phone", "Phone", ("Telephone", "Tel", "Phone number", "Mobile")),
        Target("notes", "Notes", ("Comments",)),
        Target("partner", "Partner", ("Organisation", "Organization", "Company", "Partner name")),
        *SERVICE_TARGETS,
    )

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.partners = PartnerMatcher(session)
        self.services = ServiceMatcher(session)
        self.contacts = ContactMatcher(session)

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        if "partner" in source:
            values["partner_id"] = resolve_partner(self, plan, source["partner"])
        values["service_id"] = resolve_service(self, plan, source)
        for key in [k for k, v in values.items() if v is None]:
            del values[key]
        email = source.get("email", "").lower().removeprefix("mailto:")
        plan.record_id = self.contacts.match(email).record_id
        if email:
            return email
        return (
            match_key(source.get("full_name", "")),
            values.get("partner_id"),
            values.get("service_id"),
        )


class ProgrammeImporter(Importer):
    kind = "programmes"
    noun = "programmes"
    model = Programme
    fields = ProgrammeService.fields
    defaults = ProgrammeService.defaults
    lookups = frozenset({"offer_area"})
    targets = (
        Target("name", "Name", ("Programme", "Programme name", "Project", "Title"), required=True),
        Target(
            "offer_area",
            "Offer area",
            ("Offer", "Universal offer", "Promise", "Area"),
            required=True,
        ),
        Target("status", "Status", ("Programme status",)),
        Target("start_date", "Starts", ("Start", "Start date", "From")),
        Target("end_date", "Ends", ("End", "End date", "To", "Until")),
        Target("description", "Description", ("Summary", "About", "Notes")),
        Target("budget", "Budget (£)", ("Budget", "Funding", "Amount", "Value")),
        Target("target_services", "Target (library services)", ("Target", "Target services")),
    )

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.areas: dict[str, int] = {}
        for aid, code, name in session.execute(
            select(OfferArea.id, OfferArea.code, OfferArea.name)
        ):
            self.areas[match_key(code)] = aid
            self.areas[match_key(name)] = aid
        self.areas.pop("", None)
        self.existing = {
            key: pid
            for pid, name in session.execute(select(Programme.id, Programme.name))
            if (key := match_key(name))
        }

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        area = source.get("offer_area")
        if area is not None:
            found = self.areas.get(match_key(area))
            if found is None:
                known = ", ".join(sorted({n for n in self.areas if " " in n}))
                plan.refuse(f"Offer area: '{area}' is not an offer area ({known}).")
            values["offer_area_id"] = found
        key = match_key(source.get("name", ""))
        plan.record_id = self.existing.get(key) if key else None
        return key or None


class InteractionImporter(Importer):
    kind = "interactions"
    noun = "interactions"
    model = Interaction
    fields = InteractionService.fields
    defaults = InteractionService.defaults
    lookups = frozenset({"partner", "service", "service_code", "programme", "contact"})
    allow_create_on_match = True
    targets = (
        Target("kind", "Kind", ("Type", "Interaction type", "Channel")),
        Target(
            "occurred_on",
            "Date",
            ("When", "Occurred on", "Meeting date", "Date of contact"),
            required=True,
        ),
        Target("subject", "Subject", ("Title", "Topic", "Summary"), required=True),
        Target("notes", "Notes", ("Comments", "Details", "Minutes")),
        Target("by_whom", "Logged by", ("By", "Staff", "Who", "Staff member")),
        Target("partner", "Partner", ("Organisation", "Organization", "Partner name")),
        *SERVICE_TARGETS,
        Target("programme", "Programme", ("Programme name", "Project")),
        Target("contact", "Contact email", ("Contact", "Email", "Email address")),
        Target("follow_up_on", "Follow up on", ("Follow up", "Follow-up date", "Next contact")),
        Target("follow_up_done", "Follow-up done", ("Done", "Followed up")),
    )

    def __init__(self, session: Session, options: ImportOptions) -> None:
        super().__init__(session, options)
        self.partners = PartnerMatcher(session)
        self.services = ServiceMatcher(session)
        self.contacts = ContactMatcher(session)
        self.programmes = {
            key: pid
            for pid, name in session.execute(select(Programme.id, Programme.name))
            if (key := match_key(name))
        }
        self.existing: dict[tuple[Any, ...], int] = {
            (on, match_key(subject), partner, service, programme): iid
            for iid, on, subject, partner, service, programme in session.execute(
                select(
                    Interaction.id,
                    Interaction.occurred_on,
                    Interaction.subject,
                    Interaction.partner_id,
                    Interaction.service_id,
                    Interaction.programme_id,
                )
            )
        }

    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        if "partner" in source:
            values["partner_id"] = resolve_partner(self, plan, source["partner"])
        values["service_id"] = resolve_service(self, plan, source)
        if "programme" in source:
            values["programme_id"] = self.programmes.get(match_key(source["programme"]))
            if values["programme_id"] is None:
                plan.refuse(f"Programme: there is no programme called '{source['programme']}'.")
        if "contact" in source:
            values["contact_id"] = self.contacts.match(source["contact"]).record_id
            if values["contact_id"] is None:
                plan.warnings.append(f"No contact has the email {source['contact']}; not linked.")
        for key in [k for k, v in values.items() if v is None]:
            del values[key]
        about = ("partner_id", "service_id", "programme_id")
        if plan.action not in ("refuse", "review") and not any(k in values for k in about):
            # The database would refuse it too, and with it the whole file.
            plan.refuse(
                "Say who the interaction was with: a partner, a library service or a programme."
            )
        return None  # keyed after validation, in decide()

    def decide(self, plan: RowPlan) -> RowPlan:
        v = plan.values
        key = (
            v.get("occurred_on"),
            match_key(v.get("subject") or ""),
            v.get("partner_id"),
            v.get("service_id"),
            v.get("programme_id"),
        )
        plan.record_id = self.existing.get(key)
        if self.seen_before(plan, key):
            return plan
        return super().decide(plan)
