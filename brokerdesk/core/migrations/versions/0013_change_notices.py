"""change notices on a team server

On PostgreSQL, every statement that adds to the history (every save, delete, restore and
import writes its audit events in the same transaction) also sends a NOTIFY on the channel
``brokerdesk_changes``, with the database's name as the payload. PostgreSQL delivers it only
when the transaction commits, so the other people's open windows hear of a change at once
instead of at their next poll, and never of one that was rolled back. SQLite has no such
thing and nothing changes there (the windows poll).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "brokerdesk_changes"


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        return
    conn.exec_driver_sql(
        "CREATE OR REPLACE FUNCTION brokerdesk_notify_change() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_notify('{CHANNEL}', current_database()); RETURN NULL; END $$"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER audit_event_notify AFTER INSERT ON audit_event "
        "FOR EACH STATEMENT EXECUTE FUNCTION brokerdesk_notify_change()"
    )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        return
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_event_notify ON audit_event")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS brokerdesk_notify_change()")
