"""Where the team's data is incomplete: the checks behind the Data quality page and
``brokerdesk check --data``.

Each check is a question the team asks before a board meeting or a funder's report ("which
partners has nobody taken on?"), answered with the records that fail it. Ended partners and
finished or cancelled programmes are left out: nobody needs to complete them now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, func, select

from brokerdesk.core import health
from brokerdesk.core.db import Database
from brokerdesk.core.models import Contact, LibraryService, Partner, Programme, ProgrammePartner
from brokerdesk.core.services.named_leads import NamedLeadService

OPEN_PROGRAMMES = ("idea", "negotiating", "live")


@dataclass(frozen=True)
class Finding:
    """One record that fails a check, and what about it."""

    entity: str
    id: int
    name: str
    detail: str = ""


@dataclass(frozen=True)
class CheckResult:
    """A check and the records that fail it.

    Attributes:
        key: stable name for scripts ("partner_no_owner").
        title: the question as the page shows it.
        explanation: what to do about it.
        entity: the kind of record listed.
    """

    key: str
    title: str
    explanation: str
    entity: str
    findings: tuple[Finding, ...]

    @property
    def count(self) -> int:
        return len(self.findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "title": self.title,
            "entity": self.entity,
            "count": self.count,
            "records": [{"id": f.id, "name": f.name, "detail": f.detail} for f in self.findings],
        }


def _partners(db: Database, condition: ColumnElement[bool]) -> list[Finding]:
    """Partners not ended that meet ``condition``, by name."""
    query = (
        select(Partner.id, Partner.name)
        .where(Partner.status != "ended", condition)
        .order_by(Partner.name, Partner.id)
    )
    with db.read() as session:
        return [Finding("partner", pid, name) for pid, name in session.execute(query)]


def partners_without_owner(db: Database, _today: dt.date) -> list[Finding]:
    return _partners(db, func.coalesce(func.trim(Partner.owner), "") == "")


def partners_without_contact(db: Database, _today: dt.date) -> list[Finding]:
    return _partners(db, ~exists().where(Contact.partner_id == Partner.id))


def partners_without_recent_contact(db: Database, today: dt.date) -> list[Finding]:
    out = []
    for row in health.partner_health(db, today):
        if not row.overdue:
            continue
        detail = (
            "never contacted"
            if row.days_since is None
            else f"last contact {row.days_since} days ago (every {row.limit_days})"
        )
        out.append(Finding("partner", row.id, row.name, detail))
    return out


def contacts_without_email(db: Database, _today: dt.date) -> list[Finding]:
    query = (
        select(Contact.id, Contact.full_name, Partner.name, LibraryService.nice_name)
        .outerjoin(Partner, Partner.id == Contact.partner_id)
        .outerjoin(LibraryService, LibraryService.id == Contact.service_id)
        .where(func.coalesce(func.trim(Contact.email), "") == "")
        .order_by(Contact.full_name, Contact.id)
    )
    with db.read() as session:
        return [
            Finding("contact", cid, name, partner or service or "")
            for cid, name, partner, service in session.execute(query)
        ]


def programmes_without_lead_partner(db: Database, _today: dt.date) -> list[Finding]:
    lead = exists().where(
        ProgrammePartner.programme_id == Programme.id, ProgrammePartner.role == "lead"
    )
    query = (
        select(Programme.id, Programme.name, Programme.status)
        .where(Programme.status.in_(OPEN_PROGRAMMES), ~lead)
        .order_by(Programme.name)
    )
    with db.read() as session:
        return [
            Finding("programme", pid, name, status) for pid, name, status in session.execute(query)
        ]


def services_without_named_lead(db: Database, _today: dt.date) -> list[Finding]:
    return [
        Finding(
            "library_service",
            gap.service_id,
            gap.service,
            f"{gap.offer_area} · {gap.region} · {', '.join(gap.programmes)}",
        )
        for gap in NamedLeadService(db).gaps()
    ]


@dataclass(frozen=True)
class Check:
    key: str
    title: str
    explanation: str
    entity: str
    find: Callable[[Database, dt.date], list[Finding]]


CHECKS: tuple[Check, ...] = (
    Check(
        "partner_no_owner",
        "Partners with no relationship owner",
        "Give each an owner, so somebody keeps in touch.",
        "partner",
        partners_without_owner,
    ),
    Check(
        "partner_no_contact",
        "Partners with no contact",
        "Add the person you deal with there.",
        "partner",
        partners_without_contact,
    ),
    Check(
        "partner_no_recent_interaction",
        "Partners with no recent interaction",
        "Past their contact cadence, or never contacted: log the last call, or get in touch.",
        "partner",
        partners_without_recent_contact,
    ),
    Check(
        "contact_no_email",
        "Contacts with no e-mail address",
        "Add an address, or note how they prefer to be reached.",
        "contact",
        contacts_without_email,
    ),
    Check(
        "programme_no_lead_partner",
        "Programmes with no lead partner",
        "Open programmes need a partner in the lead role.",
        "programme",
        programmes_without_lead_partner,
    ),
    Check(
        "service_no_named_lead",
        "Library services in live programmes with no named lead",
        "Name the service's lead for the programme's offer area (on the service's page).",
        "library_service",
        services_without_named_lead,
    ),
)


def run_checks(db: Database, today: dt.date) -> list[CheckResult]:
    """Every check, in the page's order."""
    return [
        CheckResult(c.key, c.title, c.explanation, c.entity, tuple(c.find(db, today)))
        for c in CHECKS
    ]
