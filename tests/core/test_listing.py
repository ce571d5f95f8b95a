"""The list service: what a list window shows, asked without a session of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import StorageError
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.services import Services
from brokerdesk.core.services.listing import ListService
from tests.builders.small_world import World


@pytest.fixture
def partners(db: Database, world: World) -> ListService:
    services = Services(db)
    for name, status in (("Open Pages", "prospect"), ("Café Digital", "active")):
        services.partners.create({"name": name, "status": status, "owner": "Sam"})
    return ListService(db, record_list("partner"))


def test_ids_rows_and_count_are_what_the_list_shows(partners: ListService) -> None:
    state = ListState(sort_key="name", descending=True)
    ids = partners.ids(state)
    rows = partners.rows(ids)
    assert [rows[i][0] for i in ids] == ["Open Pages", "Café Digital"]
    assert partners.count(ListState(filters={"status": "active"})) == 1
    assert partners.ids(state, limit=1, from_end=True) == ids[-1:]


def test_first_ids_counts_only_a_list_longer_than_asked(partners: ListService) -> None:
    state = ListState(sort_key="name")
    assert partners.first_ids(state, 1) == (partners.ids(state), 2)
    assert partners.first_ids(state, 10) == (partners.ids(state), 2)


def test_filter_options_are_the_choices_the_filters_offer(partners: ListService) -> None:
    options = partners.filter_options()
    assert ("prospect", "Prospect") in options["status"]
    assert options["owner"] == [("Sam", "Sam")]
    assert set(partners.filter_options(["owner"])) == {"owner"}


def test_a_lost_database_is_a_storage_error_not_the_drivers(tmp_path: Path) -> None:
    folder = tmp_path / "usb stick"
    folder.mkdir()
    db = open_database(folder / "team.sqlite3", user_name="tester")
    listing = ListService(db, record_list("partner"))
    db.dispose()
    shutil.rmtree(folder)  # the stick was pulled out while the window stayed open
    with pytest.raises(StorageError) as caught:
        listing.ids(ListState())
    assert "unable to open database file" in caught.value.reason
    assert "could not be used" in str(caught.value)
