"""Indexes behind the list views' per-row counts and last-contact columns

At ten years' scale, "last contact" and "programmes" per partner or library service were
full scans of the interaction and participation tables for every row shown.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_interaction_partner_occurred", "interaction", ["partner_id", "occurred_on"]),
    ("ix_interaction_service_occurred", "interaction", ["service_id", "occurred_on"]),
    ("ix_participation_service_stage", "participation", ["service_id", "stage"]),
    ("ix_participation_programme_stage", "participation", ["programme_id", "stage"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
