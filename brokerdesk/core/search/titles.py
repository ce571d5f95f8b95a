"""Titles and subtitles for search hits, read from the records themselves.

The index holds folded text only; what the user sees comes from the live rows, so a hit's
subtitle (a contact's organisation, a branch's service) is never stale.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from brokerdesk.core.models import (
    Branch,
    Contact,
    Interaction,
    LibraryService,
    OfferArea,
    Partner,
    Programme,
)
from brokerdesk.core.search.schema import ENTITIES, KEY_BASE

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
    for entity, wanted in ids.items():
        for record_id, title, subtitle in _READERS[entity](session, wanted):
            found[(entity, record_id)] = (title, subtitle)
    return found


def _partners(session: Session, ids: list[int]) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(Partner.id, Partner.name, Partner.partner_type, Partner.status, Partner.owner).where(
            Partner.id.in_(ids)
        )
    )
    return [(r[0], r[1], _join(r[2].replace("_", " "), r[3], r[4])) for r in rows]


def _contacts(session: Session, ids: list[int]) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(Contact.id, Contact.full_name, Contact.role, Partner.name, LibraryService.nice_name)
        .outerjoin(Partner, Partner.id == Contact.partner_id)
        .outerjoin(LibraryService, LibraryService.id == Contact.service_id)
        .where(Contact.id.in_(ids))
    )
    return [(r[0], r[1], _join(r[2], r[3] or r[4])) for r in rows]


def _services(session: Session, ids: list[int]) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(
            LibraryService.id,
            LibraryService.nice_name,
            LibraryService.gss_code,
            LibraryService.region,
            LibraryService.nation,
        ).where(LibraryService.id.in_(ids))
    )
    return [(r[0], r[1], _join(r[2], r[3] if r[3] != r[4] else None, r[4])) for r in rows]


def _branches(session: Session, ids: list[int]) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(Branch.id, Branch.name, Branch.postcode, LibraryService.nice_name)
        .join(LibraryService, LibraryService.id == Branch.service_id)
        .where(Branch.id.in_(ids))
    )
    return [(r[0], r[1], _join(r[2], r[3])) for r in rows]


def _programmes(session: Session, ids: list[int]) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(Programme.id, Programme.name, Programme.status, OfferArea.name)
        .join(OfferArea, OfferArea.id == Programme.offer_area_id)
        .where(Programme.id.in_(ids))
    )
    return [(r[0], r[1], _join(r[2], r[3])) for r in rows]


def _interactions(session: Session, ids: list[int]) -> list[tuple[int, str, str]]:
    service = aliased(LibraryService)
    rows = session.execute(
        select(
            Interaction.id,
            Interaction.subject,
            Interaction.occurred_on,
            Interaction.kind,
            Partner.name,
            service.nice_name,
        )
        .outerjoin(Partner, Partner.id == Interaction.partner_id)
        .outerjoin(service, service.id == Interaction.service_id)
        .where(Interaction.id.in_(ids))
    )
    return [(r[0], r[1], _join(r[2].isoformat(), r[3], r[4] or r[5])) for r in rows]


_READERS = {
    "partner": _partners,
    "contact": _contacts,
    "library_service": _services,
    "branch": _branches,
    "programme": _programmes,
    "interaction": _interactions,
}
