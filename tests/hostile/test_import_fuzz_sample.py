"""The fuzzing benchmark's sample in the suite: 300 generated files (fixed seed) through
every import kind, each with a sentence, a documented exit code and the right database.

``benchmarks/bench_fuzz_import.py`` runs the same checks on 10,000 files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bench_fuzz_import import describe, run
from brokerdesk.core.importing import KINDS


# 300 real imports, each with its backup: about a minute on a quiet machine, more on a busy one.
@pytest.mark.slow  # 300 files through the real command: 20-30 s
@pytest.mark.timeout(600)
def test_three_hundred_generated_files_end_in_a_sentence_and_the_right_database(
    tmp_path: Path,
) -> None:
    report = run(300, seed=14, folder=tmp_path)
    assert report.failures == [], describe(report)
    assert set(report.per_kind) == set(KINDS)
    assert report.per_code["0"] > 30 and report.per_code["1"] > 30, describe(report)
