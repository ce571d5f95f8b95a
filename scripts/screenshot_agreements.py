"""The pictures of "Agreements and renewals" in the user guide (``screenshots.py``).

Plays the task on the demo: the Agreements list with renewals overdue first, the Northlight
agreement's page with what is due, the Renew dialog filled in, and the partner's Timeline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from brokerdesk.core.lists import ListState
from brokerdesk.gui.dialogs.agreement_actions import RenewDialog
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.views.pages.agreement import AgreementPage
from brokerdesk.gui.views.pages.partner import PartnerPage

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]


def agreement_pictures(window: MainWindow, partner_id: int, save: Save, settle: Settle) -> None:
    """agreements-list.png, agreement-page.png, agreement-renew.png, partner-timeline.png."""
    window.open_list("agreement", ListState(sort_key="renewal_date", filters={"status": "active"}))
    settle(None)
    save(window, "agreements-list")

    overview = window.ctx.services.overview.partner(partner_id)
    running = [a for a in overview.agreements if a["status"] == "active"]
    agreement_id = int(running[-1]["id"])
    window.open_record("agreement", agreement_id)
    page = window.record_page
    assert isinstance(page, AgreementPage)
    page.tabs.setCurrentWidget(page.parties.parentWidget())
    settle(None)
    save(window, "agreement-page")

    dialog = RenewDialog(window.ctx, agreement_id, page.values, page)
    dialog.show()
    dialog.editors["renewal_date"].set_value(
        page.values["end_date"].replace(year=page.values["end_date"].year + 1)
    )
    settle(dialog.isVisible)
    save(dialog, "agreement-renew")
    dialog.done(0)
    dialog.deleteLater()

    window.open_record("partner", partner_id)
    partner_page = window.record_page
    assert isinstance(partner_page, PartnerPage)
    partner_page.tabs.setCurrentWidget(partner_page.timeline)
    settle(None)
    save(window, "partner-timeline")
