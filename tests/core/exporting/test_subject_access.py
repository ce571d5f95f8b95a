"""A subject access export holds everything about the person: read back from the file and
compared with what SQL written here finds in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.errors import Cancelled, NotFoundError
from brokerdesk.core.exporting.safety import FileExistsRefused
from brokerdesk.core.exporting.subject_access import export_contact_data
from brokerdesk.core.mail.filing import EmailFiling
from brokerdesk.core.mail.reading import read_email
from brokerdesk.core.services import Services
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.static_lists import StaticListService
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

CORPUS = Path(__file__).parents[1] / "mail_corpus"
SAM = "sam.reid@openbook.org.uk"


def _sam(db: Database, world: World) -> int:
    """Sam Reid, with something of every kind BrokerDesk can hold about a person."""
    s = Services(db)
    pronouns = s.custom_fields.add("contact", FieldSpec("Pronouns", "text")).id
    partner = s.partners.create({"name": "Open Book", "website": "openbook.org.uk"}).id
    sam = s.contacts.create(
        {
            "full_name": "Sam Reid",
            "email": SAM,
            "phone": "0117 496 0000",
            "partner_id": partner,
            "service_id": world.services["E06000023"],  # their library service's lead too
            "tags": "Board, Pilot",
            f"cf_{pronouns}": "they/them",
        }
    ).id
    s.contacts.update(sam, {"role": "Programme lead"})
    lists = StaticListService(db)
    lists.add(lists.create("contact", "Board invitees 2026").id, [sam])
    s.named_leads.set_lead(world.services["E06000023"], world.offer_areas["reading"], sam)
    programme = s.programmes.create(
        {"name": "Reading Friends", "offer_area_id": world.offer_areas["reading"]}
    ).id
    s.participations.create(
        {
            "programme_id": programme,
            "service_id": world.services["E06000023"],
            "local_contact_id": sam,
        }
    )
    s.interactions.create(
        {
            "subject": "Kick-off call",
            "occurred_on": dt.date(2026, 2, 3),
            "partner_id": partner,
            "contact_id": sam,
            "notes": "Went well",
        }
    )
    s.interactions.create(
        {
            "subject": "Board prep",
            "occurred_on": dt.date(2026, 3, 1),
            "partner_id": partner,
            "notes": "Ask Sam Reid for the figures",
        }
    )
    filing = EmailFiling(db, s.documents)  # Sam's own e-mail, forwarding an evaluation
    filing.log(filing.plan(read_email(CORPUS / "thunderbird-forward.eml"), ("partner", partner)))
    return sam


def _sql(db: Database, sql: str, **params: object) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def _sheet(book: object, name: str) -> list[tuple[object, ...]]:
    rows = list(book[name].iter_rows(values_only=True))  # type: ignore[index]
    return rows[1:]


def test_the_workbook_holds_every_kind_of_data_about_the_person(
    db: Database, world: World, tmp_path: Path
) -> None:
    sam = _sam(db, world)
    target = tmp_path / "Sam Reid.xlsx"
    export_contact_data(db, sam, target, "xlsx")
    book = load_workbook(target)
    assert book.sheetnames == [
        "Person",
        "Tags",
        "Lists",
        "Named lead roles",
        "Participations",
        "Interactions",
        "E-mails naming them",
        "Notes naming them",
        "Attached files",
        "History",
    ]
    person = dict(_sheet(book, "Person"))
    [(name, email, phone, role)] = _sql(
        db, "SELECT full_name, email, phone, role FROM contact WHERE id = :i", i=sam
    )
    assert (person["Name"], person["E-mail"], person["Phone"], person["Role"]) == (
        name,
        email,
        phone,
        role,
    )
    assert person["Library service"] == "City of Bristol"
    assert person["Partner"] == "Open Book" and person["Pronouns"] == "they/them"
    tags = _sql(
        db,
        "SELECT t.name FROM tag t JOIN contact_tag ct ON ct.tag_id = t.id "
        "WHERE ct.contact_id = :i ORDER BY t.name",
        i=sam,
    )
    assert _sheet(book, "Tags") == tags and len(tags) == 2
    assert _sheet(book, "Lists") == [("Board invitees 2026",)]
    assert _sheet(book, "Named lead roles") == _sql(
        db,
        "SELECT s.nice_name, a.name FROM service_lead l JOIN library_service s "
        "ON s.id = l.service_id JOIN offer_area a ON a.id = l.offer_area_id "
        "WHERE l.contact_id = :i",
        i=sam,
    )
    assert [r[:3] for r in _sheet(book, "Participations")] == [
        ("Reading Friends", "City of Bristol", "Invited")
    ]
    on = _sql(
        db,
        "SELECT subject, notes FROM interaction WHERE contact_id = :i ORDER BY occurred_on",
        i=sam,
    )
    assert [(r[2], r[3]) for r in _sheet(book, "Interactions")] == on
    assert {r[0] for r in on} == {"Kick-off call", "Fwd: Reading Friends evaluation"}, (
        "the e-mail was logged with Sam, its sender"
    )
    assert [r[2] for r in _sheet(book, "Notes naming them")] == ["Board prep"]
    files = _sql(
        db,
        "SELECT d.name, d.size FROM document d JOIN interaction i ON i.id = d.interaction_id "
        "WHERE i.contact_id = :i",
        i=sam,
    )
    assert [(r[2], r[4]) for r in _sheet(book, "Attached files")] == files and files
    history = _sql(
        db,
        "SELECT action, summary FROM audit_event WHERE entity = 'contact' "
        "AND record_id = :i ORDER BY at, id",
        i=sam,
    )
    assert [(r[2], r[3]) for r in _sheet(book, "History")] == history
    assert history[0][0] == "create" and "update" in {a for a, _s in history}


def test_json_says_the_same_and_nothing_is_overwritten_or_written_when_cancelled(
    db: Database, world: World, tmp_path: Path
) -> None:
    sam = _sam(db, world)
    target = tmp_path / "sam.json"
    export_contact_data(db, sam, target, "json")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["contact_id"] == sam and data["name"] == "Sam Reid"
    fields = {row["Field"]: row["Value"] for row in data["Person"]}
    assert fields["E-mail"] == SAM and fields["Record created"].startswith("2026-06-15")
    assert [i["Subject"] for i in data["Interactions"]] == [
        s
        for (s,) in _sql(
            db,
            "SELECT subject FROM interaction WHERE contact_id = :i ORDER BY occurred_on",
            i=sam,
        )
    ]
    assert data["Interactions"][1]["Date"] == "2026-02-03"  # after the e-mail of 15 Jan
    before = target.read_bytes()
    with pytest.raises(FileExistsRefused):
        export_contact_data(db, sam, target, "json")
    assert target.read_bytes() == before
    stopped = tmp_path / "stopped.xlsx"
    with pytest.raises(Cancelled):
        export_contact_data(db, sam, stopped, "xlsx", progress=lambda done, _all: done < 2)
    assert not stopped.exists()
    with pytest.raises(NotFoundError):
        export_contact_data(db, 987_654, tmp_path / "nobody.json", "json")
    assert not (tmp_path / "nobody.json").exists()
