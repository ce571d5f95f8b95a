"""Find the library service, partner or contact a spreadsheet cell means.

Library services are matched by GSS code first, then by every name BrokerDesk knows for them:
official and short names, the name variants table, abolished authorities, and the names
people write (``service_names.py``: "Notts CC", "RBKC", "Sir Gâr", "Libraries NI"), each
with and without the words that only say what kind of body it is. An e-mail address or
website in the row is strong evidence of its own. Then fuzzily, and carefully:

- only a close spelling of one service's name, with the same direction words ("North",
  "West") and clearly ahead of the next, is taken without review ("Nottinghamshre");
- a name sharing only words many services share ("Borough", "Libraries") suggests nothing;
- a match is **ambiguous** when a person must choose and no best guess is safe: a tie, a
  split council (Cumbria), a name that could mean several services ("Kingston",
  "Tri-borough", "Berkshire"), or a candidate that is only part of the name ("Newcastle" in
  "Newcastle-under-Lyme"). ``--accept-best`` never takes an ambiguous match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core.importing.cleaning import web_domain
from brokerdesk.core.importing.folding import fold
from brokerdesk.core.importing.service_names import (
    KnownName,
    directions,
    distinctive,
    known_names,
    name_forms,
    respelled,
    shortest_form,
)
from brokerdesk.core.models import (
    Contact,
    FormerAuthority,
    LibraryService,
    ServiceNameVariant,
)

GSS_CODE = re.compile(r"^[ENSWK]\d{8}$")
# Between two names for one service: 'Caerdydd / Cardiff', 'Libraries NI - Belfast'.
_SEPARATORS = re.compile(r"\s*(?:/|\||;|,|\s[-–—]\s)\s*")
REVIEW_FLOOR = 70.0  # below this a candidate is not worth showing
SURE_SPELLING = (
    88.0  # a close spelling (one slip in nine letters) of one name, taken without review
)
SAFE_BEST = 85.0  # the least a best guess needs for --accept-best (one slip in seven letters)
MARGIN = 8.0  # how far the best must lead the next for either
_CERTAIN = ("known name", "GSS code", "same name", "same email")
# Domains that say nothing about which service (web mail, the government's own).
_OPEN_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.com",
        "live.com",
        "live.co.uk",
        "yahoo.com",
        "yahoo.co.uk",
        "btinternet.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "gov.uk",
        "gov.wales",
        "llyw.cymru",
        "gov.scot",
        "nhs.net",
        "nhs.uk",
    }
)
_GOV_DOMAINS = (".gov.uk", ".gov.wales", ".llyw.cymru", ".gov.scot")


_fold = fold  # the name the importers and the duplicate finder have always used


def name_key(text: str) -> str:
    """A name reduced to what identifies the place: 'Bristol City Council' -> 'bristol'.

    Case, accents, punctuation, '&'/'and', short forms ("Notts") and words every council
    name carries ("Council", "Libraries", "London Borough of") are removed so the many
    spellings of one service meet.
    """
    return shortest_form(text)


def evidence_domain(text: str) -> str:
    """The domain of an e-mail address or website in a cell, or '' ('a@rbkc.gov.uk' ->
    'rbkc.gov.uk'); web mail and bare government domains are no evidence."""
    text = text.strip().lower()
    if "@" in text:
        domain = text.rsplit("@", 1)[1].strip(" .>")
    else:
        domain = web_domain(text) if "." in text and " " not in text else ""
    return "" if domain in _OPEN_DOMAINS else domain


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
        ambiguous: for ``review``, no candidate is a safe guess (a tie, a split council, a
            name several services share): only a person may choose, never ``--accept-best``.
        guessed: for ``matched``, taken from a close spelling or the row's address rather
            than a name or code known for the service.
        conflict_with: for a conflict, the earlier row of the file that landed on the same
            service from another name (``reason`` names both rows).
    """

    status: str
    record_id: int | None = None
    confidence: float = 0.0
    reason: str = ""
    candidates: list[Candidate] = field(default_factory=list)
    ambiguous: bool = False
    guessed: bool = False
    conflict_with: int | None = None

    @property
    def certain(self) -> bool:
        """Matched by a code or an exact known name: nothing worth a warning."""
        return self.status == "matched" and self.reason in _CERTAIN


