"""Named leads: who at a library service leads each offer area, and where nobody is named.

A programme in, say, Reading is delivered through each taking-part service's Reading lead; a
service with no named lead for that offer area is a gap the team must fill before the
programme can run well there. :meth:`NamedLeadService.gaps` lists the services of live
programmes (every stage but withdrawn) without a named lead for the programme's offer area;
the dashboard counts them by offer area and region, and the data-quality checks list them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from brokerdesk.core import audit
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.models import (
    Contact,
    LibraryService,
    OfferArea,
    Participation,
    Programme,
    ServiceLead,
)
from brokerdesk.core.services.records import Change

LIVE = "live"
NOT_TAKING_PART = ("withdrawn",)


@dataclass(frozen=True)
class NamedLead:
    """One offer area at a service, and its named lead (None when nobody is named)."""

    offer_area_id: int
    offer_area: str
    contact_id: int | None
    contact: str | None
    email: str | None


@dataclass(frozen=True)
class LeadGap:
    """A service taking part in live programmes of an offer area with no named lead for it."""

    service_id: int
    service: str
    region: str
    nation: str
    offer_area_id: int
    offer_area: str
    programmes: tuple[str, ...]


class NamedLeadService:
    """Read and set named leads; find the services of live programmes without one."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def for_service(self, service_id: int) -> list[NamedLead]:
        """Every offer area, in the team's order, with the service's lead for it (or none)."""
        with self.db.read() as session:
            rows = session.execute(
                select(OfferArea.id, OfferArea.name, Contact.id, Contact.full_name, Contact.email)
                .outerjoin(
                    ServiceLead,
                    and_(
                        ServiceLead.offer_area_id == OfferArea.id,
                        ServiceLead.service_id == service_id,
                    ),
                )
                .outerjoin(Contact, Contact.id == ServiceLead.contact_id)
                .order_by(OfferArea.sort_order, OfferArea.id)
            ).all()
        return [NamedLead(*row) for row in rows]

    def candidates(self, service_id: int) -> list[tuple[int, str]]:
        """The people who can be named: the service's own contacts, by name."""
        with self.db.read() as session:
            return [
                (cid, name)
                for cid, name in session.execute(
                    select(Contact.id, Contact.full_name)
                    .where(Contact.service_id == service_id)
                    .order_by(Contact.full_name, Contact.id)
                )
            ]

    def set_lead(self, service_id: int, offer_area_id: int, contact_id: int | None) -> Change:
        """Name ``contact_id`` (None: nobody) as the service's lead for the offer area.

        The change is in the service's history ("Named lead (Reading)": old → new); its
        ``before``/``after`` hold the contact ids, so undo sets the old one back.

        Raises:
            ValidationError: the contact works somewhere else.
            NotFoundError: the service, offer area or contact no longer exists.
        """
        key = f"named_lead:{offer_area_id}"
        with self.db.write() as session:
            service = session.get(LibraryService, service_id)
            area = session.get(OfferArea, offer_area_id)
            if service is None or area is None:
                raise NotFoundError("The library service or offer area no longer exists.")
            current = session.scalar(
                select(ServiceLead).where(
                    ServiceLead.service_id == service_id,
                    ServiceLead.offer_area_id == offer_area_id,
                )
            )
            before = current.contact_id if current is not None else None
            if before == contact_id:
                return Change("library_service", "update", (service_id,), {}, {})
            new_name = _person(session, contact_id, service_id) if contact_id else None
            old_name = _name_of(session, before)
            if current is not None and contact_id is None:
                session.execute(delete(ServiceLead).where(ServiceLead.id == current.id))
            elif current is not None:
                current.contact_id = contact_id  # type: ignore[assignment]
            else:
                session.add(
                    ServiceLead(
                        service_id=service_id, offer_area_id=offer_area_id, contact_id=contact_id
                    )
                )
            audit.record(
                session,
                "update",
                "library_service",
                service.nice_name,
                service_id,
                {f"Named lead ({area.name})": [old_name, new_name]},
            )
        return Change(
            "library_service",
            "update",
            (service_id,),
            {key: before},
            {key: contact_id},
            touched=frozenset({"service_lead"}),
        )

    def gaps(self) -> list[LeadGap]:
        """Services of live programmes with no named lead for the programme's offer area,
        by offer area, region and name."""
        with self.db.read() as session:
            rows = session.execute(
                select(
                    LibraryService.id,
                    LibraryService.nice_name,
                    LibraryService.region,
                    LibraryService.nation,
                    OfferArea.id,
                    OfferArea.name,
                    Programme.name,
                )
                .join(Participation, Participation.service_id == LibraryService.id)
                .join(Programme, Programme.id == Participation.programme_id)
                .join(OfferArea, OfferArea.id == Programme.offer_area_id)
                .outerjoin(
                    ServiceLead,
                    and_(
                        ServiceLead.service_id == LibraryService.id,
                        ServiceLead.offer_area_id == Programme.offer_area_id,
                    ),
                )
                .where(
                    Programme.status == LIVE,
                    Participation.stage.not_in(NOT_TAKING_PART),
                    ServiceLead.id.is_(None),
                )
                .order_by(OfferArea.sort_order, LibraryService.region, LibraryService.nice_name)
            ).all()
        grouped: dict[tuple[int, int], list[str]] = {}
        first: dict[tuple[int, int], tuple[str, str, str, str]] = {}
        for sid, service, region, nation, area_id, area, programme in rows:
            key = (area_id, sid)
            grouped.setdefault(key, [])
            if programme not in grouped[key]:
                grouped[key].append(programme)
            first.setdefault(key, (service, region, nation, area))
        return [
            LeadGap(sid, *first[(aid, sid)][:3], aid, first[(aid, sid)][3], tuple(sorted(progs)))
            for (aid, sid), progs in grouped.items()
        ]

    def gap_counts(self) -> Counter[tuple[str, str]]:
        """How many services lack a named lead, by (offer area, region)."""
        return Counter((gap.offer_area, gap.region) for gap in self.gaps())


def _person(session: Session, contact_id: int, service_id: int) -> str:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFoundError("That contact no longer exists.")
    if contact.service_id != service_id:
        raise ValidationError(
            {"contact_id": f"{contact.full_name} is not a contact at this library service."}
        )
    return contact.full_name


def _name_of(session: Session, contact_id: int | None) -> str | None:
    if contact_id is None:
        return None
    return session.scalar(select(Contact.full_name).where(Contact.id == contact_id))
