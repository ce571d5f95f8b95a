"""Saved e-mails become interactions: matched to a record, people to contacts, files kept.

One e-mail, dropped on a record or chosen with File ▸ Log e-mail…, or a folder of them: each
is first *planned* (which partner or library service it goes to, which people are known
contacts, which addresses are new, whether it was logged before), the user sees the plan and
chooses, then it is *logged* in one transaction: an interaction of kind "email" with the
date, subject and the body as notes, the contact it was with, new contacts the user ticked,
the attachments as documents of the interaction, and its Message-ID so that the same e-mail
is never logged twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.documents.text import extract_text
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.mail.message import SUFFIXES, Person, SavedEmail, UnreadableEmailError
from brokerdesk.core.mail.reading import read_email
from brokerdesk.core.models import (
    Contact,
    EmailMessage,
    Interaction,
    LibraryService,
    Partner,
    Programme,
)
from brokerdesk.core.services.documents import DocumentService, NewDocument, size_text
from brokerdesk.core.services.records import Change

# Addresses at these domains say nothing about the organisation behind them.
PERSONAL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "live.co.uk",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "btinternet.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
    }
)
TARGET_KINDS = ("partner", "library_service", "programme")
_TARGET_COLUMNS = {
    "partner": "partner_id",
    "library_service": "service_id",
    "programme": "programme_id",
}


@dataclass(frozen=True)
class Target:
    """The record an e-mail is logged against."""

    entity: str
    id: int
    name: str


@dataclass
class EmailPlan:
    """What logging one e-mail would do, for the user to see and change first.

    Attributes:
        email: the e-mail as read.
        target: the record it goes to (None: not matched; the user must choose).
        why: how it was matched, in words ("Siân Llŷr is a contact there").
        known: address -> (contact id, name) for people already in BrokerDesk.
        unknown: people on it who are no contact yet (offered as new contacts).
        logged_as: the interaction this e-mail was logged as before (by Message-ID), or None.
        copy_of: the file of the same folder holding the same e-mail, or None.
    """

    email: SavedEmail
    target: Target | None
    why: str = ""
    known: dict[str, tuple[int, str]] = field(default_factory=dict)
    unknown: list[Person] = field(default_factory=list)
    logged_as: int | None = None
    copy_of: str | None = None

    @property
    def to_log(self) -> bool:
        """It has a record and was neither logged before nor is a copy of another file."""
        return self.target is not None and self.logged_as is None and self.copy_of is None

    @property
    def skip_reason(self) -> str:
        if self.logged_as is not None:
            return "logged before"
        if self.copy_of is not None:
            return f"the same e-mail as {self.copy_of}"
        return "no partner or library service chosen"


@dataclass(frozen=True)
class UnreadableFile:
    """A file in the folder that is not an e-mail BrokerDesk can read."""

    file_name: str
    reason: str


@dataclass
class FolderPlan:
    """Every e-mail of a folder, planned; the files that could not be read."""

    plans: list[EmailPlan]
    unreadable: list[UnreadableFile]

    @property
    def matched(self) -> list[EmailPlan]:
        return [p for p in self.plans if p.to_log]


@dataclass
class FolderResult:
    """What an import of a folder did."""

    logged: list[tuple[str, int]]  # file name, interaction id
    skipped: list[tuple[str, str]]  # file name, why
    change: Change | None
    new_contacts: list[int] = field(default_factory=list)  # the contacts it added


def website_domain(website: str | None) -> str | None:
    """ "https://www.rnib.org.uk/about" -> "rnib.org.uk"."""
    if not website or not website.strip():
        return None
    text = website.strip().lower()
    host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    host = host.removeprefix("www.")
    return host or None


def _within(domain: str, organisation: str) -> bool:
    return domain == organisation or domain.endswith("." + organisation)


class EmailFiling:
    """Plan and log saved e-mails as interactions."""

    def __init__(self, db: Database, documents: DocumentService | None = None) -> None:
        self.db = db
        self.documents = documents or DocumentService(db)

    # ----------------------------------------------------------------- planning
    def plan(self, email: SavedEmail, target: tuple[str, int] | None = None) -> EmailPlan:
        """What logging ``email`` would do; ``target`` is the record it was dropped on."""
        with self.db.read() as session:
            return self._plan(session, email, target)

    def plan_folder(self, folder: Path) -> FolderPlan:
        """Read and plan every ``.eml`` and ``.msg`` file in ``folder`` (not its subfolders)."""
        if not folder.is_dir():
            raise NotFoundError(f"{folder} is not a folder.")
        plans: list[EmailPlan] = []
        unreadable: list[UnreadableFile] = []
        seen: dict[str, str] = {}
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
        with self.db.read() as session:
            for path in files:
                try:
                    email = read_email(path)
                except UnreadableEmailError as exc:
                    unreadable.append(UnreadableFile(path.name, str(exc)))
                    continue
                plan = self._plan(session, email, None)
                if email.message_id and email.message_id in seen:
                    plan.copy_of = seen[email.message_id]
                elif email.message_id:
                    seen[email.message_id] = path.name
                plans.append(plan)
        return FolderPlan(plans, unreadable)

    def _plan(
        self, session: Session, email: SavedEmail, target: tuple[str, int] | None
    ) -> EmailPlan:
        addresses = [p.address for p in email.people]
        contacts = session.scalars(
            select(Contact).where(func.lower(Contact.email).in_(addresses))
        ).all()
        by_address = {str(c.email).lower(): c for c in contacts}
        known = {
            a: (by_address[a].id, by_address[a].full_name) for a in addresses if a in by_address
        }
        unknown = [p for p in email.people if p.address not in by_address]
        logged_as = None
        if email.message_id:
            logged_as = session.scalar(
                select(EmailMessage.interaction_id).where(
                    EmailMessage.message_id == email.message_id
                )
            )
        chosen: Target | None = None
        why = ""
        if target is not None:
            chosen, why = self._target(session, *target), "the record it was dropped on"
        else:
            found = self._match(
                session, email, [by_address[a] for a in addresses if a in by_address]
            )
            if found is not None:
                chosen, why = found
        return EmailPlan(email, chosen, why, known, unknown, logged_as)

    def _target(self, session: Session, entity: str, record_id: int) -> Target:
        if entity == "partner":
            partner = session.get(Partner, record_id)
            if partner is not None:
                return Target(entity, record_id, partner.name)
        elif entity == "library_service":
            service = session.get(LibraryService, record_id)
            if service is not None:
                return Target(entity, record_id, service.nice_name)
        elif entity == "programme":
            programme = session.get(Programme, record_id)
            if programme is not None:
                return Target(entity, record_id, programme.name)
        else:
            raise ValidationError(
                {}, "An e-mail is logged with a partner, library service or programme."
            )
        raise NotFoundError(f"The {entity.replace('_', ' ')} #{record_id} no longer exists.")

    def _match(
        self, session: Session, email: SavedEmail, contacts: Sequence[Contact]
    ) -> tuple[Target, str] | None:
        """The partner (or library service) an e-mail is with: a contact's, else by domain."""
        for contact in contacts:  # sender first
            if contact.partner_id is not None:
                target = self._target(session, "partner", contact.partner_id)
                return target, f"{contact.full_name} is a contact at {target.name}"
            if contact.service_id is not None:
                target = self._target(session, "library_service", contact.service_id)
                return target, f"{contact.full_name} is a contact at {target.name}"
        domains = [
            d for d in dict.fromkeys(p.domain for p in email.people) if d not in PERSONAL_DOMAINS
        ]
        if not domains:
            return None
        for pid, name, website in session.execute(
            select(Partner.id, Partner.name, Partner.website)
        ):
            site = website_domain(website)
            hit = next((d for d in domains if site and _within(d, site)), None)
            if hit:
                return Target("partner", pid, name), f"{hit} is {name}'s web address"
        partner_addresses = session.execute(
            select(Contact.email, Partner.id, Partner.name)
            .join(Partner, Partner.id == Contact.partner_id)
            .where(Contact.email.is_not(None))
        )
        for address, pid, name in partner_addresses:
            domain = str(address).lower().rpartition("@")[2]
            if domain in domains and domain not in PERSONAL_DOMAINS:
                return Target("partner", pid, name), f"{domain} is where {name}'s contacts are"
        services = session.execute(
            select(
                LibraryService.id,
                LibraryService.nice_name,
                LibraryService.website,
                LibraryService.email,
            )
        )
        for sid, name, website, address in services:
            own = {website_domain(website), str(address or "").lower().rpartition("@")[2] or None}
            hit = next((d for d in domains for o in own if o and _within(d, o)), None)
            if hit:
                return Target("library_service", sid, name), f"{hit} is {name}'s address"
        return None

    # ----------------------------------------------------------------- logging
    def log(self, plan: EmailPlan, new_contacts: Iterable[Person] = ()) -> Change:
        """Log one planned e-mail (one transaction).

        Raises:
            ValidationError: no record chosen, or this e-mail was logged before.
        """
        if plan.target is None:
            raise ValidationError(
                {}, f"Choose the partner or library service “{plan.email.subject}” goes with."
            )
        if plan.logged_as is not None:
            raise ValidationError(
                {}, f"“{plan.email.subject}” was logged before; it is not logged twice."
            )
        texts = self._texts(plan)
        with self.db.write() as session:
            interaction_id = self._log(session, plan, list(new_contacts), texts)
        return self._change([interaction_id], [plan])

    def import_folder(
        self, plans: Sequence[EmailPlan], new_contacts: Iterable[Person] = ()
    ) -> FolderResult:
        """Log every planned e-mail that has a record and was not logged before, all in one
        transaction: if one cannot be logged, none is.

        Each of ``new_contacts`` is made once, with the record of the first e-mail they are
        on; every e-mail they are on is then logged with them."""
        chosen = [p for p in plans if p.to_log]
        skipped = [(p.email.file_name, p.skip_reason) for p in plans if not p.to_log]
        texts = [self._texts(p) for p in chosen]
        creating = list(new_contacts)
        logged: list[tuple[str, int]] = []
        made: list[int] = []
        made_for: dict[str, int] = {}
        with self.db.write() as session:
            for plan, plan_texts in zip(chosen, texts, strict=True):
                mine = [c for c in creating if c.address in {p.address for p in plan.unknown}]
                creating = [c for c in creating if c not in mine]
                interaction = self._log(session, plan, mine, plan_texts, made, made_for)
                logged.append((plan.email.file_name, interaction))
        change = self._change([i for _f, i in logged], chosen) if logged else None
        return FolderResult(logged, skipped, change, made)

    def _texts(self, plan: EmailPlan) -> list[str | None]:
        """The text of each attachment, read before the transaction (it may take a while)."""
        limit = self.documents.max_bytes
        return [
            extract_text(a.data, a.media_type) if len(a.data) <= limit else None
            for a in plan.email.attachments
        ]

    def _log(
        self,
        session: Session,
        plan: EmailPlan,
        new_contacts: list[Person],
        texts: list[str | None],
        made: list[int] | None = None,
        made_for: dict[str, int] | None = None,
    ) -> int:
        """Log one e-mail; ``made_for`` (address -> contact id) carries the contacts made for
        earlier e-mails of the same import, so a later e-mail from them is logged with them."""
        email, target = plan.email, plan.target
        assert target is not None
        made_for = made_for if made_for is not None else {}
        if email.message_id and session.scalar(
            select(EmailMessage.id).where(EmailMessage.message_id == email.message_id)
        ):
            raise ValidationError(
                {}, f"“{email.subject}” was logged before; it is not logged twice."
            )
        owner_column = _TARGET_COLUMNS[target.entity]
        contact_ids = {a: cid for a, (cid, _name) in plan.known.items()}
        contact_ids.update(
            {p.address: made_for[p.address] for p in email.people if p.address in made_for}
        )
        for person in new_contacts:
            if person.address in contact_ids:
                continue
            contact = Contact(
                full_name=person.name or person.address.partition("@")[0],
                email=person.address,
                partner_id=target.id if target.entity == "partner" else None,
                service_id=target.id if target.entity == "library_service" else None,
            )
            session.add(contact)
            session.flush()
            contact_ids[person.address] = made_for[person.address] = contact.id
            if made is not None:
                made.append(contact.id)
        with_whom = next(
            (contact_ids[p.address] for p in email.people if p.address in contact_ids), None
        )
        too_large = [a for a in email.attachments if len(a.data) > self.documents.max_bytes]
        notes = email.notes()
        if too_large:
            names = ", ".join(f"{a.name} ({size_text(len(a.data))})" for a in too_large)
            notes += f"\n\nNot kept, larger than {size_text(self.documents.max_bytes)}: {names}"
        interaction = Interaction(
            kind="email",
            occurred_on=email.occurred_on(clock.today()),
            subject=email.subject[:200],
            notes=notes,
            by_whom=(email.sender.name or email.sender.address)[:120] if email.sender else None,
            contact_id=with_whom,
            follow_up_done=False,
            **{owner_column: target.id},
        )
        session.add(interaction)
        session.flush()
        if email.message_id:
            session.add(
                EmailMessage(message_id=email.message_id[:998], interaction_id=interaction.id)
            )
        for attachment, text in zip(email.attachments, texts, strict=True):
            if attachment in too_large:
                continue
            self.documents.add_in(
                session,
                "interaction",
                interaction.id,
                NewDocument(attachment.name, attachment.data, attachment.media_type),
                text,
            )
        session.flush()
        return interaction.id

    def _change(self, ids: list[int], plans: Sequence[EmailPlan]) -> Change:
        touched = {"contact", "document"} | {p.target.entity for p in plans if p.target}
        return Change("interaction", "create", tuple(ids), touched=frozenset(touched))
