"""What a choice list offers: partners, programmes, library services, offer areas and more.

Forms, filters, the map and the suggestions all offer "pick one of these records". The
queries live here once, so a list of programmes is ordered the same way wherever it appears.
The ``*_choices(session)`` functions serve callers that already hold a session (the record
lists' filter options); :class:`ReferenceChoices` opens its own for the windows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from brokerdesk.core.db import Database
from brokerdesk.core.models import (
    Branch,
    Contact,
    Grant,
    LibraryService,
    OfferArea,
    Partner,
    Programme,
    Series,
)

# Programme statuses worth choosing for new work: running, or about to.
LIVE_STATUSES = ("live", "negotiating")


class Choice(NamedTuple):
    """One record offered in a choice list: its id and the label the user reads."""

    id: int
    label: str


def _choices(session: Session, query: Select[int, str]) -> list[Choice]:
    return [Choice(int(i), str(label)) for i, label in session.execute(query)]


def partner_choices(session: Session) -> list[Choice]:
    """Every partner, by name."""
    return _choices(session, select(Partner.id, Partner.name).order_by(Partner.name))


def programme_choices(session: Session) -> list[Choice]:
    """Every programme, by name."""
    return _choices(session, select(Programme.id, Programme.name).order_by(Programme.name))


def live_programme_choices(session: Session) -> list[Choice]:
    """Programmes that are live or being negotiated, by name."""
    return _choices(
        session,
        select(Programme.id, Programme.name)
        .where(Programme.status.in_(LIVE_STATUSES))
        .order_by(Programme.name),
    )


def service_choices(session: Session) -> list[Choice]:
    """Every library service, by its everyday name."""
    return _choices(
        session,
        select(LibraryService.id, LibraryService.nice_name).order_by(LibraryService.nice_name),
    )


def member_service_choices(session: Session) -> list[Choice]:
    """Library services that are members, by their everyday name."""
    return _choices(
        session,
        select(LibraryService.id, LibraryService.nice_name)
        .where(LibraryService.is_member.is_(True))
        .order_by(LibraryService.nice_name),
    )


def offer_area_choices(session: Session) -> list[Choice]:
    """The offer areas in their own order (the Offers, then the Promises)."""
    return _choices(session, select(OfferArea.id, OfferArea.name).order_by(OfferArea.sort_order))


def contact_choices(session: Session) -> list[Choice]:
    """Every contact, by name (people of the same name in the order they were added)."""
    return _choices(
        session, select(Contact.id, Contact.full_name).order_by(Contact.full_name, Contact.id)
    )


def branch_choices(session: Session) -> list[Choice]:
    """Every branch as "Branch (Library service)", so two Central Libraries are told apart."""
    rows = session.execute(
        select(Branch.id, Branch.name, LibraryService.nice_name)
        .join(LibraryService, LibraryService.id == Branch.service_id)
        .order_by(Branch.name, LibraryService.nice_name)
    ).all()
    return [Choice(int(bid), f"{name} ({service})") for bid, name, service in rows]


def series_choices(session: Session) -> list[Choice]:
    """Every series, by name."""
    return _choices(session, select(Series.id, Series.name).order_by(Series.name))


def grant_choices(session: Session) -> list[Choice]:
    """Every grant as "Title (Funder)"."""
    rows = session.execute(
        select(Grant.id, Grant.title, Partner.name)
        .join(Partner, Partner.id == Grant.partner_id)
        .order_by(Grant.title, Partner.name)
    ).all()
    return [Choice(int(gid), f"{title} ({funder})") for gid, title, funder in rows]


# What a form's reference field may point at, by the field's name.
FIELD_CHOICES: dict[str, Callable[[Session], list[Choice]]] = {
    "partner_id": partner_choices,
    "service_id": service_choices,
    "programme_id": programme_choices,
    "contact_id": contact_choices,
    "local_contact_id": contact_choices,
    "offer_area_id": offer_area_choices,
    "branch_id": branch_choices,
    "series_id": series_choices,
    "grant_id": grant_choices,
}


class ReferenceChoices:
    """The choice lists windows offer, each read in its own short session."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _read(self, source: Callable[[Session], list[Choice]]) -> list[Choice]:
        with self.db.read() as session:
            return source(session)

    def for_field(self, field_name: str) -> list[Choice]:
        """Every record a form's reference field may point at (KeyError for other fields)."""
        return self._read(FIELD_CHOICES[field_name])

    def live_programmes(self) -> list[Choice]:
        """Programmes that are live or being negotiated, by name."""
        return self._read(live_programme_choices)

    def member_services(self) -> list[Choice]:
        """Member library services, by name."""
        return self._read(member_service_choices)

    def offer_areas(self) -> list[Choice]:
        """The offer areas in their own order."""
        return self._read(offer_area_choices)


__all__ = [
    "FIELD_CHOICES",
    "LIVE_STATUSES",
    "Choice",
    "ReferenceChoices",
    "branch_choices",
    "contact_choices",
    "grant_choices",
    "live_programme_choices",
    "member_service_choices",
    "offer_area_choices",
    "partner_choices",
    "programme_choices",
    "service_choices",
]
