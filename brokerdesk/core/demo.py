"""The demo database: fictional partners and programmes on the real library services.

Deterministic for a seed and a date, so screenshots, tests and the user guide agree. Every
partner, person and programme is invented (emails at example.org, phone numbers in Ofcom's
drama range); the library services and branches are the real reference data. The data is
shaped by the team's week (``shared/SCENARIOS.md``): a sight-loss charity leading an
audio-described reading pilot with a funder, follow-ups as a real team's are (past ones done
but a handful overdue, some due today and this week), partners not contacted for longer than
their cadence, agreements ending next quarter and one lapsed, a likely duplicate partner to
merge, a Welsh-language programme across Wales and a Northern Irish one, and coverage strong
in most regions but thin in a few offer areas: North West services with no live Health &
Wellbeing programme among them, to find on the coverage matrix. Every date is relative to
the day it is built for, so it looks the same on any day (``tests/core/test_demo_shape.py``
checks that shape). Rows go in with bulk inserts, so the per-record audit hook is off and one
summary event is written instead.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

import brokerdesk.core.services.measures as measures
from brokerdesk.core import (
    audit,
    clock,
    demo_agreements,
    demo_grants,
    demo_lists,
    demo_series,
    models,
    vocabulary,
)
from brokerdesk.core import demo_stories as stories
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
from brokerdesk.core.reference.demo_cast import (
    AGREEMENT_ENDS,
    FIRST_NAMES,
    LAST_NAMES,
    LINKED,
    LIVE_STAGES,
    NOTES,
    PARTNERS,
    PROGRAMMES,
    ROLES,
    SERVICE_ROLES,
    STALE_PARTNERS,
    STATUS_CYCLE,
    SUBJECTS,
    TAGS,
    TEAM,
    THIN,
    slug,
)

# A follow-up that fell due within this many days may still be open (a handful are);
# older ones were all done, as a team that keeps its list tidy leaves them.
RECENT_DAYS = 14


@dataclass
class DemoReport:
    """How many of each thing the demo added (``brokerdesk init --demo`` prints it)."""

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

    Run after :func:`brokerdesk.core.reference.initialise`. Dates are relative to ``today``
    (default: the real today), so the follow-ups and renewals are always current.

    Raises:
        BrokerDeskError: the reference data is missing, or the database already has partners.
    """
    report = DemoReport()
    with db.write() as session:
        session.info["audit_disabled"] = True
        if session.scalar(select(func.count()).select_from(Partner)):
            raise BrokerDeskError(
                "This database already has partners; the demo needs an empty one."
            )
        areas = {code: aid for code, aid in session.execute(select(OfferArea.code, OfferArea.id))}
        members = session.execute(
            select(LibraryService.id, LibraryService.nice_name, LibraryService.region)
            .where(LibraryService.is_member.is_(True))
            .order_by(LibraryService.gss_code)
        ).all()
        if not {code for code, _, _ in vocabulary.OFFER_AREAS} <= set(areas) or not members:
            raise BrokerDeskError("Load the reference data first (brokerdesk init).")
        builder = _Builder(session, random.Random(seed), today or clock.today(), areas, members)
        builder.partners(report)
        builder.service_contacts(report)
        builder.programmes(report)
        builder.participations(report)
        builder.interactions(report)
        stories.duplicate(builder, report)
        measures.adopt_column_figures(session)  # reach and sessions, as measures
        demo_series.summer_reading(builder, report)
        demo_series.digital_week(builder, report)
        demo_grants.grants(builder)
        stories.named_leads(builder)
        demo_agreements.enrich(session, builder.today)
        demo_lists.tags_and_lists(session)
        audit.record(
            session,
            "import",
            "partner",
            "Demo data: " + ", ".join(f"{k} {v:,}" for k, v in report.as_dict().items()),
        )
    return report


