"""Coverage matrix and gap lists against hand counts and against independent SQL."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import text

from brokerdesk.core import coverage
from brokerdesk.core.coverage import ALL_REGIONS, CoverageFilter
from brokerdesk.core.db import Database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.models import (
    LibraryService,
    OfferArea,
    Participation,
    Programme,
    ProgrammeOfferArea,
)
from tests.builders import small_world

pytestmark = pytest.mark.date_sensitive  # also run under shifted clocks (Makefile)


def add_programme(
    db: Database,
    name: str,
    area_id: int,
    status: str,
    links: dict[int, str],
    *,
    secondary: tuple[int, ...] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> int:
    with db.write() as session:
        programme = Programme(
            name=name, offer_area_id=area_id, status=status, start_date=start, end_date=end
        )
        session.add(programme)
        session.flush()
        for area in secondary:
            session.add(ProgrammeOfferArea(programme_id=programme.id, offer_area_id=area))
        for service_id, stage in links.items():
            session.add(
                Participation(programme_id=programme.id, service_id=service_id, stage=stage)
            )
        return programme.id


@pytest.fixture
def known(db: Database, world: small_world.World) -> small_world.World:
    """Reading (live, also health): Bristol signed up, Manchester active, Liverpool only
    interested, Edinburgh (not a member) active. Digital (an idea): Cardiff active. A second
    reading programme, live but ended on 30 June 2026: Cardiff active."""
    a, s = world.offer_areas, world.services
    add_programme(
        db,
        "Reading Friends",
        a["reading"],
        "live",
        {
            s["E06000023"]: "signed_up",
            s["E08000003"]: "active",
            s["E08000012"]: "interested",
            s["S12000036"]: "active",
        },
        secondary=(a["health_wellbeing"],),
    )
    add_programme(db, "Code Club", a["information_digital"], "idea", {s["W06000015"]: "active"})
    add_programme(
        db,
        "Summer Reads",
        a["reading"],
        "live",
        {s["W06000015"]: "active"},
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 6, 30),
    )
    return world


def test_hand_counted_cells(db: Database, known: small_world.World) -> None:
    matrix = coverage.coverage_matrix(db)
    a = known.offer_areas
    assert matrix.regions == ["North West", "South West", "Wales", "Northern Ireland"]
    assert matrix.cell(a["reading"], ALL_REGIONS).text() == "3/7 (43%)"
    assert matrix.cell(a["reading"], "North West").text() == "1/3 (33%)"
    assert matrix.cell(a["reading"], "Wales").text() == "1/2 (50%)"
    # The secondary area counts too.
    assert matrix.cell(a["health_wellbeing"], ALL_REGIONS).covered == 2
    # An idea does not count by default.
    assert matrix.cell(a["information_digital"], ALL_REGIONS).covered == 0
    assert "Scotland" not in matrix.regions


def test_as_at_date_and_status_filter(db: Database, known: small_world.World) -> None:
    a = known.offer_areas
    today = coverage.coverage_matrix(db, CoverageFilter(as_at=dt.date(2026, 11, 28)))
    assert today.cell(a["reading"], ALL_REGIONS).covered == 2  # Summer Reads has ended
    june = coverage.coverage_matrix(db, CoverageFilter(as_at=dt.date(2026, 6, 1)))
    assert june.cell(a["reading"], "Wales").covered == 1
    ideas = coverage.coverage_matrix(db, CoverageFilter(statuses=("live", "idea")))
    assert ideas.cell(a["information_digital"], "Wales").text() == "1/2 (50%)"


def test_gap_list_names_the_missing_services(db: Database, known: small_world.World) -> None:
    detail = coverage.cell_detail(db, known.offer_areas["reading"], "North West")
    assert [r.name for r in detail.covered] == ["Manchester"]
    assert [r.name for r in detail.missing] == ["Blackburn with Darwen", "Liverpool"]
    everywhere = coverage.cell_detail(db, known.offer_areas["reading"], ALL_REGIONS)
    assert len(everywhere.covered) + len(everywhere.missing) == 7
    assert "City of Edinburgh" not in {r.name for r in everywhere.missing}


def test_offer_area_typed_by_code_or_name(db: Database, known: small_world.World) -> None:
    assert coverage.offer_area_id_for(db, "READING") == known.offer_areas["reading"]
    assert (
        coverage.offer_area_id_for(db, "Health & Wellbeing")
        == known.offer_areas["health_wellbeing"]
    )
    with pytest.raises(ValidationError, match="No offer area called 'Poetry'"):
        coverage.offer_area_id_for(db, "Poetry")


INDEPENDENT_SQL = """
SELECT a.id, s.region, COUNT(DISTINCT s.id)
FROM library_service s
JOIN participation p ON p.service_id = s.id
JOIN programme g ON g.id = p.programme_id
JOIN offer_area a ON a.id = g.offer_area_id
   OR a.id IN (SELECT offer_area_id FROM programme_offer_area WHERE programme_id = g.id)
WHERE s.is_member = 1 AND g.status = 'live' AND p.stage IN ('signed_up', 'active')
  AND (g.start_date IS NULL OR g.start_date <= :day) AND (g.end_date IS NULL OR g.end_date >= :day)
  AND (p.start_date IS NULL OR p.start_date <= :day) AND (p.end_date IS NULL OR p.end_date >= :day)
