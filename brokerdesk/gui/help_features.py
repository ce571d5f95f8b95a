"""Plugs Help ▸ User guide, What's This into a built main window.

The main window calls the installer below once, after the search features.
"""

from __future__ import annotations

from typing import Any


def install_help_features(window: Any) -> None:
    """Add Help ▸ User guide, What's This to ``window``."""
