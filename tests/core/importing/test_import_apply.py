"""Importing as the team does: a sign-up sheet, all or nothing, cancel, update, reports."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from brokerdesk.core.db import Database
from brokerdesk.core.errors import Cancelled
from brokerdesk.core.importing import (
    IMPORTERS,
    ImportOptions,
    MappingStore,
    open_spreadsheet,
    preview,
    run_import,
    suggest_mapping,
)
from brokerdesk.core.models import AuditEvent, Contact, LibraryService, Participation, Partner
from brokerdesk.core.services import Services

SIGN_UPS = [
    "Bristol Libraries",
    "Hull",
    "Rhondda Cynon Taff",
    "Somerset County Council",
    "Caerdydd",
    "Mnachestr",
    "Livrepol",
    "E08000025",
    "Tameside Mbc",
    "St Helens",
]


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _programme(db: Database) -> int:
    s = Services(db)
    area = s.offer_areas.all()[0]["id"]
    return s.programmes.create({"name": "Audio Stories", "offer_area_id": area}).id


def _participations(db: Database) -> list[tuple[int, str]]:
    with db.read() as session:
        rows = session.execute(select(Participation.service_id, Participation.stage))
        return [(sid, stage) for sid, stage in rows]


def _sheet(tmp_path: Path, names: list[str]) -> Path:
    rows = [["Library service", "Contact email", "Notes"]]
    rows += [[n, "", f"signed up {i}"] for i, n in enumerate(names)]
    return _write_csv(tmp_path / "signups.csv", rows)


def test_sign_up_sheet_links_every_service_once_after_review(
    db: Database, services: dict[str, int], tmp_path: Path
) -> None:
    programme = _programme(db)
    source = open_spreadsheet(_sheet(tmp_path, [*SIGN_UPS, "Bristol"]))
    mapping = suggest_mapping(IMPORTERS["participations"].targets, source.sheet().headers)
    assert mapping == {
        "Library service": "service",
        "Contact email": "local_contact",
        "Notes": "notes",
    }
    options = ImportOptions(programme_id=programme, stage="interested")
    shown = preview(db, source, "participations", mapping, options)
    reviews = {p.review.text: p for p in shown.reviews if p.review}
    assert set(reviews) == {"Mnachestr", "Livrepol"}
    assert reviews["Mnachestr"].review.match.candidates[0].record_id == services["E08000003"]
    refused = run_import(db, source, "participations", mapping, options)
    assert not refused.written and refused.refused == 2
    assert _participations(db) == []  # the whole file waits for the two reviews
    options.resolutions = {p.row: p.review.match.candidates[0].record_id for p in reviews.values()}
    summary = run_import(db, source, "participations", mapping, options)
    assert summary.written
    assert (summary.created, summary.skipped, summary.refused) == (10, 1, 0)
    linked = _participations(db)
    assert {stage for _, stage in linked} == {"interested"}
    assert len({sid for sid, _ in linked}) == len(linked) == 10  # none twice
    for code in ("E06000023", "E06000010", "W06000016", "E06000066", "W06000015", "E08000003"):
        assert (services[code], "interested") in linked


def test_a_refused_row_refuses_the_file_unless_skip_invalid(
    db: Database, services: dict[str, int], tmp_path: Path
) -> None:
    programme = _programme(db)
    path = _write_csv(
        tmp_path / "p.csv",
        [
            ["GSS code", "Reach", "Starts"],
            ["E06000023", "12", "01/04/2026"],
            ["E99999999", "5", ""],
            ["E08000003", "lots", ""],
        ],
    )
    source = open_spreadsheet(path)
    mapping = suggest_mapping(IMPORTERS["participations"].targets, source.sheet().headers)
    options = ImportOptions(programme_id=programme)
    summary = run_import(db, source, "participations", mapping, options)
    assert not summary.written and _participations(db) == []
    reasons = {r.row: " ".join(r.reasons) for r in summary.refused_rows}
    assert "E99999999" in reasons[3] and "not a whole number" in reasons[4]
    report = summary.save_refused_csv(tmp_path / "refused.csv")
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "GSS code,Reach,Starts,Reason" and len(lines) == 3
    assert lines[2].startswith("E08000003,lots,,\"Row 4: People reached: 'lots'")
    options.skip_invalid = True
    partial = run_import(db, source, "participations", mapping, options)
    assert partial.written and (partial.created, partial.refused) == (1, 2)
    assert _participations(db) == [(services["E06000023"], "invited")]


def test_cancel_writes_nothing_and_progress_reaches_the_end(
    db: Database, services: dict[str, int], tmp_path: Path
) -> None:
    rows = [["Name", "Website"]] + [[f"Partner {i}", ""] for i in range(12_000)]
    source = open_spreadsheet(_write_csv(tmp_path / "partners.csv", rows))
    mapping = {"Name": "name", "Website": "website"}
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        run_import(
            db,
            source,
            "partners",
            mapping,
            progress=lambda d, t: seen.append((d, t)),
            cancel=lambda: len(seen) >= 1,
        )
    assert Services(db).partners.count() == 0
    seen.clear()
    summary = run_import(db, source, "partners", mapping, progress=lambda d, t: seen.append((d, t)))
    assert summary.created == 12_000 and seen[-1] == (12_000, 12_000)
    with db.read() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "import")).all()
    assert len(events) == 1 and "12000 created" in events[0].summary
    assert summary.backup is not None and Path(summary.backup).exists()
    Services(db).partners.create({"name": "By hand"})
    with db.engine.connect() as conn:  # stored exactly as a form stores them
        shapes = {
            name: re.sub(r"\d", "9", str(stamp))
            for name, stamp in conn.execute(text("SELECT name, created_at FROM partner"))
        }
    assert set(shapes.values()) == {shapes["By hand"]}


def test_partners_and_contacts_update_on_match_and_keep_zeros(
    db: Database, services: dict[str, int], tmp_path: Path
) -> None:
    Services(db).partners.create(
        {"name": "Royal National Institute of Blind People", "website": "https://www.rnib.org.uk"}
    )
    partners = _write_csv(
        tmp_path / "partners.csv",
        [
            ["Organisation", "Web site", "Notes"],
            ["ROYAL  national institute of blind people", "", "Audio books"],
            ["RNIB", "http://rnib.org.uk/about", "Same domain"],
            ["BookTrust", "booktrust.org.uk", ""],
        ],
    )
    source = open_spreadsheet(partners)
    mapping = suggest_mapping(IMPORTERS["partners"].targets, source.sheet().headers)
    summary = run_import(db, source, "partners", mapping, ImportOptions(on_match="update"))
    assert (summary.created, summary.updated, summary.skipped) == (1, 1, 1)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Partner)) == 2
        rnib = session.scalar(select(Partner).where(Partner.name.like("Royal%")))
        # Both rows are RNIB (by name, by website): the later row is the one kept.
        assert rnib is not None and rnib.notes == "Same domain"
    contacts = _write_csv(
        tmp_path / "contacts.csv",
        [
            ["Full name", "Email address", "Phone", "Organisation", "Council"],
            ["Ann Lee", "mailto:ann@rnib.org.uk", "01234 567890", "RNIB", ""],
            ["Cy Dee", "cy@rnib.org.uk", "", "royal national institute of blind people", ""],
            ["Bo Ray", "bo@bristol.gov.uk", "0117", "", "Bristol City Council"],
        ],
    )
    source = open_spreadsheet(contacts)
    mapping = suggest_mapping(IMPORTERS["contacts"].targets, source.sheet().headers)
    assert mapping["Council"] == "service" and mapping["Organisation"] == "partner"
    first = run_import(db, source, "contacts", mapping)
    assert not first.written  # 'RNIB' is not a partner's name: the whole file waits
    assert "no partner with this name" in first.refused_rows[0].reasons[0]
    with contacts.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle) if r[3] != "RNIB"]
    ann_alone = ["Ann Lee", "mailto:ann@rnib.org.uk", "01234 567890", "", ""]
    source = open_spreadsheet(_write_csv(contacts, [*rows, ann_alone]))
    assert run_import(db, source, "contacts", mapping).created == 3
    again = run_import(db, source, "contacts", mapping)
    assert (again.created, again.skipped) == (0, 3)  # matched by email
    with db.read() as session:
        ann = session.scalar(select(Contact).where(Contact.email == "ann@rnib.org.uk"))
        assert ann is not None and ann.phone == "01234 567890" and ann.partner_id is None
        cy = session.scalar(select(Contact).where(Contact.email == "cy@rnib.org.uk"))
        assert cy is not None and cy.partner_id == rnib.id


def test_library_services_are_updated_never_created(
    db: Database, services: dict[str, int], tmp_path: Path
) -> None:
    path = _write_csv(
        tmp_path / "s.csv",
        [
            ["GSS code", "Email", "Member"],
            ["E06000023", "libraries@bristol.gov.uk", "Y"],
            ["E06000099", "x@example.org", "no"],
        ],
    )
    source = open_spreadsheet(path)
    mapping = suggest_mapping(IMPORTERS["library_services"].targets, source.sheet().headers)
    summary = run_import(db, source, "library_services", mapping)
    assert not summary.written and "E06000099" in summary.refused_rows[0].reasons[0]
    summary = run_import(db, source, "library_services", mapping, ImportOptions(skip_invalid=True))
    assert summary.updated == 1
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(LibraryService)) == 208
        bristol = session.get(LibraryService, services["E06000023"])
        assert bristol is not None and bristol.email == "libraries@bristol.gov.uk"


def test_saved_mapping_is_found_again_for_the_same_headers(tmp_path: Path) -> None:
    store = MappingStore(tmp_path / "config")
    headers = ["Org", "Web"]
    assert store.find("partners", headers) is None
    store.save("partners", headers, {"Org": "name", "Web": "website"})
    assert MappingStore(tmp_path / "config").find("partners", ["Web", "Org"]) == {
        "Org": "name",
        "Web": "website",
    }
    assert store.find("contacts", headers) is None


@pytest.mark.both_backends
@pytest.mark.parametrize("chunk_rows", [3, 5_000])
def test_the_same_service_twice_in_a_sheet_is_linked_once_across_chunks(
    db: Database,
    services: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chunk_rows: int,
) -> None:
    """Rows 2 and 8 (and 3 and 4) name the same services: one of each pair is linked, and the
    warnings say which row was kept. Within a chunk (5,000 rows) the LATER row is kept, since
    a resubmitted row corrects the first; a twin in a later chunk is skipped, its first row
    written already (earlier chunks' keys live in a temporary table, so a 2-million-row file
    does not hold them all in memory)."""
    from brokerdesk.core.importing import readers

    monkeypatch.setattr(readers, "CHUNK_ROWS", chunk_rows)
    programme = _programme(db)
    names = ["Bristol", "Hull", "Hull", "St Helens", "Tameside Mbc", "E08000025", "Bristol"]
    source = open_spreadsheet(_sheet(tmp_path, names))
    mapping = suggest_mapping(IMPORTERS["participations"].targets, source.sheet().headers)
    options = ImportOptions(programme_id=programme, stage="interested")
    summary = run_import(db, source, "participations", mapping, options)
    assert (summary.created, summary.skipped, summary.refused) == (5, 2, 0)
    kept = "the later row is kept."
    notes = "(Notes 'signed up {0}' -> 'signed up {1}')"
    later_3 = (3, f"Row 4 is the same participation later in the file {notes.format(1, 2)}; {kept}")
    later_4 = (4, f"Same participation as row 3, which is skipped: {kept}")
    if chunk_rows == 3:  # rows 2-4, 5-7, 8: row 2 was written before row 8 was read
        assert sorted(summary.warnings) == [
            later_3,
            later_4,
            (8, "Same participation as row 2; skipped."),
        ]
    else:
        assert sorted(summary.warnings) == [
            (2, f"Row 8 is the same participation later in the file {notes.format(0, 6)}; {kept}"),
            later_3,
            later_4,
            (8, f"Same participation as row 2, which is skipped: {kept}"),
        ]
    linked = [sid for sid, _stage in _participations(db)]
    assert len(linked) == len(set(linked)) == 5


def test_an_interaction_with_nobody_is_refused_by_row_not_by_the_database(
    db: Database, services: dict[str, int], tmp_path: Path
) -> None:
    """Row 3 names no partner, service or programme: with --skip-invalid only it is left out;
    without, the file is refused with the row's reason (not a database error)."""
    path = _write_csv(
        tmp_path / "calls.csv",
        [
            ["Date", "Subject", "Library service"],
            ["2026-03-02", "Call about summer reading", "Bristol"],
            ["2026-03-03", "Note to self", ""],
        ],
    )
    source = open_spreadsheet(path)
    mapping = suggest_mapping(IMPORTERS["interactions"].targets, source.sheet().headers)
    refused = run_import(db, source, "interactions", mapping, ImportOptions())
    assert not refused.written and refused.refused == 1
    assert refused.refused_rows[0].row == 3
    assert "partner, a library service or a programme" in refused.refused_rows[0].reasons[0]
    kept = run_import(db, source, "interactions", mapping, ImportOptions(skip_invalid=True))
    assert kept.written and (kept.created, kept.refused) == (1, 1)


