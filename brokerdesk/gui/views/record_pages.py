"""Record pages, one per kind of record: ``create_record_page`` is what the main window calls.

Each page (in ``brokerdesk.gui.views.pages``) shows one record with everything related to it,
opens related records with one click or Enter (``open_requested``), refreshes when the change
broadcast names what it shows, and says so plainly when its record has been deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from brokerdesk.gui.views.pages.base import RecordPage
from brokerdesk.gui.views.pages.partner import PartnerPage
from brokerdesk.gui.views.pages.people import ContactPage, InteractionPage
from brokerdesk.gui.views.pages.programme import ProgrammePage
from brokerdesk.gui.views.pages.service import ServicePage

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

PAGES: dict[str, type[RecordPage]] = {
    "partner": PartnerPage,
    "library_service": ServicePage,
    "programme": ProgrammePage,
    "contact": ContactPage,
    "interaction": InteractionPage,
}


def create_record_page(
    ctx: AppContext, entity: str, record_id: int, parent: QWidget | None = None
) -> RecordPage:
    """The page of one record (its ``open_requested(str, int)`` opens related records)."""
    return PAGES[entity](ctx, record_id, parent)


__all__ = ["PAGES", "RecordPage", "create_record_page"]
