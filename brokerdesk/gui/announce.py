"""Say a sentence to the screen reader without moving the user's focus.

What the status bar paints (a record saved, a file exported, how many partners a search
found, which result the search palette has chosen) is never read by a screen reader on its
own: the user would have to go looking for it. Qt 6.8 added announcement events, which
Orca (AT-SPI), NVDA and JAWS (UI Automation notifications) and VoiceOver speak as they
arrive; this module is the one place that sends them, so every sentence is sent the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, text: str, *, urgent: bool = False) -> None:
    """Ask the screen reader to say ``text`` on behalf of ``source`` (a widget on screen).

    A polite announcement waits until the reader has finished what it is saying (counts,
    confirmations); an urgent one interrupts it (errors, which the user must hear now).
    Without an assistive technology running, Qt drops the event at once.
    """
    sentence = " ".join(text.split())
    if not sentence:
        return
    event = QAccessibleAnnouncementEvent(source, sentence)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
