"""A reminder's sentences in the user's language: "Renewal due: …", "3 days overdue".

The core hands over the facts (``core.reminders.Reminder``: its kind, the record's own words,
the days); the sentences are made here with ``translate()`` so lupdate files them in the
catalogue, with plural forms where a number is counted (``%n``, Qt's numerus form). The
command line and the calendar keep the core's English sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from brokerdesk.core.reminders import Reminder

translate = QCoreApplication.translate


def counted(text: str, n: int) -> str:
    """A numerus text as shown: a catalogue gives its own plural forms; the English source,
    shown when no catalogue is loaded, has its "(s)" made into the right English form."""
    return text.replace("(s)", "" if n == 1 else "s")


def what(item: Reminder) -> str:
    """What is due, as the Today page says it."""
    subject = item.subject
    if item.kind == "follow_up":
        return translate("Reminders", "Follow up: {0}").format(subject)
    if item.kind == "renewal":
        return translate("Reminders", "Renewal due: {0}").format(subject)
    if item.kind == "notice":
        return translate("Reminders", "Last day to give notice: {0}").format(subject)
    if item.kind == "agreement_end":
        return translate("Reminders", "Agreement ends: {0}").format(subject)
    if item.kind == "deliverable":
        if item.deliverable_kind == "report":
            return translate("Reminders", "Report due: {0}").format(subject)
        if item.deliverable_kind == "milestone":
            return translate("Reminders", "Milestone due: {0}").format(subject)
        if item.deliverable_kind == "payment":
            return translate("Reminders", "Payment due: {0}").format(subject)
        return translate("Reminders", "Deliverable due: {0}").format(subject)
    if item.kind == "contact":
        if item.days_since is None:
            return translate("Reminders", "Never contacted")
        n = item.days_since
        return counted(
            translate("Reminders", "Not contacted for %n day(s) (every {0})", None, n), n
        ).format(item.every_days)
    return item.what  # a kind of date added to the core since: its English words


def when(item: Reminder) -> str:
    """How far off: "today", "3 days overdue", "in 5 days"."""
    days = item.days_overdue
    if days == 0:
        return translate("Reminders", "today")
    if days > 0:
        return counted(translate("Reminders", "%n day(s) overdue", None, days), days)
    return counted(translate("Reminders", "in %n day(s)", None, -days), -days)
