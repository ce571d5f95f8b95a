"""List views with real widgets (offscreen) on the scale-10 database: what the user waits for.

Run: ``python benchmarks/bench_gui.py [scale] [--entities partner,contact,...] [--own-fields]``

With ``--own-fields`` every kind has ten of the team's own fields (``benchmarks/own_fields.py``),
all ten shown as columns: the first screen reads them, and every one is sorted by too; and the
list is filtered by their values (:data:`OWN_FILTERS`: an amount at least, numbers and dates
between, a date before, text and long text containing), each timed from the filter set to
the first screen, its floor the same raw SQL.

For every list view it times, until the table has its first visible rows' data:
  * keystroke to updated table (search debounce excluded; it is a deliberate 150 ms pause),
  * opening the view (query + first screen),
  * sorting by every column (ascending then descending),
  * Ctrl+End: jumping to the last row,
  * with ``--own-fields``, filtering by an own field's value.
The floor is the raw SQL the list runs for the same operation, on a plain sqlite3 connection:
the first window of ids (and the count, for lists longer than the window), or for Ctrl+End the
last window counted from the end.
Targets: keystroke p95 < 100 ms, open < 250 ms, sort < 300 ms, Ctrl+End < 100 ms; a filter
by an own field's value < 250 ms (choosing a filter asks the list a new question, as opening
it does: the open goal).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import percentile, scale_database

TARGETS = {"keystroke": 100.0, "open": 250.0, "sort": 300.0, "end": 100.0, "filter": 250.0}
# Conditions on the benchmark's own fields (benchmarks/own_fields.py), as the filter keeps them.
OWN_FILTERS: dict[str, dict[str, object]] = {
    "Pledge": {"op": "at_least", "value": "100000.00"},
    "Headcount": {"op": "between", "value": "100", "to": "200"},
    "Review date": {"op": "before", "value": "2025-01-01"},
    "Reference": {"op": "contains", "value": "12"},
    "Notes for board": {"op": "contains", "value": "pilot"},
}
OWN_BETWEEN = {"op": "between", "value": "2025-03-01", "to": "2025-06-30"}
PAUSES: list[float] = []  # gaps between event-loop turns while a long list was busy (ms)
TYPED = "library"  # typed one letter at a time, as a user would


def _first_screen(page, top: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Fetch what the table paints first: ~30 rows of every visible column."""
    model = page.model
    for row in range(top, min(top + 30, model.rowCount())):
        for col in range(model.columnCount()):
            if not page.table.isColumnHidden(col):
                model.data(model.index(row, col))


def _settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait for a long list's background query (the table shows its answer after this)."""
    from PySide6.QtWidgets import QApplication

    last = time.perf_counter()
    while page.model.busy:
        QApplication.processEvents()
        now = time.perf_counter()
        PAUSES.append((now - last) * 1000)  # the window handles input between these
        last = now
        time.sleep(0.001)


