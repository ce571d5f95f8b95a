"""Team mode: two app instances on one database (a SQLite file or a PostgreSQL server).

Neither save may silently overwrite the other: the second raises EditConflict with both
versions, and saving the merged values against their version keeps both people's changes,
with an audit trail naming both.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from brokerdesk.core.changes import ChangeFeed
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import EditConflict
from brokerdesk.core.services import Services
from brokerdesk.core.services.history import HistoryService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


@pytest.fixture
def colleague(db: Database) -> Iterator[Database]:
    """A second app instance on the same database, used by another person."""
    other = open_database(db.url, user_name="bilal")
    yield other
    other.dispose()


def test_second_save_conflicts_and_the_merge_keeps_both_changes(
    db: Database, colleague: Database, world: World, backend: str
) -> None:
    assert db.is_sqlite == (backend == "sqlite")
    mine, theirs = Services(db), Services(colleague)
    pid = mine.partners.create({"name": "Open Book Trust", "status": "prospect"}).id
    opened_by_me = mine.partners.get(pid)
    opened_by_bilal = theirs.partners.get(pid)

    theirs.partners.update(pid, {"owner": "Bilal Khan"}, opened_by_bilal["version_id"])
    with pytest.raises(EditConflict) as caught:
        mine.partners.update(pid, {"status": "active"}, opened_by_me["version_id"])
    conflict = caught.value
    assert conflict.mine == {"status": "active"}
    assert conflict.theirs["owner"] == "Bilal Khan"
    assert conflict.theirs["status"] == "prospect"
    assert mine.partners.get(pid)["status"] == "prospect", "nothing was overwritten"

    merged = {"status": conflict.mine["status"], "owner": conflict.theirs["owner"]}
    mine.partners.update(pid, merged, conflict.their_version)
    final = theirs.partners.get(pid)
    assert (final["status"], final["owner"]) == ("active", "Bilal Khan")

    history = HistoryService(db).for_record("partner", pid)
    updates = [h for h in history if h.action == "update"]
    assert [h.user_name for h in updates] == ["tester", "bilal"]
    assert [(c.field, c.new) for c in updates[0].changes] == [("status", "active")]
    assert [(c.field, c.new) for c in updates[1].changes] == [("owner", "Bilal Khan")]


def test_change_feed_tells_the_other_instance_what_changed(
    db: Database, colleague: Database, world: World
) -> None:
    feed = ChangeFeed(colleague)
    marker, nothing = feed.poll(None)
    assert nothing == set()
    Services(db).partners.create({"name": "New Partner"})
    marker, changed = feed.poll(marker)
    assert changed == {"partner"}
    assert feed.poll(marker) == (marker, set()), "nothing new since the last poll"
    Services(colleague).partners.create({"name": "Bilal's Partner"})
    assert feed.poll(marker, exclude_user="bilal")[1] == set()


def test_a_password_never_appears_in_the_description(db: Database, backend: str) -> None:
    if backend == "sqlite":
        assert db.description == str(db.path)
        return
    url = make_url(str(db.url.render_as_string(hide_password=False))).set(password="s3cret-pw")
    with_password = open_database(url, user_name="tester")  # the test server trusts local logins
    try:
        assert "s3cret-pw" not in with_password.description
        assert "s3cret-pw" not in repr(with_password.url)
    finally:
        with_password.dispose()
