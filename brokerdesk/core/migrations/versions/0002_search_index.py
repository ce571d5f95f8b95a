"""search index

The search index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL) and the triggers that keep
it in step with every write path; filled from the records already there.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from brokerdesk.core.search import schema

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    schema.create(conn)
    schema.fill(conn)


def downgrade() -> None:
    schema.drop(op.get_bind())
