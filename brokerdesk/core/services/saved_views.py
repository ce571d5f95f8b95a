"""Saved views: a named combination of search, filters, columns and sort on one list view.

The team asks the same questions every week ("live Health & Wellbeing programmes in Wales",
"partners we have not spoken to since March"); a saved view asks it again in one click.

Definition (stored as JSON in ``saved_view.definition``; every key optional)::

    {
      "search": "reading",                     # the list view's search text
      "filters": {
        "offer_area_id": 3,                    # int, or a list of ints (any of them)
        "nation": "Wales",                     # str or list of str
        "region": "North West",                # str or list of str
        "status": ["live", "negotiating"],     # partner / programme status
        "stage": "signed_up",                  # participation stage
        "owner": "Priya",                      # relationship owner
        "is_member": true,                     # library services
        "date_ranges": [                       # inclusive; either end may be null
          {"field": "start_date", "from": "2026-01-01", "to": null}
        ],
        "no_interaction_days": 90,             # nothing logged for N days
        "agreement_ends_within_days": 90       # an agreement ends in the next N days
      },
      "columns": ["name", "status", "owner"],  # shown columns, in order
      "sort": ["name", "asc"]                  # column and "asc" | "desc"
    }

The list views (GUI) turn filters into SQL; this service checks and stores definitions.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, ValidationError
from brokerdesk.core.models import SavedView

VIEW_ENTITIES = (
    "partner",
    "contact",
    "library_service",
    "branch",
    "programme",
    "participation",
    "interaction",
    "agreement",
)
_ID_FILTERS = {"offer_area_id"}
_TEXT_FILTERS = {"nation", "region", "status", "stage", "owner"}
_DAY_FILTERS = {"no_interaction_days", "agreement_ends_within_days"}
FILTER_KEYS = frozenset(_ID_FILTERS | _TEXT_FILTERS | _DAY_FILTERS | {"is_member", "date_ranges"})
_TOP_KEYS = frozenset({"search", "filters", "columns", "sort"})


@dataclass(frozen=True)
class SavedViewRecord:
    """A saved view as the navigation shows it and a list view applies it."""

    id: int
    entity: str
    name: str
    definition: dict[str, Any]


class SavedViewService:
    """List, save, rename, delete saved views; each call is one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, entity: str | None = None) -> list[SavedViewRecord]:
        """Saved views (of one list view, or all), by list view then name."""
        with self.db.read() as session:
            stmt = select(SavedView).order_by(SavedView.entity, SavedView.name)
            if entity is not None:
                stmt = stmt.where(SavedView.entity == entity)
            return [_record(v) for v in session.scalars(stmt)]

    def get(self, view_id: int) -> SavedViewRecord:
        with self.db.read() as session:
            view = session.get(SavedView, view_id)
            if view is None:
                raise NotFoundError("That saved view no longer exists.")
            return _record(view)

    def save(self, entity: str, name: str, definition: dict[str, Any]) -> int:
        """Store a new view; returns its id. Refuses a name already used on that list."""
        _check_entity(entity)
        clean_name = _check_name(name)
        text = json.dumps(validate_definition(definition), ensure_ascii=False, sort_keys=True)
        try:
            with self.db.write() as session:
                view = SavedView(entity=entity, name=clean_name, definition=text)
                session.add(view)
                session.flush()
                return view.id
        except IntegrityError as exc:
            raise _duplicate(clean_name) from exc

    def update(self, view_id: int, definition: dict[str, Any]) -> None:
        """Replace a view's definition (the user changed filters and saved again)."""
        text = json.dumps(validate_definition(definition), ensure_ascii=False, sort_keys=True)
        with self.db.write() as session:
            view = _existing(session.get(SavedView, view_id))
            view.definition = text

    def rename(self, view_id: int, new_name: str) -> None:
        clean_name = _check_name(new_name)
        try:
            with self.db.write() as session:
                view = _existing(session.get(SavedView, view_id))
                view.name = clean_name
        except IntegrityError as exc:
            raise _duplicate(clean_name) from exc

    def delete(self, view_id: int) -> None:
        with self.db.write() as session:
            session.delete(_existing(session.get(SavedView, view_id)))


