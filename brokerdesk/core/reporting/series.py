"""The series report: every round of a programme series side by side, year on year.

Built from the same figures as the series page (``core.services.series_comparison``): the
library services taking part in each round (any stage but withdrawn, each once), the services
new to a round and those that lapsed from the round before, every measure's total, and the
services by nation and by region, one column per round.
"""

from __future__ import annotations

from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.exporting.tables import Cell, Column, Table
from brokerdesk.core.models import Series
from brokerdesk.core.reporting.document import Block, Bullets, Grid, Paragraph, Report, Section
from brokerdesk.core.reporting.places import source_and_today
from brokerdesk.core.reporting.words import cell_text as _d
from brokerdesk.core.services.series_comparison import SeriesComparison, series_comparison


def _measure_heading(name: str, unit: str | None) -> str:
    return f"{name} ({unit})" if unit else name


def _rounds(c: SeriesComparison) -> list[Block]:
    columns = [
        Column("Round", width=18),
        Column("Programme", width=30),
        Column("Runs", width=22),
        Column("Services taking part", "int"),
        Column("New", "int"),
        Column("Lapsed", "int"),
        *(Column(_measure_heading(n, u), "int") for n, u in c.measures),
    ]
    rows: list[list[Cell]] = [
        [
            r.title,
            r.name,
            f"{_d(r.start_date)} to {_d(r.end_date)}",
            r.services,
            len(r.new_services),
            len(r.lapsed_services),
            *(r.measure(n, u) for n, u in c.measures),
        ]
        for r in c.rounds
    ]
    table = Table("Rounds", columns, rows)
    return [Grid(table, "Each round of the series, oldest first")]


def _by_place(c: SeriesComparison, places: list[str], what: str, of_round: str) -> list[Block]:
    columns = [Column(what, width=24), *(Column(r.title, "int") for r in c.rounds)]
    rows: list[list[Cell]] = [
        [place, *(getattr(r, of_round).get(place, 0) for r in c.rounds)] for place in places
    ]
    if not rows:
        return [Paragraph("No library services have taken part yet.", muted=True)]
    totals: list[Cell] = ["All", *(r.services for r in c.rounds)]
    caption = f"Library services taking part, by {what.lower()} and round"
    return [Grid(Table(f"By {what.lower()}", columns, rows), caption, totals)]


def _changes(c: SeriesComparison) -> list[Block]:
    items = []
    for before, r in zip(c.rounds, c.rounds[1:], strict=False):
        new = ", ".join(r.new_services) or "none"
        lapsed = ", ".join(r.lapsed_services) or "none"
        items.append(f"{r.title} against {before.title}: new: {new}; lapsed: {lapsed}.")
    if not items:
        return [Paragraph("A single round so far: nothing to compare yet.", muted=True)]
    return [Bullets(items)]


def series_report(db: Database, series_id: int) -> Report:
    """One series' report, its rounds side by side.

    Raises:
        NotFoundError: the series no longer exists.
    """
    source, today = source_and_today(db)
    with db.read() as session:
        if session.get(Series, series_id) is None:
            raise NotFoundError(f"The series #{series_id} no longer exists.")
        c = series_comparison(session, series_id)
    latest = c.rounds[-1] if c.rounds else None
    facts: list[tuple[str, Cell]] = [
        ("Rounds", len(c.rounds)),
        ("Latest round", f"{latest.title}: {latest.name}" if latest else None),
        ("Services taking part in the latest round", latest.services if latest else None),
        *((f"{_measure_heading(t.name, t.unit)}, every round", t.total) for t in c.totals),
    ]
    return Report(
        kind="series",
        key=series_id,
        kind_label="Series summary",
        subject=c.name,
        subtitle=c.description or f"A programme series of {len(c.rounds):,} rounds",
        generated_on=today,
        source=source,
        facts=facts,
        sections=[
            Section("Rounds side by side", _rounds(c)),
            Section("New and lapsed library services", _changes(c)),
            Section("By nation", _by_place(c, c.nations, "Nation", "by_nation")),
            Section(
                "By region",
                _by_place(c, [region for _n, region in c.regions], "Region", "by_region"),
            ),
        ],
    )
