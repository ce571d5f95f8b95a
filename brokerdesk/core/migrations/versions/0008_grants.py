"""Grants, the programmes they fund, and their deliverables (issue #18)

A grant is money a funder (a partner) gives, or was asked for: amount and currency, the
dates it was applied for, awarded, starts and ends, its status and owner. A grant funds any
number of programmes (``grant_programme``) and carries deliverables (reports, milestones,
payments) with due and done dates, which Today and the calendar remind the team of. Grants
are searched by title, owner and notes (Ctrl+K): their index triggers are frozen SQL in
``sql/0008_grants.*.sql``.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from brokerdesk.core.migrations import frozen

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamps() -> list[sa.Column[object]]:
    return [
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
    ]


def upgrade() -> None:
    op.create_table(
        "funding_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("awarded_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("owner", sa.String(length=120), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamps(),
        sa.CheckConstraint(
            "length(trim(title)) > 0", name=op.f("ck_funding_grant_title_not_blank")
        ),
        sa.CheckConstraint(
            "status IN ('applied', 'awarded', 'declined', 'closed')",
            name=op.f("ck_funding_grant_status_allowed"),
        ),
        sa.CheckConstraint(
            "amount IS NULL OR amount >= 0", name=op.f("ck_funding_grant_amount_not_negative")
        ),
        sa.CheckConstraint("length(currency) = 3", name=op.f("ck_funding_grant_currency_length")),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_funding_grant_end_not_before_start"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_funding_grant_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funding_grant")),
    )
    with op.batch_alter_table("funding_grant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_funding_grant_partner_id"), ["partner_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_funding_grant_title"), ["title"], unique=False)
        batch_op.create_index(batch_op.f("ix_funding_grant_status"), ["status"], unique=False)

    op.create_table(
        "grant_programme",
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["funding_grant.id"],
            name=op.f("fk_grant_programme_grant_id_funding_grant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_grant_programme_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("grant_id", "programme_id", name=op.f("pk_grant_programme")),
    )
    with op.batch_alter_table("grant_programme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_grant_programme_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "deliverable",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_stamps(),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_deliverable_title_not_blank")),
        sa.CheckConstraint(
            "kind IN ('report', 'milestone', 'payment', 'other')",
            name=op.f("ck_deliverable_kind_allowed"),
        ),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["funding_grant.id"],
            name=op.f("fk_deliverable_grant_id_funding_grant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliverable")),
    )
    with op.batch_alter_table("deliverable", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deliverable_grant_id"), ["grant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_deliverable_due_on"), ["due_on"], unique=False)
    # Grants in the search index (Ctrl+K): their triggers and rows, as the frozen SQL says.
    frozen.run(op.get_bind(), "0008_grants", "upgrade")


def downgrade() -> None:
    frozen.run(op.get_bind(), "0008_grants", "downgrade")
    op.drop_table("deliverable")
    op.drop_table("grant_programme")
    op.drop_table("funding_grant")
