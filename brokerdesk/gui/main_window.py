"""The main window: navigation, list views, record pages, menus, toolbar and status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.kinds import KINDS, LISTED
from brokerdesk.gui import kind_words, menu_layout
from brokerdesk.gui import settings as keys
from brokerdesk.gui.context import APP_NAME
from brokerdesk.gui.settings import Settings

# Nothing here loads the database layer: the window can be shown (see ``show_opening``)
# while SQLAlchemy and the models, most of a second, are still being imported. Qt's ``Qt``
# namespace and QStyle are imported in the methods that use them, all after the window is
# shown: the first use of each builds a few hundred enums (40 ms).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

    from brokerdesk.core.lists import ListState
    from brokerdesk.gui.bulk_edit import BulkEditActions
    from brokerdesk.gui.context import AppContext
    from brokerdesk.gui.documents import EmailActions
    from brokerdesk.gui.duplicates import DuplicatesActions
    from brokerdesk.gui.exporting import ExportActions
    from brokerdesk.gui.grouping import GroupingActions
    from brokerdesk.gui.help import HelpActions
    from brokerdesk.gui.importing import ImportActions
    from brokerdesk.gui.own_fields import OwnFieldsActions
    from brokerdesk.gui.reporting import ReportActions
    from brokerdesk.gui.safety import SafetyActions
    from brokerdesk.gui.search import SearchActions
    from brokerdesk.gui.static_lists import StaticListActions
    from brokerdesk.gui.tagging import TagActions
    from brokerdesk.gui.team import TeamActions
    from brokerdesk.gui.today import CalendarActions
    from brokerdesk.gui.views.list_page import ListPage

# A feature the window installs after its own: ``install(window)``, whose actions are
# registered by id (see ``menu_layout``). The launcher adds its File actions this way.
Feature = Callable[["MainWindow"], object]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context`` (lupdate reads calls by this name);
    tr() translates it where it is shown."""
    return text


# The record lists, in the registry's order: (kind, its English plural; kind_words translates).
NAVIGATION: tuple[tuple[str, str], ...] = tuple((k.key, k.plural) for k in LISTED)
# Pages that are not record lists, shown after the lists: (key, title, module, factory name).
# A module that is not there yet is simply not offered.
OTHER_PAGES: tuple[tuple[str, str, str, str], ...] = (
    (
        "today",
        QT_TRANSLATE_NOOP("MainWindow", "Today"),
        "brokerdesk.gui.today.page",
        "create_today_page",
    ),
    (
        "dashboard",
        QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
        "brokerdesk.gui.views.dashboard",
        "create_dashboard_page",
    ),
    (
        "data_quality",
        QT_TRANSLATE_NOOP("MainWindow", "Data quality"),
        "brokerdesk.gui.views.data_quality",
        "create_data_quality_page",
    ),
    (
        "trash",
        QT_TRANSLATE_NOOP("MainWindow", "Trash"),
        "brokerdesk.gui.safety.trash_page",
        "create_trash_page",
    ),
)
OTHER_PAGE_KEYS = frozenset(key for key, *_rest in OTHER_PAGES)


@dataclass(frozen=True)
class Location:
    """Where the user is: a list (record_id None) or one record's page."""

    entity: str
    record_id: int | None = None


