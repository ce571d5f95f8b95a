"""Hostile names, filters and search terms on a team server come back verbatim.

Every SQL text the app builds binds its values as parameters; a name full of quotes,
backslashes, LIKE wildcards, semicolons or an injection attempt is just a name: stored,
listed, filtered, searched and imported exactly as typed, with nothing else touched.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from brokerdesk.cli import main
from brokerdesk.core.db import Database
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.search import unsearchable
from brokerdesk.core.search.service import SearchService
from brokerdesk.core.services import Services
from brokerdesk.core.services.listing import ListService

pytestmark = pytest.mark.both_backends

HOSTILE = [
    "O'Brien Reading Trust",
    "Back\\slash \\' Trust",
    "100% Reading",
    "Under_score_ Trust",
    "Semi; colon; Trust",
    "Robert'); DROP TABLE partner; --",
    'Quote " double Trust',
    "Ünïcödé Łibrary ✓ 📚 Trust",
    "%_%",
    "$1 :name ? %(x)s Trust",
]


def _listed(db: Database, state: ListState) -> list[str]:
    service = ListService(db, record_list("partner"))
    ids = service.ids(state)
    rows = service.rows(ids)
    return sorted(str(rows[i][0]) for i in ids)


def test_hostile_names_are_stored_listed_filtered_and_searched_verbatim(db: Database) -> None:
    services = Services(db)
    ids = {name: services.partners.create({"name": name, "owner": name}).id for name in HOSTILE}
    for name, pid in ids.items():
        assert services.partners.get(pid)["name"] == name
        assert _listed(db, ListState(filters={"owner": name})) == [name], name
        if not unsearchable(name):
            assert name in _listed(db, ListState(search=name)), name
    # A wildcard in a search is a character to find, not "anything"; alone (like any
    # punctuation alone) it finds nothing, not every record.
    assert _listed(db, ListState(search="%_%")) == []
    assert _listed(db, ListState(search="100%")) == ["100% Reading"]
    assert _listed(db, ListState(search="under_score_")) == ["Under_score_ Trust"]
    hits = {hit.title for hit in SearchService(db).search("O'Brien")}
    assert "O'Brien Reading Trust" in hits
    assert len(_listed(db, ListState())) == len(HOSTILE), "no table was dropped or emptied"


def test_a_nul_in_a_name_is_dropped_on_both_backends(db: Database) -> None:
    """PostgreSQL text cannot hold NUL; the app drops it everywhere, so both agree."""
    services = Services(db)
    pid = services.partners.create({"name": "NUL\x00inside"}).id
    assert services.partners.get(pid)["name"] == "NULinside"
    assert _listed(db, ListState(search="NUL\x00inside")) == ["NULinside"]


def test_hostile_names_import_verbatim(db: Database, tmp_path: Path) -> None:
    sheet = tmp_path / "partners.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Name", "Relationship owner"])
        writer.writerows([name, name] for name in HOSTILE)
    address = db.url.render_as_string(hide_password=False)
    assert main(["import", "partners", str(sheet), "--db", address]) == 0
    assert _listed(db, ListState()) == sorted(HOSTILE)
    for name in HOSTILE:
        assert _listed(db, ListState(filters={"owner": name})) == [name]
