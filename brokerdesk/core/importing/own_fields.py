"""The team's own fields in imports: a column maps to a field like any other.

A custom field is a mapping target named by its key (``cf_3``), suggested from its label.
Its cells are parsed by the field's type (``core.services.custom_values``); a cell that does
not fit refuses the row with the same sentence a form shows, and a new record missing a
required field (or one required by its condition: "Charity number … when Type is Charity")
is refused too. Values are written after the chunk's records, each record's history naming
the import as the source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

import brokerdesk.core.services.custom_values as custom_values
from brokerdesk.core import audit
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.stored import json_value

if TYPE_CHECKING:
    from brokerdesk.core.db import Database
    from brokerdesk.core.importing.base import Importer, RowPlan


def targets_in(session: Session, importer: type[Importer]) -> tuple[Target, ...]:
    """The kind's own fields as mapping targets, after its fixed ones."""
    table = str(importer.model.__tablename__)
    return tuple(
        Target(f.key, f.label, (f.label,)) for f in custom_values.definitions(session, table)
    )


def all_targets(db: Database, importer: type[Importer]) -> tuple[Target, ...]:
    """Every field a column of this kind's file can fill: fixed, then the team's own."""
    with db.read() as session:
        return importer.targets + targets_in(session, importer)


def check_row(
    session: Session,
    table: str,
    fields: tuple[custom_values.FieldDefinition, ...],
    plan: RowPlan,
    cells: Mapping[str, str],
) -> None:
    """Parse a row's own-field cells into ``plan.own``, or refuse it with each reason."""
    creating = plan.action == "create"
    try:
        parsed, _ = custom_values.clean(
            session,
            table,
            cells,
            dict(plan.values),
            changed=None if creating else set(),
            fields=fields,
        )
    except ValidationError as exc:
        for message in exc.field_errors.values():
            plan.refuse(message)
        return
    plan.own = parsed


def write_rows(
    importer: Importer, plans: Sequence[RowPlan], created: Sequence[int], source: str
) -> None:
    """Store the chunk's own-field values: new records take the ids in ``created`` in row
    order; each record's history gets one event saying old -> new."""
    if not importer.own:
        return
    session = importer.session
    fields = tuple(importer.own.values())
    table = str(importer.model.__tablename__)
    made = iter(created)
    for plan in plans:
        if plan.action == "create":
            record_id = next(made)
        elif plan.action == "update" and plan.record_id is not None:
            record_id = plan.record_id
        else:
            continue
        if not plan.own:
            continue
        old = custom_values.read(session, fields, [record_id])[record_id]
        custom_values.store(session, fields, record_id, plan.own)
        changes: dict[str, Any] = {
            key: [_plain(old.get(key)), _plain(value)]
            for key, value in plan.own.items()
            if old.get(key) != value
        }
        if changes:
            changes[audit.SOURCE_FIELD] = source
            audit.record(session, "update", table, f"#{record_id}", record_id, changes)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, list | tuple) else json_value(value)
