"""The people on a team server: list them, add one, change their role, remove them.

A person is a PostgreSQL login that is a member of one of the team's group roles. Adding a
new person creates their login with a password given once: it is hashed by libpq on this
machine (SCRAM) before it is sent, so it never reaches the server's log, and the app keeps
no copy. Role and login names cannot be bound parameters in PostgreSQL's role statements,
so they are quoted as identifiers by psycopg (``sql.Identifier``), never pasted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, ValidationError
from brokerdesk.core.team.roles import GROUP_ROLES, ROLES, Role, access_of

# Marks logins BrokerDesk created, so removing the person may also drop their login.
CREATED_BY_APP = "BrokerDesk team member"
MAX_LOGIN_BYTES = 63  # PostgreSQL's NAMEDATALEN - 1


@dataclass(frozen=True)
class Person:
    """One person on the team: their login, their role, and whether the app made the login."""

    login: str
    role: Role
    can_log_in: bool
    created_by_app: bool


def people(db: Database) -> list[Person]:
    """Everyone holding a team role, by login name."""
    groups = list(GROUP_ROLES.values())
    with _cursor(db) as cur:
        cur.execute(
            "SELECT m.rolname, g.rolname, m.rolcanlogin,"
            " coalesce(shobj_description(m.oid, 'pg_authid'), '') = %s"
            " FROM pg_auth_members am"
            " JOIN pg_roles g ON g.oid = am.roleid"
            " JOIN pg_roles m ON m.oid = am.member"
            " WHERE g.rolname = ANY(%s) AND NOT m.rolname = ANY(%s)",
            (CREATED_BY_APP, groups, groups),
        )
        rows = cur.fetchall()
    strongest: dict[str, tuple[int, bool, bool]] = {}
    rank = {GROUP_ROLES[role]: i for i, role in enumerate(ROLES)}
    for login, group, can_log_in, ours in rows:
        level = max(rank[group], strongest.get(login, (-1, False, False))[0])
        strongest[login] = (level, bool(can_log_in), bool(ours))
    return [
        Person(login, ROLES[level], can_log_in, ours)
        for login, (level, can_log_in, ours) in sorted(strongest.items(), key=lambda i: i[0])
    ]


def add_person(db: Database, login: str, role: Role, password: str | None = None) -> Person:
    """Give ``login`` a team role; with ``password``, create the login first.

    Raises:
        ValidationError: the name is empty or too long, or the login is missing (no
            password given) or already exists (a password given).
        BrokerDeskError: the connected person may not manage people.
    """
    _check_name(login)
    _check_role(role)
    with _as_team_admin(db) as cur:
        exists = _login_exists(cur, login)
        if password is not None:
            if exists:
                raise ValidationError(
                    {"login": f"There is already a login called {login}."},
                    f"There is already a login called {login}: add it without a password.",
                )
            if not password:
                raise ValidationError({"password": "Give the new login a password."})
            hashed = cur.connection.pgconn.encrypt_password(
                password.encode(), login.encode(), b"scram-sha-256"
            )
            cur.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(login), sql.Literal(hashed.decode())
                )
            )
            cur.execute(
                sql.SQL("COMMENT ON ROLE {} IS {}").format(
                    sql.Identifier(login), sql.Literal(CREATED_BY_APP)
                )
            )
        elif not exists:
            raise ValidationError(
                {"login": f"There is no login called {login} on this server."},
                f"There is no login called {login} on this server: give a password to create it.",
            )
        _set_role(cur, login, role)
    return next(p for p in people(db) if p.login == login)


def change_role(db: Database, login: str, role: Role) -> None:
    """Give a person another team role (their other team roles are taken away)."""
    _check_role(role)
    _check_not_self(db, login, "change your own role")
    with _as_team_admin(db) as cur:
        if not _login_exists(cur, login):
            raise ValidationError({"login": f"There is no login called {login}."})
        _set_role(cur, login, role)


def remove_person(db: Database, login: str) -> None:
    """Take away the person's team roles; drop the login too when BrokerDesk created it."""
    _check_not_self(db, login, "remove yourself")
    with _as_team_admin(db) as cur:
        if not _login_exists(cur, login):
            raise ValidationError({"login": f"There is no login called {login}."})
        for group in GROUP_ROLES.values():
            cur.execute(
                sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(login))
            )
        cur.execute(
            "SELECT coalesce(shobj_description(oid, 'pg_authid'), '') = %s"
            " FROM pg_roles WHERE rolname = %s",
            (CREATED_BY_APP, login),
        )
        row = cur.fetchone()
        if row and row[0]:
            cur.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(login)))


