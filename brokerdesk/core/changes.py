"""A change feed so open views see other people's changes without a restart.

Every write leaves audit events (same transaction), and their ids only grow, so "what changed
since I last looked" is one indexed query on both SQLite and PostgreSQL: the app keeps the
marker from the previous poll and refreshes the views of the entities that come back. A poll
every few seconds costs one primary-key range scan; LISTEN/NOTIFY would save that scan on
PostgreSQL only, and would still need this query to catch up after a lost connection, so the
poll is the one mechanism.
"""

from __future__ import annotations

from sqlalchemy import func, select

from brokerdesk.core.db import Database
from brokerdesk.core.models import AuditEvent

# Audit entities that are not tables a view shows, mapped to what they change.
_ALIASES = {"trash_item": "trash_item"}


class ChangeFeed:
    """Polls the audit trail for entities changed since a marker."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def marker(self) -> int:
        """The current position; changes after it will be reported by :meth:`poll`."""
        with self.db.read() as session:
            return int(session.scalar(select(func.max(AuditEvent.id))) or 0)

    def poll(self, since: int | None, *, exclude_user: str | None = None) -> tuple[int, set[str]]:
        """Entities changed after ``since``: ``(new marker, {"partner", "participation", ...})``.

        Args:
            since: the marker from the previous poll; None starts from now (nothing reported).
            exclude_user: leave out this user's own changes (the app already refreshed them).
        """
        if since is None:
            return self.marker(), set()
        # No GROUP BY: on SQLite it makes the planner walk the whole (entity, record) index
        # instead of the id range since the last poll; the few new rows are grouped here.
        query = select(AuditEvent.entity).where(AuditEvent.id > since)
        if exclude_user is not None:
            query = query.where(AuditEvent.user_name != exclude_user)
        with self.db.read() as session:
            rows = session.execute(query).all()
            newest = int(session.scalar(select(func.max(AuditEvent.id))) or since)
        entities = {_ALIASES.get(str(entity), str(entity)) for (entity,) in rows}
        return max(newest, since), entities
