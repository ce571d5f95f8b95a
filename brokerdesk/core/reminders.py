"""What is due: one list of reminders for a day, for Today, the command line and the calendar.

The reminders come from a small list of sources (``SOURCES``), each a function of the
database, the day and how many days ahead to look, so a new kind of date is one more entry:

* **follow-ups**: interactions with a follow-up date not yet done (overdue ones however old);
* **agreements**: renewal dates within the horizon (or past, while the agreement still runs)
  and end dates within the horizon;
* **deliverables** of grants not yet done, due within the horizon or overdue;
* **contact cadence**: partners not contacted within their own "contact every N days"
  (``core.health``, the dashboard's rule), due the day the cadence ran out.

Each reminder says what is due, when, how many days overdue, the record that holds the date
(``entity``/``record_id``/``date_field``: what "move the date" changes) and the record page to
open (``page_entity``/``page_id``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select

from brokerdesk.core import health
from brokerdesk.core.db import Database
from brokerdesk.core.models import (
    Deliverable,
    Grant,
    Interaction,
    LibraryService,
    Partner,
    Programme,
)

HORIZON_DAYS = 60  # renewals, ends and deliverables this far ahead
DELIVERABLE_WORDS = {"report": "Report", "milestone": "Milestone", "payment": "Payment"}
GROUPS = ("overdue", "today", "week", "later")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context`` (lupdate reads calls by this name);
    the GUI translates it where it is shown."""
    return text


GROUP_TITLES = {
    "overdue": QT_TRANSLATE_NOOP("Reminders", "Overdue"),
    "today": QT_TRANSLATE_NOOP("Reminders", "Today"),
    "week": QT_TRANSLATE_NOOP("Reminders", "This week"),
    "later": QT_TRANSLATE_NOOP("Reminders", "Next 60 days"),
}


@dataclass(frozen=True)
class Reminder:
    """One thing due on a day.

    Attributes:
        kind: "follow_up", "renewal", "notice", "agreement_end", "deliverable" or "contact".
        what: the sentence a person reads ("Follow up: Send the report").
        about: whom or what it concerns (a partner's, service's or grant's name).
        due_on: the day it is due.
        days_overdue: days past due (0 today, negative when still ahead).
        entity, record_id: the record that holds the date.
        date_field: the field holding the date (None: the date cannot be moved, only met).
        page_entity, page_id: the record page that shows it.
        partner_id, service_id, programme_id, contact_id: whom a logged call would be with.
        subject: the record's own words (an interaction's subject, an agreement's or a
            deliverable's title; empty for contact cadence).
        deliverable_kind: a deliverable's kind ("report", "milestone", "payment", "other").
        days_since, every_days: contact cadence: days since the last contact (None: never
            contacted) and the partner's own "contact every N days".
    """

    kind: str
    what: str
    about: str
    due_on: dt.date
    days_overdue: int
    entity: str
    record_id: int
    date_field: str | None
    page_entity: str
    page_id: int
    partner_id: int | None = None
    service_id: int | None = None
    programme_id: int | None = None
    contact_id: int | None = None
    subject: str = ""
    deliverable_kind: str | None = None
    days_since: int | None = None
    every_days: int | None = None

    @property
    def uid(self) -> str:
        """Stable across runs, so a re-exported calendar updates its events."""
        return f"{self.kind}-{self.entity}-{self.record_id}@brokerdesk"

    @property
    def group(self) -> str:
        """ "overdue", "today", "week" (the next 7 days) or "later"."""
        if self.days_overdue > 0:
            return "overdue"
        if self.days_overdue == 0:
            return "today"
        return "week" if self.days_overdue >= -7 else "later"

    @property
    def when(self) -> str:
        """ "3 days overdue", "today", "in 5 days"."""
        days = self.days_overdue
        if days == 0:
            return "today"
        if days > 0:
            return f"{days} day{'s' if days != 1 else ''} overdue"
        return f"in {-days} day{'s' if days != -1 else ''}"

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = asdict(self)
        out["due_on"] = self.due_on.isoformat()
        out["group"] = self.group
        out["when"] = self.when
        out["uid"] = self.uid
        return out


Source = Callable[[Database, dt.date, int], list[Reminder]]


def _overdue(today: dt.date, due: dt.date) -> int:
    return (today - due).days


def _known(day: dt.date | None) -> dt.date:
    """A date the query's WHERE clause guarantees is present."""
    assert day is not None
    return day


