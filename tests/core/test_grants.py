"""Grants and deliverables: the rules a form relies on, undo through delete and restore, the
Trash, history, the list, and what a funder's page shows as due."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.services import Services
from brokerdesk.core.services.grants import funder_grants, grant_overview
from brokerdesk.core.services.history import HistoryService
from brokerdesk.core.services.trash import TrashService
from tests.builders.small_world import World

pytestmark = [pytest.mark.both_backends, pytest.mark.date_sensitive]

TODAY = dt.date(2026, 6, 15)


def _funder_and_grant(services: Services, world: World) -> tuple[int, int, int]:
    funder = services.partners.create({"name": "Lantern Arts Fund", "partner_type": "funder"}).id
    area = world.offer_areas["reading"]
    programme = services.programmes.create({"name": "Novel Nights", "offer_area_id": area}).id
    grant = services.grants.create(
        {
            "title": "Arts in Libraries",
            "partner_id": funder,
            "amount": "48,000",
            "status": "awarded",
            "start_date": "01/04/2026",
            "end_date": "2027-03-31",
            "programme_ids": [programme],
        }
    ).id
    return funder, programme, grant


def test_a_grant_is_in_pounds_unless_told_and_funds_programmes(db: Database, world: World) -> None:
    services = Services(db)
    _funder, programme, grant = _funder_and_grant(services, world)
    saved = services.grants.get(grant)
    assert saved["currency"] == "GBP"
    assert saved["amount"] == Decimal("48000.00")
    assert saved["programme_ids"] == [programme]
    assert grant_overview(db, grant, TODAY).funder == "Lantern Arts Fund"

    services.grants.update(grant, {"currency": "gbp"})  # a code in any case reads as capitals
    assert services.grants.get(grant)["currency"] == "GBP"
    with pytest.raises(ValidationError) as caught:
        services.grants.update(grant, {"currency": "XYZ"})
    assert "'XYZ' is not a currency BrokerDesk offers" in caught.value.field_errors["currency"]
    with pytest.raises(ValidationError) as caught:
        services.grants.update(grant, {"end_date": "2025-01-01"})
    assert "end date is before the start date" in caught.value.field_errors["end_date"]
    with pytest.raises(ValidationError):
        services.grants.create({"title": "No funder"})
    services.grants.update(grant, {"currency": "EUR"})
    assert services.grants.get(grant)["currency"] == "EUR"


def test_deliverables_show_on_the_funder_due_first_and_done_ones_left_out(
    db: Database, world: World
) -> None:
    services = Services(db)
    funder, _programme, grant = _funder_and_grant(services, world)
    d = services.deliverables
    late = d.create(
        {"grant_id": grant, "title": "Interim report", "due_on": TODAY - dt.timedelta(4)}
    )
    d.create({"grant_id": grant, "title": "Second instalment", "kind": "payment", "due_on": TODAY})
    d.create({"grant_id": grant, "title": "Signed", "kind": "milestone", "done_on": TODAY})
    grants, due = funder_grants(db, funder, TODAY)
    assert [g["title"] for g in grants] == ["Arts in Libraries"]
    assert [(r["title"], r["state"]) for r in due] == [
        ("Interim report", "overdue"),
        ("Second instalment", "due"),
    ]
    overview = grant_overview(db, grant, TODAY)
    assert [r["state"] for r in overview.deliverables] == ["overdue", "due", "done"]

    d.update(late.id, {"done_on": TODAY})
    assert [r["title"] for r in funder_grants(db, funder, TODAY)[1]] == ["Second instalment"]
    history = HistoryService(db).for_record("deliverable", late.id)
    assert [e.action for e in history] == ["update", "create"]


def test_deleting_a_grant_takes_its_deliverables_to_the_trash_and_back(
    db: Database, world: World
) -> None:
    services = Services(db)
    _funder, _programme, grant = _funder_and_grant(services, world)
    services.deliverables.create({"grant_id": grant, "title": "Final report", "due_on": TODAY})
    impact = services.grants.delete_impact([grant])
    assert "1 deliverable will be deleted with it." in impact
    services.grants.delete(grant)
    assert not services.grants.exists(grant)
    trash = TrashService(db)
    [item] = [e for e in trash.list() if e.entity == "funding_grant"]
    trash.restore(item.id)
    assert services.grants.get(grant)["programme_ids"]
    assert [r["title"] for r in grant_overview(db, grant, TODAY).deliverables] == ["Final report"]


def test_the_grants_list_filters_by_status_and_searches_titles(db: Database, world: World) -> None:
    services = Services(db)
    funder, _programme, grant = _funder_and_grant(services, world)
    services.grants.create({"title": "Heritage bid", "partner_id": funder, "status": "declined"})
    listed = record_list("funding_grant")
    with db.read() as session:
        assert len(listed.ids(session, listed.initial_state())) == 2
        awarded = listed.ids(session, ListState(filters={"status": "awarded"}))
        found = listed.ids(session, ListState(search="ARTS IN", sort_key="title"))
        row = listed.rows(session, [grant])[grant]
    assert awarded == found == [grant]
    assert row[[c.key for c in listed.columns].index("funder")] == "Lantern Arts Fund"


def test_search_everything_finds_grants_and_forgets_deleted_ones(
    db: Database, world: World
) -> None:
    from brokerdesk.core.search import SearchService, check_index

    services = Services(db)
    _funder, _programme, grant = _funder_and_grant(services, world)
    search = SearchService(db)
    [hit] = search.search("arts in librar", types={"funding_grant"})
    assert (hit.entity, hit.record_id, hit.title) == ("funding_grant", grant, "Arts in Libraries")
    assert hit.subtitle == "awarded · Lantern Arts Fund"
    services.grants.update(grant, {"title": "Reading Friends fund"})
    assert [h.record_id for h in search.search("reading friends")] == [grant]
    services.grants.delete(grant)
    assert search.search("reading friends", types={"funding_grant"}) == []
    assert check_index(db) == []
