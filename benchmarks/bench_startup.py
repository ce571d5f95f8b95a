"""Process start to main window shown, on the scale-10 database, against a bare QMainWindow.

Run: ``python benchmarks/bench_startup.py [scale] [repeats]``

Each run is a fresh ``python`` process running the real entry point (``brokerdesk --db X``,
as the desktop shortcut does) with an application-wide event filter that records two times:

- **shown**: the main window's first paint (the window at its place, saying what it opens);
- **ready**: the first paint of the Partners table with rows in it, the moment the user can
  work.

The parent measures both from spawning the process. The floor is the same Python showing an
empty PySide6 ``QMainWindow`` the same way. Goal (issue #4): shown within 2.5x the floor.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import CACHE, percentile, scale_database  # noqa: E402

BARE = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class Exposed(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", time.time(), flush=True)
            os._exit(0)
        return False

app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
watcher = Exposed()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

APP = r"""
import os, sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QObject
from brokerdesk.gui.app import ensure_application

class Probe(QObject):
    shown = False

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint:
            return False
        window = obj.window() if obj.isWidgetType() else None
        if window is None or window.objectName() != "main-window":
            return False
        if not self.shown:
            self.shown = True
            print("shown", time.time(), flush=True)
        lists = getattr(window, "lists", None)
        if lists and lists["partner"].model.rowCount() > 0:
            print("ready", time.time(), flush=True)
            os._exit(0)
        return False

app = ensure_application()  # what run_gui does first; it finds this one
probe = Probe()
app.installEventFilter(probe)
from brokerdesk.cli import main
sys.exit(main(["--db", {db!r}]))
"""


def run_once(code: str, env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    marks = dict(line.split() for line in out.stdout.splitlines() if line[:5] in {"shown", "ready"})
    return {name: (float(value) - start) * 1000 for name, value in marks.items()}


def main() -> int:
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    db = scale_database(scale)
    path = str(db.path)
    db.dispose()
    # As installed (pip and the packaged app ship compiled modules): with
    # PYTHONDONTWRITEBYTECODE set, every edited module would otherwise be compiled each run.
    compileall.compile_dir(ROOT / "brokerdesk", quiet=1)
    home = Path(tempfile.mkdtemp(prefix="brokerdesk-bench-home-", dir=CACHE))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "HOME": str(home),  # fresh settings: no remembered window or database
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    app_code = APP.format(root=str(ROOT), db=path)
    # The same start on a database a tenth the size: opening must not grow with the years.
    small = scale_database(1)
    small_code = APP.format(root=str(ROOT), db=str(small.path))
    small.dispose()
    for code in (BARE, app_code, small_code):  # warm the file cache (and make today's backups)
        run_once(code, env)
    bare = [run_once(BARE, env)["shown"] for _ in range(repeats)]
    runs = [run_once(app_code, env) for _ in range(repeats)]
    small_ready = [run_once(small_code, env)["ready"] for _ in range(repeats)]
    shown = [r["shown"] for r in runs]
    ready = [r["ready"] for r in runs]
    floor, first = percentile(bare, 50), percentile(shown, 50)

    def line(label: str, values: list[float]) -> str:
        return (
            f"{label:<34} p50 {percentile(values, 50):6.0f} ms  "
            f"p95 {percentile(values, 95):6.0f} ms (n={repeats})"
        )

    print(f"Scale {scale:g} database: {path} (and scale 1 for comparison)")
    print(line("bare QMainWindow shown (floor)", bare))
    print(line("BrokerDesk window shown", shown))
    print(line("BrokerDesk Partners list filled", ready))
    print(line("  the same on the scale-1 database", small_ready))
    print(
        f"shown: {first / floor:.2f}x the floor (goal <= 2.5x): "
        f"{'met' if first <= 2.5 * floor else 'MISSED'}; "
        f"list filled: {percentile(ready, 50) / floor:.2f}x the floor"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
