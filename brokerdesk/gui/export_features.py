"""Plugs the Export menu, partner-page export buttons, batch summaries into a built main window.

The main window calls the installer below once, after the search features.
"""

from __future__ import annotations

from typing import Any


def install_export_features(window: Any) -> None:
    """Add the Export menu, partner-page export buttons, batch summaries to ``window``."""
