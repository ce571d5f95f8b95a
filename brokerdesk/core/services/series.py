"""Series: programmes that run again and again, each run a round ("Summer Reading Challenge").

A series is a kind of record like any other (list, page, form, history, undo, Trash). Its
rounds are programmes that name it (``Programme.series_id``, stored in ``programme_round``);
deleting a series leaves them as programmes of no series, and the Trash puts the links back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from brokerdesk.core.kinds import KINDS
from brokerdesk.core.lists import Column, RecordList
from brokerdesk.core.models import Programme, ProgrammeRound, Series
from brokerdesk.core.services.fields import Field
from brokerdesk.core.services.measures import figure_rows
from brokerdesk.core.services.programmes import ProgrammeService
from brokerdesk.core.services.records import Change, RecordService
from brokerdesk.core.services.roll_over import RollOverPlan, roll_over
from brokerdesk.core.services.series_comparison import SeriesComparison, series_comparison


class SeriesService(RecordService[Series]):
    model = Series
    label = "series"
    fields = (
        Field("name", "Name", required=True, max_length=200),
        Field("description", "Description", "longtext"),
    )

    def check(self, session: Session, values: Mapping[str, Any], record_id: int | None) -> None:
        from brokerdesk.core.errors import ValidationError

        query = select(Series.id).where(func.lower(Series.name) == values["name"].lower())
        if record_id is not None:
            query = query.where(Series.id != record_id)
        if session.scalar(query) is not None:
            raise ValidationError({"name": "There is already a series of that name."})

    def ids_named(self, name: str) -> list[int]:
        """The series called ``name`` (any case): none or one."""
        with self.db.read() as session:
            return list(
                session.scalars(select(Series.id).where(func.lower(Series.name) == name.lower()))
            )

    def roll_over(self, programme_id: int, plan: RollOverPlan) -> Change:
        """Next year's round of a programme (``core.services.roll_over``)."""
        return roll_over(self.db, programme_id, plan)

    def comparison(self, series_id: int) -> SeriesComparison:
        """Its rounds side by side (``core.services.series_comparison``)."""
        with self.db.read() as session:
            return series_comparison(session, series_id)

    def figures(self, series_id: int) -> list[dict[str, Any]]:
        """Every round's measures added up, at every level (``measures.figure_rows``)."""
        with self.db.read() as session:
            rounds = list(
                session.scalars(
                    select(ProgrammeRound.programme_id).where(ProgrammeRound.series_id == series_id)
                )
            )
            return figure_rows(session, rounds)

    def undo_roll_over(self, change: Change) -> list[Change]:
        """Take back a roll over: the new round goes (its snapshot returned for a redo), and
        the series it made, or the link it gave the programme it came from."""
        programmes = ProgrammeService(self.db)
        undone = [programmes.delete(change.id, to_trash=False)]
        if change.after.get("series_made"):
            undone.append(self.delete(change.after["series_made"], to_trash=False))
        elif change.after.get("joined"):
            undone.append(
                programmes.update(change.after["joined"], {"series_id": None, "round_label": None})
            )
        return undone


def _rounds() -> Any:
    return (
        select(func.count(ProgrammeRound.programme_id))
        .where(ProgrammeRound.series_id == Series.id)
        .correlate(Series)
        .scalar_subquery()
    )


def _latest_round() -> Any:
    return (
        select(func.max(Programme.start_date))
        .join(ProgrammeRound, ProgrammeRound.programme_id == Programme.id)
        .where(ProgrammeRound.series_id == Series.id)
        .correlate(Series)
        .scalar_subquery()
    )


def series_list() -> RecordList:
    return RecordList(
        entity="series",
        title=KINDS["series"].title,
        id_column=Series.id,
        columns=(
            Column("name", "Name", Series.name),
            Column("rounds", "Rounds", _rounds(), "int"),
            Column("latest", "Latest round starts", _latest_round(), "date"),
            Column("description", "Description", Series.description, shown=False),
        ),
        filters=(),
        source=lambda: select(Series.id),
        default_sort="name",
    )
