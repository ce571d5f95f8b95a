"""Roles enforced by PostgreSQL itself: through the app and through a plain connection."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError, NotAllowedError
from brokerdesk.core.services import Services
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.history import HistoryService
from brokerdesk.core.team import people, roles
from tests.team.conftest import as_login, plain_connection

# What someone with psql might try; every one must be refused by the server.
WRITES = [
    "INSERT INTO partner (name, status, version_id, created_at, updated_at)"
    " VALUES ('Sneaky', 'prospect', 1, now(), now())",
    "UPDATE partner SET name = 'Renamed'",
    "DELETE FROM partner",
    "TRUNCATE partner CASCADE",
    "DELETE FROM audit_event",
    "UPDATE audit_event SET user_name = 'someone else'",
    "INSERT INTO offer_area (name) VALUES ('Sneaky area')",
    "UPDATE alembic_version SET version_num = '0000'",
    "CREATE TABLE sneaky (id int)",
    "DROP TABLE partner CASCADE",
    "ALTER TABLE partner ADD COLUMN sneaky int",
    "CREATE ROLE sneaky_login LOGIN",
]


def _partner(db: Database, name: str = "Open Book Trust") -> int:
    return Services(db).partners.create({"name": name, "status": "prospect"}).id


def test_a_viewer_with_plain_psycopg_can_read_but_change_nothing(
    owner_db: Database, pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    _partner(owner_db)
    viewer = new_login("vera")
    people.add_person(owner_db, viewer, "viewer", password="once-only")
    with plain_connection(as_login(pg_migrated_url, viewer)) as conn:
        assert conn.execute("SELECT name FROM partner").fetchall() == [("Open Book Trust",)]
        for statement in WRITES:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with plain_connection(pg_migrated_url) as conn:
        assert conn.execute("SELECT name FROM partner").fetchall() == [("Open Book Trust",)]
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone() == (1,)


def test_a_viewer_through_the_app_is_told_why_and_nothing_is_written(
    owner_db: Database, pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    pid = _partner(owner_db)
    viewer = new_login("vera")
    people.add_person(owner_db, viewer, "viewer", password="once-only")
    db = open_database(as_login(pg_migrated_url, viewer))
    try:
        access = roles.access_of(db)
        assert (access.login, access.role, access.can_edit) == (viewer, "viewer", False)
        services = Services(db)
        assert services.partners.get(pid)["name"] == "Open Book Trust"
        with pytest.raises(NotAllowedError, match=r"ask an admin \(Tools ▸ Team…\)"):
            services.partners.create({"name": "Viewer's partner"})
        version = services.partners.get(pid)["version_id"]
        with pytest.raises(NotAllowedError):
            services.partners.update(pid, {"status": "active"}, version)
    finally:
        db.dispose()
    assert Services(owner_db).partners.get(pid)["status"] == "prospect"


def test_an_editor_changes_records_under_their_own_login_but_not_admin_tables(
    owner_db: Database, pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    editor = new_login("ed")
    people.add_person(owner_db, editor, "editor", password="once-only")
    # The client claims another name: the server writes the history under the login.
    db = open_database(as_login(pg_migrated_url, editor), user_name="somebody-else")
    try:
        assert roles.access_of(db).role == "editor"
        pid = _partner(db, "Editor's Partner")
        history = HistoryService(owner_db).for_record("partner", pid)
        assert [h.user_name for h in history] == [editor]
        with pytest.raises(BrokerDeskError, match="Only an admin"):
            people.add_person(db, new_login("x"), "viewer", password="pw")
        # The team's own fields are an admin's to define (issue 21), not an editor's.
        with pytest.raises(NotAllowedError):
            Services(db).custom_fields.add("partner", FieldSpec("Tier", "text"))
    finally:
        db.dispose()
    with plain_connection(as_login(pg_migrated_url, editor)) as conn:
        for statement in WRITES[4:]:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE custom_field SET label = 'Hijacked'")
        conn.execute("UPDATE partner SET owner = 'Ed' WHERE id = %s", (pid,))


def test_an_admin_adds_changes_and_removes_people(
    owner_db: Database, pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    admin, colleague = new_login("ada"), new_login("col")
    people.add_person(owner_db, admin, "admin", password="once-only")
    db = open_database(as_login(pg_migrated_url, admin))
    try:
        access = roles.access_of(db)
        assert (access.role, access.can_manage_people) == ("admin", True)
        people.add_person(db, colleague, "viewer", password="first-password")
        assert {p.login: p.role for p in people.people(db)}[colleague] == "viewer"
        people.change_role(db, colleague, "editor")
        assert {p.login: p.role for p in people.people(db)}[colleague] == "editor"
        with pytest.raises(BrokerDeskError, match="cannot remove yourself"):
            people.remove_person(db, admin)
        people.remove_person(db, colleague)
        assert colleague not in {p.login for p in people.people(db)}
    finally:
        db.dispose()
    with plain_connection(pg_migrated_url) as conn:
        found = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (colleague,))
        assert found.fetchone() is None, "the login BrokerDesk made is gone with the person"


def test_setup_is_idempotent_and_new_tables_get_the_grants(
    owner_db: Database, pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    roles.set_up(owner_db)
    roles.set_up(owner_db)
    viewer = new_login("vera")
    people.add_person(owner_db, viewer, "viewer", password="pw")
    with plain_connection(pg_migrated_url) as conn:
        conn.execute("CREATE TABLE later_table (id int)")
    with plain_connection(as_login(pg_migrated_url, viewer)) as conn:
        assert conn.execute("SELECT count(*) FROM later_table").fetchone() == (0,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO later_table VALUES (1)")


def test_an_owner_who_is_not_a_superuser_migrates_and_grants(
    pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    from psycopg import sql

    owner, viewer = new_login("own"), new_login("vera")
    name = f"{owner}_db"
    with plain_connection(pg_migrated_url) as admin:
        admin.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE").format(sql.Identifier(owner)))
        admin.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(owner)
            )
        )
    url = as_login(pg_migrated_url, owner).rsplit("/", 1)[0] + f"/{name}"
    try:
        db = open_database(url)  # migrates as the owner, then grants
        try:
            assert roles.access_of(db).role == "admin"
            people.add_person(db, viewer, "viewer", password="pw")
            _partner(db)
        finally:
            db.dispose()
        with plain_connection(as_login(url, viewer)) as conn:
            assert conn.execute("SELECT count(*) FROM partner").fetchone() == (1,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("DELETE FROM partner")
    finally:
        with plain_connection(pg_migrated_url) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
