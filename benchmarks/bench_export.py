"""Partner summary PDFs at scale 1: one partner (goal < 300 ms) and all 600 (goal < 60 s).

The PDFs are tagged PDF/UA-1 documents laid out by Typst; all 600 are laid out in
worker processes (one per core, ``brokerdesk.reports.parallel``), as ``brokerdesk export
partners --format pdf`` does. The floor, measured in the same run, writes the same content
(the same gathered summary, as the tables behind the XLSX) to a plain text file; the
difference is what layout and PDF writing cost. Typst remembers work it has done, so a summary
is timed once per partner: the nine partners around the median size ("typical") and the nine
largest, each laid out for the first time. Run:
``python benchmarks/bench_export.py [--scale N] [--repeat N] [--processes N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ms, scale_database, summary, time_call
from brokerdesk.core.db import Database
from brokerdesk.core.exporting import (
    PartnerSummary,
    export_partner_summaries,
    gather_partner_summary,
)
from brokerdesk.core.exporting.tables import plain_text, summary_tables
from brokerdesk.reports import write_partner_summary_pdf
from brokerdesk.reports.parallel import default_processes, export_partner_pdfs

ONE_GOAL_S = 0.300
ALL_GOAL_S = 60.0


def write_text(summary: PartnerSummary, path: Path, *, overwrite: bool = False) -> Path:
    """The floor: the same summary written as plain text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plain_text(summary_tables(summary)), encoding="utf-8")
    return path


def partners_by_size(db: Database) -> list[tuple[int, int]]:
    """(partner id, participations in its programmes), fewest first."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT p.id, COUNT(pa.id) FROM partner p "
            "LEFT JOIN programme_partner pp ON pp.partner_id = p.id "
            "LEFT JOIN participation pa ON pa.programme_id = pp.programme_id "
            "GROUP BY p.id ORDER BY COUNT(pa.id), p.id"
        )
        return [(int(i), int(n)) for i, n in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--processes", type=int, default=default_processes())
    args = parser.parse_args()
    db = scale_database(args.scale)
    sizes = partners_by_size(db)
    typical_id, typical_n = sizes[len(sizes) // 2]
    largest_id, largest_n = sizes[-1]
    print(
        f"Scale {args.scale:g}: {len(sizes)} partners; typical partner #{typical_id} "
        f"({typical_n} participations), largest #{largest_id} ({largest_n})."
    )

    middle = len(sizes) // 2
    groups = {
        "typical": [pid for pid, _ in sizes[middle - args.repeat // 2 :][: args.repeat]],
        "largest": [pid for pid, _ in sizes[-args.repeat :]],
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_partner_summary_pdf(gather_partner_summary(db, sizes[0][0]), folder / "warm.pdf")
        for label, partner_ids in groups.items():
            pdf_times = [
                time_call(
                    lambda pid=pid: write_partner_summary_pdf(
                        gather_partner_summary(db, pid), folder / f"{pid}.pdf"
                    )
                )
                for pid in partner_ids
            ]
            text_times = [
                time_call(
                    lambda pid=pid: write_text(
                        gather_partner_summary(db, pid), folder / f"{pid}.txt"
                    )
                )
                for pid in partner_ids
            ]
            gather_times = [
                time_call(lambda pid=pid: gather_partner_summary(db, pid)) for pid in partner_ids
            ]
            print(summary(f"one PDF, {label}", pdf_times))
            print(summary("  floor: plain text", text_times))
            print(summary("  of which gathering", gather_times))
            median = statistics.median(pdf_times)
            verdict = "meets" if median < ONE_GOAL_S else "MISSES"
            print(
                f"  {verdict} the {ms(ONE_GOAL_S)} goal; "
                f"{median / statistics.median(text_times):.1f}x the floor"
            )

        started = time.perf_counter()
        result = export_partner_pdfs(db, folder / "pdf", processes=args.processes)
        all_pdf = time.perf_counter() - started
        started = time.perf_counter()
        export_partner_summaries(db, folder / "txt", "xlsx", write_text)  # names only: .xlsx
        all_text = time.perf_counter() - started
        count = len(result.files)
        print(
            f"all {count} partners as PDF in {args.processes} processes: {all_pdf:.1f} s "
            f"({all_pdf / count * 1000:.0f} ms each); floor (plain text): {all_text:.1f} s; "
            f"{'meets' if all_pdf < ALL_GOAL_S else 'MISSES'} the {ALL_GOAL_S:.0f} s goal; "
            f"{all_pdf / all_text:.1f}x the floor"
        )
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
