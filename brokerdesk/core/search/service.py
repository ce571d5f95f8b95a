"""Searching everything: the Ctrl+K palette, ``brokerdesk search`` and list-view filters.

Three passes, each cheap because the index is asked for bounded candidate sets:

1. Words of three letters or more must all appear (as substrings, accents and case
   ignored); names are asked first (up to NAME_CAP, all scored), then the newest
   interactions' subjects and notes, then the other records' notes unless enough names
   already outrank anything found only in notes.
2. One- and two-letter queries, which a trigram index cannot answer, match the start of a
   name or of a word in it (interactions skipped: their subjects would drown everything).
3. When the first pass finds little, names sharing trigrams with the longest word are scored
   with rapidfuzz, so "macmilan" still finds Macmillan.

A record found in its body alone is then asked which of its tags or own fields holds the
words (``reasons``): one that does ranks above a mention in notes and says so
("tag: Priority"). Text without a letter or digit searches for nothing.

Scores come from comparing the folded query with the folded name in Python, identically on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import ColumnElement, false, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.models import Base, Participation
from brokerdesk.core.search.backends import Backend, Candidate, Span
from brokerdesk.core.search.reasons import Match, matches
from brokerdesk.core.search.schema import BY_NAME, ENTITIES, KEY_BASE, IndexedEntity
from brokerdesk.core.search.terms import Terms, parse
from brokerdesk.core.search.titles import titles

SEARCH_TYPES: tuple[str, ...] = tuple(e.entity for e in ENTITIES)
FILTER_ENTITIES: tuple[str, ...] = (*SEARCH_TYPES, "participation")
NAME_CAP = 500  # name matches read per query
ANY_CAP = 100  # name-or-notes matches read per query
FUZZY_CAP = 200
# A word found exactly in this many records (names or notes) is spelt right: no typo search.
WELL_SPELT_HITS = 10
FUZZY_MIN_RATIO = 80.0
FEW_HITS = 5  # fewer strict hits than this: try typo-tolerant matching too
BODY_SCORE = 0.5
# Found by a tag or an own field holding the words: above a mention in notes, below names.
FILED_SCORE = 0.55
# Kinds found by the words inside them (notes, a document's text) as much as by their name.
BY_WORDS_INSIDE = frozenset({"interaction", "document"})

# The model of each indexed kind, from the table its index entry reads.
_MODELS: dict[str, Any] = {
    e.entity: next(
        m.class_
        for m in Base.registry.mappers
        if getattr(m.class_, "__tablename__", None) == e.table
    )
    for e in ENTITIES
}


@dataclass(frozen=True)
class SearchHit:
    """One record found.

    Attributes:
        entity: the kind of record ("partner", "contact", "library_service", "branch",
            "programme", "interaction"): also the key to open it.
        record_id: its id.
        title: what the record is called, as shown to the user.
        subtitle: a line that tells it apart (partner type, service region, postcode...).
        score: 0-1, higher is better; comparable across kinds of record.
        matched: for a record whose name does not hold the words, the tag or own field
            that does ("tag: Priority"); None otherwise.
    """

    entity: str
    record_id: int
    title: str
    subtitle: str
    score: float
    matched: Match | None = None


class SearchService:
    """Search over every kind of record in one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.backend = Backend(db.engine.dialect.name)

    def search(self, query: str, types: set[str] | None = None, limit: int = 50) -> list[SearchHit]:
        """Records matching ``query``, grouped by kind (best group first), best first within.

        Args:
            query: what the user typed; any characters, never an error.
            types: kinds of record to search (see ``SEARCH_TYPES``); None for all.
            limit: most hits returned in all.
        """
        wanted = _check_types(types)
        terms = parse(query)
        if terms.is_empty or limit <= 0:
            return []
        with self.db.read() as session:
            scored = self._scored(session, terms, wanted, limit)
            body_only = [_split(k) for k, s in scored.items() if s == BODY_SCORE]
            filed = matches(session, terms, body_only) if body_only else {}
            for entity, record_id in filed:
                scored[BY_NAME[entity].low + record_id] = FILED_SCORE
            best = sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:limit]
            found = titles(session, [k for k, _ in best])
        hits = [
            SearchHit(
                *record,
                *found[record],
                score=round(score, 4),
                matched=filed.get(record),
            )
            for record, score in ((_split(k), s) for k, s in best)
            if record in found
        ]
        return group_hits(hits)

    def text_filter(self, entity: str, text: str) -> ColumnElement[bool]:
        """A WHERE condition on ``entity``'s id: the records the text search matches."""
        return text_filter(entity, text, self.backend.dialect)

    # -- internals ------------------------------------------------------------------------

    def _scored(
        self, session: Session, terms: Terms, wanted: list[IndexedEntity], limit: int
    ) -> dict[int, float]:
        # Adjacent kinds of record share one query (one key range): every FTS5 query reads
        # the doclists of its trigrams afresh, so fewer queries is most of the speed.
        names = spans([e for e in wanted if e.entity not in BY_WORDS_INSIDE])
        notes = [(e.low, e.high) for e in wanted if e.entity in BY_WORDS_INSIDE]
        scores: dict[int, float] = {}
        score = NameScorer(terms)
        if terms.is_short:
            for span in names:
                _keep(scores, self.backend.short(session, span, terms, NAME_CAP), score)
            return scores
        for span in names:
            _keep(
                scores,
                self.backend.strict(session, span, terms, name_only=True, cap=NAME_CAP),
                score,
            )
        name_hits = len(scores)
        for span in notes:
            self._anywhere(session, span, terms, scores, score, newest_first=True)
        # Every hit so far whose name holds the words scores above BODY_SCORE. With a name
        # hit and ``limit`` of those, no body-only hit (BODY_SCORE) can reach the results,
        # and the names' own ranges need not be asked again: any record there whose name
        # holds the words was among the first NAME_CAP name hits (names are a subset of
        # name-or-body matches, both read in key order, ANY_CAP <= NAME_CAP), so it is
        # already scored. With a name hit the typo pass below does not run either, so the
        # results are those of asking every range.
        named = sum(1 for value in scores.values() if value > BODY_SCORE)
        if not (name_hits and named >= limit):
            for span in names:
                self._anywhere(session, span, terms, scores, score, newest_first=False)
        longest = max(terms.words, key=len)
        # Typo tolerance only when no name holds the words and few notes do (a word in many
        # notes is spelt right); codes and postcodes (any digit) are typed exactly, and
        # "near" codes would only mislead.
        well_spelt = len(scores) >= WELL_SPELT_HITS
        if (
            not name_hits
            and not well_spelt
            and len(longest) >= 4
            and not any(c.isdigit() for c in longest)
        ):
            for span in names:
                for key, name in self.backend.fuzzy(session, span, terms, FUZZY_CAP):
                    typo = fuzzy_score(terms, name)
                    if typo is not None and key not in scores:
                        scores[key] = typo
        return scores

    def _anywhere(
        self,
        session: Session,
        span: Span,
        terms: Terms,
        scores: dict[int, float],
        score: NameScorer,
        *,
        newest_first: bool,
    ) -> None:
        """Records in ``span`` with the words in their name or notes, not already scored."""
        anywhere = self.backend.strict(
            session, span, terms, name_only=False, cap=ANY_CAP, newest_first=newest_first
        )
        for key, name in anywhere:
            if key not in scores:
                named = all(w in name for w in terms.long_words)
                # Exactly BODY_SCORE marks a hit found in its body alone (names score more).
                scores[key] = score(name) if named else BODY_SCORE


