"""Grants: money a funder gives towards programmes, and the deliverables it asks for.

A grant belongs to its funder (a partner; deleting the partner takes its grants to the Trash
with it), funds any number of programmes, and carries deliverables (reports, milestones,
payments) with a due date and, once handed in, a done date. Today, ``brokerdesk reminders``
and the calendar read the open deliverables (``core.reminders``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brokerdesk.core import money
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.kinds import KINDS
from brokerdesk.core.lists import Column, Filter, RecordList
from brokerdesk.core.models import Deliverable, Grant, Partner, Programme
from brokerdesk.core.services.fields import Field, check_date_order
from brokerdesk.core.services.records import RecordService

GRANT_STATUS_LABELS = {
    "applied": "Applied",
    "awarded": "Awarded",
    "declined": "Declined",
    "closed": "Closed",
}
DELIVERABLE_KIND_LABELS = {
    "report": "Report",
    "milestone": "Milestone",
    "payment": "Payment",
    "other": "Other",
}

Row = dict[str, Any]


class GrantService(RecordService[Grant]):
    model = Grant
    label = "grant"
    fields = (
        Field("title", "Title", required=True, max_length=200),
        Field("partner_id", "Funder", "int", required=True),
        Field("status", "Status", "choice", required=True, choices=GRANT_STATUS_LABELS),
        Field("amount", "Amount", "decimal", minimum=0, currency_field="currency"),
        Field("currency", "Currency", "choice", required=True, choices=money.CURRENCY_LABELS),
        Field("applied_on", "Applied on", "date"),
        Field("awarded_on", "Awarded on", "date"),
        Field("start_date", "Starts", "date"),
        Field("end_date", "Ends", "date"),
        Field("owner", "Owner", max_length=120),
        Field("notes", "Notes", "longtext"),
    )
    defaults: ClassVar[Mapping[str, Any]] = {"status": "applied", "currency": "GBP"}
    extra_fields: ClassVar[frozenset[str]] = frozenset({"programme_ids"})

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        check_date_order(values)
        if session.get(Partner, values["partner_id"]) is None:
            raise ValidationError({"partner_id": "Choose a funder that exists."})

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        if "programme_ids" in extra:
            ids = set(extra["programme_ids"] or [])
            found = list(session.scalars(select(Programme).where(Programme.id.in_(ids))))
            if len(found) != len(ids):
                raise ValidationError({"programme_ids": "A programme no longer exists."})
            obj.programmes = sorted(found, key=lambda p: p.name.casefold())

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        return {"programme_ids": [p.id for p in obj.programmes]}


class DeliverableService(RecordService[Deliverable]):
    model = Deliverable
    label = "deliverable"
    fields = (
        Field("grant_id", "Grant", "int", required=True),
        Field("title", "Title", required=True, max_length=200),
        Field("kind", "Kind", "choice", required=True, choices=DELIVERABLE_KIND_LABELS),
        Field("due_on", "Due on", "date"),
        Field("done_on", "Done on", "date"),
        Field("notes", "Notes", "longtext"),
    )
    defaults: ClassVar[Mapping[str, Any]] = {"kind": "report"}

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        if session.get(Grant, values["grant_id"]) is None:
            raise ValidationError({"grant_id": "Choose a grant that exists."})


@dataclass
class GrantOverview:
    """A grant with its funder's name, the programmes it funds and its deliverables."""

    grant: Row
    funder: str
    programmes: list[Row]
    deliverables: list[Row]


def deliverable_state(due: dt.date | None, done: dt.date | None, today: dt.date) -> str:
    """ "done", "overdue", "due" (today or within a week), "later" or "no date"."""
    if done is not None:
        return "done"
    if due is None:
        return "no date"
    if due < today:
        return "overdue"
    return "due" if (due - today).days <= 7 else "later"


