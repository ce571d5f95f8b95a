"""Sheets as the team receives them (tests/core/importing/data/messy, made by messy_corpus.py):
accepted as received, loose values read right, nothing lost without a word, and a refused
file leaves the database exactly as it was."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.importing import (
    IMPORTERS,
    ImportOptions,
    open_spreadsheet,
    run_import,
    suggest_mapping,
)
from brokerdesk.core.models import Contact, LibraryService, Participation, Partner, Programme
from brokerdesk.core.reference.load import initialise
from brokerdesk.core.services import Services
from tests.core.importing.messy_corpus import PROGRAMME, SIGN_UP_HEADERS, TITLE, TYPOS
from tests.hostile.harness import fingerprint

DATA = Path(__file__).parent / "data" / "messy"


@pytest.fixture
def programme(db: Database) -> int:
    initialise(db)
    services = Services(db)
    area = services.offer_areas.all()[0]["id"]
    return int(services.programmes.create({"name": PROGRAMME, "offer_area_id": area}).ids[0])


def _file(db: Database) -> Path:
    assert db.path is not None
    return db.path


def _mapping(source_path: Path) -> tuple[object, dict[str, str]]:
    source = open_spreadsheet(source_path)
    targets = IMPORTERS["participations"].targets
    return source, suggest_mapping(targets, source.sheet().headers)


def _linked(db: Database) -> dict[str, tuple[str, int | None, str | None]]:
    """Service short name -> (stage, reach, notes) of every participation."""
    with db.read() as session:
        rows = session.execute(
            select(
                LibraryService.nice_name,
                Participation.stage,
                Participation.reach,
                Participation.notes,
            ).join(LibraryService, LibraryService.id == Participation.service_id)
        )
        return {name: (stage, reach, notes) for name, stage, reach, notes in rows}


def test_the_programme_sheet_imports_nine_rows_in_ten_with_the_right_stage_and_reach(
    db: Database, programme: int
) -> None:
    source, mapping = _mapping(DATA / "programme-sheet.csv")
    assert mapping == {
        "Authority": "service",
        "Project": "programme",
        "Status": "stage",
        "Participants": "reach",
        "Comments": "notes",
    }
    summary = run_import(db, source, "participations", mapping, ImportOptions(skip_invalid=True))  # type: ignore[arg-type]
    assert summary.written
    with (DATA / "programme-sheet-expected.csv").open(encoding="utf-8", newline="") as handle:
        expected = list(csv.DictReader(handle))
    linked = _linked(db)
    right = [
        e
        for e in expected
        if e["Stage"]
        and e["Service"] in linked
        and linked[e["Service"]][:2] == (e["Stage"], int(e["Reach"]) if e["Reach"] else None)
    ]
    assert len(right) / len(expected) >= 0.9, [e for e in expected if e not in right]
    assert len(right) == len([e for e in expected if e["Stage"]])  # every readable row
    # The rows a person could not read either are refused, each with its reason in words.
    refused = {r.row: " ".join(r.reasons) for r in summary.refused_rows}
    assert len(refused) == 3
    assert any("'on the fence' is not one of" in why for why in refused.values())
    assert any("'lots' is not a whole number" in why for why in refused.values())
    # What the cell said beyond the value is kept in the notes.
    withdrawn = [notes for stage, _r, notes in linked.values() if stage == "withdrawn" and notes]
    assert any("Stage: withdrawn (funding)" in n for n in withdrawn)
    assert any("People reached: approx 500" in (n or "") for _s, _r, n in linked.values())


@pytest.mark.parametrize("name", ["sign-ups.csv", "sign-ups.xlsx"])
def test_the_sign_up_sheet_is_accepted_as_received_and_nothing_is_lost_without_a_word(
    db: Database, programme: int, name: str
) -> None:
    source, mapping = _mapping(DATA / name)
    header = source.sheet()  # type: ignore[attr-defined]
    assert header.header_line == 4 and header.headers == SIGN_UP_HEADERS
    assert [n for n, _text in header.above] == [1, 2] and header.above[0][1] == TITLE
    options = ImportOptions(programme_id=programme, dry_run=True)
    summary = run_import(db, source, "participations", mapping, options)  # type: ignore[arg-type]
    assert summary.rows == 120 and summary.header_row == 4
    assert summary.not_imported == ["Date signed up"]  # the contact columns make contacts
    assert summary.contacts_created == summary.created  # one new person per service
    assert summary.above_header == header.above
    # Only the misspelt services are held back, each with a reason a person can act on.
    typed = {r.cells.get("service") for r in summary.refused_rows}
    assert typed <= set(TYPOS.values()) and all(r.reasons for r in summary.refused_rows)
    # The resubmitted row (the last but one) is kept; its first row is skipped, saying why.
    notes = [m for _row, m in summary.warnings if "the later row is kept" in m]
    assert any("Stage 'Confirmed' -> 'Active - running'" in m for m in notes)
    assert summary.created + summary.skipped + summary.refused == 120


def test_csv_and_workbook_of_one_sheet_import_the_same(db: Database, programme: int) -> None:
    options = ImportOptions(programme_id=programme, skip_invalid=True, dry_run=True)
    plans = []
    for name in ("sign-ups.csv", "sign-ups.xlsx"):
        source, mapping = _mapping(DATA / name)
        summary = run_import(db, source, "participations", mapping, options)  # type: ignore[arg-type]
        plans.append((summary.created, summary.skipped, summary.refused, summary.warnings))
    assert plans[0] == plans[1]


def test_a_refused_file_leaves_the_database_exactly_as_it_was(db: Database, programme: int) -> None:
    before = fingerprint(_file(db))
    source, mapping = _mapping(DATA / "sign-ups.xlsx")
    options = ImportOptions(programme_id=programme)
    summary = run_import(db, source, "participations", mapping, options)  # type: ignore[arg-type]
    assert summary.refused and not summary.written
    assert fingerprint(_file(db)) == before


def test_the_refused_rows_file_is_fixed_and_imported_again_with_every_column(
    db: Database, programme: int, tmp_path: Path
) -> None:
    source, mapping = _mapping(DATA / "sign-ups.csv")
    options = ImportOptions(programme_id=programme, skip_invalid=True)
    summary = run_import(db, source, "participations", mapping, options)  # type: ignore[arg-type]
    assert summary.written and summary.refused
    # Each row's contact is made, with the phone, and is the participation's local contact.
    with db.read() as session:
        made = session.execute(
            select(Contact.full_name, Contact.email, Contact.phone, LibraryService.nice_name)
            .join(Participation, Participation.local_contact_id == Contact.id)
            .join(LibraryService, LibraryService.id == Contact.service_id)
            .where(Participation.service_id == Contact.service_id)
        ).all()
    assert len(made) == summary.contacts_created == summary.created
    barking = next(m for m in made if m.nice_name == "Barking and Dagenham")
    assert (barking.full_name, barking.email) == ("Fay Price", "fay@barkinganddagenham.gov.uk")
    assert barking.phone and barking.phone.startswith("01")
    report = summary.save_refused_csv(tmp_path / "refused.csv")
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [*SIGN_UP_HEADERS, "Reason"]  # the file's own headers, every column
    assert all(len(r) == len(SIGN_UP_HEADERS) + 1 and r[-1].startswith("Row ") for r in rows[1:])
    assert all(r[4] and r[6] for r in rows[1:])  # contact name and phone, not imported, kept
    # The user corrects the names in the report and imports it as it is.
    right = {typo: name for name, typo in TYPOS.items()}
    fixed = [rows[0]] + [[right.get(r[0], r[0]), *r[1:]] for r in rows[1:]]
    with (tmp_path / "fixed.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(fixed)
    source, mapping = _mapping(tmp_path / "fixed.csv")
    again = run_import(db, source, "participations", mapping, ImportOptions(programme_id=programme))  # type: ignore[arg-type]
    assert again.written and again.created == len(rows) - 1 and again.refused == 0
    assert "Reason" in again.not_imported
    linked = _linked(db)
    for row in fixed[1:]:
        assert row[0] in linked
    with db.read() as session:
        assert session.scalar(select(Programme.id)) == programme


@pytest.mark.both_backends
def test_a_partner_list_keeps_its_owner_its_loose_types_and_its_lead_contacts(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "partners.csv"
    rows = [
        ["Organisation", "Type", "Lead contact", "Owner", "Email", "Phone"],
        ["Northlight Reading Trust", "National charity", "Ann Lee", "Sam", "ann@nl.org", "0117"],
        ["Bright Futures", "Trust / Foundation", "Bo Ray", "Kim", "bo@bf.org", ""],
        ["Page Turners CIC", "CIC", "", "Sam", "", ""],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    source = open_spreadsheet(path)
    mapping = suggest_mapping(IMPORTERS["partners"].targets, source.sheet().headers)
    # The exact header beats an alias: "Owner" is the relationship owner, "Lead contact" a
    # person at the partner.
    assert mapping["Owner"] == "owner" and mapping["Lead contact"] == "contact_name"
    summary = run_import(db, source, "partners", mapping, ImportOptions())
    assert summary.written and summary.created == 3 and summary.not_imported == []
    assert summary.contacts_created == 2
    with db.read() as session:
        partners = {p.name: (p.partner_type, p.owner) for p in session.scalars(select(Partner))}
        people = session.execute(
            select(Contact.full_name, Contact.email, Contact.phone, Partner.name).join(
                Partner, Partner.id == Contact.partner_id
            )
        ).all()
    assert partners == {
        "Northlight Reading Trust": ("charity", "Sam"),
        "Bright Futures": ("funder", "Kim"),
        "Page Turners CIC": ("other", "Sam"),
    }
    assert sorted(people) == [
        ("Ann Lee", "ann@nl.org", "0117", "Northlight Reading Trust"),
        ("Bo Ray", "bo@bf.org", None, "Bright Futures"),
    ]


def test_a_contact_email_that_is_not_one_is_left_out_with_a_note_not_refused(
    db: Database, programme: int, tmp_path: Path
) -> None:
    path = tmp_path / "s.csv"
    rows = [
        ["Library service", "Contact name", "Email", "Phone"],
        ["Bristol", "Ann Lee", "see notes", "0117 000"],
        ["Hull", "", "", "01482 000"],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    source, mapping = _mapping(path)
    options = ImportOptions(programme_id=programme)
    summary = run_import(db, source, "participations", mapping, options)  # type: ignore[arg-type]
    assert summary.written and summary.created == 2 and summary.contacts_created == 1
    notes = summary.warnings
    assert (2, "Contact email 'see notes' is not an email address; not kept.") in notes
    assert (3, "Contact phone '01482 000' has no name or email beside it; not kept.") in notes
    with db.read() as session:
        ann = session.execute(select(Contact.full_name, Contact.email, Contact.phone)).one()
    assert tuple(ann) == ("Ann Lee", None, "0117 000")


def test_every_reason_a_row_is_refused_is_given_at_once(
    db: Database, programme: int, tmp_path: Path
) -> None:
    path = tmp_path / "s.csv"
    rows = [
        ["Library service", "Stage", "Reach", "Starts"],
        ["Nowhere Borough Libraries", "on the fence", "lots", "the 40th of Smarch"],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    source, mapping = _mapping(path)
    summary = run_import(
        db, source, "participations", mapping, ImportOptions(programme_id=programme)
    )  # type: ignore[arg-type]
    [refused] = summary.refused_rows
    reasons = " | ".join(refused.reasons)
    assert "Nowhere Borough Libraries" in reasons  # the service, and also...
    assert "Stage: 'on the fence' is not one of" in reasons
    assert "People reached: 'lots' is not a whole number" in reasons
    assert "Starts: 'the 40th of Smarch' is not a date" in reasons
