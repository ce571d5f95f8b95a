"""Take an erased contact's name and e-mail address out of the e-mails logged as interactions.

Logging an e-mail (``core.mail.filing``) keeps its subject as the interaction's subject, its
sender's name as "Logged by", and its From/To/Cc lines and body as the notes; its
attachments become the interaction's documents, and its Message-ID is kept so that it is
never logged twice. Erasing a contact therefore also rewrites those, wherever the person's
name or address appears, to ``[erased]``: in the interactions themselves, in the file names
of their attachments, in their Message-IDs, in the history of those interactions and
documents, and in Trash items that hold such an interaction. The words the person is known
by are their name and address now, any earlier ones their history recorded, and the names
the e-mails themselves showed beside the address ("Reid, Sam <sam@…>").

The same goes for any interaction whose notes name them (a meeting's "met Siân Llŷr"), and
for the text read from every document that names them (a forwarded e-mail, a PDF with
their address): that text is what Ctrl+K searches, and its index follows by trigger.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from brokerdesk.core.models import (
    AuditEvent,
    Base,
    Contact,
    Document,
    DocumentContent,
    EmailMessage,
    Interaction,
    TrashItem,
)

ERASED = "[erased]"
_HEADER = re.compile(r"^(From|To|Cc): (.*)$", re.MULTILINE)
_ANGLED = re.compile(r"<([^<>\s]+@[^<>\s]+)>")
# "[erased] <[erased]>", or a name in quotes around it: one "[erased]" says it all.
_PAIR = re.compile(r'"?\[erased\]"?\s*<\[erased\]>')


@dataclass
class Words:
    """What identifies the person.

    Attributes:
        addresses: their e-mail addresses, now and before (lower case).
        names: the names their record has had.
        shown: the names e-mails showed beside their address ("Reid, Sam"), and the first
            and last words of their names ("Sam", "Reid"): erased only where an address or a
            whole name above shows the e-mail is theirs.
    """

    addresses: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    shown: set[str] = field(default_factory=set)

    def pattern(self, *, shown: bool = True) -> re.Pattern[str] | None:
        """One pattern for the addresses and names, longest first, whole words only."""
        names = self.names | self.shown if shown else self.names
        parts = [re.escape(a) for a in self.addresses]
        parts += [r"\s+".join(map(re.escape, n.split())) for n in names]
        if not parts:
            return None
        parts.sort(key=len, reverse=True)
        return re.compile(r"(?<![\w.@])(?:" + "|".join(parts) + r")(?![\w@])", re.IGNORECASE)

    def clues(self) -> list[str]:
        """SQL LIKE patterns for a cheap first sieve in the database before :meth:`pattern`
        decides: the addresses, and the names with anything between their words (matched
        in any case, though SQLite folds the case of ASCII letters only)."""
        return [*self.addresses, *("%".join(n.split()) for n in self.names)]


def _mentions(columns: Iterable[Any], clues: list[str]) -> Any:
    """Any of ``columns`` contains any clue (ignoring case where the database can)."""
    return or_(*[c.ilike(f"%{clue}%") for c in columns for clue in clues])


def words_for(session: Session, contact_id: int) -> Words:
    """The contact's name and address now (or in the Trash) and as history recorded them."""
    words = Words()
    contact = session.get(Contact, contact_id)
    rows: list[dict[str, Any]] = []
    if contact is not None:
        rows.append({"full_name": contact.full_name, "email": contact.email})
    for snapshot in session.scalars(
        select(TrashItem.snapshot).where(
            TrashItem.entity == "contact", TrashItem.record_id == contact_id
        )
    ):
        rows += [r for t, r in json.loads(snapshot)["rows"] if t == "contact"]
    for changes in session.scalars(
        select(AuditEvent.changes).where(
            AuditEvent.entity == "contact",
            AuditEvent.record_id.in_(person_ids(session, contact_id)),
        )
    ):
        data = json.loads(changes or "{}")
        not_kept = data.get("not_kept")
        nested = data.get("fields")  # a merge recorded before 5 Dec 2026 nested its fields
        for key in ("full_name", "email"):
            for pair in (data.get(key), nested.get(key) if isinstance(nested, dict) else None):
                if isinstance(pair, list):
                    rows += [{key: value} for value in pair]
            if isinstance(not_kept, dict) and key in not_kept:
                rows.append({key: not_kept[key]})
    for row in rows:
        address, name = row.get("email"), row.get("full_name")
        if isinstance(address, str) and "@" in address:
            words.addresses.add(address.strip().lower())
        if isinstance(name, str) and len(name.strip()) >= 3:
            parts = name.split()
            words.names.add(" ".join(parts))
            # In their own e-mails they sign "Siân" and are greeted "Ms Llŷr".
            words.shown.update(p for p in (parts[0], parts[-1]) if len(p) >= 3)
    return words


