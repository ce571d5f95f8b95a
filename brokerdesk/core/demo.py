"""The demo database: fictional partners and programmes on the real library services.

Deterministic for a seed and a date, so screenshots, tests and the user guide agree. Every
partner, person and programme is invented; the library services and branches are real.
The data is shaped by the team's week (``shared/SCENARIOS.md``): a sight-loss charity with
an audio-described reading pilot, overdue follow-ups, a partner not contacted for months,
agreements ending next quarter, and North West services with no live Health & Wellbeing
programme to find on the coverage matrix.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select

from brokerdesk.core import audit, models
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.models import (
    Agreement,
    Contact,
    Interaction,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    PartnerOfferArea,
    PartnerTag,
    Programme,
    ProgrammeOfferArea,
    ProgrammePartner,
    Tag,
)

TEAM = ("Priya Shah", "Tom Okafor", "Hannah Lewis", "Gareth Jones", "Aisling Byrne")
# (name, type, status, offer area codes, contact limit days)
PARTNERS: tuple[tuple[str, str, str, tuple[str, ...], int], ...] = (
    ("Northlight Sight Loss Trust", "charity", "active", ("vision_print_impaired", "reading"), 30),
    ("Open Pages Reading Charity", "charity", "active", ("reading", "childrens_promise"), 60),
    ("Digital Bridges Foundation", "charity", "active", ("information_digital",), 90),
    ("Wellbeing Partnership for England", "public_body", "active", ("health_wellbeing",), 60),
    ("Brightwave Broadcasting", "company", "active", ("culture_creativity", "reading"), 90),
    ("Lantern Arts Fund", "funder", "active", ("culture_creativity",), 90),
    ("Kestrel Technology UK", "company", "paused", ("information_digital",), 180),
    ("Story Trail Trust", "charity", "active", ("childrens_promise", "reading"), 60),
    ("Harbour Health Network", "public_body", "active", ("health_wellbeing",), 90),
    ("Audio Books for All", "charity", "active", ("vision_print_impaired",), 60),
    ("Civic Data Collective", "charity", "prospect", ("information_digital",), 90),
    ("Makers in Residence", "charity", "active", ("culture_creativity",), 90),
    ("Greenleaf Community Foundation", "funder", "active", ("health_wellbeing", "reading"), 180),
    ("First Words Early Years Trust", "charity", "active", ("childrens_promise",), 60),
    (
        "Silver Surfers Network",
        "charity",
        "active",
        ("information_digital", "health_wellbeing"),
        90,
    ),
    ("National Poetry Exchange", "charity", "ended", ("reading", "culture_creativity"), 180),
    ("Tactile Books Cooperative", "charity", "prospect", ("vision_print_impaired",), 90),
    ("Careers Compass", "public_body", "active", ("information_digital",), 90),
    ("Museum Without Walls", "charity", "paused", ("culture_creativity",), 120),
    ("Quiet Minds Mental Health Charity", "charity", "active", ("health_wellbeing",), 60),
    ("Reading Robins Family Trust", "charity", "active", ("childrens_promise", "reading"), 90),
    ("Coastline Heritage Lottery Trust", "funder", "active", ("culture_creativity",), 180),
    ("Codebase Learning", "company", "prospect", ("information_digital", "childrens_promise"), 90),
    ("Large Print Press Partnership", "company", "active", ("vision_print_impaired",), 90),
    ("Healthy Ageing Alliance", "public_body", "ended", ("health_wellbeing",), 180),
    ("Libraries Green Futures", "charity", "active", ("culture_creativity",), 90),
    ("Talking News Federation", "charity", "active", ("vision_print_impaired",), 60),
    ("Summer Stories Foundation", "funder", "active", ("reading", "childrens_promise"), 90),
)
PROGRAMME_WORDS = {
    "culture_creativity": (
        "Makers' Month",
        "Local Voices Arts",
        "Creative Residencies",
        "Heritage Hunters",
        "Comic Lab",
        "Music in Libraries",
        "Stage Corners",
    ),
    "information_digital": (
        "Get Online Week",
        "Digital Champions",
        "Code Clubs",
        "Scam Aware",
        "Job Seekers Digital",
        "Data Skills Drop-ins",
        "Tablet Lending",
    ),
    "health_wellbeing": (
        "Books on Prescription",
        "Wellbeing Cafés",
        "Memory Moments",
        "Walk and Read",
        "Quiet Spaces",
        "Carers' Corners",
        "Healthy Minds Talks",
    ),
    "reading": (
        "Reading Friends",
        "Big Book Weekend",
        "Chatterbooks Clubs",
        "Reader Voices",
        "Shared Reading Circles",
        "Novel Nights",
        "First Chapters",
    ),
    "vision_print_impaired": (
        "Audio-described Reading Pilot",
        "Talking Books Access",
        "Large Print Lending",
        "Accessible Reading Groups",
        "Tech for Sight Loss",
        "Tactile Storytimes",
        "Sound Stories",
    ),
    "childrens_promise": (
        "Summer Reading Adventure",
        "Rhymetime Plus",
        "Homework Heroes",
        "Baby Book Bags",
        "Young Reporters",
        "Little Makers",
        "Teen Takeover",
    ),
}
FIRST_NAMES = (
    "Amira",
    "Ben",
    "Chloe",
    "Dafydd",
    "Ellen",
    "Femi",
    "Grace",
    "Harvey",
    "Isla",
    "Jas",
    "Kieran",
    "Leah",
    "Marek",
    "Niamh",
    "Owen",
    "Poppy",
    "Rhys",
    "Sana",
    "Theo",
    "Una",
    "Vikram",
    "Wren",
    "Yusuf",
    "Zara",
)
LAST_NAMES = (
    "Adams",
    "Bevan",
    "Clarke",
    "Doherty",
    "Evans",
    "Fraser",
    "Gill",
    "Hughes",
    "Iqbal",
    "Jenkins",
    "Kaur",
    "Lloyd",
    "Morgan",
    "Nolan",
    "O'Neill",
    "Patel",
    "Quinn",
    "Roberts",
    "Singh",
    "Taylor",
    "Walsh",
    "Young",
)
ROLES = (
    "Programme Manager",
    "Head of Partnerships",
    "Chief Executive",
    "Engagement Officer",
    "Communications Lead",
    "Project Coordinator",
)
SERVICE_ROLES = (
    "Reader Development Librarian",
    "Head of Libraries",
    "Community Librarian",
    "Digital Inclusion Officer",
    "Children's Services Manager",
)
SUBJECTS = (
    "Quarterly catch-up",
    "Programme planning",
    "Sign-up call",
    "Evaluation review",
    "Funding conversation",
    "Launch event",
    "Training session",
    "Progress update",
    "Board introduction",
    "Renewal discussion",
)
TAGS = ("national", "pilot", "funder", "sight loss", "children", "digital inclusion", "arts")
# The programme statuses, with how many programmes of each (at least one per area too).
STATUS_WEIGHTS = (("idea", 1), ("negotiating", 2), ("live", 5), ("completed", 2), ("cancelled", 1))


def _local_part(person: str) -> str:
    return person.lower().replace(" ", ".").replace("'", "")


@dataclass
class DemoReport:
    partners: int = 0
    contacts: int = 0
    agreements: int = 0
    programmes: int = 0
    participations: int = 0
    interactions: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def build_demo(db: Database, seed: int = 2026, today: dt.date | None = None) -> DemoReport:
    """Add the demo partners, programmes, participations and interactions (one transaction).

    Raises:
        BrokerDeskError: the reference data is missing, or the database already has partners.
    """
    today = today or dt.date.today()
    rng = random.Random(seed)
    report = DemoReport()
    with db.write() as session:
        session.info["audit_disabled"] = True
        if session.scalar(select(func.count()).select_from(Partner)):
            raise BrokerDeskError(
                "This database already has partners; the demo needs an empty one."
            )
        areas = dict(session.execute(select(OfferArea.code, OfferArea.id)).all())
        members = session.execute(
            select(LibraryService.id, LibraryService.region)
            .where(LibraryService.is_member.is_(True))
            .order_by(LibraryService.gss_code)
        ).all()
        if len(areas) < 6 or not members:
            raise BrokerDeskError("Load the reference data first (brokerdesk init).")
        builder = _Builder(session, rng, today, areas, list(members), report)
        builder.partners()
        builder.programmes()
        builder.participations()
        builder.interactions()
        audit.record(session, "import", "partner", f"Demo data: {report.as_dict()}")
    return report


class _Builder:
    def __init__(
        self,
        session: Any,
        rng: random.Random,
        today: dt.date,
        areas: dict[str, int],
        members: list[Any],
        report: DemoReport,
    ) -> None:
        self.s = session
        self.rng = rng
        self.today = today
        self.areas = areas
        self.members = [m.id for m in members]
        self.region = {m.id: m.region for m in members}
        self.report = report
        self.partner_ids: list[int] = []
        self.partner_areas: dict[int, tuple[str, ...]] = {}
        self.programmes_by_area: dict[str, list[tuple[int, str]]] = {}
        self.service_contacts: dict[int, int] = {}

    def _ids(self, model: Any, count: int) -> list[int]:
        return list(self.s.scalars(select(model.id).order_by(model.id.desc()).limit(count)))[::-1]

    def _day(self, back: int, forward: int = 0) -> dt.date:
        return self.today + dt.timedelta(days=self.rng.randint(-back, forward))

    def _person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def partners(self) -> None:
        rows = []
        for name, kind, status, _areas, limit in PARTNERS:
            slug = name.lower().split()[0].replace("'", "")
            rows.append(
                {
                    "name": name,
                    "partner_type": kind,
                    "status": status,
                    "owner": self.rng.choice(TEAM),
                    "website": f"https://www.{slug}.example.org",
                    "notes": f"Demo partner: {name} works with libraries nationally.",
                    "contact_limit_days": limit,
                    "version_id": 1,
                }
            )
        self.s.execute(insert(Partner), rows)
        self.partner_ids = self._ids(Partner, len(rows))
        self.s.execute(insert(Tag), [{"name": t} for t in TAGS])
        tag_ids = self._ids(Tag, len(TAGS))
        links, tags, contacts, agreements = [], [], [], []
        for pid, (name, _k, status, codes, _l) in zip(self.partner_ids, PARTNERS, strict=True):
            self.partner_areas[pid] = codes
            links += [{"partner_id": pid, "offer_area_id": self.areas[c]} for c in codes]
            tags += [{"partner_id": pid, "tag_id": t} for t in self.rng.sample(tag_ids, 2)]
            domain = name.lower().split()[0].replace("'", "") + ".example.org"
            for _ in range(self.rng.randint(1, 4)):
                person = self._person()
                contacts.append(
                    {
                        "full_name": person,
                        "role": self.rng.choice(ROLES),
                        "email": f"{_local_part(person)}@{domain}",
                        "phone": f"020 7946 0{self.rng.randint(100, 999)}",
                        "partner_id": pid,
                        "version_id": 1,
                    }
                )
            if status != "prospect":
                start = self._day(900, -200)
                end = self.today + dt.timedelta(days=self.rng.choice((20, 45, 75, 200, 400, 700)))
                if status == "ended":
                    end = self.today - dt.timedelta(days=self.rng.randint(30, 300))
                agreements.append(
                    {
                        "partner_id": pid,
                        "title": f"Partnership agreement {start.year}",
                        "start_date": start,
                        "end_date": end,
                        "renewal_date": end - dt.timedelta(days=60),
                        "version_id": 1,
                    }
                )
        for sid in self.rng.sample(self.members, 60):
            contacts.append(
                {
                    "full_name": self._person(),
                    "role": self.rng.choice(SERVICE_ROLES),
                    "email": None,
                    "phone": None,
                    "service_id": sid,
                    "version_id": 1,
                }
            )
        self.s.execute(insert(PartnerOfferArea), links)
        self.s.execute(insert(PartnerTag), tags)
        self.s.execute(insert(Contact), contacts)
        self.s.execute(insert(Agreement), agreements)
        for cid, sid in self.s.execute(
            select(Contact.id, Contact.service_id).where(Contact.service_id.is_not(None))
        ):
            self.service_contacts[sid] = cid
        self.report.partners = len(rows)
        self.report.contacts = len(contacts)
        self.report.agreements = len(agreements)

    def programmes(self) -> None:
        rows, meta = [], []
        statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
        for code, names in PROGRAMME_WORDS.items():
            leads = [p for p in self.partner_ids if code in self.partner_areas[p]]
            for i, name in enumerate(names):
                status = (
                    STATUS_WEIGHTS[i][0] if i < len(STATUS_WEIGHTS) else self.rng.choice(statuses)
                )
                start = self._day(700, 60)
                if status in ("completed", "cancelled"):
                    start = self.today - dt.timedelta(days=self.rng.randint(400, 900))
                end = start + dt.timedelta(days=self.rng.choice((180, 365, 540, 730)))
                if status == "live" and end < self.today:
                    end = self.today + dt.timedelta(days=self.rng.choice((40, 80, 200, 365)))
                if status == "completed":
                    end = min(end, self.today - dt.timedelta(days=10))
                rows.append(
                    {
                        "name": name,
                        "offer_area_id": self.areas[code],
                        "status": status,
                        "start_date": start,
                        "end_date": end,
                        "description": f"{name}: a national {code.replace('_', ' ')} programme "
                        "brokered with library services.",
                        "budget": Decimal(self.rng.randrange(5_000, 250_000, 500)),
                        "target_services": self.rng.choice((10, 20, 30, 50, 80)),
                        "version_id": 1,
                    }
                )
                meta.append((code, status, self.rng.choice(leads)))
        self.s.execute(insert(Programme), rows)
        ids = self._ids(Programme, len(rows))
        roles, secondary = [], []
        funders = [
            p for p, row in zip(self.partner_ids, PARTNERS, strict=True) if row[1] == "funder"
        ]
        for pid, (code, status, lead) in zip(ids, meta, strict=True):
            roles.append({"programme_id": pid, "partner_id": lead, "role": "lead", "version_id": 1})
            funder = self.rng.choice(funders)
            if funder != lead and self.rng.random() < 0.6:
                roles.append(
                    {"programme_id": pid, "partner_id": funder, "role": "funder", "version_id": 1}
                )
            if self.rng.random() < 0.3:
                other = self.rng.choice([a for a in self.areas if a != code])
                secondary.append({"programme_id": pid, "offer_area_id": self.areas[other]})
            self.programmes_by_area.setdefault(code, []).append((pid, status))
        self.s.execute(insert(ProgrammePartner), roles)
        if secondary:
            self.s.execute(insert(ProgrammeOfferArea), secondary)
        self.report.programmes = len(rows)

    def participations(self) -> None:
        stages = models.PARTICIPATION_STAGES
        rows = []
        for code, programmes in self.programmes_by_area.items():
            for pid, status in programmes:
                if status == "idea":
                    continue
                pool = self.members
                if code == "health_wellbeing" and status == "live":
                    # Leave most of the North West without live Health & Wellbeing: a gap.
                    pool = [m for m in self.members if self.region[m] != "North West" or m % 5 == 0]
                count = {"negotiating": 20, "live": 85, "completed": 65, "cancelled": 10}[status]
                for sid in self.rng.sample(pool, min(count, len(pool))):
                    if status == "negotiating":
                        stage = self.rng.choice(("invited", "interested"))
                    elif status == "completed":
                        stage = self.rng.choice(("completed", "completed", "withdrawn"))
                    elif status == "cancelled":
                        stage = "withdrawn"
                    else:
                        stage = self.rng.choice(stages)
                    start = self._day(400, 0)
                    rows.append(
                        {
                            "programme_id": pid,
                            "service_id": sid,
                            "stage": stage,
                            "start_date": start,
                            "end_date": start + dt.timedelta(days=365)
                            if stage == "completed"
                            else None,
                            "local_contact_id": self.service_contacts.get(sid),
                            "reach": self.rng.randint(10, 900)
                            if stage in ("active", "completed")
                            else None,
                            "sessions": self.rng.randint(1, 40)
                            if stage in ("active", "completed")
                            else None,
                            "notes": None,
                            "version_id": 1,
                        }
                    )
        self.s.execute(insert(Participation), rows)
        self.report.participations = len(rows)

    def interactions(self) -> None:
        rows = []
        kinds = models.INTERACTION_KINDS
        programme_ids = [p for items in self.programmes_by_area.values() for p, _ in items]
        stale = set(self.partner_ids[::9])  # a few partners not contacted for over 120 days
        for pid in self.partner_ids:
            for _ in range(self.rng.randint(8, 20)):
                back = self.rng.randint(125, 700) if pid in stale else self.rng.randint(0, 400)
                occurred = self.today - dt.timedelta(days=back)
                follow = None
                if self.rng.random() < 0.35:
                    follow = occurred + dt.timedelta(days=self.rng.choice((7, 14, 21, 30)))
                rows.append(
                    self._interaction(
                        occurred,
                        follow,
                        partner_id=pid,
                        programme_id=self.rng.choice(programme_ids),
                    )
                )
        for sid in self.rng.sample(self.members, 90):
            for _ in range(self.rng.randint(1, 3)):
                occurred = self.today - dt.timedelta(days=self.rng.randint(0, 500))
                follow = occurred + dt.timedelta(days=14) if self.rng.random() < 0.3 else None
                rows.append(self._interaction(occurred, follow, service_id=sid))
        for row in rows:
            row["kind"] = self.rng.choice(kinds)
        self.s.execute(insert(Interaction), rows)
        self.report.interactions = len(rows)

    def _interaction(
        self, occurred: dt.date, follow: dt.date | None, **about: int
    ) -> dict[str, Any]:
        done = follow is not None and follow < self.today and self.rng.random() < 0.6
        subject = self.rng.choice(SUBJECTS)
        return {
            "occurred_on": occurred,
            "subject": subject,
            "kind": "meeting",
            "notes": f"{subject}. Agreed next steps and who follows up.",
            "by_whom": self.rng.choice(TEAM),
            "follow_up_on": follow,
            "follow_up_done": done,
            "partner_id": None,
            "service_id": None,
            "programme_id": None,
            "contact_id": None,
            "version_id": 1,
            **about,
        }
