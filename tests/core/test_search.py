"""Search finds what the team types: substrings, typos, name variants, codes, postcodes.

Runs on SQLite and PostgreSQL: team mode must give the same answers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.models import Contact, Interaction, Partner, Programme
from brokerdesk.core.search import SearchHit, SearchService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


@pytest.fixture
def people(db: Database, world: World) -> dict[str, int]:
    """Partners, a contact, a programme and an interaction on the small world."""
    with db.write() as session:
        macmillan = Partner(name="Macmillan Cancer Support", partner_type="charity")
        cafe = Partner(name="Café Reading Club", partner_type="charity", notes="Meets in cafés")
        rnib = Partner(name="RNIB", website="https://www.rnib.org.uk")
        session.add_all([macmillan, cafe, rnib])
        session.flush()
        contact = Contact(
            full_name="Siân O'Brien",
            email="sian.obrien@rnib.org.uk",
            role="Head of Libraries",
            partner_id=rnib.id,
        )
        programme = Programme(
            name="Reading Friends",
            offer_area_id=world.offer_areas["reading"],
            description="Befriending through shared reading",
        )
        session.add_all([contact, programme])
        session.flush()
        meeting = Interaction(
            kind="meeting",
            occurred_on=dt.date(2026, 3, 4),
            subject="Kick-off",
            notes="Talked about audio description pilots",
            partner_id=rnib.id,
        )
        session.add(meeting)
        session.flush()
        return {
            "macmillan": macmillan.id,
            "cafe": cafe.id,
            "rnib": rnib.id,
            "contact": contact.id,
            "programme": programme.id,
            "meeting": meeting.id,
        }


def titles(hits: list[SearchHit]) -> list[str]:
    return [h.title for h in hits]


def first(hits: list[SearchHit]) -> tuple[str, str]:
    assert hits, "expected at least one hit"
    return hits[0].entity, hits[0].title


def test_substring_of_a_service_name_finds_it(db: Database, world: World) -> None:
    assert first(SearchService(db).search("cynon")) == ("library_service", "Rhondda Cynon Taff")


def test_a_name_variant_finds_its_service(db: Database, world: World) -> None:
    hits = SearchService(db).search("bristol, city")
    assert first(hits) == ("library_service", "City of Bristol")


def test_bristol_finds_the_service_and_its_branch(db: Database, world: World) -> None:
    hits = SearchService(db).search("bristol")
    assert {(h.entity, h.title) for h in hits} >= {
        ("library_service", "City of Bristol"),
        ("branch", "Bristol Central Library"),
    }


def test_gss_code_finds_its_service_only(db: Database, world: World) -> None:
    hits = SearchService(db).search("E06000023")
    assert [(h.entity, h.record_id) for h in hits] == [
        ("library_service", world.services["E06000023"])
    ]


@pytest.mark.parametrize("postcode", ["BS1 5TL", "bs15tl", "bs1 5tl"])
def test_postcode_with_or_without_space_finds_the_branch(
    db: Database, world: World, postcode: str
) -> None:
    hits = SearchService(db).search(postcode)
    assert [(h.entity, h.record_id) for h in hits] == [("branch", world.branch_id)]


def test_typo_still_finds_the_partner(db: Database, people: dict[str, int]) -> None:
    hits = SearchService(db).search("macmilan")
    assert first(hits) == ("partner", "Macmillan Cancer Support")


def test_a_word_in_many_notes_is_not_treated_as_a_typo(
    db: Database, people: dict[str, int]
) -> None:
    """ "renewal" in a dozen notes finds those notes, not partners whose names look alike."""
    with db.write() as session:
        session.add(Partner(name="Renewel Arts", partner_type="charity"))
        session.add_all(
            Interaction(
                kind="call",
                occurred_on=dt.date(2026, 3, day),
                subject=f"Call {day}",
                notes="Talked about the renewal",
                partner_id=people["rnib"],
            )
            for day in range(1, 13)
        )
    found = SearchService(db).search("renewal", limit=50)
    assert {hit.entity for hit in found} == {"interaction"}
    assert len(found) == 12
    # A rare misspelling still reaches the partner by typo tolerance.
    assert ("partner", "Renewel Arts") in [
        (h.entity, h.title) for h in SearchService(db).search("renewil")
    ]


def test_exact_match_outranks_typo_and_notes(db: Database, people: dict[str, int]) -> None:
    hits = SearchService(db).search("reading")
    # Names containing the word come before records that only mention it in notes.
    assert set(titles(hits)[:2]) == {"Café Reading Club", "Reading Friends"}


@pytest.mark.parametrize("query", ["cafe", "CAFE", "Café", "CAFÉ"])
def test_accents_and_case_do_not_matter(db: Database, people: dict[str, int], query: str) -> None:
    assert first(SearchService(db).search(query, types={"partner"})) == (
        "partner",
        "Café Reading Club",
    )


def test_accented_name_found_by_plain_letters(db: Database, people: dict[str, int]) -> None:
    assert first(SearchService(db).search("sian obrien")) == ("contact", "Siân O'Brien")


@pytest.mark.parametrize(
    "query", ['"rnib', "rnib*", "(rnib)", "-rnib", "rnib^", '"rnib"', "rnib:", "{rnib}", "+rnib"]
)
def test_fts_syntax_around_a_word_is_ignored(
    db: Database, people: dict[str, int], query: str
) -> None:
    hits = SearchService(db).search(query)
    assert ("partner", "RNIB") in [(h.entity, h.title) for h in hits]


@pytest.mark.parametrize(
    "query", ["NEAR(rnib, x)", "name:rnib", "OR", '"', "*", "AND NOT", "{name}", 'a"b', "^-"]
)
def test_fts_syntax_words_are_plain_text(db: Database, people: dict[str, int], query: str) -> None:
    # No error: the words are looked up as letters, and none of these records hold them.
    assert SearchService(db).search(query, types={"partner", "contact"}) == []


def test_and_is_searched_as_letters(db: Database, world: World) -> None:
    hits = SearchService(db).search("AND", types={"library_service"})
    # "Northern Ireland" (LibrariesNI) holds the letters a-n-d; Manchester does not.
    assert "LibrariesNI" in titles(hits)
    assert "Manchester" not in titles(hits)


def test_one_or_two_letters_match_name_starts(db: Database, world: World) -> None:
    hits = SearchService(db).search("li")
    assert {"Liverpool", "LibrariesNI", "Bristol Central Library"} <= set(titles(hits))
    assert "Manchester" not in titles(hits)


def test_notes_and_emails_are_searched(db: Database, people: dict[str, int]) -> None:
    assert ("interaction", people["meeting"]) in [
        (h.entity, h.record_id) for h in SearchService(db).search("audio description")
    ]
    assert first(SearchService(db).search("sian.obrien@rnib")) == ("contact", "Siân O'Brien")


def test_types_and_limit_restrict_the_results(db: Database, people: dict[str, int]) -> None:
    service = SearchService(db)
    hits = service.search("rnib", types={"contact"})
    assert {h.entity for h in hits} == {"contact"}
    assert len(service.search("r", limit=2)) == 2


def test_results_are_grouped_by_type(db: Database, people: dict[str, int]) -> None:
    hits = SearchService(db).search("rnib")
    seen: list[str] = []
    for hit in hits:
        if not seen or seen[-1] != hit.entity:
            assert hit.entity not in seen, "each type appears as one block"
            seen.append(hit.entity)
    assert hits[0].entity == "partner"


def test_nothing_found_is_an_empty_list(db: Database, world: World) -> None:
    assert SearchService(db).search("zzzzqqq") == []
    assert SearchService(db).search("   ") == []


def test_text_filter_narrows_a_list_query(db: Database, people: dict[str, int]) -> None:
    from sqlalchemy import select

    service = SearchService(db)
    with db.read() as session:
        names = session.scalars(
            select(Partner.name)
            .where(service.text_filter("partner", "cafe"))
            .order_by(Partner.name)
        ).all()
    assert names == ["Café Reading Club"]
