"""Custom fields: the team's own fields on partners, contacts, services and more (issue #20)

``custom_field`` holds each field's definition (kind, label, required or required when another
field has a value, choices, the kind of record a link points at); a removed field keeps its
row with ``removed_at`` set. ``custom_value`` holds one value per field and record, in the
typed column the field sorts by, indexed with the field so a list filters and sorts by it.

The search index takes the text of these fields into each record's body: its triggers are
made again (and the index refilled) from the frozen copy in ``sql/0011_custom_fields.*.sql``.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from brokerdesk.core.migrations import frozen

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ("text", "longtext", "number", "money", "date", "yesno", "choice", "choices", "link")


def upgrade() -> None:
    allowed = ", ".join(f"'{k}'" for k in KINDS)
    op.create_table(
        "custom_field",
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("required_field", sa.String(60), nullable=True),
        sa.Column("required_value", sa.String(120), nullable=True),
        sa.Column("choices", sa.Text(), nullable=True),
        sa.Column("link_kind", sa.String(40), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(trim(label)) > 0", name=op.f("ck_custom_field_label_not_blank")),
        sa.CheckConstraint(f"kind IN ({allowed})", name=op.f("ck_custom_field_kind_allowed")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_field")),
    )
    op.create_index(op.f("ix_custom_field_entity"), "custom_field", ["entity"])
    op.create_table(
        "custom_value",
        sa.Column("field_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("text_value", sa.String(500), nullable=True),
        sa.Column("long_value", sa.Text(), nullable=True),
        sa.Column("number_value", sa.Numeric(18, 4), nullable=True),
        sa.Column("date_value", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["field_id"],
            ["custom_field.id"],
            name=op.f("fk_custom_value_field_id_custom_field"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("field_id", "record_id", name=op.f("pk_custom_value")),
    )
    op.create_index("ix_custom_value_text", "custom_value", ["field_id", "text_value"])
    op.create_index("ix_custom_value_number", "custom_value", ["field_id", "number_value"])
    op.create_index("ix_custom_value_date", "custom_value", ["field_id", "date_value"])
    frozen.run(op.get_bind(), "0011_custom_fields", "upgrade")


def downgrade() -> None:
    frozen.run(op.get_bind(), "0011_custom_fields", "downgrade")
    op.drop_table("custom_value")
    op.drop_table("custom_field")
