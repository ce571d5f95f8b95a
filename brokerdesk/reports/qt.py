"""The least Qt a report needs: a QGuiApplication, offscreen when there is no screen.

Reports are drawn with QtGui (text layout, fonts, QPainter, QPdfWriter), which needs a
QGuiApplication but never widgets. Inside the desktop app the QApplication already exists
and is reused; on the command line, in tests and in the benchmark we create a headless one.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QGuiApplication

# Tried in order; the first installed one is used, so a summary looks alike on every OS.
FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]

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


def report_font(point_size: float, *, bold: bool = False) -> QFont:
    """The report typeface at a size, with sensible fallbacks on every OS."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # No ligatures: "Offer" must stay o-f-f-e-r in the PDF so a reader's search finds it.
    font.setFeature(QFont.Tag("liga"), 0)
    return font
