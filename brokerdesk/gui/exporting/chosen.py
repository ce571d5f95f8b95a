"""Which partners an export is about: the one whose page is shown, or those selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

FORMAT_NAMES = {"pdf": "PDF", "xlsx": "XLSX", "csv": "CSV"}


def partners_in_view(window: MainWindow) -> list[int]:
    """The partner whose page is shown, or the partners selected in the Partners list."""
    from brokerdesk.gui.views.pages.partner import PartnerPage

    current = window.stack.currentWidget()
    if isinstance(current, PartnerPage):
        return [] if current.deleted else [current.record_id]
    page = window.current_list()
    if page is not None and page.entity == "partner":
        return list(page.selected_ids())
    return []
