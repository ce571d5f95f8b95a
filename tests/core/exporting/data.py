"""Export test data, built through the services on top of the small world.

``build_partners`` adds a typical partner (agreements, contacts, programmes at several
stages, interactions with follow-ups), a partner whose name is a spreadsheet formula, and a
contact whose note starts with ``@SUM(``. ``build_big_partner`` adds a partner with 60
programmes and 1,000 participations over 48 library services (the long-content case).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import insert

from brokerdesk.core.db import Database
from brokerdesk.core.models import PARTICIPATION_STAGES, LibraryService
from brokerdesk.core.services import Services
from tests.builders.small_world import World, today

FORMULA_NAME = '=HYPERLINK("http://x","y")'
FORMULA_NOTE = "@SUM(A1:A9) would be a live formula"


@dataclass
class ExportWorld:
    world: World
    reading_trust: int
    formula_partner: int
    programmes: dict[str, int]
    today: dt.date


def build_partners(db: Database, world: World) -> ExportWorld:
    s = Services(db)
    areas = world.offer_areas
    svc = world.services
    trust = s.partners.create(
        {
            "name": "Northlight Reading Trust",
            "partner_type": "charity",
            "status": "active",
            "owner": "Priya Shah",
            "website": "https://northlight.example.org",
            "offer_area_ids": [areas["reading"], areas["vision_print_impaired"]],
            "tags": "audio, sight loss",
        }
    ).id
    funder = s.partners.create({"name": "Arden Fund", "partner_type": "funder", "status": "active"})
    formula = s.partners.create(
        {"name": FORMULA_NAME, "partner_type": "other", "status": "prospect"}
    ).id
    s.agreements.create(
        {
            "partner_id": trust,
            "title": "Memorandum of understanding",
            "start_date": dt.date(2025, 4, 1),
            "end_date": dt.date(2027, 3, 31),
            "renewal_date": dt.date(2027, 1, 15),
        }
    )
    s.contacts.create(
        {
            "full_name": "Ada Lovell",
            "role": "Programme lead",
            "email": "ada@northlight.example.org",
            "partner_id": trust,
        }
    )
    s.contacts.create(
        {"full_name": "Ben Okafor", "role": "Finance", "notes": FORMULA_NOTE, "partner_id": trust}
    )
    s.contacts.create({"full_name": "-Dash Person", "partner_id": formula})
    audio = s.programmes.create(
        {
            "name": "Audio-described reading pilot",
            "offer_area_id": areas["vision_print_impaired"],
            "status": "live",
            "start_date": dt.date(2026, 1, 1),
            "partners": [(trust, "lead"), (funder.id, "funder")],
        }
    ).id
    clubs = s.programmes.create(
        {
            "name": "Summer reading clubs",
            "offer_area_id": areas["reading"],
            "status": "negotiating",
            "partners": [(trust, "delivery")],
        }
    ).id
    # Audio pilot: Bristol active, Manchester + Liverpool signed up, Cardiff withdrawn,
    # LibrariesNI interested. Clubs: Manchester invited, Edinburgh (non-member) active.
    s.participations.create(
        {
            "programme_id": audio,
            "service_id": svc["E06000023"],
            "stage": "active",
            "reach": 120,
            "sessions": 6,
            "start_date": dt.date(2026, 2, 1),
        }
    )
    s.participations.link_services(audio, [svc["E08000003"], svc["E08000012"]], "signed_up")
    s.participations.link_services(audio, [svc["W06000015"]], "withdrawn")
    s.participations.link_services(audio, [svc["N92000002"]], "interested")
    s.participations.link_services(clubs, [svc["E08000003"]], "invited")
    s.participations.link_services(clubs, [svc["S12000036"]], "active")
    s.interactions.create(
        {
            "kind": "meeting",
            "occurred_on": dt.date(2026, 10, 1),
            "subject": "Kick-off meeting",
            "by_whom": "Priya Shah",
            "partner_id": trust,
            "programme_id": audio,
            "follow_up_on": dt.date(2026, 12, 10),
        }
    )
    s.interactions.create(
        {
            "kind": "call",
            "occurred_on": dt.date(2026, 11, 2),
            "subject": "Budget check-in",
            "partner_id": trust,
            "follow_up_on": dt.date(2026, 11, 20),
        }
    )
    s.interactions.create(
        {
            "kind": "email",
            "occurred_on": dt.date(2026, 6, 2),
            "subject": "+44 numbers list",
            "partner_id": trust,
            "follow_up_on": dt.date(2026, 6, 9),
            "follow_up_done": True,
        }
    )
    return ExportWorld(world, trust, formula, {"audio": audio, "clubs": clubs}, today())


def add_services(db: Database, count: int) -> list[int]:
    """``count`` more English member library services, spread over the nine regions."""
    regions = [
        "North East",
        "North West",
        "Yorkshire and The Humber",
        "East Midlands",
        "West Midlands",
        "East of England",
        "London",
        "South East",
        "South West",
    ]
    rows = [
        {
            "gss_code": f"E09{i:06d}",
            "name": f"Test Borough {i} Council",
            "nice_name": f"Test Borough {i}",
            "nation": "England",
            "region": regions[i % len(regions)],
            "is_member": True,
            "version_id": 1,
        }
        for i in range(count)
    ]
    with db.write() as session:
        session.execute(insert(LibraryService), rows)
    with db.read() as session:
        return [
            sid
            for (sid,) in session.execute(
                LibraryService.__table__.select()
                .with_only_columns(LibraryService.id)
                .order_by(LibraryService.id)
            )
        ]


def build_big_partner(db: Database, world: World) -> tuple[int, list[str]]:
    """A partner with 60 programmes and exactly 1,000 participations. Returns (id, names)."""
    s = Services(db)
    services = add_services(db, 40)  # 48 in all with the small world's eight
    partner = s.partners.create(
        {
            "name": "Great Northern Libraries Alliance",
            "partner_type": "charity",
            "status": "active",
            "owner": "Sam Reid",
            "offer_area_ids": list(world.offer_areas.values()),
        }
    ).id
    area_ids = list(world.offer_areas.values())
    names = []
    for i in range(60):
        name = (
            f"Programme {i + 1:02d}: {['Stories', 'Code Club', 'Wellbeing walks'][i % 3]} "
            f"for every library service in the region, with a long descriptive title"
        )
        names.append(name)
        pid = s.programmes.create(
            {
                "name": name,
                "offer_area_id": area_ids[i % len(area_ids)],
                "status": ["idea", "negotiating", "live", "completed"][i % 4],
                "partners": [(partner, "lead")],
            }
        ).id
        count = 17 if i < 40 else 16
        chosen = [services[(i * 7 + j) % len(services)] for j in range(count)]
        by_stage: dict[str, list[int]] = {}
        for j, sid in enumerate(chosen):
            by_stage.setdefault(PARTICIPATION_STAGES[(i + j) % 6], []).append(sid)
        for stage, ids in by_stage.items():
            s.participations.link_services(pid, ids, stage)
    return partner, names


@pytest.fixture
def export_world(db: Database, world: World) -> ExportWorld:
    """The small world plus the partners above (import this fixture where it is used)."""
    return build_partners(db, world)
