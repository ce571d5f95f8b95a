"""Folding text for search: one deterministic mapping, used by Python and by the database.

SQLite 3.40 has no ``remove_diacritics`` for the trigram tokenizer, so the index stores text
already folded (accents removed, lower case, apostrophes dropped). The folding is written as
plain SQL (nested ``replace()`` on SQLite, ``translate()`` on PostgreSQL) rather than as a
Python function registered on each connection: the triggers then work on every connection
that writes, including the sqlite3 shell, a backup tool or another engineer's bulk import,
and a connection that forgot a hook can never fail a write with "no such function".
"""

from __future__ import annotations

# Accented Latin letters seen in UK names (Welsh circumflexes included) and a few ligatures.
_ACCENTED = {
    "a": "àáâãäå",
    "c": "ç",
    "e": "èéêë",
    "i": "ìíîï",
    "n": "ñ",
    "o": "òóôõöø",
    "u": "ùúûü",
    "w": "ŵ",
    "y": "ýÿŷ",
    "s": "š",
    "z": "ž",
}
_MULTI = {"ß": "ss", "æ": "ae", "œ": "oe", "Æ": "ae", "Œ": "oe"}
# Apostrophes vanish so that "St Helens" finds "St Helen's"; typographic quotes likewise.
_DROPPED = "'’‘"


def _pairs() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for base, letters in _ACCENTED.items():
        for letter in letters:
            pairs.append((letter, base))
            upper = letter.upper()
            if upper != letter and len(upper) == 1:
                pairs.append((upper, base))
    pairs.extend(_MULTI.items())
    pairs.extend((mark, "") for mark in _DROPPED)
    return pairs


FOLD_PAIRS: tuple[tuple[str, str], ...] = tuple(_pairs())
_TABLE = str.maketrans({src: dst for src, dst in FOLD_PAIRS})


def fold(text: str | None) -> str:
    """Accent-, case- and apostrophe-insensitive form of ``text`` (what the index stores)."""
    if not text:
        return ""
    return _ascii_lower(text.translate(_TABLE))


def _ascii_lower(text: str) -> str:
    # SQLite's lower() folds ASCII only; doing the same keeps both sides identical. The FTS5
    # trigram tokenizer folds the case of any other letter when matching.
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_LAYER = 12  # replace() calls per SELECT layer: deeper nesting overflows SQLite's parser stack


def sqlite_folded_select(inner: str, key: str, columns: tuple[str, ...]) -> str:
    """Wrap ``inner`` (a SELECT giving ``key`` and ``columns``) so the columns come out folded.

    Exactly :func:`fold`, in SQL. The replace() chain is split over nested SELECT layers
    because one expression of 70 nested calls overflows SQLite's parser stack, and it runs
    only on rows holding a non-ASCII character or an apostrophe (a UNION ALL of the two
    kinds of row): most text is plain ASCII, and a plain lower() there makes bulk inserts
    several times faster.
    """
    # GLOB class: anything outside printable ASCII, or an apostrophe (0x27).
    needs = " OR ".join(f"coalesce({c} GLOB '*[^ -&(-~]*', 0)" for c in columns)
    lowered = ", ".join(f"lower(coalesce({c}, '')) AS {c}" for c in columns)
    plain = f"SELECT {key}, {lowered} FROM ({inner}) WHERE NOT ({needs})"
    sql = f"SELECT {key}, {lowered} FROM ({inner}) WHERE {needs}"
    for start in range(0, len(FOLD_PAIRS), _LAYER):
        chunk = FOLD_PAIRS[start : start + _LAYER]
        parts = []
        for column in columns:
            expr = column
            for src, dst in chunk:
                expr = f"replace({expr}, {_sql_literal(src)}, {_sql_literal(dst)})"
            parts.append(f"{expr} AS {column}")
        sql = f"SELECT {key}, {', '.join(parts)} FROM ({sql})"
    return f"{plain} UNION ALL {sql}"


def postgres_fold_function_sql() -> str:
    """``CREATE FUNCTION brokerdesk_fold(text)``: the same folding on PostgreSQL."""
    single = [(s, d) for s, d in FOLD_PAIRS if len(d) == 1]
    multi = [(s, d) for s, d in FOLD_PAIRS if len(d) != 1]
    body = (
        f"translate($1, {_sql_literal(''.join(s for s, _ in single))}, "
        f"{_sql_literal(''.join(d for _, d in single))})"
    )
    for src, dst in multi:
        body = f"replace({body}, {_sql_literal(src)}, {_sql_literal(dst)})"
    # lower() after translate: PostgreSQL's lower() folds every letter, which only ever
    # touches letters the FTS side also compares case-insensitively.
    body = body.replace("$1", "coalesce(value, '')")
    return (
        "CREATE OR REPLACE FUNCTION brokerdesk_fold(value text) RETURNS text "
        f"LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower({body}) $$"
    )