def text_filter(entity: str, text: str, dialect: str) -> ColumnElement[bool]:
    """A WHERE condition on ``entity``'s id: the records the text search matches.

    List views AND it into their own query, so filtering, sorting and paging stay in SQL.
    ``dialect`` is the database's (``sqlite`` or ``postgresql``).
    Participations match through their programme's or library service's text. Text with
    no letter or digit (only punctuation or spaces) matches nothing.
    """
    if entity not in FILTER_ENTITIES:
        raise BrokerDeskError(
            f"'{entity}' cannot be searched; choose one of {', '.join(FILTER_ENTITIES)}."
        )
    terms = parse(text)
    if terms.is_empty:
        return false()
    backend = Backend(dialect)
    if entity == "participation":
        return or_(
            Participation.programme_id.in_(backend.record_ids(BY_NAME["programme"], terms)),
            Participation.service_id.in_(backend.record_ids(BY_NAME["library_service"], terms)),
        )
    id_column: InstrumentedAttribute[int] = _MODELS[entity].id
    return id_column.in_(backend.record_ids(BY_NAME[entity], terms))


def spans(entities: list[IndexedEntity]) -> list[Span]:
    """The fewest inclusive key ranges covering ``entities`` (codes are consecutive)."""
    result: list[Span] = []
    for e in sorted(entities, key=lambda x: x.code):
        if result and result[-1][1] + 1 == e.low:
            result[-1] = (result[-1][0], e.high)
        else:
            result.append((e.low, e.high))
    return result