class ServiceMatcher:
    """Every name, code and web domain of every library service, loaded once per import."""

    def __init__(self, session: Session) -> None:
        self.labels: dict[int, str] = {}
        self.codes: dict[str, int] = {}
        self.former_codes: dict[str, list[int]] = {}
        self.former_names: dict[str, str] = {}
        self._exact: dict[str, set[int]] = {}
        self._keys: dict[str, set[int]] = {}
        self._domains: dict[str, set[int]] = {}
        self._cache: dict[tuple[str, tuple[str, ...]], Match] = {}
        self._landed: dict[int, tuple[int, str, bool]] = {}
        for sid, code, name, nice, website, email in session.execute(
            select(
                LibraryService.id,
                LibraryService.gss_code,
                LibraryService.name,
                LibraryService.nice_name,
                LibraryService.website,
                LibraryService.email,
            )
        ):
            self.labels[sid] = f"{nice} ({code})"
            self.codes[code.upper()] = sid
            self._add(name, sid)
            self._add(nice, sid)
            for text in (website, email):
                domain = evidence_domain(text or "")
                if domain:
                    self._domains.setdefault(domain, set()).add(sid)
        for sid, name in session.execute(
            select(ServiceNameVariant.service_id, ServiceNameVariant.name)
        ):
            self._add(name, sid)
        for code, name, successor in session.execute(
            select(FormerAuthority.code, FormerAuthority.name, FormerAuthority.successor_id)
        ):
            self.former_codes.setdefault(code.upper(), []).append(successor)
            self.former_names.setdefault(_fold(name), code.upper())
            self.former_names.setdefault(name_key(name), code.upper())
        self._known: dict[str, tuple[KnownName, list[int]]] = {}
        for key, known in known_names().items():
            ids = [self.codes[c] for c in known.codes if c in self.codes]
            if ids:
                self._known[key] = (known, ids)
        self._choices = [k for k in self._keys if distinctive(k)]
        self._plain = [distinctive(k) for k in self._choices]

    def _add(self, name: str, sid: int) -> None:
        if not name:
            return
        self._exact.setdefault(_fold(name), set()).add(sid)
        self._keys.setdefault(name_key(name), set()).add(sid)

    def match(self, text: str, evidence: Iterable[str] = ()) -> Match:
        """Match one cell (a code or a name), with the row's e-mail addresses and websites
        as evidence; results are cached per distinct text and evidence."""
        cell = " ".join(text.split())
        domains = (
            tuple(sorted({d for d in map(evidence_domain, evidence) if d})) if evidence else ()
        )
        key = (cell, domains)
        found = self._cache.get(key)
        if found is None:  # a new text: a sheet mostly repeats its services
            by_name = self._cache.get((cell, ())) or self._match(cell)
            self._cache[(cell, ())] = by_name
            found = self._weigh(cell, by_name, domains) if domains else by_name
            self._cache[key] = found
        return found

    def _match(self, cell: str) -> Match:
        if not cell:
            return Match("none", reason="empty")
        code = cell.upper().replace(" ", "")
        if GSS_CODE.match(code):
            return self._by_code(code)
        if not _fold(cell):  # no letters or digits: nothing to match on, never "all the same"
            return Match("none", reason=f"'{cell}' has no letters or digits to match a name")
        if "(" in cell and ")" in cell:
            return self._bracketed(cell)
        for form in name_forms(cell):
            found = self._by_name(cell, form)
            if found is not None:
                return found
        mended = respelled(_fold(cell))
        if mended != _fold(cell):  # 'Nottinghamshire Conty Councl'
            for form in name_forms(mended):
                found = self._by_name(cell, form)
                if found is not None and found.status == "matched" and found.record_id:
                    reason = f"read as {self.labels[found.record_id]}, a close spelling"
                    return Match("matched", found.record_id, 95.0, reason, guessed=True)
        parts = [p for p in _SEPARATORS.split(cell) if p]
        if len(parts) > 1:
            agreed = self._agreed(parts)
            if agreed is not None:
                reason = f"read as {self.labels[agreed]}: its parts agree"
                return Match("matched", agreed, 95.0, reason)
        plain = distinctive(name_key(cell))
        if plain and plain != name_key(cell):  # 'Hull Culture and Leisure' is Hull's
            found = self._by_name(cell, plain)
            if found is not None and found.status == "matched":
                return found
        return self._fuzzy(cell)

    def _agreed(self, parts: list[str]) -> int | None:
        """The one service every part of 'Sir Fynwy / Monmouthshire' or 'Richmond, North
        Yorkshire' can mean (a part naming nothing is a note), or None."""
        found = [self._match(part) for part in parts]
        named = {m.record_id for m in found if m.status == "matched"}
        if len(named) != 1:
            return None
        sid = next(iter(named))
        unsure = [m for m in found if m.status == "review"]
        if any(sid not in {c.record_id for c in m.candidates} for m in unsure):
            return None
        return sid

    def _bracketed(self, cell: str) -> Match:
        """'Newcastle (Tyne and Wear)', 'Idea Store (Tower Hamlets)': the name as written,
        else the name outside the brackets, narrowed by what the brackets name."""
        for form in name_forms(cell):
            found = self._by_name(cell, form)
            if found is not None:
                return found
        inner = " ".join(re.findall(r"\(([^()]*)\)", cell))
        outer = " ".join(re.sub(r"\([^()]*\)", " ", cell).split())
        named = self._match(outer) if outer else Match("none")
        if named.status == "matched" or not inner:
            return named
        context = self._match(inner)
        near = {context.record_id} if context.status == "matched" else set()
        near |= {c.record_id for c in context.candidates}
        kept = [c for c in named.candidates if c.record_id in near]
        if len(kept) == 1:
            sid = kept[0].record_id
            reason = f"read as {self.labels[sid]}: the brackets say which"
            return Match("matched", sid, 95.0, reason)
        if named.status == "none" and context.status == "matched":
            return context
        return named

    def _by_name(self, cell: str, form: str) -> Match | None:
        ids = self._exact.get(form)
        if ids is None and form in self._known:
            return self._by_known(*self._known[form])
        ids = ids or self._keys.get(form)
        if ids and len(ids) == 1:
            return Match("matched", next(iter(ids)), 100.0, "known name")
        if ids:
            reason = "several services go by this name"
            return Match("review", None, 90.0, reason, self._cands(ids, 90.0), ambiguous=True)
        if form in self.former_names:
            return self._former(self.former_names[form], cell)
        return None

    def _by_known(self, known: KnownName, ids: list[int]) -> Match:
        if len(ids) == 1:
            return Match("matched", ids[0], 100.0, "known name")
        why = {
            "shared": "a service shared by several councils",
            "area": "an area covering several library services",
            "split": "a council abolished and split between several services",
        }.get(known.kind, "could mean several library services")
        reason = f"{why}: choose the one meant"
        return Match("review", None, 60.0, reason, self._cands(ids, 60.0), ambiguous=True)

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
        return Match("review", None, 50.0, reason, self._cands(successors, 50.0), ambiguous=True)

    def _fuzzy(self, cell: str) -> Match:
        key = name_key(cell)
        plain = distinctive(key)
        if len(directions(plain)) == len(plain.split()):  # nothing, or only 'North West'
            return Match("none", reason="only words many library services share")
        scores: dict[int, float] = {}
        for scorer, weight in ((fuzz.ratio, 1.0), (fuzz.token_set_ratio, 0.9)):
            found = process.extract(
                plain, self._plain, scorer=scorer, limit=12, score_cutoff=REVIEW_FLOOR / weight
            )
            for _choice, score, index in found:
                if not _shares_a_word(plain, self._plain[index]):
                    continue
                for sid in self._keys[self._choices[index]]:
                    scores[sid] = max(scores.get(sid, 0.0), float(score) * weight)
        if not scores:
            return Match("none", reason=f"no library service is called anything like '{cell}'")
        ranked = sorted(scores.items(), key=lambda item: (-item[1], self.labels[item[0]]))[:5]
        candidates = [Candidate(sid, self.labels[sid], round(score, 1)) for sid, score in ranked]
        best, lead = (
            candidates[0],
            candidates[0].score - (candidates[1].score if candidates[1:] else 0),
        )
        spelling = max(
            (
                OSA.normalized_similarity(key, k) * 100
                for k in self._choices
                if best.record_id in self._keys[k]
                and directions(k) == directions(key)
                and len(k.split()) == len(key.split())
            ),
            default=0.0,
        )
        if spelling >= SURE_SPELLING and lead >= MARGIN and len(key) >= 6:
            reason = f"read as {best.label}, a close spelling ({spelling:.0f}%)"
            return Match("matched", best.record_id, round(spelling, 1), reason, guessed=True)
        safe = spelling >= SAFE_BEST and lead >= MARGIN
        return Match("review", None, best.score, "similar name", candidates, ambiguous=not safe)

    def _weigh(self, cell: str, by_name: Match, domains: tuple[str, ...]) -> Match:
        """The name's match with the row's e-mail or website domain as evidence."""
        if by_name.status == "matched":
            return by_name
        for domain in domains:
            ids = self._by_domain(domain)
            if not ids:
                continue
            named = {c.record_id for c in by_name.candidates}
            narrowed = ids & named if named else ids
            if len(narrowed) == 1:
                sid = next(iter(narrowed))
                reason = f"taken as {self.labels[sid]}: the row's address is at {domain}"
                return Match("matched", sid, 95.0, reason, guessed=True)
            choices = self._cands(narrowed or (ids | named), 80.0)
            reason = f"{by_name.reason or 'no name match'}; the row's address is at {domain}"
            return Match("review", None, 80.0, reason, choices, ambiguous=True)
        return by_name

    def _by_domain(self, domain: str) -> set[int]:
        """The services whose website or e-mail is at ``domain`` (or a parent of it), or whose
        name is a government domain's first label ('nottinghamshire.gov.uk')."""
        parts = domain.split(".")
        for start in range(len(parts) - 1):
            ids = self._domains.get(".".join(parts[start:]))
            if ids:
                return ids
        for suffix in _GOV_DOMAINS:
            if domain.endswith(suffix):
                label = domain[: -len(suffix)].rsplit(".", 1)[-1]
                match = self._match(label.replace("-", " "))
                if match.status == "matched" and match.record_id is not None:
                    return {match.record_id}
        return set()

    def _cands(self, ids: Iterable[int], score: float) -> list[Candidate]:
        return sorted((Candidate(i, self.labels[i], score) for i in ids), key=lambda c: c.label)

    def land(self, sid: int, row: int, text: str, sure: bool) -> tuple[int, str] | None:
        """Note that ``row`` landed on service ``sid`` from ``text``; the earlier row and its
        text when that is a conflict: another name landed there first and one of the two
        was not certain ("Kingston" guessed, then "Kingston upon Hull")."""
        first = self._landed.get(sid)
        if first is None:
            self._landed[sid] = (row, text, sure)
            return None
        first_row, first_text, first_sure = first
        if (sure and first_sure) or first_text == text or _fold(first_text) == _fold(text):
            return None
        return first_row, first_text


def _shares_a_word(plain: str, choice: str) -> bool:
    """True when some word of ``plain`` is (nearly) a word of ``choice``: 'rct' shares
    nothing with 'bolton', however a scorer rates three letters inside six."""
    ours = [w for w in plain.split() if not directions(w)]  # 'East' is in many names
    return any(fuzz.ratio(a, b) >= 75 for a in ours for b in choice.split())


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
