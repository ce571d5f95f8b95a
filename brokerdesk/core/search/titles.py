"""Titles and subtitles for search hits, read from the records themselves.

The index holds folded text only; what the user sees comes from the live rows, so a hit's
subtitle (a contact's organisation, a branch's service) is never stale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Executable, bindparam, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import BindParameter

from brokerdesk.core.models import (
    Agreement,
    Branch,
    Contact,
    Document,
    Grant,
    Interaction,
    LibraryService,
    OfferArea,
    Partner,
    Programme,
)
from brokerdesk.core.search.schema import ENTITIES, KEY_BASE
from brokerdesk.core.vocabulary import AGREEMENT_KIND_LABELS

Titles = dict[tuple[str, int], tuple[str, str]]


def _join(*parts: object) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, ""))


def titles(session: Session, keys: list[int]) -> Titles:
    """(title, subtitle) for each index key that still has a record."""
    ids: dict[str, list[int]] = defaultdict(list)
    for key in keys:
        code, record_id = divmod(key, KEY_BASE)
        ids[ENTITIES[code - 1].entity].append(record_id)
    found: Titles = {}
    conn = session.connection()
    for entity, wanted in ids.items():
        statement, describe = _READERS[entity]
        for row in conn.execute(statement, {"ids": wanted}):
            found[(entity, row[0])] = (row[1], describe(row))
    return found


# One statement per kind of record, built once: SQLAlchemy finds its compiled SQL in the
# cache, and it runs on the Connection (plain rows, no ORM layer). ``ids`` expands to the
# hits' ids. Each describer turns a row into the subtitle.
_IDS: BindParameter[int] = bindparam("ids", expanding=True)
_SERVICE = aliased(LibraryService)

_PARTNERS = select(
    Partner.id, Partner.name, Partner.partner_type, Partner.status, Partner.owner
).where(Partner.id.in_(_IDS))

_CONTACTS = (
    select(Contact.id, Contact.full_name, Contact.role, Partner.name, LibraryService.nice_name)
    .outerjoin(Partner, Partner.id == Contact.partner_id)
    .outerjoin(LibraryService, LibraryService.id == Contact.service_id)
    .where(Contact.id.in_(_IDS))
)

_SERVICES = select(
    LibraryService.id,
    LibraryService.nice_name,
    LibraryService.gss_code,
    LibraryService.region,
    LibraryService.nation,
).where(LibraryService.id.in_(_IDS))

_BRANCHES = (
    select(Branch.id, Branch.name, Branch.postcode, LibraryService.nice_name)
    .join(LibraryService, LibraryService.id == Branch.service_id)
    .where(Branch.id.in_(_IDS))
)

_PROGRAMMES = (
    select(Programme.id, Programme.name, Programme.status, OfferArea.name)
    .join(OfferArea, OfferArea.id == Programme.offer_area_id)
    .where(Programme.id.in_(_IDS))
)

_INTERACTIONS = (
    select(
        Interaction.id,
        Interaction.subject,
        Interaction.occurred_on,
        Interaction.kind,
        Partner.name,
        _SERVICE.nice_name,
    )
    .outerjoin(Partner, Partner.id == Interaction.partner_id)
    .outerjoin(_SERVICE, _SERVICE.id == Interaction.service_id)
    .where(Interaction.id.in_(_IDS))
)

_DOCUMENT_SERVICE = aliased(LibraryService)
_DOCUMENT_PROGRAMME = aliased(Programme)
_DOCUMENTS = (
    select(
        Document.id,
        Document.name,
        Document.media_type,
        Partner.name,
        _DOCUMENT_PROGRAMME.name,
        Agreement.title,
        _DOCUMENT_SERVICE.nice_name,
        Interaction.subject,
    )
    .outerjoin(Partner, Partner.id == Document.partner_id)
    .outerjoin(_DOCUMENT_PROGRAMME, _DOCUMENT_PROGRAMME.id == Document.programme_id)
    .outerjoin(Agreement, Agreement.id == Document.agreement_id)
    .outerjoin(_DOCUMENT_SERVICE, _DOCUMENT_SERVICE.id == Document.service_id)
    .outerjoin(Interaction, Interaction.id == Document.interaction_id)
    .where(Document.id.in_(_IDS))
)
_GRANTS = (
    select(Grant.id, Grant.title, Grant.status, Partner.name)
    .join(Partner, Partner.id == Grant.partner_id)
    .where(Grant.id.in_(_IDS))
)

_AGREEMENTS = (
    select(Agreement.id, Agreement.title, Agreement.kind, Partner.name)
    .join(Partner, Partner.id == Agreement.partner_id)
    .where(Agreement.id.in_(_IDS))
)

_READERS: dict[str, tuple[Executable, Callable[[Sequence[Any]], str]]] = {
    "partner": (_PARTNERS, lambda r: _join(r[2].replace("_", " "), r[3], r[4])),
    "contact": (_CONTACTS, lambda r: _join(r[2], r[3] or r[4])),
    "library_service": (_SERVICES, lambda r: _join(r[2], r[3] if r[3] != r[4] else None, r[4])),
    "branch": (_BRANCHES, lambda r: _join(r[2], r[3])),
    "programme": (_PROGRAMMES, lambda r: _join(r[2], r[3])),
    "interaction": (_INTERACTIONS, lambda r: _join(r[2].isoformat(), r[3], r[4] or r[5])),
    "document": (_DOCUMENTS, lambda r: _join(r[3] or r[4] or r[5] or r[6] or r[7], r[2])),
    "funding_grant": (_GRANTS, lambda r: _join(r[2], r[3])),
    "agreement": (_AGREEMENTS, lambda r: _join(AGREEMENT_KIND_LABELS.get(r[2], r[2]), r[3])),
}
