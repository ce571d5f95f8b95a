"""The team's own fields as list columns and filters.

Each field becomes a column (hidden until chosen in the column chooser) whose value is one
indexed lookup in ``custom_value`` per row, and a filter: its choices for a one-choice or
several-choices field (one, or a list: any of them), yes, no or empty for a yes/no field, the
linked records for a link, and for text, number, money and date a condition on the value
("at least 10,000", see ``value_filters``), each answered by the field's value index. Both
are keyed ``cf_<id>``, so saved views and column layouts keep them across renames.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, true, union_all
from sqlalchemy.orm import Session, aliased

import brokerdesk.core.services.value_filters as value_filters
from brokerdesk.core import clock
from brokerdesk.core.lists import Column, ColumnKind, Filter, RecordList, record_list
from brokerdesk.core.models import CustomValue
from brokerdesk.core.services.custom_values import LINK_TITLES, FieldDefinition, definitions

COLUMN_KINDS: dict[str, ColumnKind] = {
    "text": "text",
    "longtext": "text",
    "number": "number",
    "money": "money",
    "date": "date",
    "yesno": "bool",
    "choice": "text",
    "choices": "choices",
    "link": "text",
}
FILLED = [("filled", "Filled in"), ("empty", "Empty")]


def _stored(field: FieldDefinition) -> Any:
    """The ``custom_value`` column a field's values live in."""
    if field.kind in ("text", "longtext", "choice", "choices"):
        return CustomValue.text_value  # of long text, its first 500 characters
    if field.kind == "date":
        return CustomValue.date_value
    return CustomValue.number_value


def value_expression(field: FieldDefinition, id_column: Any) -> Any:
    """One record's value (a linked record's name for a link), as a correlated lookup."""
    if field.kind == "link":
        title = LINK_TITLES[str(field.link_kind)]
        linked = aliased(title.class_)  # the list's own table may be the linked kind
        query = select(getattr(linked, title.key)).where(
            linked.id == CustomValue.number_value,
            CustomValue.field_id == field.id,
            CustomValue.record_id == id_column,
        )
    else:
        query = select(_stored(field)).where(
            CustomValue.field_id == field.id, CustomValue.record_id == id_column
        )
    return query.correlate_except(CustomValue).scalar_subquery()


def _having(field: FieldDefinition, id_column: Any, *where: Any) -> ColumnElement[bool]:
    owners = select(CustomValue.record_id).where(CustomValue.field_id == field.id, *where)
    return id_column.in_(owners)  # type: ignore[no-any-return]


def _condition(field: FieldDefinition, id_column: Any) -> Callable[[Any], ColumnElement[bool]]:
    def condition(value: Any) -> ColumnElement[bool]:
        several = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if field.kind == "choice":  # one of them: "Tier is Gold or Silver"
            return _having(field, id_column, CustomValue.text_value.in_(several))
        if field.kind == "choices":  # any of them among the record's
            return _having(field, id_column, or_(*(_holds(choice) for choice in several)))
        if field.kind == "yesno" and value in ("yes", "no"):
            return _having(field, id_column, CustomValue.number_value == int(value == "yes"))
        if field.kind == "link" and value not in value_filters.PRESENCE:
            return _having(field, id_column, CustomValue.number_value == int(value))
        if field.kind in value_filters.VALUE_KINDS:
            value = value_filters.checked(field.kind, field.label, value)
            if value is None:  # a box it needs is still empty: it asks nothing yet
                return true()
            if isinstance(value, dict):
                return _having(field, id_column, _compared(field, value))
        filled = _having(field, id_column, _stored(field).is_not(None))
        return filled if value == "filled" else ~filled

    return condition


def _holds(choice: str) -> ColumnElement[bool]:
    """A several-choices value ("|Children|Carers|") that holds ``choice``."""
    text = choice.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return CustomValue.text_value.like(f"%|{text}|%", escape="\\")


def _compared(field: FieldDefinition, value: dict[str, Any]) -> ColumnElement[bool]:
    """The condition on a field's stored value that a filter's operator asks for."""
    op, first, second = value["op"], value["value"], value.get("to")
    if field.kind in ("text", "longtext"):
        # Long text: the whole of it, not the start the list shows. Lower on both sides, so
        # each backend folds case the same way on the two.
        stored = func.lower(
            CustomValue.long_value if field.kind == "longtext" else CustomValue.text_value
        )
        if op == "is":
            return stored == func.lower(literal(first))
        text = first.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return stored.like(func.lower(literal(f"%{text}%")), escape="\\")
    column: Any = CustomValue.number_value
    low: Any = None
    high: Any = None
    if field.kind != "date":
        low, high = Decimal(first), None if second is None else Decimal(second)
    elif op in ("next_days", "last_days"):
        column, today, days = CustomValue.date_value, clock.today(), dt.timedelta(days=int(first))
        low, high = (today, today + days) if op == "next_days" else (today - days, today)
    else:
        column, low, high = CustomValue.date_value, _day(first), _day(second)
    if op == "before":
        return column < low  # type: ignore[no-any-return]
    if op == "after":
        return column > low  # type: ignore[no-any-return]
    if op == "at_least":
        return column >= low  # type: ignore[no-any-return]
    if op == "at_most":
        return column <= low  # type: ignore[no-any-return]
    return column.between(low, high)  # type: ignore[no-any-return]


