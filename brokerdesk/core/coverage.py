"""Coverage: which member library services each offer area reaches, by region, and the gaps.

Definitions (shown to users in the dashboard's help text):

* A service is **covered** in an offer area when it has at least one **active participation**
  in a programme of that area. "Active" means the participation's stage is *signed up* or
  *active* (invited and interested are not commitments; completed and withdrawn are over),
  and its programme's status is one of the chosen statuses (by default only *live*).
* A programme reaches its **primary** offer area and its **secondary** areas: a reading
  programme that also serves health reaches both.
* **As at** a date: only programmes and participations whose start and end dates cover that
  date count (a missing start or end date is open-ended).
* Only **member** services count, both as covered and in the totals; a region with no member
  services (Scotland) has no column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, union_all
from sqlalchemy.orm import Session

from brokerdesk.core import vocabulary
from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import (
    PARTICIPATION_STAGES,
    LibraryService,
    OfferArea,
    Participation,
    Programme,
    ProgrammeOfferArea,
)

ACTIVE_STAGES: tuple[str, ...] = ("signed_up", "active")
ALL_REGIONS = "All member services"


@dataclass(frozen=True)
class CoverageFilter:
    """Which participations count as reaching a service.

    Attributes:
        statuses: programme statuses that count (default: live programmes only).
        as_at: only programmes and participations running on this date; None ignores dates.
        stages: participation stages that count as active.
        year: only programmes running in that year (a series' round of that year); a
            service that completed one counts too, as it took part that year.
    """

    statuses: tuple[str, ...] = ("live",)
    as_at: dt.date | None = None
    stages: tuple[str, ...] = ACTIVE_STAGES
    year: int | None = None

    def counted_stages(self) -> tuple[str, ...]:
        return (*self.stages, "completed") if self.year is not None else self.stages


@dataclass(frozen=True)
class Cell:
    """Covered member services out of all member services, in one offer area and region."""

    covered: int
    total: int

    @property
    def percent(self) -> float:
        """Share covered, 0–100 (0 when the region has no member services)."""
        return 100.0 * self.covered / self.total if self.total else 0.0

    def text(self) -> str:
        return f"{self.covered}/{self.total} ({self.percent:.0f}%)"


@dataclass
class CoverageMatrix:
    """Offer areas (rows) × regions (columns); ``cells[(area_id, region)]``.

    ``cells[(area_id, ALL_REGIONS)]`` is the UK-wide total for the area.
    """

    offer_areas: list[tuple[int, str]]
    regions: list[str]
    cells: dict[tuple[int, str], Cell] = field(default_factory=dict)

    def cell(self, offer_area_id: int, region: str) -> Cell:
        return self.cells.get((offer_area_id, region), Cell(0, 0))


@dataclass(frozen=True)
class ServiceRow:
    """A library service as listed in a gap list."""

    id: int
    gss_code: str
    name: str
    region: str
    nation: str


@dataclass
class CellDetail:
    """The services behind one cell: those reached and those missing (the gap list)."""

    covered: list[ServiceRow]
    missing: list[ServiceRow]


def _dates_cover(start: Any, end: Any, day: dt.date) -> Any:
    return and_(or_(start.is_(None), start <= day), or_(end.is_(None), end >= day))


def reaching_participations(flt: CoverageFilter) -> Select[Any]:
    """(offer_area_id, service_id, programme_id) for every participation that counts.

    One row per area the programme reaches (primary, then each secondary area).
    """
    conditions = [
        Participation.stage.in_(flt.counted_stages()),
        Programme.status.in_(flt.statuses),
        LibraryService.is_member.is_(True),
    ]
    if flt.year is not None:
        conditions.append(in_year(flt.year))
    if flt.as_at is not None:
        conditions.append(_dates_cover(Programme.start_date, Programme.end_date, flt.as_at))
        conditions.append(_dates_cover(Participation.start_date, Participation.end_date, flt.as_at))
    base = (
        select(
            Participation.service_id.label("service_id"),
            Participation.programme_id.label("programme_id"),
        )
        .join(Programme, Programme.id == Participation.programme_id)
        .join(LibraryService, LibraryService.id == Participation.service_id)
        .where(*conditions)
    )
    primary = base.add_columns(Programme.offer_area_id.label("offer_area_id"))
    secondary = base.join(
        ProgrammeOfferArea, ProgrammeOfferArea.programme_id == Programme.id
    ).add_columns(ProgrammeOfferArea.offer_area_id.label("offer_area_id"))
    return union_all(primary, secondary).subquery("reach").select()


def _region_order(region: str) -> tuple[int, str]:
    order = vocabulary.REGIONS
    return (order.index(region) if region in order else len(order), region)


def coverage_matrix(db: Database, flt: CoverageFilter | None = None) -> CoverageMatrix:
    """The whole matrix in two grouped queries (totals, covered counts)."""
    flt = flt or CoverageFilter()
    with db.read() as session:
        areas = [
            (row.id, row.name)
            for row in session.execute(
                select(OfferArea.id, OfferArea.name).order_by(OfferArea.sort_order, OfferArea.name)
            )
        ]
        totals = dict(
            session.execute(
                select(LibraryService.region, func.count(LibraryService.id))
                .where(LibraryService.is_member.is_(True))
                .group_by(LibraryService.region)
            ).all()
        )
        covered = _covered_counts(session, flt)
    regions = sorted(totals, key=_region_order)
    matrix = CoverageMatrix(areas, regions)
    all_members = sum(totals.values())
    for area_id, _ in areas:
        for region in regions:
            matrix.cells[(area_id, region)] = Cell(
                covered.get((area_id, region), 0), totals[region]
            )
        matrix.cells[(area_id, ALL_REGIONS)] = Cell(
            covered.get((area_id, ALL_REGIONS), 0), all_members
        )
    return matrix


def _covered_counts(session: Session, flt: CoverageFilter) -> dict[tuple[int, str], int]:
    reach = reaching_participations(flt).subquery("r")
    pairs = select(reach.c.offer_area_id, reach.c.service_id).distinct().subquery("pairs")
    rows = session.execute(
        select(pairs.c.offer_area_id, LibraryService.region, func.count())
        .join(LibraryService, LibraryService.id == pairs.c.service_id)
        .group_by(pairs.c.offer_area_id, LibraryService.region)
    ).all()
    counts: dict[tuple[int, str], int] = {}
    for area_id, region, count in rows:
        counts[(area_id, region)] = count
        counts[(area_id, ALL_REGIONS)] = counts.get((area_id, ALL_REGIONS), 0) + count
    return counts


def covered_service_ids(
    db: Database,
    flt: CoverageFilter | None = None,
    *,
    offer_area_id: int | None = None,
    programme_id: int | None = None,
) -> dict[int, int]:
    """How many counting participations each member service has, for an area or a programme.

    Services with none are absent. Used by the map and the suggestions.
    """
    flt = flt or CoverageFilter()
    reach = reaching_participations(flt).subquery("r")
    pairs = select(reach.c.service_id, reach.c.programme_id).distinct()
    if offer_area_id is not None:
        pairs = pairs.where(reach.c.offer_area_id == offer_area_id)
    if programme_id is not None:
        pairs = pairs.where(reach.c.programme_id == programme_id)
    sub = pairs.subquery("p")
    with db.read() as session:
        return {
            sid: n
            for sid, n in session.execute(
                select(sub.c.service_id, func.count()).group_by(sub.c.service_id)
            )
        }


def reached_by_area(db: Database, flt: CoverageFilter | None = None) -> dict[int, set[int]]:
    """The member services each offer area reaches, in one query (for ranking many at once)."""
    reach = reaching_participations(flt or CoverageFilter()).subquery("r")
    reached: dict[int, set[int]] = {}
    with db.read() as session:
        for area_id, service_id in session.execute(
            select(reach.c.offer_area_id, reach.c.service_id).distinct()
        ):
            reached.setdefault(area_id, set()).add(service_id)
    return reached


def cell_detail(
    db: Database, offer_area_id: int, region: str, flt: CoverageFilter | None = None
) -> CellDetail:
    """The covered and missing member services behind one cell (region may be ALL_REGIONS)."""
    covered_ids = set(covered_service_ids(db, flt, offer_area_id=offer_area_id))
    query = select(
        LibraryService.id,
        LibraryService.gss_code,
        LibraryService.nice_name,
        LibraryService.region,
        LibraryService.nation,
    ).where(LibraryService.is_member.is_(True))
    if region != ALL_REGIONS:
        query = query.where(LibraryService.region == region)
    with db.read() as session:
        rows = [
            ServiceRow(*row) for row in session.execute(query.order_by(LibraryService.nice_name))
        ]
    return CellDetail(
        covered=[r for r in rows if r.id in covered_ids],
        missing=[r for r in rows if r.id not in covered_ids],
    )


def gap_list(
    db: Database, offer_area_ids: Sequence[int] | None = None, flt: CoverageFilter | None = None
) -> list[tuple[str, ServiceRow]]:
    """(offer area name, service) for every member service an offer area does not reach."""
    matrix = coverage_matrix(db, flt)
    wanted = set(offer_area_ids) if offer_area_ids is not None else None
    gaps: list[tuple[str, ServiceRow]] = []
    for area_id, area_name in matrix.offer_areas:
        if wanted is not None and area_id not in wanted:
            continue
        for row in cell_detail(db, area_id, ALL_REGIONS, flt).missing:
            gaps.append((area_name, row))
    return gaps


def offer_area_id_for(db: Database, text: str) -> int:
    """Resolve an offer area typed by a user (code or name, any case) to its id."""
    wanted = text.strip().casefold()
    with db.read() as session:
        rows = session.execute(select(OfferArea.id, OfferArea.code, OfferArea.name)).all()
    for area_id, code, name in rows:
        if wanted in (code.casefold(), name.casefold()):
            return int(area_id)
    known = ", ".join(code for _, code, _ in rows)
    raise ValidationError({"offer_area": f"No offer area called {text!r}. Known: {known}."})


def in_year(year: int) -> Any:
    """The condition that a programme runs at some time in ``year`` (its dates overlap it;
    one without dates counts in every year)."""
    return and_(
        or_(Programme.start_date.is_(None), Programme.start_date <= dt.date(year, 12, 31)),
        or_(Programme.end_date.is_(None), Programme.end_date >= dt.date(year, 1, 1)),
    )


def programme_years(db: Database) -> list[int]:
    """Every year some programme starts in, newest first (the dashboard's year choices)."""
    with db.read() as session:
        starts = session.scalars(
            select(Programme.start_date).where(Programme.start_date.is_not(None)).distinct()
        )
        return sorted({d.year for d in starts if d is not None}, reverse=True)


# ---------------------------------------------------------------- figures for the charts
def programmes_by_area_and_status(
    db: Database, year: int | None = None
) -> list[tuple[str, dict[str, int]]]:
    """Programme counts per primary offer area and status, areas in the team's order
    (with ``year``, only programmes running that year)."""
    query = select(Programme.offer_area_id, Programme.status, func.count()).group_by(
        Programme.offer_area_id, Programme.status
    )
    if year is not None:
        query = query.where(in_year(year))
    with db.read() as session:
        areas = session.execute(
            select(OfferArea.id, OfferArea.name).order_by(OfferArea.sort_order, OfferArea.name)
        ).all()
        counts = session.execute(query).all()
    by_area: dict[int, dict[str, int]] = {area_id: {} for area_id, _ in areas}
    for area_id, status, n in counts:
        by_area.setdefault(area_id, {})[status] = n
    return [(name, by_area[area_id]) for area_id, name in areas]


def participations_by_stage(db: Database, year: int | None = None) -> dict[str, int]:
    """How many participations are at each stage (every stage listed, zeros included; with
    ``year``, in programmes running that year)."""
    query = select(Participation.stage, func.count()).group_by(Participation.stage)
    if year is not None:
        query = query.join(Programme, Programme.id == Participation.programme_id).where(
            in_year(year)
        )
    with db.read() as session:
        counts = dict(session.execute(query).all())
    return {stage: int(counts.get(stage, 0)) for stage in PARTICIPATION_STAGES}


def new_participations_by_month(
    db: Database, today: dt.date, months: int = 12
) -> list[tuple[str, int]]:
    """Participations starting in each of the last ``months`` months (YYYY-MM, oldest first).

    A participation starts on its start date, or when it was recorded if it has none.
    """
    first = dt.date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    keys = []
    cursor = first
    while cursor <= today:
        keys.append(f"{cursor.year:04d}-{cursor.month:02d}")
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    counts = dict.fromkeys(keys, 0)
    with db.read() as session:
        rows = session.execute(select(Participation.start_date, Participation.created_at))
        for start, created in rows:
            day = start or (created.date() if created is not None else None)
            if day is not None:
                key = f"{day.year:04d}-{day.month:02d}"
                if key in counts:
                    counts[key] += 1
    return list(counts.items())


def programme_stages(db: Database, programme_id: int) -> dict[int, str]:
    """Each linked service's stage in one programme (the furthest on, if linked by branch)."""
    order = {stage: n for n, stage in enumerate(PARTICIPATION_STAGES)}
    stages: dict[int, str] = {}
    with db.read() as session:
        rows = session.execute(
            select(Participation.service_id, Participation.stage).where(
                Participation.programme_id == programme_id
            )
        )
        for service_id, stage in rows:
            if service_id not in stages or order[stage] > order[stages[service_id]]:
                stages[service_id] = stage
    return stages