def person_ids(session: Session, contact_id: int) -> set[int]:
    """The contact and every contact merged into it (their history is about the same
    person, kept under the ids they had)."""
    found, frontier = {contact_id}, {contact_id}
    while frontier:
        merged = set()
        for changes in session.scalars(
            select(AuditEvent.changes).where(
                AuditEvent.entity == "contact",
                AuditEvent.action == "merge",
                AuditEvent.record_id.in_(frontier),
            )
        ):
            other = json.loads(changes or "{}").get("merged_id")
            if isinstance(other, int) and other not in found:
                merged.add(other)
        found |= merged
        frontier = merged
    return found


def shown_names(words: Words, notes: str) -> None:
    """Add the names an e-mail's From/To/Cc lines showed beside the person's address."""
    for line in _HEADER.finditer(notes):
        people = line.group(2)
        start = 0
        for angled in _ANGLED.finditer(people):
            before = people[start : angled.start()]
            start = angled.end()
            if angled.group(1).lower() not in words.addresses:
                continue
            # Back to the previous person: after a bare address and its comma, if any.
            name = re.split(r"[^\s,<>]+@[^\s,<>]+,\s*", before)[-1].strip(" ,\"'")
            if len(name) >= 2:
                words.shown.add(" ".join(name.split()))


def scrub(text: str | None, pattern: re.Pattern[str]) -> str | None:
    """``text`` with every address and name replaced by ``[erased]``."""
    if not text:
        return text
    return _PAIR.sub(ERASED, pattern.sub(ERASED, text))


def _fit(text: str | None, limit: int) -> str | None:
    """Within the column's width ("[erased]" is longer than a short name)."""
    return text[:limit] if text else text


@dataclass
class Scrubbing:
    """What erasing a contact rewrites beyond the contact itself."""

    interactions: list[int] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    texts: list[int] = field(default_factory=list)
    message_ids: list[int] = field(default_factory=list)
    history: int = 0
    trash: int = 0


def plan(session: Session, contact_id: int) -> tuple[Words, Scrubbing]:
    """Which interactions, attachments and attachments' texts name the person (nothing is
    written).

    An interaction (an e-mail logged, or a meeting's notes) is the person's when its
    subject, notes or "Logged by" hold one of their addresses or record names; in it, the
    names its e-mail showed for them go too.
    """
    words = words_for(session, contact_id)
    found = Scrubbing()
    strong = words.pattern(shown=False)
    if strong is None:
        return words, found
    texts_of = (Interaction.subject, Interaction.notes, Interaction.by_whom)
    candidates = session.scalars(
        select(Interaction).where(_mentions(texts_of, words.clues())).order_by(Interaction.id)
    )
    for interaction in candidates:
        texts = (interaction.subject, interaction.notes, interaction.by_whom)
        if any(t and strong.search(t) for t in texts):
            found.interactions.append(interaction.id)
            shown_names(words, interaction.notes or "")
    full = words.pattern()
    assert full is not None
    # Their e-mails' attachments by any name they are known by; any other document (a CV
    # kept with a partner) by their address or a whole name.
    names_of = (Document.name, Document.original_name)
    for doc_id, owner, name, original in session.execute(
        select(Document.id, Document.interaction_id, *names_of)
        .where(
            or_(
                Document.interaction_id.in_(found.interactions),
                _mentions(names_of, words.clues()),
            )
        )
        .order_by(Document.id)
    ):
        pattern = full if owner in found.interactions else strong
        if pattern.search(name) or pattern.search(original):
            found.documents.append(doc_id)
    found.texts = _texts_naming(session, words, found.interactions)
    for row_id, message_id in session.execute(
        select(EmailMessage.id, EmailMessage.message_id).where(
            EmailMessage.interaction_id.in_(found.interactions)
        )
    ):
        if full.search(message_id):
            found.message_ids.append(row_id)
    return words, found


