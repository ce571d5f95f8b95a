"""A series' rounds side by side: who takes part, who is new, who lapsed, stages, figures.

``series_comparison(session, series_id)`` answers "how does this year compare with last?"
for the series page and for the series report, in plain dataclasses (no Qt, no ORM objects).
Services "taking part" are counted as everywhere else (``core.taking_part``); measures add
up by name and unit (``core.services.measures``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.models import LibraryService, Participation, Programme, ProgrammeRound, Series
from brokerdesk.core.services.measures import MeasureTotal, grand_totals, totals
from brokerdesk.core.taking_part import NOT_TAKING_PART


@dataclass(frozen=True)
class RoundFigures:
    """One round of a series, counted.

    Attributes:
        programme_id, name, round_label, status, start_date, end_date: the round.
        services: library services taking part (any stage but withdrawn), each once.
        new_services / lapsed_services: names of services taking part in this round and not
            in the round before, and the other way round (both empty for the first round).
        by_stage: library services at each stage (withdrawn ones too), each once per stage.
        by_nation / by_region: library services taking part, by nation and by region.
        measures: each measure's total over the round; by nation and region too.
    """

    programme_id: int
    name: str
    round_label: str | None
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    services: int
    new_services: list[str]
    lapsed_services: list[str]
    by_stage: dict[str, int]
    by_nation: dict[str, int]
    by_region: dict[str, int]
    measures: list[MeasureTotal]
    measures_by_nation: dict[str, list[MeasureTotal]] = field(default_factory=dict)
    measures_by_region: dict[str, list[MeasureTotal]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The round as a column heading: its label, else its start year, else its name."""
        if self.round_label:
            return self.round_label
        return str(self.start_date.year) if self.start_date else self.name

    def measure(self, name: str, unit: str | None) -> int | None:
        """The round's total of a measure, None if it does not count it."""
        for total in self.measures:
            if (total.name, total.unit) == (name, unit):
                return total.total
        return None


@dataclass(frozen=True)
class SeriesComparison:
    """Every round of a series, oldest first, and what they add up to.

    Attributes:
        nations, regions: every nation and region (nation, region) a round reaches, in order.
        measures: (name, unit) of every measure any round counts, in the rounds' order.
        totals: each measure over every round of the series.
    """

    series_id: int
    name: str
    description: str | None
    rounds: list[RoundFigures]
    nations: list[str]
    regions: list[tuple[str, str]]
    measures: list[tuple[str, str | None]]
    totals: list[MeasureTotal]


def _round_order(row: Any) -> tuple[bool, dt.date, str, int]:
    pid, _name, label, _status, start, _end = row
    return (start is None, start or dt.date.min, label or "", pid)


def series_comparison(session: Session, series_id: int) -> SeriesComparison:
    """The side-by-side figures of a series' rounds (see :class:`SeriesComparison`)."""
    series = session.get(Series, series_id)
    if series is None:
        raise NotFoundError(f"The series #{series_id} no longer exists.")
    rows = sorted(
        session.execute(
            select(
                Programme.id,
                Programme.name,
                ProgrammeRound.label,
                Programme.status,
                Programme.start_date,
                Programme.end_date,
            )
            .join(ProgrammeRound, ProgrammeRound.programme_id == Programme.id)
            .where(ProgrammeRound.series_id == series_id)
        ).all(),
        key=_round_order,
    )
    ids = [r[0] for r in rows]
    links = session.execute(
        select(
            Participation.programme_id,
            Participation.stage,
            LibraryService.id,
            LibraryService.nice_name,
            LibraryService.nation,
            LibraryService.region,
        )
        .join(LibraryService, LibraryService.id == Participation.service_id)
        .where(Participation.programme_id.in_(ids))
    ).all()
    taking: dict[int, dict[int, tuple[str, str, str]]] = {pid: {} for pid in ids}
    stages: dict[int, set[tuple[str, int]]] = {pid: set() for pid in ids}
    for pid, stage, sid, name, nation, region in links:
        stages[pid].add((stage, sid))
        if stage not in NOT_TAKING_PART:
            taking[pid][sid] = (name, nation, region)
    nation_totals = totals(session, ids, "nation") if ids else {}
    region_totals = totals(session, ids, "region") if ids else {}
    rounds: list[RoundFigures] = []
    previous: dict[int, tuple[str, str, str]] | None = None
    for pid, name, label, status, start, end in rows:
        current = taking[pid]
        new = [] if previous is None else [v[0] for k, v in current.items() if k not in previous]
        lapsed = [] if previous is None else [v[0] for k, v in previous.items() if k not in current]
        per_nation = {key[0]: found for key, found in totals(session, [pid], "nation").items()}
        per_region = {key[1]: found for key, found in totals(session, [pid], "region").items()}
        rounds.append(
            RoundFigures(
                programme_id=pid,
                name=name,
                round_label=label,
                status=status,
                start_date=start,
                end_date=end,
                services=len(current),
                new_services=sorted(new),
                lapsed_services=sorted(lapsed),
                by_stage=dict(Counter(stage for stage, _sid in stages[pid])),
                by_nation=dict(Counter(v[1] for v in current.values())),
                by_region=dict(Counter(v[2] for v in current.values())),
                measures=grand_totals(session, [pid]),
                measures_by_nation=per_nation,
                measures_by_region=per_region,
            )
        )
        previous = current
    places = {(v[1], v[2]) for by in taking.values() for v in by.values()}
    places |= {(str(k[0]), str(k[1])) for k in region_totals}
    measure_keys: list[tuple[str, str | None]] = []
    for figures in rounds:
        for total in figures.measures:
            if (total.name, total.unit) not in measure_keys:
                measure_keys.append((total.name, total.unit))
    nations = sorted({nation for nation, _r in places} | {str(k[0]) for k in nation_totals})
    return SeriesComparison(
        series_id=series.id,
        name=series.name,
        description=series.description,
        rounds=rounds,
        nations=nations,
        regions=sorted(places),
        measures=measure_keys,
        totals=grand_totals(session, ids) if ids else [],
    )
