"""Edit ▸ Add to list… (Ctrl+Shift+L) and Remove from list, on every list's selection (also
on the table's context menu), and a "Static lists" section in the navigation.

Choosing a static list in the navigation opens its kind's list filtered "On list" to it, so
everything a list view does (export, saved views, bulk changes) works on a static list too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QListWidgetItem, QMenu

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.lists import ListState
from brokerdesk.core.services.static_lists import StaticListRecord, StaticListService
from brokerdesk.gui import kind_words
from brokerdesk.gui.static_lists.command import AddToList, RemoveFromList
from brokerdesk.gui.static_lists.dialog import AddToListDialog
from brokerdesk.gui.undo import ServiceCommand

if TYPE_CHECKING:
    from brokerdesk.core.services.records import Change
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.views.list_page import ListPage

translate = QCoreApplication.translate  # lupdate reads translate("StaticLists", "…") calls

KEY_PREFIX = "static-list:"
HEADING_KEY = "static-lists-heading"


def _count(entity: str, n: int) -> str:
    """ "1 partner", "12 partners" in the reader's language."""
    return f"{n:,} {kind_words.one(entity) if n == 1 else kind_words.many(entity)}"


class DeleteList(ServiceCommand):
    """Delete a static list (never its records); undo brings it back with its members."""

    def __init__(self, ctx: Any, lists: StaticListService, list_id: int, text: str) -> None:
        super().__init__(ctx, text)
        self.lists = lists
        self.list_id = list_id

    def perform(self) -> Change:
        self.change = self.lists.delete(self.list_id)
        return self.change

    def undo_action(self) -> Change:
        assert self.change is not None and self.change.snapshot is not None
        return self.lists.restore(self.change.snapshot)

    def redo_action(self) -> Change:
        return self.perform()


