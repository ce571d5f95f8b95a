"""Documents: files kept in the database with the record they belong to.

A document belongs to one partner, programme, agreement, library service or interaction
(``models.DOCUMENT_OWNERS``). Its bytes are stored in the database, so backups, the team
server and the Trash carry them; the text read from a PDF, Word or text file is stored
beside them and indexed, so Ctrl+K finds a document by a word inside it. Renaming, the note
and deleting (to the Trash, undoable) are the ordinary record service's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core import audit
from brokerdesk.core.documents.text import extract_text, media_type_of
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.models import DOCUMENT_OWNERS, Base, Document, DocumentContent
from brokerdesk.core.services.fields import Field
from brokerdesk.core.services.records import Change, RecordService

MEGABYTE = 1024 * 1024
DEFAULT_MAX_BYTES = 25 * MEGABYTE


@dataclass(frozen=True)
class NewDocument:
    """A file to keep: its name as the user knows it, its bytes, optionally a note."""

    name: str
    data: bytes
    media_type: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class DocumentRow:
    """One line of a record's Documents table (never the bytes)."""

    id: int
    name: str
    media_type: str
    size: int
    added_by: str | None
    added_at: dt.datetime
    note: str | None
    has_text: bool


def size_text(size: int) -> str:
    """ "512 bytes", "14 KB", "3.2 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < MEGABYTE:
        return f"{size / 1024:.0f} KB"
    return f"{size / MEGABYTE:.1f} MB"


def _owner_model(owner: str) -> type[Base]:
    from brokerdesk.core.models import Agreement, Interaction, LibraryService, Partner, Programme

    models: dict[str, type[Base]] = {
        "partner": Partner,
        "programme": Programme,
        "agreement": Agreement,
        "library_service": LibraryService,
        "interaction": Interaction,
    }
    return models[owner]


class DocumentService(RecordService[Document]):
    """Add, list, read, rename and delete the documents kept with records."""

    model = Document
    label = "document"
    fields = (
        Field("name", "Name", required=True, max_length=255),
        Field("note", "Note", "longtext"),
    )
    OWNERS: ClassVar[dict[str, str]] = DOCUMENT_OWNERS
    # The largest file kept; the GUI sets it from the user's setting.
    max_bytes: int = DEFAULT_MAX_BYTES

    # ----------------------------------------------------------------- adding
    def check_size(self, name: str, size: int) -> None:
        """Refuse a file over the limit, in words the user can act on."""
        if size > self.max_bytes:
            raise ValidationError(
                {"data": "too large"},
                f"“{name}” is {size_text(size)}; the largest document BrokerDesk keeps is "
                f"{size_text(self.max_bytes)}. Keep a smaller copy (a PDF export, say), "
                "or a link to the file in the record's notes.",
            )

    def add(self, owner: str, owner_id: int, files: Sequence[NewDocument]) -> Change:
        """Keep ``files`` with one record, all or none (one transaction).

        The text is read from each file here, so call it off the GUI thread.

        Raises:
            ValidationError: a file is empty-named or over the size limit; nothing was kept.
            NotFoundError: the record is gone.
        """
        for new in files:
            self.check_size(new.name, len(new.data))
        texts = [extract_text(f.data, f.media_type or media_type_of(f.name)) for f in files]
        with self.db.write() as session:
            made = [
                self.add_in(session, owner, owner_id, f, t)
                for f, t in zip(files, texts, strict=True)
            ]
            ids = tuple(d.id for d in made)
        return Change("document", "create", ids, touched=frozenset({owner}))

    def add_in(
        self,
        session: Session,
        owner: str,
        owner_id: int,
        new: NewDocument,
        text: str | None = None,
    ) -> Document:
        """Keep one file in the caller's transaction (logging an e-mail keeps its attachments)."""
        column = self.OWNERS.get(owner)
        if column is None:
            raise ValidationError({}, f"Documents cannot be kept with a {owner.replace('_', ' ')}.")
        if session.get(_owner_model(owner), owner_id) is None:
            raise NotFoundError(f"The {owner.replace('_', ' ')} #{owner_id} no longer exists.")
        name = " ".join(new.name.split())[:255] or "document"
        self.check_size(name, len(new.data))
        media_type = new.media_type or media_type_of(name)
        document = Document(
            name=name,
            original_name=name,
            media_type=media_type[:120],
            size=len(new.data),
            sha256=hashlib.sha256(new.data).hexdigest(),
            note=new.note,
            added_by=session.info.get(audit.USER_KEY),
            **{column: owner_id},
        )
        session.add(document)
        session.flush()
        session.add(DocumentContent(document_id=document.id, data=new.data, text=text))
        session.flush()
        return document

    # ----------------------------------------------------------------- reading
    def documents_of(self, owner: str, owner_id: int) -> list[DocumentRow]:
        """A record's documents, newest first."""
        column = getattr(Document, self.OWNERS[owner])
        with self.db.read() as session:
            has_text = (
                select(DocumentContent.text.is_not(None))
                .where(DocumentContent.document_id == Document.id)
                .scalar_subquery()
            )
            rows = session.execute(
                select(Document, has_text)
                .where(column == owner_id)
                .order_by(Document.created_at.desc(), Document.id.desc())
            ).all()
            return [
                DocumentRow(
                    id=d.id,
                    name=d.name,
                    media_type=d.media_type,
                    size=d.size,
                    added_by=d.added_by,
                    added_at=d.created_at,
                    note=d.note,
                    has_text=bool(text),
                )
                for d, text in rows
            ]

    def content(self, document_id: int) -> bytes:
        """The file's bytes, exactly as they were added."""
        with self.db.read() as session:
            data = session.scalar(
                select(DocumentContent.data).where(DocumentContent.document_id == document_id)
            )
        if data is None:
            raise NotFoundError("This document no longer exists.")
        return bytes(data)

    def text_of(self, document_id: int) -> str | None:
        """The text read from the file, or None."""
        with self.db.read() as session:
            return session.scalar(
                select(DocumentContent.text).where(DocumentContent.document_id == document_id)
            )

    def owner_of(self, document_id: int) -> tuple[str, int]:
        """The kind and id of the record a document belongs to (a search hit opens it)."""
        with self.db.read() as session:
            document = self._load(session, document_id)
            for owner, column in self.OWNERS.items():
                value = getattr(document, column)
                if value is not None:
                    return owner, int(value)
        raise NotFoundError("This document belongs to nothing.")  # pragma: no cover (CHECK)
