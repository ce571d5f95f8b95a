"""People on the session's PostgreSQL server: logins made for one test and dropped after it.

Roles are the whole server's (not one database's), so each test's logins get unique names.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from brokerdesk.core.db import Database, open_database

_counter = itertools.count(1)


def as_login(url: str, login: str) -> str:
    """The same database, connected as ``login`` (the test server trusts local logins)."""
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def plain_connection(url: str) -> psycopg.Connection[Any]:
    """A plain psycopg connection, as psql would make, to a SQLAlchemy URL."""
    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, user=u.username, dbname=u.database, autocommit=True
    )


@pytest.fixture
def owner_db(pg_migrated_url: str) -> Iterator[Database]:
    """The team database opened by its owner (the server's superuser in the tests)."""
    db = open_database(pg_migrated_url, user_name="owner")
    yield db
    db.dispose()


@pytest.fixture
def new_login(pg_migrated_url: str) -> Iterator[Callable[[str], str]]:
    """Unique login names for this test; every one is dropped at the end."""
    made: list[str] = []

    def make(word: str) -> str:
        name = f"{word}_{os.getpid()}_{next(_counter)}"
        made.append(name)
        return name

    yield make
    with plain_connection(pg_migrated_url) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ANY(%s)",
            (made,),
        )
        for name in made:
            conn.execute(
                psycopg.sql.SQL("DROP ROLE IF EXISTS {}").format(psycopg.sql.Identifier(name))
            )
