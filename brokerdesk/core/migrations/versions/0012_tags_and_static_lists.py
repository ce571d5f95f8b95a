"""Tags on every kind of record, a tag's colour, and static lists (issue #20)

- ``tag.colour``: a "#rrggbb" the tag manager sets; screens show it as a chip beside the
  name, never instead of it.
- One link table per kind beside ``partner_tag`` (which keeps every partner's tags as they
  are): ``library_service_tag``, ``programme_tag``, ``contact_tag``, ``interaction_tag``.
  Real foreign keys, ON DELETE CASCADE both ways, so deleting a record takes its tag links
  into the Trash snapshot (and undo puts them back), and deleting a tag takes its links.
- ``static_list`` and ``static_list_member``: hand-picked groups of records of one kind. A
  member names its record by id only (a list may hold any kind), so a record deleted and put
  back from the Trash is on its lists again.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# link table -> (its record column, the record's table)
TAG_LINKS = (
    ("library_service_tag", "library_service_id", "library_service"),
    ("programme_tag", "programme_id", "programme"),
    ("contact_tag", "contact_id", "contact"),
    ("interaction_tag", "interaction_id", "interaction"),
)


def _stamp(name: str) -> sa.Column[object]:
    return sa.Column(
        name,
        sa.DateTime(timezone=True),
        server_default=sa.text("(CURRENT_TIMESTAMP)"),
        nullable=False,
    )


def upgrade() -> None:
    # Not a batch: re-creating ``tag`` would break the search triggers that name it, and
    # both databases add a nullable column in place.
    op.add_column("tag", sa.Column("colour", sa.String(length=7), nullable=True))
    for table, column, records in TAG_LINKS:
        op.create_table(
            table,
            sa.Column(column, sa.Integer(), nullable=False),
            sa.Column("tag_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                [column],
                [f"{records}.id"],
                name=op.f(f"fk_{table}_{column}_{records}"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                ["tag_id"], ["tag.id"], name=op.f(f"fk_{table}_tag_id_tag"), ondelete="CASCADE"
            ),
            sa.PrimaryKeyConstraint(column, "tag_id", name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_tag_id"), table, ["tag_id"])
    op.create_table(
        "static_list",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_static_list_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_static_list")),
        sa.UniqueConstraint("entity", "name", name="uq_static_list_entity_name"),
    )
    op.create_table(
        "static_list_member",
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["static_list.id"],
            name=op.f("fk_static_list_member_list_id_static_list"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("list_id", "record_id", name=op.f("pk_static_list_member")),
    )
    op.create_index(op.f("ix_static_list_member_record_id"), "static_list_member", ["record_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_static_list_member_record_id"), table_name="static_list_member")
    op.drop_table("static_list_member")
    op.drop_table("static_list")
    for table, _column, _records in reversed(TAG_LINKS):
        op.drop_index(op.f(f"ix_{table}_tag_id"), table_name=table)
        op.drop_table(table)
    op.execute("ALTER TABLE tag DROP COLUMN colour")  # SQLite 3.35+, PostgreSQL
