"""Agreements: made with their parties, renewed term by term (and the renewal undone),
ended, listed and filtered, their dates due, deleted to the Trash and restored."""

from __future__ import annotations

import datetime as dt

import pytest

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.exporting.summary import gather_partner_summary
from brokerdesk.core.lists import ListState, record_list
from brokerdesk.core.services import Services
from brokerdesk.core.services.agreements import agreement_dates_due
from brokerdesk.core.services.history import HistoryService
from brokerdesk.core.services.trash import TrashService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


def day(offset: int) -> dt.date:
    return clock.today() + dt.timedelta(days=offset)


@pytest.fixture
def s(db: Database) -> Services:
    return Services(db)


def _partner(s: Services, name: str = "Northlight Reading Trust") -> int:
    return s.partners.create({"name": name, "status": "active"}).id


def test_an_agreement_names_programmes_and_library_services_as_parties(
    s: Services, world: World
) -> None:
    pid = _partner(s)
    programme = s.programmes.create(
        {"name": "Reading Friends", "offer_area_id": world.offer_areas["reading"]}
    ).id
    services = sorted(world.services.values())[:2]
    aid = s.agreements.create(
        {
            "title": "Data-sharing for Reading Friends",
            "kind": "data_sharing",
            "partner_id": pid,
            "value": "1,250.50",
            "programme_ids": [programme],
            "service_ids": services,
        }
    ).id
    page = s.agreements.page(aid)
    assert (page["kind"], page["status"], page["currency"]) == ("data_sharing", "active", "GBP")
    assert str(page["value"]) == "1250.50"
    assert [p["entity"] for p in page["parties"]] == [
        "partner",
        "programme",
        "library_service",
        "library_service",
    ]
    s.agreements.update(aid, {"service_ids": services[:1]})
    assert s.agreements.get(aid)["service_ids"] == services[:1]


def test_an_agreement_refuses_what_the_team_could_not_mean(s: Services) -> None:
    pid = _partner(s)
    with pytest.raises(ValidationError) as refused:
        s.agreements.create({"title": "MoU", "partner_id": pid, "currency": "pounds"})
    assert "three-letter code" in refused.value.field_errors["currency"]
    with pytest.raises(ValidationError) as refused:
        s.agreements.create({"title": "MoU", "partner_id": pid, "kind": "handshake"})
    assert "kind" in refused.value.field_errors
    with pytest.raises(ValidationError) as refused:
        s.agreements.create({"title": "MoU"})
    assert refused.value.field_errors["partner_id"] == "Partner is required."


def test_renewing_keeps_every_term_and_undoing_a_renewal_forgets_it(s: Services) -> None:
    aid = s.agreements.create(
        {
            "title": "MoU",
            "partner_id": _partner(s),
            "start_date": day(-300),
            "end_date": day(65),
            "renewal_date": day(-10),
            "value": "1000",
        }
    ).id
    first = s.agreements.renew(aid, {"end_date": day(430), "renewal_date": day(370)})
    assert len(first.term_ids) == 2  # the original term, kept, and the new one
    second = s.agreements.renew(aid, {"end_date": day(800), "value": "1500"})
    assert len(second.term_ids) == 1
    terms = s.agreements.terms(aid)
    assert [(t["start_date"], t["end_date"]) for t in terms] == [
        (day(-300), day(65)),
        (day(66), day(430)),
        (day(431), day(800)),
    ]
    assert [str(t["value"]) for t in terms] == ["1000.00", "1000.00", "1500.00"]
    assert [t["renewed_by"] for t in terms] == [None, "tester", "tester"]
    assert terms[1]["renewed_on"] == clock.today()
    now = s.agreements.get(aid)
    assert (now["start_date"], now["end_date"], now["renewal_date"]) == (day(431), day(800), None)

    s.agreements.undo_renewal(second)
    back = s.agreements.get(aid)
    assert (back["end_date"], back["renewal_date"], str(back["value"])) == (
        day(430),
        day(370),
        "1000.00",
    )
    assert len(s.agreements.terms(aid)) == 2
    history = HistoryService(s.db).for_record("agreement", aid)
    ends = ("Ends", day(65).isoformat(), day(430).isoformat())
    assert ends in [(c.label, c.old, c.new) for c in history[-2].changes]


def test_an_ended_agreement_is_ended_and_not_renewed(s: Services) -> None:
    aid = s.agreements.create(
        {"title": "Licence", "partner_id": _partner(s), "start_date": day(-100)}
    ).id
    with pytest.raises(ValidationError) as refused:
        s.agreements.end(aid, {"end_date": day(-200)})
    assert "cannot end before its current term starts" in str(refused.value)
    s.agreements.end(aid, {"end_date": day(0), "end_reason": "Programme closed"})
    ended = s.agreements.get(aid)
    assert (ended["status"], ended["end_date"], ended["end_reason"]) == (
        "ended",
        day(0),
        "Programme closed",
    )
    with pytest.raises(ValidationError, match="ended agreement cannot be renewed"):
        s.agreements.renew(aid, {"end_date": day(365)})


