"""Agreements with partners: made, edited, renewed term by term, ended; and the dates due.

An agreement belongs to one partner and may name programmes and library services as further
parties. Its stored status is draft, active or ended; "lapsed" is worked out (active, and its
end date has passed without a renewal), so it never needs a nightly job to become true.

Renewing keeps the term it replaces: the first renewal writes the original term too, so the
terms table is the agreement's whole history once it has been renewed at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from sqlalchemy import ColumnElement, and_, case, delete, or_, select
from sqlalchemy.orm import Session

from brokerdesk.core import audit, clock, money
from brokerdesk.core import vocabulary as v
from brokerdesk.core.errors import RefusedError, ValidationError
from brokerdesk.core.models import (
    Agreement,
    AgreementLibraryService,
    AgreementProgramme,
    AgreementTerm,
    LibraryService,
    Partner,
    Programme,
)
from brokerdesk.core.services.fields import Field, check_date_order, validate
from brokerdesk.core.services.records import Change, RecordService, integrity_message

# What a renewal asks for: the new term, and the dates that come with it.
RENEWAL_FIELDS = (
    Field("start_date", "New term starts", "date"),
    Field("end_date", "New term ends", "date", required=True),
    Field("value", "Value", "decimal"),
    Field("renewal_date", "Next renewal due", "date"),
    Field("notice_date", "Notice by", "date"),
)
END_FIELDS = (
    Field("end_date", "Ended on", "date", required=True),
    Field("end_reason", "Why it ended", max_length=300),
)
# The agreement's values a renewal replaces (and its undo puts back).
RENEWED = ("start_date", "end_date", "value", "renewal_date", "notice_date", "status")


def check_renewal_currency(typed: Any, currency: str) -> None:
    """A renewal's value is in the agreement's currency: "€5,000" on a pounds one is refused.

    Raises:
        ValidationError: on the value field, saying which currency the agreement is in.
    """
    if not isinstance(typed, str) or not typed.strip():
        return
    try:
        money.parse_amount(typed, currency)
    except money.AmountError as exc:
        raise ValidationError({"value": f"Value: {exc}"}) from None


def state_of(status: str, end_date: dt.date | None, today: dt.date) -> str:
    """The status a user reads: "lapsed" for an active agreement past its end date."""
    if status == "active" and end_date is not None and end_date < today:
        return "lapsed"
    return status


def state_expression(today: Any) -> ColumnElement[str]:
    """:func:`state_of` in SQL, for lists to show, sort and filter by."""
    lapsed = and_(Agreement.status == "active", Agreement.end_date < today)
    return case((lapsed, "lapsed"), else_=Agreement.status)


class AgreementService(RecordService[Agreement]):
    model = Agreement
    label = "agreement"
    fields = (
        Field("title", "Title", required=True, max_length=200),
        Field("kind", "Kind", "choice", required=True, choices=v.AGREEMENT_KIND_LABELS),
        Field("partner_id", "Partner", "int", required=True),
        Field("status", "Status", "choice", required=True, choices=v.AGREEMENT_STATUS_LABELS),
        Field("value", "Value", "decimal", currency_field="currency"),
        Field("currency", "Currency", "choice", choices=money.CURRENCY_LABELS),
        Field("start_date", "Starts", "date"),
        Field("end_date", "Ends", "date"),
        Field("renewal_date", "Renewal due", "date"),
        Field("notice_date", "Notice by", "date"),
        Field("owner", "Owner", max_length=120),
        Field("end_reason", "Why it ended", max_length=300),
        Field("notes", "Notes", "longtext"),
    )
    defaults: ClassVar[Mapping[str, Any]] = {"kind": "mou", "status": "active", "currency": "GBP"}
    extra_fields: ClassVar[frozenset[str]] = frozenset({"programme_ids", "service_ids"})

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        start = values.get("start_date")
        if values.get("status") == "ended" and start is not None:
            check_date_order(
                values, message=f"It cannot end before its current term starts ({start:%d %b %Y})."
            )
        check_date_order(values)
        if session.get(Partner, values["partner_id"]) is None:
            raise ValidationError({"partner_id": "Choose a partner that exists."})

    def apply_extra(self, session: Session, obj: Any, extra: Mapping[str, Any]) -> None:
        if not extra:
            return
        session.flush()  # a new agreement needs its id before its parties are linked
        for key, link, column, target in (
            ("programme_ids", AgreementProgramme, "programme_id", Programme),
            ("service_ids", AgreementLibraryService, "service_id", LibraryService),
        ):
            if key not in extra:
                continue
            ids = sorted({int(i) for i in extra[key] or []})
            found = set(session.scalars(select(target.id).where(target.id.in_(ids))))
            if found != set(ids):
                noun = "programme" if target is Programme else "library service"
                raise ValidationError({key: f"A {noun} chosen as a party no longer exists."})
            session.execute(delete(link).where(link.agreement_id == obj.id))
            for linked in ids:
                session.add(link(agreement_id=obj.id, **{column: linked}))

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        if obj.id is None:
            return {"programme_ids": [], "service_ids": []}
        return {
            "programme_ids": list(
                session.scalars(
                    select(AgreementProgramme.programme_id)
                    .where(AgreementProgramme.agreement_id == obj.id)
                    .order_by(AgreementProgramme.programme_id)
                )
            ),
            "service_ids": list(
                session.scalars(
                    select(AgreementLibraryService.service_id)
                    .where(AgreementLibraryService.agreement_id == obj.id)
                    .order_by(AgreementLibraryService.service_id)
                )
            ),
        }

    # ----------------------------------------------------------------- renewing and ending
    def renew(self, agreement_id: int, values: Mapping[str, Any]) -> Renewal:
        """Start a new term: the old one is kept in the terms, the agreement takes the new.

        Without a start date the new term starts the day after the old one ended.
        """
        cleaned = validate(RENEWAL_FIELDS, values)
        try:
            with self.db.write() as session:
                obj = self._load(session, agreement_id)
                if obj.status == "ended":
                    raise ValidationError(
                        {}, "An ended agreement cannot be renewed: make a new agreement."
                    )
                start = cleaned.get("start_date") or (
                    obj.end_date + dt.timedelta(days=1) if obj.end_date else clock.today()
                )
                check_date_order(
                    {"start_date": start, "end_date": cleaned["end_date"]},
                    message="The new term ends before it starts.",
                )
                before = {k: getattr(obj, k) for k in RENEWED}
                added = []
                had_terms = session.scalar(
                    select(AgreementTerm.id).where(AgreementTerm.agreement_id == obj.id).limit(1)
                )
                if had_terms is None:  # the first renewal keeps the original term too
                    added.append(
                        AgreementTerm(
                            agreement_id=obj.id,
                            start_date=obj.start_date,
                            end_date=obj.end_date,
                            value=obj.value,
                        )
                    )
                value = cleaned["value"] if "value" in values else obj.value
                check_renewal_currency(values.get("value"), obj.currency)
                added.append(
                    AgreementTerm(
                        agreement_id=obj.id,
                        start_date=start,
                        end_date=cleaned["end_date"],
                        value=value,
                        renewed_on=clock.today(),
                        renewed_by=session.info.get(audit.USER_KEY),
                    )
                )
                session.add_all(added)
                obj.start_date = start
                obj.end_date = cleaned["end_date"]
                obj.value = value
                obj.renewal_date = cleaned.get("renewal_date")
                obj.notice_date = cleaned.get("notice_date")
                obj.status = "active"
                session.flush()
                after = {k: getattr(obj, k) for k in RENEWED} | {"version_id": obj.version_id}
                term_ids = tuple(t.id for t in added)
        except RefusedError as exc:
            raise ValidationError({}, integrity_message(exc, self.label)) from exc
        change = Change(
            self.table,
            "update",
            (agreement_id,),
            before=before,
            after=after,
            touched=frozenset({"agreement_term"}),
        )
        return Renewal(change, term_ids)

    def undo_renewal(self, renewal: Renewal) -> Change:
        """Put the agreement back as it was before ``renewal`` and forget the terms it wrote."""
        agreement_id = renewal.change.id
        with self.db.write() as session:
            obj = self._load(session, agreement_id)
            session.execute(delete(AgreementTerm).where(AgreementTerm.id.in_(renewal.term_ids)))
            for key, value in renewal.change.before.items():
                setattr(obj, key, value)
            session.flush()
            version = obj.version_id
        return Change(
            self.table,
            "update",
            (agreement_id,),
            before=dict(renewal.change.after),
            after=dict(renewal.change.before) | {"version_id": version},
            touched=frozenset({"agreement_term"}),
        )

    def end_values(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """What ending an agreement saves (an ordinary, undoable update of it)."""
        cleaned = validate(END_FIELDS, values)
        return {"status": "ended", **cleaned}

    def end(self, agreement_id: int, values: Mapping[str, Any]) -> Change:
        """End the agreement on a date, for a reason."""
        return self.update(agreement_id, self.end_values(values))

    def terms(self, agreement_id: int) -> list[dict[str, Any]]:
        """The agreement's terms, first first (empty until it is first renewed)."""
        with self.db.read() as session:
            rows = session.execute(
                select(AgreementTerm)
                .where(AgreementTerm.agreement_id == agreement_id)
                .order_by(AgreementTerm.start_date, AgreementTerm.id)
            ).scalars()
            return [
                {
                    "id": t.id,
                    "start_date": t.start_date,
                    "end_date": t.end_date,
                    "value": t.value,
                    "renewed_on": t.renewed_on,
                    "renewed_by": t.renewed_by,
                }
                for t in rows
            ]

    def page(self, agreement_id: int) -> dict[str, Any]:
        """Everything the agreement's page shows: its values, state, parties and terms."""
        values = self.get(agreement_id)
        with self.db.read() as session:
            values["partner"] = session.scalar(
                select(Partner.name).where(Partner.id == values["partner_id"])
            )
            parties = [{"entity": "partner", "id": values["partner_id"], "name": values["partner"]}]
            parties += [
                {"entity": "programme", "id": pid, "name": name}
                for pid, name in session.execute(
                    select(Programme.id, Programme.name)
                    .where(Programme.id.in_(values["programme_ids"]))
                    .order_by(Programme.name)
                )
            ]
            parties += [
                {"entity": "library_service", "id": sid, "name": name}
                for sid, name in session.execute(
                    select(LibraryService.id, LibraryService.nice_name)
                    .where(LibraryService.id.in_(values["service_ids"]))
                    .order_by(LibraryService.nice_name)
                )
            ]
        today = clock.today()
        values["state"] = state_of(values["status"], values["end_date"], today)
        values["parties"] = parties
        values["terms"] = self.terms(agreement_id)
        values["due"] = [
            due_phrase(what, day, (day - today).days)
            for what, day in (
                ("renewal", values["renewal_date"]),
                ("notice", values["notice_date"]),
            )
            if day is not None and values["status"] != "ended"
        ]
        return values