GROUP BY a.id, s.region
"""
TOTALS_SQL = "SELECT region, COUNT(*) FROM library_service WHERE is_member = 1 GROUP BY region"


def build_random_uk(db: Database, shared_data: Path, seed: int = 7) -> None:
    """All 208 real library authorities and 40 random programmes with participations."""
    authorities = json.loads(
        (shared_data / "authorities" / "library_authorities.json").read_text("utf-8")
    )
    rng = random.Random(seed)
    stages = ("invited", "interested", "signed_up", "active", "completed", "withdrawn")
    statuses = ("idea", "negotiating", "live", "live", "completed", "cancelled")
    with db.write() as session:
        session.info["audit_disabled"] = True
        areas = []
        for order, name in enumerate(("Reading", "Health", "Digital", "Culture")):
            area = OfferArea(code=name.lower(), name=name, sort_order=order)
            session.add(area)
            session.flush()
            areas.append(area.id)
        services = []
        for entry in authorities:
            service = LibraryService(
                gss_code=entry["code"],
                name=entry["name"],
                nice_name=entry["nice_name"],
                nation=entry["nation"],
                region=entry["region"],
                is_member=entry["nation"] != "Scotland",
            )
            session.add(service)
            session.flush()
            services.append(service.id)
        for n in range(40):
            start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(500))
            programme = Programme(
                name=f"Programme {n}",
                offer_area_id=rng.choice(areas),
                status=rng.choice(statuses),
                start_date=start if rng.random() < 0.7 else None,
                end_date=start + dt.timedelta(days=rng.randrange(60, 700))
                if rng.random() < 0.6
                else None,
            )
            session.add(programme)
            session.flush()
            if rng.random() < 0.3:
                extra = rng.choice([a for a in areas if a != programme.offer_area_id])
                session.add(ProgrammeOfferArea(programme_id=programme.id, offer_area_id=extra))
            for sid in rng.sample(services, rng.randrange(5, 60)):
                session.add(
                    Participation(
                        programme_id=programme.id, service_id=sid, stage=rng.choice(stages)
                    )
                )


@pytest.mark.parametrize("day", [dt.date(2025, 6, 1), dt.date(2026, 3, 1)])
def test_every_cell_matches_independent_sql(db: Database, shared_data: Path, day: dt.date) -> None:
    build_random_uk(db, shared_data)
    matrix = coverage.coverage_matrix(db, CoverageFilter(as_at=day))
    with db.read() as session:
        expected = {(a, r): n for a, r, n in session.execute(text(INDEPENDENT_SQL), {"day": day})}
        totals = dict(session.execute(text(TOTALS_SQL)).all())
    assert sum(totals.values()) == 176  # 153 English, 22 Welsh, LibrariesNI
    assert len(matrix.regions) == 11
    checked = 0
    for area_id, _ in matrix.offer_areas:
        for region in matrix.regions:
            cell = matrix.cell(area_id, region)
            assert (cell.covered, cell.total) == (
                expected.get((area_id, region), 0),
                totals[region],
            )
            checked += cell.covered
        uk = matrix.cell(area_id, ALL_REGIONS)
        assert uk.covered == sum(expected.get((area_id, r), 0) for r in matrix.regions)
    assert checked > 0


def test_export_writes_matrix_and_gap_list(
    db: Database, known: small_world.World, tmp_path: Path
) -> None:
    from brokerdesk.commands.export_coverage import export_coverage

    with db.write() as session:
        session.get(LibraryService, known.services["W06000015"]).nice_name = "=HYPERLINK(1)"
    written = export_coverage(db, tmp_path / "cov.csv", "csv")
    matrix_rows = list(csv.reader(written[0].open(encoding="utf-8")))
    assert matrix_rows[0][:3] == ["Offer area", "North West", "South West"]
    reading = next(r for r in matrix_rows if r[0] == "Reading")
    assert reading[-1] == "3/7 (43%)"
    gaps = list(csv.reader(written[1].open(encoding="utf-8")))
    reading_gaps = [g[2] for g in gaps if g[0] == "Reading"]
    assert reading_gaps == [
        "Blackburn with Darwen",
        "LibrariesNI",
        "Liverpool",
        "Rhondda Cynon Taff",
    ]
    assert "'=HYPERLINK(1)" in {g[2] for g in gaps}


def test_xlsx_export_and_refusal_to_overwrite(
    db: Database, known: small_world.World, tmp_path: Path
) -> None:
    import openpyxl

    from brokerdesk.commands.export_coverage import export_coverage
    from brokerdesk.core.exporting.safety import FileExistsRefused

    target = tmp_path / "coverage.xlsx"
    export_coverage(db, target, "xlsx", offer_area_ids=[known.offer_areas["reading"]])
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Coverage", "Gaps"]
    rows = list(book["Coverage"].iter_rows(values_only=True))
    assert rows[1][0] == "Reading" and rows[1][-1] == "3/7 (43%)"
    assert len(rows) == 2  # only the chosen offer area
    before = target.read_bytes()
    with pytest.raises(FileExistsRefused):
        export_coverage(db, target, "xlsx")
    assert target.read_bytes() == before


def test_command_module_parses_and_writes(
    db: Database, known: small_world.World, db_path: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    import argparse
    import json as json_module

    from brokerdesk.commands import export_coverage as command
    from brokerdesk.core.errors import BrokerDeskError

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    coverage_parser = command.register(sub, "coverage")
    coverage_parser.add_argument("--db")  # cli.py adds this
    target = tmp_path / "out.xlsx"
    argv = ["coverage", "--offer-area", "reading", "--format", "xlsx", "-o", str(target)]
    argv += ["--as-at", "2026-11-28", "--json", "--db", str(db_path)]
    args = parser.parse_args(argv)
    assert command.run(args) == 0
    assert json_module.loads(capsys.readouterr().out) == {"files": [str(target)]}
    assert target.exists()
    bad = parser.parse_args(["coverage", "-o", str(tmp_path / "x.csv"), "--as-at", "28/11/2026"])
    with pytest.raises(BrokerDeskError, match="not a date"):
        command.run(bad)
    assert not (tmp_path / "x.csv").exists()
