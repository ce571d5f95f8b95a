"""Find the partner a spreadsheet row means, however its name is written.

"Northlight Reading Trust Ltd" is the "Northlight Reading Trust" already held, and "The
Bright Futures Foundation" with the website of "Bright Futures Foundation" is that partner:
names are compared without case, accents, "The", "Ltd"/"Limited" and "&"/"and", and a
partner's website or its contacts' e-mail domain counts as its own.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core.importing.cleaning import web_domain
from brokerdesk.core.importing.folding import match_key
from brokerdesk.core.importing.matching import Candidate, Match, evidence_domain
from brokerdesk.core.models import Contact, Partner

# Words that say what kind of body a partner is, not which: "Northlight Reading Trust Ltd"
# is "Northlight Reading Trust"; "The Bright Futures Foundation" is "Bright Futures Foundation".
_PARTNER_FORMS = frozenset({"the", "ltd", "limited", "plc", "llp", "cic", "cio", "inc", "and"})


def partner_key(name: str) -> str:
    """A partner's name without 'The', 'Ltd', 'Limited', '&'/'and', accents or case."""
    key = match_key(name)
    if key.startswith("="):  # no letters or digits: its visible characters, as they are
        return key
    return " ".join(w for w in key.split() if w not in _PARTNER_FORMS) or key


class PartnerMatcher:
    """Existing partners by name (case, accents, 'Ltd', 'The' and '&' ignored), by the domain
    of their website or of their contacts' e-mail addresses, or fuzzily."""

    def __init__(self, session: Session) -> None:
        self.by_name: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        self.by_domain: dict[str, int] = {}
        self.labels: dict[int, str] = {}
        for pid, name, website in session.execute(
            select(Partner.id, Partner.name, Partner.website)
        ):
            self.add(pid, name, website)
        for owner, email in session.execute(
            select(Contact.partner_id, Contact.email).where(
                Contact.partner_id.is_not(None), Contact.email.is_not(None)
            )
        ):
            domain = evidence_domain(email or "")
            if domain and owner is not None:
                self.by_domain.setdefault(domain, owner)

    def add(self, pid: int, name: str, website: str | None) -> None:
        self.labels[pid] = name
        key = match_key(name)
        if key:  # a name with nothing visible matches nothing
            self.by_name.setdefault(key, pid)
            self.by_key.setdefault(partner_key(name), pid)
        domain = web_domain(website)
        if domain:
            self.by_domain.setdefault(domain, pid)

    def match(self, name: str, website: str | None = None, email: str | None = None) -> Match:
        folded = match_key(name)
        if folded and folded in self.by_name:
            return Match("matched", self.by_name[folded], 100.0, "same name")
        key = partner_key(name) if folded else ""
        if key and key in self.by_key:
            pid = self.by_key[key]
            reason = f"the same name as {self.labels[pid]} but for 'The', 'Ltd' or '&'"
            return Match("matched", pid, 98.0, reason)
        for domain, what in (
            (web_domain(website), "website"),
            (evidence_domain(email or ""), "e-mail"),
        ):
            if domain and domain in self.by_domain:
                pid = self.by_domain[domain]
                reason = f"same {what} domain ({domain}) as {self.labels[pid]}"
                return Match("matched", pid, 95.0, reason)
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
