"""The pictures of the user guide's "Today and reminders" (``screenshots.py``).

On the demo's day: the Today page as the team finds it on a Monday, a grant's page with its
deliverables, and the funder's page showing its grants and what is due.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from brokerdesk.core.models import Grant, Partner
from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]

GRANT = "Arts in Libraries 2026–27"
FUNDER = "Lantern Arts Fund"


def today_pictures(window: MainWindow, save: Save, settle: Settle) -> None:
    """today.png, grant.png and partner-grants.png."""
    window.open_list("today")
    page = window.pages["today"]
    settle(lambda: not getattr(page, "loading", False))  # read off the GUI thread
    tree = getattr(page, "tree", None)
    if tree is not None:  # the demo's old follow-ups fill a screen: show every group's heading
        tree.collapse(tree.model().index(0, 0))
        model = tree.model()
        tree.setCurrentIndex(model.index(0, 0, model.index(1, 0)))
    settle(None)
    save(window, "today")
    with window.ctx.db.read() as session:
        grant = session.scalar(select(Grant.id).where(Grant.title == GRANT))
        funder = session.scalar(select(Partner.id).where(Partner.name == FUNDER))
    assert grant is not None and funder is not None
    window.open_record("funding_grant", grant)
    table = getattr(window.record_page, "deliverables", None)
    if table is not None:
        table.selectRow(0)
    settle(None)
    save(window, "grant")
    window.open_record("partner", funder)
    partner = window.record_page
    grants = getattr(partner, "grant_deliverables", None)
    if partner is not None and grants is not None:
        tabs = partner.tabs  # type: ignore[attr-defined]
        tabs.setCurrentWidget(grants.parentWidget())
    settle(None)
    save(window, "partner-grants")
