"""Likely duplicates found, merged field by field with everything moved, and the merge undone."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.errors import Cancelled
from brokerdesk.core.models import Base
from brokerdesk.core.services import Services, duplicates
from brokerdesk.core.services.duplicates import (
    find_duplicate_contacts,
    find_duplicate_partners,
    merge,
    merge_preview,
    undo_merge,
)
from tests.builders.small_world import World


def _dump(db: Database) -> dict[str, list[Any]]:
    """Every row of every table, without the bookkeeping a move-and-back touches."""
    skip = {"audit_event", "trash_item"}
    bookkeeping = {"updated_at", "version_id"}
    out: dict[str, list[Any]] = {}
    with db.engine.connect() as conn:
        for name in Base.metadata.tables:
            if name in skip:
                continue
            rows = conn.execute(text(f"SELECT * FROM {name}")).mappings()
            out[name] = sorted(
                (tuple(sorted((k, v) for k, v in r.items() if k not in bookkeeping)) for r in rows),
                key=repr,
            )
    return out


def test_finder_pairs_similar_partners_and_contacts(db: Database, world: World) -> None:
    s = Services(db)
    a = s.partners.create(
        {"name": "The Reading Agency", "website": "https://readingagency.org.uk"}
    ).id
    b = s.partners.create({"name": "Reading Agency, The"}).id
    c = s.partners.create({"name": "TRA", "website": "http://www.readingagency.org.uk/x"}).id
    s.partners.create({"name": "BookTrust"})
    pairs = {(p.first_id, p.second_id): p for p in find_duplicate_partners(db)}
    assert pairs[(a, c)].reason == "same website domain" and pairs[(a, c)].score == 100
    assert pairs[(a, b)].reason == "same name but for 'The', 'Ltd' or '&'"
    assert len(pairs) == 2
    x = s.contacts.create({"full_name": "Ann Lee", "email": "ann@x.org", "partner_id": a}).id
    y = s.contacts.create({"full_name": "Anne Lee", "partner_id": a}).id
    s.contacts.create({"full_name": "Ann Lee", "partner_id": c})  # another organisation
    found = [(p.first_id, p.second_id) for p in find_duplicate_contacts(db, threshold=85)]
    assert found == [(x, y)]


def test_merge_moves_everything_and_undo_puts_it_all_back(db: Database, world: World) -> None:
    s = Services(db)
    area = (
        world.offer_areas["reading"]
        if "reading" in world.offer_areas
        else next(iter(world.offer_areas.values()))
    )
    keep = s.partners.create({"name": "RNIB", "tags": ["sight loss"]}).id
    other = s.partners.create(
        {
            "name": "Royal National Institute of Blind People",
            "website": "https://rnib.org.uk",
            "owner": "Priya",
            "tags": ["sight loss", "audio"],
            "offer_area_ids": [area],
        }
    ).id
    contact = s.contacts.create({"full_name": "Ann Lee", "partner_id": other}).id
    shared = s.programmes.create(
        {
            "name": "Talking Books",
            "offer_area_id": area,
            "partners": [(keep, "lead"), (other, "funder")],
        }
    ).id
    own = s.programmes.create(
        {"name": "Audio Club", "offer_area_id": area, "partners": [(other, "lead")]}
    ).id
    s.interactions.create({"occurred_on": "2026-01-05", "subject": "Kick-off", "partner_id": other})
    s.agreements.create({"partner_id": other, "title": "MoU"})
    before = _dump(db)
    with db.read() as session:
        preview = {
            t: (moving, kept) for t, moving, kept in merge_preview(session, "partner", keep, other)
        }
    assert _dump(db) == before  # the preview changes nothing
    # What the merge view promises: the funder role clashes with the lead role (stays), the
    # shared "sight loss" tag is there already, everything else moves or is added.
    assert preview["programme_partner"] == (1, 1)
    assert preview["partner_tag"] == (1, 1)
    assert preview["contact"] == (1, 0)
    assert preview["interaction"] == (1, 0)
    assert preview["agreement"] == (1, 0)
    assert preview["partner_offer_area"] == (1, 0)
    change = merge(db, "partner", keep, other, {"website": "other", "owner": "other"})
    merged = s.partners.get(keep)
    assert merged["name"] == "RNIB" and merged["website"] == "https://rnib.org.uk"
    assert merged["owner"] == "Priya"
    assert sorted(merged["tags"]) == ["audio", "sight loss"]
    assert merged["offer_area_ids"] == [area]
    assert not s.partners.exists(other)
    assert s.contacts.get(contact)["partner_id"] == keep
    assert s.programmes.get(own)["partners"] == [(keep, "lead")]
    assert s.programmes.get(shared)["partners"] == [(keep, "lead")]  # one role per programme
    with db.read() as session:
        moved = session.execute(
            text("SELECT count(*) FROM interaction WHERE partner_id = :p"), {"p": keep}
        ).scalar()
        agreements = session.execute(
            text("SELECT count(*) FROM agreement WHERE partner_id = :p"), {"p": keep}
        ).scalar()
    assert moved == 1 and agreements == 1
    undo_merge(db, change)
    after = _dump(db)
    assert after == before
    assert s.partners.get(keep)["website"] is None
    assert s.partners.get(other)["owner"] == "Priya"


def test_contact_merge_moves_local_contacts_and_interactions(db: Database, world: World) -> None:
    s = Services(db)
    area = next(iter(world.offer_areas.values()))
    bristol = world.services["E06000023"]
    keep = s.contacts.create({"full_name": "Ann Lee", "service_id": bristol}).id
    other = s.contacts.create(
        {"full_name": "Anne Lee", "email": "ann@bristol.gov.uk", "service_id": bristol}
    ).id
    programme = s.programmes.create({"name": "Reading Friends", "offer_area_id": area}).id
    link = s.participations.create(
        {"programme_id": programme, "service_id": bristol, "local_contact_id": other}
    ).id
    talk = s.interactions.create(
        {"occurred_on": "2026-02-01", "subject": "Call", "service_id": bristol, "contact_id": other}
    ).id
    before = _dump(db)
    change = merge(db, "contact", keep, other, {"email": "other"})
    assert s.contacts.get(keep)["email"] == "ann@bristol.gov.uk"
    assert s.participations.get(link)["local_contact_id"] == keep
    assert s.interactions.get(talk)["contact_id"] == keep
    assert find_duplicate_contacts(db) == []
    undo_merge(db, change)
    assert _dump(db) == before
    assert s.participations.get(link)["local_contact_id"] == other


def _partners_with_similar_names(db: Database) -> None:
    s = Services(db)
    for stem in ("Reading", "Sight", "Health", "Digital", "Poetry"):
        for suffix in ("Trust", "Trust UK", "Foundation", "Foundation Ltd", "Society"):
            s.partners.create({"name": f"{stem} Friends {suffix}"})


def test_finding_in_small_chunks_finds_exactly_the_same_pairs(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _partners_with_similar_names(db)
    whole = find_duplicate_partners(db, threshold=80)
    assert len(whole) > 10
    monkeypatch.setattr(duplicates, "CHUNK", 3)  # 25 names in 9 chunks, each pair once
    assert find_duplicate_partners(db, threshold=80) == whole


def test_the_finder_reports_progress_and_stops_when_asked(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _partners_with_similar_names(db)
    monkeypatch.setattr(duplicates, "CHUNK", 10)
    seen: list[tuple[int, int]] = []
    find_duplicate_partners(db, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(10, 25), (20, 25), (25, 25)]
    asked: list[int] = []
    with pytest.raises(Cancelled):
        find_duplicate_partners(db, progress=lambda done, _total: asked.append(done) or False)
    assert asked == [10], "stopped after the first chunk"


def test_names_in_other_scripts_or_only_symbols_are_not_taken_for_duplicates(
    db: Database, world: World
) -> None:
    s = Services(db)
    for name in ("📚", "🎭", "読書協会", "Книжный клуб", "Σύλλογος Βιβλίων", "مكتبة الشارقة"):
        s.partners.create({"name": name})
    s.partners.create({"name": "Книжный Клуб"})
    pairs = [(p.first_label, p.second_label) for p in find_duplicate_partners(db)]
    # Only the two spellings of one Russian name; the emoji and the other scripts are apart.
    assert pairs == [("Книжный клуб", "Книжный Клуб")], pairs