def apply(session: Session, contact_id: int) -> Scrubbing:
    """Rewrite every place :func:`plan` finds, and the history and Trash copies of them."""
    words, found = plan(session, contact_id)
    full, strong = words.pattern(), words.pattern(shown=False)
    if full is None or strong is None:
        return found
    for interaction in session.scalars(
        select(Interaction).where(Interaction.id.in_(found.interactions))
    ):
        session.execute(
            update(Interaction)
            .where(Interaction.id == interaction.id)
            .values(
                subject=_fit(scrub(interaction.subject, full), 200),
                notes=scrub(interaction.notes, full),
                by_whom=_fit(scrub(interaction.by_whom, full), 120),
                version_id=Interaction.version_id + 1,
            )
            .execution_options(synchronize_session=False)
        )
    others: list[int] = []  # documents not of their e-mails, whose history goes too
    for document in session.scalars(select(Document).where(Document.id.in_(found.documents))):
        theirs = document.interaction_id in found.interactions
        if not theirs:
            others.append(document.id)
        pattern = full if theirs else strong
        session.execute(
            update(Document)
            .where(Document.id == document.id)
            .values(
                name=_fit(scrub(document.name, pattern), 255),
                original_name=_fit(scrub(document.original_name, pattern), 255),
                version_id=Document.version_id + 1,
            )
            .execution_options(synchronize_session=False)
        )
    for row in session.scalars(select(EmailMessage).where(EmailMessage.id.in_(found.message_ids))):
        row.message_id = scrub(row.message_id, full) or ERASED
    _scrub_texts(session, found.texts, found.interactions, full, strong)
    # The history of the person's e-mails with every word; of other e-mails, with the
    # addresses and record names (an earlier subject may have named them).
    clues = words.clues()
    mine = select(Interaction.id).where(Interaction.id.in_(found.interactions))
    found.history = _scrub_history(session, full, mine)
    found.history += _scrub_history(session, strong, select(Interaction.id), clues)
    found.history += _scrub_history(session, strong, [], clues, others)
    trashed: dict[str, set[int]] = {"interaction": set(), "document": set()}
    found.trash = _scrub_trash(session, strong, clues, trashed)
    found.history += _scrub_history(
        session, strong, sorted(trashed["interaction"]), clues, sorted(trashed["document"])
    )
    _unlink_in_trash(session, contact_id)
    session.flush()
    return found


def _texts_naming(session: Session, words: Words, theirs: list[int]) -> list[int]:
    """The documents whose text (read from the file, what Ctrl+K searches) or note names the
    person: any document that holds one of their addresses or record names, and the
    attachments of their own e-mails that show any name they are known by."""
    full, strong = words.pattern(), words.pattern(shown=False)
    assert full is not None and strong is not None
    found: list[int] = []
    mine = Document.interaction_id.in_(theirs)
    for doc_id, owner, text, note in session.execute(
        select(Document.id, Document.interaction_id, DocumentContent.text, Document.note)
        .outerjoin(DocumentContent, DocumentContent.document_id == Document.id)
        .where(or_(mine, _mentions((DocumentContent.text, Document.note), words.clues())))
        .order_by(Document.id)
    ):
        pattern = full if owner in theirs else strong
        if any(t and pattern.search(t) for t in (text, note)):
            found.append(doc_id)
    return found


def _scrub_texts(
    session: Session,
    documents: list[int],
    theirs: list[int],
    full: re.Pattern[str],
    strong: re.Pattern[str],
) -> None:
    """Rewrite the text and note of ``documents`` (the search index follows by trigger)."""
    for doc_id, owner, note in session.execute(
        select(Document.id, Document.interaction_id, Document.note).where(
            Document.id.in_(documents)
        )
    ):
        pattern = full if owner in theirs else strong
        text = session.scalar(
            select(DocumentContent.text).where(DocumentContent.document_id == doc_id)
        )
        session.execute(
            update(DocumentContent)
            .where(DocumentContent.document_id == doc_id)
            .values(text=scrub(text, pattern))
            .execution_options(synchronize_session=False)
        )
        if note and pattern.search(note):
            session.execute(
                update(Document)
                .where(Document.id == doc_id)
                .values(note=scrub(note, pattern), version_id=Document.version_id + 1)
                .execution_options(synchronize_session=False)
            )


