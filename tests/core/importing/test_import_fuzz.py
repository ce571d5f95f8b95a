"""Generated and corrupted CSV/XLSX files through every importer: a sentence, never a crash.

A refused or failed file must leave every table exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.importing import (
    IMPORTERS,
    KINDS,
    ImportOptions,
    open_spreadsheet,
    run_import,
    suggest_mapping,
)
from brokerdesk.core.models import Base
from brokerdesk.core.services import Services
from tests.builders import small_world

CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "Bristol",
            "E06000023",
            "Hull",
            "Cardif",
            "yes",
            "N",
            "2026-02-30",
            "01/04/2026",
            "-5",
            "12",
            "1e99",
            "mailto:a@b.org",
            "a@b",
            "CafÃ©",
            " \u200b ",
            "signed up",
            "Royal National Institute",
            "meeting",
            "x" * 300,
            "=1+2",
            '"',
            "\r\n",
            ";",
            "\t",
        ]
    ),
    st.text(max_size=12),
)
HEADERS = st.lists(
    st.sampled_from(
        [
            "Name",
            "Library service",
            "GSS code",
            "Email",
            "Stage",
            "Reach",
            "Date",
            "Subject",
            "Offer area",
            "Partner",
            "Starts",
            "Ends",
            "Member",
            "Website",
            "Notes",
            "Library name",
            "Programme",
            "Type",
            "Kind",
            "Phone",
            "Statutory",
            "Year opened",
            "",
        ]
    ),
    min_size=1,
    max_size=7,
)


def _dump(db: Database) -> dict[str, list[Any]]:
    with db.engine.connect() as conn:
        return {
            t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}"))), key=repr)
            for t in Base.metadata.tables
        }


@st.composite
def spreadsheets(draw: st.DrawFn) -> tuple[str, list[str], list[list[str]], bytes | None]:
    headers = draw(HEADERS)
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=len(headers) + 1), max_size=6))
    fmt = draw(st.sampled_from(["csv", "csv-cp1252", "xlsx", "corrupt"]))
    noise = draw(st.binary(min_size=1, max_size=40)) if fmt == "corrupt" else None
    return fmt, headers, rows, noise


def _write(
    folder: Path, fmt: str, headers: list[str], rows: list[list[str]], noise: bytes | None
) -> Path:
    if fmt == "xlsx":
        path = folder / "f.xlsx"
        book = xlsxwriter.Workbook(path, {"strings_to_formulas": False})
        sheet = book.add_worksheet()
        for r, row in enumerate([headers, *rows]):
            for c, value in enumerate(row):
                sheet.write_string(r, c, value)
        book.close()
        return path
    body = "\r\n".join(
        ",".join('"' + c.replace('"', '""') + '"' for c in row) for row in [headers, *rows]
    )
    path = folder / "f.csv"
    data = body.encode("cp1252", errors="replace") if fmt == "csv-cp1252" else body.encode()
    if noise is not None:  # cut the file somewhere and splice bytes in
        cut = len(data) // 2
        data = data[:cut] + noise + data[cut:]
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def fuzz_world(tmp_path_factory: pytest.TempPathFactory, migrated_file: Path) -> tuple[Path, int]:
    """The small world and a programme, built once; each example imports into a copy of it.

    Building it took most of each example's time (migrating, then the world's rows), and the
    importers see the same file either way."""
    path = tmp_path_factory.mktemp("fuzz-world") / "world.sqlite3"
    shutil.copyfile(migrated_file, path)
    db = open_database(path, user_name="fuzz")
    try:
        world = small_world.build(db)
        programme = (
            Services(db)
            .programmes.create(
                {"name": "Fuzz", "offer_area_id": next(iter(world.offer_areas.values()))}
            )
            .id
        )
    finally:
        db.dispose()
    return path, programme


@pytest.mark.slow  # 60 generated files: 10-20 s
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(KINDS),
    sheet=spreadsheets(),
    skip=st.booleans(),
    on_match=st.sampled_from(["skip", "update", "create", None]),
)
def test_no_traceback_and_a_refused_file_changes_nothing(
    fuzz_world: tuple[Path, int],
    kind: str,
    sheet: tuple[str, list[str], list[list[str]], bytes | None],
    skip: bool,
    on_match: str | None,
) -> None:
    world_file, programme = fuzz_world
    with tempfile.TemporaryDirectory() as folder:
        shutil.copyfile(world_file, Path(folder) / "fuzz.sqlite3")
        db = open_database(Path(folder) / "fuzz.sqlite3", user_name="fuzz")
        try:
            before = _dump(db)
            path = _write(Path(folder), *sheet)
            options = ImportOptions(on_match=on_match, skip_invalid=skip, programme_id=programme)
            try:
                source = open_spreadsheet(path)
                mapping = suggest_mapping(IMPORTERS[kind].targets, source.sheet().headers)
                summary = run_import(db, source, kind, mapping, options)
            except BrokerDeskError as exc:
                event(f"refused at once: {type(exc).__name__}")
                assert _dump(db) == before
                return
            event(f"written={summary.written}")
            if not summary.written:
                assert _dump(db) == before
            else:
                assert summary.refused == 0 or skip
        finally:
            db.dispose()
