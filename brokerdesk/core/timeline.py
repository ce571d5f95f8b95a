"""A record's whole timeline: its interactions, history, participations, agreements, grants
and documents.

A record page shows everything that happened with a partner, a programme, a library service
or a contact in one list, newest first, with a filter by kind and a search, and reads it a
page at a time so that five thousand interactions open as fast as five.

The timeline is built from a small registry of sources. A source is one function: given the
kind of record and its id, the SELECT of its entries for that record (or None when it has
nothing for that kind of record), with the five labelled columns :data:`COLUMNS` names.
Another part of the app adds a source (documents, grants) with :func:`register` and nothing
else. Each source is read in SQL newest first, filtered and searched there, and a page is
the merge of the sources' heads.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Select, false, func, literal, or_, select
from sqlalchemy.orm import Session

from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.models import (
    DOCUMENT_OWNERS,
    Agreement,
    AgreementLibraryService,
    AgreementProgramme,
    AuditEvent,
    Document,
    Grant,
    GrantProgramme,
    Interaction,
    LibraryService,
    Participation,
    Programme,
    ProgrammePartner,
)
from brokerdesk.core.search.terms import unsearchable
from brokerdesk.core.services.grants import GRANT_STATUS_LABELS

# The labelled columns every source's SELECT yields, in this order.
COLUMNS = ("happened", "title", "detail", "opens", "opens_id")
SourceQuery = Callable[[str, int], "Select[Any] | None"]


@dataclass(frozen=True)
class Source:
    """One kind of entry.

    Attributes:
        key: stable name ("interaction"), what the filter stores.
        label: what the filter and the Kind column say ("Interaction").
        query: the entries of a record, newest first when ordered by ``happened``.
        words: stored value of ``detail`` -> what the user reads (an interaction's kind).
    """

    key: str
    label: str
    query: SourceQuery
    words: dict[str, str] | None = None


@dataclass(frozen=True)
class Entry:
    """One line of a timeline; ``opens``/``opens_id`` is the record a double click opens."""

    kind: str
    label: str
    happened: dt.date
    title: str
    detail: str
    opens: str | None
    opens_id: int | None


SOURCES: dict[str, Source] = {}


def register(source: Source) -> Source:
    """Add a source to every timeline (after the ones already there)."""
    SOURCES[source.key] = source
    return source


def _columns(
    happened: Any, title: Any, detail: Any, opens: str | None, opens_id: Any
) -> tuple[Any, ...]:
    return (
        happened.label("happened"),
        title.label("title"),
        detail.label("detail"),
        literal(opens).label("opens"),
        opens_id.label("opens_id"),
    )


# --------------------------------------------------------------------------- the sources
_INTERACTION_ABOUT = {
    "partner": Interaction.partner_id,
    "library_service": Interaction.service_id,
    "programme": Interaction.programme_id,
    "contact": Interaction.contact_id,
}


def _interactions(entity: str, record_id: int) -> Select[Any] | None:
    about = _INTERACTION_ABOUT.get(entity)
    if about is None:
        return None
    return select(
        *_columns(
            Interaction.occurred_on,
            Interaction.subject,
            Interaction.kind,
            "interaction",
            Interaction.id,
        )
    ).where(about == record_id)


def _history(entity: str, record_id: int) -> Select[Any] | None:
    return select(
        *_columns(AuditEvent.at, AuditEvent.summary, AuditEvent.action, None, literal(None))
    ).where(AuditEvent.entity == entity, AuditEvent.record_id == record_id)


def _participations(entity: str, record_id: int) -> Select[Any] | None:
    # when it started, or else when it was recorded
    when = func.coalesce(Participation.start_date, func.date(Participation.created_at), type_=Date)
    if entity == "programme":
        query = select(
            *_columns(
                when,
                LibraryService.nice_name,
                Participation.stage,
                "library_service",
                LibraryService.id,
            )
        ).join(LibraryService, LibraryService.id == Participation.service_id)
        return query.where(Participation.programme_id == record_id)
    query = select(
        *_columns(
            when,
            Programme.name,
            Participation.stage,
            "programme",
            Programme.id,
        )
    ).join(Programme, Programme.id == Participation.programme_id)
    if entity == "library_service":
        return query.where(Participation.service_id == record_id)
    if entity == "contact":
        return query.where(Participation.local_contact_id == record_id)
    if entity == "partner":
        return query.where(
            Participation.programme_id.in_(
                select(ProgrammePartner.programme_id).where(
                    ProgrammePartner.partner_id == record_id
                )
            )
        )
    return None


def _agreements(entity: str, record_id: int) -> Select[Any] | None:
    query = select(
        *_columns(
            func.coalesce(Agreement.start_date, func.date(Agreement.created_at), type_=Date),
            Agreement.title,
            Agreement.kind,
            "agreement",
            Agreement.id,
        )
    )
    if entity == "partner":
        return query.where(Agreement.partner_id == record_id)
    if entity == "programme":
        return query.where(
            Agreement.id.in_(
                select(AgreementProgramme.agreement_id).where(
                    AgreementProgramme.programme_id == record_id
                )
            )
        )
    if entity == "library_service":
        return query.where(
            Agreement.id.in_(
                select(AgreementLibraryService.agreement_id).where(
                    AgreementLibraryService.service_id == record_id
                )
            )
        )
    return None


def _grants(entity: str, record_id: int) -> Select[Any] | None:
    """A funder's grants, or those funding a programme: on the day applied for (or awarded,
    or recorded)."""
    when = func.coalesce(
        Grant.applied_on, Grant.awarded_on, func.date(Grant.created_at), type_=Date
    )
    query = select(*_columns(when, Grant.title, Grant.status, "funding_grant", Grant.id))
    if entity == "partner":
        return query.where(Grant.partner_id == record_id)
    if entity == "programme":
        return query.where(
            Grant.id.in_(
                select(GrantProgramme.grant_id).where(GrantProgramme.programme_id == record_id)
            )
        )
    return None


def _documents(entity: str, record_id: int) -> Select[Any] | None:
    """Files kept with the record, on the day they were added."""
    column = DOCUMENT_OWNERS.get(entity)
    if column is None:
        return None
    return select(
        *_columns(
            func.date(Document.created_at, type_=Date),
            Document.name,
            Document.original_name,
            "document",
            Document.id,
        )
    ).where(getattr(Document, column) == record_id)


HISTORY_WORDS = {
    "create": "Created",
    "update": "Edited",
    "delete": "Deleted",
    "restore": "Restored",
    "merge": "Merged",
    "erase": "Erased",
    "import": "Imported",
}

register(Source("interaction", "Interaction", _interactions, v.INTERACTION_KIND_LABELS))
register(Source("history", "History", _history, HISTORY_WORDS))
register(Source("participation", "Participation", _participations, v.STAGE_LABELS))
register(Source("agreement", "Agreement", _agreements, v.AGREEMENT_KIND_LABELS))
register(Source("grant", "Grant", _grants, GRANT_STATUS_LABELS))
register(Source("document", "Document", _documents))


# --------------------------------------------------------------------------- reading
def kinds(entity: str) -> list[tuple[str, str]]:
    """(key, label) of the sources with entries for this kind of record, for the filter."""
    return [(s.key, s.label) for s in SOURCES.values() if s.query(entity, 0) is not None]


def _searched(query: Select[Any], search: str) -> Select[Any]:
    sub = query.subquery()
    found = select(*sub.c)
    if unsearchable(search):  # "...", "-" (in every date): nothing, as in every list
        return found.where(false())
    for word in search.lower().split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        found = found.where(
            or_(
                func.lower(sub.c.title).like(pattern, escape="\\"),
                func.lower(sub.c.detail).like(pattern, escape="\\"),
            )
        )
    return found


def _chosen(
    entity: str, record_id: int, kind: str | None, search: str
) -> Iterator[tuple[Source, Select[Any]]]:
    for source in SOURCES.values():
        if kind and source.key != kind:
            continue
        query = source.query(entity, record_id)
        if query is not None:
            yield source, _searched(query, search)


def count(
    session: Session, entity: str, record_id: int, kind: str | None = None, search: str = ""
) -> int:
    """How many entries the timeline has with this filter and search."""
    total = 0
    for _source, query in _chosen(entity, record_id, kind, search):
        total += int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    return total


def entries(
    session: Session,
    entity: str,
    record_id: int,
    *,
    kind: str | None = None,
    search: str = "",
    limit: int = 200,
    offset: int = 0,
) -> list[Entry]:
    """A page of the timeline, newest first: each source reads only its first
    ``offset + limit`` entries, in SQL order, and the page is their merge."""
    heads: list[Iterable[Entry]] = []
    for source, query in _chosen(entity, record_id, kind, search):
        sub = query.subquery()
        rows = session.execute(
            select(*sub.c)
            .order_by(sub.c.happened.desc(), sub.c.opens_id.desc())
            .limit(offset + limit)
        ).all()
        heads.append([_entry(source, row) for row in rows])
    merged = heapq.merge(*heads, key=_newest_first)
    return list(merged)[offset : offset + limit]


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.astimezone().date() if value.tzinfo else value.date()
    if isinstance(value, str):  # SQLite's DATE() of a timestamp
        return dt.date.fromisoformat(value[:10])
    assert isinstance(value, dt.date)
    return value


def _entry(source: Source, row: Any) -> Entry:
    detail = str(row.detail or "")
    return Entry(
        kind=source.key,
        label=source.label,
        happened=_day(row.happened),
        title=str(row.title or ""),
        detail=(source.words or {}).get(detail, detail),
        opens=row.opens,
        opens_id=row.opens_id,
    )


def _newest_first(entry: Entry) -> tuple[int, int]:
    return (-entry.happened.toordinal(), -(entry.opens_id or 0))


class TimelineReader:
    """The timeline of one record for a window: each call one short read."""

    def __init__(self, db: Database, entity: str, record_id: int) -> None:
        self.db = db
        self.entity = entity
        self.record_id = record_id

    def kinds(self) -> list[tuple[str, str]]:
        return kinds(self.entity)

    def count(self, kind: str | None = None, search: str = "") -> int:
        with self.db.read() as session:
            return count(session, self.entity, self.record_id, kind, search)

    def entries(
        self, kind: str | None = None, search: str = "", *, limit: int = 200, offset: int = 0
    ) -> list[Entry]:
        with self.db.read() as session:
            return entries(
                session,
                self.entity,
                self.record_id,
                kind=kind,
                search=search,
                limit=limit,
                offset=offset,
            )
