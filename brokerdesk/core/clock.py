"""The one clock BrokerDesk reads for "today" and "now".

Everything that asks what day or moment it is (follow-ups due, programmes ending soon, the
dashboard's as-at date, backup names and their thinning, record timestamps, the demo's story)
asks here, never ``datetime.date.today()`` or ``datetime.datetime.now()`` directly. That makes
time an input: tests pin it (``pinned``), a demo or a screenshot run can set it from outside
with the ``BROKERDESK_CLOCK`` environment variable, and nothing passes or fails because of the
date it happens to run on.

``BROKERDESK_CLOCK`` takes an ISO date (``2026-06-15``, meaning 09:00 local time that day) or
an ISO date and time (``2026-06-15T14:30:00``, local unless it carries an offset). A pinned
moment set in code wins over the variable.

A set clock starts at its moment and then runs on with real elapsed time (the monotonic clock,
from the pin or from the process's start), the way ``time-machine``'s ``tick=True`` does: two
backups taken in one test still get different names, and history stays in the order things
happened. ``pin(..., tick=False)`` makes it stand still for a test that needs an exact value.
``BROKERDESK_CLOCK_SET_AT`` (POSIX seconds of the real clock at the moment named) makes every
process run on one timeline instead: the test suite sets it, so a command it runs never
stamps a backup or a change earlier than what the test itself did before it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENV_VAR = "BROKERDESK_CLOCK"
SET_AT_VAR = "BROKERDESK_CLOCK_SET_AT"

# (moment, monotonic reading when it was set or None when the clock stands still)
_pinned: tuple[dt.datetime, float | None] | None = None
_STARTED = time.monotonic()  # when this process began: the environment's clock runs from here


class ClockSettingError(ValueError):
    """``BROKERDESK_CLOCK`` holds something that is not an ISO date or date and time."""


def _aware(moment: dt.datetime | dt.date) -> dt.datetime:
    """``moment`` as a timezone-aware datetime (a bare date means 09:00 local that day)."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(9, 0))
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive means local time
    return moment


def parse_setting(text: str) -> dt.datetime:
    """The moment a ``BROKERDESK_CLOCK`` value names.

    Raises:
        ClockSettingError: ``text`` is not an ISO date or date and time.
    """
    try:
        if "T" in text or " " in text:
            return _aware(dt.datetime.fromisoformat(text))
        return _aware(dt.date.fromisoformat(text))
    except ValueError as exc:
        raise ClockSettingError(
            f"{ENV_VAR} is set to {text!r}, which is not a date such as 2026-06-15 "
            "or a date and time such as 2026-06-15T14:30:00."
        ) from exc


def check_setting() -> None:
    """Refuse a bad ``BROKERDESK_CLOCK`` at start-up, before anything reads the clock.

    Raises:
        ClockSettingError: the variable is set to something that is not a date.
    """
    _from_environment()


def _from_environment() -> dt.datetime | None:
    text = os.environ.get(ENV_VAR, "").strip()
    if not text:
        return None
    moment = parse_setting(text)
    set_at = os.environ.get(SET_AT_VAR, "").strip()
    try:
        elapsed = time.time() - float(set_at) if set_at else time.monotonic() - _STARTED
    except ValueError as exc:
        raise ClockSettingError(
            f"{SET_AT_VAR} is set to {set_at!r}, which is not a number of seconds."
        ) from exc
    return moment + dt.timedelta(seconds=max(0.0, elapsed))


def _fixed() -> dt.datetime | None:
    if _pinned is None:
        return _from_environment()
    moment, since = _pinned
    if since is None:
        return moment
    return moment + dt.timedelta(seconds=time.monotonic() - since)


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


def pin(moment: dt.datetime | dt.date | None, *, tick: bool = True) -> None:
    """Set the clock to ``moment`` (``None`` gives it back to the system).

    With ``tick`` it runs on from there; without, it stands still at ``moment``.
    """
    global _pinned
    _pinned = None if moment is None else (_aware(moment), time.monotonic() if tick else None)


def is_pinned() -> bool:
    return _fixed() is not None


@contextmanager
def pinned(moment: dt.datetime | dt.date, *, tick: bool = True) -> Iterator[None]:
    """Within the block the clock is set to ``moment``; afterwards it is as it was."""
    global _pinned
    before = _pinned
    pin(moment, tick=tick)
    try:
        yield
    finally:
        _pinned = before


@contextmanager
def kept() -> Iterator[None]:
    """Whatever the block does to the clock (``pin``, ``pin(None)``) is undone afterwards.

    The test suite wraps every test in it, so a test that pins and forgets cannot move the
    next test's day, and the clock keeps running from where it was.
    """
    global _pinned
    before = _pinned
    try:
        yield
    finally:
        _pinned = before
