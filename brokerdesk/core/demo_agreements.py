"""The demo's agreements as a team keeps them: kinds, owners, values (every sixth in euros,
as a European partner's would be), notice dates, parties.

:mod:`brokerdesk.core.demo` writes each partner's agreements with their dates (one renewal
overdue, some due within 90 days, one lapsed); this fills in the rest without drawing on the
build's random source, so the demo's other records stay exactly as they were.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from brokerdesk.core.models import (
    Agreement,
    AgreementLibraryService,
    AgreementProgramme,
    Participation,
    Partner,
    ProgrammePartner,
)

KINDS = ("mou", "data_sharing", "contract", "licence", "letter_of_intent")
NOTICE_DAYS = 30  # the last day to give notice: a month before the end (renewal: two)


def enrich(session: Session, today: dt.date) -> None:
    """Kinds, owners, values and notice dates; ended agreements ended; programme and
    library service parties for the running ones."""
    rows = session.execute(
        select(
            Agreement.id,
            Agreement.title,
            Agreement.start_date,
            Agreement.end_date,
            Partner.id,
            Partner.owner,
            Partner.status,
        )
        .join(Partner, Partner.id == Agreement.partner_id)
        .order_by(Agreement.id)
    ).all()
    for n, (aid, title, start, end, pid, owner, partner_status) in enumerate(rows):
        values: dict[str, object] = {
            "kind": KINDS[n % len(KINDS)],
            "owner": owner,
            "value": Decimal(5000 + 2500 * (n % 7)),
            "currency": "EUR" if n % 6 == 5 else "GBP",
        }
        if start and end and (end - start).days > NOTICE_DAYS * 3:
            values["notice_date"] = end - dt.timedelta(days=NOTICE_DAYS)
        if title == "Pilot agreement":
            values |= {"status": "ended", "end_reason": "Pilot completed; replaced by the "
                       "partnership agreement."}  # fmt: skip
        elif partner_status == "ended":
            values |= {"status": "ended", "end_reason": "The partnership ended."}
        session.execute(update(Agreement).where(Agreement.id == aid).values(**values))
        if "status" not in values:
            _parties(session, aid, pid, n)


def _parties(session: Session, agreement_id: int, partner_id: int, n: int) -> None:
    """The programme the partner leads (if any) is a party; every third agreement is a
    data-sharing one with three of that programme's library services as well."""
    programme_id = session.scalar(
        select(ProgrammePartner.programme_id)
        .where(ProgrammePartner.partner_id == partner_id, ProgrammePartner.role == "lead")
        .order_by(ProgrammePartner.programme_id)
        .limit(1)
    )
    if programme_id is None:
        return
    session.execute(
        insert(AgreementProgramme), [{"agreement_id": agreement_id, "programme_id": programme_id}]
    )
    if n % 3:
        return
    services = session.scalars(
        select(Participation.service_id)
        .where(Participation.programme_id == programme_id, Participation.service_id.is_not(None))
        .order_by(Participation.service_id)
        .limit(3)
    ).all()
    if services:
        session.execute(
            insert(AgreementLibraryService),
            [{"agreement_id": agreement_id, "service_id": sid} for sid in services],
        )
