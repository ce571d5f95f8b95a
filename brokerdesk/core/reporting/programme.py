"""The programme report: its partners, the library services taking part by stage and place.

Services "taking part" are those with a participation at any stage but withdrawn, counted
once however many branches they take part through; withdrawn ones are listed apart.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.exporting.tables import Cell, Column, Table
from brokerdesk.core.models import (
    Branch,
    LibraryService,
    Participation,
    Partner,
    Programme,
    ProgrammePartner,
)
from brokerdesk.core.money import Money
from brokerdesk.core.reporting.document import Block, Grid, Paragraph, Report, Section
from brokerdesk.core.reporting.partner import coverage_chart
from brokerdesk.core.reporting.places import member_services_by_region, source_and_today
from brokerdesk.core.reporting.words import cell_text as _d


def _partners(rows: list[tuple[str, str]]) -> list[Block]:
    if not rows:
        return [Paragraph("No partners recorded.", muted=True)]
    table = Table(
        "Partners",
        [Column("Partner", width=40), Column("Role", width=20)],
        [[name, v.label(v.PARTNER_ROLE_LABELS, role)] for name, role in rows],
    )
    return [Grid(table, "Partners in the programme and their roles")]


def programme_report(db: Database, programme_id: int) -> Report:
    """One programme's report.

    Raises:
        NotFoundError: the programme no longer exists.
    """
    source, today = source_and_today(db)
    with db.read() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError(f"The programme #{programme_id} no longer exists.")
        name, status, target = programme.name, programme.status, programme.target_services
        area = programme.offer_area.name
        others = [a.name for a in programme.secondary_offer_areas]
        starts, ends, budget = programme.start_date, programme.end_date, programme.budget
        partners = [
            (str(n), str(r))
            for n, r in session.execute(
                select(Partner.name, ProgrammePartner.role)
                .join(ProgrammePartner, ProgrammePartner.partner_id == Partner.id)
                .where(ProgrammePartner.programme_id == programme_id)
                .order_by(ProgrammePartner.role, Partner.name)
            )
        ]
        links = session.execute(
            select(
                LibraryService.id,
                LibraryService.nice_name,
                LibraryService.nation,
                LibraryService.region,
                Branch.name,
                Participation.stage,
                Participation.start_date,
                Participation.reach,
                Participation.sessions,
            )
            .join(LibraryService, LibraryService.id == Participation.service_id)
            .outerjoin(Branch, Branch.id == Participation.branch_id)
            .where(Participation.programme_id == programme_id)
            .order_by(LibraryService.nice_name, Participation.id)
        ).all()
        members = member_services_by_region(session)
    taking_part = {row[0]: row for row in links if row[5] != "withdrawn"}
    by_region = Counter(str(row[3]) for row in taking_part.values())
    by_nation = Counter(str(row[2]) for row in taking_part.values())
    by_stage = Counter(str(row[5]) for row in links)
    reach = sum(int(row[7] or 0) for row in links if row[5] != "withdrawn")
    sessions = sum(int(row[8] or 0) for row in links if row[5] != "withdrawn")
    target_words = f" of a target of {target:,}" if target else ""
    facts: list[tuple[str, Cell]] = [
        ("Offer area", ", ".join([area, *others])),
        ("Status", v.label(v.PROGRAMME_STATUS_LABELS, status)),
        ("Runs", f"{_d(starts)} to {_d(ends)}"),
        ("Budget", Money(budget) if budget is not None else None),
        ("Library services taking part", f"{len(taking_part):,}{target_words}"),
        ("People reached", reach),
        ("Sessions", sessions),
    ]
    stage_rows: list[list[Cell]] = [
        [label, by_stage.get(stage, 0)] for stage, label in v.STAGE_LABELS.items()
    ]
    stages = Grid(
        Table("By stage", [Column("Stage", width=20), Column("Participations", "int")], stage_rows),
        "Participations by stage (withdrawn included)",
        ["All stages", len(links)],
    )
    place_rows: list[list[Cell]] = [
        [nation, by_nation.get(nation, 0)] for nation in v.NATIONS if by_nation.get(nation)
    ]
    places: list[Block] = [
        Grid(
            Table("By nation", [Column("Nation"), Column("Services", "int")], place_rows),
            "Library services taking part by nation",
        ),
        coverage_chart(dict(by_region), members, "withdrawn services not counted"),
    ]
    service_rows: list[list[Cell]] = [
        [row[1], row[3], row[4], v.label(v.STAGE_LABELS, row[5]), row[6], row[7], row[8]]
        for row in links
    ]
    service_columns = [
        Column("Library service", width=34),
        Column("Region", width=20),
        Column("Branch", width=24),
        Column("Stage"),
        Column("Since", "date", 12),
        Column("Reach", "int", 10),
        Column("Sessions", "int", 10),
    ]
    services: list[Block] = (
        [Grid(Table("Library services", service_columns, service_rows), "Every participation")]
        if service_rows
        else [Paragraph("No library service takes part yet.", muted=True)]
    )
    return Report(
        kind="programme",
        key=programme_id,
        kind_label="Programme summary",
        subject=name,
        subtitle=f"{area} · {v.label(v.PROGRAMME_STATUS_LABELS, status)}",
        generated_on=today,
        source=source,
        facts=facts,
        sections=[
            Section("Partners", _partners(partners)),
            Section("Participation by stage", [stages]),
            Section(
                "Where the programme reaches",
                places if taking_part else [Paragraph("Nowhere yet.", muted=True)],
            ),
            Section("Library services", services),
        ],
    )
