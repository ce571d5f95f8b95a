"""Which live programme fits a coverage gap best: the choice behind "Invite the missing services".

A gap is one cell of the coverage matrix: an offer area and a region (or every region). The
programmes that could fill it are the **live** programmes reaching that offer area, as their
primary or a secondary area. The best fit is the one that already works with the most library
services in that region (signed up or active there), then the one with the most such services
overall, then by name, so the same world always gives the same order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from brokerdesk.core.coverage import ACTIVE_STAGES, ALL_REGIONS
from brokerdesk.core.db import Database
from brokerdesk.core.models import LibraryService, Participation, Programme, ProgrammeOfferArea


@dataclass(frozen=True)
class ProgrammeFit:
    """A live programme of the gap's offer area, with the figures that rank it.

    Attributes:
        id, name: the programme.
        in_region: library services signed up or active in it, in the gap's region.
        overall: library services signed up or active in it, in every region.
        already_linked: those of the services asked about that are already linked to it
            (at any stage), so inviting them again would add nothing.
    """

    id: int
    name: str
    in_region: int
    overall: int
    already_linked: frozenset[int]


def live_programmes_for_gap(
    db: Database, offer_area_id: int, region: str, service_ids: Iterable[int] = ()
) -> list[ProgrammeFit]:
    """The live programmes reaching ``offer_area_id``, best fit for ``region`` first.

    ``region`` may be ``ALL_REGIONS``: then the in-region count is the overall one.
    ``service_ids`` are the services about to be invited (the gap list).
    """
    asked = set(service_ids)
    secondary = select(ProgrammeOfferArea.programme_id).where(
        ProgrammeOfferArea.offer_area_id == offer_area_id
    )
    with db.read() as session:
        programmes = session.execute(
            select(Programme.id, Programme.name).where(
                Programme.status == "live",
                or_(Programme.offer_area_id == offer_area_id, Programme.id.in_(secondary)),
            )
        ).all()
        ids = [pid for pid, _ in programmes]
        engaged = (
            select(
                Participation.programme_id,
                LibraryService.region,
                func.count(func.distinct(Participation.service_id)),
            )
            .join(LibraryService, LibraryService.id == Participation.service_id)
            .where(Participation.programme_id.in_(ids), Participation.stage.in_(ACTIVE_STAGES))
            .group_by(Participation.programme_id, LibraryService.region)
        )
        in_region: dict[int, int] = {}
        overall: dict[int, int] = {}
        for pid, where, count in session.execute(engaged):
            overall[pid] = overall.get(pid, 0) + count
            if region == ALL_REGIONS or where == region:
                in_region[pid] = in_region.get(pid, 0) + count
        linked: dict[int, set[int]] = {pid: set() for pid in ids}
        if asked:
            for pid, sid in session.execute(
                select(Participation.programme_id, Participation.service_id).where(
                    Participation.programme_id.in_(ids),
                    Participation.branch_id.is_(None),
                    Participation.service_id.in_(asked),
                )
            ):
                linked[pid].add(sid)
    fits = [
        ProgrammeFit(
            id=pid,
            name=name,
            in_region=in_region.get(pid, 0),
            overall=overall.get(pid, 0),
            already_linked=frozenset(linked[pid]),
        )
        for pid, name in programmes
    ]
    return sorted(fits, key=lambda f: (-f.in_region, -f.overall, f.name.casefold(), f.id))
