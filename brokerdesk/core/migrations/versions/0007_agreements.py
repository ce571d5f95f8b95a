"""Agreements as a record kind: kind, status, value, notice date, owner; terms and parties

Issue #18: agreements could only come from the demo. They now carry a kind (MoU,
data-sharing, contract, licence, letter of intent, other), a stored status (draft, active,
ended; "lapsed" is worked out from the end date), a value and its currency, the last day to
give notice, an owner and, once ended, why. Each renewal keeps the term it replaced in
``agreement_term``; programmes and library services can be further parties to one.

Existing agreements become active MoUs in pounds, as the demo and every import so far meant.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = "'mou', 'data_sharing', 'contract', 'licence', 'letter_of_intent', 'other'"
STATUSES = "'draft', 'active', 'ended'"


def upgrade() -> None:
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="mou"))
        batch_op.add_column(
            sa.Column("status", sa.String(10), nullable=False, server_default="active")
        )
        batch_op.add_column(sa.Column("value", sa.Numeric(12, 2), nullable=True))
        batch_op.add_column(
            sa.Column("currency", sa.String(3), nullable=False, server_default="GBP")
        )
        batch_op.add_column(sa.Column("notice_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("owner", sa.String(120), nullable=True))
        batch_op.add_column(sa.Column("end_reason", sa.String(300), nullable=True))
        batch_op.create_check_constraint("kind_allowed", f"kind IN ({KINDS})")
        batch_op.create_check_constraint("status_allowed", f"status IN ({STATUSES})")
        batch_op.create_index("ix_agreement_status", ["status"], unique=False)
        batch_op.create_index("ix_agreement_owner", ["owner"], unique=False)

    op.create_table(
        "agreement_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("value", sa.Numeric(12, 2), nullable=True),
        sa.Column("renewed_on", sa.Date(), nullable=True),
        sa.Column("renewed_by", sa.String(120), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_agreement_term_end_not_before_start"),
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_term_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_term")),
    )
    op.create_index(
        op.f("ix_agreement_term_agreement_id"), "agreement_term", ["agreement_id"], unique=False
    )
    for table, column, referred in (
        ("agreement_programme", "programme_id", "programme"),
        ("agreement_library_service", "service_id", "library_service"),
    ):
        op.create_table(
            table,
            sa.Column("agreement_id", sa.Integer(), nullable=False),
            sa.Column(column, sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                ["agreement_id"],
                ["agreement.id"],
                name=op.f(f"fk_{table}_agreement_id_agreement"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                [column],
                [f"{referred}.id"],
                name=op.f(f"fk_{table}_{column}_{referred}"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("agreement_id", column, name=op.f(f"pk_{table}")),
        )
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table, column in (
        ("agreement_library_service", "service_id"),
        ("agreement_programme", "programme_id"),
    ):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        op.drop_table(table)
    op.drop_index(op.f("ix_agreement_term_agreement_id"), table_name="agreement_term")
    op.drop_table("agreement_term")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_owner")
        batch_op.drop_index("ix_agreement_status")
        batch_op.drop_constraint("status_allowed", type_="check")
        batch_op.drop_constraint("kind_allowed", type_="check")
        for column in ("end_reason", "owner", "notice_date", "currency", "value", "status", "kind"):
            batch_op.drop_column(column)