class StaticLists(QObject):
    """The actions on a list's selection and the navigation's "Static lists" section."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lists = StaticListService(window.ctx.db)
        self.dialog: AddToListDialog | None = None
        self.add_action = QAction(translate("StaticLists", "Add to &list…"), window)
        self.add_action.setObjectName("add-to-list-action")
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        tip = translate("StaticLists", "Put the selected records on a static list (Ctrl+Shift+L)")
        self.add_action.setToolTip(tip)
        self.add_action.setStatusTip(tip)
        self.add_action.triggered.connect(self.add_selected)
        self.remove_action = QAction(translate("StaticLists", "Remo&ve from list"), window)
        self.remove_action.setObjectName("remove-from-list-action")
        tip = translate("StaticLists", "Take the selected records off the list shown")
        self.remove_action.setToolTip(tip)
        self.remove_action.setStatusTip(tip)
        self.remove_action.triggered.connect(self.remove_selected)
        window.register_action("edit.add_to_list", self.add_action)
        window.register_action("edit.remove_from_list", self.remove_action)
        for page in window.lists.values():
            self._equip(page)
        window.list_page_replaced.connect(self._equip)
        window.stack.currentChanged.connect(lambda _i: self.update_actions())
        nav = window.navigation
        nav.currentItemChanged.connect(self._navigate)
        nav.itemClicked.connect(self._back_to_list)
        nav.itemActivated.connect(self._back_to_list)
        nav.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        nav.customContextMenuRequested.connect(self._context_menu)
        nav.installEventFilter(self)
        window.ctx.changes.changed.connect(self._on_change)
        self.reload()
        self.update_actions()

    # ------------------------------------------------------------------ the selection
    def _page(self) -> ListPage | None:
        return self.window.current_list()

    def _shown_list(self, page: ListPage | None) -> int | None:
        if page is None:
            return None
        value = page.model.state.filters.get("list_id")
        return int(value) if value is not None else None

    def _equip(self, page: ListPage) -> None:
        """Add to list / Remove from list on a list page's table and its context menu."""
        page.table.addAction(self.add_action)
        page.table.addAction(self.remove_action)
        page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        page.selection_changed.connect(self.update_actions)
        page.model.modelReset.connect(self.update_actions)

    def update_actions(self) -> None:
        page = self._page()
        selected = bool(page and page.selected_ids())
        self.add_action.setEnabled(selected)
        self.remove_action.setEnabled(selected and self._shown_list(page) is not None)

    def add_selected(self) -> AddToListDialog | None:
        """Ask which list, then put the selected records on it (one undo entry)."""
        page = self._page()
        ids = page.selected_ids() if page else []
        if page is None or not ids:
            self.window.ctx.notify(translate("StaticLists", "Select records to add to a list."))
            return None
        entity = page.entity
        count = _count(entity, len(ids))

        def submit(list_id: int | None, name: str) -> None:
            text = translate("StaticLists", "Added {0} to “{1}”").format(count, name)
            command = AddToList(self.window.ctx, self.lists, entity, list_id, name, ids, text)
            change = command.perform()  # a refused name raises here: the dialog says why
            self.window.ctx.record_undoable(command, change)

        self.dialog = AddToListDialog(
            self.window,
            translate("StaticLists", "Add to list"),
            translate(
                "StaticLists", "Put {0} on a list of {1}: choose one, or type a new name."
            ).format(count, kind_words.many(entity)),
            self.lists.lists(entity),
            submit,
        )
        self.dialog.open()
        return self.dialog

    def remove_selected(self) -> None:
        page = self._page()
        list_id = self._shown_list(page)
        ids = page.selected_ids() if page else []
        if page is None or list_id is None or not ids:
            return
        try:
            name = self.lists.get(list_id).name
        except BrokerDeskError as exc:
            self.window.ctx.report_error(str(exc))
            return
        text = translate("StaticLists", "Took {0} off “{1}”").format(
            _count(page.entity, len(ids)), name
        )
        self.window.ctx.perform(RemoveFromList(self.window.ctx, self.lists, list_id, ids, text))

    # ------------------------------------------------------------------ the navigation
    def items(self) -> list[QListWidgetItem]:
        nav = self.window.navigation
        return [
            nav.item(r)
            for r in range(nav.count())
            if str(nav.item(r).data(Qt.ItemDataRole.UserRole) or "").startswith(KEY_PREFIX)
        ]

    def _on_change(self, entities: frozenset[str]) -> None:
        if "static_list" in entities or entities & set(self.window.lists):
            self.reload()  # a record deleted or put back changes a list's count
        self.update_actions()

    def reload(self) -> None:
        """Rebuild the "Static lists" section (after the saved views' section)."""
        nav = self.window.navigation
        current = nav.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        nav.blockSignals(True)
        for row in reversed(range(nav.count())):
            key = str(nav.item(row).data(Qt.ItemDataRole.UserRole) or "")
            if key.startswith(KEY_PREFIX) or key == HEADING_KEY:
                nav.takeItem(row)
        found = [x for x in self.lists.lists() if x.entity in self.window.lists]
        if found:
            heading = QListWidgetItem(translate("StaticLists", "Static lists"), nav)
            heading.setData(Qt.ItemDataRole.UserRole, HEADING_KEY)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        for record in found:
            title = self.window.lists[record.entity].record_list.title
            item = QListWidgetItem(f"{title} ▸ {record.name} ({record.size:,})", nav)
            item.setData(Qt.ItemDataRole.UserRole, f"{KEY_PREFIX}{record.id}")
            item.setToolTip(
                translate("StaticLists", "Static list of {0}: Delete deletes the list").format(
                    title
                )
            )
            if chosen == f"{KEY_PREFIX}{record.id}":
                nav.setCurrentItem(item)
        nav.blockSignals(False)
        wanted = nav.sizeHintForColumn(0) + 24  # room for the names, as saved views make
        splitter = getattr(self.window, "splitter", None)
        if found and nav.width() < wanted and splitter is not None:
            sizes = splitter.sizes()
            splitter.setSizes([wanted, max(sizes[1] - (wanted - sizes[0]), 400)])

    def _record_of(self, item: QListWidgetItem | None) -> StaticListRecord | None:
        key = str(item.data(Qt.ItemDataRole.UserRole) or "") if item else ""
        if not key.startswith(KEY_PREFIX):
            return None
        try:
            return self.lists.get(int(key.removeprefix(KEY_PREFIX)))
        except BrokerDeskError:
            return None

    def _navigate(self, current: QListWidgetItem | None, _previous: object) -> None:
        record = self._record_of(current)
        if record is not None:
            self.open(record)

    def _back_to_list(self, item: QListWidgetItem) -> None:
        record = self._record_of(item)
        if record is not None and self.window.current_list() is None:
            self.open(record)

    def open(self, record: StaticListRecord) -> None:
        """Show the list's kind filtered to it ("On list")."""
        self.window.open_list(record.entity, ListState(filters={"list_id": record.id}))
        nav = self.window.navigation
        for item in self.items():
            if item.data(Qt.ItemDataRole.UserRole) == f"{KEY_PREFIX}{record.id}":
                nav.blockSignals(True)
                nav.setCurrentItem(item)
                nav.blockSignals(False)
        self.window.ctx.notify(
            translate("StaticLists", "Showing static list “{0}”").format(record.name)
        )

    def delete(self, item: QListWidgetItem | None = None) -> None:
        record = self._record_of(item or self.window.navigation.currentItem())
        if record is None:
            return
        text = translate("StaticLists", "Deleted static list “{0}”").format(record.name)
        self.window.ctx.perform(DeleteList(self.window.ctx, self.lists, record.id, text))

    def _context_menu(self, point: QPoint) -> None:
        item = self.window.navigation.itemAt(point)
        if self._record_of(item) is None:
            return
        menu = QMenu(self.window.navigation)
        menu.addAction(translate("StaticLists", "Open"), lambda: self._navigate(item, None))
        delete = menu.addAction(translate("StaticLists", "Delete list"), lambda: self.delete(item))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        menu.exec(self.window.navigation.viewport().mapToGlobal(point))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete on a static list in the navigation deletes the list (undoable)."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Delete and self._record_of(
                self.window.navigation.currentItem()
            ):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.delete()
                return True
        return super().eventFilter(watched, event)


@dataclass(frozen=True)
class StaticListActions:
    """What :func:`install` made."""

    add: QAction
    remove: QAction
    navigator: StaticLists


def install(window: MainWindow) -> StaticListActions:
    made = StaticLists(window)
    return StaticListActions(made.add_action, made.remove_action, made)
