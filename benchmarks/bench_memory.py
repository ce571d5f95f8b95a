"""Peak memory with the scale-10 database open after visiting every view.

Run: ``python benchmarks/bench_memory.py [scale]``

Opens the main window offscreen, visits every list (and scrolls each to its end, so the
largest id lists and row caches are held), every other navigation page, and a record page,
then reads the peak resident set size (VmHWM). The floor is the same process before the
window is built (Python + PySide6 + SQLAlchemy imported). Target: peak under 400 MB.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import scale_database

TARGET_MB = 400.0


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from brokerdesk.gui.app import create_main_window

    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    app = QApplication.instance() or QApplication([])
    db = scale_database(scale)
    floor = peak_mb()
    window = create_main_window(db)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    for entity, page in window.lists.items():
        window.open_list(entity)
        app.processEvents()
        page.table.scrollToBottom()
        app.processEvents()
        if page.model.rowCount():
            window.open_record(entity, page.model.record_id(0))
            app.processEvents()
    from brokerdesk.gui.main_window import OTHER_PAGE_KEYS

    for key in sorted(OTHER_PAGE_KEYS):
        window.open_list(key)
        app.processEvents()
    window.ctx.tasks.wait(60_000)
    app.processEvents()
    peak = peak_mb()
    print(f"floor (imports + database open) peak RSS {floor:7.1f} MB")
    print(
        f"every view visited              peak RSS {peak:7.1f} MB  (target < {TARGET_MB:.0f} MB: "
        f"{'met' if peak < TARGET_MB else 'MISSED'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