def _record(view: SavedView) -> SavedViewRecord:
    return SavedViewRecord(view.id, view.entity, view.name, json.loads(view.definition))


def _existing(view: SavedView | None) -> SavedView:
    if view is None:
        raise NotFoundError("That saved view no longer exists.")
    return view


def _duplicate(name: str) -> ValidationError:
    return ValidationError(
        {"name": f"There is already a saved view called '{name}' here; choose another name."}
    )


def _check_entity(entity: str) -> None:
    if entity not in VIEW_ENTITIES:
        raise ValidationError({"entity": f"There is no list view called '{entity}'."})


def _check_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError({"name": "Give the saved view a name."})
    if len(clean) > 120:
        raise ValidationError({"name": "A saved view's name can be at most 120 characters."})
    return clean


def validate_definition(definition: dict[str, Any]) -> dict[str, Any]:
    """The definition, checked (see the module docstring); raises ValidationError."""
    if not isinstance(definition, dict):
        raise ValidationError({"definition": "A saved view's definition must be a JSON object."})
    unknown = sorted(set(definition) - _TOP_KEYS)
    if unknown:
        raise ValidationError({"definition": f"Unknown saved view setting: {', '.join(unknown)}."})
    out: dict[str, Any] = {}
    if "search" in definition:
        if not isinstance(definition["search"], str):
            raise ValidationError({"search": "The search text must be text."})
        out["search"] = definition["search"]
    if "filters" in definition:
        out["filters"] = _check_filters(definition["filters"])
    if "columns" in definition:
        columns = definition["columns"]
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            raise ValidationError({"columns": "Columns must be a list of column names."})
        out["columns"] = list(columns)
    if "sort" in definition:
        sort = definition["sort"]
        if (
            not isinstance(sort, list | tuple)
            or len(sort) != 2
            or not isinstance(sort[0], str)
            or sort[1] not in ("asc", "desc")
        ):
            raise ValidationError({"sort": 'Sort must be [column, "asc" or "desc"].'})
        out["sort"] = [sort[0], sort[1]]
    return out


def _check_filters(filters: Any) -> dict[str, Any]:
    if not isinstance(filters, dict):
        raise ValidationError({"filters": "Filters must be a JSON object."})
    unknown = sorted(set(filters) - FILTER_KEYS)
    if unknown:
        raise ValidationError({"filters": f"Unknown filter: {', '.join(unknown)}."})
    for key, value in filters.items():
        values = value if isinstance(value, list) else [value]
        if key in _ID_FILTERS and not all(_is_int(v) for v in values):
            raise ValidationError({key: f"{key} must be a record id or a list of ids."})
        if key in _TEXT_FILTERS and not all(isinstance(v, str) for v in values):
            raise ValidationError({key: f"{key} must be text or a list of texts."})
        if key in _DAY_FILTERS and not (_is_int(value) and value >= 0):
            raise ValidationError({key: f"{key} must be a whole number of days."})
        if key == "is_member" and not isinstance(value, bool):
            raise ValidationError({key: "is_member must be true or false."})
        if key == "date_ranges":
            _check_date_ranges(value)
    return dict(filters)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_date_ranges(ranges: Any) -> None:
    if not isinstance(ranges, list):
        raise ValidationError({"date_ranges": "Date ranges must be a list."})
    for item in ranges:
        if not isinstance(item, dict) or not isinstance(item.get("field"), str):
            raise ValidationError({"date_ranges": "Each date range needs a field name."})
        if set(item) - {"field", "from", "to"}:
            raise ValidationError({"date_ranges": "A date range has field, from and to only."})
        bounds = [item.get("from"), item.get("to")]
        for bound in bounds:
            if bound is not None:
                try:
                    dt.date.fromisoformat(bound)
                except (TypeError, ValueError) as exc:
                    raise ValidationError(
                        {"date_ranges": f"'{bound}' is not a date (use YYYY-MM-DD)."}
                    ) from exc
        start, end = bounds
        if start is not None and end is not None and str(start) > str(end):
            raise ValidationError({"date_ranges": "A date range ends before it starts."})
