"""The day a dashboard tab works from: the clock's date each time, unless one was fixed.

A window left open overnight must count "days since contact" from the new day, so tabs ask
for today on every refresh instead of remembering the day they were built.
"""

from __future__ import annotations

import datetime as dt

from brokerdesk.core import clock


class WorksFromToday:
    """Mixin giving a tab a ``today`` that follows the calendar unless set (tests, demos)."""

    _fixed_today: dt.date | None = None

    @property
    def today(self) -> dt.date:
        return self._fixed_today or clock.today()

    @today.setter
    def today(self, value: dt.date | None) -> None:
        self._fixed_today = value
