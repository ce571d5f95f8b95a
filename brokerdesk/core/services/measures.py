"""What a programme counts at each library service, and every roll-up of it.

A programme declares its measures ("People reached", "Books issued", "Volunteers"), each a
name and a unit; each participation records a whole number for any of them. Totals roll up
from a branch to its library service, region, nation and all, and from a round to its series
(rounds' measures are matched by name and unit).

Until issue #19 a participation held two bare numbers, ``reach`` and ``sessions``. Migration
0010 turned them into the measures "People reached" and "Sessions"; the columns stay, because
the importer, the exports and the reports still read them, and :func:`mirror_columns` and
:func:`set_values` keep each column and its measure in step, so there is one figure to edit.

Every figure counts what was recorded, at any stage: a service that reached 40 people before
it withdrew still reached them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import DateTime, and_, delete, exists, func, insert, literal, select
from sqlalchemy.orm import Session

from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import (
    Branch,
    LibraryService,
    MeasureValue,
    Participation,
    ProgrammeMeasure,
    utcnow,
)
from brokerdesk.core.services.fields import INT_LIMIT, clean_text

# Participation column -> (measure name, unit) it is kept in step with.
COLUMN_MEASURES: dict[str, tuple[str, str]] = {
    "reach": ("People reached", "people"),
    "sessions": ("Sessions", "sessions"),
}
MEASURE_COLUMNS: dict[str, str] = {name: column for column, (name, _u) in COLUMN_MEASURES.items()}

Level = Literal["all", "nation", "region", "service", "branch"]
LEVELS: tuple[Level, ...] = ("branch", "service", "region", "nation", "all")


@dataclass(frozen=True)
class Measure:
    """One measure a programme declares."""

    id: int
    name: str
    unit: str | None

    @property
    def heading(self) -> str:
        """ "Books issued (books)", as a column heading."""
        return f"{self.name} ({self.unit})" if self.unit else self.name


@dataclass(frozen=True)
class MeasureTotal:
    """A measure added up over some participations.

    Attributes:
        name, unit: the measure (rounds' measures with the same name and unit add up).
        total: the sum of the values recorded.
        recorded: how many participations recorded a value for it.
    """

    name: str
    unit: str | None
    total: int
    recorded: int

    @property
    def heading(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


def declared(session: Session, programme_id: int) -> list[Measure]:
    """The measures a programme declares, in its order."""
    return [
        Measure(mid, name, unit)
        for mid, name, unit in session.execute(
            select(ProgrammeMeasure.id, ProgrammeMeasure.name, ProgrammeMeasure.unit)
            .where(ProgrammeMeasure.programme_id == programme_id)
            .order_by(ProgrammeMeasure.sort_order, ProgrammeMeasure.id)
        )
    ]


def parse_declarations(value: Any) -> list[tuple[str, str | None]]:
    """(name, unit) pairs from a list of pairs or from text, one per line or per ";":
    "Books issued (books)"; "Volunteers". Raises ValidationError naming the problem."""
    if value is None:
        return []
    items: Iterable[Any]
    items = (
        [p for p in str(value).replace(";", "\n").splitlines()] if isinstance(value, str) else value
    )
    pairs: list[tuple[str, str | None]] = []
    for item in items:
        if isinstance(item, str):
            text = clean_text(item)
            if not text:
                continue
            name, unit = text, None
            if text.endswith(")") and "(" in text:
                name, _p, rest = text[:-1].rpartition("(")
                name, unit = clean_text(name), clean_text(rest) or None
        else:
            name, unit = clean_text(str(item[0])), clean_text(str(item[1] or "")) or None
        if not name:
            raise ValidationError({"measures": "Give each measure a name."})
        if len(name) > 80 or (unit and len(unit) > 40):
            raise ValidationError({"measures": f"'{name}' is too long for a measure."})
        if name.casefold() in (n.casefold() for n, _u in pairs):
            raise ValidationError({"measures": f"'{name}' is declared twice."})
        pairs.append((name, unit))
    return pairs


def set_declared(
    session: Session, programme_id: int, wanted: Sequence[tuple[str, str | None]]
) -> None:
    """Make the programme declare exactly ``wanted`` (matched by name; units may change).

    A measure some participation recorded a value for is never dropped here: the figures
    would go with it.
    """
    existing = {
        m.name.casefold(): m
        for m in session.scalars(
            select(ProgrammeMeasure).where(ProgrammeMeasure.programme_id == programme_id)
        )
    }
    keep = {name.casefold() for name, _u in wanted}
    for key, measure in existing.items():
        if key in keep:
            continue
        used = session.scalar(
            select(func.count())
            .select_from(MeasureValue)
            .where(MeasureValue.measure_id == measure.id)
        )
        if used:
            raise ValidationError(
                {
                    "measures": f"'{measure.name}' has figures recorded at {used} library "
                    "services; clear them before removing the measure."
                }
            )
        session.delete(measure)
    for order, (name, unit) in enumerate(wanted):
        found = existing.get(name.casefold())
        if found is None:
            session.add(
                ProgrammeMeasure(programme_id=programme_id, name=name, unit=unit, sort_order=order)
            )
            continue
        if (found.name, found.unit, found.sort_order) != (name, unit, order):
            found.name, found.unit, found.sort_order = name, unit, order
    session.flush()


def values_of(session: Session, participation_id: int) -> dict[int, int]:
    """measure id -> the value a participation recorded."""
    return {
        mid: value
        for mid, value in session.execute(
            select(MeasureValue.measure_id, MeasureValue.value).where(
                MeasureValue.participation_id == participation_id
            )
        )
    }


def _check_value(measure: str, value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).replace(",", "").strip())
    except ValueError:
        raise ValidationError({"measure_values": f"{measure}: enter a whole number."}) from None
    if number < 0 or number > INT_LIMIT:
        raise ValidationError({"measure_values": f"{measure}: enter a number from 0 up."})
    return number


def set_values(session: Session, participation: Participation, values: Mapping[int, Any]) -> None:
    """Record values (None clears one) for measures of the participation's programme; the
    participation's own reach and sessions columns follow their measures."""
    measures = {m.id: m for m in declared(session, participation.programme_id)}
    current = values_of(session, participation.id)
    for measure_id, raw in values.items():
        measure = measures.get(int(measure_id))
        if measure is None:
            raise ValidationError(
                {"measure_values": "A measure no longer belongs to this programme."}
            )
        value = _check_value(measure.name, raw)
        _store(session, participation.id, measure.id, value, current.get(measure.id))
        column = MEASURE_COLUMNS.get(measure.name)
        if column is not None and getattr(participation, column) != value:
            setattr(participation, column, value)


def _store(
    session: Session, participation_id: int, measure_id: int, value: int | None, old: int | None
) -> None:
    if value == old:
        return
    if value is None:
        session.execute(
            delete(MeasureValue).where(
                MeasureValue.participation_id == participation_id,
                MeasureValue.measure_id == measure_id,
            )
        )
    elif old is None:
        session.add(
            MeasureValue(participation_id=participation_id, measure_id=measure_id, value=value)
        )
    else:
        row = session.scalars(
            select(MeasureValue).where(
                MeasureValue.participation_id == participation_id,
                MeasureValue.measure_id == measure_id,
            )
        ).one()
        row.value = value


def mirror_columns(session: Session, participation: Participation) -> None:
    """Put a participation's reach and sessions (as a form or an import set them) into their
    measures, declaring the measure on its programme the first time a figure needs it."""
    session.flush()
    current = values_of(session, participation.id)
    measures = {m.name: m for m in declared(session, participation.programme_id)}
    for column, (name, unit) in COLUMN_MEASURES.items():
        value = getattr(participation, column)
        measure = measures.get(name)
        if measure is None:
            if value is None:
                continue
            made = ProgrammeMeasure(
                programme_id=participation.programme_id,
                name=name,
                unit=unit,
                sort_order=len(measures),
            )
            session.add(made)
            session.flush()
            measure = measures[name] = Measure(made.id, name, unit)
        _store(session, participation.id, measure.id, value, current.get(measure.id))
    session.flush()


def adopt_column_figures(session: Session, programme_ids: Sequence[int] | None = None) -> None:
    """Bring the reach and sessions columns, as a bulk write left them (an import, the demo,
    synthetic data), into their measures: declare the measure where a figure needs it, and
    make its values equal the column, in a few set-based statements.

    ``programme_ids`` limits it to those programmes (None: every programme).
    """
    now = utcnow()
    for column_name, (name, unit) in COLUMN_MEASURES.items():
        column = Participation.__table__.c[column_name]
        where = [column.is_not(None)]
        if programme_ids is not None:
            where.append(Participation.programme_id.in_(list(programme_ids)))
        missing = ~exists().where(
            ProgrammeMeasure.programme_id == Participation.programme_id,
            ProgrammeMeasure.name == name,
        )
        order = len(COLUMN_MEASURES) if column_name != "reach" else 0
        session.execute(
            insert(ProgrammeMeasure).from_select(
                [
                    "programme_id",
                    "name",
                    "unit",
                    "sort_order",
                    "version_id",
                    "created_at",
                    "updated_at",
                ],
                select(
                    Participation.programme_id,
                    literal(name),
                    literal(unit),
                    literal(order),
                    literal(1),
                    literal(now, DateTime(timezone=True)),
                    literal(now, DateTime(timezone=True)),
                )
                .where(*where, missing)
                .distinct(),
            )
        )
        these = select(ProgrammeMeasure.id).where(ProgrammeMeasure.name == name)
        if programme_ids is not None:
            these = these.where(ProgrammeMeasure.programme_id.in_(list(programme_ids)))
        agrees = exists().where(
            Participation.id == MeasureValue.participation_id, column == MeasureValue.value
        )
        session.execute(
            delete(MeasureValue)
            .where(MeasureValue.measure_id.in_(these), ~agrees)
            .execution_options(synchronize_session=False)
        )
        stored = exists().where(
            MeasureValue.participation_id == Participation.id,
            MeasureValue.measure_id == ProgrammeMeasure.id,
        )
        session.execute(
            insert(MeasureValue).from_select(
                ["participation_id", "measure_id", "value"],
                select(Participation.id, ProgrammeMeasure.id, column)
                .join(
                    ProgrammeMeasure,
                    and_(
                        ProgrammeMeasure.programme_id == Participation.programme_id,
                        ProgrammeMeasure.name == name,
                    ),
                )
                .where(*where, ~stored),
            )
        )


# ---------------------------------------------------------------------------- roll-ups
_GROUPS: dict[Level, tuple[Any, ...]] = {
    "all": (),
    "nation": (LibraryService.nation,),
    "region": (LibraryService.nation, LibraryService.region),
    "service": (LibraryService.id, LibraryService.nice_name),
    "branch": (LibraryService.nice_name, Branch.name),
}


def totals(
    session: Session, programme_ids: Sequence[int], level: Level = "all"
) -> dict[tuple[Any, ...], list[MeasureTotal]]:
    """Each measure's total over the programmes' participations, grouped at ``level``.

    The keys are () for "all", (nation,), (nation, region), (service id, name) or
    (service name, branch name); "branch" covers only participations linked to a branch.
    Measures of several programmes with the same name and unit add up (round → series).
    """
    groups = _GROUPS[level]
    query = (
        select(
            *groups,
            ProgrammeMeasure.name,
            ProgrammeMeasure.unit,
            func.sum(MeasureValue.value),
            func.count(MeasureValue.id),
            func.min(ProgrammeMeasure.sort_order),
        )
        .join(ProgrammeMeasure, ProgrammeMeasure.id == MeasureValue.measure_id)
        .join(Participation, Participation.id == MeasureValue.participation_id)
        .join(LibraryService, LibraryService.id == Participation.service_id)
        .where(ProgrammeMeasure.programme_id.in_(list(programme_ids)))
        .group_by(*groups, ProgrammeMeasure.name, ProgrammeMeasure.unit)
    )
    if level == "branch":
        query = query.join(Branch, Branch.id == Participation.branch_id)
    found: dict[tuple[Any, ...], list[tuple[int, MeasureTotal]]] = {}
    n = len(groups)
    for row in session.execute(query):
        key = tuple(row[:n])
        name, unit, total, recorded, order = row[n:]
        found.setdefault(key, []).append(
            (int(order), MeasureTotal(name, unit, int(total or 0), int(recorded)))
        )
    return {
        key: [t for _o, t in sorted(items, key=lambda p: (p[0], p[1].name))]
        for key, items in sorted(found.items(), key=lambda kv: [str(k) for k in kv[0]])
    }


def grand_totals(session: Session, programme_ids: Sequence[int]) -> list[MeasureTotal]:
    """Each measure's total over all the programmes' participations."""
    return totals(session, programme_ids, "all").get((), [])


def participation_values(session: Session, programme_id: int) -> dict[int, dict[int, int]]:
    """participation id -> {measure id: value}, for a programme's table."""
    found: dict[int, dict[int, int]] = {}
    for pid, mid, value in session.execute(
        select(MeasureValue.participation_id, MeasureValue.measure_id, MeasureValue.value)
        .join(Participation, Participation.id == MeasureValue.participation_id)
        .where(Participation.programme_id == programme_id)
    ):
        found.setdefault(pid, {})[mid] = value
    return found


LEVEL_LABELS: dict[Level, str] = {
    "all": "All",
    "nation": "Nation",
    "region": "Region",
    "service": "Library service",
    "branch": "Branch",
}


def figure_rows(session: Session, programme_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Every roll-up as table rows, widest first: all, each nation, region, library service
    and branch; each row holds ``level``, ``place`` and a total per measure heading."""
    rows: list[dict[str, Any]] = []
    for level in reversed(LEVELS):
        level_rows: list[dict[str, Any]] = []
        for key, found in totals(session, programme_ids, level).items():
            if level == "all":
                place = "All library services"
            elif level in ("service", "region"):
                place = str(key[1])
            elif level == "branch":
                place = f"{key[1]}, {key[0]}"
            else:
                place = str(key[0])
            row: dict[str, Any] = {"level": LEVEL_LABELS[level], "place": place}
            row.update({t.heading: t.total for t in found})
            level_rows.append(row)
        rows += sorted(level_rows, key=lambda r: str(r["place"]).casefold())
    return rows
