"""The version the app shows (About, --version, file metadata) is the one the package ships."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import brokerdesk

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_shown_is_the_version_in_pyproject() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'^version = "([^"]+)"', text, re.M)
    assert declared is not None
    assert brokerdesk.__version__ == declared.group(1)


def test_brokerdesk_version_prints_it() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "brokerdesk", "--version"], capture_output=True, text=True
    )
    assert out.stdout.strip() == f"BrokerDesk {brokerdesk.__version__}"
