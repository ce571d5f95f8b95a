"""Core services: every user action, in one transaction each, with no Qt.

``Services`` bundles them for the application context, the command line and tests.
"""

from __future__ import annotations

from brokerdesk.core.db import Database
from brokerdesk.core.services.library_services import LibraryServiceService, OfferAreaService
from brokerdesk.core.services.overview import OverviewService
from brokerdesk.core.services.partners import AgreementService, PartnerService
from brokerdesk.core.services.people import ContactService, InteractionService
from brokerdesk.core.services.programmes import (
    ParticipationService,
    ProgrammePartnerService,
    ProgrammeService,
)
from brokerdesk.core.services.records import Change, RecordService


class Services:
    """One instance of each service over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.partners = PartnerService(db)
        self.agreements = AgreementService(db)
        self.contacts = ContactService(db)
        self.interactions = InteractionService(db)
        self.programmes = ProgrammeService(db)
        self.programme_partners = ProgrammePartnerService(db)
        self.participations = ParticipationService(db)
        self.library_services = LibraryServiceService(db)
        self.offer_areas = OfferAreaService(db)
        self.overview = OverviewService(db)

    def for_entity(self, entity: str) -> RecordService:  # type: ignore[type-arg]
        """The service that owns a table (undo and the Trash restore through it)."""
        by_table: dict[str, RecordService] = {  # type: ignore[type-arg]
            s.table: s
            for s in (
                self.partners,
                self.agreements,
                self.contacts,
                self.interactions,
                self.programmes,
                self.programme_partners,
                self.participations,
                self.library_services,
                self.offer_areas,
            )
        }
        return by_table[entity]


__all__ = ["Change", "Services"]
