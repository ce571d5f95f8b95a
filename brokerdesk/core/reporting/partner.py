"""The partner summary as a :class:`Report`: the gathered :class:`PartnerSummary`, arranged.

The spreadsheets keep their five sheets (``summary_tables``), so an XLSX or CSV export of a
partner reads exactly as before; the PDF shows the same figures in headed sections.
"""

from __future__ import annotations

from typing import Any

from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.exporting.summary import PartnerSummary, gather_partner_summary
from brokerdesk.core.exporting.tables import Cell, Column, Table, summary_tables
from brokerdesk.core.money import Totals
from brokerdesk.core.reporting.document import (
    Bar,
    BarChart,
    Block,
    Grid,
    Paragraph,
    Report,
    Section,
)
from brokerdesk.core.reporting.words import uk_date
from brokerdesk.core.services.grants import GRANT_STATUS_LABELS

STAGES = list(v.STAGE_LABELS)


def _or_none(rows: list[list[Cell]], grid: Grid, nothing: str) -> list[Block]:
    return [grid] if rows else [Paragraph(nothing, muted=True)]


def _agreements(s: PartnerSummary) -> list[Block]:
    rows: list[list[Cell]] = [
        [
            a["title"],
            a["start_date"],
            a["end_date"],
            a["renewal_date"],
            a.get("value"),
            a.get("due") or "",
        ]
        for a in s.agreements
    ]
    columns = [
        Column("Agreement", width=30),
        *(Column(h, "date", 12) for h in ("Starts", "Ends", "Renewal due")),
        Column("Value", "money", 14),  # in the agreement's own currency
        Column("Due", width=22),  # "Renewal overdue by 15 days", "Notice by 30 Jun 2026"
    ]
    total = _money_total("All agreements", [a.get("value") for a in s.agreements], len(columns))
    grid = Grid(Table("Agreements", columns, rows), "Agreements with the partner", total)
    return _or_none(rows, grid, "No agreements recorded.")


def _grants(s: PartnerSummary) -> list[Block]:
    rows: list[list[Cell]] = [
        [
            g["title"],
            v.label(GRANT_STATUS_LABELS, g["status"]),
            g["amount"],
            g["start_date"],
            g["end_date"],
        ]
        for g in s.grants
    ]
    columns = [
        Column("Grant", width=30),
        Column("Status", width=12),
        Column("Amount", "money", 14),  # in the grant's own currency
        Column("Starts", "date", 12),
        Column("Ends", "date", 12),
    ]
    total = _money_total("All grants", [g["amount"] for g in s.grants], len(columns), at=2)
    grid = Grid(Table("Grants", columns, rows), "Grants the partner funds", total)
    return _or_none(rows, grid, "No grants from this partner.")


def _money_total(label: str, amounts: list[Any], width: int, *, at: int = 4) -> list[Cell] | None:
    """A total row with the amounts summed per currency (None with fewer than two)."""
    if sum(1 for a in amounts if a is not None) < 2:
        return None
    row: list[Cell] = [label] + [None] * (width - 1)
    found = Totals.of(amounts)
    row[at] = found.single() or str(found)
    return row


def _contacts(s: PartnerSummary) -> list[Block]:
    rows: list[list[Cell]] = [
        [c["full_name"], c["role"], c["email"], c["phone"]] for c in s.contacts
    ]
    columns = [Column(h, width=26) for h in ("Name", "Role", "Email", "Phone")]
    grid = Grid(Table("Contacts", columns, rows), "The partner's contacts")
    return _or_none(rows, grid, "No contacts recorded.")


def _programmes(s: PartnerSummary) -> list[Block]:
    rows: list[list[Cell]] = []
    for p in s.programmes:
        status = v.label(v.PROGRAMME_STATUS_LABELS, p["status"])
        role = v.label(v.PARTNER_ROLE_LABELS, p["role"])
        name = f"{p['name']} ({status} · {role} · {p['offer_area']})"
        counts: list[Cell] = [p["by_stage"].get(stage, 0) for stage in STAGES]
        rows.append([name, *counts, p["participations"]])
    columns = [Column("Programme", width=40)]
    columns += [Column(label, "int", 10) for label in v.STAGE_LABELS.values()]
    columns.append(Column("Total", "int", 8))
    total: list[Cell] = ["All programmes"]
    total += [s.stage_totals.get(stage, 0) for stage in STAGES] + [len(s.participations)]
    grid = Grid(
        Table("Programmes", columns, rows),
        "Library services in each of the partner's programmes, by stage",
        total,
    )
    return _or_none(rows, grid, "No programmes with this partner yet.")


