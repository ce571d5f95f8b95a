"""The three team roles as PostgreSQL group roles, their grants, and who the user is.

``brokerdesk_viewer`` reads everything; ``brokerdesk_editor`` (a member of viewer) also
writes records; ``brokerdesk_admin`` (a member of editor) also writes the admin-only tables
and manages people. The roles are NOLOGIN groups granted to people's own logins.

:func:`set_up` creates the roles and grants (idempotent: it may run again at any time, and
runs after every migration on a database where the roles exist, so a new table gets the
right grants). Default privileges give tables created later by the owner the viewer's and
the editor's grants until then. A trigger writes each audit event and Trash item under the
database login that made it (``session_user``), whatever name the client sent, unless the
owner or a superuser wrote it (migrations, imports run by the owner, the test suite).

Every statement here is fixed text: identifiers are the constants below, never user input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Connection, text

from brokerdesk.core.errors import DatabaseError

if TYPE_CHECKING:
    # Only a type: opening a database (core.db, core.migrate) calls into this module.
    from brokerdesk.core.db import Database

Role = Literal["viewer", "editor", "admin"]
ROLES: tuple[Role, ...] = ("viewer", "editor", "admin")
GROUP_ROLES: dict[Role, str] = {role: f"brokerdesk_{role}" for role in ROLES}

# Tables only admins may change (reference lists and settings the whole team shares): the
# team's own field definitions (Tools ▸ Custom fields…) among them; the values on records are
# an editor's, like any other field.
ADMIN_ONLY_TABLES: tuple[str, ...] = ("offer_area", "custom_field")
# Written only by migrations (the owner).
OWNER_ONLY_TABLES: tuple[str, ...] = ("alembic_version",)
# The history: editors add to it; of what is there they may change only the words (a
# contact's erasure scrubs personal data from it), never who, what or when.
AUDIT_TABLE = "audit_event"
AUDIT_UPDATABLE_COLUMNS = ("summary", "changes")


@dataclass(frozen=True)
class Access:
    """What the connected person may do.

    Attributes:
        login: the database login (``session_user``); the OS login name on SQLite.
        role: the strongest team role they hold ("admin" for the owner or a superuser).
        managed: the team roles are set up on this database (False: no rules beyond the
            server's own, everyone who can connect is treated as an admin).
        can_manage_people: may add, change and remove people (creates and drops logins).
    """

    login: str
    role: Role
    managed: bool
    can_manage_people: bool

    @property
    def can_edit(self) -> bool:
        return self.role in ("editor", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def access_of(db: Database) -> Access:
    """The connected person's access; on SQLite the file's owner can do everything."""
    if db.is_sqlite:
        return Access(db.user_name, "admin", managed=False, can_manage_people=False)
    with db.engine.connect() as conn:
        return _access(conn)


def _access(conn: Connection) -> Access:
    row = conn.execute(
        text(
            "SELECT session_user, r.rolsuper, r.rolcreaterole,"
            " pg_has_role(session_user, d.datdba, 'MEMBER'),"
            " (SELECT count(*) FROM pg_roles WHERE rolname = ANY(:groups))"
            " FROM pg_roles r, pg_database d"
            " WHERE r.rolname = session_user AND d.datname = current_database()"
        ),
        {"groups": list(GROUP_ROLES.values())},
    ).one()
    login, superuser, createrole, owner, groups = row
    managed = groups == len(GROUP_ROLES)
    if superuser or owner or not managed:
        return Access(login, "admin", managed, can_manage_people=bool(superuser or createrole))
    role: Role | None = None
    for candidate in ROLES:
        held = conn.execute(
            text("SELECT pg_has_role(session_user, :group, 'USAGE')"),
            {"group": GROUP_ROLES[candidate]},
        ).scalar()
        if held:
            role = candidate
    if role is None:  # connected (the server's own grants allowed it) but not on the team
        return Access(login, "viewer", managed, can_manage_people=False)
    return Access(login, role, managed, can_manage_people=role == "admin")


def roles_exist(conn: Connection) -> bool:
    count = conn.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:groups)"),
        {"groups": list(GROUP_ROLES.values())},
    ).scalar()
    return count == len(GROUP_ROLES)


def set_up(db: Database) -> None:
    """Create the team roles and grant them their rights on this database (idempotent).

    Raises:
        DatabaseError: on SQLite, or when the login may not create roles.
    """
    if db.is_sqlite:
        raise DatabaseError(
            "Team roles are for a PostgreSQL team server; a BrokerDesk file is protected "
            "by who may open it."
        )
    with db.engine.connect() as conn:
        access = _access(conn)
    if not access.can_manage_people:
        raise DatabaseError(
            f"{access.login} may not create roles on this server, so the team roles were "
            "not set up. Run 'brokerdesk team setup' as the database owner with the "
            "CREATEROLE right, or as a superuser."
        )
    for attempt in range(3):  # two first opens at once race on the cluster's role catalogue
        try:
            with db.engine.begin() as conn:
                _create_roles(conn)
            break
        except Exception:
            if attempt == 2:
                raise
    with db.engine.begin() as conn:
        apply_grants(conn)


def _create_roles(conn: Connection) -> None:
    for role in ROLES:
        extra = " CREATEROLE" if role == "admin" else ""
        conn.execute(
            text(
                "DO $$ BEGIN"
                f" IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{GROUP_ROLES[role]}')"
                f" THEN CREATE ROLE {GROUP_ROLES[role]} NOLOGIN{extra}; END IF;"
                " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
            )
        )
    viewer, editor, admin = (GROUP_ROLES[r] for r in ROLES)
    for member, group, option in (
        (editor, viewer, ""),
        (admin, editor, " WITH ADMIN OPTION"),
        (admin, viewer, " WITH ADMIN OPTION"),
    ):
        # Two servers' first opens at once: the loser's grant finds the row just updated.
        conn.execute(
            text(
                f"DO $$ BEGIN GRANT {group} TO {member}{option};"
                " EXCEPTION WHEN internal_error OR unique_violation THEN NULL; END $$"
            )
        )


def after_migration(conn: Connection) -> None:
    """Keep the grants right after migrations ran (a new table gets its role's rights).

    On a server without the team roles, the first open by a superuser, or by the owner
    with the CREATEROLE right, sets them up; anyone else leaves that to
    ``brokerdesk team setup``.
    """
    if roles_exist(conn):
        apply_grants(conn)
        return
    may_create = conn.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if may_create:
        _create_roles(conn)
        apply_grants(conn)


def apply_grants(conn: Connection) -> None:
    """Grant each role its rights on every table this database has now (idempotent)."""
    viewer, editor, admin = (GROUP_ROLES[r] for r in ROLES)
    statements = [
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {viewer}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}",
        f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {viewer}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {editor}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {editor}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {viewer}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public"
        f" GRANT INSERT, UPDATE, DELETE ON TABLES TO {editor}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {editor}",
    ]
    existing = set(
        conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
    )
    for table in (*ADMIN_ONLY_TABLES, *OWNER_ONLY_TABLES, AUDIT_TABLE):
        if table in existing:
            statements.append(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {editor}")
    for table in ADMIN_ONLY_TABLES:
        if table in existing:
            statements.append(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {admin}")
    if AUDIT_TABLE in existing:
        columns = ", ".join(AUDIT_UPDATABLE_COLUMNS)
        statements += [
            f"GRANT INSERT ON {AUDIT_TABLE} TO {editor}",
            f"GRANT UPDATE ({columns}) ON {AUDIT_TABLE} TO {editor}",
        ]
    statements += _login_trigger(existing)
    for statement in statements:
        conn.execute(text(statement))


def _login_trigger(existing: set[str]) -> list[str]:
    """Each audit event and Trash item is written under the login that made it."""
    statements = [
        "CREATE OR REPLACE FUNCTION brokerdesk_written_by_login() RETURNS trigger"
        " LANGUAGE plpgsql AS $$ BEGIN"
        " IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper)"
        " AND NOT pg_has_role(session_user, (SELECT datdba FROM pg_database"
        " WHERE datname = current_database()), 'MEMBER')"
        " THEN NEW.user_name := session_user; END IF;"
        " RETURN NEW; END $$",
    ]
    for table in (AUDIT_TABLE, "trash_item"):
        if table in existing:
            statements.append(
                f"CREATE OR REPLACE TRIGGER {table}_written_by_login BEFORE INSERT ON {table}"
                " FOR EACH ROW EXECUTE FUNCTION brokerdesk_written_by_login()"
            )
    return statements
