"""The dashboard's year choice: every year, or one year's programmes (a series' round)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from brokerdesk.core import coverage

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


def year_choice(ctx: AppContext, parent: QWidget) -> QComboBox:
    """A combo box of "Every year" then each year a programme starts in, newest first; its
    current data is the year, or None."""
    box = QComboBox(parent)
    box.setAccessibleName(QCoreApplication.translate("Dashboard", "Year"))
    box.addItem(QCoreApplication.translate("Dashboard", "Every year"), None)
    for year in coverage.programme_years(ctx.db):
        box.addItem(str(year), year)
    return box
