"""The reminders as an iCalendar (``.ics``) file that Outlook or any calendar can subscribe to.

One all-day event per follow-up, renewal, agreement end and deliverable (contact cadence is a
nudge, not an appointment, so it stays in Today), each with a reminder alarm at 9 in the
morning of the day. Every event keeps the same UID from one export to the next
(``Reminder.uid``), so a calendar that re-reads the file updates or drops events instead of
adding them twice. The file is written beside its target and renamed into place, so a
calendar never reads half of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from brokerdesk import __version__
from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.errors import Cancelled
from brokerdesk.core.exporting.safety import atomic_path
from brokerdesk.core.reminders import (
    Reminder,
    agreement_dates,
    deliverables_due,
    follow_ups_due,
    reminders,
)

CALENDAR_KINDS = frozenset({"follow_up", "renewal", "notice", "agreement_end", "deliverable"})
# Only the sources whose items have dates of their own: contact cadence is a nudge, not an event.
CALENDAR_SOURCES = (follow_ups_due, agreement_dates, deliverables_due)
CALENDAR_DAYS = 366  # a calendar looks further ahead than Today does


def calendar_of(items: Sequence[Reminder], stamp: dt.datetime) -> Calendar:
    """An iCalendar of the dated reminders; ``stamp`` is when it was made (DTSTAMP)."""
    cal = Calendar()
    cal.add("prodid", f"-//BrokerDesk {__version__}//Reminders//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "BrokerDesk reminders")
    for item in items:
        if item.kind not in CALENDAR_KINDS:
            continue
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due_on)  # a date: an all-day event
        event.add("dtend", item.due_on + dt.timedelta(days=1))
        event.add("summary", f"{item.what} ({item.about})" if item.about else item.what)
        event.add("description", f"BrokerDesk {item.page_entity} #{item.page_id}")
        event.add("categories", [item.kind.replace("_", " ")])
        event.add("transp", "TRANSPARENT")  # a reminder does not make anyone busy
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.what)
        alarm.add("trigger", dt.timedelta(hours=9), parameters={"RELATED": "START"})
        event.add_component(alarm)
        cal.add_component(event)
    return cal


def write_calendar(
    db: Database,
    target: Path,
    today: dt.date | None = None,
    *,
    proceed: Callable[[], bool] | None = None,
) -> int:
    """Write the reminders' calendar to ``target`` (replacing it); the number of events.

    Args:
        proceed: asked once the reminders are read, before the file is touched; False
            (the user pressed Cancel meanwhile) leaves the old file as it was.

    Raises:
        ExportError: the file cannot be written (the sentence says why).
        Cancelled: ``proceed`` said no; nothing was written.
    """
    day = today or clock.today()
    found = reminders(db, day, CALENDAR_DAYS, CALENDAR_SOURCES)
    items = [r for r in found if r.kind in CALENDAR_KINDS]
    data = calendar_of(items, clock.now().astimezone(dt.UTC)).to_ical()
    if proceed is not None and not proceed():
        raise Cancelled
    with atomic_path(target, overwrite=True) as tmp:
        tmp.write_bytes(data)
    return len(items)
