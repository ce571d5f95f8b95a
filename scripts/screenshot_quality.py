"""The user guide's pictures of data quality, named leads and the likely-duplicate warning
(``screenshots.py`` calls :func:`quality_pictures` on the demo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from brokerdesk.gui.dialogs.named_lead import NamedLeadDialog
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]


def quality_pictures(window: MainWindow, save: Save, settle: Settle) -> None:
    """The Data quality page, the Leads wanted tab, Name a lead and the new-partner warning."""
    window.open_list("data_quality")
    page = window.pages["data_quality"]
    settle(lambda: page.checks.count() > 0)  # type: ignore[attr-defined]
    page.checks.setCurrentRow(page.checks.count() - 1)  # type: ignore[attr-defined]
    save(window, "data-quality")

    window.open_list("dashboard")
    dashboard = window.pages["dashboard"]
    tab = dashboard.named_leads  # type: ignore[attr-defined]
    dashboard.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    settle(lambda: bool(tab.regions))
    save(window, "leads-wanted")

    named = window.ctx.services.named_leads
    gap = next(  # a North West service whose people the team knows, but nobody named
        g for g in named.gaps() if g.region == "North West" and named.candidates(g.service_id)
    )
    leads = named.for_service(gap.service_id)
    people = named.candidates(gap.service_id)
    dialog = NamedLeadDialog(leads, people, gap.service, gap.offer_area_id, window)
    dialog.show()
    settle(None)
    save(dialog, "name-a-lead")
    dialog.done(0)

    form = RecordForm(window.ctx, "partner", None, window)
    form.show()
    QTest.keyClicks(form.editors["name"].focus_widget, "Northlight Sight Loss Trst")
    hint = form.likely_existing
    settle(lambda: hint is not None and hint.isVisible())
    save(form, "likely-existing")
    form.done(0)
