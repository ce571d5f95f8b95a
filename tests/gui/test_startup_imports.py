"""Start-up loads only what the first screen needs: no spreadsheet, PDF or migration code."""

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


def test_opening_the_main_window_loads_no_spreadsheet_or_migration_library(
    tmp_path: Path,
) -> None:
    path = tmp_path / "team.sqlite3"
    open_database(path).dispose()  # migrated once, as after the first start
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(path=str(path))],
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
    assert out.stdout.strip().splitlines()[-1] == "none"
