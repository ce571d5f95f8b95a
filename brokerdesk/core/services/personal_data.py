"""Personal data under UK GDPR: export everything held about a contact, or erase it.

An erasure removes the person from every table in one transaction: the contact record, the
links from interactions and participations (the interactions themselves are about partners
and services and stay), their Trash items, and the personal values in past audit events,
which are rewritten to ``[erased]``. The audit keeps a tombstone: an ``erase`` event that
says a contact was erased, by whom and when, without saying who they were.

Backups taken before the erasure still hold the data until thinning deletes them (at most a
year, see ``core.backup``); the privacy notice should say so.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select, update

from brokerdesk.core import audit
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.models import (
    AuditEvent,
    Contact,
    Interaction,
    LibraryService,
    Participation,
    Partner,
    Programme,
    TrashItem,
    utcnow,
)
from brokerdesk.core.services.records import Change
from brokerdesk.core.stored import json_value

ERASED = "[erased]"
PERSONAL_FIELDS = ("full_name", "role", "email", "phone", "notes")


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: json_value(getattr(obj, c.key)) for c in obj.__table__.columns}


def _count(session: Any, query: Any) -> int:
    return len(list(session.scalars(query)))


class PersonalDataService:
    """Subject-access exports and erasures for contacts."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def export_contact(self, contact_id: int) -> dict[str, Any]:
        """Everything held about a contact, as JSON-ready data (a subject access request)."""
        with self.db.read() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotFoundError(f"The contact #{contact_id} no longer exists.")
            record = _row(contact)
            if contact.partner_id is not None:
                record["partner"] = session.get(Partner, contact.partner_id).name  # type: ignore[union-attr]
            if contact.service_id is not None:
                service = session.get(LibraryService, contact.service_id)
                record["library_service"] = service.nice_name if service else None
            interactions = session.scalars(
                select(Interaction)
                .where(Interaction.contact_id == contact_id)
                .order_by(Interaction.occurred_on)
            ).all()
            participations = session.execute(
                select(Participation, Programme.name, LibraryService.nice_name)
                .join(Programme, Programme.id == Participation.programme_id)
                .join(LibraryService, LibraryService.id == Participation.service_id)
                .where(Participation.local_contact_id == contact_id)
            ).all()
            events = session.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity == "contact", AuditEvent.record_id == contact_id)
                .order_by(AuditEvent.id)
            ).all()
            return {
                "exported_at": utcnow().isoformat(),
                "contact": record,
                "interactions": [_row(i) for i in interactions],
                "participations": [
                    {**_row(p), "programme": name, "library_service": service}
                    for p, name, service in participations
                ],
                "audit_events": [
                    {**_row(e), "changes": json.loads(e.changes or "{}")} for e in events
                ],
            }

    def erase_contact(self, contact_id: int) -> Change:
        """Remove a contact's personal data everywhere, keeping an anonymous tombstone.

        Works on a contact in the Trash too: its snapshot holds the same personal data.
        """
        with self.db.write() as session:
            session.info["audit_disabled"] = True  # the tombstone below is the only record
            in_trash = list(
                session.scalars(
                    select(TrashItem.id).where(
                        TrashItem.entity == "contact", TrashItem.record_id == contact_id
                    )
                )
            )
            if session.get(Contact, contact_id) is None and not in_trash:
                raise NotFoundError(f"The contact #{contact_id} no longer exists.")
            interactions = _count(
                session, select(Interaction.id).where(Interaction.contact_id == contact_id)
            )
            session.execute(
                update(Interaction)
                .where(Interaction.contact_id == contact_id)
                .values(contact_id=None, version_id=Interaction.version_id + 1)
                .execution_options(synchronize_session=False)
            )
            participations = _count(
                session,
                select(Participation.id).where(Participation.local_contact_id == contact_id),
            )
            session.execute(
                update(Participation)
                .where(Participation.local_contact_id == contact_id)
                .values(local_contact_id=None, version_id=Participation.version_id + 1)
                .execution_options(synchronize_session=False)
            )
            session.execute(delete(Contact).where(Contact.id == contact_id))
            session.execute(
                delete(TrashItem).where(
                    TrashItem.entity == "contact", TrashItem.record_id == contact_id
                )
            )
            self._scrub_audit(session, contact_id)
            audit.record(
                session,
                "erase",
                "contact",
                "A contact's personal data was erased on request",
                contact_id,
                {"interactions_unlinked": interactions, "participations_unlinked": participations},
            )
        return Change(
            "contact",
            "delete",
            (contact_id,),
            touched=frozenset({"contact", "interaction", "participation", "trash_item"}),
        )

    def _scrub_audit(self, session: Any, contact_id: int) -> None:
        events = session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "contact", AuditEvent.record_id == contact_id
            )
        ).all()
        for event in events:
            changes = json.loads(event.changes or "{}")
            for name in PERSONAL_FIELDS:
                if name in changes and isinstance(changes[name], list):
                    changes[name] = [None if v is None else ERASED for v in changes[name]]
            event.changes = json.dumps(changes, ensure_ascii=False)
            event.summary = ERASED
        session.flush()
