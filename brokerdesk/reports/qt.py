"""The least Qt a report needs: a QGuiApplication, offscreen when there is no screen.

Reports are drawn with QtGui (text layout, fonts, QPainter, QPdfWriter), which needs a
QGuiApplication but never widgets. Inside the desktop app the QApplication already exists
and is reused; on the command line, in tests and in the benchmark we create a headless one.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None


def ensure_gui_application() -> QCoreApplication:
    """Return the running Qt application, creating an offscreen QGuiApplication if needed."""
    global _app  # one per process, as Qt requires; kept so it is not garbage-collected
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1] or ["brokerdesk"])
    return _app
