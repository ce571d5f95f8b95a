"""A partner summary as Qt rich text (the HTML subset QTextDocument understands).

Kept apart from the page painting so the content can be read and reviewed as one piece.
Every value is escaped; tables carry a ``<thead>`` so their header row repeats on each page.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from brokerdesk.core import vocabulary as v
from brokerdesk.core.exporting.summary import PartnerSummary

CHART_MARKER = "[[coverage-chart]]"

STYLE = """
body { color: #1a1a1a; }
h1 { font-size: 17pt; margin: 0; }
h2 { font-size: 11.5pt; color: #0b3d6b; margin-top: 12px; margin-bottom: 4px; }
p { margin: 0 0 3px 0; }
.kicker { color: #555555; font-size: 8pt; }
.muted { color: #555555; }
.small { font-size: 7.5pt; color: #444444; }
table.grid { border-collapse: collapse; border-color: #b0b0b0; }
th { background-color: #e7eef7; font-weight: bold; text-align: left; }
td.num { text-align: right; }
th.num { text-align: right; font-size: 7pt; }
tr.total td { font-weight: bold; background-color: #f3f3f3; }
"""


def uk_date(value: dt.date | None) -> str:
    """'28 Nov 2026', the way the team writes dates; a dash for none."""
    return value.strftime("%-d %b %Y") if value else "–"


def _text(value: Any) -> str:
    if value is None or value == "":
        return "–"
    return escape(str(value))


def _table(headers: list[tuple[str, str]], rows: list[list[str]], widths: list[int]) -> str:
    """``headers`` are (label, css class); ``rows`` already escaped HTML cells."""
    cols = "".join(
        f'<th class="{cls}" width="{w}%">{escape(h)}</th>'
        for (h, cls), w in zip(headers, widths, strict=True)
    )
    body = []
    for row in rows:
        cells = []
        for (_, cls), cell in zip(headers, row, strict=True):
            cells.append(f'<td class="{cls}">{cell}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table class="grid" width="100%" border="0.5" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{cols}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _details(s: PartnerSummary) -> str:
    p = s.partner
    pairs = [
        ("Relationship owner", _text(p["owner"])),
        ("Website", _text(p["website"])),
        ("Offer areas", _text(", ".join(s.offer_areas))),
        ("Tags", _text(", ".join(p.get("tags", [])))),
        ("Last contact", uk_date(s.last_contact)),
        (
            "Reach",
            f"{len(s.programmes):,} programmes, {len(s.participations):,} participations, "
            f"{s.services_reached:,} library services reached",
        ),
    ]
    rows = "".join(
        f'<tr><td width="24%" class="muted">{escape(k)}</td><td>{val}</td></tr>' for k, val in pairs
    )
    return f'<table width="100%" cellspacing="0" cellpadding="2">{rows}</table>'


def _agreements(s: PartnerSummary) -> str:
    if not s.agreements:
        return "<p class='muted'>No agreements recorded.</p>"
    rows = [
        [
            _text(a["title"]),
            uk_date(a["start_date"]),
            uk_date(a["end_date"]),
            uk_date(a["renewal_date"]),
            _text(a.get("due")),
        ]
        for a in s.agreements
    ]
    headers = [("Agreement", ""), ("Starts", ""), ("Ends", ""), ("Renewal due", ""), ("Due", "")]
    return _table(headers, rows, [34, 14, 14, 14, 24])


def _contacts(s: PartnerSummary) -> str:
    if not s.contacts:
        return "<p class='muted'>No contacts recorded.</p>"
    rows = [
        [_text(c["full_name"]), _text(c["role"]), _text(c["email"]), _text(c["phone"])]
        for c in s.contacts
    ]
    headers = [("Name", ""), ("Role", ""), ("Email", ""), ("Phone", "")]
    return _table(headers, rows, [26, 26, 30, 18])


def _programmes(s: PartnerSummary) -> str:
    if not s.programmes:
        return "<p class='muted'>No programmes with this partner yet.</p>"
    headers = [("Programme", "")]
    headers += [(label, "num") for label in v.STAGE_LABELS.values()] + [("Total", "num")]
    rows = []
    for p in s.programmes:
        status = v.label(v.PROGRAMME_STATUS_LABELS, p["status"])
        role = v.label(v.PARTNER_ROLE_LABELS, p["role"])
        name = (
            f"{escape(p['name'])}<br/><span class='small'><b>{escape(status)}</b> · "
            f"{escape(role)} · {escape(p['offer_area'])}</span>"
        )
        counts = [str(p["by_stage"].get(stage, 0)) for stage in v.STAGE_LABELS]
        rows.append([name, *counts, str(p["participations"])])
    totals = [f"{s.stage_totals.get(stage, 0):,}" for stage in v.STAGE_LABELS]
    table = _table(headers, rows, [32, 10, 10, 10, 10, 10, 10, 8])
    total_row = (
        '<tr class="total"><td class="">All programmes</td>'
        + "".join(f'<td class="num">{n}</td>' for n in totals)
        + f'<td class="num">{len(s.participations):,}</td></tr>'
    )
    return table.replace("</tbody>", total_row + "</tbody>")


def _reach(s: PartnerSummary) -> str:
    coverage = s.coverage_by_region()
    if not s.services_reached:
        return "<p class='muted'>No library service takes part yet.</p>"
    nations = ", ".join(f"{escape(n)}: {c}" for n, c in sorted(s.reached_by_nation.items()))
    rows = [
        [escape(region), str(reached), str(members) if members else "–"]
        for region, reached, members in coverage
        if reached
    ]
    headers = [("Region", ""), ("Services reached", "num"), ("Member services", "num")]
    return (
        f"<p>By nation: {nations}.</p>"
        + _table(headers, rows, [50, 25, 25])
        + f"<p class='small'>Coverage of member library services by region "
        f"(withdrawn participations not counted):</p><p>{CHART_MARKER}</p>"
    )


def _interactions(s: PartnerSummary) -> str:
    if not s.interactions:
        return "<p class='muted'>No interactions logged.</p>"
    rows = [
        [
            uk_date(i["occurred_on"]),
            escape(v.label(v.INTERACTION_KIND_LABELS, i["kind"])),
            _text(i["subject"]),
            _text(i["by_whom"]),
        ]
        for i in s.recent_interactions
    ]
    headers = [("Date", ""), ("Kind", ""), ("Subject", ""), ("Logged by", "")]
    return _table(headers, rows, [16, 12, 52, 20])


def _upcoming(s: PartnerSummary) -> str:
    rows = []
    for i in s.follow_ups:
        overdue = " (overdue)" if i["follow_up_on"] < s.generated_on else ""
        rows.append([uk_date(i["follow_up_on"]) + overdue, "Follow-up", _text(i["subject"])])
    for a in s.renewals:
        rows.append([uk_date(a["date"]), _text(a["due"]), _text(a["title"])])
    if not rows:
        return "<p class='muted'>No follow-ups or renewals due.</p>"
    return _table([("Due", ""), ("What", ""), ("About", "")], rows, [22, 18, 60])


def partner_summary_html(s: PartnerSummary) -> str:
    """The whole summary as one rich-text document."""
    p = s.partner
    kind = escape(v.label(v.PARTNER_TYPE_LABELS, p["partner_type"]))
    status = escape(v.label(v.PARTNER_STATUS_LABELS, p["status"]))
    parts = [
        "<p class='kicker'>PARTNER SUMMARY</p>",
        f"<h1>{escape(s.name)}</h1>",
        f"<p class='muted'>{kind} · {status} · generated {uk_date(s.generated_on)}</p>",
        _details(s),
        "<h2>Agreements</h2>",
        _agreements(s),
        "<h2>Contacts</h2>",
        _contacts(s),
        "<h2>Programmes and participation by stage</h2>",
        _programmes(s),
        "<h2>Library services reached</h2>",
        _reach(s),
        "<h2>Recent interactions</h2>",
        _interactions(s),
        "<h2>Upcoming follow-ups and renewals</h2>",
        _upcoming(s),
        f"<p class='small'><br/>Generated on {uk_date(s.generated_on)} from the BrokerDesk "
        f"database {escape(s.source)}.</p>",
    ]
    return "<html><body>" + "".join(parts) + "</body></html>"
