"""What a contact's page and an interaction's page show, each read in one session.

The pages link to the partner, library service, programme and contact a record points at;
the names of those come with the record, so the page asks once instead of once per link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core.db import Database
from brokerdesk.core.models import Contact, Interaction, LibraryService, Partner, Programme
from brokerdesk.core.services.people import ContactService, InteractionService

Row = dict[str, Any]

# Reference field, the kind of record it opens, and the column that names that record.
_LINKS: tuple[tuple[str, str, Any], ...] = (
    ("partner_id", "partner", Partner),
    ("service_id", "library_service", LibraryService),
    ("programme_id", "programme", Programme),
    ("contact_id", "contact", Contact),
)
_NAME = {Partner: "name", LibraryService: "nice_name", Programme: "name", Contact: "full_name"}


@dataclass
class PersonPage:
    """A contact or interaction as its page shows it.

    Attributes:
        values: the record's fields (as its service's ``get`` returns them).
        links: the records it points at: ``entity``, ``id`` and ``name`` each.
        interactions: a contact's 50 latest interactions, newest first (none for an interaction).
    """

    values: Row
    links: list[Row]
    interactions: list[Row] = field(default_factory=list)


def _links(session: Session, values: Row) -> list[Row]:
    rows = []
    for key, entity, model in _LINKS:
        ref = values.get(key)
        if ref is not None:
            name = session.scalar(select(getattr(model, _NAME[model])).where(model.id == ref))
            rows.append({"entity": entity, "id": ref, "name": name})
    return rows


class PeoplePages:
    """Reads the contact and interaction pages (NotFoundError when the record has gone)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.contacts = ContactService(db)
        self.interactions = InteractionService(db)

    def contact(self, contact_id: int) -> PersonPage:
        """A contact, what it links to, and its latest interactions."""
        with self.db.read() as session:
            values = self.contacts.values_of(session, self.contacts.load(session, contact_id))
            interactions = [
                {
                    "id": i.id,
                    "occurred_on": i.occurred_on,
                    "kind": i.kind,
                    "subject": i.subject,
                    "by_whom": i.by_whom,
                    "follow_up_on": i.follow_up_on,
                }
                for i in session.scalars(
                    select(Interaction)
                    .where(Interaction.contact_id == contact_id)
                    .order_by(Interaction.occurred_on.desc())
                    .limit(50)
                )
            ]
            return PersonPage(values, _links(session, values), interactions)

    def interaction(self, interaction_id: int) -> PersonPage:
        """An interaction and what it links to."""
        with self.db.read() as session:
            obj = self.interactions.load(session, interaction_id)
            values = self.interactions.values_of(session, obj)
            return PersonPage(values, _links(session, values))
