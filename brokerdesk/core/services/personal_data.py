"""Personal data under UK GDPR: export everything held about a contact, or erase it.

An erasure removes the person from every table in one transaction: the contact record and
its values of the team's own fields, the links from interactions and participations (the
interactions themselves are about partners and services and stay), their Trash items, the
personal values in past audit events, which are rewritten to ``[erased]``, and their name
and address wherever e-mails logged as interactions hold them (``erasure_scrub``). The audit
keeps a tombstone: an ``erase`` event that says a contact was erased, by whom and when,
without saying who they were.

Backups taken before the erasure still hold the data until thinning deletes them (at most a
year, see ``core.backup``); the privacy notice should say so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update

import brokerdesk.core.services.erasure_notes as erasure_notes
import brokerdesk.core.services.erasure_scrub as erasure_scrub
from brokerdesk.core import audit
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.models import (
    AuditEvent,
    Contact,
    CustomField,
    CustomValue,
    Interaction,
    LibraryService,
    Participation,
    Partner,
    Programme,
    StaticList,
    StaticListMember,
    TrashItem,
    utcnow,
)
from brokerdesk.core.services.custom_values import is_custom_key
from brokerdesk.core.services.history import NOT_KEPT
from brokerdesk.core.services.records import Change
from brokerdesk.core.stored import json_value

ERASED = "[erased]"
PERSONAL_FIELDS = ("full_name", "role", "email", "phone", "notes")
# The kinds whose notes an erasure may rewrite (``erasure_notes``), for the change broadcast.
NOTED = frozenset(model.__tablename__ for model, _column in erasure_notes.NOTE_COLUMNS)


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: json_value(getattr(obj, c.key)) for c in obj.__table__.columns}


def _count(session: Any, query: Any) -> int:
    return len(list(session.scalars(query)))


@dataclass(frozen=True)
class ErasurePlan:
    """What erasing a contact will do, for the person who confirms it.

    Attributes:
        interactions_unlinked: interactions with them, which stay without the link.
        participations_unlinked: participations naming them as the local contact.
        interactions_scrubbed: interactions logged from e-mails whose subject, notes or
            "Logged by" name them or their address, rewritten to ``[erased]``.
        attachments_renamed: those e-mails' attachments whose file names name them, and any
            other document whose file name holds their address or a whole name.
        texts_scrubbed: documents whose text (what Ctrl+K searches) or note names them.
        notes_scrubbed: other records (partners, programmes, participations…) whose notes or
            own fields' text hold their address or whole name.
        emails_in_trash: items in the Trash holding an e-mail that names them.
    """

    contact_id: int
    name: str
    interactions_unlinked: int
    participations_unlinked: int
    interactions_scrubbed: int
    attachments_renamed: int
    texts_scrubbed: int = 0
    emails_in_trash: int = 0
    notes_scrubbed: int = 0


def _forget_own_values_and_lists(session: Any, contact_id: int) -> None:
    """The contact's values of the team's own fields, other records' link fields naming it,
    and its list memberships (they name it by id, so no foreign key takes them with it)."""
    own = select(CustomField.id).where(CustomField.entity == "contact")
    session.execute(
        delete(CustomValue).where(
            CustomValue.field_id.in_(own), CustomValue.record_id == contact_id
        )
    )
    links = select(CustomField.id).where(
        CustomField.kind == "link", CustomField.link_kind == "contact"
    )
    session.execute(  # other records' own link fields naming the person are emptied
        delete(CustomValue).where(
            CustomValue.field_id.in_(links), CustomValue.number_value == contact_id
        )
    )
    lists = select(StaticList.id).where(StaticList.entity == "contact")
    session.execute(
        delete(StaticListMember).where(
            StaticListMember.list_id.in_(lists), StaticListMember.record_id == contact_id
        )
    )


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
            words = erasure_scrub.words_for(session, contact_id)  # before the record goes
            person = erasure_scrub.person_ids(session, contact_id)
            scrubbed = erasure_scrub.apply(session, contact_id)
            notes_scrubbed = erasure_notes.apply(session, words, person)
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
            _forget_own_values_and_lists(session, contact_id)
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
                {
                    "interactions_unlinked": interactions,
                    "participations_unlinked": participations,
                    "interactions_scrubbed": len(scrubbed.interactions),
                    "attachments_renamed": len(scrubbed.documents),
                    "texts_scrubbed": len(scrubbed.texts),
                    "emails_in_trash": scrubbed.trash,
                    "other_notes_scrubbed": notes_scrubbed,
                },
            )
        touched = {"contact", "interaction", "participation", "trash_item", "custom_value"}
        return Change(
            "contact",
            "delete",
            (contact_id,),
            touched=frozenset(
                touched
                | ({"document"} if scrubbed.documents or scrubbed.texts else set())
                | (NOTED if notes_scrubbed else set())
            ),
        )

    def erasure_plan(self, contact_id: int) -> ErasurePlan:
        """What :meth:`erase_contact` would do, for the confirmation (nothing is written)."""
        with self.db.read() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotFoundError(f"The contact #{contact_id} no longer exists.")
            words, found = erasure_scrub.plan(session, contact_id)
            person = erasure_scrub.person_ids(session, contact_id)
            naming = erasure_notes.records_naming(session, words, person)
            return ErasurePlan(
                contact_id,
                contact.full_name,
                _count(session, select(Interaction.id).where(Interaction.contact_id == contact_id)),
                _count(
                    session,
                    select(Participation.id).where(Participation.local_contact_id == contact_id),
                ),
                len(found.interactions),
                len(found.documents),
                len(found.texts),
                erasure_scrub.emails_in_trash(session, contact_id),
                sum(len(ids) for ids in naming.values()),
            )

    def _scrub_audit(self, session: Any, contact_id: int) -> None:
        """Rewrite the personal values in the history of the contact and of the contacts
        merged into it: its fields, its own fields' values and what a merge did not keep."""
        events = session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "contact",
                AuditEvent.record_id.in_(erasure_scrub.person_ids(session, contact_id)),
            )
        ).all()
        for event in events:
            changes = json.loads(event.changes or "{}")
            nested = changes.get("fields")  # a merge recorded before 5 Dec 2026 nested them
            for fields in (changes, nested if isinstance(nested, dict) else {}):
                for name, value in fields.items():
                    if _personal(name) and isinstance(value, list):
                        fields[name] = [None if v is None else ERASED for v in value]
            not_kept = changes.get(NOT_KEPT)
            if isinstance(not_kept, dict):
                changes[NOT_KEPT] = {
                    k: ERASED if _personal(k) and v is not None else v for k, v in not_kept.items()
                }
            event.changes = json.dumps(changes, ensure_ascii=False)
            event.summary = ERASED
        session.flush()


def _personal(name: str) -> bool:
    """A contact's field that holds personal data: its own, and every one the team added."""
    return name in PERSONAL_FIELDS or is_custom_key(name)
