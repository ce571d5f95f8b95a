"""A long batch must not abort the interpreter (PySide6 void calls dropping None references)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QPointF
from brokerdesk.reports.qt import ensure_gui_application
ensure_gui_application()
point = QPointF()
for _ in range(200_000):  # as many void calls as a few hundred summaries make
    point.setX(1.0)
print("done")
"""


def test_hundreds_of_thousands_of_qt_calls_after_report_setup_do_not_abort() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "done"
