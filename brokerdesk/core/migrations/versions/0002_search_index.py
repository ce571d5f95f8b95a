"""search index

The search index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL) and the triggers that keep
it in step with every write path; filled from the records already there. The SQL is the
frozen copy in ``sql/0002_search_index.*.sql`` (what ``core/search/schema.py`` generated when
this migration was last run from it), so later changes to the search code change nothing here.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from brokerdesk.core.migrations import frozen

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    frozen.run(op.get_bind(), "0002_search_index", "upgrade")


def downgrade() -> None:
    frozen.run(op.get_bind(), "0002_search_index", "downgrade")
