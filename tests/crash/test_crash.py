"""Crash safety: SIGKILL during imports, bulk edits, bulk inserts and cascading deletes.

After every kill the file must pass ``integrity_check`` and each interrupted operation must
be wholly there or wholly absent (see harness.py for the operations and their checks).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.crash.harness import run_campaign

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_killed_operations_are_all_or_nothing(tmp_path: Path) -> None:
    report = run_campaign(tmp_path, kills_per_operation=14)
    print(report.line())
    assert report.corruptions == 0, report.problems
    assert report.partial == 0, report.problems
    assert report.tried >= 50, (
        f"only {report.tried} kills landed mid-operation ({report.finished_first} finished first)"
    )
