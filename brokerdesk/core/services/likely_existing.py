"""Records that may already be the one being typed into a new-partner or new-contact form.

The form asks after each pause in typing; the names, websites and addresses are read once
(:meth:`LikelyExisting.load`) and matched in memory, so typing stays quick on a team server.
A partner is likely the same when its name is the same but for "The", "Ltd" or "&", when the
names are close however the words are split ("Northlight Sight Loss Trst" and "Northlight
Sightloss Trust"), when one name starts with the other, or when the website or an e-mail
domain is the same. A contact is likely the same when the e-mail address is the same, or the
name is close at the same organisation (or at none).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.importing.cleaning import web_domain
from brokerdesk.core.importing.folding import match_key
from brokerdesk.core.importing.matching import evidence_domain
from brokerdesk.core.importing.partner_matching import partner_key
from brokerdesk.core.models import Contact, Partner

CLOSE = 88.0  # a score from 0 to 100 at which two names are likely one organisation or person
SHOWN = 5
PREFIX_FROM = 5  # letters typed before "starts with what you typed" is worth saying


@dataclass(frozen=True)
class Candidate:
    """A record that may be the one being typed.

    Attributes:
        entity: "partner" or "contact".
        id: the existing record.
        name: its name.
        reason: why it looks the same, as the form says it ("same website").
        score: 0-100; the strongest reasons first.
        detail: what tells it apart (a contact's organisation or e-mail).
    """

    entity: str
    id: int
    name: str
    reason: str
    score: float
    detail: str = ""


@dataclass(frozen=True)
class _Known:
    id: int
    name: str
    key: str  # match_key: folded, punctuation gone
    tight: str  # the key without spaces: "sight loss" and "sightloss" agree
    keys: frozenset[str]  # exact keys: partner_key, website domain, e-mail domains / address
    group: tuple[int | None, int | None] = (None, None)
    detail: str = ""


def _tight(key: str) -> str:
    return key.replace(" ", "")


def _closeness(typed: str, typed_tight: str, known: _Known) -> float:
    return max(
        fuzz.token_sort_ratio(typed, known.key),
        fuzz.ratio(typed_tight, known.tight),
    )


class LikelyExisting:
    """Likely existing partners or contacts for a form, read once and matched as typed."""

    def __init__(self, entity: str, known: list[_Known]) -> None:
        self.entity = entity
        self.known = known

    @classmethod
    def load(cls, db: Database, entity: str) -> LikelyExisting:
        """Read what the matching needs: ``entity`` is "partner" or "contact"."""
        if entity == "partner":
            return cls(entity, _partners(db))
        if entity == "contact":
            return cls(entity, _contacts(db))
        raise ValueError(f"no likely-existing check for {entity!r}")

    def partners(self, name: str, website: str = "") -> list[Candidate]:
        """Partners that may be the one typed as ``name`` (and ``website``)."""
        typed = match_key(name)
        tight = _tight(typed)
        exact = partner_key(name) if name.strip() else ""
        domain = web_domain(website) if website.strip() else ""
        found: dict[int, Candidate] = {}
        for known in self.known:
            reason, score = "", 0.0
            if domain and f"web:{domain}" in known.keys:
                reason, score = "same website", 100.0
            elif typed and typed == known.key:
                reason, score = "same name", 100.0
            elif exact and f"name:{exact}" in known.keys:
                reason, score = "same name but for 'The', 'Ltd' or '&'", 99.0
            elif typed:
                close = _closeness(typed, tight, known)
                if close >= CLOSE:
                    reason, score = "similar name", close
                elif len(tight) >= PREFIX_FROM and known.tight.startswith(tight):
                    reason, score = "starts with what you typed", 70.0
            if reason:
                found[known.id] = Candidate("partner", known.id, known.name, reason, score)
        return _best(found)

    def contacts(
        self,
        full_name: str,
        email: str = "",
        partner_id: int | None = None,
        service_id: int | None = None,
    ) -> list[Candidate]:
        """Contacts that may be the person typed: the same address, or a close name at the
        same organisation (or one of the two without any)."""
        typed = match_key(full_name)
        tight = _tight(typed)
        address = email.strip().lower()
        group = (partner_id, service_id)
        found: dict[int, Candidate] = {}
        for known in self.known:
            reason, score = "", 0.0
            if address and f"mail:{address}" in known.keys:
                reason, score = "same e-mail address", 100.0
            elif typed and _same_place(group, known.group):
                close = _closeness(typed, tight, known)
                if close >= CLOSE:
                    reason, score = "similar name", close
            if reason:
                found[known.id] = Candidate(
                    "contact", known.id, known.name, reason, score, known.detail
                )
        return _best(found)


def _same_place(typed: tuple[int | None, int | None], known: tuple[int | None, int | None]) -> bool:
    """Two people at different organisations are different people."""
    if typed == (None, None) or known == (None, None):
        return True
    return typed == known


def _best(found: dict[int, Candidate]) -> list[Candidate]:
    ranked = sorted(found.values(), key=lambda c: (-c.score, c.name.lower(), c.id))
    return ranked[:SHOWN]


def _partners(db: Database) -> list[_Known]:
    with db.read() as session:
        rows = session.execute(select(Partner.id, Partner.name, Partner.website)).all()
        domains: dict[int, set[str]] = {}
        for partner_id, email in session.execute(
            select(Contact.partner_id, Contact.email).where(
                Contact.partner_id.is_not(None), Contact.email.is_not(None)
            )
        ):
            domain = evidence_domain(email or "")
            if domain and partner_id is not None:
                domains.setdefault(partner_id, set()).add(f"web:{domain}")
    out = []
    for pid, name, website in rows:
        key = match_key(name)
        keys = {f"name:{partner_key(name)}", *domains.get(pid, set())}
        if website and web_domain(website):
            keys.add(f"web:{web_domain(website)}")
        out.append(_Known(pid, name, key, _tight(key), frozenset(keys)))
    return out


def _contacts(db: Database) -> list[_Known]:
    with db.read() as session:
        rows = session.execute(
            select(
                Contact.id,
                Contact.full_name,
                Contact.email,
                Contact.partner_id,
                Contact.service_id,
                Partner.name,
            ).outerjoin(Partner, Partner.id == Contact.partner_id)
        ).all()
    out = []
    for cid, name, email, partner_id, service_id, partner_name in rows:
        key = match_key(name)
        keys = {f"mail:{email.strip().lower()}"} if email else set()
        detail = " · ".join(x for x in (partner_name, email) if x)
        out.append(
            _Known(cid, name, key, _tight(key), frozenset(keys), (partner_id, service_id), detail)
        )
    return out
