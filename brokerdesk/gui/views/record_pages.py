"""Record pages, one per kind of record: ``create_record_page`` is what the main window calls.

Each page (in ``brokerdesk.gui.views.pages``) shows one record with everything related to it,
opens related records with one click or Enter (``open_requested``), refreshes when the change
broadcast names what it shows, and says so plainly when its record has been deleted. Which
class is a kind's page is its registration's (``core.kinds``): a new kind's page module needs
no entry here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from brokerdesk.core.kinds import KINDS, load
from brokerdesk.gui.views.pages.base import RecordPage

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


def page_class(entity: str) -> type[RecordPage]:
    """The record page class the registry names for a kind.

    Raises:
        KeyError: no registered kind of that name has a page.
        TypeError: the registration names something that is not that kind's page.
    """
    found = KINDS.get(entity)
    if found is None or found.page is None:
        raise KeyError(entity)
    page = load(found.page)
    if not (isinstance(page, type) and issubclass(page, RecordPage) and page.entity == entity):
        raise TypeError(f"{found.page} is not the record page of {entity!r}")
    return page


def create_record_page(
    ctx: AppContext, entity: str, record_id: int, parent: QWidget | None = None
) -> RecordPage:
    """The page of one record (its ``open_requested(str, int)`` opens related records).

    Pages of records that keep documents get their Documents tab and take dropped files.
    """
    from brokerdesk.gui.documents.section import attach_documents

    page = page_class(entity)(ctx, record_id, parent)
    attach_documents(page)
    return page


__all__ = ["RecordPage", "create_record_page", "page_class"]