def test_cancel_during_the_last_chunk_writes_nothing(
    db: Database, services: dict[str, int], tmp_path: Path
) -> None:
    """A file of one chunk: Cancel pressed while it is planned still writes nothing."""
    programme = _programme(db)
    source = open_spreadsheet(_sheet(tmp_path, ["Bristol", "Hull", "St Helens"]))
    mapping = suggest_mapping(IMPORTERS["participations"].targets, source.sheet().headers)
    asked: list[bool] = []

    def cancel() -> bool:  # not yet at the start of the chunk; pressed by the end of it
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(Cancelled):
        run_import(
            db,
            source,
            "participations",
            mapping,
            ImportOptions(programme_id=programme),
            cancel=cancel,
        )
    assert _participations(db) == []


def test_the_refused_rows_report_cannot_run_a_formula_and_imports_back_as_typed(
    db: Database, tmp_path: Path
) -> None:
    formula = '=HYPERLINK("http://example.invalid","Click")'
    path = _write_csv(
        tmp_path / "partners.csv",
        [["Name", "Type", "Notes"], ["Good Trust", "Charity", ""], [formula, "Nonsense", "-5"]],
    )
    source = open_spreadsheet(path)
    mapping = suggest_mapping(IMPORTERS["partners"].targets, source.sheet().headers)
    summary = run_import(db, source, "partners", mapping, ImportOptions())
    assert not summary.written and [r.row for r in summary.refused_rows] == [3]
    report = summary.save_refused_csv(tmp_path / "refused.csv")
    with report.open(encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    cells = dict(zip(header, row, strict=True))
    # A spreadsheet opening the report shows text, not a live link or a sum.
    assert not any(value.startswith(("=", "+", "-", "@")) for value in cells.values())
    # The user corrects the type in the report and imports it: the name is what was typed.
    cells["Type"] = "Charity"
    fixed = _write_csv(tmp_path / "fixed.csv", [list(cells), list(cells.values())])
    source = open_spreadsheet(fixed)
    mapping = suggest_mapping(IMPORTERS["partners"].targets, source.sheet().headers)
    assert run_import(db, source, "partners", mapping, ImportOptions()).written
    with db.read() as session:
        partner = session.scalars(select(Partner).where(Partner.name == formula)).one()
        assert partner.notes == "-5"


def test_an_import_leaves_python_collecting_garbage_after_it_even_when_cancelled(
    db: Database, tmp_path: Path
) -> None:
    """The import pauses Python's cycle collector while it works (bench_import: 15 % of the
    time); finished, cancelled or refused, the session's memory is looked after again."""
    import gc

    rows = [["Name", "Website"]] + [[f"Partner {i}", ""] for i in range(12_000)]
    source = open_spreadsheet(_write_csv(tmp_path / "partners.csv", rows))
    mapping = {"Name": "name", "Website": "website"}
    asked: list[bool] = []

    def cancel() -> bool:  # pressed while the second chunk is being read
        asked.append(True)
        return len(asked) > 2

    with pytest.raises(Cancelled):
        run_import(db, source, "partners", mapping, cancel=cancel)
    assert Services(db).partners.count() == 0 and gc.isenabled()
    collecting: list[bool] = []  # after each chunk, then at the end
    summary = run_import(
        db, source, "partners", mapping, progress=lambda d, t: collecting.append(gc.isenabled())
    )
    assert summary.created == 12_000 and gc.isenabled()
    assert collecting == [False, False, False, True]  # paused while the chunks were written
    gc.disable()  # a caller that paused it itself finds it still paused
    try:
        run_import(db, source, "partners", mapping, ImportOptions(dry_run=True))
        assert not gc.isenabled()
    finally:
        gc.enable()
