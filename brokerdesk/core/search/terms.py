"""Turning what a user typed into search terms that can never be read as query syntax.

FTS5 gives meaning to ``"``, ``*``, ``(``, ``:``, ``-``, ``^``, ``AND``, ``OR``, ``NOT`` and
``NEAR``. We split the folded input into words on anything that is not a letter, digit or one
of ``@ . & /`` (kept for emails and websites), and quote every word, so the index only ever
sees literal text. "AND" is then just the letters a-n-d.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brokerdesk.core.search.folding import fold

_SPLIT = re.compile(r"[^\w@.&/]+")
_EDGE = ".&/@_"
MIN_TRIGRAM = 3  # the trigram index cannot answer shorter substrings


@dataclass(frozen=True)
class Terms:
    """A query, folded and split.

    Attributes:
        text: the whole folded query, single-spaced (for scoring against names).
        words: every word, in order.
    """

    text: str
    words: tuple[str, ...]

    @property
    def long_words(self) -> tuple[str, ...]:
        """Words the trigram index can look up (three characters or more)."""
        return tuple(w for w in self.words if len(w) >= MIN_TRIGRAM)

    @property
    def is_empty(self) -> bool:
        return not self.words

    @property
    def is_short(self) -> bool:
        """No word long enough for the index: answered by a name-prefix scan instead."""
        return bool(self.words) and not self.long_words

    def fts_match(self, column: str | None = None) -> str:
        """An FTS5 MATCH expression: every long word, quoted, all required."""
        phrase = " AND ".join(quote(w) for w in self.long_words)
        return f"{{{column}}} : ({phrase})" if column else phrase

    def trigrams(self) -> list[str]:
        """Distinct trigrams of the longest word (candidates for typo-tolerant matching)."""
        longest = max(self.words, key=len, default="")
        grams = {longest[i : i + 3] for i in range(len(longest) - 2)}
        return sorted(grams)


def quote(word: str) -> str:
    """An FTS5 string literal: the word exactly, whatever characters it holds."""
    return '"' + word.replace('"', '""') + '"'


def like_escape(word: str) -> str:
    """``word`` for a LIKE pattern with ``\\`` as the escape character."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def unsearchable(query: str) -> bool:
    """True for text that is not blank yet holds no letter or digit ("...", "-", "%", "'"):
    a search for it finds nothing, and the user is asked for letters or numbers instead."""
    return bool(query.strip()) and parse(query).is_empty


def parse(query: str) -> Terms:
    folded = fold(query)
    words = tuple(w for w in (part.strip(_EDGE) for part in _SPLIT.split(folded)) if w)
    return Terms(" ".join(folded.split()), words)
