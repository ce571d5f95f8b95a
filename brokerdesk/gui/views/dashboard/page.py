"""The dashboard page: Coverage, Map, Follow-ups & health, Ending soon, Suggestions, Charts,
Named leads.

Only the tab on screen is computed; the others are marked stale and computed when shown, so
the page opens fast on a large database and stays current after edits (the change bus
marks every tab stale when participations, programmes, interactions or partners change).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from brokerdesk.gui.views.dashboard.charts_tab import ChartsTab
from brokerdesk.gui.views.dashboard.coverage_tab import CoverageTab
from brokerdesk.gui.views.dashboard.health_tab import EndingSoonTab, HealthTab
from brokerdesk.gui.views.dashboard.map_tab import MapTab
from brokerdesk.gui.views.dashboard.named_leads_tab import NamedLeadsTab
from brokerdesk.gui.views.dashboard.suggestions_tab import SuggestionsTab

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.dialogs.record_form import RecordForm

ABOUT_FIELD = {
    "partner": "partner_id",
    "library_service": "service_id",
    "programme": "programme_id",
}
WATCHED = frozenset(
    {
        "participation",
        "programme",
        "interaction",
        "partner",
        "agreement",
        "library_service",
    }
)


class Refreshable(Protocol):
    def refresh(self) -> None: ...


class DashboardPage(QWidget):
    """Signals:
    open_requested(str, int): open a record's page (the main window connects it).
    """

    open_requested = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setAccessibleName(self.tr("Dashboard"))
        self.ctx = ctx
        self.log_dialog: RecordForm | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Dashboard sections"))
        self.coverage = CoverageTab(ctx, self)
        self.map = MapTab(ctx, self)
        self.health = HealthTab(ctx, self)
        self.ending = EndingSoonTab(ctx, self)
        self.suggestions = SuggestionsTab(ctx, self)
        self.charts = ChartsTab(ctx, self)
        self.named_leads = NamedLeadsTab(ctx, self)
        self.sections: list[tuple[str, Any]] = [
            (self.tr("&Coverage"), self.coverage),
            (self.tr("&Map"), self.map),
            (self.tr("F&ollow-ups && health"), self.health),
            (self.tr("Endi&ng soon"), self.ending),
            (self.tr("S&uggestions"), self.suggestions),
            (self.tr("Cha&rts"), self.charts),
            (self.tr("Leads &wanted"), self.named_leads),
        ]
        for title, tab in self.sections:
            tab.setAccessibleName(title.replace("&&", "and").replace("&", ""))
            self.tabs.addTab(tab, title)
            if hasattr(tab, "open_requested"):
                tab.open_requested.connect(self.open_requested)
        self.health.log_requested.connect(self.log_interaction)
        self.stale: set[int] = set(range(self.tabs.count()))
        self.tabs.currentChanged.connect(self._tab_shown)
        ctx.changes.changed.connect(self._data_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tab_shown(self.tabs.currentIndex())

    def refresh_current(self) -> None:
        """Compute the tab on screen now (also used by the benchmark)."""
        index = self.tabs.currentIndex()
        self.stale.discard(index)
        tab: Refreshable = self.sections[index][1]
        tab.refresh()

    def _tab_shown(self, index: int) -> None:
        if index in self.stale:
            self.refresh_current()

    def _data_changed(self, entities: Any) -> None:
        names = set(entities or ())
        if names and not names & WATCHED:
            return
        if "programme" in names or not names:
            self.map._fill_choices()
        self.stale = set(range(self.tabs.count()))
        if self.isVisible():
            self.refresh_current()

    def log_interaction(self, entity: str, record_id: int, name: str) -> None:
        """Ctrl+I on a partner or service row: the interaction form, filled in for that record.

        Uses the team's general record form (as record pages do), shown window-modal but not
        blocking, so the dashboard keeps refreshing and tests can drive it. The subject has
        focus: type it, press Enter, done.
        """
        from brokerdesk.gui.dialogs.record_form import RecordForm

        about = ABOUT_FIELD.get(entity)
        if about is None:
            return
        form = RecordForm(
            self.ctx,
            "interaction",
            None,
            self,
            # The day the dashboard works from (today, unless it was set to another day).
            initial={about: record_id, "occurred_on": self.health.today, "kind": "call"},
        )
        if name:
            form.setWindowTitle(self.tr("Log interaction with {0}").format(name))
        form.setWindowModality(Qt.WindowModality.WindowModal)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.show()
        subject = form.editors.get("subject")
        if subject is not None:
            (subject.focus_widget or subject.widget).setFocus()
        self.log_dialog = form