def _set_role(cur: Any, login: str, role: Role) -> None:
    for other in ROLES:
        if other != role:
            cur.execute(
                sql.SQL("REVOKE {} FROM {}").format(
                    sql.Identifier(GROUP_ROLES[other]), sql.Identifier(login)
                )
            )
    option = sql.SQL(" WITH ADMIN OPTION" if role == "admin" else "")
    cur.execute(
        sql.SQL("GRANT {} TO {}{}").format(
            sql.Identifier(GROUP_ROLES[role]), sql.Identifier(login), option
        )
    )


def _login_exists(cur: Any, login: str) -> bool:
    cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", (login,))
    row = cur.fetchone()
    if row and row[0]:
        raise ValidationError(
            {"login": f"{login} is a superuser of the server."},
            f"{login} is a superuser of the server; BrokerDesk does not change superusers.",
        )
    return row is not None


def _check_name(login: str) -> None:
    if not login.strip():
        raise ValidationError({"login": "Give the person's login name."})
    if login in GROUP_ROLES.values() or login.startswith("pg_"):
        raise ValidationError({"login": f"{login} is a name the server keeps for itself."})
    if "\x00" in login or len(login.encode()) > MAX_LOGIN_BYTES:
        raise ValidationError(
            {"login": f"A login name is at most {MAX_LOGIN_BYTES} bytes, with no NUL."}
        )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError({"role": f"The role is one of {', '.join(ROLES)}, not {role}."})


def _check_not_self(db: Database, login: str, what: str) -> None:
    if access_of(db).login == login:
        raise BrokerDeskError(f"You cannot {what}: ask another admin to do it.")


@contextmanager
def _as_team_admin(db: Database) -> Iterator[Any]:
    """A psycopg cursor in one transaction, acting as the admin group when needed.

    Creating and dropping logins needs CREATEROLE, which PostgreSQL does not pass on through
    membership: a team admin acts as ``brokerdesk_admin`` (SET LOCAL ROLE) for the
    transaction; a superuser or an owner with CREATEROLE acts as themselves.
    """
    access = access_of(db)
    if not access.can_manage_people:
        raise BrokerDeskError(
            "Only an admin can add, change or remove people: ask an admin (Tools ▸ Team…)."
        )
    with _cursor(db) as cur:
        cur.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user")
        row = cur.fetchone()
        if not (row and row[0]):
            cur.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(GROUP_ROLES["admin"])))
        yield cur


@contextmanager
def _cursor(db: Database) -> Iterator[Any]:
    """A raw psycopg cursor in one transaction (committed on success), from the pool."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        try:
            with raw.cursor() as cur:
                yield cur
            raw.commit()
        except psycopg.errors.InsufficientPrivilege as exc:
            raw.rollback()
            raise BrokerDeskError(
                "The team server did not allow this, so nothing was changed: ask an admin "
                "(Tools ▸ Team…)."
            ) from exc
        except psycopg.Error as exc:
            raw.rollback()
            first = (str(exc).splitlines() or [""])[0]
            raise BrokerDeskError(
                f"The team server refused this ({first}); nothing was changed."
            ) from exc
        except BaseException:
            raw.rollback()
            raise
