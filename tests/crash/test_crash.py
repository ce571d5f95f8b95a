"""Crash safety: SIGKILL part-way through every operation that writes in bulk.

After every kill the file must be there, pass ``integrity_check``, and hold the operation
wholly or not at all: an import, a merge, a bulk link, a bulk stage change, a bulk insert, a
cascading delete; a restore leaves the old database or the backup (never a mix, never no
file); a migration leaves the old schema or the new one with a backup taken first. See
harness.py for how kill points are chosen and operations.py for each check. One campaign
(about 115 kill points) serves every test here.
"""

from __future__ import annotations

import sys

import pytest

from tests.crash.harness import Report, run_campaign
from tests.crash.operations import OPERATIONS

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    pytest.mark.slow,  # the campaign runs for 30-70 s
    # ... and longer on a loaded 2-core machine (it spawns two workers of its own): the
    # campaign is bounded by its kill count, so a generous limit only catches a real hang.
    pytest.mark.timeout(600),
]

KILLS_PER_OPERATION = 8


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Report:
    report = run_campaign(
        tmp_path_factory.mktemp("crash"),
        kills_per_operation=KILLS_PER_OPERATION,
        every_step=("restore",),
    )
    print(report.table())
    print(report.line())
    return report


def test_killed_operations_are_all_or_nothing(campaign: Report) -> None:
    assert campaign.corruptions == 0, campaign.problems
    assert campaign.partial == 0, campaign.problems
    assert set(campaign.operations) == set(OPERATIONS)
    short = {
        name: tally.tried
        for name, tally in campaign.operations.items()
        if tally.tried < KILLS_PER_OPERATION - 1
    }
    assert not short, f"too few kills landed mid-operation: {short}"


def test_a_restore_killed_at_any_step_leaves_a_database_in_place(campaign: Report) -> None:
    """Between keeping the old file aside and moving the backup in, there must be no moment
    when the database is missing: the next start would make a new, empty one."""
    restore = campaign.operations["restore"]
    assert restore.stepped >= campaign.steps["restore"] > 10
    assert [p for p in campaign.problems if p.startswith("restore")] == []
