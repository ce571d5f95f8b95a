"""The "With", "Programme" and "Follow up" values kept on each interaction by triggers (0005).

The interactions list sorts by them; they must always equal the names the joins give, however
the interaction or the named record was written: a form, an import, a rename, a deletion.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

JOINED = """
SELECT i.id, i.about_name, i.programme_name, i.follow_up_due,
       COALESCE(p.name, s.nice_name, g.name) AS about_joined, g.name AS programme_joined,
       CASE WHEN i.follow_up_done THEN NULL ELSE i.follow_up_on END AS due_worked_out
FROM interaction i
LEFT JOIN partner p ON p.id = i.partner_id
LEFT JOIN library_service s ON s.id = i.service_id
LEFT JOIN programme g ON g.id = i.programme_id
ORDER BY i.id
"""


def names(db: Database) -> dict[int, tuple[str | None, str | None]]:
    """Each interaction's kept names, after checking them against the joins."""
    with db.read() as session:
        rows = session.execute(text(JOINED)).all()
    for row in rows:
        assert (row.about_name, row.programme_name) == (row.about_joined, row.programme_joined)
        assert str(row.follow_up_due) == str(row.due_worked_out)  # SQLite keeps dates as text
    return {row.id: (row.about_name, row.programme_name) for row in rows}


def test_names_follow_every_write(db: Database, world: World) -> None:
    s = Services(db)
    area = next(iter(world.offer_areas.values()))
    bristol = world.services["E06000023"]
    agency = s.partners.create({"name": "Reading Agency"}).id
    clubs = s.programmes.create({"name": "Chatterbooks", "offer_area_id": area}).id
    with_partner = s.interactions.create(
        {
            "occurred_on": "2026-03-02",
            "subject": "Call",
            "partner_id": agency,
            "programme_id": clubs,
        }
    ).id
    with_service = s.interactions.create(
        {"occurred_on": "2026-03-03", "subject": "Visit", "service_id": bristol}
    ).id
    programme_only = s.interactions.create(
        {"occurred_on": "2026-03-04", "subject": "Launch", "programme_id": clubs}
    ).id
    assert names(db)[with_partner] == ("Reading Agency", "Chatterbooks")
    assert names(db)[with_service][1] is None
    assert names(db)[programme_only] == ("Chatterbooks", "Chatterbooks")

    s.partners.update(agency, {"name": "The Reading Agency"})
    s.programmes.update(clubs, {"name": "Chatterbooks Clubs"})
    s.library_services.update(bristol, {"nice_name": "Bristol Libraries"})
    assert names(db)[with_partner] == ("The Reading Agency", "Chatterbooks Clubs")
    assert names(db)[with_service][0] == "Bristol Libraries"
    assert names(db)[programme_only] == ("Chatterbooks Clubs", "Chatterbooks Clubs")

    s.interactions.update(with_service, {"partner_id": agency})  # now with the partner
    assert names(db)[with_service][0] == "The Reading Agency"


def test_names_survive_a_bulk_insert_and_a_deleted_programme(db: Database, world: World) -> None:
    s = Services(db)
    area = next(iter(world.offer_areas.values()))
    agency = s.partners.create({"name": "BookTrust"}).id
    pilot = s.programmes.create({"name": "Pilot", "offer_area_id": area}).id
    with db.write() as session:  # as an import writes: core INSERTs, no ORM
        session.execute(
            text(
                "INSERT INTO interaction (kind, occurred_on, subject, partner_id, programme_id, "
                "follow_up_done, created_at, updated_at, version_id) VALUES "
                "('call', '2026-04-01', 'Imported', :p, :g, false, :now, :now, 1)"
            ),
            {"p": agency, "g": pilot, "now": "2026-04-01 10:00:00"},
        )
    assert ("BookTrust", "Pilot") in names(db).values()
    s.programmes.delete(pilot, to_trash=False)  # the interaction keeps its partner
    assert ("BookTrust", None) in names(db).values()


@pytest.mark.date_sensitive
def test_the_follow_up_shows_while_it_is_still_to_do(db: Database, world: World) -> None:
    s = Services(db)
    agency = s.partners.create({"name": "Libraries Connected"}).id
    call = s.interactions.create(
        {
            "occurred_on": "2026-05-01",
            "subject": "Ring back",
            "partner_id": agency,
            "follow_up_on": "2026-05-08",
        }
    ).id
    with db.read() as session:
        due = session.scalar(
            text("SELECT follow_up_due FROM interaction WHERE id = :i"), {"i": call}
        )
    assert str(due) == "2026-05-08"
    s.interactions.update(call, {"follow_up_done": True})
    names(db)  # checks follow_up_due against the rule for every row
    with db.read() as session:
        due = session.scalar(
            text("SELECT follow_up_due FROM interaction WHERE id = :i"), {"i": call}
        )
    assert due is None


@pytest.mark.date_sensitive
def test_the_follow_up_filters_pick_the_open_follow_ups(db: Database, world: World) -> None:
    import datetime as dt

    from brokerdesk.core.lists import ListState, record_list

    s = Services(db)
    agency = s.partners.create({"name": "Arts Council"}).id
    today = clock.today()

    def log(subject: str, days: int, done: bool = False) -> int:
        return s.interactions.create(
            {
                "occurred_on": (today - dt.timedelta(days=30)).isoformat(),
                "subject": subject,
                "partner_id": agency,
                "follow_up_on": (today + dt.timedelta(days=days)).isoformat(),
                "follow_up_done": done,
            }
        ).id

    late, soon, later, _already_done = (
        log("Late", -3),
        log("Soon", 5),
        log("Later", 40),
        log("Done", -3, True),
    )
    interactions = record_list("interaction")
    with db.read() as session:

        def chosen(value: str) -> set[int]:
            state = ListState(filters={"follow_up": value}, sort_key="occurred_on")
            return set(interactions.ids(session, state))

        assert chosen("overdue") == {late}
        assert chosen("due") == {late, soon}
        assert chosen("open") == {late, soon, later}  # not the one already done
