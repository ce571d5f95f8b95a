"""Moving the team's data between a file and a server (``core.copying``), on real databases.

The demo (every kind of record, links, history, Trash) goes from a SQLite file onto a real
PostgreSQL server and back into a new file; every row of every table comes back the same, the
record pages read the same, search finds the same, and the server hands out new ids after the
copied ones. A copy that cannot be whole writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from brokerdesk.core.copying import CopyError, copy_records, tables_in_order, tallies
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.demo import build_demo
from brokerdesk.core.errors import Cancelled
from brokerdesk.core.models import Partner
from brokerdesk.core.reference.load import initialise
from brokerdesk.core.search import SearchService, check_index
from brokerdesk.core.services import Services
from brokerdesk.core.services.history import HistoryService

TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("copy") / "team.sqlite3"
    db = open_database(path, user_name="amara")
    initialise(db)
    build_demo(db, today=TODAY)
    with db.write(user_name="amara") as session:  # some history of edits, and one in Trash
        partner = session.scalars(select(Partner).order_by(Partner.id)).first()
        assert partner is not None
        partner.owner = "Amara Osei"
    services = Services(db)
    doomed = services.partners.create({"name": "Short-lived Trust", "status": "prospect"})
    services.partners.delete(doomed.id)
    db.dispose()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo file for one test (a copy: tests change it)."""
    path = tmp_path / "team.sqlite3"
    path.write_bytes(demo_file.read_bytes())
    db = open_database(path, user_name="amara")
    yield db
    db.dispose()


def rows_of(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order, with values as the app reads them."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.read() as session:
        for table in tables_in_order():
            query = select(table).order_by(*table.primary_key.columns)
            out[table.name] = [_comparable(tuple(r)) for r in session.execute(query)]
    return out


def _comparable(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Timestamps as UTC instants (a file keeps them naive UTC, the server with a zone)."""
    return tuple(
        v.astimezone(dt.UTC).replace(tzinfo=None) if isinstance(v, dt.datetime) and v.tzinfo else v
        for v in row
    )


def pages_of(db: Database) -> dict[int, Any]:
    """What each partner's page and history show."""
    services, history = Services(db), HistoryService(db)
    with db.read() as session:
        ids = session.scalars(select(Partner.id)).all()
    return {
        pid: (
            services.partners.get(pid),
            [
                (h.action, h.user_name, [(c.field, c.new) for c in h.changes])
                for h in history.for_record("partner", pid)
            ],
        )
        for pid in ids
    }


@pytest.mark.postgres
def test_file_to_server_and_back_gives_the_same_rows_pages_and_search(
    demo: Database, pg_url: str, tmp_path: Path
) -> None:
    server = open_database(pg_url, user_name="copier")
    back = open_database(tmp_path / "back.sqlite3", user_name="copier")
    try:
        to_server = copy_records(demo, server)
        assert to_server.rows == sum(t.rows for t in tallies(demo).values())
        assert to_server.counts()["partner"] >= 30
        assert to_server.counts()["audit_event"] >= 1, "the history came across"
        copy_records(server, back)

        assert tallies(server) == tallies(demo) == tallies(back)
        assert rows_of(back) == rows_of(demo), "the round trip changed some value"
        assert rows_of(server) == rows_of(demo)
        assert pages_of(server) == pages_of(demo)
        history = HistoryService(server).for_record("partner", min(pages_of(demo)))
        assert history[0].user_name == "amara", "edits keep their author, not the copier's"

        assert check_index(server) == [] and check_index(back) == []
        name = Services(demo).partners.get(min(pages_of(demo)))["name"]
        assert name in [h.title for h in SearchService(server).search(name)]

        # The server's next id follows the copied ones: a new partner saves.
        made = Services(server).partners.create({"name": "New on the server"})
        assert made.id > max(pages_of(demo))
    finally:
        server.dispose()
        back.dispose()


def test_a_target_that_holds_records_is_refused_and_left_as_it_was(
    demo: Database, tmp_path: Path
) -> None:
    target = open_database(tmp_path / "busy.sqlite3")
    try:
        Services(target).partners.create({"name": "Already Here Trust"})
        before = rows_of(target)
        with pytest.raises(CopyError, match="already holds records"):
            copy_records(demo, target)
        assert rows_of(target) == before
    finally:
        target.dispose()


def test_replace_empties_the_target_in_the_same_transaction(demo: Database, tmp_path: Path) -> None:
    target = open_database(tmp_path / "old.sqlite3")
    try:
        Services(target).partners.create({"name": "Already Here Trust"})
        copy_records(demo, target, replace=True)
        assert rows_of(target) == rows_of(demo)
    finally:
        target.dispose()


def test_a_cancelled_copy_writes_nothing(demo: Database, tmp_path: Path) -> None:
    target = open_database(tmp_path / "cancelled.sqlite3")
    try:
        seen: list[str] = []

        def progress(done: int, total: int, table: str) -> bool:
            seen.append(table)
            return done < total // 2  # the user presses Cancel half-way

        with pytest.raises(Cancelled):
            copy_records(demo, target, progress=progress)
        assert len(set(seen)) > 1
        assert all(t.rows == 0 for t in tallies(target).values())
    finally:
        target.dispose()


def test_counts_that_differ_after_the_copy_roll_everything_back(
    demo: Database, tmp_path: Path
) -> None:
    """A target that quietly drops rows (here a trigger) is caught by the final count."""
    target = open_database(tmp_path / "lossy.sqlite3")
    try:
        with target.engine.begin() as conn:
            conn.execute(
                text(
                    "CREATE TRIGGER lose_names AFTER INSERT ON service_name_variant "
                    "WHEN NEW.id % 2 = 0 BEGIN DELETE FROM service_name_variant "
                    "WHERE id = NEW.id; END"
                )
            )
        with pytest.raises(CopyError, match="'service_name_variant' does not match"):
            copy_records(demo, target)
        assert all(t.rows == 0 for t in tallies(target).values()), "nothing half-written"
    finally:
        target.dispose()


def test_a_database_is_not_copied_onto_itself(demo: Database) -> None:
    same = open_database(demo.url)
    try:
        with pytest.raises(CopyError, match="same database"):
            copy_records(demo, same)
    finally:
        same.dispose()


def test_a_target_opened_once_by_the_app_holds_only_reference_data_and_takes_the_copy(
    demo: Database, tmp_path: Path
) -> None:
    """Someone opened the new server before the move: the app loaded the shipped library
    services into it. That is not the team's data, so the move goes ahead."""
    target = open_database(tmp_path / "opened.sqlite3")
    try:
        initialise(target)
        assert tallies(target)["library_service"].rows > 200
        copy_records(demo, target)
        assert rows_of(target) == rows_of(demo)
    finally:
        target.dispose()
