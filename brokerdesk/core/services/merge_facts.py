"""Everything the merge view shows about a pair of likely duplicates, read in one session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

import brokerdesk.core.services.custom_values as custom_values
from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import LibraryService, OfferArea, Partner
from brokerdesk.core.services.duplicates import merge_preview
from brokerdesk.core.services.partners import PartnerService
from brokerdesk.core.services.people import ContactService
from brokerdesk.core.services.records import RecordService

# Reference fields whose record the merge view names, and the column holding that name.
_NAMED: tuple[tuple[str, Any, Any], ...] = (
    ("partner_id", Partner.id, Partner.name),
    ("service_id", LibraryService.id, LibraryService.name),
)


@dataclass
class PairFacts:
    """Both records of a pair as stored, with what merging either way would move.

    Attributes:
        ids: the two records, in the order asked.
        values: per record, field name -> stored value (as the service's ``get`` gives it).
        updated: per record, when it was last saved (for "keep the newer value").
        names: reference field -> record id -> the name of the record it points at.
        tags: a partner pair's tags together, sorted (empty for contacts).
        offer_areas: a partner pair's offer areas together, in their own order.
        moves: survivor id -> (table, rows that move, rows the survivor already has).
        own_fields: the team's own fields of the kind, (key, label) in their order.
        own_shown: per record, own-field key -> its value as a person reads it ("" empty).
    """

    entity: str
    ids: tuple[int, int]
    values: tuple[dict[str, Any], dict[str, Any]]
    updated: tuple[dt.datetime | None, dt.datetime | None]
    names: dict[str, dict[int, str]] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    offer_areas: list[str] = field(default_factory=list)
    moves: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)
    own_fields: list[tuple[str, str]] = field(default_factory=list)
    own_shown: tuple[dict[str, str], dict[str, str]] = field(default_factory=lambda: ({}, {}))


def _service(db: Database, entity: str) -> RecordService:  # type: ignore[type-arg]
    if entity == "partner":
        return PartnerService(db)
    if entity == "contact":
        return ContactService(db)
    raise ValidationError({"entity": f"Only partners and contacts can be merged, not {entity}."})


def merge_facts(db: Database, entity: str, first_id: int, second_id: int) -> PairFacts:
    """What the merge view needs about a pair (NotFoundError if either has gone)."""
    service = _service(db, entity)
    with db.read() as session:
        first, second = service.load(session, first_id), service.load(session, second_id)
        values = (service.values_of(session, first), service.values_of(session, second))
        facts = PairFacts(
            entity, (first_id, second_id), values, (first.updated_at, second.updated_at)
        )
        for key, id_column, name_column in _NAMED:
            wanted = {v[key] for v in values if v.get(key) is not None}
            if wanted:
                rows = session.execute(select(id_column, name_column).where(id_column.in_(wanted)))
                facts.names[key] = {int(i): str(n) for i, n in rows}
        if entity == "partner":
            facts.tags = sorted({t for v in values for t in v["tags"]}, key=str.lower)
            area_ids = {a for v in values for a in v["offer_area_ids"]}
            facts.offer_areas = list(
                session.scalars(
                    select(OfferArea.name)
                    .where(OfferArea.id.in_(area_ids))
                    .order_by(OfferArea.sort_order)
                )
            )
        own = custom_values.definitions(session, entity)
        facts.own_fields = [(f.key, f.label) for f in own]
        facts.own_shown = (
            {f.key: custom_values.readable(session, f, values[0][f.key]) for f in own},
            {f.key: custom_values.readable(session, f, values[1][f.key]) for f in own},
        )
        facts.moves = {
            first_id: merge_preview(session, entity, first_id, second_id),
            second_id: merge_preview(session, entity, second_id, first_id),
        }
    return facts