def _check_types(types: set[str] | None) -> list[IndexedEntity]:
    if types is None:
        return list(ENTITIES)
    unknown = sorted(set(types) - set(SEARCH_TYPES))
    if unknown:
        raise BrokerDeskError(
            f"Unknown record type {', '.join(unknown)}; choose from {', '.join(SEARCH_TYPES)}."
        )
    return [e for e in ENTITIES if e.entity in types]


def _split(key: int) -> tuple[str, int]:
    code, record_id = divmod(key, KEY_BASE)
    return ENTITIES[code - 1].entity, record_id


def _keep(scores: dict[int, float], candidates: Iterable[Candidate], score: NameScorer) -> None:
    for key, name in candidates:
        scores[key] = max(scores.get(key, 0.0), score(name))


class NameScorer:
    """How well a folded name answers the query: exact > starts > word start > inside.

    Made once per search and called for every candidate name (up to NAME_CAP of them), so
    the query's parts are prepared here once.
    """

    __slots__ = ("query", "spaced", "words")

    def __init__(self, terms: Terms) -> None:
        self.query = terms.text
        self.spaced = f" {terms.text}"
        self.words = terms.long_words

    def __call__(self, name: str) -> float:
        # A library service's name row holds its names and GSS code separated by " | ".
        if " | " not in name:
            return self._part(name.strip() or name)
        query = self.query
        if query in name:
            # A part holding the whole query scores at least 0.85 - 0.02, above any part
            # that does not (0.8 at most): only those parts can be the best.
            holding = [self._part(p.strip()) for p in name.split(" | ") if query in p]
            if holding:
                return max(holding)
        parts = [stripped for stripped in (p.strip() for p in name.split(" | ")) if stripped]
        return max(self._part(part) for part in parts or [name])

    def _part(self, part: str) -> float:
        query = self.query
        if query in part:
            if part == query:
                score = 1.0
            elif part.startswith(query):
                score = 0.95
            elif self.spaced in part:  # the query starts a word of the name
                score = 0.9
            else:
                score = 0.85
        elif all(w in part for w in self.words):
            score = 0.8
        else:
            score = 0.75
        # Among equals, the shorter name is the closer one.
        return score - min(len(part), 200) / 10_000


def _name_parts(name: str) -> list[str]:
    # A library service's name row holds its names and GSS code separated by " | ".
    return [part.strip() for part in name.split(" | ") if part.strip()]


def name_score(terms: Terms, name: str) -> float:
    """How well a folded name answers the query (see :class:`NameScorer`)."""
    return NameScorer(terms)(name)


def fuzzy_score(terms: Terms, name: str) -> float | None:
    """A typo match's score (below every exact match), or None if it is not close enough."""
    longest = max(terms.words, key=len)
    ratio = max(_closeness(longest, part) for part in _name_parts(name) or [name])
    if ratio < FUZZY_MIN_RATIO:
        return None
    return 0.3 + 0.4 * (ratio / 100.0)


def _closeness(word: str, name: str) -> float:
    # partial_ratio aligns the shorter string inside the longer: fine for a word inside a
    # long name, but a short name ("RNIB") inside a long query would score 100.
    if len(name) >= len(word):
        return float(fuzz.partial_ratio(word, name))
    return float(fuzz.ratio(word, name))


def group_hits(hits: list[SearchHit]) -> list[SearchHit]:
    """Hits grouped by kind of record, groups ordered by their best hit, best first within."""
    groups: dict[str, list[SearchHit]] = {}
    for hit in sorted(hits, key=lambda h: (-h.score, h.title.casefold())):
        groups.setdefault(hit.entity, []).append(hit)
    return [hit for group in groups.values() for hit in group]
