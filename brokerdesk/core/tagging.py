"""Tags on every kind of record: the link tables, and what lists and services ask of them.

Each kind keeps its tags in a link table of its own (``partner_tag``, ``programme_tag`` …)
with real foreign keys, so the Trash, undo and the history treat a record's tags like any
other of its rows (and a PostgreSQL server checks them). A record service that offers tags
lists ``tags`` among its ``extra_fields`` and calls :func:`set_tags` / :func:`tag_names`; a
list filters with :func:`tagged_with` and shows :func:`tag_list_text`.

Nothing here imports the services package, so ``core.lists`` can use it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.orm import Session

from brokerdesk.core import snapshots
from brokerdesk.core.kinds import KINDS
from brokerdesk.core.models import Base, Tag

# kind -> (link table, its column naming the record). A kind takes tags by having a link
# table called ``<kind>_tag`` with a ``<kind>_id`` column (a model and a migration): read
# from the registry and the models, so nothing here lists the kinds.
TAG_LINKS: dict[str, tuple[str, str]] = {
    key: (f"{key}_tag", f"{key}_id")
    for key in KINDS
    if f"{key}_tag" in Base.metadata.tables and f"{key}_id" in Base.metadata.tables[f"{key}_tag"].c
}
TAGGED_KINDS = tuple(TAG_LINKS)
MAX_NAME = 60


def link_table(entity: str) -> Table:
    return snapshots.metadata_table(TAG_LINKS[entity][0])


def tagged_with(entity: str, id_column: Any, tag_id: Any) -> ColumnElement[bool]:
    """The list filter's condition: records of ``entity`` carrying the tag ``tag_id``."""
    table = link_table(entity)
    record = table.c[TAG_LINKS[entity][1]]
    return id_column.in_(select(record).where(table.c.tag_id == int(tag_id)))  # type: ignore[no-any-return]


def tag_list_text(entity: str, id_column: Any) -> Any:
    """A record's tags as one text ("National, Pilot"), for list columns and exports."""
    table = link_table(entity)
    record = table.c[TAG_LINKS[entity][1]]
    return (
        select(func.aggregate_strings(Tag.name, ", "))
        .select_from(table.join(Tag, Tag.id == table.c.tag_id))
        .where(record == id_column)
        .scalar_subquery()
    )


def tag_options(session: Session) -> list[tuple[Any, str]]:
    """Every tag, by name, for the lists' tag filter."""
    return [
        (tag_id, name)
        for tag_id, name in session.execute(select(Tag.id, Tag.name).order_by(func.lower(Tag.name)))
    ]


# --------------------------------------------------------------------------- on records
def clean_tag_names(raw: str | Sequence[str] | None) -> list[str]:
    """Tag names as typed ("pilot, Pilot , national"): trimmed, each once, in typed order."""
    if raw is None:
        return []
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    seen: dict[str, str] = {}
    for item in items:
        name = " ".join(unicodedata.normalize("NFC", str(item)).split())
        if name and name.lower() not in seen:
            seen[name.lower()] = name[:MAX_NAME]
    return list(seen.values())


def find_or_make(session: Session, name: str) -> Tag:
    """The tag of that name in any case, made if there is none yet."""
    tag = session.scalar(select(Tag).where(func.lower(Tag.name) == name.lower()))
    if tag is None:
        tag = Tag(name=name[:MAX_NAME])
        session.add(tag)
    return tag


def set_tags(session: Session, obj: Any, raw: str | Sequence[str] | None) -> None:
    """Give a record exactly these tags (the record's ``tags`` relationship is audited)."""
    obj.tags = [find_or_make(session, name) for name in clean_tag_names(raw)]


def tag_names(obj: Any) -> list[str]:
    return [t.name for t in obj.tags]


# The tag manager's colours, by the name every screen writes beside the chip (colour is never
# the only thing that tells two tags apart).
TAG_COLOURS: dict[str, str] = {
    "#1f77b4": "Blue",
    "#2ca02c": "Green",
    "#ff7f0e": "Orange",
    "#d62728": "Red",
    "#9467bd": "Purple",
    "#8c564b": "Brown",
    "#e377c2": "Pink",
    "#7f7f7f": "Grey",
    "#17becf": "Teal",
}


def colour_name(colour: str | None) -> str:
    """ "Blue", "#123456" for a colour set elsewhere, or "" for none."""
    if not colour:
        return ""
    return TAG_COLOURS.get(colour.lower(), colour.lower())
