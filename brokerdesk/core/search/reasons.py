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
# Own fields whose text the index holds (core.services.custom_values keeps it in
# ``text_value``, a long text also in ``long_value``).
TEXT_KINDS = ("text", "longtext", "choice", "choices")


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
    other words were in the notes). Asked for every hit found in its body alone, so the two
    small tables (tags, fields) are read first and a record's links and values only where a
    tag holds a word or its kind has text fields: most searches then cost two tiny reads.
    """
    words = [w.casefold() for w in terms.long_words]
    if not words:
        return {}
    ids: dict[str, list[int]] = defaultdict(list)
    for entity, record_id in records:
        ids[entity].append(record_id)
    holding = _tags_holding(session, words)
    fields = _text_fields(session, set(ids) - WITHOUT_OWN_FIELDS)
    candidates: dict[tuple[str, int], list[Match]] = defaultdict(list)
    for entity, wanted in ids.items():
        if holding and entity in TAGGED_KINDS:
            for record_id, tag_id in _tagged(session, entity, wanted, list(holding)):
                candidates[(entity, record_id)].append(Match("tag", holding[tag_id]))
        if fields.get(entity):
            for record_id, field_id, text in _values(session, list(fields[entity]), wanted):
                label, kind = fields[entity][field_id]
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


def _tags_holding(session: Session, words: list[str]) -> dict[int, str]:
    """Tags whose name holds any of the words: id -> name, by name."""
    tags = session.execute(select(Tag.id, Tag.name).order_by(func.lower(Tag.name), Tag.id))
    return {int(i): str(n) for i, n in tags if any(w in fold(n).casefold() for w in words)}


def _tagged(
    session: Session, entity: str, ids: list[int], tag_ids: list[int]
) -> list[tuple[int, int]]:
    """(record, tag) for each of the records carrying one of the tags."""
    link = table(f"{entity}_tag", column(f"{entity}_id"), column("tag_id"))
    record = link.c[f"{entity}_id"]
    query = select(record, link.c.tag_id).where(record.in_(ids), link.c.tag_id.in_(tag_ids))
    order = {tag_id: n for n, tag_id in enumerate(tag_ids)}  # by the tag's name
    rows = [(int(r), int(t)) for r, t in session.execute(query)]
    return sorted(rows, key=lambda row: order[row[1]])


def _text_fields(session: Session, entities: set[str]) -> dict[str, dict[int, tuple[str, str]]]:
    """Each kind's own fields that hold text (not removed): id -> (label, kind), in order."""
    if not entities:
        return {}
    query = (
        select(CustomField.entity, CustomField.id, CustomField.label, CustomField.kind)
        .where(
            CustomField.entity.in_(sorted(entities)),
            CustomField.removed_at.is_(None),
            CustomField.kind.in_(TEXT_KINDS),
        )
        .order_by(CustomField.position, CustomField.id)
    )
    found: dict[str, dict[int, tuple[str, str]]] = defaultdict(dict)
    for entity, field_id, label, kind in session.execute(query):
        found[str(entity)][int(field_id)] = (str(label), str(kind))
    return found


def _values(session: Session, field_ids: list[int], ids: list[int]) -> list[tuple[int, int, str]]:
    """(record, field, text) of the fields' values on the records, in the fields' order."""
    text = func.coalesce(CustomValue.long_value, CustomValue.text_value)
    query = select(CustomValue.record_id, CustomValue.field_id, text).where(
        CustomValue.field_id.in_(field_ids), CustomValue.record_id.in_(ids), text.is_not(None)
    )
    order = {field_id: n for n, field_id in enumerate(field_ids)}
    rows = [(int(r), int(f), str(t)) for r, f, t in session.execute(query)]
    return sorted(rows, key=lambda row: order[row[1]])


def _excerpt(text: str, words: list[str]) -> str:
    """``text`` on one line, or the part of a long one around the first word found."""
    text = " ".join(text.split())
    if len(text) <= SHOWN_VALUE:
        return text
    # folded letter by letter, so "Llŷr" is found by "llyr" at the same place in ``text``
    plain = "".join(fold(letter)[:1] or letter for letter in text)
    at = next((found for w in words if (found := plain.find(w)) >= 0), -1)
    start = max(0, min(at - SHOWN_VALUE // 3, len(text) - SHOWN_VALUE + 2)) if at > 0 else 0
    part = text[start : start + SHOWN_VALUE - 2].strip()
    return ("…" if start else "") + part + ("…" if start + SHOWN_VALUE - 2 < len(text) else "")
