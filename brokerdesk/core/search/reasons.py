"""Why a record was found when its name does not hold the words: one of its tags, or the text
of one of its own fields.

The index holds a record's tags and own fields in its body, mixed with notes, so a hit found
in the body alone is asked here which tag or field holds the words ("tag: Priority",
"Funding reference: XK-99871"). The answer is read from the live rows, like the titles, and a
hit with one ranks above a mere mention in notes: the team filed those words on purpose.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import column, func, select, table
from sqlalchemy.orm import Session

from brokerdesk.core.models import CustomField, CustomValue, Tag
from brokerdesk.core.search.folding import fold
from brokerdesk.core.search.schema import TAGGED_KINDS, WITHOUT_OWN_FIELDS
from brokerdesk.core.search.terms import Terms

SHOWN_VALUE = 60  # characters of a long own-field value shown as the reason


@dataclass(frozen=True)
class Match:
    """What in a record, besides its name, holds the words searched for.

    Attributes:
        by: "tag" (``text`` is the tag's name) or "field" (``label`` is the own field's).
        text: the tag's name, or the field's value as shown (a long one shortened).
        label: the own field's label; "" for a tag.
    """

    by: str
    text: str
    label: str = ""

    def describe(self) -> str:
        """In words, for the command line: "tag: Priority", "Funding reference: XK-99871"."""
        return f"tag: {self.text}" if self.by == "tag" else f"{self.label}: {self.text}"


def matches(
    session: Session, terms: Terms, records: Iterable[tuple[str, int]]
) -> dict[tuple[str, int], Match]:
    """The tag (first) or own field holding the query's words, for each record that has one.

    A tag or value holding every word is preferred; failing that, one holding any word (the
    other words were in the notes).
    """
    words = [w.casefold() for w in terms.long_words]
    if not words:
        return {}
    ids: dict[str, list[int]] = defaultdict(list)
    for entity, record_id in records:
        ids[entity].append(record_id)
    candidates: dict[tuple[str, int], list[Match]] = defaultdict(list)
    for entity, wanted in ids.items():
        if entity in TAGGED_KINDS:
            for record_id, name in _tags(session, entity, wanted):
                candidates[(entity, record_id)].append(Match("tag", name))
        if entity not in WITHOUT_OWN_FIELDS:
            for record_id, label, kind, text in _own_texts(session, entity, wanted):
                if kind == "choices":  # kept as "|Gold|Silver|"
                    text = ", ".join(c for c in text.split("|") if c)
                candidates[(entity, record_id)].append(Match("field", text, label))
    found: dict[tuple[str, int], Match] = {}
    for record, options in candidates.items():
        folded = [(m, fold(m.text).casefold()) for m in options]
        best = next((m for m, f in folded if all(w in f for w in words)), None)
        best = best or next((m for m, f in folded if any(w in f for w in words)), None)
        if best is not None:
            found[record] = Match(best.by, _excerpt(best.text, words), best.label)
    return found


def _tags(session: Session, entity: str, ids: list[int]) -> list[tuple[int, str]]:
    link = table(f"{entity}_tag", column(f"{entity}_id"), column("tag_id"))
    record = link.c[f"{entity}_id"]
    query = (
        select(record, Tag.name)
        .join(Tag, Tag.id == link.c.tag_id)
        .where(record.in_(ids))
        .order_by(func.lower(Tag.name))
    )
    return [(int(r), str(n)) for r, n in session.execute(query)]


def _own_texts(session: Session, entity: str, ids: list[int]) -> list[tuple[int, str, str, str]]:
    text = func.coalesce(CustomValue.long_value, CustomValue.text_value)
    query = (
        select(CustomValue.record_id, CustomField.label, CustomField.kind, text)
        .join(CustomField, CustomField.id == CustomValue.field_id)
        .where(
            CustomField.entity == entity,
            CustomField.removed_at.is_(None),
            CustomValue.record_id.in_(ids),
            text.is_not(None),
        )
        .order_by(CustomField.position, CustomField.id)
    )
    return [(int(r), str(label), str(kind), str(t)) for r, label, kind, t in session.execute(query)]


def _excerpt(text: str, words: list[str]) -> str:
    """``text`` on one line, or the part of a long one around the first word found."""
    text = " ".join(text.split())
    if len(text) <= SHOWN_VALUE:
        return text
    at = max((text.casefold().find(w) for w in words[:1]), default=-1)
    start = max(0, min(at - SHOWN_VALUE // 3, len(text) - SHOWN_VALUE + 2)) if at > 0 else 0
    part = text[start : start + SHOWN_VALUE - 2].strip()
    return ("…" if start else "") + part + ("…" if start + SHOWN_VALUE - 2 < len(text) else "")
