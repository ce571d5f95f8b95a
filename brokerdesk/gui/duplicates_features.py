"""Plugs Tools ▸ Find duplicates… (finder and field-by-field merge) into a built main window.

The main window calls the installer below once, after the search features.
"""

from __future__ import annotations

from typing import Any


def install_duplicates_features(window: Any) -> None:
    """Add Tools ▸ Find duplicates… (finder and field-by-field merge) to ``window``."""
