"""Reports on places: one library service (what it takes part in, with whom, and its gaps by
offer area) and one region (coverage by offer area, its services and the programmes there).

"Covered" and "gap" mean what the dashboard's coverage means (``brokerdesk.core.coverage``):
a member service is covered in an offer area when it is signed up or active in a live
programme of that area.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.coverage import CoverageFilter, reaching_participations
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.exporting.tables import Cell, Column, Table
from brokerdesk.core.models import (
    Contact,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    Programme,
    ProgrammePartner,
)
from brokerdesk.core.reporting.document import (
    Bar,
    BarChart,
    Block,
    Bullets,
    Grid,
    Paragraph,
    Report,
    Section,
)


def source_and_today(db: Database) -> tuple[str, dt.date]:
    return db.description, clock.today()


def member_services_by_region(session: Session) -> dict[str, int]:
    """Member library services per region: the base every coverage share is taken of."""
    return {
        str(region): int(n)
        for region, n in session.execute(
            select(LibraryService.region, func.count())
            .where(LibraryService.is_member.is_(True))
            .group_by(LibraryService.region)
        )
    }


def _offer_areas(session: Session) -> list[tuple[int, str]]:
    return [
        (int(i), str(n))
        for i, n in session.execute(
            select(OfferArea.id, OfferArea.name).order_by(OfferArea.sort_order, OfferArea.name)
        )
    ]


def _covered_pairs(
    session: Session, region: str | None, service_id: int | None
) -> set[tuple[int, int]]:
    """(offer area id, service id) for every member service an offer area covers."""
    reach = reaching_participations(CoverageFilter()).subquery("r")
    query = (
        select(reach.c.offer_area_id, reach.c.service_id)
        .distinct()
        .join(LibraryService, LibraryService.id == reach.c.service_id)
    )
    if region is not None:
        query = query.where(LibraryService.region == region)
    if service_id is not None:
        query = query.where(reach.c.service_id == service_id)
    return {(int(a), int(s)) for a, s in session.execute(query)}


def _grid(name: str, caption: str, columns: list[Column], rows: list[list[Cell]]) -> Block:
    if not rows:
        return Paragraph(f"No {name.lower()} recorded.", muted=True)
    return Grid(Table(name, columns, rows), caption)


def library_service_report(db: Database, service_id: int) -> Report:
    """One library service's report.

    Raises:
        NotFoundError: the library service no longer exists.
    """
    source, today = source_and_today(db)
    with db.read() as session:
        service = session.get(LibraryService, service_id)
        if service is None:
            raise NotFoundError(f"The library service #{service_id} no longer exists.")
        name, gss, nation, region = (
            service.nice_name,
            service.gss_code,
            service.nation,
            service.region,
        )
        member = service.is_member
        facts: list[tuple[str, Cell]] = [
            ("GSS code", gss),
            ("Nation", nation),
            ("Region", region),
            ("Member", "Yes" if member else "No"),
            ("Website", service.website),
            ("Email", service.email),
            ("Phone", service.phone),
        ]
        programmes = session.execute(
            select(
                Programme.id,
                Programme.name,
                OfferArea.name,
                Programme.status,
                Participation.stage,
                Participation.reach,
            )
            .join(Participation, Participation.programme_id == Programme.id)
            .join(OfferArea, OfferArea.id == Programme.offer_area_id)
            .where(Participation.service_id == service_id)
            .order_by(Programme.name, Participation.id)
        ).all()
        partners = session.execute(
            select(Partner.name, Programme.name, ProgrammePartner.role)
            .join(ProgrammePartner, ProgrammePartner.partner_id == Partner.id)
            .join(Programme, Programme.id == ProgrammePartner.programme_id)
            .where(
                Programme.id.in_(
                    select(Participation.programme_id).where(Participation.service_id == service_id)
                )
            )
            .order_by(Partner.name, Programme.name)
        ).all()
        contacts = session.execute(
            select(Contact.full_name, Contact.role, Contact.email, Contact.phone)
            .where(Contact.service_id == service_id)
            .order_by(Contact.full_name, Contact.id)
        ).all()
        areas = _offer_areas(session)
        covered = {a for a, _ in _covered_pairs(session, None, service_id)}
    taking_part = {row[0] for row in programmes if row[4] != "withdrawn"}
    facts.append(("Programmes taking part in", len(taking_part)))
    facts.append(("People reached", sum(int(r[5] or 0) for r in programmes if r[4] != "withdrawn")))
    programme_rows: list[list[Cell]] = [
        [
            r[1],
            r[2],
            v.label(v.PROGRAMME_STATUS_LABELS, r[3]),
            v.label(v.STAGE_LABELS, r[4]),
            r[5],
        ]
        for r in programmes
    ]
    partner_rows: list[list[Cell]] = [
        [p[0], p[1], v.label(v.PARTNER_ROLE_LABELS, p[2])] for p in partners
    ]
    gaps = [area for area_id, area in areas if area_id not in covered]
    gap_blocks: list[Block]
    if not member:
        gap_blocks = [Paragraph("Not a member service, so not counted in coverage.", muted=True)]
    elif gaps:
        gap_blocks = [
            Paragraph(
                f"No live programme reaches {name} in {len(gaps)} of {len(areas)} offer areas:"
            ),
            Bullets(gaps),
        ]
    else:
        gap_blocks = [Paragraph("A live programme reaches it in every offer area.")]
    return Report(
        kind="library-service",
        key=service_id,
        kind_label="Library service summary",
        subject=name,
        subtitle=f"{region} · {nation} · {gss}",
        generated_on=today,
        source=source,
        facts=facts,
        sections=[
            Section(
                "Programmes it takes part in",
                [
                    _grid(
                        "Programmes",
                        "Every programme the service takes part in, with its stage",
                        [
                            Column("Programme", width=36),
                            Column("Offer area", width=26),
                            Column("Programme status"),
                            Column("Stage"),
                            Column("Reach", "int", 10),
                        ],
                        programme_rows,
                    )
                ],
            ),
            Section(
                "Partners",
                [
                    _grid(
                        "Partners",
                        "Partners of those programmes and their roles",
                        [
                            Column("Partner", width=36),
                            Column("Programme", width=36),
                            Column("Role"),
                        ],
                        partner_rows,
                    )
                ],
            ),
            Section(
                "Contacts",
                [
                    _grid(
                        "Contacts",
                        "Contacts at the library service",
                        [Column(h, width=26) for h in ("Name", "Role", "Email", "Phone")],
                        [list(c) for c in contacts],
                    )
                ],
            ),
            Section("Gaps by offer area", gap_blocks),
        ],
    )


def region_report(db: Database, region: str) -> Report:
    """One region's report: coverage by offer area, its services and the programmes there.

    Raises:
        NotFoundError: no library service is in ``region``.
    """
    source, today = source_and_today(db)
    with db.read() as session:
        services = session.execute(
            select(
                LibraryService.id,
                LibraryService.nice_name,
                LibraryService.gss_code,
                LibraryService.is_member,
                LibraryService.nation,
            )
            .where(LibraryService.region == region)
            .order_by(LibraryService.nice_name)
        ).all()
        if not services:
            raise NotFoundError(f"No library service is in a region called '{region}'.")
        areas = _offer_areas(session)
        pairs = _covered_pairs(session, region, None)
        live = dict(
            session.execute(
                select(Participation.service_id, func.count(distinct(Participation.programme_id)))
                .join(Programme, Programme.id == Participation.programme_id)
                .join(LibraryService, LibraryService.id == Participation.service_id)
                .where(
                    LibraryService.region == region,
                    Participation.stage != "withdrawn",
                    Programme.status == "live",
                )
                .group_by(Participation.service_id)
            ).all()
        )
        programmes = session.execute(
            select(Programme.name, OfferArea.name, func.count(distinct(Participation.service_id)))
            .join(Participation, Participation.programme_id == Programme.id)
            .join(OfferArea, OfferArea.id == Programme.offer_area_id)
            .join(LibraryService, LibraryService.id == Participation.service_id)
            .where(LibraryService.region == region, Participation.stage != "withdrawn")
            .group_by(Programme.id, Programme.name, OfferArea.name)
            .order_by(Programme.name)
        ).all()
    members = [s for s in services if s[3]]
    covered_by_area: dict[int, set[int]] = defaultdict(set)
    for area_id, service_id in pairs:
        covered_by_area[area_id].add(service_id)
    chart = BarChart(
        f"Member library services in {region} covered by a live programme, by offer area",
        [Bar(area, len(covered_by_area[area_id]), len(members)) for area_id, area in areas],
    )
    gaps_of = {
        s[0]: sum(1 for area_id, _ in areas if s[0] not in covered_by_area[area_id])
        for s in members
    }
    service_rows: list[list[Cell]] = [
        [s[1], s[2], "Yes" if s[3] else "No", live.get(s[0], 0), gaps_of.get(s[0])]
        for s in services
    ]
    nation = services[0][4]
    facts: list[tuple[str, Cell]] = [
        ("Nation", nation),
        ("Library services", len(services)),
        ("Member services", len(members)),
        ("Programmes with services here", len(programmes)),
    ]
    return Report(
        kind="region",
        key=region,
        kind_label="Region summary",
        subject=region,
        subtitle=nation,
        generated_on=today,
        source=source,
        facts=facts,
        sections=[
            Section(
                "Coverage by offer area",
                [chart] if members else [Paragraph("No member services here.", muted=True)],
            ),
            Section(
                "Library services",
                [
                    Grid(
                        Table(
                            "Library services",
                            [
                                Column("Library service", width=36),
                                Column("GSS code", width=12),
                                Column("Member", width=8),
                                Column("Live programmes", "int"),
                                Column("Offer areas not covered", "int"),
                            ],
                            service_rows,
                        ),
                        f"Every library service in {region}",
                    )
                ],
            ),
            Section(
                "Programmes",
                [
                    _grid(
                        "Programmes",
                        f"Programmes with library services in {region} (withdrawn not counted)",
                        [
                            Column("Programme", width=40),
                            Column("Offer area", width=26),
                            Column("Services here", "int"),
                        ],
                        [list(p) for p in programmes],
                    )
                ],
            ),
        ],
    )
