"""Everything a partner summary shows, gathered once for the PDF, the XLSX and the CSV alike.

The three formats must never disagree, so they all render one :class:`PartnerSummary`. The
relationship figures come from :class:`OverviewService`; the rows it does not give (every
participation with its service, contact notes, all interactions, follow-ups and renewals)
are queried here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import brokerdesk.core.services.custom_values as custom_values
from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, NotFoundError
from brokerdesk.core.models import (
    Branch,
    Contact,
    Grant,
    Interaction,
    LibraryService,
    Participation,
    Partner,
    Programme,
    ProgrammePartner,
)
from brokerdesk.core.money import Money
from brokerdesk.core.services.agreements import agreement_dates_due, agreement_due_text
from brokerdesk.core.services.overview import OverviewService

Row = dict[str, Any]

RECENT_INTERACTIONS = 10
RENEWAL_HORIZON_DAYS = 180
SHOWN_CANDIDATES = 20  # an ambiguous name lists this many partners, then a count
LARGEST_ID = 2**63 - 1  # a database integer; a larger number cannot name any record


def could_be_id(number: int) -> bool:
    """False for a number no record can have (SQLite refuses to even look one up)."""
    return 0 < number <= LARGEST_ID


@dataclass
class PartnerSummary:
    """One partner's summary as of ``generated_on``, from the database ``source``.

    Attributes:
        partner: the partner's columns plus ``tags``.
        offer_areas: names, in the order the team always shows them.
        agreements: id, title, kind, status, start_date, end_date, renewal_date, notice_date,
            value (a :class:`Money`, in the agreement's currency), and ``due``: what is due
            from the app's clock ("Renewal overdue by 12 days; Notice by 30 Jun 2026"), empty
            for an ended agreement.
        grants: the grants the partner funds, newest first: id, title, status, amount (a
            :class:`Money`), start_date, end_date.
        contacts: id, full_name, role, email, phone, notes.
        programmes: id, name, role, offer_area, status, start_date, end_date,
            participations (count) and by_stage (stage -> count).
        participations: every participation in the partner's programmes, with programme,
            service, gss_code, nation, region, branch, stage, dates, reach, sessions,
            local_contact and notes.
        services_reached: library services in a programme at any stage but withdrawn.
        reached_by_nation / reached_by_region: the same services counted by place.
        interactions: every interaction with the partner, newest first.
        follow_ups: open follow-ups (overdue ones too), soonest first.
        renewals: renewal, notice and end dates due within the horizon or overdue
            (``agreement_dates_due``): title, what, date, due (the phrase), and
            renewal_date or end_date as the date is one or the other.
        stage_totals: participations per stage over all the partner's programmes.
        member_services_by_region: member library services per region (the coverage base).
        own_fields: the team's own partner fields (Tools ▸ Custom fields…) in their order,
            as (label, value as read), empty values as "".
    """

    partner: Row
    offer_areas: list[str]
    agreements: list[Row]
    contacts: list[Row]
    programmes: list[Row]
    participations: list[Row]
    services_reached: int
    reached_by_nation: dict[str, int]
    reached_by_region: dict[str, int]
    interactions: list[Row]
    follow_ups: list[Row]
    renewals: list[Row]
    last_contact: dt.date | None
    generated_on: dt.date
    source: str
    stage_totals: dict[str, int] = field(default_factory=dict)
    member_services_by_region: dict[str, int] = field(default_factory=dict)
    own_fields: list[tuple[str, str]] = field(default_factory=list)
    grants: list[Row] = field(default_factory=list)

    @property
    def name(self) -> str:
        return str(self.partner["name"])

    @property
    def recent_interactions(self) -> list[Row]:
        return self.interactions[:RECENT_INTERACTIONS]

    def regions_in_order(self) -> list[tuple[str, int]]:
        """Reach per region in the order reports list regions (unknown regions last)."""
        order = {name: i for i, name in enumerate(v.REGIONS)}
        return sorted(self.reached_by_region.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))

    def coverage_by_region(self) -> list[tuple[str, int, int]]:
        """(region, services reached, member services) for every region with either."""
        order = {name: i for i, name in enumerate(v.REGIONS)}
        regions = set(self.reached_by_region) | set(self.member_services_by_region)
        return [
            (r, self.reached_by_region.get(r, 0), self.member_services_by_region.get(r, 0))
            for r in sorted(regions, key=lambda r: (order.get(r, 99), r))
        ]


def _rows(session: Session, query: Any) -> list[Row]:
    return [dict(r._mapping) for r in session.execute(query)]


def _participations(session: Session, partner_id: int) -> list[Row]:
    programme_ids = select(ProgrammePartner.programme_id).where(
        ProgrammePartner.partner_id == partner_id
    )
    return _rows(
        session,
        select(
            Participation.id,
            Programme.name.label("programme"),
            LibraryService.nice_name.label("service"),
            LibraryService.gss_code,
            LibraryService.nation,
            LibraryService.region,
            Branch.name.label("branch"),
            Participation.stage,
            Participation.start_date,
            Participation.end_date,
            Participation.reach,
            Participation.sessions,
            Contact.full_name.label("local_contact"),
            Participation.notes,
        )
        .join(Programme, Programme.id == Participation.programme_id)
        .join(LibraryService, LibraryService.id == Participation.service_id)
        .outerjoin(Branch, Branch.id == Participation.branch_id)
        .outerjoin(Contact, Contact.id == Participation.local_contact_id)
        .where(Participation.programme_id.in_(programme_ids))
        .order_by(Programme.name, LibraryService.nice_name, Participation.id),
    )


def _interactions(session: Session, partner_id: int) -> list[Row]:
    return _rows(
        session,
        select(
            Interaction.id,
            Interaction.occurred_on,
            Interaction.kind,
            Interaction.subject,
            Interaction.by_whom,
            Contact.full_name.label("contact"),
            Programme.name.label("programme"),
            Interaction.follow_up_on,
            Interaction.follow_up_done,
            Interaction.notes,
        )
        .outerjoin(Contact, Contact.id == Interaction.contact_id)
        .outerjoin(Programme, Programme.id == Interaction.programme_id)
        .where(Interaction.partner_id == partner_id)
        .order_by(Interaction.occurred_on.desc(), Interaction.id.desc()),
    )


def gather_partner_summary(
    db: Database, partner_id: int, *, today: dt.date | None = None
) -> PartnerSummary:
    """Collect one partner's summary.

    Raises:
        NotFoundError: the partner no longer exists.
    """
    today = today or clock.today()
    overview = OverviewService(db).partner(partner_id, interaction_limit=RECENT_INTERACTIONS)
    with db.read() as session:
        contacts = _rows(
            session,
            select(
                Contact.id,
                Contact.full_name,
                Contact.role,
                Contact.email,
                Contact.phone,
                Contact.notes,
            )
            .where(Contact.partner_id == partner_id)
            .order_by(Contact.full_name, Contact.id),
        )
        participations = _participations(session, partner_id)
        interactions = _interactions(session, partner_id)
        grants = [
            {**g, "amount": None if g["amount"] is None else Money(g["amount"], g["currency"])}
            for g in _rows(
                session,
                select(
                    Grant.id,
                    Grant.title,
                    Grant.status,
                    Grant.amount,
                    Grant.currency,
                    Grant.start_date,
                    Grant.end_date,
                )
                .where(Grant.partner_id == partner_id)
                .order_by(Grant.start_date.desc(), Grant.title),
            )
        ]
        renewals = [
            {
                "title": due.title,
                "renewal_date": due.date if due.what == "renewal" else None,
                "end_date": due.date if due.what == "end" else None,
                "what": due.what,
                "date": due.date,
                "due": due.phrase,
            }
            for due in agreement_dates_due(session, today, RENEWAL_HORIZON_DAYS)
            if due.partner_id == partner_id
        ]
        own = custom_values.definitions(session, "partner")
        stored = custom_values.read(session, own, [partner_id])[partner_id]
        own_fields = [(f.label, custom_values.readable(session, f, stored[f.key])) for f in own]
        members = {
            str(region): int(n)
            for region, n in session.execute(
                select(LibraryService.region, func.count())
                .where(LibraryService.is_member.is_(True))
                .group_by(LibraryService.region)
            )
        }
    follow_ups = sorted(
        (i for i in interactions if i["follow_up_on"] is not None and not i["follow_up_done"]),
        key=lambda i: (i["follow_up_on"], i["id"]),
    )
    totals: dict[str, int] = dict.fromkeys(v.STAGE_LABELS, 0)
    for programme in overview.programmes:
        for stage, n in programme["by_stage"].items():
            totals[stage] = totals.get(stage, 0) + n
    return PartnerSummary(
        partner=overview.partner,
        offer_areas=overview.offer_areas,
        agreements=[
            {
                **a,
                "value": None if a["value"] is None else Money(a["value"], a["currency"]),
                "due": agreement_due_text(a, today, RENEWAL_HORIZON_DAYS),
            }
            for a in overview.agreements
        ],
        grants=grants,
        contacts=contacts,
        programmes=overview.programmes,
        participations=participations,
        services_reached=overview.services_reached,
        reached_by_nation=overview.reached_by_nation,
        reached_by_region=overview.reached_by_region,
        interactions=interactions,
        follow_ups=follow_ups,
        renewals=renewals,
        last_contact=overview.last_contact,
        generated_on=today,
        source=db.description,
        stage_totals=totals,
        member_services_by_region=members,
        own_fields=own_fields,
    )


class AmbiguousPartnerError(BrokerDeskError):
    """A name matched several partners; ``candidates`` lists (id, name) to choose from."""

    def __init__(self, text: str, candidates: list[tuple[int, str]]) -> None:
        self.candidates = candidates
        listed = "\n".join(f"  {pid}: {name}" for pid, name in candidates[:SHOWN_CANDIDATES])
        if len(candidates) > SHOWN_CANDIDATES:
            listed += f"\n  ... and {len(candidates) - SHOWN_CANDIDATES} more"
        super().__init__(
            f"'{text}' matches {len(candidates)} partners; give the id of one of them:\n{listed}"
        )


def find_partner(db: Database, text: str) -> int:
    """The partner the user means: an id, an exact name (any case) or a unique part of one.

    Raises:
        NotFoundError: nothing matches.
        AmbiguousPartnerError: several partners match and none exactly.
    """
    text = text.strip()
    with db.read() as session:
        number = int(text) if text.isdecimal() else 0
        if could_be_id(number) and session.get(Partner, number) is not None:
            return int(text)
        exact = session.execute(
            select(Partner.id, Partner.name).where(func.lower(Partner.name) == text.lower())
        ).all()
        if len(exact) == 1:
            return int(exact[0][0])
        pattern = "%" + text.lower().replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_")
        matches = (
            exact
            or session.execute(
                select(Partner.id, Partner.name)
                .where(func.lower(Partner.name).like(pattern + "%", escape="\\"))
                .order_by(Partner.name)
            ).all()
        )
    if not matches:
        raise NotFoundError(f"No partner is called or numbered '{text}'.")
    if len(matches) > 1:
        raise AmbiguousPartnerError(text, [(int(i), str(n)) for i, n in matches])
    return int(matches[0][0])
