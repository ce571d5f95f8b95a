"""Reminders outside the Today page: Export ▸ Calendar (.ics)… and a calendar file kept up to
date after every change, for Outlook or any calendar to subscribe to.

``install(window)`` registers ``export.calendar`` and ``export.keep_calendar`` (placed by
``menu_layout``). The kept file's path is a setting (``KEPT_CALENDAR``); each change
broadcast restarts a short timer, and the file is rewritten (atomically, ``core.ical``) once
the changes stop, so a bulk edit writes it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.gui.announce import announce
from brokerdesk.gui.settings import KEPT_CALENDAR

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate
KEEP_DELAY_MS = 1_000  # after the last change of a burst


@dataclass
class CalendarActions:
    export: QAction
    keep: QAction
    timer: QTimer


def choose_calendar_file(parent: QWidget, title: str) -> Path | None:
    """Ask where the calendar goes (tests replace this); ``.ics`` is added when missing."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, "BrokerDesk reminders.ics", translate("Calendar", "iCalendar (*.ics)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".ics" else path.with_name(path.name + ".ics")


def write_to(window: MainWindow, path: Path, *, quiet: bool = False) -> bool:
    """Write the calendar; say how many events went where (or why nothing was written)."""
    from brokerdesk.core.ical import write_calendar

    try:
        count = write_calendar(window.ctx.db, path)
    except BrokerDeskError as exc:
        window.ctx.report_error(
            translate("Calendar", "The calendar was not written: {0}").format(exc)
        )
        return False
    if not quiet:
        text = translate("Calendar", "{0} reminders written to {1}.").format(count, path)
        window.ctx.notify(text)
        announce(window, text)
    return True


def install(window: MainWindow) -> CalendarActions:
    settings = window.ctx.settings
    export = QAction(translate("Calendar", "&Calendar (.ics)…"), window)
    export.setObjectName("export-calendar")
    export.setToolTip(
        translate("Calendar", "Follow-ups, renewals and deliverables as an iCalendar file")
    )

    def export_now() -> None:
        path = choose_calendar_file(window, translate("Calendar", "Export calendar"))
        if path is not None:
            write_to(window, path)

    export.triggered.connect(export_now)
    window.register_action("export.calendar", export)

    keep = QAction(translate("Calendar", "&Keep a calendar file up to date…"), window)
    keep.setObjectName("export-keep-calendar")
    keep.setCheckable(True)
    keep.setChecked(bool(settings.get(KEPT_CALENDAR)))
    keep.setToolTip(
        translate(
            "Calendar",
            "Rewrite a chosen .ics file after every change, for a calendar to subscribe to",
        )
    )
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(KEEP_DELAY_MS)

    def rewrite() -> None:
        kept = settings.get(KEPT_CALENDAR)
        if kept:
            write_to(window, Path(kept), quiet=True)

    def toggled(on: bool) -> None:
        if not on:
            settings.set(KEPT_CALENDAR, "")
            window.ctx.notify(translate("Calendar", "The calendar file is no longer kept."))
            return
        path = choose_calendar_file(window, translate("Calendar", "Keep a calendar file"))
        if path is None or not write_to(window, path):
            keep.blockSignals(True)
            keep.setChecked(False)
            keep.blockSignals(False)
            return
        settings.set(KEPT_CALENDAR, str(path))

    keep.toggled.connect(toggled)
    timer.timeout.connect(rewrite)
    window.ctx.changes.changed.connect(
        lambda _entities: settings.get(KEPT_CALENDAR) and timer.start()
    )
    window.register_action("export.keep_calendar", keep)
    return CalendarActions(export, keep, timer)
