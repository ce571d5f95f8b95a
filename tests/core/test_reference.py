"""The shipped reference data: every library authority once, the 2023 branches once.

Expected figures are computed here from ``shared/data`` (beside the checkout), independently
of the build; only the tests that need that folder skip when it is absent.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.reference import (
    AuthorityRecord,
    clean_name,
    initialise,
    load_authorities,
    normalise_name,
)
from brokerdesk.core.reference.build import write
from brokerdesk.paths import resource

ACE = Path("branches") / "basic-dataset-for-libraries-2023-enhanced.csv"
OLD_TO_NEW = {"E10000027": "E06000066", "E10000023": "E06000065"}
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u2007"
MOJIBAKE = ("Ã", "â€", "\ufffd", "ï¿½")


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (audit and search index included)."""
    with db.engine.connect() as conn:
        tables = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ).scalars()
        return {t: conn.execute(text(f'SELECT * FROM "{t}" ORDER BY 1')).all() for t in tables}


def _sql(db: Database, sql: str) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One loaded database for the tests that only read it."""
    database = open_database(tmp_path_factory.mktemp("reference") / "x.sqlite3")
    initialise(database)
    yield database
    database.dispose()


@pytest.fixture
def loaded(db: Database) -> Database:
    """A freshly loaded database of the test's own, for the tests that change it."""
    initialise(db)
    return db


def test_every_authority_once_and_scotland_not_a_member(shared_db: Database) -> None:
    rows = _sql(shared_db, "SELECT gss_code, nation, is_member FROM library_service")
    codes = [code for code, _, _ in rows]
    assert len(codes) == len(set(codes)) == 208
    scotland = [member for _, nation, member in rows if nation == "Scotland"]
    assert len(scotland) == 32 and not any(scotland)
    assert all(member for _, nation, member in rows if nation != "Scotland")
    assert ("N92000002", "Northern Ireland", 1) in rows


def test_codes_and_nations_match_the_source(shared_db: Database, shared_data: Path) -> None:
    with (shared_data / "authorities" / "library_authorities.csv").open(encoding="utf-8") as fh:
        expected = {row["code"]: row["nation"] for row in csv.DictReader(fh)}
    assert dict(_sql(shared_db, "SELECT gss_code, nation FROM library_service")) == expected


def _expected_branches(shared_data: Path) -> set[tuple[str, ...]]:
    """ACE rows with abolished county codes moved to their successors, identical rows once."""
    with (shared_data / ACE).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rest = [c for c in reader.fieldnames or [] if not c.startswith("Reporting service")]
        return {
            (
                OLD_TO_NEW.get(r["Reporting service code"], r["Reporting service code"]),
                *(r[c] for c in rest),
            )
            for r in reader
        }


def test_branches_once_under_current_authorities(shared_db: Database, shared_data: Path) -> None:
    expected = _expected_branches(shared_data)
    [(count, keys)] = _sql(shared_db, "SELECT count(*), count(DISTINCT source_key) FROM branch")
    assert count == keys == len(expected) == 3539 - 78
    per_service = dict(
        _sql(
            shared_db,
            "SELECT s.gss_code, count(*) FROM branch b JOIN library_service s "
            "ON s.id = b.service_id GROUP BY s.gss_code",
        )
    )
    assert per_service["E06000066"] == sum(1 for r in expected if r[0] == "E06000066") == 35
    assert per_service["E06000065"] == sum(1 for r in expected if r[0] == "E06000065") == 43
    assert not set(OLD_TO_NEW) & set(per_service)
    assert not _sql(
        shared_db, "SELECT 1 FROM library_service WHERE gss_code IN ('E10000027', 'E10000023')"
    )


def test_names_are_clean(shared_db: Database) -> None:
    names = _sql(
        shared_db,
        "SELECT name FROM branch UNION ALL SELECT address FROM branch WHERE address IS NOT NULL "
        "UNION ALL SELECT name FROM library_service UNION ALL SELECT nice_name FROM "
        "library_service UNION ALL SELECT name FROM service_name_variant "
        "UNION ALL SELECT name FROM former_authority UNION ALL SELECT email FROM "
        "library_service WHERE email IS NOT NULL",
    )
    assert len(names) > 8000
    for (name,) in names:
        assert isinstance(name, str) and name == name.strip() and "  " not in name, name
        assert not any(ch in name for ch in INVISIBLE), repr(name)
        assert not any(marker in name for marker in MOJIBAKE), name


def test_welsh_and_other_names_are_variants(shared_db: Database) -> None:
    variants = {
        (code, name)
        for code, name in _sql(
            shared_db,
            "SELECT s.gss_code, v.name FROM service_name_variant v "
            "JOIN library_service s ON s.id = v.service_id",
        )
    }
    assert ("W06000001", "Ynys Môn") in variants  # ONS Welsh name
    assert ("W06000016", "Rhondda Cynon Taf") in variants  # ONS spelling
    assert ("E06000023", "Bristol, City of") in variants  # ONS boundary name
    assert ("S12000013", "Na h-Eileanan Siar") in variants  # Airtable name
    assert not any(name.casefold() == "ynys mn" for _, name in variants)  # damaged alt-name


