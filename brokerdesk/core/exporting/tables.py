"""The data behind a partner summary as plain tables: one per XLSX sheet or CSV file.

Headers are the words people read ("Library service", "Signed up"); values keep their real
types (dates, whole numbers) so a spreadsheet can sort and sum them. Stored codes become
labels here, once, for every tabular format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from brokerdesk.core import vocabulary as v
from brokerdesk.core.exporting.summary import PartnerSummary
from brokerdesk.core.kinds import KINDS
from brokerdesk.core.money import Money

Cell = str | int | float | bool | dt.date | dt.datetime | Money | None


@dataclass(frozen=True)
class Column:
    """A column: its header and a kind (``text``, ``int``, ``date``, ``bool``, ``money``)."""

    header: str
    kind: str = "text"
    width: int = 14


@dataclass
class Table:
    """A named table: the sheet name in a workbook, the file stem in a CSV folder."""

    name: str
    columns: list[Column]
    rows: list[list[Cell]]


def _summary_table(s: PartnerSummary) -> Table:
    p = s.partner
    pairs: list[tuple[str, Cell]] = [
        ("Partner", p["name"]),
        ("Type", v.label(v.PARTNER_TYPE_LABELS, p["partner_type"])),
        ("Status", v.label(v.PARTNER_STATUS_LABELS, p["status"])),
        ("Relationship owner", p["owner"]),
        ("Website", p["website"]),
        ("Offer areas", "; ".join(s.offer_areas)),
        ("Tags", "; ".join(p.get("tags", []))),
        ("Last contact", s.last_contact),
        ("Programmes", len(s.programmes)),
        ("Participations", len(s.participations)),
        ("Library services reached", s.services_reached),
    ]
    pairs += [
        (f"Participations: {label}", s.stage_totals.get(stage, 0))
        for stage, label in v.STAGE_LABELS.items()
    ]
    pairs += [(f"Reached in {nation}", n) for nation, n in sorted(s.reached_by_nation.items())]
    pairs += [(f"Reached in region: {region}", n) for region, n in s.regions_in_order()]
    for a in s.agreements:
        pairs.append((f"Agreement: {a['title']}: starts", a["start_date"]))
        pairs.append((f"Agreement: {a['title']}: ends", a["end_date"]))
        pairs.append((f"Agreement: {a['title']}: renewal due", a["renewal_date"]))
        pairs.append((f"Agreement: {a['title']}: notice by", a.get("notice_date")))
        pairs.append((f"Agreement: {a['title']}: due", a.get("due") or ""))
        pairs.append((f"Agreement: {a['title']}: value", a.get("value")))
    for g in s.grants:  # each amount in its own currency, never added across currencies
        pairs.append((f"Grant: {g['title']}: amount", g.get("amount")))
    pairs += [("Generated on", s.generated_on), ("Database", s.source)]
    return Table(
        "Summary",
        [Column("Field", width=40), Column("Value", "any", width=50)],
        [[k, val] for k, val in pairs],
    )


def _programmes_table(s: PartnerSummary) -> Table:
    columns = [
        Column("Programme", width=40),
        Column("Role"),
        Column("Offer area", width=30),
        Column("Status"),
        Column("Starts", "date", 12),
        Column("Ends", "date", 12),
        Column("Participations", "int"),
        *(Column(label, "int", 11) for label in v.STAGE_LABELS.values()),
    ]
    rows: list[list[Cell]] = [
        [
            p["name"],
            v.label(v.PARTNER_ROLE_LABELS, p["role"]),
            p["offer_area"],
            v.label(v.PROGRAMME_STATUS_LABELS, p["status"]),
            p["start_date"],
            p["end_date"],
            p["participations"],
            *(p["by_stage"].get(stage, 0) for stage in v.STAGE_LABELS),
        ]
        for p in s.programmes
    ]
    return Table(KINDS["programme"].title, columns, rows)


def _participations_table(s: PartnerSummary) -> Table:
    columns = [
        Column("Programme", width=36),
        Column("Library service", width=30),
        Column("GSS code", width=11),
        Column("Nation", width=16),
        Column("Region", width=24),
        Column("Branch", width=24),
        Column("Stage", width=11),
        Column("Starts", "date", 12),
        Column("Ends", "date", 12),
        Column("People reached", "int"),
        Column("Sessions", "int", 10),
        Column("Local contact", width=24),
        Column("Notes", width=40),
    ]
    rows: list[list[Cell]] = [
        [
            r["programme"],
            r["service"],
            r["gss_code"],
            r["nation"],
            r["region"],
            r["branch"],
            v.label(v.STAGE_LABELS, r["stage"]),
            r["start_date"],
            r["end_date"],
            r["reach"],
            r["sessions"],
            r["local_contact"],
            r["notes"],
        ]
        for r in s.participations
    ]
    return Table(KINDS["participation"].title, columns, rows)


def _contacts_table(s: PartnerSummary) -> Table:
    columns = [
        Column("Name", width=28),
        Column("Role", width=28),
        Column("Email", width=32),
        Column("Phone", width=18),
        Column("Notes", width=40),
    ]
    rows: list[list[Cell]] = [
        [c["full_name"], c["role"], c["email"], c["phone"], c["notes"]] for c in s.contacts
    ]
    return Table(KINDS["contact"].title, columns, rows)


def _interactions_table(s: PartnerSummary) -> Table:
    columns = [
        Column("Date", "date", 12),
        Column("Kind", width=10),
        Column("Subject", width=36),
        Column("Logged by", width=18),
        Column("Contact", width=24),
        Column("Programme", width=30),
        Column("Follow up on", "date", 13),
        Column("Follow-up done", "bool", 10),
        Column("Notes", width=40),
    ]
    rows: list[list[Cell]] = [
        [
            i["occurred_on"],
            v.label(v.INTERACTION_KIND_LABELS, i["kind"]),
            i["subject"],
            i["by_whom"],
            i["contact"],
            i["programme"],
            i["follow_up_on"],
            bool(i["follow_up_done"]),
            i["notes"],
        ]
        for i in s.interactions
    ]
    return Table(KINDS["interaction"].title, columns, rows)


SUMMARY_TABLE_NAMES = (
    "Summary",
    *(KINDS[k].title for k in ("programme", "participation", "contact", "interaction")),
)


def summary_tables(summary: PartnerSummary) -> list[Table]:
    """The five tables of a partner summary, in sheet order."""
    return [
        _summary_table(summary),
        _programmes_table(summary),
        _participations_table(summary),
        _contacts_table(summary),
        _interactions_table(summary),
    ]


def as_text(value: Any) -> str:
    """A cell as CSV/plain text shows it: ISO dates, empty for nothing, Yes/No, an amount as
    it reads ("€5,000.00"; a money column's own cells are a plain number and a code)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def plain_text(tables: Iterable[Table]) -> str:
    """The tables as tab-separated text (the benchmark's floor, and a debugging aid)."""
    lines: list[str] = []
    for table in tables:
        lines.append(f"# {table.name}")
        lines.append("\t".join(c.header for c in table.columns))
        lines.extend("\t".join(as_text(cell) for cell in row) for row in table.rows)
    return "\n".join(lines) + "\n"