def coverage_chart(reached: dict[str, int], members: dict[str, int], what: str) -> BarChart:
    """Bars per region: services reached out of the region's member library services."""
    order = {name: i for i, name in enumerate(v.REGIONS)}
    regions = sorted(set(reached) | set(members), key=lambda r: (order.get(r, 99), r))
    return BarChart(
        f"Coverage of member library services by region ({what})",
        [Bar(r, reached.get(r, 0), members.get(r, 0)) for r in regions],
    )


def _reach(s: PartnerSummary) -> list[Block]:
    if not s.services_reached:
        return [Paragraph("No library service takes part yet.", muted=True)]
    nations = ", ".join(f"{n}: {c}" for n, c in sorted(s.reached_by_nation.items()))
    rows: list[list[Cell]] = [
        [region, reached, members or None]
        for region, reached, members in s.coverage_by_region()
        if reached
    ]
    columns = [
        Column("Region", width=30),
        Column("Services reached", "int"),
        Column("Member services", "int"),
    ]
    return [
        Paragraph(f"By nation: {nations}."),
        Grid(Table("Reach by region", columns, rows), "Library services reached by region"),
        coverage_chart(
            s.reached_by_region,
            s.member_services_by_region,
            "withdrawn participations not counted",
        ),
    ]


def _interactions(s: PartnerSummary) -> list[Block]:
    rows: list[list[Cell]] = [
        [
            i["occurred_on"],
            v.label(v.INTERACTION_KIND_LABELS, i["kind"]),
            i["subject"],
            i["by_whom"],
        ]
        for i in s.recent_interactions
    ]
    columns = [Column("Date", "date"), Column("Kind"), Column("Subject", width=40)]
    columns.append(Column("Logged by"))
    grid = Grid(
        Table("Recent interactions", columns, rows), "The latest interactions, newest first"
    )
    return _or_none(rows, grid, "No interactions logged.")


def _upcoming(s: PartnerSummary) -> list[Block]:
    rows: list[list[Cell]] = []
    for i in s.follow_ups:
        overdue = " (overdue)" if i["follow_up_on"] < s.generated_on else ""
        rows.append([uk_date(i["follow_up_on"]) + overdue, "Follow-up", i["subject"]])
    for a in s.renewals:  # each with what is due and when ("Renewal overdue by 15 days")
        rows.append([uk_date(a["date"]), a["due"], a["title"]])
    columns = [Column("Due"), Column("What"), Column("About", width=40)]
    grid = Grid(Table("Upcoming", columns, rows), "Follow-ups and renewals, soonest first")
    return _or_none(rows, grid, "No follow-ups or renewals due.")


def partner_report_from(s: PartnerSummary) -> Report:
    """The report of an already gathered summary (the batch export gathers once)."""
    p = s.partner
    kind = v.label(v.PARTNER_TYPE_LABELS, p["partner_type"])
    status = v.label(v.PARTNER_STATUS_LABELS, p["status"])
    facts: list[tuple[str, Cell]] = [
        ("Relationship owner", p["owner"]),
        ("Website", p["website"]),
        ("Offer areas", ", ".join(s.offer_areas)),
        ("Tags", ", ".join(p.get("tags", []))),
        ("Last contact", s.last_contact),
        (
            "Reach",
            f"{len(s.programmes):,} programmes, {len(s.participations):,} participations, "
            f"{s.services_reached:,} library services reached",
        ),
        *s.own_fields,  # the team's own partner fields ("Charity number", "Tier")
    ]
    return Report(
        kind="partner",
        key=int(p["id"]),
        kind_label="Partner summary",
        subject=s.name,
        subtitle=f"{kind} · {status}",
        generated_on=s.generated_on,
        source=s.source,
        facts=facts,
        sections=[
            Section("Agreements", _agreements(s)),
            *([Section("Grants", _grants(s))] if s.grants else []),
            Section("Contacts", _contacts(s)),
            Section("Programmes and participation by stage", _programmes(s)),
            Section("Library services reached", _reach(s)),
            Section("Recent interactions", _interactions(s)),
            Section("Upcoming follow-ups and renewals", _upcoming(s)),
        ],
        sheets=summary_tables(s),
    )


def partner_report(db: Database, partner_id: int) -> Report:
    """One partner's summary report.

    Raises:
        NotFoundError: the partner no longer exists.
    """
    return partner_report_from(gather_partner_summary(db, partner_id))
