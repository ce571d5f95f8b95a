"""Reminders outside the Today page: Export ▸ Calendar (.ics)… and a calendar file kept up to
date after every change, for Outlook or any calendar to subscribe to.

``install(window)`` registers ``export.calendar`` and ``export.keep_calendar`` (placed by
``menu_layout``). The kept file's path is a setting (``KEPT_CALENDAR``); each change
broadcast restarts a short timer, and the file is rewritten (atomically, ``core.ical``) once
the changes stop, so a bulk edit writes it once. Every write runs in a worker (an
``Operation``), one kept-file write at a time, so the window never waits for the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from brokerdesk.gui.operations import Operation, OperationRun, plain_sentence
from brokerdesk.gui.settings import KEPT_CALENDAR
from brokerdesk.gui.tasks import Progress

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate
KEEP_DELAY_MS = 1_000  # after the last change of a burst


@dataclass
class CalendarActions:
    export: QAction
    keep: QAction
    timer: QTimer
    kept: KeptCalendar


def choose_calendar_file(parent: QWidget, title: str) -> Path | None:
    """Ask where the calendar goes (tests replace this); ``.ics`` is added when missing."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, "BrokerDesk reminders.ics", translate("Calendar", "iCalendar (*.ics)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".ics" else path.with_name(path.name + ".ics")


def write_to(
    window: MainWindow,
    path: Path,
    *,
    quiet: bool = False,
    then: Callable[[bool], None] | None = None,
) -> OperationRun:
    """Write the calendar in a worker; say how many events went where (or why nothing was
    written), then call ``then`` with whether it was written.

    The window stays usable meanwhile; a write that is not ``quiet`` shows a progress
    dialog with Cancel if it takes a while (Cancel leaves the old file as it was).
    """
    from brokerdesk.core.ical import write_calendar

    db = window.ctx.db
    title = translate("Calendar", "Export calendar")

    def work(progress: Progress) -> int:
        return write_calendar(db, path, proceed=lambda: progress(1, 2, ""))

    def written(count: int) -> None:
        if not quiet:
            text = translate("Calendar", "{0} reminders written to {1}.").format(count, path)
            window.ctx.notify(text)  # the status bar line is announced too
        if then is not None:
            then(True)

    def not_written(text: str) -> None:
        window.ctx.report_error(text)
        if then is not None:
            then(False)

    def cancelled() -> None:
        window.ctx.notify(translate("Calendar", "The calendar was not written (cancelled)."))
        if then is not None:
            then(False)

    return Operation(
        window.ctx,
        window,
        work,
        title=title,
        label=translate("Calendar", "Writing the calendar…"),
        total=2,
        name="calendar-progress",
        accessible_name=translate("Calendar", "Calendar progress"),
        on_success=written,
        on_failure=not_written,
        on_cancel=cancelled,
        sentence=lambda exc: translate("Calendar", "The calendar was not written: {0}").format(
            plain_sentence(title, exc)
        ),
        show_progress=not quiet,
    ).run()


class KeptCalendar:
    """Rewrites the kept calendar file once changes stop, one write at a time: a change that
    arrives while a write is running asks for one more write after it, so an older write
    can never finish last and leave stale reminders in the file."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.writing = False
        self.again = False

    def rewrite(self) -> None:
        kept = self.window.ctx.settings.get(KEPT_CALENDAR)
        if not kept:
            return
        if self.writing:
            self.again = True
            return
        self.writing, self.again = True, False
        write_to(self.window, Path(kept), quiet=True, then=self._written)

    def _written(self, _ok: bool) -> None:
        self.writing = False
        if self.again:
            self.rewrite()


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

    kept = KeptCalendar(window)

    def untick() -> None:
        keep.blockSignals(True)
        keep.setChecked(False)
        keep.blockSignals(False)

    def first_written(path: Path, ok: bool) -> None:
        if ok and keep.isChecked():
            settings.set(KEPT_CALENDAR, str(path))
        elif not ok:
            untick()

    def toggled(on: bool) -> None:
        if not on:
            settings.set(KEPT_CALENDAR, "")
            window.ctx.notify(translate("Calendar", "The calendar file is no longer kept."))
            return
        path = choose_calendar_file(window, translate("Calendar", "Keep a calendar file"))
        if path is None:
            untick()
            return
        write_to(window, path, then=lambda ok: first_written(path, ok))

    keep.toggled.connect(toggled)
    timer.timeout.connect(kept.rewrite)
    window.ctx.changes.changed.connect(
        lambda _entities: settings.get(KEPT_CALENDAR) and timer.start()
    )
    window.register_action("export.keep_calendar", keep)
    return CalendarActions(export, keep, timer, kept)
