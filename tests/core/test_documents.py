"""Documents kept with records: stored whole, found by the words inside, limited in size,
renamed, deleted to the Trash and restored, and carried by backups."""

from __future__ import annotations

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.documents.text import DOCX
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.search.service import SearchService
from brokerdesk.core.services import Services
from brokerdesk.core.services.documents import NewDocument
from brokerdesk.core.services.trash import TrashService
from tests.builders.files import docx_bytes, pdf_bytes
from tests.builders.small_world import World

pytestmark = pytest.mark.both_backends

REPORT = pdf_bytes("Evaluation of the Quillfeather reading pilot in Wigan")


def _partner(s: Services, name: str = "Open Book Trust") -> int:
    return s.partners.create({"name": name}).id


def _found(db: Database, query: str) -> list[tuple[str, int, str]]:
    return [(h.entity, h.record_id, h.title) for h in SearchService(db).search(query)]


def test_a_pdf_is_kept_whole_and_found_by_a_word_inside(db: Database) -> None:
    s = Services(db)
    pid = _partner(s)
    change = s.documents.add("partner", pid, [NewDocument("Evaluation 2026.pdf", REPORT)])
    doc = change.id
    assert change.touched == {"partner"}
    [row] = s.documents.documents_of("partner", pid)
    assert (row.name, row.media_type, row.size, row.added_by) == (
        "Evaluation 2026.pdf",
        "application/pdf",
        len(REPORT),
        "tester",
    )
    assert row.has_text
    assert s.documents.content(doc) == REPORT
    assert s.documents.get(doc)["name"] == "Evaluation 2026.pdf"
    hits = SearchService(db).search("quillfeather")
    assert [(h.entity, h.record_id) for h in hits] == [("document", doc)]
    assert "Open Book Trust" in hits[0].subtitle
    assert s.documents.owner_of(doc) == ("partner", pid)


def test_word_and_text_files_are_searchable_and_other_files_kept_by_name(db: Database) -> None:
    s = Services(db)
    pid = _partner(s)
    s.documents.add(
        "partner",
        pid,
        [
            NewDocument("MoU.docx", docx_bytes("Memorandum with Ysgol Caerdydd")),
            NewDocument("minutes.txt", "Budget agreed: £4,000 for Lleisiau".encode()),
            NewDocument("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ],
    )
    assert [e for e, _i, t in _found(db, "caerdydd")] == ["document"]
    assert [t for _e, _i, t in _found(db, "lleisiau")] == ["minutes.txt"]
    assert [t for _e, _i, t in _found(db, "logo")] == ["logo.png"]
    kinds = {r.name: r.media_type for r in s.documents.documents_of("partner", pid)}
    assert kinds["MoU.docx"] == DOCX and kinds["logo.png"] == "image/png"


def test_a_file_over_the_limit_is_refused_in_words_and_nothing_is_kept(db: Database) -> None:
    s = Services(db)
    pid = _partner(s)
    s.documents.max_bytes = 1024
    with pytest.raises(ValidationError) as refused:
        s.documents.add(
            "partner", pid, [NewDocument("small.txt", b"ok"), NewDocument("big.pdf", bytes(3000))]
        )
    assert "“big.pdf” is 3 KB; the largest document BrokerDesk keeps is 1 KB" in str(refused.value)
    assert s.documents.documents_of("partner", pid) == []


def test_rename_is_what_search_finds(db: Database) -> None:
    s = Services(db)
    pid = _partner(s)
    doc = s.documents.add("partner", pid, [NewDocument("scan001.pdf", REPORT)]).id
    s.documents.update(doc, {"name": "Signed MoU 2026.pdf"})
    assert [t for _e, _i, t in _found(db, "signed mou")] == ["Signed MoU 2026.pdf"]
    assert _found(db, "scan001") == []


def test_a_deleted_document_comes_back_from_the_trash_byte_for_byte(db: Database) -> None:
    s = Services(db)
    pid = _partner(s)
    doc = s.documents.add("partner", pid, [NewDocument("Evaluation.pdf", REPORT)]).id
    s.documents.delete(doc)
    assert s.documents.documents_of("partner", pid) == []
    assert _found(db, "quillfeather") == []
    trash = TrashService(db)
    [entry] = trash.list()
    assert (entry.what, entry.label) == ("document", "Evaluation.pdf")
    trash.restore(entry.id)
    assert s.documents.content(doc) == REPORT
    assert [i for _e, i, _t in _found(db, "quillfeather")] == [doc]


def test_a_deleted_partner_takes_its_documents_and_brings_them_back(db: Database) -> None:
    s = Services(db)
    pid = _partner(s)
    doc = s.documents.add("partner", pid, [NewDocument("Evaluation.pdf", REPORT)]).id
    s.partners.delete(pid)
    trash = TrashService(db)
    [entry] = trash.list()
    assert "1 document" in entry.took_with_it
    trash.restore(entry.id)
    assert s.documents.content(doc) == REPORT
    assert s.documents.owner_of(doc) == ("partner", pid)


def test_documents_belong_to_programmes_services_agreements_and_interactions(
    db: Database, world: World
) -> None:
    s = Services(db)
    pid = _partner(s)
    area = next(iter(world.offer_areas.values()))
    owners = [
        ("agreement", s.agreements.create({"partner_id": pid, "title": "MoU"}).id),
        ("library_service", world.services["E06000023"]),
        ("programme", s.programmes.create({"name": "Rhymetime", "offer_area_id": area}).id),
        (
            "interaction",
            s.interactions.create(
                {"kind": "call", "occurred_on": "2026-06-01", "subject": "Call", "partner_id": pid}
            ).id,
        ),
    ]
    for owner, owner_id in owners:
        s.documents.add(owner, owner_id, [NewDocument(f"{owner}.txt", owner.encode())])
        [row] = s.documents.documents_of(owner, owner_id)
        assert row.name == f"{owner}.txt"
