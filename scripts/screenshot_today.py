"""The pictures of the user guide's "Today and reminders" (``screenshots.py``).

On the demo's day: the Today page as the team finds it on a Monday, the Log call form for a
follow-up, a grant's page with its deliverables, the funder's page showing its grants and
what is due, and a History naming the records a change pointed at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from brokerdesk.core import clock
from brokerdesk.core.models import Grant, OfferArea, Partner, Programme
from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]

GRANT = "Arts in Libraries 2026–27"
FUNDER = "Lantern Arts Fund"
PROGRAMME = "Audio-described Reading Pilot"


def today_pictures(window: MainWindow, save: Save, settle: Settle) -> None:
    """today.png, today-log-call.png, grant.png, partner-grants.png, history-names.png."""
    window.open_list("today")
    page = window.pages["today"]
    settle(lambda: not getattr(page, "loading", False))  # read off the GUI thread
    tree = getattr(page, "tree", None)
    if tree is not None:  # the cursor on the first of today's calls
        model = tree.model()
        tree.setCurrentIndex(model.index(0, 0, model.index(1, 0)))
    settle(None)
    save(window, "today")
    log_call_picture(window, save, settle)
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
    history_names_picture(window, save, settle)


def log_call_picture(window: MainWindow, save: Save, settle: Settle) -> None:
    """today-log-call.png: L on an overdue follow-up, the form filled in as Today fills it."""
    from brokerdesk.core.reminders import reminders
    from brokerdesk.gui.today.log_call import LogCallForm

    item = next(
        r
        for r in reminders(window.ctx.db, clock.today())
        if r.kind == "follow_up" and r.partner_id is not None and r.days_overdue > 0
    )
    today = clock.today()
    initial: dict[str, object] = {
        "kind": "call",
        "occurred_on": today,
        "subject": item.subject,
        "follow_up_on": today + dt.timedelta(days=14),
        "partner_id": item.partner_id,
        "contact_id": item.contact_id,
        "programme_id": item.programme_id,
    }
    form = LogCallForm(window.ctx, initial, item.record_id, window)
    form.show()
    settle(None)
    save(form, "today-log-call")
    form.done(0)


def history_names_picture(window: MainWindow, save: Save, settle: Settle) -> None:
    """history-names.png: the pilot filed under Reading and back, as History reads it: by
    the offer areas' names."""
    from brokerdesk.gui.safety.history_panel import HistoryDialog

    services = window.ctx.services
    with window.ctx.db.read() as session:
        programme, name, area = session.execute(
            select(Programme.id, Programme.name, Programme.offer_area_id).where(
                Programme.name == PROGRAMME
            )
        ).one()
        reading = session.scalar(select(OfferArea.id).where(OfferArea.code == "reading"))
    services.programmes.update(programme, {"offer_area_id": reading})
    services.programmes.update(programme, {"offer_area_id": area})
    history = HistoryDialog(window.ctx, "programme", programme, name, window)
    history.resize(760, 300)
    history.show()
    settle(None)
    save(history, "history-names")
    history.done(0)
