"""Find the library service, partner or contact a spreadsheet cell means.

Library services are matched by GSS code first, then by every name BrokerDesk knows for them
(official name, short name, the name variants table, and abolished authorities' names), then
fuzzily. Only an exact code or an exact known name counts as certain; anything fuzzy, and any
abolished county split between several successors, comes back as a match *for review* with
its candidates and a confidence, so nothing is guessed silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core.importing.cleaning import web_domain
from brokerdesk.core.importing.folding import fold, match_key
from brokerdesk.core.models import (
    Contact,
    FormerAuthority,
    LibraryService,
    Partner,
    ServiceNameVariant,
)

GSS_CODE = re.compile(r"^[ENSWK]\d{8}$")
REVIEW_FLOOR = 70.0  # below this a candidate is not worth showing
_SUFFIXES = (
    "metropolitan borough council",
    "county borough council",
    "borough council",
    "county council",
    "city council",
    "district council",
    "council",
    "libraries and information service",
    "library and information service",
    "library services",
    "library service",
    "libraries",
    "library",
    "city of",
    "county of",
    "mbc",
    "cbc",
)
_PREFIXES = ("london borough of", "royal borough of", "city and county of", "the")


_fold = fold  # the name the importers and the duplicate finder have always used


_FILLER = frozenset(
    {
        "and",
        "of",
        "the",
        "upon",
        "on",
        "ltd",
        "trust",
        "culture",
        "leisure",
        "community",
        "communities",
        "services",
        "service",
        "libraries",
        "library",
    }
)


def _plain_words(key: str) -> str:
    """A key without words too common to tell services apart (for fuzzy scoring only)."""
    return " ".join(w for w in key.split() if w not in _FILLER)


def name_key(text: str) -> str:
    """A name reduced to what identifies the place: 'Bristol City Council' -> 'bristol'.

    Case, accents, punctuation, '&'/'and' and words every council name carries ("Council",
    "Libraries", "London Borough of") are removed so the many spellings of one service meet.
    """
    key = _fold(text)
    changed = True
    while changed and key:
        changed = False
        for suffix in _SUFFIXES:
            if key.endswith(" " + suffix) and len(key) > len(suffix) + 1:
                key, changed = key[: -len(suffix) - 1].strip(), True
        for prefix in _PREFIXES:
            if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
                key, changed = key[len(prefix) + 1 :].strip(), True
    return key


@dataclass(frozen=True)
class Candidate:
    """A record a cell may mean, with how sure the match is (0-100)."""

    record_id: int
    label: str
    score: float


@dataclass
class Match:
    """The outcome of matching one cell.

    Attributes:
        status: ``matched`` (certain), ``review`` (a person must choose) or ``none``.
        record_id: the matched record (for ``matched``).
        confidence: 0-100.
        reason: why, in words ("GSS code", "former authority ...", "similar name").
        candidates: for ``review``, the choices, best first.
    """

    status: str
    record_id: int | None = None
    confidence: float = 0.0
    reason: str = ""
    candidates: list[Candidate] = field(default_factory=list)


class ServiceMatcher:
    """Every name and code of every library service, loaded once per import."""

    def __init__(self, session: Session) -> None:
        self.labels: dict[int, str] = {}
        self.codes: dict[str, int] = {}
        self.former_codes: dict[str, list[int]] = {}
        self.former_names: dict[str, str] = {}
        self._former_exact: dict[str, str] = {}
        self._exact: dict[str, set[int]] = {}
        self._keys: dict[str, set[int]] = {}
        self._cache: dict[str, Match] = {}
        for sid, code, name, nice in session.execute(
            select(
                LibraryService.id,
                LibraryService.gss_code,
                LibraryService.name,
                LibraryService.nice_name,
            )
        ):
            self.labels[sid] = f"{nice} ({code})"
            self.codes[code.upper()] = sid
            self._add(name, sid)
            self._add(nice, sid)
        for sid, name in session.execute(
            select(ServiceNameVariant.service_id, ServiceNameVariant.name)
        ):
            self._add(name, sid)
        for code, name, successor in session.execute(
            select(FormerAuthority.code, FormerAuthority.name, FormerAuthority.successor_id)
        ):
            self.former_codes.setdefault(code.upper(), []).append(successor)
            self._former_exact[_fold(name)] = code.upper()
            self.former_names.setdefault(name_key(name), code.upper())
        self._choices = list(self._keys)
        self._fuzzy_choices = [_plain_words(c) for c in self._choices]

    def _add(self, name: str, sid: int) -> None:
        if not name:
            return
        self._exact.setdefault(_fold(name), set()).add(sid)
        self._keys.setdefault(name_key(name), set()).add(sid)

    def match(self, text: str) -> Match:
        """Match one cell (a code or a name); results are cached per distinct text."""
        cell = " ".join(text.split())
        if cell not in self._cache:
            self._cache[cell] = self._match(cell)
        return self._cache[cell]

    def _match(self, cell: str) -> Match:
        if not cell:
            return Match("none", reason="empty")
        code = cell.upper().replace(" ", "")
        if GSS_CODE.match(code):
            return self._by_code(code)
        folded, key = _fold(cell), name_key(cell)
        if not folded:  # no letters or digits: nothing to match on, never "all the same"
            return Match("none", reason=f"'{cell}' has no letters or digits to match a name")
        for table, former_table, probe in (
            (self._exact, self._former_exact, folded),
            (self._keys, self.former_names, key),
        ):
            ids = table.get(probe)
            if ids and len(ids) == 1:
                return Match("matched", next(iter(ids)), 100.0, "known name")
            if ids:
                reason = "several services go by this name"
                return Match("review", None, 90.0, reason, self._cands(ids, 90.0))
            if probe in former_table:
                return self._former(former_table[probe], cell)
        return self._fuzzy(cell)

    def _by_code(self, code: str) -> Match:
        if code in self.codes:
            return Match("matched", self.codes[code], 100.0, "GSS code")
        if code in self.former_codes:
            return self._former(code, code)
        return Match("none", reason=f"no library service has the GSS code {code}")

    def _former(self, code: str, cell: str) -> Match:
        successors = sorted(set(self.former_codes.get(code, [])))
        if len(successors) == 1:
            sid = successors[0]
            reason = f"'{cell}' was abolished; its successor is {self.labels[sid]}"
            return Match("matched", sid, 100.0, reason)
        reason = f"'{cell}' was abolished and split between several services: choose one"
        return Match("review", None, 50.0, reason, self._cands(successors, 50.0))

    def _fuzzy(self, cell: str) -> Match:
        key = _plain_words(name_key(cell))
        if not key or not self._choices:
            return Match("none", reason="no name to match")
        best: dict[int, float] = {}
        found = process.extract(
            key, self._fuzzy_choices, scorer=fuzz.WRatio, limit=12, score_cutoff=REVIEW_FLOOR
        )
        for _choice, score, index in found:
            for sid in self._keys[self._choices[index]]:
                best[sid] = max(best.get(sid, 0.0), float(score))
        words = f" {key} "
        for index, choice in enumerate(self._fuzzy_choices):
            if len(choice) >= 4 and f" {choice} " in words:  # "hull" in "hull culture leisure"
                for sid in self._keys[self._choices[index]]:
                    best[sid] = max(best.get(sid, 0.0), 88.0)
        if not best:
            return Match("none", reason=f"no library service is called anything like '{cell}'")
        ranked = sorted(best.items(), key=lambda item: (-item[1], self.labels[item[0]]))[:5]
        candidates = [Candidate(sid, self.labels[sid], round(score, 1)) for sid, score in ranked]
        return Match("review", None, candidates[0].score, "similar name", candidates)

    def _cands(self, ids: Iterable[int], score: float) -> list[Candidate]:
        return sorted((Candidate(i, self.labels[i], score) for i in ids), key=lambda c: c.label)


class PartnerMatcher:
    """Existing partners by name (case and spacing ignored), website domain, or fuzzily."""

    def __init__(self, session: Session) -> None:
        self.by_name: dict[str, int] = {}
        self.by_domain: dict[str, int] = {}
        self.labels: dict[int, str] = {}
        for pid, name, website in session.execute(
            select(Partner.id, Partner.name, Partner.website)
        ):
            self.add(pid, name, website)

    def add(self, pid: int, name: str, website: str | None) -> None:
        self.labels[pid] = name
        key = match_key(name)
        if key:  # a name with nothing visible matches nothing
            self.by_name.setdefault(key, pid)
        domain = web_domain(website)
        if domain:
            self.by_domain.setdefault(domain, pid)

    def match(self, name: str, website: str | None = None) -> Match:
        folded = match_key(name)
        if folded and folded in self.by_name:
            return Match("matched", self.by_name[folded], 100.0, "same name")
        domain = web_domain(website)
        if domain and domain in self.by_domain:
            return Match("matched", self.by_domain[domain], 95.0, f"same website ({domain})")
        missing = Match("none", reason="there is no partner with this name or website")
        if not folded or not self.by_name:
            return missing
        found = process.extract(
            folded, list(self.by_name), scorer=fuzz.token_sort_ratio, limit=3, score_cutoff=88
        )
        if not found:
            return missing
        candidates = [
            Candidate(self.by_name[c], self.labels[self.by_name[c]], round(float(s), 1))
            for c, s, _ in found
        ]
        return Match("review", None, candidates[0].score, "similar name", candidates)


class ContactMatcher:
    """Existing contacts by email address (case ignored)."""

    def __init__(self, session: Session) -> None:
        self.by_email: dict[str, int] = {}
        for cid, email in session.execute(
            select(Contact.id, Contact.email).where(Contact.email.is_not(None))
        ):
            if email:
                self.by_email.setdefault(email.strip().lower(), cid)

    def match(self, email: str | None) -> Match:
        if email and email.strip().lower() in self.by_email:
            return Match("matched", self.by_email[email.strip().lower()], 100.0, "same email")
        return Match("none")