def _day(stored: str | None) -> dt.date | None:
    return None if stored is None else dt.date.fromisoformat(stored)


def _options(field: FieldDefinition) -> Callable[[Session], list[tuple[Any, str]]]:
    if field.kind == "link":
        return _linked(field)
    if field.kind in ("choice", "choices"):
        pairs = [(c, c) for c in field.choices]
    elif field.kind == "yesno":
        pairs = [("yes", "Yes"), ("no", "No"), ("empty", "Empty")]
    else:
        pairs = list(FILLED)
    return lambda _session: list(pairs)


def _linked(field: FieldDefinition) -> Callable[[Session], list[tuple[Any, str]]]:
    """A link field's choices: filled in, empty, and each record some record links to."""
    title = LINK_TITLES[str(field.link_kind)]
    table = title.class_

    def options(session: Session) -> list[tuple[Any, str]]:
        used = select(CustomValue.number_value).where(CustomValue.field_id == field.id)
        query = select(table.id, title).where(table.id.in_(used)).order_by(title, table.id)
        return [*FILLED, *((int(i), str(name)) for i, name in session.execute(query))]

    return options


def custom_column(field: FieldDefinition, id_column: Any) -> Column:
    indexed = field.kind != "link"  # a link sorts by the linked record's name
    return Column(
        field.key,
        field.label,
        value_expression(field, id_column),
        COLUMN_KINDS[field.kind],
        shown=False,
        index_order=_index_order(field, id_column) if indexed else None,
    )


def _index_order(field: FieldDefinition, id_column: Any) -> Callable[..., Select[Any]]:
    """The ids of the whole list sorted by ``field``, read in its value index's order.

    The list's order is: records with a value by (value, id), then records without one by
    id (both descending when ``descending``); ``from_end`` reads that order backwards.
    The window [offset, offset + limit) may take the end of one part and the start of the
    other, so the query is (at most) two ordered reads one after the other.
    """
    stored = _stored(field)
    record_id = CustomValue.record_id

    def ids(
        session: Session,
        *,
        descending: bool,
        limit: int | None,
        offset: int,
        from_end: bool,
    ) -> Select[Any]:
        # Values go with their records (deletes take them, core.snapshots), so the index
        # alone says which records have one: no look-up of a million records' rows.
        filled = select(record_id.label("id")).where(
            CustomValue.field_id == field.id, stored.is_not(None)
        )
        empty = select(id_column.label("id")).where(
            id_column.not_in(
                select(record_id).where(CustomValue.field_id == field.id, stored.is_not(None))
            )
        )
        # How many records the first part holds, from counts an index answers (ordering a
        # hundred thousand values, or testing a million ids, only to count them took 1.5 s).
        with_value = int(session.scalar(select(func.count()).select_from(filled.subquery())) or 0)
        in_first = with_value
        if from_end:
            every = int(session.scalar(select(func.count()).select_from(id_column.table)) or 0)
            in_first = every - with_value
        down = descending != from_end
        filled = filled.order_by(
            *((stored.desc(), record_id.desc()) if down else (stored.asc(), record_id.asc()))
        )
        empty = empty.order_by(id_column.desc() if down else id_column.asc())
        first, second = (empty, filled) if from_end else (filled, empty)
        parts: list[Select[Any]] = []
        if offset < in_first and limit != 0:
            parts.append(first.offset(offset).limit(limit))
        left = None if limit is None else max(0, limit - max(0, in_first - offset))
        if left is None or left > 0:
            parts.append(second.offset(max(0, offset - in_first)).limit(left))
        reads = [part.subquery() for part in parts] or [first.limit(0).subquery()]
        if len(reads) == 1:
            return select(reads[0].c.id)
        both = union_all(select(reads[0].c.id), select(reads[1].c.id)).subquery()
        return select(both.c.id)

    return ids


def custom_filter(field: FieldDefinition, id_column: Any) -> Filter:
    condition = _condition(field, id_column)
    if field.kind in value_filters.VALUE_KINDS:
        return Filter(field.key, field.label, "value", None, condition, value_type=field.kind)
    # A choice filter of a one-choice or several-choices field also takes a list: any of them.
    several = field.kind if field.kind in ("choice", "choices") else None
    return Filter(field.key, field.label, "choice", _options(field), condition, value_type=several)


def with_custom_fields(the_list: RecordList, fields: Sequence[FieldDefinition]) -> RecordList:
    """``the_list`` with a column and a filter for each of ``fields``."""
    if not fields:
        return the_list
    columns = tuple(custom_column(f, the_list.id_column) for f in fields)
    filters = tuple(custom_filter(f, the_list.id_column) for f in fields)
    return dataclasses.replace(
        the_list, columns=the_list.columns + columns, filters=the_list.filters + filters
    )


def full_record_list(session: Session, entity: str) -> RecordList:
    """An entity's list with the team's own fields as it stands now."""
    return with_custom_fields(record_list(entity), definitions(session, entity))
