"""The dashboard: coverage and gaps, the map, relationship health, follow-ups, ending soon,
brokering suggestions and charts (the main window adds it as "Dashboard")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from brokerdesk.gui.views.dashboard.page import DashboardPage

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


def create_dashboard_page(ctx: AppContext, window: QWidget | None = None) -> DashboardPage:
    """The dashboard page; its ``open_requested(str, int)`` opens a record's page."""
    return DashboardPage(ctx, window)


__all__ = ["DashboardPage", "create_dashboard_page"]