class MainWindow(QMainWindow):
    """The one window of an open database.

    ``MainWindow(ctx)`` is ready at once. ``MainWindow(settings=...)`` followed by
    ``show_opening()`` is the window at its remembered place saying what it is opening, shown
    before the database layer is even imported; ``attach(ctx)`` then fills it.

    Its menus and toolbar are laid out by ``menu_layout`` from the actions registered by id
    (``register_action``): the window's own, then each feature package's, whose ``install``
    returns the typed actions the window keeps (``search_actions``, ``import_actions``…).

    Signals:
        painted(): the window was drawn on screen for the first time.
    """

    painted = Signal()
    # A kind's list page made again (its own fields changed): features that add to every list
    # page (group by, bulk edit, static lists, What's This?) add to the new one too.
    list_page_replaced = Signal(object)

    search_actions: SearchActions
    import_actions: ImportActions
    email_actions: EmailActions
    safety: SafetyActions
    duplicates_actions: DuplicatesActions
    own_fields_actions: OwnFieldsActions
    export_actions: ExportActions
    report_actions: ReportActions
    help_actions: HelpActions
    theme_actions: QActionGroup  # View ▸ Theme
    tag_actions: TagActions  # Tools ▸ Tags…
    static_lists: StaticListActions  # Edit ▸ Add to list…, the navigation's static lists
    bulk_edit: BulkEditActions  # Edit ▸ Bulk edit…
    grouping: GroupingActions  # each list's Group by
    calendar_actions: CalendarActions  # Export ▸ Calendar (.ics)…, Keep a calendar file…
    team_actions: TeamActions  # Tools ▸ Team… and the role line

    def __init__(
        self,
        ctx: AppContext | None = None,
        *,
        settings: Settings | None = None,
        features: Sequence[Feature] = (),
    ):
        """``features`` are installed after the window's own (see ``attach``)."""
        super().__init__()
        self.settings = ctx.settings if ctx is not None else settings or Settings()
        self.setObjectName("main-window")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.lists: dict[str, ListPage] = {}
        self.pages: dict[str, QWidget] = {}
        self.record_page: QWidget | None = None
        self.registered_actions: dict[str, QAction] = {}
        self._history: list[Location] = []
        self._position = -1
        self._painted = False
        # False for a viewer on a team server (gui/team): New, Edit and Delete stay off.
        self.may_change_records = True
        self._restore_geometry()
        if ctx is not None:
            self.attach(ctx, features)

    @property
    def is_attached(self) -> bool:
        """True once the window shows a database (``attach`` has run)."""
        return hasattr(self, "ctx")

    def show_opening(self, description: str) -> None:
        """Before ``attach``: say which database is being opened, where the lists will be."""
        self.setWindowTitle(f"{APP_NAME} — {description}")
        panel = QWidget(self)
        panel.setObjectName("opening-panel")
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        icon = QLabel(panel)
        icon.setPixmap(self.windowIcon().pixmap(64, 64))
        label = QLabel(self.tr("Opening {0}…").format(description), panel)
        label.setObjectName("opening-label")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        label.setFont(font)
        busy = QProgressBar(panel)  # no range: it moves to show the app is working
        busy.setRange(0, 0)
        busy.setTextVisible(False)
        busy.setFixedWidth(260)
        busy.setAccessibleName(self.tr("Opening the database"))
        for widget in (icon, label, busy):  # centred by stretches on both sides
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)
        self.setCentralWidget(panel)
        self.statusBar().showMessage(self.tr("Opening the database…"))

    def attach(self, ctx: AppContext, features: Sequence[Feature] = ()) -> None:
        """Show ``ctx``'s database: navigation, lists, menus, toolbar, the first list.

        ``features`` (the launcher's File actions) are installed after the window's own
        features and before the menus are laid out.
        """
        self.ctx = ctx
        self.setWindowTitle(f"{APP_NAME} — {ctx.db.description}")
        self.statusBar().clearMessage()
        self._build_navigation()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        ctx.message.connect(self._show_message)
        ctx.changes.changed.connect(self._own_fields_changed)
        self._restore_layout()
        self.open_list(NAVIGATION[0][0])
        self._install_features(features)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def register_action(self, action_id: str, action: QAction) -> QAction:
        """Make ``action`` the one under ``action_id`` (its place is in ``menu_layout``) and
        let its shortcut work anywhere in the window."""
        if action_id in self.registered_actions:
            raise ValueError(f"two actions registered as {action_id!r}")
        self.registered_actions[action_id] = action
        self.addAction(action)
        return action

    def _install_features(self, more: Sequence[Feature]) -> None:
        """The features in their own packages, then ``more``; then the menus are laid out."""
        from brokerdesk.gui.bulk_edit import install as install_bulk_edit
        from brokerdesk.gui.documents import install as install_documents
        from brokerdesk.gui.duplicates import install as install_duplicates
        from brokerdesk.gui.exporting import install as install_exporting
        from brokerdesk.gui.grouping import install as install_grouping
        from brokerdesk.gui.help import install as install_help
        from brokerdesk.gui.importing import install as install_importing
        from brokerdesk.gui.own_fields import install as install_own_fields
        from brokerdesk.gui.reporting import install as install_reporting
        from brokerdesk.gui.safety import install as install_safety
        from brokerdesk.gui.search import install as install_search
        from brokerdesk.gui.static_lists import install as install_static_lists
        from brokerdesk.gui.tagging import install as install_tagging
        from brokerdesk.gui.team import install as install_team
        from brokerdesk.gui.theme import install as install_theme
        from brokerdesk.gui.today import install as install_calendar

        self.search_actions = install_search(self)
        self.import_actions = install_importing(self)
        self.email_actions = install_documents(self)
        self.safety = install_safety(self)
        self.duplicates_actions = install_duplicates(self)
        self.own_fields_actions = install_own_fields(self)
        self.export_actions = install_exporting(self)
        self.report_actions = install_reporting(self)
        self.theme_actions = install_theme(self)
        self.tag_actions = install_tagging(self)
        self.static_lists = install_static_lists(self)
        self.bulk_edit = install_bulk_edit(self)
        self.grouping = install_grouping(self)
        self.calendar_actions = install_calendar(self)
        self.team_actions = install_team(self)
        for install in more:
            install(self)
        self.help_actions = install_help(self)  # last: it describes the actions made above
        menu_layout.apply_layout(self)

    # ------------------------------------------------------------------ building
    def _build_navigation(self) -> None:
        from PySide6.QtCore import Qt

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName(self.tr("Main area"))
        for entity, _plural in NAVIGATION:
            item = QListWidgetItem(kind_words.title(entity), self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, entity)
            page = self._list_page(entity)
            self.lists[entity] = page
            self.stack.addWidget(page)
        # The dashboard and trash are built the first time they are opened: the dashboard
        # alone costs a quarter of a second of queries that start-up should not wait for.
        for key, title, _module, _factory in OTHER_PAGES:
            item = QListWidgetItem(self.tr(title), self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.setMinimumWidth(max(150, self.navigation.sizeHintForColumn(0) + 24))
        self.navigation.setSpacing(2)
        self.navigation.currentItemChanged.connect(self._navigate)
        # From a record page, clicking or pressing Enter on the list it came from (still the
        # current item, so currentItemChanged stays silent) must go back to that list too.
        self.navigation.itemClicked.connect(self._back_to_list)
        self.navigation.itemActivated.connect(self._back_to_list)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 1090])
        self.setCentralWidget(self.splitter)

    def _list_page(self, entity: str) -> ListPage:
        """A kind's list, with a column and a filter for each of the team's own fields."""
        from brokerdesk.gui.views.list_page import ListPage

        page = ListPage(self.ctx, self.ctx.services.custom_fields.record_list(entity), self)
        page.open_requested.connect(self.open_record)
        page.selection_changed.connect(self._update_actions)
        return page

    def _own_fields_changed(self, entities: frozenset[str]) -> None:
        """A field was added, changed or removed: its kind's list is made again."""
        if "custom_field" not in entities:
            return
        for entity in sorted(entities & set(self.lists)):
            old = self.lists[entity]
            page = self._list_page(entity)
            showing = self.stack.currentWidget() is old
            self.stack.insertWidget(self.stack.indexOf(old), page)
            self.lists[entity] = page
            if showing:
                self.stack.setCurrentWidget(page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.list_page_replaced.emit(page)

    def _icon(self, theme: str, fallback: QStyle.StandardPixmap) -> QIcon:
        return QIcon.fromTheme(theme, self.style().standardIcon(fallback))

    def _action(
        self,
        action_id: str,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QIcon | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(icon)
        action.setToolTip(tip or text.replace("&", ""))
        action.setStatusTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        return self.register_action(action_id, action)

    def _build_actions(self) -> None:
        from PySide6.QtWidgets import QStyle

        sp = QStyle.StandardPixmap
        self.back_action = self._action(
            "go.back",
            self.tr("&Back"),
            self.go_back,
            "Alt+Left",
            self._icon("go-previous", sp.SP_ArrowBack),
        )
        self.forward_action = self._action(
            "go.forward",
            self.tr("&Forward"),
            self.go_forward,
            "Alt+Right",
            self._icon("go-next", sp.SP_ArrowForward),
        )
        self.new_action = self._action(
            "edit.new",
            self.tr("&New…"),
            self.new_record,
            QKeySequence.StandardKey.New,
            self._icon("document-new", sp.SP_FileIcon),
            self.tr("New record of the kind shown"),
        )
        self.edit_action = self._action(
            "edit.edit",
            self.tr("&Edit…"),
            self.edit_current,
            "Ctrl+E",
            self._icon("document-edit", sp.SP_FileDialogDetailedView),
            self.tr("Edit the selected record"),
        )
        self.delete_action = self._action(
            "edit.delete",
            self.tr("&Delete…"),
            self.delete_selected,
            QKeySequence.StandardKey.Delete,
            self._icon("edit-delete", sp.SP_TrashIcon),
            self.tr("Delete the selected records"),
        )
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(self._icon("edit-undo", sp.SP_ArrowLeft))
        self.register_action("edit.undo", self.undo_action)
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(self._icon("edit-redo", sp.SP_ArrowRight))
        self.register_action("edit.redo", self.redo_action)
        self.find_action = self._action(
            "edit.find", self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.refresh_action = self._action(
            "view.refresh",
            self.tr("&Refresh"),
            self.refresh,
            QKeySequence.StandardKey.Refresh,
            self._icon("view-refresh", sp.SP_BrowserReload),
        )
        # "&Back up now": N is New database's in the File menu.
        self.backup_action = self._action(
            "file.back_up",
            self.tr("&Back up now"),
            self.backup_now,
            None,
            None,
            self.tr("Copy the database (or the team server) to its backup folder"),
        )
        self.quit_action = self._action(
            "file.quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )
        self.about_action = self._action(
            "help.about", self.tr("&About BrokerDesk"), self.show_about
        )
        self.go_actions: list[QAction] = []
        for number, (entity, _plural) in enumerate(NAVIGATION, start=1):
            self.go_actions.append(
                self._action(
                    f"go.{entity}",
                    kind_words.title(entity),
                    lambda _c=False, e=entity: self.open_list(e),
                    f"Ctrl+{number}",
                )
            )

    def _build_menus(self) -> None:
        """The menus, empty until every feature has registered its actions."""
        self.menus = menu_layout.build_menus(self)

    def _build_toolbar(self) -> None:
        from PySide6.QtCore import Qt

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setAccessibleName(self.tr("Main toolbar"))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(self.ctx.db.description, self)
        self.database_label.setAccessibleName(self.tr("Database"))
        self.statusBar().addPermanentWidget(self.database_label)
        # Beside the database name while work runs in the background, and gone when it ends
        # (a status message would stay after the work, or hide the message that ended it).
        self.busy_label = QLabel(self.tr("Working…"), self)
        self.busy_label.setObjectName("busy-indicator")
        self.busy_label.setAccessibleName(self.tr("Working in the background"))
        self.busy_label.hide()
        self.statusBar().insertPermanentWidget(0, self.busy_label)
        self.ctx.tasks.busy_changed.connect(self.busy_label.setVisible)

    # ------------------------------------------------------------------ navigation
    def page(self, key: str) -> QWidget:
        """The dashboard or trash page, built on first use."""
        widget = self.pages.get(key)
        if widget is None:
            _key, _title, module_name, factory_name = next(p for p in OTHER_PAGES if p[0] == key)
            module = importlib.import_module(module_name)
            widget = getattr(module, factory_name)(self.ctx, self)
            if hasattr(widget, "open_requested"):
                widget.open_requested.connect(self.open_record)
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return widget

    def _navigate(self, current: QListWidgetItem | None, _previous: object) -> None:
        from PySide6.QtCore import Qt

        key = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if key in self.lists or key in OTHER_PAGE_KEYS:  # features answer their own items
            self.open_list(key)

    def _back_to_list(self, item: QListWidgetItem) -> None:
        if self.record_page is not None and self.stack.currentWidget() is self.record_page:
            self._navigate(item, None)

    def open_list(self, entity: str, state: ListState | None = None) -> None:
        """Show a list (or another navigation page such as the dashboard)."""
        self._visit(Location(entity))
        if state is not None:
            self.lists[entity].apply_state(state)

    def start_at(self, key: str) -> None:
        """Make ``key``'s list or page the first place of the window's history (Today, when
        the app opens on it): nothing to go Back to yet."""
        self._history, self._position = [], -1
        self.open_list(key)

    def open_record(self, entity: str, record_id: int) -> None:
        if entity == "document":  # a document (a search hit) opens on its record's page
            owner = self.ctx.attempt(lambda: self.ctx.services.documents.owner_of(record_id))
            if owner is None:
                return
            entity, record_id = owner
        self._visit(Location(entity, record_id))

    def _visit(self, location: Location) -> None:
        if 0 <= self._position < len(self._history) and self._history[self._position] == location:
            self._show(location)
            return
        del self._history[self._position + 1 :]
        self._history.append(location)
        self._position = len(self._history) - 1
        self._show(location)

    def go_back(self) -> None:
        if self._position > 0:
            self._position -= 1
            self._show(self._history[self._position])

    def go_forward(self) -> None:
        if self._position < len(self._history) - 1:
            self._position += 1
            self._show(self._history[self._position])

    def _show(self, location: Location) -> None:
        if location.record_id is None and location.entity in OTHER_PAGE_KEYS:
            self.stack.setCurrentWidget(self.page(location.entity))
            self._select_navigation(location.entity)
        elif location.record_id is None:
            page = self.lists[location.entity]
            self.stack.setCurrentWidget(page)
            page.ensure_loaded()
            self._select_navigation(location.entity)
        else:
            self._show_record(location.entity, location.record_id)
        self._update_actions()

    def _show_record(self, entity: str, record_id: int) -> None:
        from brokerdesk.gui.views.record_pages import create_record_page

        page = create_record_page(self.ctx, entity, record_id, self)
        page.open_requested.connect(self.open_record)
        page.delete_requested.connect(self.delete_selected)
        if self.record_page is not None:
            self.stack.removeWidget(self.record_page)
            self.record_page.deleteLater()
        self.record_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        # Where the user is: a partner's page keeps Partners chosen in the navigation.
        self._select_navigation(entity if entity in self.lists else None)
        page.take_focus()  # where the user now is, read by a screen reader as it opens

    def _select_navigation(self, entity: str | None) -> None:
        from PySide6.QtCore import Qt

        self.navigation.blockSignals(True)
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == entity:
                self.navigation.setCurrentRow(row)
                break
        else:  # a record with no list of its own: nothing is shown as chosen
            self.navigation.setCurrentRow(-1)
        self.navigation.blockSignals(False)

    @property
    def location(self) -> Location:
        return self._history[self._position]

    # ------------------------------------------------------------------ actions
    def current_list(self) -> ListPage | None:
        from brokerdesk.gui.views.list_page import ListPage

        if not self.is_attached:
            return None
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, ListPage) else None

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self._position > 0)
        self.forward_action.setEnabled(self._position < len(self._history) - 1)
        page = self.current_list()
        selected = page.selected_ids() if page else []
        on_record = page is None and self.record_page is not None
        may = self.may_change_records
        self.edit_action.setEnabled(may and (len(selected) == 1 or on_record))
        self.delete_action.setEnabled(may and (bool(selected) or on_record))
        self.new_action.setEnabled(may and self._new_entity() is not None)

    def _new_entity(self) -> str | None:
        entity = self.location.entity if self._history else None
        registered = KINDS.get(entity or "")
        return entity if registered is not None and registered.creatable else None

    def new_record(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        entity = self._new_entity()
        if entity is None:
            return
        record_id = open_record_form(self.ctx, entity, None, parent=self)
        if record_id is not None:
            self.open_record(entity, record_id)

    def edit_current(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        page = self.current_list()
        if page is not None:
            ids = page.selected_ids()
            if len(ids) == 1:
                open_record_form(self.ctx, page.entity, ids[0], parent=self)
        elif self.location.record_id is not None:
            open_record_form(self.ctx, self.location.entity, self.location.record_id, parent=self)

    def delete_selected(self) -> None:
        from brokerdesk.gui.undo import DeleteRecords

        page = self.current_list()
        if page is not None:
            entity, ids = page.entity, page.selected_ids()
        elif self.location.record_id is not None:
            entity, ids = self.location.entity, [self.location.record_id]
        else:
            return
        if ids and self.confirm_delete(entity, ids):
            service = self.ctx.services.for_entity(entity)
            label = (
                f"Delete {len(ids)} {kind_words.many(entity)}"
                if len(ids) > 1
                else f"Delete {kind_words.one(entity)}"
            )
            done = self.ctx.perform(DeleteRecords(self.ctx, service, ids, label)) is not None
            if done and page is None:
                self.go_back()

    def confirm_delete(self, entity: str, ids: list[int]) -> bool:
        service = self.ctx.services.for_entity(entity)
        impact = self.ctx.attempt(lambda: service.delete_impact(ids))
        if impact is None:
            return False
        what = (
            f"these {len(ids)} {kind_words.many(entity)}"
            if len(ids) > 1
            else f"this {kind_words.one(entity)}"
        )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete"))
        box.setText(self.tr("Delete {0}?").format(what))
        details = "\n".join(f"• {line}" for line in impact)
        box.setInformativeText(
            (details + "\n\n" if details else "")
            + self.tr("You can undo this (Ctrl+Z) or restore it from the Trash.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        delete_button = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete_button

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        page = self.current_list()
        if page is not None:
            page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            page.search.selectAll()

    def refresh(self) -> None:
        self.ctx.changes.broadcast(tables={e for e, _ in NAVIGATION} | {"participation"})
        if self.location.record_id is not None:
            self._show_record(self.location.entity, self.location.record_id)

    def backup_now(self) -> None:
        from brokerdesk.core import backup

        if self.ctx.db.path is None:
            self._back_up_server()
            return
        path = self.ctx.attempt(lambda: backup.make_backup(self.ctx.db, reason="manual"))
        if path is not None:
            self.ctx.notify(self.tr("Backed up to {0}").format(path))

    def _back_up_server(self) -> None:
        """A team server's backup (pg_dump, or BrokerDesk's own copy) runs in the background,
        with progress and Cancel, into the server's backup folder."""
        from brokerdesk.core import server_backup
        from brokerdesk.gui.operations import Operation

        db = self.ctx.db
        Operation(
            self.ctx,
            self,
            lambda progress: server_backup.backup_server(db, progress=progress),
            title=self.tr("Back up the team server"),
            name="server-backup-progress",
            on_success=lambda made: self.ctx.notify(
                self.tr("Backed up the team server to {0}").format(made.path)
            ),
        ).run()

    def show_about(self) -> None:
        from brokerdesk import __version__

        QMessageBox.about(
            self,
            self.tr("About BrokerDesk"),
            self.tr(
                "<h3>BrokerDesk {0}</h3><p>National partnerships with UK public library "
                "services.</p><p>Library authorities: mySociety (CC BY 4.0) and ONS codes "
                "(Open Government Licence v3.0). Library branches: Arts Council England Basic "
                "Dataset for Libraries 2023 via Libraries Hacked (Open Government Licence "
                "v3.0; contains OS data © Crown copyright, Royal Mail data © Royal Mail "
                "copyright, ONS data © Crown copyright). Service directory: Libraries Hacked "
                "(CC0 1.0). Map boundaries: Office for National Statistics (Open Government "
                "Licence v3.0; contains OS data © Crown copyright and database right 2024; "
                "contains LPS Intellectual Property © Crown copyright and database right "
                "2024).</p>"
            ).format(__version__),
        )

    def _show_message(self, text: str, is_error: bool) -> None:
        from PySide6.QtCore import Qt

        self.statusBar().showMessage(text, 0 if is_error else 6000)
        if not is_error:  # an error's message box below is read as it opens
            from brokerdesk.gui.announce import announce

            announce(self, text)
        if is_error:
            # Window-modal but not blocking: the user reads it, and nothing waits on it.
            box = QMessageBox(
                QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, self
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.setObjectName("error-message")
            box.open()

    # ------------------------------------------------------------------ persistence
    def _restore_geometry(self) -> None:
        geometry = self.settings.get(keys.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)

    def _restore_layout(self) -> None:
        state = self.settings.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.layout("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        if self.is_attached:  # closed while opening: the toolbars and lists were not there
            self.settings.set(keys.WINDOW_STATE, self.saveState())
            self.settings.set_layout("main/splitter", self.splitter.saveState())
            for page in self.lists.values():
                page.save_layout()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        if self.is_attached:
            self.safety.live_refresh.stop()
            self.ctx.tasks.wait(10_000)
        super().closeEvent(event)
