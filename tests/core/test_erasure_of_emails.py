"""Erasing a contact also takes their name and address out of the e-mails logged about them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.mail.filing import EmailFiling
from brokerdesk.core.mail.reading import read_email
from brokerdesk.core.models import (
    AuditEvent,
    Document,
    DocumentContent,
    EmailMessage,
    OfferArea,
    TrashItem,
)
from brokerdesk.core.search.service import SearchService
from brokerdesk.core.services import Services
from brokerdesk.core.services.documents import NewDocument
from brokerdesk.core.services.erasure_scrub import ERASED
from brokerdesk.core.services.personal_data import PersonalDataService
from brokerdesk.core.services.trash import TrashService

pytestmark = pytest.mark.both_backends

CORPUS = Path(__file__).with_name("mail_corpus")
SIAN = "sian.llyr@readingwales.org.uk"
ZOE = "zoe.obriain@sightline.example"


def _history_text(db: Database) -> str:
    with db.read() as session:
        events = session.scalars(select(AuditEvent)).all()
        return " ".join(f"{e.summary} {e.changes}" for e in events)


def _reading(db: Database) -> int:
    with db.write() as session:
        area = OfferArea(code="reading", name="Reading", kind="offer")
        session.add(area)
        session.flush()
        return area.id


def _logged(db: Database, name: str, partner: int, new: list[str] = ()) -> int:  # type: ignore[assignment]
    s = Services(db)
    filing = EmailFiling(db, s.documents)
    plan = filing.plan(read_email(CORPUS / name), ("partner", partner))
    people = [p for p in plan.unknown if p.address in new]
    return filing.log(plan, new_contacts=people).id


def test_erasing_the_sender_scrubs_the_logged_email_its_file_names_and_history(
    db: Database,
) -> None:
    s = Services(db)
    wales = s.partners.create({"name": "Darllen Cymru", "website": "readingwales.org.uk"}).id
    interaction = _logged(db, "outlook.eml", wales, new=[SIAN])
    sian = s.interactions.get(interaction)["contact_id"]
    meeting = s.interactions.create(
        {"occurred_on": "2026-06-02", "subject": "Board", "partner_id": wales, "notes": "Agenda"}
    ).id
    service = PersonalDataService(db)

    plan = service.erasure_plan(sian)
    assert (plan.name, plan.interactions_scrubbed, plan.attachments_renamed) == ("Siân Llŷr", 1, 1)
    assert plan.interactions_unlinked == 1
    service.erase_contact(sian)

    got = s.interactions.get(interaction)
    notes = got["notes"]
    for personal in ("Siân", "Llŷr", SIAN):
        assert personal.lower() not in f"{notes} {got['subject']} {got['by_whom']}".lower()
    assert notes.startswith(f"From: {ERASED}\nTo: Partnerships Team <partnerships@")
    assert f"Cc: Zoë Ó Briain <{ZOE}>" in notes, "the other people on it stay"
    assert notes.endswith(f"Diolch,\n{ERASED}"), "their signature goes too"
    assert "Dyma’r cytundeb newydd" in notes, "what it said stays"
    assert got["by_whom"] == ERASED and got["subject"] == "Cytundeb newydd – Darllen Cymru"
    assert s.interactions.get(meeting)["notes"] == "Agenda"
    [document] = s.documents.documents_of("interaction", interaction)
    assert document.name == f"Cytundeb {ERASED}.pdf"
    with db.read() as session:
        original = session.scalars(select(Document.original_name)).one()
        kept_id = session.scalars(select(EmailMessage.message_id)).one()
    assert original == f"Cytundeb {ERASED}.pdf"
    assert kept_id.startswith("<DB9PR01MB1234ABCD5678@"), "the Message-ID names no one: kept"
    history = _history_text(db)
    for personal in ("Siân", "Llŷr", SIAN):
        assert personal not in history, f"{personal} is still in the history"
    assert "partnerships@librariesconnected.example" in history
    for query in ("Llŷr", "sian.llyr"):
        assert SearchService(db).search(query) == [], f"search still finds {query}"
    with db.read() as session:
        tombstone = session.scalars(select(AuditEvent).where(AuditEvent.action == "erase")).one()
    assert json.loads(tombstone.changes)["interactions_scrubbed"] == 1


def test_a_name_shown_surname_first_and_an_email_in_the_trash_are_scrubbed(
    db: Database,
) -> None:
    s = Services(db)
    sightline = s.partners.create({"name": "Sightline", "website": "sightline.example"}).id
    zoe = s.contacts.create(
        {"full_name": "Zoë Ó Briain", "email": "Zoe.OBriain@sightline.example"}
    ).id
    s.contacts.update(zoe, {"partner_id": sightline})
    belfast = _logged(db, "latin1-quoted-printable.eml", sightline)
    copied = _logged(db, "outlook.eml", sightline)  # Zoë is only copied in on this one
    s.interactions.delete(copied)  # to the Trash, with her name and address inside
    service = PersonalDataService(db)
    assert service.erasure_plan(zoe).interactions_scrubbed == 1  # the Trash's is not counted
    service.erase_contact(zoe)
    got = s.interactions.get(belfast)
    assert got["notes"].startswith(f"From: {ERASED}\nTo: partnerships@")
    assert got["by_whom"] == ERASED
    assert "Briain" not in got["notes"] and "Zoë" not in got["notes"]
    with db.read() as session:
        snapshots = session.scalars(select(TrashItem.snapshot)).all()
    assert len(snapshots) == 1
    assert ZOE not in snapshots[0] and "Ó Briain" not in snapshots[0]
    assert "Siân Llŷr" in snapshots[0], "only the erased person goes"
    [entry] = TrashService(db).list()
    TrashService(db).restore(entry.id)
    assert f"Cc: {ERASED}" in s.interactions.get(copied)["notes"]
    assert ZOE not in _history_text(db)


def test_erasing_reaches_the_text_of_attachments_and_ctrl_k_finds_them_nowhere(
    db: Database,
) -> None:
    """The forwarded e-mail attached to Sam's message names Sam in its own headers: that
    text is kept for Ctrl+K, so the erasure rewrites it and the search finds nothing."""
    s = Services(db)
    openbook = s.partners.create({"name": "Open Book", "website": "openbook.org.uk"}).id
    sam = s.contacts.create({"full_name": "Sam Reid", "email": "sam.reid@openbook.org.uk"}).id
    s.contacts.update(sam, {"partner_id": openbook})
    forwarded = _logged(db, "thunderbird-forward.eml", openbook)
    meeting = s.interactions.create(
        {
            "occurred_on": "2026-06-03",
            "subject": "Catch-up",
            "partner_id": openbook,
            "notes": "Met Sam Reid about the evaluation; Priya joins next time.",
        }
    ).id
    s.documents.add(  # a file kept with the partner that names Sam in its name and text
        "partner",
        openbook,
        [
            NewDocument(
                "Referee Sam Reid.txt",
                b"Referee: Sam Reid, sam.reid@openbook.org.uk, Open Book",
                "text/plain",
                note="From Sam Reid",
            )
        ],
    )
    s.partners.update(openbook, {"notes": "Lead: Sam Reid (sam.reid@openbook.org.uk)."})
    programme = s.programmes.create(
        {
            "name": "Reading Friends",
            "offer_area_id": _reading(db),
            "description": "Evaluation by Sam Reid of Open Book; Sam's notes to follow.",
        }
    ).id
    trashed = _logged(db, "outlook.eml", openbook)  # Sam is not on it: the Trash has no Sam
    s.interactions.delete(trashed)
    search = SearchService(db)
    assert {h.record_id for h in search.search("evaluation")} >= {forwarded}
    before = {(h.entity, h.record_id) for h in search.search("sam.reid")}
    assert ("document", s.documents.documents_of("interaction", forwarded)[0].id) in before

    plan = PersonalDataService(db).erasure_plan(sam)
    assert (plan.interactions_scrubbed, plan.texts_scrubbed, plan.emails_in_trash) == (2, 2, 0)
    assert plan.attachments_renamed == 1, "the referee file's name names Sam"
    assert plan.notes_scrubbed == 2, "the partner's notes and the programme's description"
    PersonalDataService(db).erase_contact(sam)

    for query in ("Sam Reid", "Reid", "sam.reid", "sam.reid@openbook.org.uk"):
        assert search.search(query) == [], f"Ctrl+K still finds {query}"
    with db.read() as session:
        [text] = session.scalars(
            select(DocumentContent.text)
            .join(Document, Document.id == DocumentContent.document_id)
            .where(Document.interaction_id == forwarded)
        ).all()
    assert "To: [erased]" in text and "evaluation@readingfriends.example" in text
    assert "Reid" not in text and "sam.reid" not in text
    assert s.partners.get(openbook)["notes"] == "Lead: [erased] ([erased])."
    assert s.programmes.get(programme)["description"] == (
        "Evaluation by [erased] of Open Book; Sam's notes to follow."
    ), "a first name alone, outside their own e-mails, may be someone else's"
    [referee] = s.documents.documents_of("partner", openbook)
    assert (referee.name, referee.note) == ("Referee [erased].txt", "From [erased]")
    assert s.documents.text_of(referee.id) == "Referee: [erased], [erased], Open Book"
    notes = s.interactions.get(meeting)["notes"]
    assert notes == "Met [erased] about the evaluation; Priya joins next time."
    assert "Reid" not in _history_text(db) and "sam.reid" not in _history_text(db)


def test_the_question_counts_the_emails_in_the_trash_that_name_them(db: Database) -> None:
    s = Services(db)
    sightline = s.partners.create({"name": "Sightline", "website": "sightline.example"}).id
    zoe = s.contacts.create({"full_name": "Zoë Ó Briain", "email": ZOE}).id
    s.interactions.delete(_logged(db, "outlook.eml", sightline))  # she is copied in
    plan = PersonalDataService(db).erasure_plan(zoe)
    assert (plan.interactions_scrubbed, plan.emails_in_trash) == (0, 1)
    PersonalDataService(db).erase_contact(zoe)
    with db.read() as session:
        assert ZOE not in session.scalars(select(TrashItem.snapshot)).one()
