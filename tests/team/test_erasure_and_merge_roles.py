"""An editor on the team server may merge and erase: the server's grants allow every row a
merge moves and every word an erasure scrubs (the history's words only, never who or when)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.mail.filing import EmailFiling
from brokerdesk.core.mail.reading import read_email
from brokerdesk.core.models import AuditEvent, TrashItem
from brokerdesk.core.services import Services
from brokerdesk.core.services.duplicates import merge, undo_merge
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.core.services.personal_data import PersonalDataService
from brokerdesk.core.team import people
from tests.team.conftest import as_login

CORPUS = Path(__file__).parents[1] / "core" / "mail_corpus"
SIAN = "sian.llyr@readingwales.org.uk"


def test_an_editor_merges_with_own_values_and_erases_a_person_from_logged_emails(
    owner_db: Database, pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    number = Services(owner_db).custom_fields.add("partner", FieldSpec("Charity no.", "text")).id
    editor = new_login("ed")
    people.add_person(owner_db, editor, "editor", password="once-only")
    db = open_database(as_login(pg_migrated_url, editor), user_name=editor)
    try:
        s = Services(db)
        keep = s.partners.create({"name": "Darllen Cymru", "website": "readingwales.org.uk"}).id
        other = s.partners.create({"name": "Darllen Cymru Ltd", f"cf_{number}": "1187654"}).id
        change = merge(db, "partner", keep, other)
        assert s.partners.get(keep)[f"cf_{number}"] == "1187654"
        undo_merge(db, change)
        merge(db, "partner", keep, other)
        filing = EmailFiling(db, s.documents)
        plan = filing.plan(read_email(CORPUS / "outlook.eml"), ("partner", keep))
        logged = filing.log(plan, new_contacts=plan.unknown[:1]).id
        sian = s.interactions.get(logged)["contact_id"]
        again = filing.plan(read_email(CORPUS / "latin1-quoted-printable.eml"), ("partner", keep))
        trashed = filing.log(again).id
        s.interactions.update(trashed, {"notes": f"Forwarded by Siân Llŷr <{SIAN}>"})
        s.interactions.delete(trashed)
        PersonalDataService(db).erase_contact(sian)
        assert SIAN not in s.interactions.get(logged)["notes"]
    finally:
        db.dispose()
    with owner_db.read() as session:
        history = " ".join(e.changes or "" for e in session.scalars(select(AuditEvent)))
        trash = " ".join(session.scalars(select(TrashItem.snapshot)))
    assert SIAN not in history and "Llŷr" not in history
    assert SIAN not in trash and "[erased]" in trash
