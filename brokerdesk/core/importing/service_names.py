"""The names people write for library services, read from reviewed reference data.

"Notts CC", "RBKC", "Sir Gâr", "Libraries NI" and "Tri-borough" are how sign-up sheets name
library services; none of them is an official name. What they mean lives in two files under
``resources/reference/`` (sources in its ATTRIBUTION.md), not in code, so a reviewer can
check and extend them:

- ``service_name_words.csv``: words that say what kind of body it is ("County Council",
  "Libraries", "Cyngor Sir"), short forms of whole words ("Notts" for Nottinghamshire, "NE"
  for North East), words many services share ("Borough", "Libraries") and words that tell
  services apart ("North", "West").
- ``service_names.csv``: whole names with the GSS code(s) they mean: abbreviations, Welsh
  forms, the trusts and brands that run services, towns inside a county service, and names
  that could mean several services (never taken without a person choosing).
- ``districts.csv``: the districts of two-tier counties and their county's library service
  ("Harlow" is Essex's), built from ONS's lookup by ``core/reference/build.py``.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from brokerdesk.core.importing.folding import fold
from brokerdesk.paths import resource

WORDS_FILE = "service_name_words.csv"
NAMES_FILE = "service_names.csv"
DISTRICTS_FILE = "districts.csv"  # built from ONS's lookup: the districts inside a county
_MAX_FORMS = 24  # affix-stripped forms of one name tried at most (a few are usual)


@dataclass(frozen=True)
class NameWords:
    """What the words of a service's name do, from ``service_name_words.csv``."""

    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]
    short: dict[str, str]
    generic: frozenset[str]
    directions: frozenset[str]
    by_last: dict[str, tuple[str, ...]]  # suffixes by their last word, longest first
    by_first: dict[str, tuple[str, ...]]  # prefixes by their first word, longest first


@dataclass(frozen=True)
class KnownName:
    """A name from ``service_names.csv``: the service(s) it means and what kind of name it is."""

    name: str
    codes: tuple[str, ...]
    kind: str

    @property
    def certain(self) -> bool:
        return len(self.codes) == 1


def _rows(file_name: str) -> Iterator[dict[str, str]]:
    """The rows of a reference CSV whose first lines are ``#`` comments."""
    with resource("reference", file_name).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines)


@functools.cache
def name_words() -> NameWords:
    """The word lists, loaded once per process."""
    by_role: dict[str, list[tuple[str, str]]] = {}
    for row in _rows(WORDS_FILE):
        word = fold(row["word"])
        if word:
            by_role.setdefault(row["role"].strip(), []).append((word, fold(row["means"] or "")))

    def longest_first(role: str) -> tuple[str, ...]:
        return tuple(sorted({w for w, _ in by_role.get(role, [])}, key=lambda w: (-len(w), w)))

    suffixes, prefixes = longest_first("suffix"), longest_first("prefix")
    by_last: dict[str, tuple[str, ...]] = {}
    for suffix in suffixes:
        by_last[suffix.rsplit(" ", 1)[-1]] = (*by_last.get(suffix.rsplit(" ", 1)[-1], ()), suffix)
    by_first: dict[str, tuple[str, ...]] = {}
    for prefix in prefixes:
        by_first[prefix.split(" ", 1)[0]] = (*by_first.get(prefix.split(" ", 1)[0], ()), prefix)
    return NameWords(
        suffixes=suffixes,
        prefixes=prefixes,
        short={w: m for w, m in by_role.get("short", []) if m},
        generic=frozenset(w for w, _ in by_role.get("generic", [])),
        directions=frozenset(w for w, _ in by_role.get("direction", [])),
        by_last=by_last,
        by_first=by_first,
    )


@functools.cache
def known_names() -> dict[str, KnownName]:
    """Every name of ``service_names.csv`` and ``districts.csv`` by its fold (and its expanded
    fold); the first file wins where both name a place."""
    words = name_words()
    out: dict[str, KnownName] = {}
    for row in (*_rows(NAMES_FILE), *_rows(DISTRICTS_FILE)):
        known = KnownName(row["name"].strip(), tuple(row["services"].split()), row["kind"].strip())
        for key in (fold(known.name), expand(fold(known.name), words)):
            if key:
                out.setdefault(key, known)
    return out