class _Builder:
    """One demo build: the random source, the day it is built for, and the ids made so far."""

    def __init__(
        self,
        session: Session,
        rng: random.Random,
        today: dt.date,
        areas: dict[str, int],
        members: Sequence[Any],
    ) -> None:
        self.s, self.rng, self.today, self.areas = session, rng, today, areas
        self.members: list[int] = [m.id for m in members]
        self.service_names = {m.id: m.nice_name for m in members}
        self.region = {m.id: m.region for m in members}
        self.partner_ids: dict[str, int] = {}
        self.contacts: dict[int, list[int]] = {}  # partner id -> contact ids
        self.local_contacts: dict[int, list[int]] = {}  # service id -> contact ids
        self.made: list[dict[str, Any]] = []  # programmes, with their dates and areas

    def _insert(self, model: Any, rows: list[dict[str, Any]]) -> list[int]:
        """Bulk insert returning the new ids in the order of ``rows``."""
        stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
        return list(self.s.scalars(stmt, rows))

    def _person(self) -> tuple[str, str]:
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        return f"{first} {last}", f"{first}.{last}".lower().replace("'", "")

    def _days(self, low: int, high: int) -> dt.date:
        return self.today + dt.timedelta(days=self.rng.randint(low, high))

    def partners(self, report: DemoReport) -> None:
        rows = [
            {
                "name": name,
                "partner_type": kind,
                "status": status,
                "owner": TEAM[i % len(TEAM)] if i < len(TEAM) else self.rng.choice(TEAM),
                "website": f"https://www.{slug(name)}.example.org",
                "notes": f"{name}: {about}",
                "contact_limit_days": limit,
                "version_id": 1,
            }
            for i, (name, kind, status, _codes, limit, about) in enumerate(PARTNERS)
        ]
        ids = self._insert(Partner, rows)
        self.partner_ids = {p[0]: pid for p, pid in zip(PARTNERS, ids, strict=True)}
        tag_ids = dict(zip(TAGS, self._insert(Tag, [{"name": t} for t in TAGS]), strict=True))
        areas, tags, agreements = [], [], []
        contacts: list[dict[str, Any]] = []
        lapsed = late = 0  # a team lets one agreement lapse and one renewal slip, not one in nine
        for i, (pid, (name, _kind, status, codes, _limit, _about)) in enumerate(
            zip(ids, PARTNERS, strict=True)
        ):
            areas += [{"partner_id": pid, "offer_area_id": self.areas[c]} for c in codes]
            chosen = [TAGS[0], *self.rng.sample(TAGS[1:], self.rng.randint(1, 2))]
            tags += [{"partner_id": pid, "tag_id": tag_ids[t]} for t in chosen]
            for _ in range(self.rng.randint(1, 4)):
                full, local = self._person()
                contacts.append(
                    {
                        "full_name": full,
                        "role": self.rng.choice(ROLES),
                        "email": f"{local}@{slug(name)}.example.org",
                        "phone": f"020 7946 0{self.rng.randint(100, 999)}",
                        "partner_id": pid,
                        "version_id": 1,
                    }
                )
            if status == "prospect":
                continue
            start = self._days(-900, -200)
            end = self.today + dt.timedelta(days=AGREEMENT_ENDS[i % len(AGREEMENT_ENDS)])
            if status == "ended":
                end = self._days(-300, -30)
            elif end < self.today:
                lapsed += 1
                if lapsed > 1:  # renewed in time: runs two more years
                    end += dt.timedelta(days=730)
            agreement = self._agreement(pid, f"Partnership agreement {start.year}", start, end)
            if status != "ended" and agreement["renewal_date"] < self.today <= end:
                late += 1
                if late > 1:  # the others are being renewed: due in the last fortnight
                    agreement["renewal_date"] = max(self.today, end - dt.timedelta(days=14))
            agreements.append(agreement)
            if i % 3 == 0:  # an earlier agreement, long finished
                old_end = start - dt.timedelta(days=1)
                old_start = old_end - dt.timedelta(days=730)
                agreements.append(self._agreement(pid, "Pilot agreement", old_start, old_end))
        self.s.execute(insert(PartnerOfferArea), areas)
        self.s.execute(insert(PartnerTag), tags)
        for cid, row in zip(self._insert(Contact, contacts), contacts, strict=True):
            self.contacts.setdefault(row["partner_id"], []).append(cid)
        self.s.execute(insert(Agreement), agreements)
        report.partners, report.contacts = len(rows), len(contacts)
        report.agreements = len(agreements)

    @staticmethod
    def _agreement(pid: int, title: str, start: dt.date, end: dt.date) -> dict[str, Any]:
        renewal = max(start, end - dt.timedelta(days=60))
        return {
            "partner_id": pid,
            "title": title,
            "start_date": start,
            "end_date": end,
            "renewal_date": renewal,
            "notes": "Renewal to be discussed at the quarterly review.",
            "version_id": 1,
        }

    def service_contacts(self, report: DemoReport) -> None:
        """Local contacts at about half the member services (named on participations)."""
        rows: list[dict[str, Any]] = []
        for sid in sorted(self.rng.sample(self.members, len(self.members) // 2)):
            for _ in range(self.rng.randint(1, 2)):
                full, local = self._person()
                rows.append(
                    {
                        "full_name": full,
                        "role": self.rng.choice(SERVICE_ROLES),
                        "email": f"{local}@{slug(self.service_names[sid])}-libraries.example.org",
                        "phone": f"0161 496 0{self.rng.randint(100, 999)}",
                        "service_id": sid,
                        "version_id": 1,
                    }
                )
        for cid, row in zip(self._insert(Contact, rows), rows, strict=True):
            self.local_contacts.setdefault(row["service_id"], []).append(cid)
        report.contacts += len(rows)

    def programmes(self, report: DemoReport) -> None:
        rows, links, secondary = [], [], []
        funders = [self.partner_ids[p[0]] for p in PARTNERS if p[1] == "funder"]
        deliverers = [self.partner_ids[p[0]] for p in PARTNERS if p[1] in ("company", "other")]
        for area_index, (code, names) in enumerate(PROGRAMMES.items()):
            leads = [
                self.partner_ids[p[0]]
                for p in PARTNERS
                if p[3][0] == code and p[2] in ("active", "paused")
            ]
            for i, (name, lead_name, funder_name, target) in enumerate(names):
                status = STATUS_CYCLE[(i - 1 + area_index) % len(STATUS_CYCLE)] if i else "live"
                start, end = self._programme_dates(status)
                rows.append(
                    {
                        "name": name,
                        "offer_area_id": self.areas[code],
                        "status": status,
                        "start_date": start,
                        "end_date": end,
                        "description": f"{name}: a national programme brokered with library "
                        f"services ({code.replace('_', ' ')}).",
                        "budget": None
                        if status == "idea"
                        else Decimal(self.rng.randrange(5_000, 250_000, 500)),
                        "target_services": target or self.rng.choice((10, 20, 30, 50, 80)),
                        "version_id": 1,
                    }
                )
                lead = self.partner_ids.get(lead_name or "") or self.rng.choice(leads)
                funder = self.partner_ids.get(funder_name or "")
                if funder is None and self.rng.random() < 0.6:
                    funder = self.rng.choice(funders)
                delivery = self.rng.choice(deliverers) if self.rng.random() < 0.5 else None
                extra = self.rng.sample(
                    sorted(a for a in self.areas if a != code), self.rng.randint(0, 2)
                )
                meta: dict[str, Any] = {
                    "status": status,
                    "start": start,
                    "end": end,
                    "areas": {code, *extra},
                }
                if target and status == "live":  # a headline: a little past its target
                    meta["linked"] = min(LINKED[status], target + target // 5)
                self.made.append(meta)
                links.append([(lead, "lead"), (funder, "funder"), (delivery, "delivery")])
                secondary.append(extra)
        stories.nation_programmes(self, rows, links, secondary)
        ids = self._insert(Programme, rows)
        roles, others = [], []
        for pid, meta, partners, extra in zip(ids, self.made, links, secondary, strict=True):
            meta["id"] = pid
            seen: set[int] = set()
            for partner, role in partners:
                if partner is not None and partner not in seen:
                    seen.add(partner)
                    roles.append(
                        {"programme_id": pid, "partner_id": partner, "role": role, "version_id": 1}
                    )
            others += [{"programme_id": pid, "offer_area_id": self.areas[c]} for c in extra]
        self.s.execute(insert(ProgrammePartner), roles)
        self.s.execute(insert(ProgrammeOfferArea), others)
        report.programmes = len(rows)

    def _programme_dates(self, status: str) -> tuple[dt.date, dt.date]:
        """Dates that fit the status: live programmes run today, completed ones are over."""
        if status in ("idea", "negotiating"):
            start = self._days(30, 240)
        elif status == "live":
            start = self._days(-540, -30)
        else:
            start = self._days(-1000, -400)
        end = start + dt.timedelta(days=self.rng.choice((180, 365, 540, 730)))
        if status == "live" and end <= self.today:
            end = self._days(40, 400)
        if status in ("completed", "cancelled"):
            end = min(end, self.today - dt.timedelta(days=30))
        return start, end

    def participations(self, report: DemoReport) -> None:
        rows = []
        for programme in self.made:
            status = programme["status"]
            linked = programme.get("linked", LINKED[status])
            pool = self.members
            if "region" in programme:  # a story from one nation
                pool = [m for m in self.members if self.region[m] == programme["region"]]
            elif status == "live":
                # Thin cells: most of these regions' services have no live programme in
                # these areas (the North West's Health & Wellbeing gap among them).
                thin = {r for area in programme["areas"] for r in THIN.get(area, ())}
                pool = [m for m in self.members if self.region[m] not in thin or m % 4 == 0]
            for sid in sorted(self.rng.sample(pool, min(linked, len(pool)))):
                rows.append(self._participation(programme, sid))
        self.s.execute(insert(Participation), rows)
        report.participations = len(rows)

    def _participation(self, programme: dict[str, Any], sid: int) -> dict[str, Any]:
        status = programme["status"]
        if status == "negotiating":
            stage = self.rng.choice(("invited", "interested"))
        elif status == "live":
            stage = self.rng.choice(LIVE_STAGES)
        elif status == "completed":
            stage = self.rng.choice(("completed", "completed", "completed", "withdrawn"))
        else:
            stage = "withdrawn"
        first: dt.date = programme["start"]
        last = max(first, min(programme["end"], self.today))
        start = first + dt.timedelta(days=self.rng.randint(0, (last - first).days))
        end = None
        if stage in ("completed", "withdrawn"):
            end = min(last, start + dt.timedelta(days=self.rng.randint(30, 365)))
        doing = stage in ("active", "completed")
        contacts = self.local_contacts.get(sid, [])
        return {
            "programme_id": programme["id"],
            "service_id": sid,
            "stage": stage,
            "start_date": start,
            "end_date": end,
            "local_contact_id": self.rng.choice(contacts)
            if contacts and self.rng.random() < 0.7
            else None,
            "reach": self.rng.randint(10, 900) if doing else None,
            "sessions": self.rng.randint(1, 40) if doing else None,
            "notes": self.rng.choice(NOTES),
            "version_id": 1,
        }

    def interactions(self, report: DemoReport) -> None:
        rows = []
        stale = {self.partner_ids[name] for name in STALE_PARTNERS}
        programme_ids = [p["id"] for p in self.made]
        for pid in self.partner_ids.values():
            for _ in range(self.rng.randint(14, 22)):
                back = self.rng.randint(125, 700) if pid in stale else self.rng.randint(0, 400)
                about = {"partner_id": pid, "contact_id": self._contact(pid)}
                if self.rng.random() < 0.6:
                    about["programme_id"] = self.rng.choice(programme_ids)
                rows.append(self._interaction(self.today - dt.timedelta(days=back), **about))
        for sid in sorted(self.rng.sample(self.members, 100)):
            for _ in range(self.rng.randint(1, 3)):
                occurred = self._days(-500, 0)
                rows.append(self._interaction(occurred, service_id=sid))
        for pid in programme_ids:
            rows.append(self._interaction(self._days(-300, 0), programme_id=pid))
        # Monday morning: follow-ups overdue, due today, due this week and done, whatever the
        # seed.
        lively = [p for p in self.partner_ids.values() if p not in stale]
        monday = ((20, -6, False), (3, 4, False), (30, -9, True), (14, 0, False))
        for i, (back, ahead, done) in enumerate(monday):
            for pid in lively[i * 2 : i * 2 + 2]:
                row = self._interaction(self.today - dt.timedelta(days=back), partner_id=pid)
                row["follow_up_on"] = self.today + dt.timedelta(days=ahead)
                row["follow_up_done"] = done
                rows.append(row)
        rows += stories.nation_follow_ups(self)
        for i, row in enumerate(rows[-len(models.INTERACTION_KINDS) :]):
            row["kind"] = models.INTERACTION_KINDS[i]  # every kind, whatever the seed
        self.s.execute(insert(Interaction), rows)
        report.interactions = len(rows)

    def _followed(self, due: dt.date) -> bool:
        """Whether a follow-up now past was done: as a real team's are, all of them but
        about half of those that fell due in the last fortnight (one draw, as the demo
        always made, so the rest of the demo stays the same)."""
        draw = self.rng.random()
        return (self.today - due).days > RECENT_DAYS or draw < 0.5

    def _contact(self, partner_id: int) -> int | None:
        contacts = self.contacts.get(partner_id, [])
        return self.rng.choice(contacts) if contacts and self.rng.random() < 0.7 else None

    def _interaction(self, occurred: dt.date, **about: int | None) -> dict[str, Any]:
        follow = None
        if self.rng.random() < 0.4:
            follow = occurred + dt.timedelta(days=self.rng.choice((7, 14, 21, 30, 45)))
        subject = self.rng.choice(SUBJECTS)
        return {
            "kind": self.rng.choice(models.INTERACTION_KINDS),
            "occurred_on": occurred,
            "subject": subject,
            "notes": f"{subject}. Agreed next steps and who follows up.",
            "by_whom": self.rng.choice(TEAM),
            "follow_up_on": follow,
            "follow_up_done": follow is not None and follow < self.today and self._followed(follow),
            "partner_id": None,
            "service_id": None,
            "programme_id": None,
            "contact_id": None,
            "version_id": 1,
            **about,
        }
