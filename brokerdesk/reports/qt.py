"""The least Qt a report needs: a QGuiApplication, offscreen when there is no screen.

Reports are drawn with QtGui (text layout, fonts, QPainter, QPdfWriter), which needs a
QGuiApplication but never widgets. Inside the desktop app the QApplication already exists
and is reused; on the command line, in tests and in the benchmark we create a headless one.
"""

from __future__ import annotations

import ctypes
import os
import sys

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QFont, QGuiApplication

# Tried in order; the first installed one is used, so a summary looks alike on every OS.
FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]

_app: QGuiApplication | None = None
_none_guarded = False


def guard_none_refcount() -> bool:
    """Work around PySide6 calls that drop a reference to None (seen with 6.12.0 on 3.11).

    Every call of a method returning void then takes one reference from ``None``; after a
    few thousand calls (a batch of summaries makes millions) CPython aborts with "deallocating
    None". From Python 3.12 None is immortal and this does nothing. On older Pythons, when a
    probe shows the leak, None's count is raised once by 2**40, out of reach of any run.
    Returns True when the guard was applied. Pinning a PySide6 without the bug is the real fix.
    """
    global _none_guarded
    if _none_guarded or sys.version_info >= (3, 12):
        return False
    probe = QPointF()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setX(0.0)
    if sys.getrefcount(None) >= before:
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _none_guarded = True
    return True


def ensure_gui_application() -> QCoreApplication:
    """Return the running Qt application, creating an offscreen QGuiApplication if needed."""
    global _app  # one per process, as Qt requires; kept so it is not garbage-collected
    guard_none_refcount()
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
