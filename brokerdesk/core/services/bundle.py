"""``Services``: one instance of every record service over one database.

The application context, the command line and the tests hold one. It lives apart from the
package's face so the services that restore a record of any kind (the Trash, the history's
field labels) can find its owner without going back through ``brokerdesk.core.services``,
which imports them.

The record services are made from the kinds registry (``core.kinds``): a new kind's service
is reached with ``for_entity(key)`` with no edit here. The kinds the code names directly keep
a typed attribute each (``services.partners``), the same instance ``for_entity`` returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from brokerdesk.core.kinds import KINDS, load
from brokerdesk.core.services.agreements import AgreementService
from brokerdesk.core.services.documents import DocumentService
from brokerdesk.core.services.field_settings import CustomFieldService
from brokerdesk.core.services.grants import DeliverableService, GrantService
from brokerdesk.core.services.library_services import LibraryServiceService, OfferAreaService
from brokerdesk.core.services.named_leads import NamedLeadService
from brokerdesk.core.services.overview import OverviewService
from brokerdesk.core.services.partners import PartnerService
from brokerdesk.core.services.people import ContactService, InteractionService
from brokerdesk.core.services.programmes import (
    ParticipationService,
    ProgrammePartnerService,
    ProgrammeService,
)
from brokerdesk.core.services.records import RecordService
from brokerdesk.core.services.series import SeriesService

if TYPE_CHECKING:
    from brokerdesk.core.db import Database

S = TypeVar("S", bound=RecordService[Any])


def service_class(entity: str) -> type[RecordService[Any]]:
    """The service class the registry names for a kind.

    Raises:
        KeyError: no registered kind of that name has a service.
        TypeError: the registration names something that is not a service of that table.
    """
    found = KINDS.get(entity)
    if found is None or found.service is None:
        raise KeyError(entity)
    made = load(found.service)
    if not (isinstance(made, type) and issubclass(made, RecordService)):
        raise TypeError(f"{found.service} (the service of {entity!r}) is not a RecordService")
    if made.model.__tablename__ != entity:
        raise TypeError(f"{found.service} serves {made.model.__tablename__!r}, not {entity!r}")
    return made


class Services:
    """One instance of each service over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._owners: dict[str, RecordService[Any]] = {
            key: service_class(key)(db) for key, found in KINDS.items() if found.service
        }
        self.partners = self._owner("partner", PartnerService)
        self.agreements = self._owner("agreement", AgreementService)
        self.contacts = self._owner("contact", ContactService)
        self.interactions = self._owner("interaction", InteractionService)
        self.programmes = self._owner("programme", ProgrammeService)
        self.programme_partners = self._owner("programme_partner", ProgrammePartnerService)
        self.participations = self._owner("participation", ParticipationService)
        self.library_services = self._owner("library_service", LibraryServiceService)
        self.offer_areas = self._owner("offer_area", OfferAreaService)
        self.documents = self._owner("document", DocumentService)
        self.series = self._owner("series", SeriesService)
        self.grants = self._owner("funding_grant", GrantService)
        self.deliverables = self._owner("deliverable", DeliverableService)
        self.overview = OverviewService(db)
        self.named_leads = NamedLeadService(db)
        self.custom_fields = CustomFieldService(db)

    def _owner(self, entity: str, expected: type[S]) -> S:
        service = self._owners[entity]
        if not isinstance(service, expected):
            raise TypeError(f"the registry's service of {entity!r} is not a {expected.__name__}")
        return service

    def for_entity(self, entity: str) -> RecordService[Any]:
        """The service that owns a table (undo and the Trash restore through it).

        Raises:
            KeyError: no registered kind of that name has a service.
        """
        found = self._owners.get(entity)
        if found is None:
            raise KeyError(entity)
        return found
