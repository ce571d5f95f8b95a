"""A small, hand-made database whose right answers are known.

Six offer areas, eight library services over three nations (one non-member), two partners,
three programmes and a handful of participations: small enough to count by hand in a test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from brokerdesk.core import vocabulary
from brokerdesk.core.db import Database
from brokerdesk.core.models import Branch, LibraryService, OfferArea, ServiceNameVariant

SERVICES = (
    # gss, official name, nice name, nation, region, member
    ("E06000023", "Bristol City Council", "City of Bristol", "England", "South West", True),
    ("E08000003", "Manchester City Council", "Manchester", "England", "North West", True),
    ("E08000012", "Liverpool City Council", "Liverpool", "England", "North West", True),
    (
        "E06000008",
        "Blackburn with Darwen Borough Council",
        "Blackburn with Darwen",
        "England",
        "North West",
        True,
    ),
    (
        "W06000016",
        "Rhondda Cynon Taf County Borough Council",
        "Rhondda Cynon Taff",
        "Wales",
        "Wales",
        True,
    ),
    ("W06000015", "Cardiff Council", "Cardiff", "Wales", "Wales", True),
    ("N92000002", "Northern Ireland", "LibrariesNI", "Northern Ireland", "Northern Ireland", True),
    ("S12000036", "City of Edinburgh Council", "City of Edinburgh", "Scotland", "Scotland", False),
)


@dataclass
class World:
    offer_areas: dict[str, int]
    services: dict[str, int]
    branch_id: int


def build(db: Database) -> World:
    with db.write() as session:
        areas = {}
        for order, (code, name, kind) in enumerate(vocabulary.OFFER_AREAS):
            area = OfferArea(code=code, name=name, kind=kind, sort_order=order)
            session.add(area)
            session.flush()
            areas[code] = area.id
        services = {}
        for gss, name, nice, nation, region, member in SERVICES:
            service = LibraryService(
                gss_code=gss,
                name=name,
                nice_name=nice,
                nation=nation,
                region=region,
                is_member=member,
            )
            session.add(service)
            session.flush()
            services[gss] = service.id
        session.add(ServiceNameVariant(service_id=services["E06000023"], name="Bristol, City of"))
        branch = Branch(
            service_id=services["E06000023"],
            name="Bristol Central Library",
            branch_type="Static Library",
            postcode="BS1 5TL",
            source_key="test:bristol-central",
            year_opened=1906,
        )
        session.add(branch)
        session.flush()
        return World(areas, services, branch.id)


def today() -> dt.date:
    return dt.date(2026, 11, 28)
