"""A reminder's sentences in the user's language: "Renewal due: …", "3 days overdue".

The core hands over the facts (``core.reminders.Reminder``: its kind, the record's own words,
the days); the sentences are made here with ``tr()`` so lupdate files them in the catalogue
(context ``ReminderWords``), with plural forms where a number is counted (``%n``, Qt's
numerus form: lupdate marks a text as numerus only when it is given to ``self.tr`` with its
count, hence a QObject). The command line and the calendar keep the core's English.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from brokerdesk.core.reminders import Reminder


def counted(text: str, n: int) -> str:
    """A numerus text as shown: a catalogue gives its own plural forms; the English source,
    shown when no catalogue is loaded, has its "(s)" made into the right English form."""
    return text.replace("(s)", "" if n == 1 else "s")


class ReminderWords(QObject):
    """Puts a reminder into the Today page's words."""

    def what(self, item: Reminder) -> str:
        """What is due, as the Today page says it."""
        subject = item.subject
        if item.kind == "follow_up":
            return self.tr("Follow up: {0}").format(subject)
        if item.kind == "renewal":
            return self.tr("Renewal due: {0}").format(subject)
        if item.kind == "notice":
            return self.tr("Last day to give notice: {0}").format(subject)
        if item.kind == "agreement_end":
            return self.tr("Agreement ends: {0}").format(subject)
        if item.kind == "deliverable":
            if item.deliverable_kind == "report":
                return self.tr("Report due: {0}").format(subject)
            if item.deliverable_kind == "milestone":
                return self.tr("Milestone due: {0}").format(subject)
            if item.deliverable_kind == "payment":
                return self.tr("Payment due: {0}").format(subject)
            return self.tr("Deliverable due: {0}").format(subject)
        if item.kind == "contact":
            if item.days_since is None:
                return self.tr("Never contacted")
            n = item.days_since
            text = counted(self.tr("Not contacted for %n day(s) (every {0})", "", n), n)
            return text.format(item.every_days)
        return item.what  # a kind of date added to the core since: its English words

    def when(self, item: Reminder) -> str:
        """How far off: "today", "3 days overdue", "in 5 days"."""
        days = item.days_overdue
        if days == 0:
            return self.tr("today")
        if days > 0:
            return counted(self.tr("%n day(s) overdue", "", days), days)
        return counted(self.tr("in %n day(s)", "", -days), -days)
