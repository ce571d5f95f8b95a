"""The contact a row names: linked when BrokerDesk knows them, created when it does not.

A sign-up sheet carries "Contact name", "Email" and "Phone" beside each library service; a
partner list carries its "Lead contact". Those columns used to be dropped without a word.
Here a row's contact is found by e-mail address (and linked: a participation's local contact)
or drafted as a new contact, written in the import's transaction with the row: for a
participation before it (its local contact is the new contact), for a partner after it (the
new contact belongs to the new partner). Two rows naming one new person make one contact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from brokerdesk.core.importing.base import Importer, ImportOptions, RowPlan
from brokerdesk.core.importing.folding import match_key
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.importing.matching import ContactMatcher
from brokerdesk.core.importing.trail import ImportTrail

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NAME = Target(
    "contact_name",
    "Contact name",
    ("Contact name", "Name of contact", "Contact person", "Main contact", "Lead contact"),
)
PHONE = Target(
    "contact_phone",
    "Contact phone",
    ("Contact phone", "Phone", "Telephone", "Tel", "Phone number", "Contact telephone"),
)
EMAIL = Target(
    "contact_email", "Contact email", ("Contact email", "Email", "E-mail", "Email address")
)
FIELDS = frozenset({"contact_name", "contact_phone", "contact_email"})


def draft_contact(
    importer: Importer, plan: RowPlan, source: dict[str, str], email_field: str
) -> int | None:
    """The known contact's id for the row's e-mail address; otherwise a new contact drafted
    in ``plan.contact`` (None returned). A malformed address is left out, with a note."""
    name = source.get("contact_name", "")
    email = source.get(email_field, "")
    phone = source.get("contact_phone", "")
    if not (name or email or phone):
        return None
    if email and not _EMAIL.match(email):  # "see notes": never a reason to refuse the row
        plan.warnings.append(f"Contact email '{email}' is not an email address; not kept.")
        email = ""
    if email:
        contacts: ContactMatcher = importer.contacts  # type: ignore[attr-defined]
        found = contacts.match(email).record_id
        if found is not None:
            return found
    if not (name or email):
        plan.warnings.append(f"Contact phone '{phone}' has no name or email beside it; not kept.")
        return None
    plan.contact = {"full_name": name or email, "email": email or None, "phone": phone or None}
    shown = f"{name} <{email}>" if name and email else name or email
    plan.warnings.append(f"New contact: {shown}.")
    return None


class ContactWriter:
    """Writes the drafted contacts of a chunk, once per person, with their history entries.

    Args:
        session: the import's transaction.
        options: the import's options.
        source: the import's name in the history ("Import of sign-ups.xlsx").
        kind: the contacts importer, whose bulk write (and history) is used.
    """

    def __init__(
        self, session: Session, options: ImportOptions, source: str, kind: type[Importer]
    ) -> None:
        self.writer = kind(session, options)
        self.trail = ImportTrail(session, self.writer.table, source)
        self.made: dict[tuple[Any, ...], int] = {}  # person -> new contact id, over the file
        self.created = 0

    def write(self, plans: Sequence[RowPlan], owner: str) -> dict[int, int]:
        """Create the contacts of ``plans`` (with ``owner``, ``partner_id`` or
        ``service_id``, taken from each plan's values or record); plan row -> contact id."""
        wanted: dict[tuple[Any, ...], dict[str, Any]] = {}
        keys: dict[int, tuple[Any, ...]] = {}
        for plan in plans:
            if plan.contact is None:
                continue
            owner_id = plan.values.get(owner, plan.record_id if owner == "partner_id" else None)
            person = plan.contact
            key = (
                (person["email"] or "").lower() or match_key(person["full_name"]),
                owner_id,
            )
            keys[plan.row] = key
            if key not in self.made and key not in wanted:
                wanted[key] = {k: v for k, v in {**person, owner: owner_id}.items() if v}
        if wanted:
            rows = list(wanted.values())
            ids: list[int] = []

            def insert(creates: Sequence[dict[str, Any]], _updates: Sequence[RowPlan]) -> Any:
                made = self.writer.write(creates, ())
                ids.extend(made)
                return made

            self.trail.write(insert, rows, [])
            self.made.update(zip(wanted, ids, strict=True))
            self.created += len(rows)
        return {row: self.made[key] for row, key in keys.items() if key in self.made}
