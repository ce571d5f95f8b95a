"""Named leads and the data-quality checks on a hand-made world, on SQLite and PostgreSQL.

Every figure is also counted by SQL written here, independently of the code under test.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from brokerdesk.core.data_quality import run_checks
from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.services import Services
from brokerdesk.core.services.history import HistoryService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends
TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def team(db: Database, world: World) -> dict[str, int]:
    """Two live Reading programmes and one finished one across five services."""
    s = Services(db)
    agency = s.partners.create({"name": "Reading Agency", "owner": "Priya", "status": "active"}).id
    loose = s.partners.create({"name": "Loose Ends Trust", "status": "prospect"}).id
    s.partners.create({"name": "Long Gone Ltd", "status": "ended"})
    s.contacts.create(
        {"full_name": "Ana Silva", "email": "ana@readingagency.org.uk", "partner_id": agency}
    )
    reading = world.offer_areas["reading"]
    health = world.offer_areas["health_wellbeing"]
    bristol, manchester, liverpool, cardiff, ni = (
        world.services[c] for c in ("E06000023", "E08000003", "E08000012", "W06000015", "N92000002")
    )
    lead_bristol = s.contacts.create({"full_name": "Bea Lane", "service_id": bristol}).id
    s.contacts.create({"full_name": "Mo Khan", "service_id": manchester})
    summer = s.programmes.create(
        {
            "name": "Summer Reads",
            "offer_area_id": reading,
            "status": "live",
            "partners": [(agency, "lead")],
        }
    ).id
    chatter = s.programmes.create(
        {"name": "Chatterbooks", "offer_area_id": reading, "status": "live"}
    ).id
    s.programmes.create({"name": "Old Wellbeing", "offer_area_id": health, "status": "completed"})
    for service, programme, stage in (
        (bristol, summer, "active"),
        (manchester, summer, "interested"),
        (liverpool, summer, "withdrawn"),
        (cardiff, chatter, "signed_up"),
        (ni, chatter, "invited"),
        (manchester, chatter, "active"),
    ):
        s.participations.create({"programme_id": programme, "service_id": service, "stage": stage})
    return {
        "agency": agency,
        "loose": loose,
        "bristol": bristol,
        "manchester": manchester,
        "cardiff": cardiff,
        "ni": ni,
        "reading": reading,
        "health": health,
        "lead_bristol": lead_bristol,
        "summer": summer,
        "chatter": chatter,
    }


def sql_gaps(db: Database) -> set[tuple[int, int]]:
    """(service, offer area) of live programmes' services with no named lead, in plain SQL."""
    with db.engine.connect() as conn:
        return set(
            conn.execute(
                text(
                    "SELECT DISTINCT pa.service_id, pr.offer_area_id FROM participation pa "
                    "JOIN programme pr ON pr.id = pa.programme_id "
                    "WHERE pr.status = 'live' AND pa.stage <> 'withdrawn' AND NOT EXISTS ("
                    " SELECT 1 FROM service_lead sl WHERE sl.service_id = pa.service_id"
                    " AND sl.offer_area_id = pr.offer_area_id)"
                )
            ).all()
        )


def test_naming_a_lead_fills_the_gap_and_is_in_the_services_history(
    db: Database, team: dict[str, int]
) -> None:
    leads = Services(db).named_leads
    gaps = {(g.service_id, g.offer_area_id) for g in leads.gaps()}
    assert (
        gaps
        == sql_gaps(db)
        == {(team[s], team["reading"]) for s in ("bristol", "manchester", "cardiff", "ni")}
    )
    summer = next(g for g in leads.gaps() if g.service_id == team["manchester"])
    assert summer.programmes == ("Chatterbooks", "Summer Reads")

    change = leads.set_lead(team["bristol"], team["reading"], team["lead_bristol"])
    assert change.before == {f"named_lead:{team['reading']}": None}
    assert {(g.service_id, g.offer_area_id) for g in leads.gaps()} == sql_gaps(db)
    assert team["bristol"] not in {g.service_id for g in leads.gaps()}
    shown = {lead.offer_area: lead.contact for lead in leads.for_service(team["bristol"])}
    assert shown["Reading"] == "Bea Lane" and shown["Health & Wellbeing"] is None
    assert len(shown) == 6, "every offer area is listed"

    entry = HistoryService(db).for_record("library_service", team["bristol"])[0]
    assert [(c.field, c.old, c.new) for c in entry.changes] == [
        ("Named lead (Reading)", None, "Bea Lane")
    ]
    leads.set_lead(team["bristol"], team["reading"], None)  # what undo does
    assert (team["bristol"], team["reading"]) in sql_gaps(db)


def test_a_lead_must_work_at_the_service(db: Database, team: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="not a contact at this library service"):
        Services(db).named_leads.set_lead(team["cardiff"], team["reading"], team["lead_bristol"])
    assert Services(db).named_leads.candidates(team["bristol"]) == [
        (team["lead_bristol"], "Bea Lane")
    ]


def test_deleting_the_contact_takes_the_lead_and_trash_brings_both_back(
    db: Database, team: dict[str, int]
) -> None:
    s = Services(db)
    s.named_leads.set_lead(team["bristol"], team["reading"], team["lead_bristol"])
    removed = s.contacts.delete(team["lead_bristol"])
    assert (team["bristol"], team["reading"]) in sql_gaps(db)
    assert removed.snapshot is not None
    s.contacts.restore(removed.snapshot)
    assert (team["bristol"], team["reading"]) not in sql_gaps(db)


def test_the_checks_match_independent_sql(db: Database, team: dict[str, int]) -> None:
    results = {r.key: r for r in run_checks(db, TODAY)}
    with db.engine.connect() as conn:

        def ids(sql: str) -> set[int]:
            return set(conn.execute(text(sql)).scalars())

        no_owner = ids(
            "SELECT id FROM partner WHERE status <> 'ended' AND coalesce(trim(owner), '') = ''"
        )
        no_contact = ids(
            "SELECT id FROM partner p WHERE status <> 'ended' AND NOT EXISTS "
            "(SELECT 1 FROM contact c WHERE c.partner_id = p.id)"
        )
        no_mail = ids("SELECT id FROM contact WHERE coalesce(trim(email), '') = ''")
        no_lead = ids(
            "SELECT id FROM programme p WHERE status IN ('idea', 'negotiating', 'live') AND NOT "
            "EXISTS (SELECT 1 FROM programme_partner x WHERE x.programme_id = p.id AND "
            "x.role = 'lead')"
        )
    got = {key: {f.id for f in r.findings} for key, r in results.items()}
    assert got["partner_no_owner"] == no_owner == {team["loose"]}
    assert got["partner_no_contact"] == no_contact == {team["loose"]}
    assert got["contact_no_email"] == no_mail and len(no_mail) == 2
    assert got["programme_no_lead_partner"] == no_lead == {team["chatter"]}
    assert got["partner_no_recent_interaction"] == {team["agency"], team["loose"]}
    assert {f.id for f in results["service_no_named_lead"].findings} == {
        sid for sid, _area in sql_gaps(db)
    }
    assert json.dumps([r.to_dict() for r in results.values()])  # the CLI's JSON is plain