@dataclass(frozen=True)
class Renewal:
    """A renewal done: the agreement's change, and the terms it wrote (for undo)."""

    change: Change
    term_ids: tuple[int, ...]


# --------------------------------------------------------------------------- dates due
DueWhat = Literal["renewal", "notice", "end"]
WHAT_LABELS: dict[str, str] = {"renewal": "Renewal", "notice": "Notice", "end": "Ends"}


@dataclass(frozen=True)
class AgreementDate:
    """A date of an agreement that is due or overdue.

    Attributes:
        what: "renewal" (renewal due), "notice" (last day to give notice) or "end".
        days: days from today to the date (negative: overdue by that many).
    """

    agreement_id: int
    title: str
    partner_id: int
    partner: str
    what: DueWhat
    date: dt.date
    days: int

    @property
    def overdue(self) -> bool:
        return self.days < 0

    @property
    def phrase(self) -> str:
        """ "Renewal overdue by 12 days", "Notice by 30 Jun 2026", "Ends in 3 days"."""
        return due_phrase(self.what, self.date, self.days)


def due_phrase(what: str, date: dt.date, days: int) -> str:
    """How a due date reads in a summary or a reminder."""
    if what == "notice":
        if days < 0:
            return f"Notice date passed {date:%d %b %Y}"
        return f"Notice by {date:%d %b %Y}"
    word = "Renewal" if what == "renewal" else "End"
    if days < 0:
        return f"{word} overdue by {_days(-days)}"
    if days == 0:
        return f"{word} due today"
    return f"{word} due in {_days(days)}"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n:,} days"


