"""Core services: every user action, in one transaction each, with no Qt.

``Services`` bundles them for the application context, the command line and tests.
"""

from __future__ import annotations

from brokerdesk.core.services.bundle import Services
from brokerdesk.core.services.records import Change

__all__ = ["Change", "Services"]
