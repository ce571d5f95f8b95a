"""Core services: CRUD with validation, conflicts, delete to trash and restore, bulk links."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select, text

from brokerdesk.core.db import Database
from brokerdesk.core.errors import EditConflict, InUseError, NotFoundError, ValidationError
from brokerdesk.core.models import (
    AuditEvent,
    Contact,
    Interaction,
    Participation,
    ProgrammePartner,
    TrashItem,
)
from brokerdesk.core.services import Services
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends


@pytest.fixture
def services(db: Database, world: World) -> Services:
    return Services(db)


def _programme(services: Services, world: World, **values: object) -> int:
    base = {
        "name": "Audio-described reading pilot",
        "offer_area_id": world.offer_areas["vision_print_impaired"],
        "status": "negotiating",
        "start_date": dt.date(2026, 1, 1),
        "end_date": dt.date(2026, 12, 31),
        "target_services": 30,
    }
    return services.programmes.create({**base, **values}).id


def test_partner_create_read_update_delete(services: Services, world: World) -> None:
    created = services.partners.create(
        {
            "name": "  Northlight  Sight\u00a0Loss Trust ",
            "partner_type": "Charity",
            "status": "active",
            "owner": "Priya Shah",
            "offer_area_ids": [world.offer_areas["reading"]],
            "tags": "sight loss, audio, Sight Loss",
        }
    )
    partner = services.partners.get(created.id)
    assert partner["name"] == "Northlight Sight Loss Trust"
    assert partner["partner_type"] == "charity"
    assert partner["tags"] == ["audio", "sight loss"], "tags are listed alphabetically, once"
    assert partner["offer_area_ids"] == [world.offer_areas["reading"]]

    change = services.partners.update(created.id, {"status": "paused"}, partner["version_id"])
    assert change.before == {"status": "active"}
    assert services.partners.get(created.id)["status"] == "paused"

    services.partners.delete(created.id)
    with pytest.raises(NotFoundError):
        services.partners.get(created.id)


def test_validation_messages_name_the_field(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.partners.create({"name": "   ", "status": "dormant", "contact_limit_days": "x"})
    errors = caught.value.field_errors
    assert errors["name"] == "Name is required."
    assert "Status: 'dormant' is not one of" in errors["status"]
    assert "not a whole number" in errors["contact_limit_days"]
    assert services.partners.count() == 0


def test_duplicate_partner_name_is_refused(services: Services) -> None:
    services.partners.create({"name": "Open Pages"})
    with pytest.raises(ValidationError, match="already exists"):
        services.partners.create({"name": "open pages"})


def test_programme_end_before_start_is_refused(services: Services, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        _programme(services, world, start_date="2026-05-01", end_date="01/04/2026")
    assert caught.value.field_errors == {"end_date": "The end date is before the start date."}


def test_programme_partners_with_roles(services: Services, world: World) -> None:
    charity = services.partners.create({"name": "Northlight"}).id
    funder = services.partners.create({"name": "Lantern Fund", "partner_type": "funder"}).id
    programme = _programme(services, world, partners=[(charity, "lead"), (funder, "funder")])
    assert services.programmes.get(programme)["partners"] == [(charity, "lead"), (funder, "funder")]
    overview = services.overview.partner(funder)
    assert [(p["name"], p["role"]) for p in overview.programmes] == [
        ("Audio-described reading pilot", "funder")
    ]


def test_stale_version_raises_conflict_with_both_versions(services: Services, world: World) -> None:
    partner_id = services.partners.create({"name": "Digital Bridges"}).id
    opened = services.partners.get(partner_id)
    services.partners.update(partner_id, {"owner": "Sam"}, opened["version_id"])
    with pytest.raises(EditConflict) as caught:
        services.partners.update(partner_id, {"notes": "Met at conference"}, opened["version_id"])
    conflict = caught.value
    assert conflict.theirs["owner"] == "Sam"
    assert conflict.mine == {"notes": "Met at conference"}
    services.partners.update(partner_id, conflict.mine, conflict.their_version)
    final = services.partners.get(partner_id)
    assert (final["owner"], final["notes"]) == ("Sam", "Met at conference")


def test_link_many_services_then_change_stage_and_undo(
    db: Database, services: Services, world: World
) -> None:
    programme = _programme(services, world)
    members = [world.services[c] for c in ("E06000023", "E08000003", "E08000012", "W06000015")]
    linked = services.participations.link_services(programme, members, stage="interested")
    assert len(linked.ids) == 4
    again = services.participations.link_services(
        programme, [*members[:2], world.services["N92000002"]]
    )
    assert len(again.ids) == 1, "services already linked are left alone"

    moved = services.participations.set_stage(linked.ids[:3], "signed_up")
    assert set(moved.before.values()) == {"interested"}
    with db.read() as session:
        stages = dict(session.execute(select(Participation.id, Participation.stage)).all())
    assert [stages[i] for i in linked.ids] == ["signed_up"] * 3 + ["interested"]

    services.participations.set_stages({int(k): v for k, v in moved.before.items()})
    with db.read() as session:
        stages = dict(session.execute(select(Participation.id, Participation.stage)).all())
    assert [stages[i] for i in linked.ids] == ["interested"] * 4


def test_a_service_cannot_join_a_programme_twice(services: Services, world: World) -> None:
    programme = _programme(services, world)
    bristol = world.services["E06000023"]
    services.participations.create({"programme_id": programme, "service_id": bristol})
    with pytest.raises(ValidationError, match="already takes part"):
        services.participations.create({"programme_id": programme, "service_id": bristol})


def test_delete_reports_impact_and_restore_brings_everything_back(
    db: Database, services: Services, world: World
) -> None:
    partner = services.partners.create({"name": "Northlight", "tags": ["audio"]}).id
    contact = services.contacts.create({"full_name": "Ana Jones", "partner_id": partner}).id
    programme = _programme(services, world, partners=[(partner, "lead")])
    services.interactions.create(
        {"occurred_on": "2026-11-01", "subject": "Kick-off", "partner_id": partner}
    )
    impact = services.partners.delete_impact([partner])
    assert "1 contact will be unlinked from it." in impact
    assert "1 interaction will be deleted with it." in impact
    assert "1 programme role will be deleted with it." in impact

    deleted = services.partners.delete(partner)
    with db.read() as session:
        assert session.get(Contact, contact).partner_id is None
        assert session.scalar(select(func.count()).select_from(Interaction)) == 0
        assert session.scalar(select(func.count()).select_from(TrashItem)) == 1

    assert deleted.snapshot is not None
    services.partners.restore(deleted.snapshot)
    with db.read() as session:
        assert session.get(Contact, contact).partner_id == partner
        assert session.scalar(select(func.count()).select_from(Interaction)) == 1
        assert session.scalar(select(ProgrammePartner.programme_id)) == programme
        assert session.scalar(select(func.count()).select_from(TrashItem)) == 0
    assert services.partners.get(partner)["tags"] == ["audio"]


def test_delete_refused_when_records_still_depend(services: Services, world: World) -> None:
    programme = _programme(services, world)
    services.participations.link_services(programme, [world.services["E06000023"]])
    with pytest.raises(InUseError, match="1 participation"):
        services.library_services.delete(world.services["E06000023"])


def test_interaction_needs_a_subject_it_is_about(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.interactions.create({"occurred_on": "2026-11-01", "subject": "Call"})
    assert "partner_id" in caught.value.field_errors


def test_follow_up_before_interaction_is_refused(services: Services) -> None:
    partner = services.partners.create({"name": "Northlight"}).id
    with pytest.raises(ValidationError, match="follow-up date is before"):
        services.interactions.create(
            {
                "occurred_on": "2026-11-10",
                "follow_up_on": "2026-11-01",
                "subject": "Call",
                "partner_id": partner,
            }
        )


def test_every_edit_is_audited_with_old_and_new_values(db: Database, services: Services) -> None:
    partner = services.partners.create({"name": "Northlight", "owner": "Sam"}).id
    version = services.partners.get(partner)["version_id"]
    services.partners.update(partner, {"owner": "Priya"}, version)
    with db.read() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "partner").order_by(AuditEvent.id)
        ).all()
    assert [e.action for e in events] == ["create", "update"]
    assert json.loads(events[1].changes or "{}")["owner"] == ["Sam", "Priya"]
    assert events[1].user_name == "tester"


def test_failed_action_leaves_no_trace(db: Database, services: Services) -> None:
    services.partners.create({"name": "Northlight"})
    with db.read() as session:
        audit_before = session.scalar(select(func.count()).select_from(AuditEvent))
    with pytest.raises(ValidationError):
        services.partners.create({"name": "Northlight"})
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == audit_before
        assert session.execute(text("SELECT count(*) FROM partner")).scalar() == 1


def test_programme_overview_counts(services: Services, world: World) -> None:
    programme = _programme(services, world)
    codes = ("E06000023", "E08000003", "E08000012", "W06000015")
    linked = services.participations.link_services(programme, [world.services[c] for c in codes])
    services.participations.set_stage(linked.ids[:1], "withdrawn")
    overview = services.overview.programme(programme)
    assert overview.by_stage == {"invited": 3, "withdrawn": 1}
    assert sum(overview.by_nation.values()) == 3
    assert overview.offer_area == "Vision and Print Impaired People's Promise"
