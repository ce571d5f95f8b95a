"""Saved e-mails logged as interactions: matched, with people and files, never twice."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, ValidationError
from brokerdesk.core.mail.filing import EmailFiling, website_domain
from brokerdesk.core.mail.message import Person
from brokerdesk.core.mail.reading import read_email
from brokerdesk.core.models import EmailMessage, Interaction
from brokerdesk.core.search.service import SearchService
from brokerdesk.core.services import Services
from brokerdesk.core.services.trash import TrashService
from tests.builders.files import pdf_bytes, write_email

pytestmark = pytest.mark.both_backends

CORPUS = Path(__file__).with_name("mail_corpus")


@pytest.fixture
def team(db: Database) -> dict[str, int]:
    """Two partners: one known by its web address, one by a contact's e-mail address."""
    s = Services(db)
    wales = s.partners.create(
        {"name": "Darllen Cymru", "website": "https://www.readingwales.org.uk/"}
    )
    book = s.partners.create({"name": "Open Book Trust", "website": "openbook.example"})
    sam = s.contacts.create(
        {"full_name": "Sam Reid", "email": "Sam.Reid@openbook.org.uk", "partner_id": book.id}
    )
    return {"wales": wales.id, "book": book.id, "sam": sam.id}


def _interactions(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Interaction)) or 0)


def test_an_email_dropped_on_a_partner_becomes_an_interaction_with_its_files(
    db: Database, team: dict[str, int]
) -> None:
    s = Services(db)
    filing = EmailFiling(db, s.documents)
    email = read_email(CORPUS / "outlook.eml")
    plan = filing.plan(email, ("partner", team["wales"]))
    assert plan.target is not None and plan.target.name == "Darllen Cymru"
    assert [p.address for p in plan.unknown] == [
        "sian.llyr@readingwales.org.uk",
        "partnerships@librariesconnected.example",
        "zoe.obriain@sightline.example",
    ]
    sian = plan.unknown[0]
    change = filing.log(plan, new_contacts=[sian])
    assert change.touched >= {"partner", "document", "contact"}
    got = s.interactions.get(change.id)
    assert (got["kind"], got["occurred_on"], got["subject"], got["partner_id"]) == (
        "email",
        dt.date(2026, 6, 1),
        "Cytundeb newydd – Darllen Cymru",
        team["wales"],
    )
    assert "Dyma’r cytundeb newydd" in got["notes"] and "From: Siân Llŷr" in got["notes"]
    contact = s.contacts.get(got["contact_id"])
    assert (contact["full_name"], contact["email"], contact["partner_id"]) == (
        "Siân Llŷr",
        "sian.llyr@readingwales.org.uk",
        team["wales"],
    )
    [document] = s.documents.documents_of("interaction", change.id)
    assert document.name == "Cytundeb Siân Llŷr.pdf"
    assert s.documents.content(document.id) == pdf_bytes("Cytundeb partneriaeth Darllen Cymru 2026")
    found = SearchService(db).search("partneriaeth")
    assert [(h.entity, h.record_id) for h in found] == [("document", document.id)]


def test_the_same_email_is_recognised_and_not_logged_twice(
    db: Database, team: dict[str, int]
) -> None:
    filing = EmailFiling(db)
    email = read_email(CORPUS / "outlook-received.msg")
    first = filing.log(filing.plan(email, ("partner", team["wales"])))
    again = filing.plan(read_email(CORPUS / "outlook-received.msg"), ("partner", team["wales"]))
    assert again.logged_as == first.id
    with pytest.raises(ValidationError, match="was logged before"):
        filing.log(again)
    assert _interactions(db) == 1


def test_people_are_matched_to_contacts_by_address_whatever_the_case(
    db: Database, team: dict[str, int]
) -> None:
    filing = EmailFiling(db)
    plan = filing.plan(read_email(CORPUS / "thunderbird-forward.eml"))
    assert plan.known == {"sam.reid@openbook.org.uk": (team["sam"], "Sam Reid")}
    assert plan.target is not None and plan.target.name == "Open Book Trust"
    assert plan.why == "Sam Reid is a contact at Open Book Trust"
    change = filing.log(plan)
    assert Services(db).interactions.get(change.id)["contact_id"] == team["sam"]


