"""Best first: a name holding the words beats a record that only mentions them in notes.

The service stops asking for notes-only matches once enough names hold the words; these
tests check that the results are still the best ones, whatever the limit, on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.models import Interaction, Partner
from brokerdesk.core.search import SearchHit, SearchService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

NAMED = ["Orchard", "Orchard Books", "The Orchard Trust", "Blackorchard"]


@pytest.fixture
def orchard(db: Database, world: World) -> None:
    """Four partners named with "orchard", one mentioning it in notes; two interactions."""
    with db.write() as session:
        partners = [Partner(name=name, partner_type="charity") for name in NAMED]
        story_bus = Partner(name="Story Bus", notes="Parked by the orchard on Saturdays")
        session.add_all([*partners, story_bus])
        session.flush()
        session.add_all(
            [
                Interaction(
                    kind="meeting",
                    occurred_on=dt.date(2026, 4, 1),
                    subject="Orchard visits",
                    partner_id=story_bus.id,
                ),
                Interaction(
                    kind="call",
                    occurred_on=dt.date(2026, 4, 2),
                    subject="Call",
                    notes="Asked about the orchard trail",
                    partner_id=story_bus.id,
                ),
            ]
        )


def shown(hits: list[SearchHit]) -> list[tuple[str, str]]:
    return [(h.entity, h.title) for h in hits]


def test_exact_then_starts_then_word_then_inside_then_notes(db: Database, orchard: None) -> None:
    hits = SearchService(db).search("orchard")
    assert shown(hits) == [
        ("partner", "Orchard"),
        ("partner", "Orchard Books"),
        ("partner", "The Orchard Trust"),
        ("partner", "Blackorchard"),
        ("partner", "Story Bus"),
        ("interaction", "Orchard visits"),
        ("interaction", "Call"),
    ]


def test_a_small_limit_keeps_the_best_names_and_drops_notes(db: Database, orchard: None) -> None:
    hits = SearchService(db).search("orchard", limit=4)
    # The interaction named "Orchard visits" starts with the word, so it beats the partners
    # that merely hold it; nothing that only mentions the word in notes is shown.
    assert shown(hits) == [
        ("partner", "Orchard"),
        ("partner", "Orchard Books"),
        ("partner", "The Orchard Trust"),
        ("interaction", "Orchard visits"),
    ]


def test_notes_only_matches_come_after_every_name(db: Database, orchard: None) -> None:
    hits = SearchService(db).search("orchard", limit=6)
    named = [h for h in hits if h.title not in ("Story Bus", "Call")]
    notes_only = [h for h in hits if h.title in ("Story Bus", "Call")]
    assert len(named) == 5
    assert len(notes_only) == 1
    assert min(h.score for h in named) > max(h.score for h in notes_only)