def test_the_list_shows_lapsed_and_filters_as_the_team_asks(s: Services, world: World) -> None:
    north, south = _partner(s), _partner(s, "Southern Stories")
    made = {
        "running": {"end_date": day(200), "renewal_date": day(20), "owner": "Priya Shah"},
        "lapsed": {"start_date": day(-400), "end_date": day(-14)},
        "overdue": {"end_date": day(30), "renewal_date": day(-5)},
        "draft": {"status": "draft", "kind": "contract"},
    }
    ids = {
        title: s.agreements.create({"title": title, "partner_id": north, **values}).id
        for title, values in made.items()
    }
    ids["ended"] = s.agreements.create(
        {"title": "ended", "partner_id": south, "renewal_date": day(-50)}
    ).id
    s.agreements.end(ids["ended"], {"end_date": day(-1)})
    listed = record_list("agreement")

    def found(**filters: object) -> set[str]:
        with s.db.read() as session:
            got = listed.ids(session, ListState(filters=dict(filters), sort_key="title"))
        return {t for t, i in ids.items() if i in got}

    with s.db.read() as session:
        rows = listed.rows(session, [ids["lapsed"], ids["running"]])
    status = [c.key for c in listed.columns].index("status")
    assert rows[ids["lapsed"]][status] == "lapsed"
    assert rows[ids["running"]][status] == "active"
    assert found(status="lapsed") == {"lapsed"}
    assert found(status="ended") == {"ended"}
    assert found(kind="contract") == {"draft"}
    assert found(partner_id=south) == {"ended"}
    assert found(owner="Priya Shah") == {"running"}
    assert found(renewal_within_days=30) == {"running", "overdue"}
    assert found(overdue=True) == {"overdue"}
    with s.db.read() as session:
        searched = listed.ids(session, ListState(search="southern"))
    assert searched == [ids["ended"]]  # found by its partner's name


def test_dates_due_renewal_notice_and_end_from_today(s: Services) -> None:
    pid = _partner(s)
    overdue = s.agreements.create(
        {
            "title": "Overdue",
            "partner_id": pid,
            "end_date": day(40),
            "renewal_date": day(-12),
            "notice_date": day(-2),  # passed: notice can no longer be given, not listed
        }
    ).id
    ahead = s.agreements.create(
        {"title": "Ahead", "partner_id": pid, "end_date": day(200), "notice_date": day(25)}
    ).id
    s.agreements.create(  # ended: nothing due
        {"title": "Done", "partner_id": pid, "status": "ended", "renewal_date": day(-3)}
    )
    with s.db.read() as session:
        due = agreement_dates_due(session, clock.today(), 60)
    assert [(d.agreement_id, d.what, d.days, d.phrase) for d in due] == [
        (overdue, "renewal", -12, "Renewal overdue by 12 days"),
        (ahead, "notice", 25, f"Notice by {day(25):%d %b %Y}"),
        (overdue, "end", 40, "End due in 40 days"),
    ]
    assert due[0].overdue and due[0].partner == "Northlight Reading Trust"
    summary = gather_partner_summary(s.db, pid)
    said = {a["title"]: a["due"] for a in summary.agreements}
    assert said == {
        "Overdue": f"Renewal overdue by 12 days; Notice date passed {day(-2):%d %b %Y}",
        "Ahead": f"Notice by {day(25):%d %b %Y}",
        "Done": "",
    }


def test_a_deleted_agreement_comes_back_from_the_trash_with_its_terms_and_parties(
    s: Services, world: World
) -> None:
    programme = s.programmes.create(
        {"name": "Digital Champions", "offer_area_id": world.offer_areas["reading"]}
    ).id
    aid = s.agreements.create(
        {
            "title": "Contract",
            "partner_id": _partner(s),
            "end_date": day(10),
            "programme_ids": [programme],
        }
    ).id
    s.agreements.renew(aid, {"end_date": day(375)})
    s.agreements.delete(aid)
    assert not s.agreements.exists(aid)
    trash = TrashService(s.db)
    trash.restore(next(e.id for e in trash.list() if e.entity == "agreement"))
    assert s.agreements.get(aid)["programme_ids"] == [programme]
    assert len(s.agreements.terms(aid)) == 2


def test_search_everything_finds_an_agreement_by_title_owner_or_notes(
    db: Database, world: World
) -> None:
    """Ctrl+K (issue 18): agreements are in the search index, kept by triggers."""
    from brokerdesk.core.search import SearchService, check_index

    s = Services(db)
    pid = s.partners.create({"name": "Lantern Arts Fund"}).id
    aid = s.agreements.create(
        {
            "title": "Data-sharing protocol",
            "partner_id": pid,
            "owner": "Priya Shah",
            "notes": "Covers the Sightline pilot",
            "kind": "data_sharing",
        }
    ).id
    search = SearchService(db)
    for words in ("data-sharing protocol", "Priya", "sightline"):
        hits = [(h.entity, h.record_id) for h in search.search(words, types={"agreement"})]
        assert hits == [("agreement", aid)], words
    hit = search.search("Data-sharing protocol", types={"agreement"})[0]
    assert hit.title == "Data-sharing protocol" and "Lantern Arts Fund" in hit.subtitle
    s.agreements.update(aid, {"title": "Data protocol v2"}, s.agreements.get(aid)["version_id"])
    assert search.search("protocol v2", types={"agreement"})[0].record_id == aid
    s.agreements.delete(aid)
    assert search.search("protocol", types={"agreement"}) == []
    assert check_index(db) == []
