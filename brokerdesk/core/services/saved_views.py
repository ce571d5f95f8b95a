"""Saved views: a named combination of search, filters, columns and sort on one list view.

The team asks the same questions every week ("live Health & Wellbeing programmes in Wales",
"partners we have not spoken to since March"); a saved view asks it again in one click.

Definition (stored as JSON in ``saved_view.definition``; every key optional)::

    {
      "search": "reading",                     # the list view's search text
      "filters": {"status": "active", "partner_type": "funder", "no_contact_days": 90},
      "columns": ["name", "status", "owner"],  # shown columns, in order
      "sort": ["name", "asc"]                  # column and "asc" | "desc"
    }

A view accepts exactly the filters and columns its list declares (``core.lists``): a choice
filter takes one of its values (text or a record id; an own field's choices also a list of
them, ``["Gold", "Silver"]``: any of them), a yes/no filter true or false, an
"N days" filter a whole number, a filter on the value of an own field "filled", "empty" or a
condition (``{"op": "at_least", "value": "10000"}``, see ``value_filters``), kept in its
plain form ("£10,000" is kept as "10000.00", "1/9/2026" as "2026-09-01"). Adding a filter
to a list makes it saveable; nothing here needs to know it.

The list views (GUI) turn filters into SQL; this service checks and stores definitions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError, RefusedError, ValidationError
from brokerdesk.core.lists import LISTS, Filter, RecordList, record_list
from brokerdesk.core.models import SavedView
from brokerdesk.core.services.custom_columns import full_record_list
from brokerdesk.core.services.value_filters import FilterValueError, checked

VIEW_ENTITIES = tuple(LISTS)
# Filters stored under other names by earlier versions, read as the lists' own keys.
_OLD_NAMES = {
    "no_interaction_days": "no_contact_days",
    "agreement_ends_within_days": "ends_within_days",
}
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
        with self.db.read() as session:
            the_list = full_record_list(session, entity)
        checked = validate_definition(entity, definition, the_list)
        text = json.dumps(checked, ensure_ascii=False, sort_keys=True)
        try:
            with self.db.write() as session:
                view = SavedView(entity=entity, name=clean_name, definition=text)
                session.add(view)
                session.flush()
                return view.id
        except RefusedError as exc:
            raise _duplicate(clean_name) from exc

    def update(self, view_id: int, definition: dict[str, Any]) -> None:
        """Replace a view's definition (the user changed filters and saved again)."""
        with self.db.write() as session:
            view = _existing(session.get(SavedView, view_id))
            the_list = full_record_list(session, view.entity)
            checked = validate_definition(view.entity, definition, the_list)
            view.definition = json.dumps(checked, ensure_ascii=False, sort_keys=True)

    def rename(self, view_id: int, new_name: str) -> None:
        clean_name = _check_name(new_name)
        try:
            with self.db.write() as session:
                view = _existing(session.get(SavedView, view_id))
                view.name = clean_name
        except RefusedError as exc:
            raise _duplicate(clean_name) from exc

    def delete(self, view_id: int) -> None:
        with self.db.write() as session:
            session.delete(_existing(session.get(SavedView, view_id)))


def _record(view: SavedView) -> SavedViewRecord:
    definition = json.loads(view.definition)
    filters = definition.get("filters")
    if isinstance(filters, dict):
        definition["filters"] = {_OLD_NAMES.get(k, k): v for k, v in filters.items()}
    return SavedViewRecord(view.id, view.entity, view.name, definition)


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


def validate_definition(
    entity: str, definition: dict[str, Any], the_list: RecordList | None = None
) -> dict[str, Any]:
    """The definition, checked against ``entity``'s list (see the module docstring), or
    ``the_list`` when given (the list with the team's own fields, whose filters and columns
    a view may use too).

    Raises:
        ValidationError: a setting, filter or column the list does not have, or a value of
            the wrong kind.
    """
    _check_entity(entity)
    if not isinstance(definition, dict):
        raise ValidationError({"definition": "A saved view's definition must be a JSON object."})
    unknown = sorted(set(definition) - _TOP_KEYS)
    if unknown:
        raise ValidationError({"definition": f"Unknown saved view setting: {', '.join(unknown)}."})
    the_list = the_list or record_list(entity)
    out: dict[str, Any] = {}
    if "search" in definition:
        if not isinstance(definition["search"], str):
            raise ValidationError({"search": "The search text must be text."})
        out["search"] = definition["search"]
    if "filters" in definition:
        out["filters"] = _check_filters(the_list, definition["filters"])
    column_keys = {c.key for c in the_list.columns}
    if "columns" in definition:
        columns = definition["columns"]
        if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
            raise ValidationError({"columns": "Columns must be a list of column names."})
        unknown = sorted(set(columns) - column_keys)
        if unknown:
            raise ValidationError(
                {"columns": f"The {the_list.title} list has no column {', '.join(unknown)}."}
            )
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
        if sort[0] not in column_keys:
            raise ValidationError(
                {"sort": f"The {the_list.title} list cannot sort by {sort[0]}: no such column."}
            )
        out["sort"] = [sort[0], sort[1]]
    return out


def _check_filters(the_list: RecordList, filters: Any) -> dict[str, Any]:
    if not isinstance(filters, dict):
        raise ValidationError({"filters": "Filters must be a JSON object."})
    declared = {f.key: f for f in the_list.filters}
    named: dict[str, Any] = {_OLD_NAMES.get(str(k), str(k)): v for k, v in filters.items()}
    unknown = sorted(set(named) - set(declared))
    if unknown:
        raise ValidationError(
            {
                "filters": f"Unknown filter: {', '.join(unknown)} "
                f"(the {the_list.title} list has {', '.join(declared) or 'none'})."
            }
        )
    return {key: _check_value(declared[key], value) for key, value in named.items()}


def _check_value(flt: Filter, value: Any) -> Any:
    """One filter's value, as its control on the list could hold it (a condition on an own
    field's value in its plain form)."""
    if flt.kind == "value":
        try:
            plain = checked(str(flt.value_type), flt.label, value)
        except FilterValueError as exc:
            raise ValidationError({flt.key: str(exc)}) from exc
        if plain is None:
            raise ValidationError({flt.key: f"{flt.label}: the condition needs a value."})
        return plain
    if flt.kind == "bool" and not isinstance(value, bool):
        raise ValidationError({flt.key: f"{flt.label} must be true or false."})
    if flt.kind == "days" and not (_is_int(value) and value >= 0):
        raise ValidationError({flt.key: f"{flt.label} must be a whole number of days."})
    if flt.kind == "choice" and flt.value_type and isinstance(value, list):  # any of them
        if not value or not all(isinstance(each, str) for each in value):
            raise ValidationError({flt.key: f"{flt.label} must be a list of its choices."})
        return value
    if flt.kind == "choice" and not (isinstance(value, str) or _is_int(value)):
        raise ValidationError({flt.key: f"{flt.label} must be one of its choices."})
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
