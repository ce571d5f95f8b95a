"""The names and follow-up date the interactions list sorts by, kept by triggers

Sorting a million interactions by "With" (the partner, library service or programme) or by
"Programme" looked up a name for every row (three seconds), and by "Follow up" (the date of
an open follow-up) computed it for every row (1.6 s). These now live on the interaction
itself, indexed, and triggers keep them right when an interaction is written or a partner,
library service or programme is renamed. The search index's interaction trigger
first learns to fire only when the subject or notes change, so filling these columns never
re-indexes the interactions. The search triggers are the frozen copy in
``sql/0005_interaction_sort_names.*.sql``, so later changes to the search code change nothing here.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from brokerdesk.core.migrations import frozen

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def about(row: str) -> str:
    """The "With" name of the interaction ``row`` (NEW, or the table name in an UPDATE)."""
    return (
        f"COALESCE((SELECT name FROM partner WHERE id = {row}.partner_id), "
        f"(SELECT nice_name FROM library_service WHERE id = {row}.service_id), "
        f"(SELECT name FROM programme WHERE id = {row}.programme_id))"
    )


def programme(row: str) -> str:
    return f"(SELECT name FROM programme WHERE id = {row}.programme_id)"


def due(row: str) -> str:
    """The date of the interaction's follow-up while it is still to do."""
    return f"(CASE WHEN {row}.follow_up_done THEN NULL ELSE {row}.follow_up_on END)"


# A rename reaches every interaction that shows the renamed record's name.
RENAMES = {
    "partner": (
        "name",
        ["UPDATE interaction SET about_name = NEW.name WHERE partner_id = NEW.id"],
    ),
    "library_service": (
        "nice_name",
        [
            "UPDATE interaction SET about_name = NEW.nice_name "
            "WHERE service_id = NEW.id AND partner_id IS NULL"
        ],
    ),
    "programme": (
        "name",
        [
            "UPDATE interaction SET programme_name = NEW.name WHERE programme_id = NEW.id",
            "UPDATE interaction SET about_name = NEW.name WHERE programme_id = NEW.id "
            "AND partner_id IS NULL AND service_id IS NULL",
        ],
    ),
}
REFERENCES = "partner_id, service_id, programme_id, follow_up_on, follow_up_done"


def _sqlite_triggers() -> list[str]:
    fill = (
        f"UPDATE interaction SET about_name = {about('NEW')}, "
        f"programme_name = {programme('NEW')}, follow_up_due = {due('NEW')} WHERE id = NEW.id;"
    )
    out = [
        f"CREATE TRIGGER interaction_names_insert AFTER INSERT ON interaction "
        f"FOR EACH ROW BEGIN {fill} END",
        f"CREATE TRIGGER interaction_names_update AFTER UPDATE OF {REFERENCES} ON interaction "
        f"FOR EACH ROW BEGIN {fill} END",
    ]
    for table, (column, steps) in RENAMES.items():
        body = " ".join(f"{step};" for step in steps)
        out.append(
            f"CREATE TRIGGER {table}_rename_names AFTER UPDATE OF {column} ON {table} "
            f"FOR EACH ROW BEGIN {body} END"
        )
    return out


def _postgres_triggers() -> list[str]:
    out = [
        "CREATE OR REPLACE FUNCTION interaction_names() RETURNS trigger AS $$ BEGIN "
        f"NEW.about_name := {about('NEW')}; NEW.programme_name := {programme('NEW')}; "
        f"NEW.follow_up_due := {due('NEW')}; "
        "RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER interaction_names BEFORE INSERT OR UPDATE OF "
        f"{REFERENCES} ON interaction FOR EACH ROW EXECUTE FUNCTION interaction_names()",
    ]
    for table, (column, steps) in RENAMES.items():
        body = " ".join(f"{step};" for step in steps)
        out += [
            f"CREATE OR REPLACE FUNCTION {table}_rename_names() RETURNS trigger AS $$ BEGIN "
            f"{body} RETURN NULL; END $$ LANGUAGE plpgsql",
            f"CREATE TRIGGER {table}_rename_names AFTER UPDATE OF {column} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_rename_names()",
        ]
    return out


def _narrow_search_trigger(conn: sa.Connection) -> None:
    """Re-create the search triggers so the interaction one fires on subject and notes only."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS search_interaction_update")
    frozen.run(conn, "0005_interaction_sort_names", "search_triggers")


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column("interaction", sa.Column("about_name", sa.String(200), nullable=True))
    op.add_column("interaction", sa.Column("programme_name", sa.String(200), nullable=True))
    op.add_column("interaction", sa.Column("follow_up_due", sa.Date(), nullable=True))
    _narrow_search_trigger(conn)
    conn.exec_driver_sql(
        f"UPDATE interaction SET about_name = {about('interaction')}, "
        f"programme_name = {programme('interaction')}, follow_up_due = {due('interaction')}"
    )
    op.create_index("ix_interaction_about_name", "interaction", ["about_name"])
    op.create_index("ix_interaction_programme_name", "interaction", ["programme_name"])
    op.create_index("ix_interaction_follow_up_due", "interaction", ["follow_up_due"])
    statements = _sqlite_triggers() if conn.dialect.name == "sqlite" else _postgres_triggers()
    for statement in statements:
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in ("interaction_names_insert", "interaction_names_update"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        for table in RENAMES:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_rename_names")
    else:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS interaction_names ON interaction")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS interaction_names()")
        for table in RENAMES:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_rename_names ON {table}")
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {table}_rename_names()")
    op.drop_index("ix_interaction_follow_up_due", table_name="interaction")
    op.drop_index("ix_interaction_programme_name", table_name="interaction")
    op.drop_index("ix_interaction_about_name", table_name="interaction")
    with op.batch_alter_table("interaction") as batch:
        batch.drop_column("follow_up_due")
        batch.drop_column("programme_name")
        batch.drop_column("about_name")
    if conn.dialect.name == "sqlite":  # the batch re-created the table without its triggers
        frozen.run(conn, "0005_interaction_sort_names", "search_triggers")
