"""UK GDPR: export everything about a contact; erase them and keep only a tombstone."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.models import AuditEvent, CustomValue, TrashItem
from brokerdesk.core.services import Services
from brokerdesk.core.services.duplicates import merge
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.personal_data import PersonalDataService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

EMAIL = "sam.reid@openbook.example"


def _person(db: Database, world: World) -> tuple[Services, int, int, int]:
    s = Services(db)
    partner = s.partners.create({"name": "Open Book Trust"}).id
    contact = s.contacts.create(
        {"full_name": "Sam Reid", "email": EMAIL, "phone": "0117 496 0000", "partner_id": partner}
    ).id
    s.contacts.update(contact, {"role": "Programme lead"})
    interaction = s.interactions.create(
        {
            "subject": "Kick-off call",
            "occurred_on": dt.date(2026, 2, 3),
            "partner_id": partner,
            "contact_id": contact,
        }
    ).id
    programme = s.programmes.create(
        {"name": "Reading Friends", "offer_area_id": world.offer_areas["reading"]}
    ).id
    participation = s.participations.create(
        {
            "programme_id": programme,
            "service_id": world.services["E06000023"],
            "local_contact_id": contact,
        }
    ).id
    return s, contact, interaction, participation


def test_export_holds_everything_about_the_contact(db: Database, world: World) -> None:
    _, contact, interaction, participation = _person(db, world)
    data = PersonalDataService(db).export_contact(contact)
    json.dumps(data)  # a file the person can be sent
    assert data["contact"]["email"] == EMAIL
    assert data["contact"]["partner"] == "Open Book Trust"
    assert [i["id"] for i in data["interactions"]] == [interaction]
    assert [p["id"] for p in data["participations"]] == [participation]
    assert data["participations"][0]["programme"] == "Reading Friends"
    assert [e["action"] for e in data["audit_events"]] == ["create", "update"]


def test_erase_removes_the_person_everywhere_and_keeps_a_tombstone(
    db: Database, world: World
) -> None:
    s, contact, interaction, participation = _person(db, world)
    PersonalDataService(db).erase_contact(contact)
    assert not s.contacts.exists(contact)
    assert s.interactions.get(interaction)["contact_id"] is None, "the meeting itself stays"
    assert s.participations.get(participation)["local_contact_id"] is None
    with db.read() as session:
        events = session.scalars(select(AuditEvent)).all()
        text = " ".join(f"{e.summary} {e.changes}" for e in events)
        trash = session.scalars(select(TrashItem.snapshot)).all()
    for personal in ("Sam Reid", EMAIL, "0117 496 0000", "Programme lead"):
        assert personal not in text
        assert all(personal not in snap for snap in trash)
    tombstone = [e for e in events if e.action == "erase"]
    assert len(tombstone) == 1 and tombstone[0].record_id == contact
    assert tombstone[0].user_name == "tester"
    with pytest.raises(NotFoundError):
        PersonalDataService(db).export_contact(contact)


def test_erase_also_clears_a_deleted_contact_from_the_trash(db: Database, world: World) -> None:
    s, contact, _, _ = _person(db, world)
    with pytest.raises(NotFoundError):
        PersonalDataService(db).erase_contact(987_654)
    s.contacts.delete(contact)
    with db.read() as session:
        assert [x for x in session.scalars(select(TrashItem.snapshot)) if EMAIL in x]
    PersonalDataService(db).erase_contact(contact)
    with db.read() as session:
        assert not [x for x in session.scalars(select(TrashItem.snapshot)) if EMAIL in x]
        changes = " ".join(e.changes or "" for e in session.scalars(select(AuditEvent)))
    assert EMAIL not in changes, "the delete's audit row is scrubbed too"


def test_erasing_a_merged_contact_scrubs_the_history_of_both_records(
    db: Database, world: World
) -> None:
    """A merge keeps the values it did not keep in the history, and the merged-away record's
    history under its own id: an erasure of the person takes both, and their own fields."""
    s = Services(db)
    pronouns = s.custom_fields.add("contact", FieldSpec("Pronouns", "text")).id
    keep = s.contacts.create(
        {"full_name": "Sam Reid", "email": EMAIL, f"cf_{pronouns}": "they/them"}
    ).id
    twin = s.contacts.create(
        {"full_name": "Samuel Reid", "email": "sam@home.example", "phone": "07700 900123"}
    ).id
    merge(db, "contact", keep, twin)
    PersonalDataService(db).erase_contact(keep)
    with db.read() as session:
        events = session.scalars(select(AuditEvent)).all()
        text = " ".join(f"{e.summary} {e.changes}" for e in events)
        values = session.scalars(select(CustomValue.text_value)).all()
    for personal in ("Sam Reid", "Samuel Reid", EMAIL, "sam@home.example", "07700 900123"):
        assert personal not in text, f"{personal} is still in the history"
    assert "they/them" not in text and values == [], "own-field values go too"


def test_erasure_reaches_a_merge_recorded_in_the_older_nested_form(
    db: Database, world: World
) -> None:
    """Merges recorded before 5 Dec 2026 kept their fields under "fields"; the person's old
    name and address there are erased too."""
    s = Services(db)
    keep = s.contacts.create({"full_name": "Sam Reid", "email": EMAIL}).id
    with db.write() as session:
        session.add(
            AuditEvent(
                entity="contact",
                record_id=keep,
                action="merge",
                summary="Merged Zebedee Oldname into Sam Reid",
                user_name="tester",
                changes=json.dumps(
                    {
                        "merged_id": 999,
                        "fields": {
                            "full_name": ["Zebedee Oldname", "Sam Reid"],
                            "email": ["old@example.org", EMAIL],
                        },
                    }
                ),
            )
        )
    PersonalDataService(db).erase_contact(keep)
    with db.read() as session:
        text = " ".join(f"{e.summary} {e.changes}" for e in session.scalars(select(AuditEvent)))
    for personal in ("Zebedee Oldname", "old@example.org", "Sam Reid", EMAIL):
        assert personal not in text, f"{personal} is still in the history"


def test_erasure_empties_other_records_links_to_the_person(db: Database, world: World) -> None:
    """A partner's own "Main contact" link names the person by id: after the erasure it is
    empty, not pointing at a record that is gone."""
    s = Services(db)
    main = s.custom_fields.add("partner", FieldSpec("Main contact", "link", link_kind="contact")).id
    sam = s.contacts.create({"full_name": "Sam Reid", "email": EMAIL}).id
    partner = s.partners.create({"name": "Open Book Trust", f"cf_{main}": sam}).id
    assert s.partners.get(partner)[f"cf_{main}"] == sam
    PersonalDataService(db).erase_contact(sam)
    assert s.partners.get(partner)[f"cf_{main}"] is None