def expand(folded: str, words: NameWords | None = None) -> str:
    """Short forms of whole words written out: 'ne lincs' -> 'north east lincolnshire'.

    A one-letter short form counts first or after another ('s glos', 'n e lincs'): after a
    word, a lone letter is what folding leaves of an apostrophe ("king's" is 'king s')."""
    short = (words or name_words()).short
    split = folded.split()
    return " ".join(
        word if len(word) == 1 and i and len(split[i - 1]) > 1 else short.get(word, word)
        for i, word in enumerate(split)
    )


def stripped_forms(folded: str, words: NameWords | None = None) -> list[str]:
    """``folded`` and every form of it without affixes, fewest removed first.

    Every order of removal is tried, because one order can eat a name: "cyngor sir gar"
    without "cyngor sir" is "gar", but without "cyngor" it is "sir gar", which is Sir Gâr.
    A form is never emptied: "city council" keeps its last word.
    """
    words = words or name_words()
    forms, level = [folded], [folded]
    seen = {folded}
    while level and len(forms) < _MAX_FORMS:
        following: list[str] = []
        for form in level:
            for nxt in _one_removed(form, words):
                if nxt not in seen:
                    seen.add(nxt)
                    following.append(nxt)
        following.sort(key=lambda f: (-len(f), f))
        forms.extend(following)
        level = following
    return forms[:_MAX_FORMS]


def _one_removed(form: str, words: NameWords) -> Iterator[str]:
    for suffix in words.by_last.get(form.rsplit(" ", 1)[-1], ()):
        if form.endswith(" " + suffix):
            yield form[: -len(suffix) - 1].strip()
    for prefix in words.by_first.get(form.split(" ", 1)[0], ()):
        if form.startswith(prefix + " "):
            yield form[len(prefix) + 1 :].strip()


def name_forms(text: str) -> list[str]:
    """The forms of a cell to look up, most literal first: as written, then expanded, each
    followed by its forms without affixes ('Notts CC' -> 'notts cc', 'notts',
    'nottinghamshire cc', 'nottinghamshire')."""
    words = name_words()
    folded = fold(text)
    out: dict[str, None] = {}
    for start in (folded, expand(folded, words)):
        for form in stripped_forms(start, words):
            out.setdefault(form, None)
    return [f for f in out if f]


def shortest_form(text: str) -> str:
    """The name with every affix it can lose removed: 'Bristol City Council' -> 'bristol'."""
    forms = stripped_forms(expand(fold(text)))
    return min(forms, key=lambda f: (len(f), f)) if forms else ""


def distinctive(key: str, words: NameWords | None = None) -> str:
    """A key without the words many services share ('hull culture leisure' -> 'hull');
    direction words stay ('north somerset')."""
    generic = (words or name_words()).generic
    return " ".join(w for w in key.split() if w not in generic)


def directions(key: str, words: NameWords | None = None) -> frozenset[str]:
    """The direction words of a key: {'north', 'east'} for 'north east lincolnshire'."""
    found = (words or name_words()).directions
    return frozenset(w for w in key.split() if w in found)


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    """Every word of every affix and generic word, five letters or more ('council')."""
    words = name_words()
    found = {
        w for phrase in (*words.suffixes, *words.prefixes, *words.generic) for w in phrase.split()
    }
    return tuple(sorted(w for w in found if len(w) >= 5))


def respelled(folded: str) -> str:
    """``folded`` with slips in the words every council name carries put right: 'notts conty
    councl' -> 'notts county council'. Place names are never touched."""
    vocabulary = _vocabulary()
    out = []
    for word in folded.split():
        if len(word) >= 5 and word not in vocabulary:
            near = [v for v in vocabulary if v[0] == word[0] and OSA.distance(word, v) <= 1]
            word = near[0] if len(near) == 1 else word
        out.append(word)
    return " ".join(out)
