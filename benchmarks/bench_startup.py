"""Process start to main window shown, on the scale-10 database, against a bare QMainWindow.

Run: ``python benchmarks/bench_startup.py [scale] [repeats]``

Each run is a fresh ``python`` process that records the time when the window is first exposed
(its first paint) and exits; the parent measures from spawning it. The floor is the same
Python showing an empty PySide6 ``QMainWindow`` the same way. Goal: within 2.5x the floor.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import percentile, scale_database  # noqa: E402

CHILD = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Exposed(QObject):
    def eventFilter(self, obj, event):
        if event.type() in (QEvent.Type.Expose, QEvent.Type.Paint):
            print(time.time(), flush=True)
            os._exit(0)
        return False

app = QApplication([])
if {bare!r}:
    window = QMainWindow()
else:
    from brokerdesk.gui.app import create_main_window
    from brokerdesk.gui.search_features import install_search_features
    window = create_main_window({db!r})
    install_search_features(window)
window.resize(1280, 800)
watcher = Exposed()
window.installEventFilter(watcher)
window.show()
QTimer.singleShot(0, lambda: (print(time.time(), flush=True), os._exit(0)))
app.exec()
"""


def run_once(db_path: str, bare: bool) -> float:
    code = CHILD.format(root=str(ROOT), bare=bare, db=db_path)
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return (float(out.stdout.split()[0]) - start) * 1000


def main() -> int:
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    db = scale_database(scale)
    path = str(db.path)
    db.dispose()
    run_once(path, True)  # warm the file cache for both
    run_once(path, False)
    bare = [run_once(path, True) for _ in range(repeats)]
    full = [run_once(path, False) for _ in range(repeats)]
    floor, app = percentile(bare, 50), percentile(full, 50)
    print(
        f"bare QMainWindow shown   p50 {floor:7.0f} ms  "
        f"p95 {percentile(bare, 95):7.0f} ms (n={repeats})"
    )
    print(
        f"BrokerDesk window shown  p50 {app:7.0f} ms  "
        f"p95 {percentile(full, 95):7.0f} ms (n={repeats})"
    )
    print(
        f"ratio {app / floor:.2f}x the floor (goal <= 2.5x): "
        f"{'met' if app <= 2.5 * floor else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
