"""The shipped reference data: every library authority once, the 2023 branches once."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select, text

from brokerdesk.core.db import Database
from brokerdesk.core.models import Branch, FormerAuthority, LibraryService, ServiceNameVariant
from brokerdesk.core.reference.load import initialise
from brokerdesk.core.reference.names import clean_name, normalise_name


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    tables = ("offer_area", "library_service", "service_name_variant", "former_authority", "branch")
    with db.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in tables}


def test_every_authority_once_with_members_marked(db: Database, shared_data: Path) -> None:
    initialise(db)
    with (shared_data / "authorities" / "library_authorities.csv").open(encoding="utf-8") as fh:
        expected = {row["code"]: row["nation"] for row in csv.DictReader(fh)}
    with db.read() as session:
        rows = session.execute(
            select(LibraryService.gss_code, LibraryService.nation, LibraryService.is_member)
        ).all()
    assert sorted(code for code, _, _ in rows) == sorted(expected)
    assert {code: nation for code, nation, _ in rows} == expected
    assert all(member == (nation != "Scotland") for _, nation, member in rows)
    assert sum(1 for _, nation, _ in rows if nation == "Scotland") == 32


def test_branches_deduplicated_under_current_authorities(db: Database, shared_data: Path) -> None:
    initialise(db)
    path = shared_data / "branches" / "basic-dataset-for-libraries-2023-enhanced.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    old = {"E10000027", "E10000023"}
    expected = sum(1 for r in rows if r["Reporting service code"] not in old)
    with db.read() as session:
        count = session.scalar(select(func.count()).select_from(Branch))
        keys = session.scalar(select(func.count(func.distinct(Branch.source_key))))
        somerset = session.scalar(
            select(func.count())
            .select_from(Branch)
            .join(LibraryService)
            .where(LibraryService.gss_code == "E06000066")
        )
        under_old = session.scalar(
            select(func.count())
            .select_from(Branch)
            .join(LibraryService)
            .where(LibraryService.gss_code.in_(old))
        )
    assert count == keys == expected == 3461
    assert somerset == sum(1 for r in rows if r["Reporting service code"] == "E06000066") == 35
    assert under_old == 0


def test_names_are_clean(db: Database) -> None:
    initialise(db)
    with db.read() as session:
        names = list(session.scalars(select(Branch.name)))
        names += list(session.scalars(select(LibraryService.name)))
        names += list(session.scalars(select(ServiceNameVariant.name)))
    for name in names:
        assert "  " not in name and name == name.strip(), name
        assert not any(ch in name for ch in "\u200b\u00a0\u202f\ufeff"), name
        assert "Ã" not in name and "\ufffd" not in name, name


def test_former_authorities_point_at_successors(db: Database) -> None:
    initialise(db)
    with db.read() as session:
        pairs = session.execute(
            select(FormerAuthority.code, LibraryService.gss_code).join(
                LibraryService, LibraryService.id == FormerAuthority.successor_id
            )
        ).all()
    successors: dict[str, set[str]] = {}
    for code, successor in pairs:
        successors.setdefault(code, set()).add(successor)
    assert successors["E10000027"] == {"E06000066"}  # Somerset County Council → Somerset
    assert successors["E10000023"] == {"E06000065"}  # North Yorkshire
    assert successors["E10000006"] == {"E06000063", "E06000064"}  # Cumbria, split in two
    assert successors["E10000021"] == {"E06000061", "E06000062"}  # Northamptonshire
    assert successors["E06000029"] == {"E06000058"}  # Poole → BCP
    assert successors["E07000190"] == {"E06000066"}  # Taunton Deane, via SWT, to Somerset


def test_running_init_again_changes_nothing(db: Database) -> None:
    first = initialise(db)
    assert first.changed
    before = _dump(db)
    second = initialise(db)
    assert not second.changed
    assert second.library_services.unchanged == 208
    assert _dump(db) == before


def test_team_edits_to_contact_details_survive_a_rerun(db: Database) -> None:
    initialise(db)
    with db.write() as session:
        service = session.scalar(
            select(LibraryService).where(LibraryService.gss_code == "E06000023")
        )
        assert service is not None
        service.phone = "0117 000 0000"
    initialise(db)
    with db.read() as session:
        phone = session.scalar(
            select(LibraryService.phone).where(LibraryService.gss_code == "E06000023")
        )
    assert phone == "0117 000 0000"


def test_name_cleaning_and_matching_keys() -> None:
    assert clean_name("  Hungate Reading CafÃ©\u200b ") == "Hungate Reading Café"
    assert clean_name("Barrâ€™s Cottage") == "Barr’s Cottage"
    assert clean_name("North Somerset  Council") == "North Somerset Council"
    same = {"Bristol City Council", "City of Bristol", "Bristol, City of", "Bristol Libraries"}
    assert {normalise_name(n) for n in same} == {"bristol"}
    assert normalise_name("Ynys Môn") == "ynys mon"
