"""Plugs File ▸ Import… (the import wizard) into a built main window.

The main window calls the installer below once, after the search features.
"""

from __future__ import annotations

from typing import Any


def install_import_features(window: Any) -> None:
    """Add File ▸ Import… (the import wizard) to ``window``."""
