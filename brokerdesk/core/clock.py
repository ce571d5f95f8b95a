"""The one clock BrokerDesk reads for "today" and "now".

Everything that asks what day or moment it is (follow-ups due, programmes ending soon, the
dashboard's as-at date, backup names and their thinning, record timestamps, the demo's story)
asks here, never ``datetime.date.today()`` or ``datetime.datetime.now()`` directly. That makes
time an input: tests pin it (``pinned``), a demo or a screenshot run can set it from outside
with the ``BROKERDESK_CLOCK`` environment variable, and nothing passes or fails because of the
date it happens to run on.

``BROKERDESK_CLOCK`` takes an ISO date (``2026-06-15``, meaning 09:00 local time that day) or
an ISO date and time (``2026-06-15T14:30:00``, local unless it carries an offset). The clock
stands still at that moment; a pinned moment set in code wins over the variable.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

ENV_VAR = "BROKERDESK_CLOCK"

_pinned: dt.datetime | None = None


class ClockSettingError(ValueError):
    """``BROKERDESK_CLOCK`` holds something that is not an ISO date or date and time."""


def _aware(moment: dt.datetime | dt.date) -> dt.datetime:
    """``moment`` as a timezone-aware datetime (a bare date means 09:00 local that day)."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(9, 0))
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive means local time
    return moment


def _from_environment() -> dt.datetime | None:
    text = os.environ.get(ENV_VAR, "").strip()
    if not text:
        return None
    try:
        if "T" in text or " " in text:
            return _aware(dt.datetime.fromisoformat(text))
        return _aware(dt.date.fromisoformat(text))
    except ValueError as exc:
        raise ClockSettingError(
            f"{ENV_VAR} is set to {text!r}, which is not a date such as 2026-06-15 "
            "or a date and time such as 2026-06-15T14:30:00."
        ) from exc


def _fixed() -> dt.datetime | None:
    return _pinned if _pinned is not None else _from_environment()


def now() -> dt.datetime:
    """This moment, timezone-aware, in UTC (what the database stores)."""
    fixed = _fixed()
    return (fixed if fixed is not None else dt.datetime.now(dt.UTC)).astimezone(dt.UTC)


def local_now() -> dt.datetime:
    """This moment as naive local wall-clock time (file names, what a person reads)."""
    fixed = _fixed()
    if fixed is None:
        return dt.datetime.now()
    return fixed.astimezone().replace(tzinfo=None)


def today() -> dt.date:
    """Today's date where the user is."""
    return local_now().date()


def pin(moment: dt.datetime | dt.date | None) -> None:
    """Make the clock stand still at ``moment`` (``None`` lets it run again)."""
    global _pinned
    _pinned = None if moment is None else _aware(moment)


def is_pinned() -> bool:
    return _fixed() is not None


@contextmanager
def pinned(moment: dt.datetime | dt.date) -> Iterator[None]:
    """Within the block the clock stands at ``moment``; afterwards it is as it was."""
    global _pinned
    before = _pinned
    pin(moment)
    try:
        yield
    finally:
        _pinned = before
