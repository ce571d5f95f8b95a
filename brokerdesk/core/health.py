"""Relationship health, follow-ups due and overdue, and what is ending soon.

* **Last contact** is the latest interaction's date (any kind) with a partner or a library
  service. A partner is **overdue for contact** when it has none, or the last is more than
  its own ``contact_limit_days`` ago; ended partners are left out (the team no longer keeps
  in touch). Member library services use one limit for all (a setting, default 180 days).
* A **follow-up** is an interaction with a follow-up date not yet marked done. It is
  **overdue** when the date is before today and **due** when it is today or within the
  coming ``horizon_days``.
* **Ending soon**: programmes not completed or cancelled whose end date falls between today
  and ``days`` ahead (default 90); and agreements not ended whose end date falls in that
  time, or whose renewal or notice date does or has already passed
  (``services.agreements.agreement_dates_due``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from brokerdesk.core.db import Database
from brokerdesk.core.models import Interaction, LibraryService, Partner, Programme
from brokerdesk.core.services.agreements import agreement_dates_due

SERVICE_CONTACT_LIMIT_DAYS = 180
ENDING_SOON_DAYS = 90
FOLLOW_UP_HORIZON_DAYS = 7


@dataclass(frozen=True)
class ContactHealth:
    """When a partner or service was last contacted and whether that is too long ago."""

    entity: str  # "partner" or "library_service"
    id: int
    name: str
    last_contact: dt.date | None
    limit_days: int
    days_since: int | None

    @property
    def overdue(self) -> bool:
        return self.days_since is None or self.days_since > self.limit_days


@dataclass(frozen=True)
class FollowUp:
    interaction_id: int
    due_on: dt.date
    subject: str
    about: str
    partner_id: int | None
    service_id: int | None
    programme_id: int | None
    overdue: bool


@dataclass(frozen=True)
class EndingSoon:
    entity: str  # "programme" or "agreement"
    id: int
    name: str
    end_date: dt.date
    days_left: int
    partner_id: int | None = None
    what: str = "end"  # an agreement's "renewal" and "notice" dates are due too


def _known(day: dt.date | None) -> dt.date:
    """A date the query's WHERE clause guarantees is present."""
    assert day is not None
    return day


def _days(today: dt.date, last: dt.date | None) -> int | None:
    return None if last is None else (today - last).days


def partner_health(db: Database, today: dt.date) -> list[ContactHealth]:
    """Every partner not ended, longest without contact first (never contacted first of all)."""
    last = (
        select(Interaction.partner_id, func.max(Interaction.occurred_on).label("last"))
        .where(Interaction.partner_id.is_not(None), Interaction.occurred_on <= today)
        .group_by(Interaction.partner_id)
        .subquery()
    )
    query = (
        select(Partner.id, Partner.name, last.c.last, Partner.contact_limit_days)
        .outerjoin(last, last.c.partner_id == Partner.id)
        .where(Partner.status != "ended")
    )
    with db.read() as session:
        rows = [
            ContactHealth("partner", pid, name, d, limit, _days(today, d))
            for pid, name, d, limit in session.execute(query)
        ]
    return sorted(rows, key=_staleness)


def service_health(
    db: Database, today: dt.date, limit_days: int = SERVICE_CONTACT_LIMIT_DAYS
) -> list[ContactHealth]:
    """Every member library service, longest without contact first."""
    last = (
        select(Interaction.service_id, func.max(Interaction.occurred_on).label("last"))
        .where(Interaction.service_id.is_not(None), Interaction.occurred_on <= today)
        .group_by(Interaction.service_id)
        .subquery()
    )
    query = (
        select(LibraryService.id, LibraryService.nice_name, last.c.last)
        .outerjoin(last, last.c.service_id == LibraryService.id)
        .where(LibraryService.is_member.is_(True))
    )
    with db.read() as session:
        rows = [
            ContactHealth("library_service", sid, name, d, limit_days, _days(today, d))
            for sid, name, d in session.execute(query)
        ]
    return sorted(rows, key=_staleness)


def _staleness(row: ContactHealth) -> tuple[int, int, str]:
    return (0 if row.days_since is None else 1, -(row.days_since or 0), row.name.casefold())


def follow_ups(
    db: Database, today: dt.date, horizon_days: int = FOLLOW_UP_HORIZON_DAYS
) -> list[FollowUp]:
    """Open follow-ups up to ``horizon_days`` ahead, oldest first."""
    until = today + dt.timedelta(days=horizon_days)
    query = (
        select(
            Interaction.id,
            Interaction.follow_up_on,
            Interaction.subject,
            Partner.name,
            LibraryService.nice_name,
            Programme.name,
            Interaction.partner_id,
            Interaction.service_id,
            Interaction.programme_id,
        )
        .outerjoin(Partner, Partner.id == Interaction.partner_id)
        .outerjoin(LibraryService, LibraryService.id == Interaction.service_id)
        .outerjoin(Programme, Programme.id == Interaction.programme_id)
        .where(
            Interaction.follow_up_on.is_not(None),
            Interaction.follow_up_done.is_(False),
            Interaction.follow_up_on <= until,
        )
        .order_by(Interaction.follow_up_on, Interaction.id)
    )
    with db.read() as session:
        return [
            FollowUp(
                iid,
                _known(due),
                subject,
                " · ".join(n for n in (pname, sname, prname) if n),
                pid,
                sid,
                prid,
                _known(due) < today,
            )
            for iid, due, subject, pname, sname, prname, pid, sid, prid in session.execute(query)
        ]


def ending_soon(db: Database, today: dt.date, days: int = ENDING_SOON_DAYS) -> list[EndingSoon]:
    """Programmes ending between today and ``days`` ahead, and agreements' end, renewal and
    notice dates due in that time or (renewal and notice) already passed, soonest first."""
    until = today + dt.timedelta(days=days)
    programmes = select(Programme.id, Programme.name, Programme.end_date).where(
        Programme.end_date.between(today, until),
        Programme.status.not_in(("completed", "cancelled")),
    )
    with db.read() as session:
        rows = [
            EndingSoon("programme", pid, name, _known(end), (_known(end) - today).days)
            for pid, name, end in session.execute(programmes)
        ]
        rows += [
            EndingSoon(
                "agreement",
                due.agreement_id,
                f"{due.title} ({due.partner})",
                due.date,
                due.days,
                due.partner_id,
                due.what,
            )
            for due in agreement_dates_due(session, today, days)
        ]
    return sorted(rows, key=lambda r: (r.end_date, r.entity, r.name.casefold(), r.what))