def test_a_folder_is_planned_then_imported_in_one_go(
    db: Database, team: dict[str, int], tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    shutil.copytree(CORPUS, folder)
    (folder / "holiday.eml").write_bytes(b"not an e-mail at all")
    shutil.copy(CORPUS / "outlook.eml", folder / "outlook.eml copy.eml")
    filing = EmailFiling(db)
    plan = filing.plan_folder(folder)
    where = {p.email.file_name: p.target.name if p.target else None for p in plan.plans}
    assert where["outlook.eml"] == "Darllen Cymru"  # readingwales.org.uk is its web address
    assert where["outlook-received.msg"] == "Darllen Cymru"
    assert where["thunderbird-forward.eml"] == "Open Book Trust"  # Sam is a contact there
    assert where["gmail-html-only.eml"] == "Open Book Trust"  # to Sam; gmail.com says nothing
    assert where["no-date-at-all.eml"] is None
    assert [u.file_name for u in plan.unreadable] == ["holiday.eml"]
    copy = next(p for p in plan.plans if p.email.file_name == "outlook.eml copy.eml")
    assert copy.copy_of == "outlook.eml" and copy not in plan.matched
    result = filing.import_folder(plan.plans)
    assert sorted(f for f, _i in result.logged) == sorted(p.email.file_name for p in plan.matched)
    assert ("no-date-at-all.eml", "no partner or library service chosen") in result.skipped
    assert ("outlook.eml copy.eml", "the same e-mail as outlook.eml") in result.skipped
    logged = len(result.logged)
    assert _interactions(db) == logged
    again = filing.plan_folder(folder)
    assert again.matched == []
    assert filing.import_folder(again.plans).logged == []
    assert _interactions(db) == logged


def test_a_folder_import_that_fails_part_way_writes_nothing(
    db: Database, team: dict[str, int], tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("outlook.eml", "thunderbird-forward.eml"):
        shutil.copy(CORPUS / name, folder / name)
    filing = EmailFiling(db)
    plan = filing.plan_folder(folder)
    Services(db).partners.delete(team["book"])  # the second one's partner goes meanwhile
    with pytest.raises(BrokerDeskError):
        filing.import_folder(plan.plans)
    assert _interactions(db) == 0
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(EmailMessage)) == 0
    assert Services(db).documents.count() == 0


def test_an_attachment_over_the_limit_is_named_in_the_notes_not_kept(
    db: Database, team: dict[str, int]
) -> None:
    s = Services(db)
    s.documents.max_bytes = 100
    filing = EmailFiling(db, s.documents)
    change = filing.log(filing.plan(read_email(CORPUS / "outlook.eml"), ("partner", team["wales"])))
    notes = s.interactions.get(change.id)["notes"]
    assert "Not kept, larger than 100 bytes: Cytundeb Siân Llŷr.pdf (615 bytes)" in notes
    assert s.documents.documents_of("interaction", change.id) == []


def test_deleting_the_interaction_takes_its_files_to_the_trash_and_back(
    db: Database, team: dict[str, int]
) -> None:
    s = Services(db)
    filing = EmailFiling(db, s.documents)
    email = read_email(CORPUS / "outlook.eml")
    change = filing.log(filing.plan(email, ("partner", team["wales"])))
    s.interactions.delete(change.id)
    assert filing.plan(email).logged_as is None  # gone, so it may be logged again
    trash = TrashService(db)
    [entry] = trash.list()
    assert "1 document" in entry.took_with_it
    trash.restore(entry.id)
    [document] = s.documents.documents_of("interaction", change.id)
    assert s.documents.content(document.id) == email.attachments[0].data
    assert filing.plan(email).logged_as == change.id


def test_new_contacts_go_with_a_library_service_when_logged_there(
    db: Database, team: dict[str, int]
) -> None:
    from tests.builders.small_world import build

    world = build(db)
    service = world.services["E06000023"]
    filing = EmailFiling(db)
    plan = filing.plan(read_email(CORPUS / "no-date-bad-charset.eml"), ("library_service", service))
    change = filing.log(plan, [Person("", "partnerships@readingwales.org.uk")])
    got = Services(db).interactions.get(change.id)
    assert got["service_id"] == service and got["occurred_on"] == dt.date(2026, 6, 2)
    contact = Services(db).contacts.get(got["contact_id"])
    assert (contact["full_name"], contact["service_id"]) == ("partnerships", service)


@pytest.mark.parametrize(
    ("website", "domain"),
    [
        ("https://www.rnib.org.uk/about", "rnib.org.uk"),
        ("booktrust.org.uk", "booktrust.org.uk"),
        ("  ", None),
        (None, None),
    ],
)
def test_a_website_gives_its_domain(website: str | None, domain: str | None) -> None:
    assert website_domain(website) == domain


def test_a_new_contact_on_several_emails_of_a_folder_is_made_once_and_logged_on_each(
    db: Database, team: dict[str, int], tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_email(folder, "first", "Summer reading launch", 2)
    write_email(folder, "second", "Launch follow-up", 9)
    filing = EmailFiling(db)
    plan = filing.plan_folder(folder)
    assert [p.target.name if p.target else None for p in plan.plans] == ["Darllen Cymru"] * 2
    gwen = [p for p in plan.plans[0].unknown if p.address == "gwen.parry@readingwales.org.uk"]
    assert gwen and gwen[0].name == "Gwen Parry"
    result = filing.import_folder(plan.plans, gwen)
    [contact_id] = result.new_contacts
    contact = Services(db).contacts.get(contact_id)
    assert (contact["full_name"], contact["partner_id"]) == ("Gwen Parry", team["wales"])
    logged = [Services(db).interactions.get(i) for _f, i in result.logged]
    assert [i["subject"] for i in logged] == ["Summer reading launch", "Launch follow-up"]
    assert [i["contact_id"] for i in logged] == [contact_id, contact_id], (
        "the second e-mail from the new contact is logged with her too"
    )
