"""Calendar pop-ups a screen reader can use: named, and saying the whole date chosen.

Qt's calendar is a table of day numbers: its cells read "4", "5" with no month, and the
table itself has no name. Every calendar the app shows goes through ``make_readable``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QCalendarWidget, QTableView

from brokerdesk.gui.announce import announce

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


def spoken_date(calendar: QCalendarWidget) -> str:
    """The chosen day in full, as the user's locale writes it ("Monday 15 June 2026")."""
    return QLocale().toString(calendar.selectedDate(), QLocale.FormatType.LongFormat)


def make_readable(calendar: QCalendarWidget, label: str) -> None:
    """Name ``calendar`` and its grid of days after the field it fills, and announce each
    day the arrow keys move to, with its month and year."""
    calendar.setAccessibleName(translate("Calendar", "{0} calendar").format(label))
    grid = calendar.findChild(QTableView)
    if grid is not None:
        grid.setAccessibleName(translate("Calendar", "Days for {0}").format(label))
    calendar.selectionChanged.connect(
        lambda: announce(calendar, spoken_date(calendar)) if calendar.isVisible() else None
    )
