"""Group by in every list: a "Group by" box beside Columns; when a column is chosen the table
gives way to a tree of groups, each with its count and the sums of the number and money
columns, and a total line under it.

The groups are worked out in a worker (``ctx.tasks``), so a slow GROUP BY over a long list
never freezes the window: the filter box keeps taking keys, the old groups stay shown with
"Working out the groups…" under them, and a grouping for an older filter is dropped when it
arrives after a newer one was asked for. The total is announced when the groups arrive.

The tree is a ``QTreeView``: Right and Left (or + and -) open and close a group, Enter opens
a record, and a screen reader hears each group as "Offer area Reading: 12 programmes" and
whether it is expanded. Export view exports the grouped view as shown (headings, records,
subtotals, total): it reads the page's ``group_key``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLabel, QTreeView, QWidget
from shiboken6 import isValid

from brokerdesk.core.display import display
from brokerdesk.core.errors import Cancelled
from brokerdesk.core.grouping import Group, GroupedList
from brokerdesk.core.lists import ListState
from brokerdesk.gui import kind_words
from brokerdesk.gui.announce import announce
from brokerdesk.gui.grouping.model import GroupTreeModel
from brokerdesk.gui.operations import plain_sentence

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.tasks import Progress, Task
    from brokerdesk.gui.views.list_page import ListPage

translate = QCoreApplication.translate  # lupdate reads translate("Grouping", "…") calls


class GroupedView:
    """The group-by box, tree and total line of one list page."""

    def __init__(self, window: MainWindow, page: ListPage) -> None:
        self.window = window
        self.page = page
        page.group_key = None  # type: ignore[attr-defined]  # read by Export view
        self.model = GroupTreeModel(GroupedList(window.ctx.db, page.record_list), page)
        self.box = QComboBox(page)
        self.box.setObjectName(f"group-by-{page.entity}")
        self.box.setAccessibleName(translate("Grouping", "Group by"))
        self.box.setToolTip(translate("Grouping", "Group the list by a column, with totals"))
        self.box.addItem(translate("Grouping", "No groups"), None)
        for column in page.record_list.columns:
            self.box.addItem(translate("ListColumns", column.label), column.key)
        label = QLabel(translate("Grouping", "Group b&y:"), page)
        label.setBuddy(self.box)
        bar = _bar_holding(page, page.columns_button)
        at = bar.indexOf(page.columns_button)
        bar.insertWidget(at, self.box)
        bar.insertWidget(at, label)

        self.tree = QTreeView(page)
        self.tree.setObjectName(f"groups-{page.entity}")
        self.tree.setAccessibleName(
            translate("Grouping", "{0} in groups").format(page.record_list.title)
        )
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        self.tree.activated.connect(self._open)
        self.tree.hide()
        self.total = QLabel(page)
        self.total.setObjectName(f"group-total-{page.entity}")
        self.total.setAccessibleName(translate("Grouping", "Total"))
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.total.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.total.hide()
        layout = page.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(layout.indexOf(page.table) + 1, self.tree, 1)
        layout.insertWidget(layout.indexOf(self.tree) + 1, self.total)

        # Tab: … Group by, Columns, then the table or the tree, then the total.
        before = page.columns_button.previousInFocusChain()
        while (
            before is not None
            and before is not self.box
            and not before.focusPolicy() & Qt.FocusPolicy.TabFocus  # disabled ones count
        ):
            before = before.previousInFocusChain()
        if before is not None and before is not self.box:
            QWidget.setTabOrder(before, self.box)
        QWidget.setTabOrder(self.box, page.columns_button)
        QWidget.setTabOrder(page.table, self.tree)
        QWidget.setTabOrder(self.tree, self.total)

        self._generation = 0  # each grouping's number: only the newest one's answer shows
        self._working = False
        self._task: Task | None = None  # the newest grouping, cancelled when overtaken
        self.box.currentIndexChanged.connect(lambda _i: self.reload())
        page.model.modelReset.connect(self._follow_list)
        window.ctx.changes.changed.connect(self._on_change)

    @property
    def key(self) -> str | None:
        value = self.box.currentData()
        return str(value) if value is not None else None

    def group_by(self, key: str | None) -> None:
        """Group by column ``key`` (None: the plain table again)."""
        self.box.setCurrentIndex(max(self.box.findData(key), 0))

    def reload(self) -> None:
        """Group the list as it is now filtered, in a worker; the old groups stay on screen
        (the total line says the groups are being worked out) until the answer comes, and
        only the answer for the newest filter is ever shown."""
        key = self.key
        self.page.group_key = key  # type: ignore[attr-defined]
        grouped = key is not None
        self.page.table.setVisible(not grouped)
        self.tree.setVisible(grouped)
        self.total.setVisible(grouped)
        self._generation += 1
        if self._task is not None:  # overtaken: skipped if it has not started yet
            self._task.cancel()
            self._task = None
        if key is None:
            self._set_working(False)
            return
        generation, state = self._generation, self.page.current_state()
        grouped_list = self.model.grouped

        def work(progress: Progress) -> list[Group]:
            if not progress(0, 1, ""):
                raise Cancelled
            return grouped_list.groups(state, key)

        self._set_working(True)
        self._task = self.window.ctx.tasks.start(
            work,
            translate("Grouping", "Grouping the list"),
            on_done=lambda found: self._show(generation, state, key, found),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self.tree,
        )

    @property
    def working(self) -> bool:
        """True while the groups shown are not yet those of the list's current filter."""
        return self._working

    def _set_working(self, working: bool) -> None:
        self._working = working
        if working:
            self.tree.setCursor(Qt.CursorShape.BusyCursor)  # the window itself stays usable
            self.total.setText(translate("Grouping", "Working out the groups…"))
        else:
            self.tree.unsetCursor()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return  # a newer grouping has been asked for; its outcome is what counts
        self._task = None
        self._set_working(False)
        text = translate("Grouping", "The list could not be grouped: {0}").format(
            plain_sentence(translate("Grouping", "Grouping the list"), exc)
        )
        self.total.setText(text)
        self.window.ctx.report_error(text)

    def _show(self, generation: int, state: ListState, key: str, found: list[Group]) -> None:
        if generation != self._generation:
            return  # worked out for an older filter: a newer answer is on its way
        self._task = None
        self._set_working(False)
        self.model.show_groups(state, key, found)
        for i, _column in enumerate(self.model.columns):
            self.tree.setColumnHidden(i, self.page.table.isColumnHidden(i))
        self.tree.setColumnWidth(0, max(220, self.page.table.columnWidth(0)))
        for i, column in enumerate(self.model.columns):
            if column.currency is not None:  # room for "£12,000.00 + €5,000.00"
                self.tree.resizeColumnToContents(i)
        total = self.model.total()
        parts = [
            translate("Grouping", "Total: {0} in {1} groups").format(
                _count(self.page.entity, total.count), f"{len(self.model.groups):,}"
            )
        ]
        for column in self.model.columns:
            if column.key in total.sums and not self.page.table.isColumnHidden(
                self.model.columns.index(column)
            ):
                parts.append(f"{column.label} {display(total.sums[column.key], column.kind)}")
        text = " · ".join(parts)
        self.total.setText(text)
        announce(self.total, text)

    def _follow_list(self) -> None:
        """The list's search or filters changed: group what it now shows."""
        if not isValid(self.box):  # its list was made again (the kind's own fields changed)
            return
        if self.key is not None and self.tree.isVisible():
            self.reload()

    def _on_change(self, entities: frozenset[str]) -> None:
        if not isValid(self.box):
            return
        if self.key is not None and self.page.entity in entities:
            self.reload()

    def _open(self, index: QModelIndex) -> None:
        record = self.model.record_id(index)
        if record is not None:
            self.page.open_requested.emit(self.page.entity, record)
        elif index.isValid():
            self.tree.setExpanded(index.siblingAtColumn(0), not self.tree.isExpanded(index))


def _count(entity: str, n: int) -> str:
    return f"{n:,} {kind_words.one(entity) if n == 1 else kind_words.many(entity)}"


def _bar_holding(page: QWidget, widget: QWidget) -> QBoxLayout:
    layout = page.layout()
    assert layout is not None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        row = item.layout() if item is not None else None
        if isinstance(row, QBoxLayout) and row.indexOf(widget) >= 0:
            return row
    raise LookupError(widget.objectName())


@dataclass
class GroupingActions:
    """The grouped view of each list, by kind."""

    views: dict[str, GroupedView] = field(default_factory=dict)


def install(window: MainWindow) -> GroupingActions:
    made = GroupingActions()
    for entity, page in window.lists.items():
        made.views[entity] = GroupedView(window, page)

    def again(page: ListPage) -> None:  # a list made again when its own fields changed
        made.views[page.entity] = GroupedView(window, page)

    window.list_page_replaced.connect(again)
    return made
