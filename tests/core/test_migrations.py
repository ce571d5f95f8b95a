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
from brokerdesk.core.search import SearchService, check_index, rebuild_index, schema
from brokerdesk.core.services import Services
from brokerdesk.core.services.field_settings import FieldSpec
from tests.builders.small_world import World

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

    _upgrade_to(db, "0006")  # later migrations may change triggers of their own (0011)

    assert set(_interaction_on_delete(db).values()) == {"SET NULL"}
    assert _triggers(db) == triggers, "the interaction table's triggers come back as they were"
    migrate.upgrade(db)


def _upgrade_to(db: Database, revision: str) -> None:
    from alembic import command

    cfg = migrate.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


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


def _trigger_digests(db_path: Path, revision: str = "0005") -> dict[str, str]:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db_path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
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


def _search_functions(db: Database) -> set[tuple[str, str]]:
    """PostgreSQL's search functions with their definitions (SQLite has none)."""
    if db.engine.dialect.name == "sqlite":
        return set()
    sql = (
        "SELECT proname, pg_get_functiondef(p.oid) FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'public' AND proname LIKE 'search%'"
    )
    with db.engine.connect() as conn:
        return {(name, definition) for name, definition in conn.execute(text(sql))}


def test_the_migrations_build_the_search_index_the_search_code_builds(db: Database) -> None:
    """The newest frozen SQL is what the live code makes: a rebuild changes no trigger."""
    migrated = (_triggers(db), _search_functions(db))
    assert len(migrated[0]) > 40
    rebuild_index(db)
    assert (_triggers(db), _search_functions(db)) == migrated


def test_0015_finds_the_tags_and_own_fields_an_existing_database_holds(
    db: Database, world: World
) -> None:
    migrate.downgrade_to(db, "0014")
    at_0014 = (_triggers(db), _search_functions(db))
    s = Services(db)
    programme = s.programmes.create(
        {"name": "Stories Aloud", "offer_area_id": world.offer_areas["reading"], "tags": "Priority"}
    ).id
    partner = s.partners.create({"name": "Lantern Arts Fund"}).id
    agreement = s.agreements.create({"title": "Memorandum", "partner_id": partner}).id
    field = s.custom_fields.add("agreement", FieldSpec("Funding reference", "text")).id
    s.custom_fields.set_on_many(field, [agreement], "XK-99871")
    search = SearchService(db)
    assert search.search("priority") == [] and search.search("XK-99871") == []

    migrate.upgrade(db)

    assert [(h.entity, h.record_id) for h in search.search("priority")] == [
        ("programme", programme)
    ]
    assert [(h.entity, h.record_id) for h in search.search("XK-99871")] == [
        ("agreement", agreement)
    ]
    assert check_index(db) == []
    migrate.downgrade_to(db, "0014")  # and back: the triggers of 0014, its index
    assert (_triggers(db), _search_functions(db)) == at_0014
    assert search.search("priority") == []
    migrate.upgrade(db)


def test_0015_downgrades_to_the_triggers_0014_built(tmp_path: Path) -> None:
    from alembic import command

    straight = _trigger_digests(tmp_path / "straight.sqlite3", "0014")
    round_trip = tmp_path / "round.sqlite3"
    _trigger_digests(round_trip, "head")
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{round_trip}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0014")
    engine.dispose()
    assert _trigger_digests(round_trip, "0014") == straight
