"""ONS regions for Derbyshire and Lincolnshire; an interaction outlives its partner and service

Three corrections from issue #13:

- The reference data shipped until now put Derbyshire (E10000007) in the West Midlands and
  Lincolnshire (E10000019) in Yorkshire and The Humber; ONS places both in the East Midlands.
  Each is corrected where it still holds the old value (a new version, and a line in the
  record's history saying this migration made it), so every regional count, the coverage
  matrix and the map agree with ONS.
- ``interaction.partner_id`` and ``interaction.service_id`` were ON DELETE CASCADE: deleting
  a partner erased every interaction about it, also those about a library service or a
  programme as well, and deleting a library service those about a partner or a programme.
  Both are now ON DELETE SET NULL, as ``programme_id`` (and ``contact_id``) already were: an
  interaction outlives any one of the records it is about and stays with what else it is
  about (the Trash takes only those about nothing else, core.snapshots).
- Four foreign keys had no index of their own, so deleting or checking the parent row read
  the whole child table: participation.branch_id, partner_offer_area.offer_area_id,
  programme_offer_area.offer_area_id, partner_tag.tag_id.

SQLite cannot change a foreign key in place: one batch re-creates the interaction table with
both foreign keys changed, which drops the triggers on it, and SQLite refuses to rename the
new table into place while other tables' triggers name the old one. So every trigger on or
naming ``interaction`` is read from the schema first, dropped, and put back exactly as it was
afterwards.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from brokerdesk.core import clock

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# GSS code -> (region shipped before, ONS region)
REGIONS = {
    "E10000007": ("West Midlands", "East Midlands"),  # Derbyshire
    "E10000019": ("Yorkshire and The Humber", "East Midlands"),  # Lincolnshire
}
INDEXES = (
    ("ix_participation_branch_id", "participation", ["branch_id"]),
    ("ix_partner_offer_area_offer_area_id", "partner_offer_area", ["offer_area_id"]),
    ("ix_programme_offer_area_offer_area_id", "programme_offer_area", ["offer_area_id"]),
    ("ix_partner_tag_tag_id", "partner_tag", ["tag_id"]),
)
# What an interaction is about, beside the programme: (constraint, column, referred table).
ABOUT_FKS = (
    ("fk_interaction_partner_id_partner", "partner_id", "partner"),
    ("fk_interaction_service_id_library_service", "service_id", "library_service"),
)
WHO = "BrokerDesk (migration 0006)"

_service = sa.table(
    "library_service",
    sa.column("id", sa.Integer),
    sa.column("gss_code", sa.String),
    sa.column("name", sa.String),
    sa.column("region", sa.String),
    sa.column("version_id", sa.Integer),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
_audit = sa.table(
    "audit_event",
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("user_name", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("record_id", sa.Integer),
    sa.column("summary", sa.String),
    sa.column("changes", sa.Text),
)


def _move_regions(conn: sa.Connection, *, forward: bool) -> None:
    """Set each service's region to the other value, where it holds the one expected."""
    now = clock.now()
    for code, (shipped, ons) in REGIONS.items():
        old, new = (shipped, ons) if forward else (ons, shipped)
        row = conn.execute(
            sa.select(_service.c.id, _service.c.name).where(
                _service.c.gss_code == code, _service.c.region == old
            )
        ).first()
        if row is None:  # not loaded yet, or already right
            continue
        conn.execute(
            sa.update(_service)
            .where(_service.c.id == row.id)
            .values(region=new, version_id=_service.c.version_id + 1, updated_at=now)
        )
        conn.execute(
            sa.insert(_audit).values(
                at=now,
                user_name=WHO,
                action="update",
                entity="library_service",
                record_id=row.id,
                summary=row.name[:300],
                changes=json.dumps({"region": [old, new]}),
            )
        )


def _interaction_triggers(conn: sa.Connection) -> list[tuple[str, str]]:
    """(name, CREATE statement) of every SQLite trigger on or naming the interaction table."""
    rows = conn.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    )
    naming = re.compile(r"\binteraction\b", re.IGNORECASE)
    return [(n, sql) for n, table, sql in rows if table == "interaction" or naming.search(sql)]


def _set_about_fks(ondelete: str) -> None:
    """Make deleting a partner or a library service do ``ondelete`` to its interactions."""
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        for name, column, referred in ABOUT_FKS:
            op.drop_constraint(name, "interaction", type_="foreignkey")
            op.create_foreign_key(
                name, "interaction", referred, [column], ["id"], ondelete=ondelete
            )
        return
    triggers = _interaction_triggers(conn)
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    with op.batch_alter_table("interaction") as batch:  # one copy of the table for both
        for name, column, referred in ABOUT_FKS:
            batch.drop_constraint(name, type_="foreignkey")
            batch.create_foreign_key(name, referred, [column], ["id"], ondelete=ondelete)
    for _name, sql in triggers:
        conn.exec_driver_sql(sql)


def upgrade() -> None:
    _move_regions(op.get_bind(), forward=True)
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    _set_about_fks("SET NULL")


def downgrade() -> None:
    _set_about_fks("CASCADE")
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
    _move_regions(op.get_bind(), forward=False)
