"""Group by and totals: a list's records grouped by one column, counted and summed, in SQL.

"Programmes by offer area, with the total budget": :func:`groups` answers with one query
(grouped over the list's own search and filters); :func:`group_ids` gives one group's records
in the list's order when the user opens it. Number and money columns are summed
(:func:`summed_columns`); a count column ("Library services") sums too, as a funder reads it.
A money column whose records carry their own currency sums per currency (a
:class:`~brokerdesk.core.money.Totals`, "£12,000.00 + €5,000.00"), never pounds and euros
added together; grouped by such a column, €5,000 and £5,000 are two groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from brokerdesk.core.display import display
from brokerdesk.core.errors import storage_errors
from brokerdesk.core.lists import Column, ListState, RecordList
from brokerdesk.core.money import HOME, Money, Totals

if TYPE_CHECKING:
    from brokerdesk.core.db import Database

SUMMED = ("int", "money")


@dataclass(frozen=True)
class Group:
    """One group: the value it shares, how it reads, how many records, and their sums."""

    value: Any
    label: str
    count: int
    sums: dict[str, Any] = field(default_factory=dict)


def summed_columns(record_list: RecordList) -> list[Column]:
    return [c for c in record_list.columns if c.kind in SUMMED]


def group_label(column: Column, value: Any) -> str:
    """How a group's value reads ("Reading", "Active", "Yes"); an empty one "(none)"."""
    shown = display(value, column.kind if column.kind != "text" else None, column.labels)
    return shown or "(none)"


def groups(session: Session, record_list: RecordList, state: ListState, key: str) -> list[Group]:
    """The list's records (as filtered and searched) grouped by column ``key``, in the order
    of the group value (empty last), each with its count and the sums of the summed columns."""
    column = record_list.column(key)
    summed = summed_columns(record_list)
    plain = [c for c in summed if c.currency is None]
    by_currency = [c for c in summed if c.currency is not None]
    own_currency = []
    if column.currency is not None:  # the amount's currency; none for no amount (one group)
        own_currency = [case((column.expr.is_not(None), column.currency)).label("group_currency")]
    inner = (
        record_list.source()
        .with_only_columns(
            record_list.id_column,
            column.expr.label("group_value"),
            *own_currency,
            *(c.expr.label(f"sum_{c.key}") for c in summed),
            *(c.currency.label(f"currency_{c.key}") for c in by_currency),
        )
        .where(*record_list._where(session, state))
        .subquery()
    )
    value = inner.c.group_value
    keys, order = [value], [value.is_(None), value]
    if own_currency:  # pounds first, then by code, and by amount within each
        code = inner.c.group_currency
        keys, order = (
            [value, code],
            [value.is_(None), case((code == HOME, 0), else_=1), code, value],
        )
    query = (
        select(*keys, func.count(), *(func.sum(inner.c[f"sum_{c.key}"]) for c in plain))
        .group_by(*keys)
        .order_by(*order)
    )
    found: dict[Any, tuple[int, dict[str, Any]]] = {}
    for row in session.execute(query):
        at = len(keys)
        sums = {c.key: row[at + 1 + i] for i, c in enumerate(plain)}
        found[_value(column, row)] = (int(row[at]), sums)
    for c in by_currency:  # each money column's sums per group and currency
        per = select(
            *keys, inner.c[f"currency_{c.key}"], func.sum(inner.c[f"sum_{c.key}"])
        ).group_by(*keys, inner.c[f"currency_{c.key}"])
        shares: dict[Any, dict[str | None, Any]] = {}
        for row in session.execute(per):
            shares.setdefault(_value(column, row), {})[row[len(keys)]] = row[len(keys) + 1]
        for group_value, (_count, sums) in found.items():
            sums[c.key] = Totals.from_mapping(shares.get(group_value, {}))
    return [
        Group(group_value, group_label(column, group_value), count, sums)
        for group_value, (count, sums) in found.items()
    ]


def _value(column: Column, row: Any) -> Any:
    """A group's value: the column's, or for an amount in its own currency a :class:`Money`."""
    if column.currency is None or row[0] is None:
        return row[0]
    return Money(Decimal(row[0]), row[1] or HOME)


def in_group(record_list: RecordList, key: str, value: Any) -> ColumnElement[bool]:
    column = record_list.column(key)
    if isinstance(value, Money) and column.currency is not None:
        return and_(column.expr == value.amount, column.currency == value.currency)
    expr = column.expr
    return expr.is_(None) if value is None else expr == value  # type: ignore[no-any-return]


def group_ids(
    session: Session,
    record_list: RecordList,
    state: ListState,
    key: str,
    value: Any,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """One group's records in exactly the plain list's order (a window of them with
    ``limit``): the same ORDER BY, empty values last whichever way it is sorted."""
    query = (
        record_list.source()
        .with_only_columns(record_list.id_column)
        .where(*record_list._where(session, state), in_group(record_list, key, value))
        .order_by(*record_list.order_by(state))
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return list(session.scalars(query))


def totals(found: Sequence[Group]) -> Group:
    """Every group together: the list's own count and sums."""
    sums: dict[str, Any] = {}
    for group in found:
        for key, value in group.sums.items():
            if value is not None:
                sums[key] = value if sums.get(key) is None else sums[key] + value  # Totals too
    return Group(None, "Total", sum(g.count for g in found), sums)


class GroupedList:
    """What a grouped list view asks, each in its own read (the window holds no session)."""

    def __init__(self, db: Database, record_list: RecordList) -> None:
        self.db = db
        self.record_list = record_list

    def groups(self, state: ListState, key: str) -> list[Group]:
        with storage_errors(), self.db.read() as session:
            return groups(session, self.record_list, state, key)

    def group_ids(
        self, state: ListState, key: str, value: Any, *, limit: int, offset: int = 0
    ) -> list[int]:
        with storage_errors(), self.db.read() as session:
            return group_ids(
                session, self.record_list, state, key, value, limit=limit, offset=offset
            )

    def rows(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        if not ids:
            return {}
        with storage_errors(), self.db.read() as session:
            return self.record_list.rows(session, ids)
