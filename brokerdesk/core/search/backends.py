"""The few SQL questions search asks, answered by SQLite FTS5 or by PostgreSQL pg_trgm.

Both backends return the same candidates for the same question (key ranges, all long words
required, newest first), so the Python scoring on top gives the same results in team mode.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter, ColumnClause, UnaryExpression

from brokerdesk.core.search.schema import IndexedEntity
from brokerdesk.core.search.terms import Terms, like_escape, quote

Candidate = tuple[int, str]  # (index key, folded name)
Span = tuple[int, int]  # an inclusive key range: one or more adjacent kinds of record

_INDEX = table("search_index", column("name"), column("body"))
_NAME: ColumnClause[str] = column("name")
_BODY: ColumnClause[str] = column("body")


class Backend:
    """SQL for one dialect. Every method reads only the index table."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.key: ColumnClause[int] = literal_column("rowid" if dialect == "sqlite" else "key")

    # -- building blocks ------------------------------------------------------------------

    def _range(self, span: Span) -> ColumnElement[bool]:
        return self.key.between(span[0], span[1])

    def _strict(self, terms: Terms, name_only: bool) -> ColumnElement[bool]:
        """Every long word as a substring (of the name, or of name or body)."""
        if self.dialect == "sqlite":
            match = terms.fts_match("name" if name_only else None)
            return literal_column("search_index").op("MATCH")(bindparam(None, match, unique=True))
        parts = []
        for word in terms.long_words:
            pattern: BindParameter[str] = bindparam(None, f"%{like_escape(word)}%", unique=True)
            on_name = _NAME.like(pattern, escape="\\")
            parts.append(on_name if name_only else or_(on_name, _BODY.like(pattern, escape="\\")))
        return and_(*parts)

    def _prefix(self, terms: Terms) -> ColumnElement[bool]:
        """Every (short) word starts the name or a word in it."""
        parts = []
        for word in terms.words:
            w = like_escape(word)
            parts.append(
                or_(
                    _NAME.like(bindparam(None, f"{w}%", unique=True), escape="\\"),
                    _NAME.like(bindparam(None, f"% {w}%", unique=True), escape="\\"),
                )
            )
        return and_(*parts)

    def _run(self, session: Session, stmt: Select[int, str]) -> list[Candidate]:
        return [(int(row[0]), str(row[1])) for row in session.execute(stmt)]

    # -- questions ------------------------------------------------------------------------

    def strict(
        self,
        session: Session,
        span: Span,
        terms: Terms,
        *,
        name_only: bool,
        cap: int,
        newest_first: bool = False,
    ) -> list[Candidate]:
        """Records in ``span`` holding every long word; oldest first unless ``newest_first``.

        FTS5 stops early in ascending key order when the range ends below the top of the
        index; descending is used only for the top range (interactions), where it is cheap.
        """
        stmt = (
            select(self.key, _NAME)
            .select_from(_INDEX)
            .where(self._strict(terms, name_only), self._range(span))
            .order_by(self.key.desc() if newest_first else self.key)
            .limit(cap)
        )
        return self._run(session, stmt)

    def short(self, session: Session, span: Span, terms: Terms, cap: int) -> list[Candidate]:
        stmt = (
            select(self.key, _NAME)
            .select_from(_INDEX)
            .where(self._range(span), self._prefix(terms))
            .order_by(self.key)
            .limit(cap)
        )
        return self._run(session, stmt)

    def fuzzy(self, session: Session, span: Span, terms: Terms, cap: int) -> list[Candidate]:
        """Names sharing trigrams with the longest word: candidates for typo matching."""
        grams = terms.trigrams()
        if not grams:
            return []
        longest = max(terms.words, key=len)
        order: ColumnElement[Any] | UnaryExpression[Any]
        if self.dialect == "sqlite":
            match = "{name} : (" + " OR ".join(quote(g) for g in grams) + ")"
            cond = literal_column("search_index").op("MATCH")(bindparam(None, match, unique=True))
            order = literal_column("rank")
        else:
            word: BindParameter[str] = bindparam(None, longest, unique=True)
            cond = word.op("<%")(_NAME)
            order = func.word_similarity(word, _NAME).desc()
        stmt = (
            select(self.key, _NAME)
            .select_from(_INDEX)
            .where(cond, self._range(span))
            .order_by(order)
            .limit(cap)
        )
        return self._run(session, stmt)

    def record_ids(self, e: IndexedEntity, terms: Terms) -> Select[int]:
        """SELECT of the ids of ``e``'s records matching ``terms`` (for list-view filters)."""
        cond = self._prefix(terms) if terms.is_short else self._strict(terms, name_only=False)
        return (
            select(self.key - e.low).select_from(_INDEX).where(cond, self._range((e.low, e.high)))
        )
