"""Saved views in the navigation: keep a list's search, filters, sort and columns under a name.

The team asks the same questions every week ("partners not contacted since March"); a saved
view asks again in one click. Views appear under a "Saved views" heading in the navigation as
"Partners ▸ Not contacted since March"; F2 renames, Delete deletes (after a question), and the
same commands are on the item's context menu. Storage and checks are the core
``SavedViewService``; this module only turns a list page's state into a definition and back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.errors import BrokerDeskError, ValidationError
from brokerdesk.core.lists import ListState
from brokerdesk.core.services.saved_views import SavedViewRecord, SavedViewService

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")

KEY_PREFIX = "saved-view:"
HEADING_KEY = "saved-views-heading"


def definition_of(page: Any) -> dict[str, Any]:
    """A saved-view definition of what the list page shows now."""
    state: ListState = page.current_state()
    header = page.table.horizontalHeader()
    columns = page.model.columns
    order = sorted(range(len(columns)), key=header.visualIndex)
    definition: dict[str, Any] = {
        "search": state.search,
        "filters": dict(state.filters),  # the list's own filter keys: the service checks them
        "columns": [columns[i].key for i in order if not page.table.isColumnHidden(i)],
    }
    if state.sort_key:
        definition["sort"] = [state.sort_key, "desc" if state.descending else "asc"]
    return definition


def state_of(definition: dict[str, Any]) -> ListState:
    """The list state a definition asks for (columns are applied separately)."""
    sort = definition.get("sort") or [None, "asc"]
    filters = dict(definition.get("filters", {}))
    return ListState(
        search=definition.get("search", ""),
        filters=filters,
        sort_key=sort[0],
        descending=sort[1] == "desc",
    )


def apply_columns(page: Any, keys: list[str]) -> None:
    """Show exactly ``keys`` in that order; other columns are hidden after them."""
    header = page.table.horizontalHeader()
    index = {c.key: i for i, c in enumerate(page.model.columns)}
    wanted = [index[k] for k in keys if k in index]
    if not wanted:
        return
    rest = [i for i in range(len(page.model.columns)) if i not in wanted]
    for position, logical in enumerate(wanted + rest):
        header.moveSection(header.visualIndex(logical), position)
    for logical in range(len(page.model.columns)):
        page.table.setColumnHidden(logical, logical not in wanted)


class NameDialog(QDialog):
    """Asks for a view's name; the service's message shows beside the field until it is fixed."""

    def __init__(
        self, parent: QWidget, title: str, name: str, submit: Callable[[str], None]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._submit = submit
        self.field = QLineEdit(name, self)
        self.field.setAccessibleName(self.tr("View name"))
        self.field.selectAll()
        self.message = QLabel(self)
        self.message.setAccessibleName(self.tr("View name message"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-weight: bold;")  # the window text: 4.5:1 at least
        self.message.hide()
        form = QFormLayout()
        label = QLabel(self.tr("View &name:"), self)
        label.setBuddy(self.field)
        form.addRow(label, self.field)
        form.addRow("", self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _try_accept(self) -> None:
        try:
            self._submit(self.field.text())
        except ValidationError as exc:
            text = exc.field_errors.get("name") or str(exc)
            self.message.setText(text)
            self.message.setAccessibleDescription(text)
            self.message.show()
            self.field.setFocus()
            return
        self.accept()


class SavedViewsNavigator(QObject):
    """Keeps the navigation's saved-view items in step with the database and acts on them."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.service = SavedViewService(window.ctx.db)
        self.dialog: NameDialog | None = None
        self.question: QMessageBox | None = None
        nav = window.navigation
        nav.currentItemChanged.connect(self._navigate)  # the window opens only its lists
        nav.itemClicked.connect(self._back_to_view)
        nav.itemActivated.connect(self._back_to_view)
        nav.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        nav.customContextMenuRequested.connect(self._context_menu)
        nav.installEventFilter(self)
        self.reload()

    # ------------------------------------------------------------------ navigation items
    def items(self) -> list[QListWidgetItem]:
        nav = self.window.navigation
        return [
            nav.item(r)
            for r in range(nav.count())
            if str(nav.item(r).data(Qt.ItemDataRole.UserRole) or "").startswith(KEY_PREFIX)
        ]

    def reload(self) -> None:
        """Rebuild the "Saved views" section from the database."""
        nav = self.window.navigation
        nav.blockSignals(True)
        for row in reversed(range(nav.count())):
            key = str(nav.item(row).data(Qt.ItemDataRole.UserRole) or "")
            if key.startswith(KEY_PREFIX) or key == HEADING_KEY:
                nav.takeItem(row)
        views = [v for v in self.service.list() if v.entity in self.window.lists]
        if views:
            heading = QListWidgetItem(self.tr("Saved views"), nav)
            heading.setData(Qt.ItemDataRole.UserRole, HEADING_KEY)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        for view in sorted(views, key=lambda v: (v.entity, v.name.casefold())):
            title = self.window.lists[view.entity].record_list.title
            item = QListWidgetItem(f"{title} ▸ {view.name}", nav)
            item.setData(Qt.ItemDataRole.UserRole, f"{KEY_PREFIX}{view.id}")
            item.setToolTip(self.tr("Saved view of {0}: F2 renames, Delete deletes").format(title))
        nav.blockSignals(False)
        wanted = nav.sizeHintForColumn(0) + 24
        if nav.width() < wanted and hasattr(self.window, "splitter"):
            sizes = self.window.splitter.sizes()
            self.window.splitter.setSizes([wanted, max(sizes[1] - (wanted - sizes[0]), 400)])

    def _view_of(self, item: QListWidgetItem | None) -> SavedViewRecord | None:
        key = str(item.data(Qt.ItemDataRole.UserRole) or "") if item else ""
        if not key.startswith(KEY_PREFIX):
            return None
        return self.service.get(int(key.removeprefix(KEY_PREFIX)))

    def _navigate(self, current: QListWidgetItem | None, _previous: object) -> None:
        view = self._view_of(current)
        if view is not None:
            self.open_view(view)

    def _back_to_view(self, item: QListWidgetItem) -> None:
        """A click on the chosen view while a record is shown (no change of item) reopens it."""
        view = self._view_of(item)
        if view is not None and self.window.current_list() is None:
            self.open_view(view)

    def _select(self, view_id: int) -> None:
        nav = self.window.navigation
        for item in self.items():
            if item.data(Qt.ItemDataRole.UserRole) == f"{KEY_PREFIX}{view_id}":
                nav.blockSignals(True)
                nav.setCurrentItem(item)
                nav.blockSignals(False)

    def open_view(self, view: SavedViewRecord) -> None:
        """Show the view's list with its search, filters, sort and columns."""
        self.window.open_list(view.entity, state_of(view.definition))
        if view.definition.get("columns"):
            apply_columns(self.window.lists[view.entity], view.definition["columns"])
        self._select(view.id)  # the window selected the plain list; keep the view chosen
        self.window.ctx.notify(self.tr("Showing saved view “{0}”").format(view.name))

    # ------------------------------------------------------------------ commands
    def save_current(self) -> NameDialog | None:
        """Open the "Save view" dialog for the list on screen."""
        page = self.window.current_list()
        if page is None:
            self.window.ctx.notify(self.tr("Open a list to save a view of it."))
            return None
        definition = definition_of(page)

        def submit(name: str) -> None:
            self.service.save(page.entity, name, definition)
            self.reload()
            self.window.ctx.notify(self.tr("Saved view “{0}”").format(" ".join(name.split())))

        title = self.tr("Save view of {0}").format(page.record_list.title)
        self.dialog = NameDialog(self.window, title, "", submit)
        self.dialog.open()
        return self.dialog

    def rename(self, item: QListWidgetItem | None = None) -> NameDialog | None:
        view = self._view_of(item or self.window.navigation.currentItem())
        if view is None:
            return None

        def submit(name: str) -> None:
            self.service.rename(view.id, name)
            self.reload()

        self.dialog = NameDialog(self.window, self.tr("Rename saved view"), view.name, submit)
        self.dialog.open()
        return self.dialog

    def delete(self, item: QListWidgetItem | None = None) -> QMessageBox | None:
        view = self._view_of(item or self.window.navigation.currentItem())
        if view is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete saved view"),
            self.tr("Delete the saved view “{0}”? The records themselves are not touched.").format(
                view.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                try:
                    self.service.delete(view.id)
                except BrokerDeskError as exc:
                    self.window.ctx.report_error(str(exc))
                self.reload()

        box.finished.connect(answered)
        self.question = box
        box.open()
        return box

    def _context_menu(self, point: QPoint) -> None:
        item = self.window.navigation.itemAt(point)
        if self._view_of(item) is None:
            return
        menu = QMenu(self.window.navigation)
        menu.addAction(self.tr("Open"), lambda: self._navigate(item, None))
        rename = menu.addAction(self.tr("Rename…"), lambda: self.rename(item))
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        delete = menu.addAction(self.tr("Delete…"), lambda: self.delete(item))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        menu.exec(self.window.navigation.viewport().mapToGlobal(point))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F2 and Delete on a saved view in the navigation (beating the window's Delete)."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Delete) and self._view_of(
                self.window.navigation.currentItem()
            ):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    if event.key() == Qt.Key.Key_F2:
                        self.rename()
                    else:
                        self.delete()
                return True
        return super().eventFilter(watched, event)
