"""Search speed at scale 10: SearchService against raw SQLite FTS5 statements (the floors).

Run: ``.venv/bin/python benchmarks/bench_search.py [--scale 10] [--repeat 10]``.

For each of 30 fixed queries (common and rare words, 3-letter substrings, typos) it times
``SearchService.search(query)`` and two floors on a plain sqlite3 connection:

* first-50 floor (the issue's): the single FTS5 statement for the words, quoted, ANDed, its
  first 50 rows in key order (for a typo with no such rows, the trigram OR query over every
  row, interactions included, ranked by bm25). It finds 50 matches but cannot rank them:
  the first 50 rows in key order are library services and partners whose notes mention the
  word, never the exact name further up.
* ranked floor: the fewest statements any "best 50, names before notes" answer must run:
  every name matching the words among records other than interactions (read in key order up
  to the service's cap of 500 names, since all of them must be seen to rank them), the 50
  newest interactions holding the words, name-or-notes matches of the other records only
  when fewer than 50 names matched, and for a typo (no name, fewer than 10 hits, a longest
  word of four letters or more without digits: the service's rule) the trigram OR query on
  those records' names ranked by bm25 (50 rows). Rows only (key and name), no scoring, no
  titles: the service does strictly more.

Prints one line per query, a table per class of query (p50 and p95 of the service and of
both floors, and the service/floor ratio of p95 and of p50), then the overall figures.
Goal: service p95 within 3x the floor's p95, and under 50 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import ms, percentile, scale_database, summary, time_calls
from brokerdesk.core.search import SearchService
from brokerdesk.core.search.schema import BY_NAME
from brokerdesk.core.search.service import NAME_CAP, WELL_SPELT_HITS
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
CLASSES = {
    "common words": COMMON,
    "rare words": RARE,
    "3-letter subs.": SUBSTRINGS,
    "typos": TYPOS,
}


def floor_query(conn: sqlite3.Connection, query: str, limit: int) -> list[int]:
    """The first-50 floor: one raw FTS5 statement (two for a typo) answering the query."""
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


_NAMES = (BY_NAME["library_service"].low, BY_NAME["branch"].high)  # every kind but interactions
_NOTES = (BY_NAME["interaction"].low, BY_NAME["interaction"].high)
_IN_RANGE = (
    "SELECT rowid, name FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?"
)


def ranked_floor(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[int, str]]:
    """The ranked floor: the rows any "best ``limit``, names before notes" answer must read."""
    terms = parse(query)
    rows: list[tuple[int, str]] = []
    names: list[tuple[int, str]] = []
    if terms.long_words:
        names = conn.execute(
            f"{_IN_RANGE} ORDER BY rowid LIMIT ?", (terms.fts_match("name"), *_NAMES, NAME_CAP)
        ).fetchall()
        notes = conn.execute(
            f"{_IN_RANGE} ORDER BY rowid DESC LIMIT ?", (terms.fts_match(), *_NOTES, limit)
        ).fetchall()
        rows = names + notes
        if len(names) < limit:
            rows += conn.execute(
                f"{_IN_RANGE} ORDER BY rowid LIMIT ?", (terms.fts_match(), *_NAMES, limit)
            ).fetchall()
    longest = max(terms.words, key=len)
    typo_worth_trying = len(longest) >= 4 and not any(c.isdigit() for c in longest)
    if not names and len(rows) < WELL_SPELT_HITS and typo_worth_trying:
        grams = " OR ".join(quote(g) for g in terms.trigrams())
        rows += conn.execute(
            f"{_IN_RANGE} ORDER BY rank LIMIT ?", (f"{{name}} : ({grams})", *_NAMES, limit)
        ).fetchall()
    return rows


def _ratio(service: list[float], floor: list[float], pct: float) -> str:
    bottom = percentile(floor, pct)
    return f"{percentile(service, pct) / bottom:.1f}x" if bottom else "inf"


def _both(values: list[float]) -> str:
    """p50/p95 in milliseconds, e.g. "5.37/9.12 ms"."""
    return f"{percentile(values, 50) * 1000:.2f}/{percentile(values, 95) * 1000:.2f} ms"


def print_classes(times: dict[str, dict[str, list[float]]]) -> None:
    """One row per class: p50/p95 of the service and both floors, service/floor ratios."""
    header = (
        f"{'class':<16}{'service p50/p95':>20}{'first-50 p50/p95':>20}{'ratio p50/p95':>15}"
        f"{'ranked p50/p95':>20}{'ratio p50/p95':>15}"
    )
    print(header)
    for name, t in times.items():
        ratios = {
            key: f"{_ratio(t['service'], t[key], 50)}/{_ratio(t['service'], t[key], 95)}"
            for key in ("first", "ranked")
        }
        print(
            f"{name:<16}{_both(t['service']):>20}{_both(t['first']):>20}{ratios['first']:>15}"
            f"{_both(t['ranked']):>20}{ratios['ranked']:>15}"
        )


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

    times: dict[str, dict[str, list[float]]] = {
        c: {"service": [], "first": [], "ranked": []} for c in CLASSES
    }
    print(f"{'query':<18}{'hits':>6}{'service p50':>14}{'first-50 p50':>14}{'ranked p50':>12}")
    for name, queries in CLASSES.items():
        for query in queries:
            s = time_calls(lambda q=query: service.search(q), repeat=args.repeat)
            f = time_calls(lambda q=query: floor_query(raw, q, 50), repeat=args.repeat)
            r = time_calls(lambda q=query: ranked_floor(raw, q, 50), repeat=args.repeat)
            times[name]["service"] += s
            times[name]["first"] += f
            times[name]["ranked"] += r
            hits = len(service.search(query))
            print(
                f"{query:<18}{hits:>6}{ms(percentile(s, 50)):>14}{ms(percentile(f, 50)):>14}"
                f"{ms(percentile(r, 50)):>12}"
            )
    print()
    print_classes(times)
    print()
    everything = {
        k: [t for c in times.values() for t in c[k]] for k in ("service", "first", "ranked")
    }
    print(summary("SearchService.search", everything["service"]))
    print(summary("first-50 FTS5 floor", everything["first"]))
    print(summary("ranked floor", everything["ranked"]))
    p95_service = percentile(everything["service"], 95)
    for label, key in (("first-50", "first"), ("ranked", "ranked")):
        ratio = _ratio(everything["service"], everything[key], 95)
        print(f"p95 ratio service/{label} floor: {ratio} (goal <= 3x)")
    print(f"service p95 {ms(p95_service)} (goal < 50 ms)")
    raw.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
