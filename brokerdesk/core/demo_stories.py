"""The demo's stories beyond the everyday: the nations' programmes and a duplicate to merge.

Kept apart from :mod:`brokerdesk.core.demo` (which builds the everyday rows) so each stays a
readable size. Each function takes the build under way and adds to it; all dates are
relative to the day the demo is built for.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from brokerdesk.core.models import (
    Contact,
    Interaction,
    LibraryService,
    Participation,
    Partner,
    PartnerOfferArea,
    PartnerTag,
    Programme,
    ServiceLead,
    Tag,
)
from brokerdesk.core.reference.demo_cast import (
    DUPLICATE_PARTNER,
    NATION_PROGRAMMES,
    PARTNERS,
    TAGS,
    TEAM,
)

if TYPE_CHECKING:
    from brokerdesk.core.demo import DemoReport, _Builder

Links = list[list[tuple[int | None, str]]]


def nation_programmes(
    b: _Builder, rows: list[dict[str, Any]], links: Links, secondary: list[list[str]]
) -> None:
    """A live programme in one nation only (Wales, Northern Ireland): its row, its partners."""
    for name, code, lead_name, funder_name, target, region, linked, notes in NATION_PROGRAMMES:
        start = b._days(-200, -60)  # well under way, a year still to run
        end = b._days(365, 500)
        rows.append(
            {
                "name": name,
                "offer_area_id": b.areas[code],
                "status": "live",
                "start_date": start,
                "end_date": end,
                "description": notes,
                "budget": Decimal(b.rng.randrange(5_000, 60_000, 500)),
                "target_services": target,
                "version_id": 1,
            }
        )
        b.made.append(
            {"status": "live", "start": start, "end": end, "areas": {code}}
            | {"region": region, "linked": linked}
        )
        lead, funder = b.partner_ids[lead_name], b.partner_ids[funder_name]
        links.append([(lead, "lead"), (funder, "funder")])
        secondary.append([])


def nation_follow_ups(b: _Builder) -> list[dict[str, Any]]:
    """A call with each nation story's services: one follow-up due today, one this week."""
    rows = []
    stories = [p for p in b.made if "region" in p]
    for programme, ahead in zip(stories, (0, 3), strict=True):
        sid = min(m for m in b.members if b.region[m] == programme["region"])
        row = b._interaction(
            b.today - dt.timedelta(days=10), service_id=sid, programme_id=programme["id"]
        )
        contacts = b.local_contacts.get(sid, [])
        row["contact_id"] = contacts[0] if contacts else None
        row["subject"] = "Progress update"
        row["follow_up_on"] = b.today + dt.timedelta(days=ahead)
        row["follow_up_done"] = False
        rows.append(row)
    return rows


def duplicate(b: _Builder, report: DemoReport) -> None:
    """The sight-loss charity entered twice: a likely duplicate for Tools ▸ Find duplicates."""
    name, kind, status, website, notes = DUPLICATE_PARTNER
    original = b.partner_ids[PARTNERS[0][0]]
    [pid] = b._insert(
        Partner,
        [
            {
                "name": name,
                "partner_type": kind,
                "status": status,
                "owner": TEAM[1],
                "website": website,
                "notes": notes,
                "contact_limit_days": 90,
                "version_id": 1,
            }
        ],
    )
    b.s.execute(
        insert(PartnerOfferArea),
        [{"partner_id": pid, "offer_area_id": b.areas[PARTNERS[0][3][0]]}],
    )
    national = b.s.scalar(select(Tag.id).where(Tag.name == TAGS[0]))
    b.s.execute(insert(PartnerTag), [{"partner_id": pid, "tag_id": national}])
    same = b.s.execute(
        select(Contact.full_name, Contact.role, Contact.email, Contact.phone).where(
            Contact.id == b.contacts[original][0]
        )
    ).one()
    b.s.execute(
        insert(Contact),
        [{**same._asdict(), "partner_id": pid, "version_id": 1}],
    )
    row = b._interaction(b.today - dt.timedelta(days=40), partner_id=pid)
    row["subject"] = "Met at the conference"
    b.s.execute(insert(Interaction), [row])
    report.partners += 1
    report.contacts += 1
    report.interactions += 1


# Where the demo leaves the live programmes' services without named leads: the Leads wanted
# tab and the Data quality page then show a cluster to fill, not a wall of gaps.
LEADLESS_REGIONS = ("North West",)


def named_leads(b: _Builder) -> None:
    """Services with a local contact have that contact named as lead for the offer areas of
    the live programmes they take part in, except in the regions left without."""
    rows = b.s.execute(
        select(Participation.service_id, Programme.offer_area_id, LibraryService.region)
        .join(Programme, Programme.id == Participation.programme_id)
        .join(LibraryService, LibraryService.id == Participation.service_id)
        .where(Programme.status == "live", Participation.stage != "withdrawn")
        .distinct()
        .order_by(Participation.service_id, Programme.offer_area_id)
    ).all()
    leads = [
        {"service_id": sid, "offer_area_id": area, "contact_id": b.local_contacts[sid][0]}
        for sid, area, region in rows
        if b.local_contacts.get(sid) and region not in LEADLESS_REGIONS
    ]
    if leads:
        b.s.execute(insert(ServiceLead), leads)
