"""Every test runs at one known moment: the clock is pinned before anything reads it.

The suite's clock starts at ``TEST_MOMENT`` (local time) when the session starts and runs on
from there (``clock.pin`` ticks), so the day is the same in every test on every machine and
on every date the suite happens to run. ``BROKERDESK_CLOCK`` and ``BROKERDESK_CLOCK_SET_AT``
are set as each test starts to the clock's reading and the real time, so a command-line
subprocess runs on the same timeline as the test: what it stamps comes after what the test
did before running it.

``BROKERDESK_TEST_CLOCK`` moves the suite's moment: an ISO date or date and time, or
``system`` for the system clock as the session starts. The Makefile's shifted-clock runs use
``system`` under libfaketime (a year ahead, an hour before a month ends), so the date-sensitive
tests also run at those dates. A test that needs another day still uses ``clock.pinned``.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest

from brokerdesk.core import clock

TEST_MOMENT = dt.datetime(2026, 6, 15, 10, 30)  # a Monday, mid-morning, local time
MOVE_VAR = "BROKERDESK_TEST_CLOCK"


def suite_moment() -> dt.datetime:
    """The moment this run's clock starts at (naive local time)."""
    text = os.environ.get(MOVE_VAR, "").strip()
    if not text:
        return TEST_MOMENT
    if text == "system":
        return dt.datetime.now().replace(microsecond=0)  # deliberately the real (or faked) clock
    return clock.parse_setting(text).astimezone().replace(tzinfo=None)


@pytest.fixture(scope="session", autouse=True)
def suite_clock() -> Iterator[dt.datetime]:
    """Pin the clock for the whole session, before any session fixture builds data."""
    moment = suite_moment()
    with pytest.MonkeyPatch.context() as patch, clock.pinned(moment):
        patch.setenv(clock.ENV_VAR, moment.isoformat())
        patch.setenv(clock.SET_AT_VAR, repr(time.time()))
        yield moment


@pytest.fixture(autouse=True)
def pinned_clock(suite_clock: dt.datetime, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test: subprocesses start from the clock's reading; pins the test makes end with it."""
    monkeypatch.setenv(clock.ENV_VAR, clock.local_now().isoformat())
    monkeypatch.setenv(clock.SET_AT_VAR, repr(time.time()))  # the real time of that reading
    with clock.kept():
        yield
