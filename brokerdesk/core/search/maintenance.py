"""Rebuilding and checking the search index (``brokerdesk check`` and repair)."""

from __future__ import annotations

from sqlalchemy import text

import brokerdesk.core.search.schema as schema
from brokerdesk.core.db import Database


def rebuild_index(db: Database) -> None:
    """Recreate the index's triggers and refill it from the records, in one transaction."""
    with db.write() as session:
        conn = session.connection()
        if db.is_sqlite:
            for name in schema.trigger_names("sqlite"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            # Dropped and made anew: a scrambled index cannot even be emptied row by row.
            conn.exec_driver_sql("DROP TABLE IF EXISTS search_index")
            conn.exec_driver_sql(
                "CREATE VIRTUAL TABLE search_index "
                "USING fts5(name, body, tokenize = 'trigram case_sensitive 0')"
            )
            schema.create_sqlite_triggers(conn)
        else:
            schema.create_postgres(conn)
        schema.fill(conn)


def check_index(db: Database) -> list[str]:
    """Problems with the search index, each a sentence for the user; empty when all is well.

    Checks that every trigger is there, that every record has exactly its index row and no
    row is left for a deleted record. (Content is kept right by the triggers; a rebuild
    rewrites it.)
    """
    problems: list[str] = []
    dialect = "sqlite" if db.is_sqlite else "postgresql"
    key = schema.key_column(dialect)
    with db.read() as session:
        conn = session.connection()
        missing = sorted(set(schema.trigger_names(dialect)) - schema.present_triggers(conn))
        if missing:
            problems.append(
                f"The search index is missing {len(missing)} trigger(s) ({', '.join(missing)}); "
                "rebuild the index."
            )
        for e in schema.ENTITIES:
            absent = conn.execute(
                text(
                    f"SELECT count(*) FROM {e.table} x WHERE NOT EXISTS (SELECT 1 FROM "
                    f"search_index s WHERE s.{key} = {e.low} + x.id)"
                )
            ).scalar_one()
            orphans = conn.execute(
                text(
                    f"SELECT count(*) FROM search_index s WHERE s.{key} BETWEEN {e.low} AND "
                    f"{e.high} AND NOT EXISTS (SELECT 1 FROM {e.table} x "
                    f"WHERE x.id = s.{key} - {e.low})"
                )
            ).scalar_one()
            label = e.entity.replace("_", " ")
            if absent:
                problems.append(f"{absent} {label} record(s) are missing from the search index.")
            if orphans:
                problems.append(
                    f"The search index still lists {orphans} deleted {label} record(s)."
                )
    return problems
