"""The series report (issue 19): three yearly rounds side by side, as a tagged PDF, its figures
checked against SQL written here; from the command line too."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.reporting import KINDS, gather
from brokerdesk.core.services import Services
from brokerdesk.reports import write_report_pdf
from tests import cli_process
from tests.builders.small_world import World
from tests.reports.pdf_structure import assert_accessible

ROUNDS = (
    ("2024", ["E06000023", "E08000003"]),
    ("2025", ["E06000023", "E08000012", "W06000015"]),
    ("2026", ["E08000012", "W06000015", "N92000002"]),
)


def three_rounds(db: Database, world: World) -> int:
    s = Services(db)
    series = s.series.create({"name": "Summer Reading Challenge"}).id
    for label, codes in ROUNDS:
        programme = s.programmes.create(
            {
                "name": f"Summer Reading Challenge {label}",
                "offer_area_id": world.offer_areas["reading"],
                "status": "live",
                "series_id": series,
                "round_label": label,
            }
        ).id
        for code in codes:
            s.participations.create(
                {"programme_id": programme, "service_id": world.services[code], "stage": "active"}
            )
    return series


def test_a_series_report_compares_its_rounds_and_matches_sql(
    db: Database, world: World, tmp_path: Path
) -> None:
    assert "series" in KINDS
    series = three_rounds(db, world)
    report = gather(db, "series", series)
    path = write_report_pdf(report, tmp_path / "series.pdf")
    s = assert_accessible(path, report.title)
    assert [t for _, t in s.headings[1:]] == [sec.heading for sec in report.sections]
    with db.engine.connect() as conn:
        per_round = dict(
            conn.execute(
                text(
                    "SELECT r.label, COUNT(DISTINCT pa.service_id) FROM programme_round r "
                    "JOIN participation pa ON pa.programme_id = r.programme_id "
                    "WHERE r.series_id = :s AND pa.stage <> 'withdrawn' GROUP BY r.label"
                ),
                {"s": series},
            ).all()
        )
    assert per_round == {"2024": 2, "2025": 3, "2026": 3}
    flat = " ".join(s.text.split())
    # Round, programme, runs, services, new, lapsed, as the rounds table reads
    assert "2025 Summer Reading Challenge 2025" in flat
    rounds = report.sections[0].blocks[0].table.rows  # type: ignore[attr-defined]
    assert [(r[0], r[3], r[4], r[5]) for r in rounds] == [
        ("2024", 2, 0, 0),
        ("2025", 3, 2, 1),  # Liverpool and Cardiff new; Manchester lapsed
        ("2026", 3, 1, 1),  # LibrariesNI new; Bristol lapsed
    ]
    assert "new: LibrariesNI; lapsed: City of Bristol" in flat


def test_a_series_summary_from_the_command_line(db: Database, world: World, tmp_path: Path) -> None:
    three_rounds(db, world)
    out = tmp_path / "src.pdf"
    done = cli_process.brokerdesk(
        "export", "series-summary", "Summer Reading", "--db", str(db.path), "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