def _deliverable_rows(session: Session, grant_ids: list[int], today: dt.date) -> list[Row]:
    query = (
        select(Deliverable, Grant.title)
        .join(Grant, Grant.id == Deliverable.grant_id)
        .where(Deliverable.grant_id.in_(grant_ids))
        .order_by(Deliverable.done_on.is_not(None), Deliverable.due_on, Deliverable.id)
    )
    return [
        {
            "id": d.id,
            "grant_id": d.grant_id,
            "grant": grant_title,
            "title": d.title,
            "kind": d.kind,
            "due_on": d.due_on,
            "done_on": d.done_on,
            "state": deliverable_state(d.due_on, d.done_on, today),
            "notes": d.notes,
        }
        for d, grant_title in session.execute(query)
    ]


def grant_overview(db: Database, grant_id: int, today: dt.date) -> GrantOverview:
    """Everything the grant's page shows, in one read.

    Raises:
        NotFoundError: the grant no longer exists.
    """
    with db.read() as session:
        grant = session.get(Grant, grant_id)
        if grant is None:
            raise NotFoundError(f"The grant #{grant_id} no longer exists.")
        row = {c.key: getattr(grant, c.key) for c in Grant.__table__.columns}
        return GrantOverview(
            grant=row,
            funder=grant.partner.name,
            programmes=[{"id": p.id, "name": p.name, "status": p.status} for p in grant.programmes],
            deliverables=_deliverable_rows(session, [grant_id], today),
        )


def funder_grants(db: Database, partner_id: int, today: dt.date) -> tuple[list[Row], list[Row]]:
    """A funder's grants (newest first) and their deliverables not yet done, soonest first."""
    with db.read() as session:
        found = list(
            session.scalars(
                select(Grant)
                .where(Grant.partner_id == partner_id)
                .order_by(Grant.start_date.desc(), Grant.title)
            )
        )
        grants: list[Row] = [
            {
                "id": g.id,
                "title": g.title,
                "status": g.status,
                "amount": None if g.amount is None else money.Money(g.amount, g.currency),
                "start_date": g.start_date,
                "end_date": g.end_date,
            }
            for g in found
        ]
        due = [
            d
            for d in _deliverable_rows(session, [g.id for g in found], today)
            if d["state"] != "done"
        ]
    return grants, due


def grant_list() -> RecordList:
    funder = Partner.name
    open_deliverables = (
        select(func.count(Deliverable.id))
        .where(Deliverable.grant_id == Grant.id, Deliverable.done_on.is_(None))
        .correlate(Grant)
        .scalar_subquery()
    )
    next_due = (
        select(func.min(Deliverable.due_on))
        .where(Deliverable.grant_id == Grant.id, Deliverable.done_on.is_(None))
        .correlate(Grant)
        .scalar_subquery()
    )
    return RecordList(
        entity="funding_grant",
        title=KINDS["funding_grant"].title,
        id_column=Grant.id,
        columns=(
            Column("title", "Title", Grant.title),
            Column("funder", "Funder", funder),
            Column("status", "Status", Grant.status, "choice", GRANT_STATUS_LABELS),
            Column("amount", "Amount", Grant.amount, "money", currency=Grant.currency),
            Column("currency", "Currency", Grant.currency, shown=False),
            Column("start_date", "Starts", Grant.start_date, "date"),
            Column("end_date", "Ends", Grant.end_date, "date"),
            Column("next_due", "Next deliverable due", next_due, "date"),
            Column("open_deliverables", "Deliverables to do", open_deliverables, "int"),
            Column("owner", "Owner", Grant.owner, shown=False),
        ),
        filters=(
            Filter(
                "status",
                "Status",
                "choice",
                lambda _s: list(GRANT_STATUS_LABELS.items()),
                lambda value: Grant.status == value,
            ),
            Filter(
                "partner_id",
                "Funder",
                "choice",
                _funder_options,
                lambda value: Grant.partner_id == value,
            ),
        ),
        source=lambda: select(Grant.id).join(Partner, Partner.id == Grant.partner_id),
        default_sort="title",
    )


def _funder_options(session: Session) -> list[tuple[Any, str]]:
    query = (
        select(Partner.id, Partner.name)
        .where(Partner.id.in_(select(Grant.partner_id)))
        .order_by(Partner.name)
    )
    return [(pid, name) for pid, name in session.execute(query)]
