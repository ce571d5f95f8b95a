"""Ctrl+K finds records by their tags and every kind's own fields

The search index's body of each tagged kind (partners, library services, programmes, contacts,
interactions) takes its tags' names, kept by triggers on the link tables and on a tag's
rename; documents, grants and agreements take the text of their own fields, as the first
kinds did since 0011. The triggers are made again and the whole index refilled (so existing
tags and values are found at once) from the frozen copy in
``sql/0015_search_tags_and_own_fields.*.sql``; the downgrade puts back the triggers of 0014.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from brokerdesk.core.migrations import frozen

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    frozen.run(op.get_bind(), "0015_search_tags_and_own_fields", "upgrade")


def downgrade() -> None:
    frozen.run(op.get_bind(), "0015_search_tags_and_own_fields", "downgrade")
