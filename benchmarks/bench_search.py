"""Search speed at scale 10: SearchService against the raw FTS5 query (the floor).

Run: ``.venv/bin/python benchmarks/bench_search.py [--scale 10] [--repeat 10]``.

For each of 30 fixed queries (common and rare words, 3-letter substrings, typos) it times
``SearchService.search(query)`` and the single raw SQLite FTS5 statement that answers the
same question on a plain sqlite3 connection: the folded words, quoted, ANDed, first 50 rows
(for a typo, the trigram OR query ranked by bm25). Goal: service p95 within 3x the floor's
p95, and under 50 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ms, percentile, scale_database, summary, time_calls
from brokerdesk.core.search import SearchService
from brokerdesk.core.search.terms import parse, quote

COMMON = [
    "reading",
    "library",
    "meeting",
    "budget",
    "trust",
    "summer",
    "digital",
    "health",
    "renewal",
    "catch-up",
]
RARE = [
    "okafor",
    "abercynon",
    "E06000023",
    "BS1 5TL",
    "wellbeing walks",
    "memory cafe",
    "hartlepool",
    "rhondda",
    "poetry slam",
    "mcallister",
]
SUBSTRINGS = ["cyn", "lib", "sto", "poe", "ahm"]
TYPOS = ["redaing", "libary", "hartlepol", "manchster", "birmingam"]
QUERIES = COMMON + RARE + SUBSTRINGS + TYPOS


def floor_query(conn: sqlite3.Connection, query: str, limit: int) -> list[int]:
    """The raw FTS5 statement answering the same question as the service."""
    terms = parse(query)
    if terms.long_words:
        match = terms.fts_match()
        rows = conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?", (match, limit)
        ).fetchall()
        if rows:
            return [r[0] for r in rows]
    grams = " OR ".join(quote(g) for g in terms.trigrams())
    rows = conn.execute(
        "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
        (f"{{name}} : ({grams})", limit),
    ).fetchall()
    return [r[0] for r in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    db = scale_database(args.scale)
    assert db.path is not None
    service = SearchService(db)
    raw = sqlite3.connect(db.path)
    counts = raw.execute("SELECT count(*) FROM search_index").fetchone()[0]
    print(f"Scale {args.scale:g}: {counts:,} index rows; {len(QUERIES)} queries x {args.repeat}")

    service_times: list[float] = []
    floor_times: list[float] = []
    print(f"{'query':<18}{'hits':>6}{'service p50':>14}{'floor p50':>12}")
    for query in QUERIES:
        s = time_calls(lambda q=query: service.search(q), repeat=args.repeat)
        f = time_calls(lambda q=query: floor_query(raw, q, 50), repeat=args.repeat)
        service_times += s
        floor_times += f
        hits = len(service.search(query))
        print(f"{query:<18}{hits:>6}{ms(percentile(s, 50)):>14}{ms(percentile(f, 50)):>12}")
    print()
    print(summary("SearchService.search", service_times))
    print(summary("raw FTS5 floor", floor_times))
    p95_service = percentile(service_times, 95)
    p95_floor = percentile(floor_times, 95)
    ratio = p95_service / p95_floor if p95_floor else float("inf")
    print(
        f"p95 ratio service/floor: {ratio:.1f}x (goal <= 3x); service p95 {ms(p95_service)} "
        f"(goal < 50 ms)"
    )
    raw.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