def _scrub_value(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return scrub(value, pattern)
    if isinstance(value, list):
        return [_scrub_value(v, pattern) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_value(v, pattern) for k, v in value.items()}
    return value


def _scrub_history(
    session: Session,
    pattern: re.Pattern[str],
    interactions: Any,
    clues: list[str] | None = None,
    documents: Any = None,
) -> int:
    """Rewrite the history of e-mail interactions and of their attachments.

    Args:
        interactions: their ids (a list, or a query of ids).
        clues: only events that mention one (a sieve before the pattern), or all.
        documents: the attachments' ids; None: those the interactions have now.
    """
    if documents is None:
        documents = select(Document.id).where(Document.interaction_id.in_(interactions))
    count = 0
    for entity, ids in (("interaction", interactions), ("document", documents)):
        query = select(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.record_id.in_(ids))
        if clues is not None:
            query = query.where(_mentions((AuditEvent.changes, AuditEvent.summary), clues))
        for event in session.scalars(query):
            data = json.loads(event.changes or "{}")
            cleaned = _scrub_value(data, pattern)
            summary = scrub(event.summary, pattern) or ERASED
            if cleaned != data or summary != event.summary:
                event.changes = json.dumps(cleaned, ensure_ascii=False)
                event.summary = summary[:300]
                count += 1
    return count


def emails_in_trash(session: Session, contact_id: int) -> int:
    """How many Trash items hold an e-mail that names the person (nothing is written)."""
    words = words_for(session, contact_id)
    strong = words.pattern(shown=False)
    if strong is None:
        return 0
    found: dict[str, set[int]] = {"interaction": set(), "document": set()}
    return _scrub_trash(session, strong, words.clues(), found, write=False)


def _scrub_trash(
    session: Session,
    pattern: re.Pattern[str],
    clues: list[str],
    found: dict[str, set[int]],
    *,
    write: bool = True,
) -> int:
    """Rewrite e-mail interactions (and their attachments and Message-IDs) in the Trash;
    ``found`` gathers the ids of those interactions and attachments, whose history goes
    too. Without ``write``, only count the items that would change."""
    count = 0
    for item in session.scalars(select(TrashItem).where(_mentions([TrashItem.snapshot], clues))):
        data = json.loads(item.snapshot)
        emailed = {
            r["id"] for t, r in data["rows"] if t == "interaction" and r.get("kind") == "email"
        } | {r["interaction_id"] for t, r in data["rows"] if t == "email_message"}
        if not emailed:
            continue
        found["interaction"] |= emailed
        found["document"] |= {
            r["id"]
            for t, r in data["rows"]
            if t == "document" and r.get("interaction_id") in emailed
        }
        changed = False
        for table, row in data["rows"]:
            owner = row.get("id") if table == "interaction" else row.get("interaction_id")
            if table in ("interaction", "document", "email_message") and owner in emailed:
                cleaned = _scrub_value(row, pattern)
                changed = changed or cleaned != row
                row.update(cleaned)
        if changed:
            if write:
                item.snapshot = json.dumps(data, ensure_ascii=False)
            count += 1
    return count


def _contact_columns() -> dict[str, list[tuple[str, bool]]]:
    """Table -> (column, may be empty) for every foreign key to a contact."""
    out: dict[str, list[tuple[str, bool]]] = {}
    target = Base.metadata.tables["contact"]
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is target:
                out.setdefault(child.name, []).append((fk.parent.name, bool(fk.parent.nullable)))
    return out


def _unlink_in_trash(session: Session, contact_id: int) -> None:
    """Trash items that link a row to the contact lose the link, as the live rows did (a
    meeting restored later must not point at someone erased); rows that exist only with
    the contact (a named lead, a tag on them) leave the snapshot."""
    columns = _contact_columns()
    # Snapshots are JSON: a row's '"contact_id": 7', a relink's '"contact_id", 7'.
    clues = [f'contact_id": {contact_id}', f'contact_id", {contact_id}']
    for item in session.scalars(select(TrashItem).where(_mentions([TrashItem.snapshot], clues))):
        data = json.loads(item.snapshot)
        rows = []
        changed = False
        for table, row in data["rows"]:
            linked = [(c, empty) for c, empty in columns.get(table, []) if row.get(c) == contact_id]
            if any(not empty for _c, empty in linked):
                changed = True
                continue
            for column, _empty in linked:
                row[column] = None
                changed = True
            rows.append([table, row])
        relinks = [
            r
            for r in data["relinks"]
            if not (r[3] == contact_id and any(r[2] == c for c, _e in columns.get(r[0], [])))
        ]
        if changed or len(relinks) != len(data["relinks"]):
            data["rows"], data["relinks"] = rows, relinks
            item.snapshot = json.dumps(data, ensure_ascii=False)
