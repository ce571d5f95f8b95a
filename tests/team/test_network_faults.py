"""The team server stops and restarts during an edit, a bulk link and an import.

Each ends with a sentence (not the driver's text), nothing half-written, and the same action
done in full once the server is back, without reopening the database: the pool checks a
connection before using it (pre-ping) and replaces the ones the restart dropped.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_postgresql.executors.proc import PostgreSQLExecutor
from sqlalchemy import event, func, select

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import ConnectionLostError
from brokerdesk.core.importing.apply import run_import
from brokerdesk.core.importing.readers import open_spreadsheet
from brokerdesk.core.models import AuditEvent, Participation, Partner
from brokerdesk.core.services import Services
from tests.builders import small_world
from tests.fixtures_pg import _server_on_the_real_clock, _wait_until_accepting

SENTENCE = "The connection to the team server was lost"


class Server:
    """Stop and start the session's PostgreSQL server (its data stays)."""

    def __init__(self, executor: PostgreSQLExecutor) -> None:
        self.executor = executor
        self.running = True

    def stop(self) -> None:
        with _server_on_the_real_clock():
            self.executor.stop()
        self.running = False

    def start(self) -> None:
        with _server_on_the_real_clock():
            self.executor.start()
        _wait_until_accepting(self.executor)
        self.running = True


@pytest.fixture
def server(postgresql_server: PostgreSQLExecutor) -> Iterator[Server]:
    handle = Server(postgresql_server)
    yield handle
    if not handle.running:
        handle.start()


@pytest.fixture
def team(pg_migrated_url: str) -> Iterator[Database]:
    db = open_database(pg_migrated_url, user_name="priya")
    yield db
    db.dispose()


def stop_at(db: Database, server: Server, words: str) -> Callable[[], None]:
    """Stop the server just before the first statement containing ``words`` is sent."""

    def hook(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if words in statement and server.running:
            server.stop()

    event.listen(db.engine, "before_cursor_execute", hook)
    return lambda: event.remove(db.engine, "before_cursor_execute", hook)


def _count(db: Database, what: Any) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(what)) or 0)


def test_an_edit_while_the_server_is_down_is_refused_in_words_then_saved(
    team: Database, server: Server
) -> None:
    services = Services(team)
    pid = services.partners.create({"name": "Open Book Trust", "status": "prospect"}).id
    version = services.partners.get(pid)["version_id"]
    typed = {"status": "active", "owner": "Priya Shah"}  # what the form holds
    server.stop()
    with pytest.raises(ConnectionLostError) as caught:
        services.partners.update(pid, typed, version)
    assert str(caught.value).startswith(SENTENCE)
    assert "psycopg" not in str(caught.value) and "connection refused" not in str(caught.value)
    with pytest.raises(ConnectionLostError):  # a long outage: reading says the same
        services.partners.get(pid)
    server.start()
    services.partners.update(pid, typed, version)  # the same save, no reopening
    saved = services.partners.get(pid)
    assert (saved["status"], saved["owner"]) == ("active", "Priya Shah")


def test_a_restart_in_the_middle_of_a_bulk_link_leaves_no_half(
    team: Database, server: Server
) -> None:
    world = small_world.build(team)
    services = Services(team)
    area = next(iter(world.offer_areas.values()))
    programme = services.programmes.create({"name": "Summer Reading", "offer_area_id": area}).id
    events_before = _count(team, AuditEvent)
    undo = stop_at(team, server, "INSERT INTO participation")
    try:
        with pytest.raises(ConnectionLostError):
            services.participations.link_services(programme, world.services.values())
    finally:
        undo()
    server.start()
    assert _count(team, Participation) == 0, "no participation half-linked"
    assert _count(team, AuditEvent) == events_before
    change = services.participations.link_services(programme, world.services.values())
    assert len(change.ids) == len(world.services) == _count(team, Participation)


def test_a_restart_in_the_middle_of_an_import_leaves_no_half(
    team: Database, server: Server, tmp_path: Path
) -> None:
    sheet = tmp_path / "partners.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Name"])
        writer.writerows([f"Partner {i}"] for i in range(300))
    undo = stop_at(team, server, "INSERT INTO partner")
    try:
        with pytest.raises(ConnectionLostError):
            run_import(team, open_spreadsheet(sheet), "partners", {"Name": "name"})
    finally:
        undo()
    server.start()
    assert _count(team, Partner) == 0 and _count(team, AuditEvent) == 0
    summary = run_import(team, open_spreadsheet(sheet), "partners", {"Name": "name"})
    assert summary.written and _count(team, Partner) == 300


def test_a_failover_drops_every_connection_and_the_next_action_just_works(
    team: Database, pg_migrated_url: str
) -> None:
    from tests.team.conftest import plain_connection

    services = Services(team)
    pid = services.partners.create({"name": "Open Book Trust"}).id
    with plain_connection(pg_migrated_url) as admin:  # as a failover drops every session
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    assert services.partners.get(pid)["name"] == "Open Book Trust"
    version = services.partners.get(pid)["version_id"]
    services.partners.update(pid, {"owner": "Bilal Khan"}, version)
    assert services.partners.get(pid)["owner"] == "Bilal Khan"
