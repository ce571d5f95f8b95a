"""The Agreements list: every agreement with its partner, dates and state, filtered in SQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.kinds import KINDS
from brokerdesk.core.lists import Column, Filter, RecordList, _named, _today
from brokerdesk.core.models import (
    Agreement,
    AgreementLibraryService,
    AgreementProgramme,
    Partner,
)
from brokerdesk.core.services.agreements import state_expression


def _partners(session: Session) -> list[tuple[Any, str]]:
    query = (
        select(Partner.id, Partner.name)
        .where(Partner.id.in_(select(Agreement.partner_id)))
        .order_by(Partner.name)
    )
    return [(pid, name) for pid, name in session.execute(query)]


def _owners(session: Session) -> list[tuple[Any, str]]:
    owners = session.scalars(
        select(Agreement.owner)
        .where(Agreement.owner.is_not(None))
        .distinct()
        .order_by(Agreement.owner)
    )
    return [(o, o) for o in owners if o]


def _renewal_within(days: Any) -> ColumnElement[bool]:
    """Renewal due within N days from today (overdue ones too: they are due all the more)."""
    until = clock.today() + dt.timedelta(days=int(days))
    return and_(Agreement.status != "ended", Agreement.renewal_date <= until)


def _overdue(value: Any) -> ColumnElement[bool]:
    """Renewal or notice date passed, on an agreement not ended."""
    today = clock.today()
    late = and_(
        Agreement.status != "ended",
        or_(Agreement.renewal_date < today, Agreement.notice_date < today),
    )
    return late if value else ~late


def agreement_list() -> RecordList:
    state = state_expression(_today())
    return RecordList(
        entity="agreement",
        title=KINDS["agreement"].title,
        id_column=Agreement.id,
        columns=(
            Column("title", "Title", Agreement.title),
            Column("kind", "Kind", Agreement.kind, "choice", v.AGREEMENT_KIND_LABELS),
            Column("partner", "Partner", Partner.name),
            Column("status", "Status", state, "choice", v.AGREEMENT_STATE_LABELS),
            Column("start_date", "Starts", Agreement.start_date, "date"),
            Column("end_date", "Ends", Agreement.end_date, "date"),
            Column("renewal_date", "Renewal due", Agreement.renewal_date, "date"),
            Column("notice_date", "Notice by", Agreement.notice_date, "date"),
            Column("value", "Value", Agreement.value, "money", currency=Agreement.currency),
            Column("currency", "Currency", Agreement.currency, shown=False),
            Column("owner", "Owner", Agreement.owner),
        ),
        filters=(
            Filter(
                "kind",
                "Kind",
                "choice",
                lambda _s: list(v.AGREEMENT_KIND_LABELS.items()),
                lambda value: Agreement.kind == value,
            ),
            Filter(
                "status",
                "Status",
                "choice",
                lambda _s: list(v.AGREEMENT_STATE_LABELS.items()),
                lambda value: state_expression(clock.today()) == value,
            ),
            Filter(
                "partner_id",
                "Partner",
                "choice",
                _partners,
                lambda value: Agreement.partner_id == value,
            ),
            Filter("owner", "Owner", "choice", _owners, lambda value: Agreement.owner == value),
            Filter(
                "programme_id",
                "Programme",
                "choice",
                _programmes,
                lambda value: Agreement.id.in_(
                    select(AgreementProgramme.agreement_id).where(
                        AgreementProgramme.programme_id == value
                    )
                ),
            ),
            Filter(
                "service_id",
                "Library service",
                "choice",
                _services,
                lambda value: Agreement.id.in_(
                    select(AgreementLibraryService.agreement_id).where(
                        AgreementLibraryService.service_id == value
                    )
                ),
            ),
            Filter("renewal_within_days", "Renewal within (days)", "days", None, _renewal_within),
            Filter("overdue", "Renewal or notice overdue", "bool", None, _overdue),
        ),
        source=lambda: select(Agreement.id).join(Partner, Partner.id == Agreement.partner_id),
        # Besides title, owner and notes (the search index): the partner's name.
        also_matches=_partner_named,
        default_sort="end_date",
    )


def _partner_named(text: str) -> ColumnElement[bool]:
    """Agreements with a partner of that name (the interactions list's own rule)."""
    return Agreement.partner_id.in_(select(Partner.id).where(_named(Partner.name, text)))


def _programmes(session: Session) -> list[tuple[Any, str]]:
    from brokerdesk.core.models import Programme

    query = (
        select(Programme.id, Programme.name)
        .where(Programme.id.in_(select(AgreementProgramme.programme_id)))
        .order_by(Programme.name)
    )
    return [(pid, name) for pid, name in session.execute(query)]


def _services(session: Session) -> list[tuple[Any, str]]:
    from brokerdesk.core.models import LibraryService

    query = (
        select(LibraryService.id, LibraryService.nice_name)
        .where(LibraryService.id.in_(select(AgreementLibraryService.service_id)))
        .order_by(LibraryService.nice_name)
    )
    return [(sid, name) for sid, name in session.execute(query)]
