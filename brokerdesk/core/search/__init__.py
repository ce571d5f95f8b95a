"""Search across every kind of record (core; no Qt).

Public API:
    SearchService(db).search(query, types=None, limit=50) -> list[SearchHit]
    SearchService(db).text_filter(entity, text) -> ColumnElement[bool]
    rebuild_index(db), check_index(db) -> list[str]
    fold(text): the accent- and case-insensitive form the index stores.
    unsearchable(text): not blank, yet no letter or digit to search for.
"""

from __future__ import annotations

from brokerdesk.core.search.folding import fold
from brokerdesk.core.search.maintenance import check_index, rebuild_index
from brokerdesk.core.search.reasons import Match
from brokerdesk.core.search.service import (
    FILTER_ENTITIES,
    SEARCH_TYPES,
    SearchHit,
    SearchService,
    group_hits,
)
from brokerdesk.core.search.terms import unsearchable

__all__ = [
    "FILTER_ENTITIES",
    "SEARCH_TYPES",
    "Match",
    "SearchHit",
    "SearchService",
    "check_index",
    "fold",
    "group_hits",
    "rebuild_index",
    "unsearchable",
]
