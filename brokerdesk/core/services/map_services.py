"""The library services the coverage map draws: one shape per GSS code, members in colour."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.models import LibraryService


@dataclass(frozen=True)
class ServiceOnMap:
    """What the map and its table show of one library service."""

    id: int
    gss_code: str
    name: str
    region: str
    is_member: bool


class ServicesOnMap:
    """Reads the services the map shades, each question in its own short session."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[ServiceOnMap]:
        """Every library service, members and not (a non-member is drawn grey)."""
        with self.db.read() as session:
            rows = session.execute(
                select(
                    LibraryService.id,
                    LibraryService.gss_code,
                    LibraryService.nice_name,
                    LibraryService.region,
                    LibraryService.is_member,
                )
            ).all()
        return [
            ServiceOnMap(
                int(r.id), str(r.gss_code), str(r.nice_name), str(r.region), bool(r.is_member)
            )
            for r in rows
        ]

    def member_ids(self) -> list[int]:
        """The ids of the member services (only they are shaded by coverage)."""
        with self.db.read() as session:
            return [
                int(i)
                for i in session.scalars(
                    select(LibraryService.id).where(LibraryService.is_member.is_(True))
                )
            ]
