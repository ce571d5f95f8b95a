"""The real branch files: names only (libraries_uk_schema) and the ACE 2023 dataset."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select

from brokerdesk.core.db import Database
from brokerdesk.core.importing import (
    IMPORTERS,
    ImportOptions,
    open_spreadsheet,
    preview,
    run_import,
    suggest_mapping,
)
from brokerdesk.core.models import Branch, LibraryService


def _expected_codes(shared_data: Path) -> dict[str, str]:
    """Official name -> GSS code, straight from the published authorities file."""
    with (shared_data / "authorities" / "library_authorities.csv").open(encoding="utf-8") as h:
        return {" ".join(r["name"].split()): r["code"] for r in csv.DictReader(h)}


def test_names_only_file_matches_every_row_to_the_right_service(
    db: Database, services: dict[str, int], shared_data: Path
) -> None:
    path = shared_data / "branches" / "libraries_uk_schema.csv"
    source = open_spreadsheet(path)
    headers = source.sheet().headers
    mapping = suggest_mapping(IMPORTERS["branches"].targets, headers)
    assert mapping["Local authority"] == "service"
    plans = preview(db, source, "branches", mapping, limit=10_000).plans
    assert len(plans) == 4231
    expected = _expected_codes(shared_data)
    with path.open(encoding="utf-8", newline="") as handle:
        authority = {n: r["Local authority"] for n, r in enumerate(csv.DictReader(handle), 2)}
    by_id = {v: k for k, v in services.items()}
    right = wrong = 0
    for plan in plans:
        code = expected[" ".join(authority[plan.row].split())]
        got = plan.values.get("service_id")
        if got is not None and by_id[got] == code:
            right += 1
        elif got is not None:
            wrong += 1
        else:
            assert plan.action == "review", plan.errors  # the rest are listed for review
    assert wrong == 0
    assert right == len(plans), len(plans) - right


def test_ace_branches_import_once_each_even_under_abolished_codes(
    db: Database, services: dict[str, int], shared_data: Path
) -> None:
    path = shared_data / "branches" / "basic-dataset-for-libraries-2023-enhanced.csv"
    source = open_spreadsheet(path)
    mapping = suggest_mapping(IMPORTERS["branches"].targets, source.sheet().headers)
    summary = run_import(db, source, "branches", mapping, ImportOptions())
    assert summary.written and summary.refused == 0
    assert summary.created + summary.skipped == 3539
    with db.read() as session:
        rows = session.execute(
            select(Branch.service_id, Branch.name, Branch.postcode, Branch.address, Branch.uprn)
        ).all()
        somerset = session.scalar(
            select(func.count())
            .select_from(Branch)
            .join(LibraryService)
            .where(LibraryService.gss_code == "E06000066")
        )
        haringey = session.scalar(select(func.count()).where(Branch.name.like("%\u202f%")))
    assert len(rows) == len(set(rows)) == summary.created
    assert somerset == 35  # not 70: the rows repeated under E10000027 are the same branches
    assert haringey == 0
    again = run_import(db, open_spreadsheet(path), "branches", mapping, ImportOptions())
    assert again.created == 0 and again.skipped == 3539  # a second import adds nothing
