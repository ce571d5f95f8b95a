"""Start-up loads only what the first screen needs: no spreadsheet, PDF or migration code,
and no database layer at all before the window is on screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from brokerdesk.core.db import open_database

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from brokerdesk.gui.app import create_main_window
window = create_main_window({path!r})
window.show()
app.processEvents()
heavy = ("pandas", "numpy", "openpyxl", "xlsxwriter", "python_calamine", "alembic",
         "brokerdesk.reports")
print(",".join(name for name in heavy if name in sys.modules) or "none")
"""


# The command line and the launcher as ``brokerdesk --db X`` runs them, with the worker that
# imports the database layer held back, so what the shown window needed is all that is loaded.
BEFORE_LOADING = """
import sys
from brokerdesk.cli import parse_arguments
args = parse_arguments(["--db", {path!r}])
from brokerdesk.gui.app import ensure_application
app = ensure_application()
from brokerdesk.gui.launcher import Launcher, Preload
Preload.start = lambda self: None
launcher = Launcher()
launcher.start(args.db)
app.processEvents()
shown = [w.objectName() for w in app.topLevelWidgets() if w.isVisible()]
print(shown)
print(",".join(n for n in ("sqlalchemy", "brokerdesk.core.db") if n in sys.modules) or "none")
"""


def _run(code: str, tmp_path: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={  # its own home: the probe's window settings stay in tmp_path
            "QT_QPA_PLATFORM": "offscreen",
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
        },
    )
    return out.stdout.strip().splitlines()


def test_opening_the_main_window_loads_no_spreadsheet_or_migration_library(
    tmp_path: Path,
) -> None:
    path = tmp_path / "team.sqlite3"
    open_database(path).dispose()  # migrated once, as after the first start
    assert _run(PROBE.format(path=str(path)), tmp_path)[-1] == "none"


def test_the_window_is_shown_before_the_database_layer_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite3"
    open_database(path).dispose()
    shown, loaded = _run(BEFORE_LOADING.format(path=str(path)), tmp_path)[-2:]
    assert shown == "['main-window']"
    assert loaded == "none"