def follow_ups_due(db: Database, today: dt.date, days: int) -> list[Reminder]:
    """Open follow-ups up to ``days`` ahead, overdue ones however old."""
    until = today + dt.timedelta(days=days)
    query = (
        select(
            Interaction.id,
            Interaction.follow_up_due,
            Interaction.subject,
            Partner.name,
            LibraryService.nice_name,
            Programme.name,
            Interaction.partner_id,
            Interaction.service_id,
            Interaction.programme_id,
            Interaction.contact_id,
        )
        .outerjoin(Partner, Partner.id == Interaction.partner_id)
        .outerjoin(LibraryService, LibraryService.id == Interaction.service_id)
        .outerjoin(Programme, Programme.id == Interaction.programme_id)
        # follow_up_due is follow_up_on while the follow-up is still to do (kept by triggers,
        # indexed): a million interactions are read in index order, not scanned.
        .where(Interaction.follow_up_due <= until)
    )
    out = []
    with db.read() as session:
        for iid, date, subject, pname, sname, prname, pid, sid, prid, cid in session.execute(query):
            due = _known(date)
            out.append(
                Reminder(
                    "follow_up",
                    f"Follow up: {subject}",
                    " · ".join(n for n in (pname, sname, prname) if n),
                    due,
                    _overdue(today, due),
                    "interaction",
                    iid,
                    "follow_up_on",
                    "interaction",
                    iid,
                    pid,
                    sid,
                    prid,
                    cid,
                    subject=subject,
                )
            )
    return out


# What each due agreement date is called, which field holds it (None: it cannot be moved,
# only met) and the kind a reminder of it has.
_AGREEMENT_DATES = {
    "renewal": ("renewal", "Renewal due", "renewal_date"),
    "notice": ("notice", "Last day to give notice", "notice_date"),
    "end": ("agreement_end", "Agreement ends", None),
}


def agreement_dates(db: Database, today: dt.date, days: int) -> list[Reminder]:
    """Renewals due within ``days`` (or overdue while the agreement runs), and notice and end
    dates within it: the agreements service's own rule (``agreement_dates_due``)."""
    from brokerdesk.core.services.agreements import agreement_dates_due

    out = []
    with db.read() as session:
        for due in agreement_dates_due(session, today, days):
            kind, words, field = _AGREEMENT_DATES[due.what]
            out.append(
                Reminder(
                    kind,
                    f"{words}: {due.title}",
                    due.partner,
                    due.date,
                    _overdue(today, due.date),
                    "agreement",
                    due.agreement_id,
                    field,
                    "agreement",
                    due.agreement_id,
                    due.partner_id,
                    subject=due.title,
                )
            )
    return out


def deliverables_due(db: Database, today: dt.date, days: int) -> list[Reminder]:
    """Grant deliverables not yet done, due within ``days`` or overdue."""
    until = today + dt.timedelta(days=days)
    query = (
        select(Deliverable, Grant.title, Grant.partner_id, Partner.name)
        .join(Grant, Grant.id == Deliverable.grant_id)
        .join(Partner, Partner.id == Grant.partner_id)
        .where(Deliverable.done_on.is_(None), Deliverable.due_on <= until)
    )
    out = []
    with db.read() as session:
        for item, grant, partner_id, funder in session.execute(query):
            due = _known(item.due_on)
            out.append(
                Reminder(
                    "deliverable",
                    f"{DELIVERABLE_WORDS.get(item.kind, 'Deliverable')} due: {item.title}",
                    f"{grant} ({funder})",
                    due,
                    _overdue(today, due),
                    "deliverable",
                    item.id,
                    "due_on",
                    "funding_grant",
                    item.grant_id,
                    partner_id,
                    subject=item.title,
                    deliverable_kind=item.kind,
                )
            )
    return out


def contact_cadence(db: Database, today: dt.date, days: int) -> list[Reminder]:
    """Partners past their own contact cadence (never contacted: due today)."""
    out = []
    for row in health.partner_health(db, today):
        if not row.overdue:
            continue
        if row.last_contact is None:
            due, what = today, "Never contacted"
        else:
            due = row.last_contact + dt.timedelta(days=row.limit_days)
            what = f"Not contacted for {row.days_since} days (every {row.limit_days})"
        out.append(
            Reminder(
                "contact",
                what,
                row.name,
                due,
                _overdue(today, due),
                "partner",
                row.id,
                None,
                "partner",
                row.id,
                row.id,
                days_since=row.days_since,
                every_days=row.limit_days,
            )
        )
    return out


# Where reminders come from; one more kind of date is one more function here.
SOURCES: list[Source] = [follow_ups_due, agreement_dates, deliverables_due, contact_cadence]


def reminders(
    db: Database,
    today: dt.date,
    days: int = HORIZON_DAYS,
    sources: Sequence[Source] | None = None,
) -> list[Reminder]:
    """Everything due up to ``days`` ahead of ``today``, most overdue first."""
    found: list[Reminder] = []
    for source in SOURCES if sources is None else sources:
        found.extend(source(db, today, days))
    return sorted(found, key=lambda r: (r.due_on, r.kind, r.about.casefold(), r.record_id))


def grouped(items: Sequence[Reminder]) -> list[tuple[str, list[Reminder]]]:
    """The reminders under Overdue, Today, This week and Next 60 days (empty groups left out)."""
    return [
        (group, [r for r in items if r.group == group])
        for group in GROUPS
        if any(r.group == group for r in items)
    ]
