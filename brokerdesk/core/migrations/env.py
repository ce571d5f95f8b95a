"""Alembic environment: BrokerDesk runs migrations on an open connection it hands over.

Batch mode is on for SQLite, whose ALTER TABLE cannot change constraints in place.
"""

from alembic import context

from brokerdesk.core.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `alembic revision --autogenerate` by a developer
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite://"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
