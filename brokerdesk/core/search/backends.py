"""The few SQL questions search asks, answered by SQLite FTS5 or by PostgreSQL pg_trgm.

Both backends return the same candidates for the same question (key ranges, all long words
required, newest first), so the Python scoring on top gives the same results in team mode.

A search asks three or four questions per keystroke, so their statements are built once per
shape (dialect, number of words, which columns, order, cap) with named parameters and kept:
SQLAlchemy then finds their compiled SQL in its cache, and they run on the session's
Connection (plain rows, no ORM layer). Only the values change from query to query.
List-view filters (:meth:`Backend.record_ids`) embed the same conditions, with unique
parameters, in a larger statement.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Row,
    Select,
    String,
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

Candidate = Row[int, str]  # (index key, folded name); unpacks like a tuple
Span = tuple[int, int]  # an inclusive key range: one or more adjacent kinds of record

_INDEX = table("search_index", column("name"), column("body"))
_NAME: ColumnClause[str] = column("name")
_BODY: ColumnClause[str] = column("body")

# A parameter by name: named and valueless in a kept statement, unique with its value inline
# in a list filter.
Bind = Callable[[str], BindParameter[Any]]


def _key(dialect: str) -> ColumnClause[int]:
    return literal_column("rowid" if dialect == "sqlite" else "key")


def _match(bind: Bind) -> ColumnElement[bool]:
    return literal_column("search_index").op("MATCH")(bind("match"))


def _strict_condition(
    dialect: str, n_words: int, name_only: bool, bind: Bind
) -> ColumnElement[bool]:
    """Every long word as a substring (of the name, or of name or body)."""
    if dialect == "sqlite":
        return _match(bind)
    parts = []
    for i in range(n_words):
        pattern = _as_indexed(dialect, bind(f"w{i}"))
        on_name = _NAME.like(pattern, escape="\\")
        parts.append(on_name if name_only else or_(on_name, _BODY.like(pattern, escape="\\")))
    return and_(*parts)


def _strict_values(dialect: str, terms: Terms, name_only: bool) -> dict[str, str]:
    if dialect == "sqlite":
        return {"match": terms.fts_match("name" if name_only else None)}
    return {f"w{i}": f"%{like_escape(w)}%" for i, w in enumerate(terms.long_words)}


def _as_indexed(dialect: str, pattern: BindParameter[Any]) -> ColumnElement[Any]:
    """The query folded as the index was: PostgreSQL's brokerdesk_fold() lowers every letter
    the database's locale knows (Ł as well as L), Python's fold() only ASCII (as SQLite
    does), so on PostgreSQL the pattern goes through the same lower() as the stored text."""
    return func.lower(pattern) if dialect != "sqlite" else pattern


def _prefix_condition(dialect: str, n_words: int, bind: Bind) -> ColumnElement[bool]:
    """Every (short) word starts the name or a word in it (after a space or a hyphen, so
    "co-op" finds "Co-op Foundation")."""
    parts = []
    for i in range(n_words):
        parts.append(
            or_(
                *(
                    _NAME.like(_as_indexed(dialect, bind(f"{start}{i}")), escape="\\")
                    for start in "sih"
                )
            )
        )
    return and_(*parts)


def _prefix_values(terms: Terms) -> dict[str, str]:
    values: dict[str, str] = {}
    for i, word in enumerate(terms.words):
        w = like_escape(word)
        values[f"s{i}"] = f"{w}%"
        values[f"i{i}"] = f"% {w}%"
        values[f"h{i}"] = f"%-{w}%"
    return values


def _named(name: str) -> BindParameter[Any]:
    return bindparam(name, type_=String())


def _in_range(dialect: str) -> ColumnElement[bool]:
    return _key(dialect).between(
        bindparam("low", type_=BigInteger()), bindparam("high", type_=BigInteger())
    )


@lru_cache(maxsize=128)
def _strict_statement(
    dialect: str, n_words: int, name_only: bool, newest_first: bool, cap: int
) -> Select[int, str]:
    key = _key(dialect)
    return (
        select(key, _NAME)
        .select_from(_INDEX)
        .where(_strict_condition(dialect, n_words, name_only, _named), _in_range(dialect))
        .order_by(key.desc() if newest_first else key)
        .limit(cap)
    )


@lru_cache(maxsize=64)
def _short_statement(dialect: str, n_words: int, cap: int) -> Select[int, str]:
    key = _key(dialect)
    return (
        select(key, _NAME)
        .select_from(_INDEX)
        .where(_in_range(dialect), _prefix_condition(dialect, n_words, _named))
        .order_by(key)
        .limit(cap)
    )


@lru_cache(maxsize=8)
def _fuzzy_statement(dialect: str, cap: int) -> Select[int, str]:
    key = _key(dialect)
    order: ColumnElement[Any] | UnaryExpression[Any]
    if dialect == "sqlite":
        cond = _match(_named)
        order = literal_column("rank")
    else:
        word = _named("word")
        cond = word.op("<%")(_NAME)
        order = func.word_similarity(word, _NAME).desc()
    return (
        select(key, _NAME)
        .select_from(_INDEX)
        .where(cond, _in_range(dialect))
        .order_by(order)
        .limit(cap)
    )


class Backend:
    """SQL for one dialect. Every method reads only the index table."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.key: ColumnClause[int] = _key(dialect)

    def _run(
        self, session: Session, stmt: Select[int, str], span: Span, values: Mapping[str, str]
    ) -> Sequence[Candidate]:
        params = {**values, "low": span[0], "high": span[1]}
        # all() fetches every row in one driver call.
        return session.connection().execute(stmt, params).all()

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
    ) -> Sequence[Candidate]:
        """Records in ``span`` holding every long word; oldest first unless ``newest_first``.

        FTS5 stops early in ascending key order when the range ends below the top of the
        index; descending is used only for the top range (interactions), where it is cheap.
        """
        stmt = _strict_statement(self.dialect, len(terms.long_words), name_only, newest_first, cap)
        return self._run(session, stmt, span, _strict_values(self.dialect, terms, name_only))

    def short(self, session: Session, span: Span, terms: Terms, cap: int) -> Sequence[Candidate]:
        stmt = _short_statement(self.dialect, len(terms.words), cap)
        return self._run(session, stmt, span, _prefix_values(terms))

    def fuzzy(self, session: Session, span: Span, terms: Terms, cap: int) -> Sequence[Candidate]:
        """Names sharing trigrams with the longest word: candidates for typo matching."""
        grams = terms.trigrams()
        if not grams:
            return ()
        if self.dialect == "sqlite":
            values = {"match": "{name} : (" + " OR ".join(quote(g) for g in grams) + ")"}
        else:
            values = {"word": max(terms.words, key=len)}
        return self._run(session, _fuzzy_statement(self.dialect, cap), span, values)

    def record_ids(self, e: IndexedEntity, terms: Terms) -> Select[int]:
        """SELECT of the ids of ``e``'s records matching ``terms`` (for list-view filters)."""
        cond: ColumnElement[bool]
        if terms.is_short:
            short = _prefix_values(terms)
            cond = _prefix_condition(self.dialect, len(terms.words), lambda n: _unique(short[n]))
        else:
            strict = _strict_values(self.dialect, terms, name_only=False)
            cond = _strict_condition(
                self.dialect, len(terms.long_words), False, lambda n: _unique(strict[n])
            )
        key_range = self.key.between(e.low, e.high)
        return select(self.key - e.low).select_from(_INDEX).where(cond, key_range)


def _unique(value: str) -> BindParameter[str]:
    return bindparam(None, value, unique=True)