def test_former_authorities_point_at_successors(shared_db: Database) -> None:
    successors: dict[str, set[str]] = {}
    for code, successor in _sql(
        shared_db,
        "SELECT f.code, s.gss_code FROM former_authority f "
        "JOIN library_service s ON s.id = f.successor_id",
    ):
        successors.setdefault(str(code), set()).add(str(successor))
    assert successors["E10000027"] == {"E06000066"}  # Somerset County Council
    assert successors["E10000023"] == {"E06000065"}  # North Yorkshire County Council
    assert successors["E10000006"] == {"E06000063", "E06000064"}  # Cumbria, split in two
    assert successors["E10000021"] == {"E06000061", "E06000062"}  # Northamptonshire
    assert successors["E10000009"] == {"E06000059"}  # Dorset County Council
    assert successors["E06000028"] == successors["E06000029"] == {"E06000058"}  # Bmth, Poole
    assert successors["E07000048"] == {"E06000058"}  # Christchurch
    assert successors["E07000187"] == {"E06000066"}  # Mendip district → Somerset
    assert successors["E07000165"] == {"E06000065"}  # Harrogate → North Yorkshire
    assert successors["E07000026"] == {"E06000063"}  # Allerdale → Cumberland
    assert successors["E07000190"] == {"E06000066"}  # Taunton Deane, via SWT, to Somerset
    assert successors["E08000020"] == {"E08000037"}  # Gateshead's earlier code


def test_running_init_again_changes_nothing(loaded: Database) -> None:
    before = _dump(loaded)
    second = initialise(loaded)
    assert not second.changed
    for kind, counts in second.as_dict().items():
        assert counts["created"] == counts["updated"] == counts["removed"] == 0, kind
    assert second.library_services.unchanged == 208
    assert second.offer_areas.unchanged == 6
    assert _dump(loaded) == before


def test_one_summary_audit_event_and_offer_areas(loaded: Database) -> None:
    events = _sql(loaded, "SELECT action, entity, summary FROM audit_event")
    assert len(events) == 1 and events[0][:2] == ("import", "library_service")
    assert str(events[0][2]).startswith("Reference data loaded:")
    areas = _sql(loaded, "SELECT code, kind FROM offer_area ORDER BY sort_order")
    assert [kind for _, kind in areas] == ["offer"] * 4 + ["promise"] * 2


def test_team_edits_survive_a_rerun_and_changes_are_counted(loaded: Database) -> None:
    with loaded.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE library_service SET phone = '0117 000 0000', region = 'X' "
                "WHERE gss_code = 'E06000023'"
            )
        )
        conn.execute(
            text(
                "INSERT INTO service_name_variant (service_id, name, source) "
                "SELECT id, 'Bristol Libraries HQ', 'team' FROM library_service "
                "WHERE gss_code = 'E06000023'"
            )
        )
    report = initialise(loaded)
    assert report.library_services.updated == 1  # the region is reference data: put back
    assert _sql(
        loaded, "SELECT phone, region, version_id FROM library_service WHERE gss_code = 'E06000023'"
    ) == [("0117 000 0000", "South West", 2)]
    assert _sql(loaded, "SELECT 1 FROM service_name_variant WHERE name = 'Bristol Libraries HQ'")


def test_shipped_files_are_what_the_build_makes(shared_data: Path, tmp_path: Path) -> None:
    counts = write(shared_data, tmp_path)
    assert counts["authorities"] == 208 and counts["branches"] == 3461
    for built in sorted(tmp_path.iterdir()):
        assert built.read_bytes() == resource("reference", built.name).read_bytes(), built.name


def test_load_authorities_gives_typed_records() -> None:
    records = load_authorities()
    assert len(records) == 208 and all(isinstance(r, AuthorityRecord) for r in records)
    bristol = next(r for r in records if r.gss_code == "E06000023")
    assert bristol.nice_name == "City of Bristol" and bristol.is_member
    assert {v.source for r in records for v in r.variants} <= {
        "mysociety",
        "airtable",
        "ons",
        "ons_welsh",
    }


def test_name_cleaning_and_matching_keys() -> None:
    assert clean_name("  Hungate Reading CafÃ©\u200b ") == "Hungate Reading Café"
    assert clean_name("Barrâ€™s Cottage") == "Barr’s Cottage"
    assert clean_name("North Somerset  Council\u202f") == "North Somerset Council"
    same = {"Bristol City Council", "City of Bristol", "Bristol, City of", "Bristol Libraries"}
    assert {normalise_name(n) for n in same} == {"bristol"}
    assert normalise_name("Ynys Môn") == "ynys mon"
    assert normalise_name("London Borough of Hammersmith & Fulham") == "hammersmith and fulham"
    assert normalise_name("Telford and Wrekin Council") == "telford and wrekin"
    assert normalise_name("The Vale of Glamorgan") == normalise_name("Vale of Glamorgan Council")
    assert normalise_name("Durham County Council") == normalise_name("County Durham")
    assert normalise_name("Tameside Metropolitan Borough Council") == "tameside"
    assert normalise_name("Somerset Library Service") == "somerset"
    assert normalise_name("City of London") == "city of london"  # nothing else to keep
