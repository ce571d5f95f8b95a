"""The questions a list window asks, each answered in a session of its own.

A list view (and Export view) holds a :class:`ListService` for its entity: it asks for the
ids that match, how many there are, the values of the rows that scroll into view and the
choices of its filters, and never sees a session or the driver's exceptions: a fault comes
out as one of the core's errors (:func:`brokerdesk.core.db.storage_errors`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brokerdesk.core.db import Database, storage_errors
from brokerdesk.core.lists import ListState, RecordList


class ListService:
    """One entity's list over one database.

    Raises (every method):
        StorageError: the driver failed (its first line is in ``reason``).
        DatabaseError: the file is damaged or read-only, said in words.
    """

    def __init__(self, db: Database, record_list: RecordList) -> None:
        self.db = db
        self.record_list = record_list

    def ids(
        self,
        state: ListState,
        *,
        limit: int | None = None,
        offset: int = 0,
        from_end: bool = False,
    ) -> list[int]:
        """The matching ids in the list's order (see :meth:`RecordList.ids`)."""
        with storage_errors(), self.db.read() as session:
            return self.record_list.ids(
                session, state, limit=limit, offset=offset, from_end=from_end
            )

    def count(self, state: ListState) -> int:
        """How many records match ``state``."""
        with storage_errors(), self.db.read() as session:
            return self.record_list.count(session, state)

    def first_ids(self, state: ListState, limit: int) -> tuple[list[int], int]:
        """Up to ``limit + 1`` leading ids and the total, in one read.

        The total is counted only when the list is longer than ``limit``: a short list's
        ids are its count.
        """
        with storage_errors(), self.db.read() as session:
            prefix = self.record_list.ids(session, state, limit=limit + 1)
            total = len(prefix)
            if total > limit:
                total = self.record_list.count(session, state)
        return prefix, total

    def rows(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        """The values of the given records, keyed by id, in column order."""
        if not ids:
            return {}
        with storage_errors(), self.db.read() as session:
            return self.record_list.rows(session, ids)

    def filter_options(self, keys: Sequence[str] | None = None) -> dict[str, list[tuple[Any, str]]]:
        """Each choice filter's (value, label) pairs, for the filters named in ``keys``."""
        wanted = [
            flt
            for flt in self.record_list.filters
            if flt.options is not None and (keys is None or flt.key in keys)
        ]
        with storage_errors(), self.db.read() as session:
            return {flt.key: flt.options(session) for flt in wanted if flt.options is not None}
