"""The library services a programme could take on, for "Add library services…"."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.models import LibraryService, Participation, Programme


@dataclass(frozen=True)
class LinkableService:
    """One library service as the chooser lists it.

    Attributes:
        name: the everyday name (shown).
        official_name: the council's name, searched as well.
        linked: the service already takes part in the programme.
    """

    id: int
    name: str
    official_name: str
    gss_code: str
    nation: str
    region: str
    is_member: bool
    linked: bool


@dataclass(frozen=True)
class LinkableServices:
    """Every library service, by name, and the programme they would join."""

    programme_name: str | None
    services: list[LinkableService]


def linkable_services(db: Database, programme_id: int) -> LinkableServices:
    """Every library service and whether it already takes part in the programme (one read).

    ``programme_name`` is None when the programme no longer exists.
    """
    with db.read() as session:
        name = session.scalar(select(Programme.name).where(Programme.id == programme_id))
        linked = set(
            session.scalars(
                select(Participation.service_id).where(Participation.programme_id == programme_id)
            )
        )
        rows = session.execute(
            select(
                LibraryService.id,
                LibraryService.nice_name,
                LibraryService.name,
                LibraryService.gss_code,
                LibraryService.nation,
                LibraryService.region,
                LibraryService.is_member,
            ).order_by(LibraryService.nice_name)
        ).all()
    return LinkableServices(
        name,
        [
            LinkableService(
                id=r.id,
                name=r.nice_name,
                official_name=r.name,
                gss_code=r.gss_code,
                nation=r.nation,
                region=r.region,
                is_member=r.is_member,
                linked=r.id in linked,
            )
            for r in rows
        ],
    )
