"""Synthetic scale: a deterministic, plausible team's years of work, for benchmarks and demos.

Scale 1 is a large real team (600 partners, 3,000 contacts, 2,000 programmes, 50,000
participations, 100,000 interactions) on the real library services and branches; scale 10 is
ten times that, the size after many years. The same scale and seed always give the same
database, so benchmark figures compare like with like.

Rows go in with bulk Core inserts in one transaction with the per-row audit hook off (one
summary audit event instead); the search index triggers still fire, so the index is right.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

import brokerdesk.core.services.measures as measures
from brokerdesk.core import audit
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.models import (
    Agreement,
    Base,
    Branch,
    Contact,
    Interaction,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    PartnerOfferArea,
    Programme,
    ProgrammePartner,
)
from brokerdesk.core.reference.load import ensure_reference_data
from brokerdesk.core.search import schema

PER_SCALE = {
    "partners": 600,
    "contacts": 3_000,
    "programmes": 2_000,
    "participations": 50_000,
    "interactions": 100_000,
}
TODAY = dt.date(2026, 11, 1)  # fixed, so a seed always gives the same dates
YEARS = 10
CHUNK = 20_000

Progress = Callable[[str], None]

_ADJ = [
    "National",
    "Northern",
    "Open",
    "Bright",
    "Community",
    "Digital",
    "Silver",
    "Royal",
    "Little",
    "Green",
    "Shared",
    "Coastal",
    "Rural",
    "Urban",
    "Young",
    "Golden",
    "Wise",
]
_NOUN = [
    "Reading",
    "Books",
    "Stories",
    "Minds",
    "Voices",
    "Futures",
    "Words",
    "Skills",
    "Health",
    "Music",
    "Arts",
    "Sight",
    "Learning",
    "Heritage",
    "Science",
    "Poetry",
]
_KIND = [
    "Trust",
    "Foundation",
    "Network",
    "Alliance",
    "Society",
    "Agency",
    "Partnership",
    "Council",
    "Fund",
    "Charity",
    "Collective",
    "Institute",
    "Group",
    "Ltd",
]
_FIRST = [
    "Amira",
    "Ben",
    "Catrin",
    "Dev",
    "Eleri",
    "Femi",
    "Grace",
    "Harry",
    "Ioan",
    "Jade",
    "Kofi",
    "Lowri",
    "Maya",
    "Niall",
    "Olu",
    "Priya",
    "Rhys",
    "Sian",
    "Tom",
    "Zara",
    "Aoife",
    "Bethan",
    "Ciaran",
    "Dafydd",
    "Emma",
    "Gareth",
    "Hannah",
    "Iqbal",
]
_LAST = [
    "Ahmed",
    "Brown",
    "Davies",
    "Evans",
    "Fraser",
    "Gill",
    "Hughes",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Nolan",
    "Owen",
    "Patel",
    "Quinn",
    "Roberts",
    "Smith",
    "Taylor",
    "Walsh",
    "Williams",
    "Young",
    "O'Neill",
    "McAllister",
    "Okafor",
]
_ROLES = [
    "Partnerships Manager",
    "Head of Libraries",
    "Programme Lead",
    "Director",
    "Reader Development Officer",
    "Digital Lead",
    "Chief Executive",
    "Project Officer",
]
_THEMES = [
    "Summer Reading",
    "Reading Friends",
    "Digital Champions",
    "Audio Description",
    "Wellbeing Walks",
    "Code Club",
    "Rhyme Time",
    "Makerspace",
    "Memory Cafe",
    "Bookstart",
    "Poetry Slam",
    "Job Club",
    "Sight Loss Support",
    "Local Heritage",
]
_FORMATS = ["Pilot", "Challenge", "Programme", "Network", "Festival", "Roadshow", "Project"]
_SUBJECTS = [
    "Catch-up",
    "Kick-off meeting",
    "Quarterly review",
    "Funding call",
    "Renewal discussion",
    "Event debrief",
    "Introductions",
    "Data request",
    "Board update",
    "Site visit",
    "Evaluation findings",
    "Budget check",
]
_NOTE_BITS = [
    "agreed next steps",
    "shared the evaluation report",
    "asked for reach figures",
    "discussed renewal",
    "raised concerns about capacity",
    "keen to expand",
    "will send the contract",
    "interested in Wales",
    "needs board sign-off",
    "follow up after the holidays",
    "proposed a joint event",
    "budget confirmed",
]


@dataclass
class SyntheticReport:
    """How many rows were written, by kind."""

    partners: int = 0
    contacts: int = 0
    programmes: int = 0
    participations: int = 0
    interactions: int = 0
    agreements: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def target_counts(scale: float) -> dict[str, int]:
    """Rows per kind at ``scale`` (scale 1 = a large real team)."""
    return {kind: max(1, round(n * scale)) for kind, n in PER_SCALE.items()}


def ensure_reference(db: Database) -> None:
    """Load the real library services, branches and offer areas if the database has none."""
    ensure_reference_data(db)


def has_partners(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(Partner)))


def seed(
    db: Database,
    scale: float,
    *,
    seed_value: int = 1,
    progress: Progress | None = None,
    load_reference: bool = True,
) -> SyntheticReport:
    """Add a synthetic team's records at ``scale`` in one transaction; returns the counts."""
    if scale <= 0:
        raise BrokerDeskError("The scale must be more than 0.")
    say = progress or (lambda _message: None)
    if load_reference:
        say("Checking the reference data (library services, branches, offer areas)...")
        ensure_reference(db)
    counts = target_counts(scale)
    rng = random.Random(seed_value)
    report = SyntheticReport()
    with db.write() as session:
        session.info["audit_disabled"] = True
        conn = session.connection()
        bulk = db.is_sqlite
        if bulk:
            # FTS5 writes one row at a time cost ~70 us each from a trigger but ~30 us in one
            # INSERT ... SELECT: drop the triggers, load, index the new rows, put them back,
            # all inside this one transaction (SQLite DDL is transactional).
            for name in schema.trigger_names("sqlite"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        builder = _Builder(session, rng, counts, say)
        builder.run(report)
        measures.adopt_column_figures(session)  # reach and sessions, as measures
        if bulk:
            say("Search index...")
            for entity, first_id in builder.first_ids.items():
                e = schema.BY_NAME[entity]
                rows = schema.sqlite_rows_sql(e, f"WHERE x.id >= {int(first_id)}")
                conn.exec_driver_sql(f"INSERT INTO search_index(rowid, name, body) {rows}")
            schema.create_sqlite_triggers(conn)
        audit.record(
            session,
            "import",
            "synthetic",
            f"Synthetic data at scale {scale:g}: "
            + ", ".join(f"{v:,} {k}" for k, v in report.as_dict().items()),
        )
    say("Done.")
    return report


class _Builder:
    def __init__(
        self, session: Session, rng: random.Random, counts: dict[str, int], say: Progress
    ) -> None:
        self.session = session
        self.rng = rng
        self.counts = counts
        self.say = say
        self.now = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
        self.first_ids: dict[str, int] = {}  # first new id of each searchable kind
        self.services = list(session.scalars(select(LibraryService.id).order_by(LibraryService.id)))
        self.areas = list(session.scalars(select(OfferArea.id).order_by(OfferArea.id)))
        self.branches: dict[int, list[int]] = {}
        for branch_id, service_id in session.execute(
            select(Branch.id, Branch.service_id).order_by(Branch.id)
        ):
            self.branches.setdefault(service_id, []).append(branch_id)

    def _next_id(self, model: type[Base]) -> int:
        table: Any = model.__table__
        return int(self.session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1

    def _insert(self, model: type[Base], rows: Iterator[dict[str, Any]], label: str) -> int:
        table: Table = model.__table__  # type: ignore[assignment]
        written = 0
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= CHUNK:
                self.session.execute(insert(table), batch)
                written += len(batch)
                batch = []
                self.say(f"  {label}: {written:,}")
        if batch:
            self.session.execute(insert(table), batch)
            written += len(batch)
        self.say(f"  {label}: {written:,} written")
        return written

    def _stamp(self) -> dict[str, Any]:
        return {"created_at": self.now, "updated_at": self.now, "version_id": 1}

    def _day(self, years_back: float = YEARS) -> dt.date:
        return TODAY - dt.timedelta(days=self.rng.randrange(int(365 * years_back)))

    def run(self, report: SyntheticReport) -> None:
        rng = self.rng
        self.say("Partners...")
        first_partner = self.first_ids["partner"] = self._next_id(Partner)
        partner_ids = list(range(first_partner, first_partner + self.counts["partners"]))
        report.partners = self._insert(Partner, self._partners(partner_ids), "partners")
        links = [
            {"partner_id": p, "offer_area_id": a}
            for p in partner_ids
            for a in rng.sample(self.areas, k=min(len(self.areas), rng.randint(1, 2)))
        ]
        self._insert(PartnerOfferArea, iter(links), "partner offer areas")
        self.first_ids["agreement"] = self._next_id(Agreement)  # searched by title (Ctrl+K)
        report.agreements = self._insert(Agreement, self._agreements(partner_ids), "agreements")

        self.say("Contacts...")
        first_contact = self.first_ids["contact"] = self._next_id(Contact)
        report.contacts = self._insert(
            Contact, self._contacts(first_contact, partner_ids), "contacts"
        )

        self.say("Programmes...")
        first_programme = self.first_ids["programme"] = self._next_id(Programme)
        programme_ids = list(range(first_programme, first_programme + self.counts["programmes"]))
        report.programmes = self._insert(Programme, self._programmes(programme_ids), "programmes")
        self._insert(
            ProgrammePartner, self._programme_partners(programme_ids, partner_ids), "links"
        )

        self.say("Participations...")
        report.participations = self._insert(
            Participation, self._participations(programme_ids), "participations"
        )
        self.first_ids["interaction"] = self._next_id(Interaction)
        self.say("Interactions...")
        report.interactions = self._insert(
            Interaction, self._interactions(partner_ids, programme_ids), "interactions"
        )

    def _partners(self, ids: Sequence[int]) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for pid in ids:
            name = f"{rng.choice(_ADJ)} {rng.choice(_NOUN)} {rng.choice(_KIND)}"
            slug = name.lower().replace(" ", "")
            yield {
                "id": pid,
                "name": name,
                "partner_type": rng.choice(
                    ("charity", "charity", "public_body", "company", "funder", "other")
                ),
                "status": rng.choice(("prospect", "active", "active", "active", "paused", "ended")),
                "owner": rng.choice(_FIRST),
                "website": f"https://www.{slug}{pid}.org.uk",
                "notes": f"{rng.choice(_NOTE_BITS).capitalize()}; {rng.choice(_NOTE_BITS)}.",
                "contact_limit_days": rng.choice((60, 90, 90, 120)),
                **self._stamp(),
            }

    def _agreements(self, partner_ids: Sequence[int]) -> Iterator[dict[str, Any]]:
        for pid in partner_ids:
            start = self._day(8)
            end = start + dt.timedelta(days=self.rng.choice((365, 730, 1095)))
            yield {
                "partner_id": pid,
                "title": "Partnership agreement",
                "start_date": start,
                "end_date": end,
                "renewal_date": end - dt.timedelta(days=90),
                **self._stamp(),
            }

    def _contacts(self, first: int, partner_ids: Sequence[int]) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for cid in range(first, first + self.counts["contacts"]):
            given, family = rng.choice(_FIRST), rng.choice(_LAST)
            at_partner = rng.random() < 0.7
            yield {
                "id": cid,
                "full_name": f"{given} {family}",
                "role": rng.choice(_ROLES),
                "email": f"{given}.{family}{cid}@example.org".lower().replace("'", ""),
                "phone": f"01632 {rng.randrange(100000, 999999)}",
                "partner_id": rng.choice(partner_ids) if at_partner else None,
                "service_id": None if at_partner else rng.choice(self.services),
                **self._stamp(),
            }

    def _programmes(self, ids: Sequence[int]) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for pid in ids:
            start = self._day()
            theme = rng.choice(_THEMES)
            yield {
                "id": pid,
                "name": f"{theme} {rng.choice(_FORMATS)} {start.year}",
                "offer_area_id": rng.choice(self.areas),
                "status": rng.choice(
                    ("idea", "negotiating", "live", "live", "completed", "cancelled")
                ),
                "start_date": start,
                "end_date": start + dt.timedelta(days=rng.randrange(90, 900)),
                "description": f"{theme} with library services; {rng.choice(_NOTE_BITS)}.",
                "target_services": rng.randrange(5, 60),
                **self._stamp(),
            }

    def _programme_partners(
        self, programme_ids: Sequence[int], partner_ids: Sequence[int]
    ) -> Iterator[dict[str, Any]]:
        for pid in programme_ids:
            chosen = self.rng.sample(
                list(partner_ids[:2000]) if len(partner_ids) > 2000 else list(partner_ids),
                k=min(2, len(partner_ids)),
            )
            for role, partner in zip(("lead", "funder"), chosen, strict=False):
                yield {"programme_id": pid, "partner_id": partner, "role": role, **self._stamp()}

    def _participations(self, programme_ids: Sequence[int]) -> Iterator[dict[str, Any]]:
        rng = self.rng
        target = self.counts["participations"]
        per = max(1, round(target / len(programme_ids)))
        written = 0
        for pid in programme_ids:
            if written >= target:
                return
            k = min(
                len(self.services), rng.randint(max(1, per // 2), per + per // 2), target - written
            )
            for service_id in rng.sample(self.services, k=k):
                start = self._day()
                yield {
                    "programme_id": pid,
                    "service_id": service_id,
                    "stage": rng.choice(
                        (
                            "invited",
                            "interested",
                            "signed_up",
                            "active",
                            "active",
                            "completed",
                            "withdrawn",
                        )
                    ),
                    "start_date": start,
                    "reach": rng.randrange(0, 2000),
                    "sessions": rng.randrange(0, 40),
                    **self._stamp(),
                }
                written += 1

    def _interactions(
        self, partner_ids: Sequence[int], programme_ids: Sequence[int]
    ) -> Iterator[dict[str, Any]]:
        rng = self.rng
        days = sorted(self._day() for _ in range(self.counts["interactions"]))
        for day in days:  # oldest first: ids grow with time, as in real use
            with_partner = rng.random() < 0.8
            follow = rng.random() < 0.3
            yield {
                "kind": rng.choice(("meeting", "call", "call", "email", "email", "event", "note")),
                "occurred_on": day,
                "subject": rng.choice(_SUBJECTS),
                "notes": f"{rng.choice(_NOTE_BITS).capitalize()}; {rng.choice(_NOTE_BITS)}.",
                "by_whom": rng.choice(_FIRST),
                "partner_id": rng.choice(partner_ids) if with_partner else None,
                "service_id": None if with_partner else rng.choice(self.services),
                "programme_id": rng.choice(programme_ids) if rng.random() < 0.4 else None,
                "follow_up_on": day + dt.timedelta(days=rng.randrange(7, 60)) if follow else None,
                "follow_up_done": follow and day < TODAY - dt.timedelta(days=60),
                **self._stamp(),
            }
