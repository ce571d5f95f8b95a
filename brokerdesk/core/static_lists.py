"""What a list view asks of static lists: its "On list" filter (choices and condition).

A static list is a hand-picked group of records of one kind ("Board invitees 2026"); the
service that makes and fills them is ``core.services.static_lists``. Nothing here imports the
services package, so ``core.lists`` can use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from brokerdesk.core.models import StaticList, StaticListMember


def on_list(id_column: Any, list_id: Any) -> ColumnElement[bool]:
    """Records on the static list ``list_id``."""
    members = select(StaticListMember.record_id).where(StaticListMember.list_id == int(list_id))
    return id_column.in_(members)  # type: ignore[no-any-return]


def list_options(entity: str) -> Callable[[Session], list[tuple[Any, str]]]:
    """The static lists of one kind, by name, for that list view's "On list" filter."""

    def options(session: Session) -> list[tuple[Any, str]]:
        return [
            (list_id, name)
            for list_id, name in session.execute(
                select(StaticList.id, StaticList.name)
                .where(StaticList.entity == entity)
                .order_by(func.lower(StaticList.name))
            )
        ]

    return options
