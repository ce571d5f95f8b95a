"""``Services``: one instance of every record service over one database.

The application context, the command line and the tests hold one. It lives apart from the
package's face so the services that restore a record of any kind (the Trash, the history's
field labels) can find its owner without going back through ``brokerdesk.core.services``,
which imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brokerdesk.core.kinds import KINDS
from brokerdesk.core.services.library_services import LibraryServiceService, OfferAreaService
from brokerdesk.core.services.overview import OverviewService
from brokerdesk.core.services.partners import AgreementService, PartnerService
from brokerdesk.core.services.people import ContactService, InteractionService
from brokerdesk.core.services.programmes import (
    ParticipationService,
    ProgrammePartnerService,
    ProgrammeService,
)
from brokerdesk.core.services.records import RecordService

if TYPE_CHECKING:
    from brokerdesk.core.db import Database


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
        """The service that owns a table (undo and the Trash restore through it).

        Raises:
            KeyError: no registered kind of that name has a service.
        """
        found = KINDS.get(entity)
        if found is None or found.service is None:
            raise KeyError(entity)
        service: RecordService = getattr(self, found.service)  # type: ignore[type-arg]
        return service
