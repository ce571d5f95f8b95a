"""Relationship queries: everything related to a partner, a library service or a programme.

These answer the team's daily questions ("which programmes do we run with partner X, reaching
which services?", "who takes part in programme Y, at what stage?") in a handful of SQL
queries each, returning plain data the detail pages, exports and command line all share.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Executable, and_, func, select
from sqlalchemy.orm import Session

import brokerdesk.core.services.measures as measures
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.models import (
    Agreement,
    Branch,
    Contact,
    Interaction,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    Programme,
    ProgrammePartner,
)
from brokerdesk.core.services.measures import Measure, MeasureTotal
from brokerdesk.core.taking_part import services_taking_part

Row = dict[str, Any]


@dataclass
class PartnerOverview:
    partner: Row
    offer_areas: list[str]
    agreements: list[Row]
    contacts: list[Row]
    programmes: list[Row]
    services_reached: int
    reached_by_nation: dict[str, int]
    reached_by_region: dict[str, int]
    interactions: list[Row]
    last_contact: dt.date | None


@dataclass
class ServiceOverview:
    service: Row
    name_variants: list[str]
    branches: list[Row]
    programmes: list[Row]
    contacts: list[Row]
    interactions: list[Row]
    last_contact: dt.date | None


@dataclass
class ProgrammeOverview:
    programme: Row
    offer_area: str
    secondary_offer_areas: list[str]
    partners: list[Row]
    participations: list[Row]
    by_stage: dict[str, int] = field(default_factory=dict)
    by_nation: dict[str, int] = field(default_factory=dict)
    by_region: dict[str, int] = field(default_factory=dict)
    total_reach: int = 0
    services_taking_part: int = 0  # core.taking_part: what the programme list shows too
    series_id: int | None = None
    series: str | None = None
    round_label: str | None = None
    measures: list[Measure] = field(default_factory=list)
    measure_totals: list[MeasureTotal] = field(default_factory=list)
    figures: list[Row] = field(default_factory=list)  # measures.figure_rows


def _rows(session: Session, query: Executable) -> list[Row]:
    return [dict(r._mapping) for r in session.execute(query)]


def _interactions(session: Session, condition: Any, limit: int) -> list[Row]:
    query = (
        select(
            Interaction.id,
            Interaction.occurred_on,
            Interaction.kind,
            Interaction.subject,
            Interaction.by_whom,
            Interaction.follow_up_on,
            Interaction.follow_up_done,
            Partner.name.label("partner"),
            LibraryService.nice_name.label("service"),
            Programme.name.label("programme"),
        )
        .outerjoin(Partner, Partner.id == Interaction.partner_id)
        .outerjoin(LibraryService, LibraryService.id == Interaction.service_id)
        .outerjoin(Programme, Programme.id == Interaction.programme_id)
        .where(condition)
        .order_by(Interaction.occurred_on.desc(), Interaction.id.desc())
        .limit(limit)
    )
    return _rows(session, query)


def _contacts(session: Session, condition: Any) -> list[Row]:
    query = (
        select(Contact.id, Contact.full_name, Contact.role, Contact.email, Contact.phone)
        .where(condition)
        .order_by(Contact.full_name)
    )
    return _rows(session, query)


def _partner_programmes(session: Session, partner_id: int) -> list[Row]:
    stage_counts = (
        select(Participation.programme_id, Participation.stage, func.count().label("n"))
        .group_by(Participation.programme_id, Participation.stage)
        .subquery()
    )
    programmes = _rows(
        session,
        select(
            Programme.id,
            Programme.name,
            Programme.status,
            Programme.start_date,
            Programme.end_date,
            ProgrammePartner.role,
            OfferArea.name.label("offer_area"),
        )
        .join(ProgrammePartner, ProgrammePartner.programme_id == Programme.id)
        .join(OfferArea, OfferArea.id == Programme.offer_area_id)
        .where(ProgrammePartner.partner_id == partner_id)
        .order_by(Programme.name),
    )
    ids = [p["id"] for p in programmes]
    counts: dict[int, dict[str, int]] = {pid: {} for pid in ids}
    for pid, stage, n in session.execute(
        select(stage_counts.c.programme_id, stage_counts.c.stage, stage_counts.c.n).where(
            stage_counts.c.programme_id.in_(ids)
        )
    ):
        counts[pid][stage] = n
    for programme in programmes:
        programme["by_stage"] = counts[programme["id"]]
        programme["participations"] = sum(counts[programme["id"]].values())
    return programmes


class OverviewService:
    """Read-only relationship queries behind the detail pages and partner summaries."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def partner(self, partner_id: int, interaction_limit: int = 20) -> PartnerOverview:
        with self.db.read() as session:
            partner = session.get(Partner, partner_id)
            if partner is None:
                raise NotFoundError(f"The partner #{partner_id} no longer exists.")
            row = {c.key: getattr(partner, c.key) for c in Partner.__table__.columns}
            row["tags"] = [t.name for t in partner.tags]
            reached = session.execute(
                select(LibraryService.nation, LibraryService.region)
                .where(
                    LibraryService.id.in_(
                        select(Participation.service_id)
                        .join(
                            ProgrammePartner,
                            ProgrammePartner.programme_id == Participation.programme_id,
                        )
                        .where(
                            ProgrammePartner.partner_id == partner_id,
                            Participation.stage != "withdrawn",
                        )
                    )
                )
                .order_by(LibraryService.nation, LibraryService.region)
            ).all()
            agreements = _rows(
                session,
                select(
                    Agreement.id,
                    Agreement.title,
                    Agreement.start_date,
                    Agreement.end_date,
                    Agreement.renewal_date,
                    Agreement.notice_date,
                    Agreement.kind,
                    Agreement.status,
                    Agreement.value,
                    Agreement.currency,
                )
                .where(Agreement.partner_id == partner_id)
                .order_by(Agreement.start_date),
            )
            return PartnerOverview(
                partner=row,
                offer_areas=[a.name for a in partner.offer_areas],
                agreements=agreements,
                contacts=_contacts(session, Contact.partner_id == partner_id),
                programmes=_partner_programmes(session, partner_id),
                services_reached=len(reached),
                reached_by_nation=dict(Counter(n for n, _ in reached)),
                reached_by_region=dict(Counter(r for _, r in reached)),
                interactions=_interactions(
                    session, Interaction.partner_id == partner_id, interaction_limit
                ),
                last_contact=session.scalar(
                    select(func.max(Interaction.occurred_on)).where(
                        Interaction.partner_id == partner_id
                    )
                ),
            )

    def service(self, service_id: int, interaction_limit: int = 20) -> ServiceOverview:
        with self.db.read() as session:
            service = session.get(LibraryService, service_id)
            if service is None:
                raise NotFoundError(f"The library service #{service_id} no longer exists.")
            row = {c.key: getattr(service, c.key) for c in LibraryService.__table__.columns}
            row["tags"] = [t.name for t in service.tags]
            branches = _rows(
                session,
                select(
                    Branch.id,
                    Branch.name,
                    Branch.branch_type,
                    Branch.postcode,
                    Branch.year_closed,
                )
                .where(Branch.service_id == service_id)
                .order_by(Branch.name),
            )
            programmes = _rows(
                session,
                select(
                    Programme.id,
                    Programme.name,
                    Programme.status,
                    OfferArea.name.label("offer_area"),
                    Participation.id.label("participation_id"),
                    Participation.stage,
                    Participation.start_date,
                    Participation.reach,
                )
                .join(Participation, Participation.programme_id == Programme.id)
                .join(OfferArea, OfferArea.id == Programme.offer_area_id)
                .where(Participation.service_id == service_id)
                .order_by(Programme.name),
            )
            partner_names: dict[int, list[str]] = {p["id"]: [] for p in programmes}
            for programme_id, name in session.execute(
                select(ProgrammePartner.programme_id, Partner.name)
                .join(Partner, Partner.id == ProgrammePartner.partner_id)
                .where(ProgrammePartner.programme_id.in_(list(partner_names)))
                .order_by(Partner.name)
            ):
                partner_names[programme_id].append(name)
            for programme in programmes:
                programme["partners"] = partner_names[programme["id"]]
            return ServiceOverview(
                service=row,
                name_variants=sorted(v.name for v in service.name_variants),
                branches=branches,
                programmes=programmes,
                contacts=_contacts(session, Contact.service_id == service_id),
                interactions=_interactions(
                    session, Interaction.service_id == service_id, interaction_limit
                ),
                last_contact=session.scalar(
                    select(func.max(Interaction.occurred_on)).where(
                        Interaction.service_id == service_id
                    )
                ),
            )

    def programme(self, programme_id: int) -> ProgrammeOverview:
        with self.db.read() as session:
            programme = session.get(Programme, programme_id)
            if programme is None:
                raise NotFoundError(f"The programme #{programme_id} no longer exists.")
            row = {c.key: getattr(programme, c.key) for c in Programme.__table__.columns}
            row["tags"] = [t.name for t in programme.tags]
            partners = _rows(
                session,
                select(
                    Partner.id,
                    Partner.name,
                    ProgrammePartner.role,
                    ProgrammePartner.id.label("link_id"),
                )
                .join(ProgrammePartner, ProgrammePartner.partner_id == Partner.id)
                .where(ProgrammePartner.programme_id == programme_id)
                .order_by(ProgrammePartner.role, Partner.name),
            )
            participations = _rows(
                session,
                select(
                    Participation.id,
                    Participation.service_id,
                    LibraryService.nice_name.label("service"),
                    LibraryService.gss_code,
                    LibraryService.nation,
                    LibraryService.region,
                    Branch.name.label("branch"),
                    Participation.stage,
                    Participation.start_date,
                    Participation.end_date,
                    Participation.reach,
                    Contact.full_name.label("local_contact"),
                )
                .join(LibraryService, LibraryService.id == Participation.service_id)
                .outerjoin(Branch, Branch.id == Participation.branch_id)
                .outerjoin(Contact, Contact.id == Participation.local_contact_id)
                .where(Participation.programme_id == programme_id)
                .order_by(LibraryService.nice_name),
            )
            declared = measures.declared(session, programme_id)
            values = measures.participation_values(session, programme_id)
            for participation in participations:
                recorded = values.get(participation["id"], {})
                for measure in declared:
                    participation[f"measure_{measure.id}"] = recorded.get(measure.id)
            active = [p for p in participations if p["stage"] != "withdrawn"]
            return ProgrammeOverview(
                programme=row,
                offer_area=programme.offer_area.name,
                secondary_offer_areas=[a.name for a in programme.secondary_offer_areas],
                partners=partners,
                participations=participations,
                by_stage=dict(Counter(p["stage"] for p in participations)),
                by_nation=dict(Counter(p["nation"] for p in active)),
                by_region=dict(Counter(p["region"] for p in active)),
                total_reach=sum(p["reach"] or 0 for p in participations),
                services_taking_part=session.scalar(select(services_taking_part(programme_id)))
                or 0,
                series_id=programme.series_id,
                series=programme.round.series.name if programme.round else None,
                round_label=programme.round_label,
                measures=declared,
                measure_totals=measures.grand_totals(session, [programme_id]),
                figures=measures.figure_rows(session, [programme_id]),
            )

    def participation_counts(self, programme_ids: list[int]) -> dict[int, int]:
        with self.db.read() as session:
            return {
                pid: n
                for pid, n in session.execute(
                    select(Participation.programme_id, func.count())
                    .where(and_(Participation.programme_id.in_(programme_ids)))
                    .group_by(Participation.programme_id)
                )
            }
