"""Which library services "take part" in a programme: the one definition every count uses.

The programme list and the programme page once counted differently (the page counted every
participation, withdrawn ones too: "70 of a target of 40" beside a list that said 61). Both
now ask here. A service takes part while its participation is at any stage but withdrawn,
and it counts once however many of its branches are linked.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.sql.selectable import ScalarSelect

from brokerdesk.core.models import Participation, Programme

NOT_TAKING_PART = ("withdrawn",)


def taking_part() -> ColumnElement[bool]:
    """The condition on a participation that its service takes part."""
    return Participation.stage.not_in(NOT_TAKING_PART)


def services_taking_part(programme_id: Any = Programme.id) -> ScalarSelect[int]:
    """How many library services take part in a programme, as a scalar subquery.

    ``programme_id`` is the programme's id column (correlated, for a list of programmes) or a
    plain id.
    """
    query = select(func.count(func.distinct(Participation.service_id))).where(
        Participation.programme_id == programme_id, taking_part()
    )
    if programme_id is Programme.id:
        query = query.correlate(Programme)
    return query.scalar_subquery()
