"""Brokering suggestions: which services a programme should approach next, and vice versa.

For a programme, every member service not yet linked to it (at any stage) is scored:

* **gap** (+3): the service is not reached in the programme's offer area at all;
* **region coverage** (+0 to +2): the lower the offer area's coverage in the service's
  region, the higher (2 × share of the region's member services not reached);
* **like those taking part** (+0 to +2.5): services already taking part in the same region
  (+0.5 each, at most +1.5) or, failing that, the same nation (+0.5); and neighbours (services
  sharing a border, from the shipped boundaries) taking part (+0.5 each, at most +1).

The reasons are kept as sentences so the user sees why a service is suggested. For a
library service, the live programmes it has no link with are ranked by the same signals.
Coverage uses :mod:`brokerdesk.core.coverage` definitions (live programmes, active stages).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from brokerdesk.core.coverage import (
    ALL_REGIONS,
    CoverageFilter,
    coverage_matrix,
    covered_service_ids,
    reached_by_area,
)
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.geo.neighbours import neighbours
from brokerdesk.core.models import LibraryService, Participation, Programme

GAP_SCORE = 3.0
REGION_WEIGHT = 2.0
PEER_SCORE = 0.5
PEER_CAP = 1.5
NEIGHBOUR_SCORE = 0.5
NEIGHBOUR_CAP = 1.0


@dataclass
class Suggestion:
    """One suggested link: the service (or programme), a score and the reasons for it."""

    id: int
    name: str
    score: float
    reasons: list[str] = field(default_factory=list)
    region: str = ""


@dataclass(frozen=True)
class _Service:
    id: int
    name: str
    region: str
    nation: str
    gss_code: str = ""


def _members(db: Database) -> list[_Service]:
    query = select(
        LibraryService.id,
        LibraryService.nice_name,
        LibraryService.region,
        LibraryService.nation,
        LibraryService.gss_code,
    ).where(LibraryService.is_member.is_(True))
    with db.read() as session:
        return [_Service(*row) for row in session.execute(query)]


def _score(
    service: _Service,
    area_name: str,
    reached: set[int],
    region_percent: float,
    peers: list[_Service],
) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    if service.id not in reached:
        score += GAP_SCORE
        reasons.append(f"Not yet reached in {area_name}.")
    region_gap = (100.0 - region_percent) / 100.0
    if region_gap > 0:
        score += REGION_WEIGHT * region_gap
        reasons.append(f"{area_name} reaches {region_percent:.0f}% of {service.region}.")
    same_region = sum(1 for p in peers if p.region == service.region)
    same_nation = sum(1 for p in peers if p.nation == service.nation)
    if same_region:
        score += min(PEER_CAP, PEER_SCORE * same_region)
        noun = "service" if same_region == 1 else "services"
        verb = "takes" if same_region == 1 else "take"
        reasons.append(f"{same_region} {noun} in {service.region} already {verb} part.")
    elif same_nation:
        score += PEER_SCORE
        reasons.append(f"Services in {service.nation} already take part ({same_nation}).")
    bordering = neighbours().get(service.gss_code, frozenset())
    next_door = sorted(p.name for p in peers if p.gss_code in bordering)
    if next_door:
        score += min(NEIGHBOUR_CAP, NEIGHBOUR_SCORE * len(next_door))
        verb = "takes" if len(next_door) == 1 else "take"
        reasons.append(f"Next to {_and(next_door)}, which {verb} part.")
    return round(score, 2), reasons


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def for_programme(db: Database, programme_id: int, limit: int = 20) -> list[Suggestion]:
    """Member services not linked to the programme, best first."""
    with db.read() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError("The programme no longer exists.")
        area_id, area_name = programme.offer_area_id, programme.offer_area.name
        linked = set(
            session.scalars(
                select(Participation.service_id).where(Participation.programme_id == programme_id)
            )
        )
        active_here = set(
            session.scalars(
                select(Participation.service_id).where(
                    Participation.programme_id == programme_id,
                    Participation.stage.in_(CoverageFilter().stages),
                )
            )
        )
    members = _members(db)
    matrix = coverage_matrix(db)
    reached = set(covered_service_ids(db, offer_area_id=area_id))
    peers = [m for m in members if m.id in active_here]
    out = []
    for service in members:
        if service.id in linked:
            continue
        percent = matrix.cell(area_id, service.region).percent
        score, reasons = _score(service, area_name, reached, percent, peers)
        out.append(Suggestion(service.id, service.name, score, reasons, service.region))
    out.sort(key=lambda s: (-s.score, s.name.casefold()))
    return out[:limit]


def for_service(db: Database, service_id: int, limit: int = 20) -> list[Suggestion]:
    """Live programmes the service has no link with, best first."""
    with db.read() as session:
        row = session.get(LibraryService, service_id)
        if row is None:
            raise NotFoundError("The library service no longer exists.")
        service = _Service(row.id, row.nice_name, row.region, row.nation, row.gss_code)
        linked = set(
            session.scalars(
                select(Participation.programme_id).where(Participation.service_id == service_id)
            )
        )
        programmes = session.execute(
            select(Programme.id, Programme.name, Programme.offer_area_id)
            .where(Programme.status == "live")
            .order_by(Programme.name)
        ).all()
        takers = session.execute(
            select(Participation.programme_id, Participation.service_id).where(
                Participation.stage.in_(CoverageFilter().stages)
            )
        ).all()
    members = {m.id: m for m in _members(db)}
    matrix = coverage_matrix(db)
    area_names = dict(matrix.offer_areas)
    peers_by_programme: dict[int, list[_Service]] = {}
    for pid, sid in takers:
        if sid in members:
            peers_by_programme.setdefault(pid, []).append(members[sid])
    reached = reached_by_area(db)
    out = []
    for pid, name, area_id in programmes:
        if pid in linked:
            continue
        percent = matrix.cell(area_id, service.region).percent
        score, reasons = _score(
            service,
            area_names.get(area_id, ""),
            reached.get(area_id, set()),
            percent,
            peers_by_programme.get(pid, []),
        )
        out.append(Suggestion(pid, name, score, reasons, area_names.get(area_id, "")))
    out.sort(key=lambda s: (-s.score, s.name.casefold()))
    return out[:limit]


def region_counts(suggestions: list[Suggestion]) -> Counter[str]:
    """How many suggestions fall in each region (for a one-line summary)."""
    return Counter(s.region for s in suggestions)


__all__ = ["ALL_REGIONS", "Suggestion", "for_programme", "for_service", "region_counts"]