def _ms(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _raw(db, statement) -> float:  # type: ignore[no-untyped-def]
    """Run a compiled SELECT on a plain sqlite3 connection; milliseconds."""
    import sqlite3

    sql = str(statement.compile(db.engine, compile_kwargs={"literal_binds": True}))
    conn = sqlite3.connect(db.path)
    try:
        return _ms(lambda: conn.execute(sql).fetchall())
    finally:
        conn.close()


def _floor(db, page, state) -> float:  # type: ignore[no-untyped-def]
    """The raw SQL the list runs for this state: the first ids, and the count when needed."""
    from brokerdesk.gui.models import record_table

    with db.read() as session:
        prefix = page.record_list.ids_query(session, state, limit=record_table.PREFIX + 1)
        took = _raw(db, prefix)
        if page.model.rowCount() > record_table.PREFIX:
            took += _raw(db, page.record_list.count_query(session, state))
    return took


def _tail_floor(db, page, state) -> float:  # type: ignore[no-untyped-def]
    """Ctrl+End's raw SQL: the last window of ids counted from the end."""
    from brokerdesk.gui.models import record_table

    with db.read() as session:
        query = page.record_list.ids_query(session, state, limit=record_table.WINDOW, from_end=True)
        return _raw(db, query)


def _filter_by_own_values(db, page, entity: str, record) -> None:  # type: ignore[no-untyped-def]
    """Each of :data:`OWN_FILTERS` (and a date between two days) set on the list alone."""
    from brokerdesk.core.lists import ListState

    by_label = {f.label: f.key for f in page.record_list.filters if f.kind == "value"}
    asks = [(by_label[label], value) for label, value in OWN_FILTERS.items() if label in by_label]
    if "Review date" in by_label:
        asks.append((by_label["Review date"], OWN_BETWEEN))
    times, floors, worst = [], [], ("", 0.0)
    for _ in range(3):
        for key, value in asks:
            state = ListState(filters={key: value}, sort_key=page.record_list.default_sort)
            state.descending = page.record_list.default_descending
            took = _ms(lambda p=page, s=state: (p.apply_state(s), _settle(p), _first_screen(p)))
            times.append(took)
            floors.append(_floor(db, page, page.current_state()))
            if took > worst[1]:
                worst = (f"{value['op']} on {key}", took)
    page.apply_state(ListState())
    _settle(page)
    record(entity, f"filter (worst {worst[0]})", times, floors)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from brokerdesk.core.lists import ListState
    from brokerdesk.gui.app import create_main_window

    scale = float(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else 10
    only = None
    if "--entities" in sys.argv:
        only = set(sys.argv[sys.argv.index("--entities") + 1].split(","))
    app = QApplication.instance() or QApplication([])
    own_fields = "--own-fields" in sys.argv
    if own_fields:
        from benchmarks.own_fields import own_fields_database

        db = own_fields_database(scale)
    else:
        db = scale_database(scale)
    window = create_main_window(db)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    results: list[tuple[str, str, float, float, int]] = []  # entity, op, p95 ms, floor ms, n

    def record(entity: str, op: str, times: list[float], floors: list[float]) -> None:
        results.append((entity, op, percentile(times, 95), percentile(floors, 95), len(times)))
        print(
            f"{entity:16} {op:22} p95 {percentile(times, 95):8.1f} ms   floor p95 "
            f"{percentile(floors, 95):8.1f} ms  (n={len(times)})",
            flush=True,
        )

    for entity, page in window.lists.items():
        if only and entity not in only:
            continue
        if own_fields:  # the ten own fields' columns shown, as a team that uses them would
            for col, column in enumerate(page.model.columns):
                if column.key.startswith("cf_"):
                    page.table.setColumnHidden(col, False)
        rows = page.model.rowCount()
        # Opening: mark the list stale as a change elsewhere would, then choose it.
        opens, floors = [], []
        for _ in range(5):
            page._stale = True
            window.open_list(next(e for e in window.lists if e != entity))
            app.processEvents()
            page._stale = True
            opens.append(
                _ms(lambda p=page, e=entity: (window.open_list(e), _settle(p), _first_screen(p)))
            )
            floors.append(_floor(db, page, page.current_state()))
        rows = page.model.rowCount()
        record(entity, f"open ({rows:,} rows)", opens, floors)
        # Keystrokes: type a word letter by letter, then delete it again.
        keys, floors = [], []
        texts = [TYPED[:i] for i in range(1, len(TYPED) + 1)]
        for text in texts + texts[-2::-1] + [""]:
            page.search.setText(text)
            page._debounce.stop()
            keys.append(_ms(lambda p=page: (p._apply_state(), _settle(p), _first_screen(p))))
            floors.append(_floor(db, page, page.current_state()))
        record(entity, "keystroke", keys, floors)
        # Sorting by every column, both directions.
        sorts, floors, worst = [], [], ("", 0.0)
        for col, column in enumerate(page.model.columns):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                took = _ms(
                    lambda c=col, o=order, p=page: (
                        p.table.sortByColumn(c, o),
                        _settle(p),
                        _first_screen(p),
                    )
                )
                sorts.append(took)
                state = ListState(
                    sort_key=column.key, descending=order == Qt.SortOrder.DescendingOrder
                )
                floors.append(_floor(db, page, state))
                if took > worst[1]:
                    worst = (column.key, took)
        record(entity, f"sort (worst {worst[0]})", sorts, floors)
        if PAUSES:
            print(
                f"{entity:16} while sorting in the background, longest pause of the window "
                f"{max(PAUSES):.1f} ms over {len(PAUSES):,} event-loop turns",
                flush=True,
            )
            PAUSES.clear()
        page.apply_state(ListState())
        # Ctrl+End.
        ends, floors = [], []
        for _ in range(5):
            page.table.scrollToTop()
            page.model._rows.clear()
            page.table.setFocus()
            ends.append(
                _ms(
                    lambda p=page: (
                        QTest.keyClick(
                            p.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier
                        ),
                        _first_screen(p, max(0, p.model.rowCount() - 30)),
                    )
                )
            )
            floors.append(_tail_floor(db, page, page.current_state()))
        record(entity, "Ctrl+End", ends, floors)
        if own_fields:
            _filter_by_own_values(db, page, entity, record)
        app.processEvents()

    print(
        "\nTargets (p95): keystroke < 100 ms, open < 250 ms, sort < 300 ms, Ctrl+End < 100 ms, "
        "filter by an own field's value < 250 ms"
    )
    missed = 0
    for entity, op, p95, floor, _n in results:
        kind = op.split()[0].replace("Ctrl+End", "end")
        target = TARGETS.get(kind, TARGETS["end"])
        if p95 > target:
            missed += 1
            print(
                f"  MISSED {entity} {op}: {p95:.1f} ms (floor {floor:.1f} ms, target {target:.0f})"
            )
    print(f"{missed} target(s) missed")
    window.ctx.tasks.wait(10_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
