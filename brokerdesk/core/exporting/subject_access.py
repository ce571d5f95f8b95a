"""A subject access export: everything BrokerDesk holds about one person (UK GDPR, art. 15).

The person's record and their values of the team's own fields, their tags and lists, the
named-lead roles and participations they hold, the interactions they are on and those whose
text names them (e-mails logged, notes), the files attached to those interactions, and their
history. Written as an XLSX workbook (one sheet per kind) or as JSON, whole or not at all
(``core.exporting.safety``).

Attached files are listed by name, type and size; their contents are not copied out: a
request is answered by sending what is held, and the team opens any file listed from the
interaction's page to send it along if the person asks for it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import brokerdesk.core.exporting.safety as safety
import brokerdesk.core.services.custom_values as custom_values
import brokerdesk.core.services.erasure_scrub as erasure_scrub
from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, Cancelled, NotFoundError
from brokerdesk.core.exporting.spreadsheets import write_tables_xlsx
from brokerdesk.core.exporting.tables import Column, Table
from brokerdesk.core.models import (
    AuditEvent,
    Contact,
    ContactTag,
    Document,
    EmailMessage,
    Interaction,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    Programme,
    ServiceLead,
    StaticList,
    StaticListMember,
    Tag,
)
from brokerdesk.core.stored import json_value

FORMATS = ("xlsx", "json")
# progress(done, total) -> keep going; False stops the export (nothing is written).
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Section:
    """One kind of data: a sheet of the workbook, a key of the JSON object."""

    name: str
    headers: tuple[str, ...]
    rows: list[list[Any]]


@dataclass(frozen=True)
class SubjectAccess:
    """What is held about one person, section by section."""

    contact_id: int
    name: str
    exported_at: dt.datetime
    sections: list[Section]

    def section(self, name: str) -> Section:
        return next(s for s in self.sections if s.name == name)


def _person(session: Session, contact: Contact) -> Section:
    partner = session.get(Partner, contact.partner_id) if contact.partner_id else None
    service = session.get(LibraryService, contact.service_id) if contact.service_id else None
    rows: list[list[Any]] = [
        ["Name", contact.full_name],
        ["Role", contact.role],
        ["E-mail", contact.email],
        ["Phone", contact.phone],
        ["Notes", contact.notes],
        ["Partner", partner.name if partner else None],
        ["Library service", service.nice_name if service else None],
        ["Record created", contact.created_at],
        ["Record last changed", contact.updated_at],
    ]
    fields = custom_values.definitions(session, "contact", removed=True)
    values = custom_values.read(session, fields, [contact.id])[contact.id]
    for field in fields:
        value = values[field.key]
        if value is not None:
            rows.append([field.label, custom_values.readable(session, field, value)])
    return Section("Person", ("Field", "Value"), rows)


def _tags_and_lists(session: Session, contact_id: int) -> list[Section]:
    tags = session.scalars(
        select(Tag.name)
        .join(ContactTag, ContactTag.tag_id == Tag.id)
        .where(ContactTag.contact_id == contact_id)
        .order_by(Tag.name)
    )
    lists = session.scalars(
        select(StaticList.name)
        .join(StaticListMember, StaticListMember.list_id == StaticList.id)
        .where(StaticList.entity == "contact", StaticListMember.record_id == contact_id)
        .order_by(StaticList.name)
    )
    return [
        Section("Tags", ("Tag",), [[t] for t in tags]),
        Section("Lists", ("List",), [[name] for name in lists]),
    ]


def _roles(session: Session, contact_id: int) -> list[Section]:
    leads = session.execute(
        select(LibraryService.nice_name, OfferArea.name)
        .join(ServiceLead, ServiceLead.service_id == LibraryService.id)
        .join(OfferArea, OfferArea.id == ServiceLead.offer_area_id)
        .where(ServiceLead.contact_id == contact_id)
        .order_by(LibraryService.nice_name, OfferArea.sort_order)
    )
    participations = session.execute(
        select(Programme.name, LibraryService.nice_name, Participation)
        .join(Programme, Programme.id == Participation.programme_id)
        .join(LibraryService, LibraryService.id == Participation.service_id)
        .where(Participation.local_contact_id == contact_id)
        .order_by(Programme.name, LibraryService.nice_name)
    )
    return [
        Section(
            "Named lead roles",
            ("Library service", "Offer area"),
            [[service, area] for service, area in leads],
        ),
        Section(
            "Participations",
            ("Programme", "Library service", "Stage", "Start", "End"),
            [
                [programme, service, v.label(v.STAGE_LABELS, p.stage), p.start_date, p.end_date]
                for programme, service, p in participations
            ],
        ),
    ]


INTERACTION_HEADERS = ("Date", "Kind", "Subject", "Notes", "Logged by", "With")


def _interaction_row(i: Interaction) -> list[Any]:
    kind = v.label(v.INTERACTION_KIND_LABELS, i.kind)
    return [i.occurred_on, kind, i.subject, i.notes, i.by_whom, i.about_name]


def _interactions(session: Session, contact_id: int) -> tuple[list[Section], list[int]]:
    """The interactions they are on, and the e-mails and notes that name them."""
    on = session.scalars(
        select(Interaction)
        .where(Interaction.contact_id == contact_id)
        .order_by(Interaction.occurred_on, Interaction.id)
    ).all()
    _words, found = erasure_scrub.plan(session, contact_id)
    mine = {i.id for i in on}
    naming = session.scalars(
        select(Interaction)
        .where(Interaction.id.in_(sorted(set(found.interactions) - mine)))
        .order_by(Interaction.occurred_on, Interaction.id)
    ).all()
    emailed = set(
        session.scalars(
            select(EmailMessage.interaction_id).where(
                EmailMessage.interaction_id.in_([i.id for i in naming])
            )
        )
    )
    emails = [i for i in naming if i.kind == "email" or i.id in emailed]
    notes = [i for i in naming if i not in emails]
    ids = [i.id for i in (*on, *emails, *notes)]
    return [
        Section("Interactions", INTERACTION_HEADERS, [_interaction_row(i) for i in on]),
        Section("E-mails naming them", INTERACTION_HEADERS, [_interaction_row(i) for i in emails]),
        Section("Notes naming them", INTERACTION_HEADERS, [_interaction_row(i) for i in notes]),
    ], ids


def _documents(session: Session, interaction_ids: Sequence[int]) -> Section:
    rows = session.execute(
        select(Interaction.occurred_on, Interaction.subject, Document)
        .join(Interaction, Interaction.id == Document.interaction_id)
        .where(Document.interaction_id.in_(list(interaction_ids)))
        .order_by(Interaction.occurred_on, Document.name, Document.id)
    )
    return Section(
        "Attached files",
        ("Interaction date", "Interaction", "File name", "Type", "Size (bytes)", "Added"),
        [[on, subject, d.name, d.media_type, d.size, d.created_at] for on, subject, d in rows],
    )


def _history(session: Session, contact_id: int) -> Section:
    events = session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.entity == "contact",
            AuditEvent.record_id.in_(erasure_scrub.person_ids(session, contact_id)),
        )
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return Section(
        "History",
        ("When", "By", "What", "Summary", "Changes"),
        [[e.at, e.user_name, e.action, e.summary, e.changes or ""] for e in events],
    )


def gather(db: Database, contact_id: int, progress: Progress | None = None) -> SubjectAccess:
    """Everything held about the contact (read in one transaction).

    Raises:
        NotFoundError: the contact no longer exists.
        Cancelled: ``progress`` answered False (nothing is written).
    """
    steps = 5

    def step(done: int) -> None:
        if progress is not None and not progress(done, steps):
            raise Cancelled()

    with db.read() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFoundError(f"The contact #{contact_id} no longer exists.")
        step(0)
        sections = [_person(session, contact), *_tags_and_lists(session, contact_id)]
        step(1)
        sections += _roles(session, contact_id)
        step(2)
        found, interaction_ids = _interactions(session, contact_id)
        sections += found
        step(3)
        sections += [_documents(session, interaction_ids), _history(session, contact_id)]
        step(4)
        return SubjectAccess(contact_id, contact.full_name, clock.now(), sections)


def as_json(data: SubjectAccess) -> dict[str, Any]:
    """The export as one JSON object: each section a list of objects keyed by its headers."""
    return {
        "contact_id": data.contact_id,
        "name": data.name,
        "exported_at": data.exported_at.isoformat(),
        **{
            s.name: [
                {h: json_value(c) for h, c in zip(s.headers, row, strict=True)} for row in s.rows
            ]
            for s in data.sections
        },
    }


def _widths(section: Section) -> list[Column]:
    wide = {"Notes", "Value", "Changes", "Summary", "Subject", "Interaction"}
    return [Column(h, width=60 if h in wide else 18) for h in section.headers]


def write(data: SubjectAccess, path: Path, fmt: str, *, overwrite: bool = False) -> Path:
    """Write the export to ``path``; the file appears whole or not at all.

    Raises:
        FileExistsRefused: ``path`` exists and ``overwrite`` is False.
    """
    if fmt not in FORMATS:
        raise BrokerDeskError(f"Unknown format {fmt!r}: use xlsx or json.")
    if fmt == "xlsx":
        tables = [Table(s.name, _widths(s), s.rows) for s in data.sections]
        return write_tables_xlsx(tables, path, overwrite=overwrite)
    text = json.dumps(as_json(data), ensure_ascii=False, indent=2)
    with safety.atomic_path(path, overwrite=overwrite) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")
    return path


def export_contact_data(
    db: Database,
    contact_id: int,
    path: Path,
    fmt: str,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> SubjectAccess:
    """Gather and write a subject access export; returns what was written.

    Raises:
        DatabaseFileRefused: ``path`` is the database or one of its own files.
        FileExistsRefused: ``path`` exists and ``overwrite`` is False.
    """
    safety.refuse_database_files(db.path, [path])
    if fmt not in FORMATS:
        raise BrokerDeskError(f"Unknown format {fmt!r}: use xlsx or json.")
    data = gather(db, contact_id, progress)
    write(data, path, fmt, overwrite=overwrite)
    if progress is not None:
        progress(5, 5)
    return data


def counts(data: SubjectAccess) -> dict[str, int]:
    """How many rows each section holds (for the sentence said when done)."""
    return {s.name: len(s.rows) for s in data.sections}
