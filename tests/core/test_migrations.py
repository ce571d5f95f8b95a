"""The migrations: they build what the models describe, index every link, and never change.

A migration that has run must build the same schema for ever, so the old ones use no live
app code to make their SQL (the search index's triggers are frozen copies in
``core/migrations/sql``).
"""

from __future__ import annotations

import ast
import hashlib
import warnings
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from brokerdesk.core import migrate
from brokerdesk.core.db import Database
from brokerdesk.core.models import Base
from brokerdesk.core.search import schema

pytestmark = pytest.mark.both_backends

VERSIONS = migrate.MIGRATIONS_DIR / "versions"
# What a migration may import from the app: the frozen SQL reader and the clock.
ALLOWED = {"brokerdesk.core.migrations.frozen", "brokerdesk.core.clock"}
# The search index (tables FTS5 makes for it on SQLite) is made by migration 0002 in SQL of
# its own, not described by the models.
SEARCH_TABLES = ("search_index",)


def _differences(db: Database) -> list[Any]:
    with db.engine.connect() as conn, warnings.catch_warnings():
        # Neither dialect reflects the expression index on participation; alembic says so.
        warnings.simplefilter("ignore")
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        found = compare_metadata(context, Base.metadata)
    return [d for d in found if not _search_index(d)]


def _search_index(difference: Any) -> bool:
    kind, thing = difference[0], difference[1]
    if kind == "remove_table":
        return bool(thing.name.startswith(SEARCH_TABLES))
    return kind == "remove_index" and bool(thing.table.name.startswith(SEARCH_TABLES))


def test_the_models_and_the_migrations_agree(db: Database) -> None:
    assert _differences(db) == []


def test_every_link_between_records_has_an_index(db: Database) -> None:
    """Deleting a record, or checking what still uses it, must not read a whole table."""
    inspector = inspect(db.engine)
    unindexed = []
    for table in inspector.get_table_names():
        if table.startswith(SEARCH_TABLES) or table == "alembic_version":
            continue
        with warnings.catch_warnings():  # the expression index on participation is skipped
            warnings.simplefilter("ignore")
            indexes = inspector.get_indexes(table)
        leading = [tuple(ix["column_names"]) for ix in indexes]
        leading.append(tuple(inspector.get_pk_constraint(table)["constrained_columns"]))
        for fk in inspector.get_foreign_keys(table):
            columns = tuple(fk["constrained_columns"])
            if not any(index[: len(columns)] == columns for index in leading):
                unindexed.append(f"{table}.{', '.join(columns)}")
    assert unindexed == []


def _interaction_on_delete(db: Database) -> dict[str, str | None]:
    """What deleting each record an interaction links to does to it: column -> ON DELETE."""
    return {
        fk["constrained_columns"][0]: fk["options"].get("ondelete")
        for fk in inspect(db.engine).get_foreign_keys("interaction")
    }


def test_interactions_stay_when_any_record_they_are_about_goes(db: Database) -> None:
    assert _interaction_on_delete(db) == {
        "partner_id": "SET NULL",
        "service_id": "SET NULL",
        "programme_id": "SET NULL",
        "contact_id": "SET NULL",
    }


def _triggers(db: Database) -> set[tuple[str, str]]:
    """Every trigger with its definition, as the database reports it."""
    if db.engine.dialect.name == "sqlite":
        sql = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    else:
        sql = (
            "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE 'pg_%'"
        )
    with db.engine.connect() as conn:
        return {(name, definition) for name, definition in conn.execute(text(sql))}


def test_0006_frees_interactions_from_a_database_of_the_previous_release(db: Database) -> None:
    migrate.downgrade_to(db, "0005")  # a real downgrade: partners and services cascade again
    old = _interaction_on_delete(db)
    assert (old["partner_id"], old["service_id"]) == ("CASCADE", "CASCADE")
    triggers = _triggers(db)
    assert {"partner_rename_names", "library_service_rename_names"} <= {n for n, _ in triggers}

    migrate.upgrade(db)

    assert set(_interaction_on_delete(db).values()) == {"SET NULL"}
    # Migrations after 0006 may add triggers of their own (0013: the change notices).
    later = {"audit_event_notify"}
    after = {(name, sql) for name, sql in _triggers(db) if name not in later}
    assert after == triggers, "the interaction table's triggers come back as they were"


def _app_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("brokerdesk"):
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("brokerdesk")}
    return found


@pytest.mark.parametrize("path", sorted(VERSIONS.glob("0*.py")), ids=lambda p: p.stem)
def test_a_migration_uses_no_live_app_code(path: Path) -> None:
    assert _app_imports(path) <= ALLOWED


@pytest.fixture
def live_search_code_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search code as a later release might have it: nothing an old migration may use."""

    def changed(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("a migration ran the live search code")

    for name in ("create", "fill", "drop", "create_sqlite_triggers", "create_postgres_triggers"):
        monkeypatch.setattr(schema, name, changed)


def test_changing_the_search_code_changes_no_migration(
    live_search_code_broken: None, db: Database
) -> None:
    """``db`` was migrated from nothing with the search code broken; now down and up again."""
    migrate.downgrade_to(db, "0001")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        assert set(schema.trigger_names(db.engine.dialect.name)) <= schema.present_triggers(conn)


# sha256 of each trigger's SQL in a SQLite database migrated from nothing to 0005, as the
# migrations made them before their SQL was frozen (commit d70a259).
TRIGGERS_0005 = Path(__file__).with_name("migration_0005_triggers.txt")


def _trigger_digests(db_path: Path) -> dict[str, str]:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db_path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        digests = {name: hashlib.sha256(sql.encode()).hexdigest() for name, sql in rows}
    engine.dispose()
    return digests


def test_old_migrations_build_the_triggers_they_always_built(
    live_search_code_broken: None, tmp_path: Path
) -> None:
    expected = dict(
        line.split(" ", 1)[::-1] for line in TRIGGERS_0005.read_text().splitlines() if line
    )
    assert _trigger_digests(tmp_path / "old.sqlite3") == expected