def agreement_dates_due(session: Session, today: dt.date, within_days: int) -> list[AgreementDate]:
    """Renewal, notice and end dates of agreements not ended, overdue or due within
    ``within_days`` of ``today``, soonest (most overdue) first.

    End and notice dates are due only ahead: past its end an agreement has lapsed, and past
    its notice date notice can no longer be given; either way its renewal date, if it has
    one, says what is overdue. A renewal date is due from the past too, until the agreement
    is renewed past it or ended.
    """
    until = today + dt.timedelta(days=within_days)
    query = (
        select(
            Agreement.id,
            Agreement.title,
            Partner.id,
            Partner.name,
            Agreement.renewal_date,
            Agreement.notice_date,
            Agreement.end_date,
        )
        .join(Partner, Partner.id == Agreement.partner_id)
        .where(
            Agreement.status != "ended",
            or_(
                Agreement.renewal_date <= until,
                Agreement.notice_date.between(today, until),
                Agreement.end_date.between(today, until),
            ),
        )
    )
    found: list[AgreementDate] = []
    for aid, title, pid, partner, renewal, notice, end in session.execute(query):
        dates: Sequence[tuple[DueWhat, dt.date | None]] = (
            ("renewal", renewal),
            ("notice", notice),
            ("end", end),
        )
        for what, day in dates:
            if day is None or day > until or (what != "renewal" and day < today):
                continue
            found.append(AgreementDate(aid, title, pid, partner, what, day, (day - today).days))
    return sorted(found, key=lambda d: (d.date, d.partner.casefold(), d.title.casefold(), d.what))


def agreement_due_text(agreement: Mapping[str, Any], today: dt.date, horizon: int = 180) -> str:
    """What is due on an agreement, in words, for a table row: its renewal (overdue, or due
    within ``horizon`` days) and the last day to give notice, while it runs."""
    if agreement.get("status") == "ended":
        return ""
    said = []
    for what in ("renewal", "notice"):
        day = agreement.get(f"{what}_date")
        if day is not None and (day - today).days <= horizon:
            said.append(due_phrase(what, day, (day - today).days))
    return "; ".join(said)
