"""The demo's grants: each funder's grants towards programmes in its offer areas, with
reports, milestones and payments due around the demo's day (one overdue, one due this week,
more in the coming weeks, some done), so Today and the calendar have something to show."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from brokerdesk.core.models import Deliverable, Grant, GrantProgramme, Partner, ProgrammePartner
from brokerdesk.core.reference.demo_cast import TEAM

if TYPE_CHECKING:
    from brokerdesk.core.demo import _Builder

# (funder, title, amount, status, deliverables: (title, kind, due in days, done days ago))
GRANTS: tuple[tuple[str, str, str, str, tuple[tuple[str, str, int, int | None], ...]], ...] = (
    (
        "Lantern Arts Fund",
        "Arts in Libraries 2026–27",
        "48000",
        "awarded",
        (
            ("Interim report", "report", -4, None),
            ("Second instalment", "payment", 25, None),
            ("Signed grant agreement", "milestone", -120, 118),
            ("Final report and accounts", "report", 280, None),
        ),
    ),
    (
        "Greenleaf Community Foundation",
        "Books on Prescription expansion",
        "30000",
        "awarded",
        (
            ("Quarterly monitoring return", "report", 3, None),
            ("Evaluation plan", "milestone", 40, None),
            ("First payment received", "payment", -60, 58),
        ),
    ),
    (
        "Summer Stories Foundation",
        "Summer Reading Challenge outreach",
        "15000",
        "applied",
        (("Answer to the funder's questions", "other", 12, None),),
    ),
    ("Coastline Heritage Fund", "Local history digitisation", "22500", "declined", ()),
    ("Lantern Arts Fund", "European reading residencies", "18000", "applied", ()),
)
# Grants in another currency than pounds (a European programme's, paid in euros).
CURRENCY = {"European reading residencies": "EUR"}


def grants(b: _Builder) -> int:
    """Add the demo's grants (to funders the demo has), with their deliverables."""
    made = 0
    for funder, title, amount, status, items in GRANTS:
        pid = b.s.scalar(select(Partner.id).where(Partner.name == funder))
        if pid is None:
            continue
        awarded = status == "awarded"
        row: dict[str, Any] = {
            "partner_id": pid,
            "title": title,
            "amount": Decimal(amount),
            "currency": CURRENCY.get(title, "GBP"),
            "status": status,
            "applied_on": b.today - dt.timedelta(days=200),
            "awarded_on": b.today - dt.timedelta(days=130) if awarded else None,
            "start_date": b.today - dt.timedelta(days=120) if awarded else None,
            "end_date": b.today + dt.timedelta(days=300) if awarded else None,
            "owner": TEAM[made % 2],
            "version_id": 1,
        }
        [gid] = b._insert(Grant, [row])
        made += 1
        funded = list(
            b.s.scalars(
                select(ProgrammePartner.programme_id)
                .where(ProgrammePartner.partner_id == pid, ProgrammePartner.role == "funder")
                .order_by(ProgrammePartner.programme_id)
                .limit(2)
            )
        )
        if funded:
            b.s.execute(
                insert(GrantProgramme), [{"grant_id": gid, "programme_id": p} for p in funded]
            )
        if items:
            b._insert(
                Deliverable,
                [
                    {
                        "grant_id": gid,
                        "title": name,
                        "kind": kind,
                        "due_on": b.today + dt.timedelta(days=due),
                        "done_on": None if done is None else b.today - dt.timedelta(days=done),
                        "version_id": 1,
                    }
                    for name, kind, due, done in items
                ],
            )
    return made
