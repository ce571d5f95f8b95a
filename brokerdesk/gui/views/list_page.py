"""A list view: search field, filters, result count, column chooser and the record table."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.lists import Filter, ListState, RecordList
from brokerdesk.gui import kind_words
from brokerdesk.gui.announce import announce
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.models.record_table import RecordTableModel
from brokerdesk.gui.views.choice_filters import ChoiceFilter, SeveralChoiceFilter
from brokerdesk.gui.views.value_filter import ValueFilter

SEARCH_DELAY_MS = 150
# Lists longer than this wait for a word of 3 letters before searching (see _apply_state).
SHORT_SEARCH_LIST_SIZE = 50_000
# Starting column widths by the kind of value (until the user resizes; then remembered).
DEFAULT_WIDTHS = {"text": 190, "date": 105, "int": 95, "money": 110, "choice": 125, "bool": 80}


# The keys of the team's own fields' filters and columns ("cf_3", core.services.custom_values).
OWN_FIELD = "cf_"
OWN_FILTERS_PER_ROW = 5


class ListPage(QWidget):
    """Signals:
    open_requested(str, int): the user opened a record (Enter or double-click).
    selection_changed(): the selected records changed.
    """

    open_requested = Signal(str, int)
    selection_changed = Signal()

    def __init__(self, ctx: AppContext, record_list: RecordList, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record_list = record_list
        self.entity = record_list.entity
        self.setObjectName(f"list-{self.entity}")
        self.setAccessibleName(self.tr("{0} list").format(record_list.title))
        self.model = RecordTableModel(ctx.db, record_list, self, tasks=ctx.tasks)
        self._reselect: list[int] = []  # selection to restore when a background refresh ends
        self._filter_widgets: dict[str, QWidget] = {}
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_state)
        self._unsearched_total = 0  # rows before any search: decides if short words wait
        self._unfilled_options: list[tuple[QComboBox, Filter]] = []
        self._count_asked = False  # the user searched or filtered: say the count it gives
        self._build()
        self._stale = True
        ctx.changes.changed.connect(self._on_change)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        title = self.record_list.title
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search {0}…").format(title.lower()))
        self.search.setAccessibleName(self.tr("Search {0}").format(title.lower()))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._debounce.start())

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        # Up to three filters sit beside the search field; more get a row of their own, so
        # the search field keeps its room (the Partners list has five).
        fixed = [f for f in self.record_list.filters if not f.key.startswith(OWN_FIELD)]
        own = [f for f in self.record_list.filters if f.key.startswith(OWN_FIELD)]
        self.filter_bar = bar if len(fixed) <= 3 else QHBoxLayout()
        # More than five filters take a second row, so the window still fits a laptop.
        self.more_filters = QHBoxLayout() if len(fixed) > 5 else None
        for n, flt in enumerate(fixed):
            row = self.more_filters if self.more_filters is not None and n >= 5 else None
            self._place_filter(row or self.filter_bar, flt)
        if self.filter_bar is not bar:
            self.filter_bar.addStretch(1)
        if self.more_filters is not None:
            self.more_filters.addStretch(3)
        # The team's own fields filter in rows of their own, a few to a row.
        self.own_filter_rows: list[QHBoxLayout] = []
        for start in range(0, len(own), OWN_FILTERS_PER_ROW):
            row = QHBoxLayout()
            for flt in own[start : start + OWN_FILTERS_PER_ROW]:
                self._place_filter(row, flt, stretch=0)
            row.addStretch(1)
            self.own_filter_rows.append(row)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Result count"))
        bar.addWidget(self.count_label)
        self.columns_button = QToolButton(self)
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setAccessibleName(self.tr("Columns: show or hide"))
        self.columns_button.setToolTip(self.tr("Show or hide columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_button.setMenu(self._columns_menu())
        bar.addWidget(self.columns_button)

        self.table = QTableView(self)
        self.table.setObjectName(f"table-{self.entity}")
        self.table.setAccessibleName(self.tr("{0} table").format(title))
        self.table.setModel(self.model)
        # The indicator first: enabling sorting sorts by it, and Qt's own default is
        # descending by the first column (partners would open Z to A).
        initial = self.model.state
        self.table.horizontalHeader().setSortIndicator(
            self.model.column_index(initial.sort_key or self.record_list.default_sort),
            Qt.SortOrder.DescendingOrder if initial.descending else Qt.SortOrder.AscendingOrder,
        )
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.verticalHeader().setVisible(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        open_action = QAction(self.tr("Open"), self.table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self._open_index(self.table.currentIndex()))
        self.table.addAction(open_action)
        self.model.count_changed.connect(self._show_count)
        self.model.read_failed.connect(self.ctx.report_error)
        self.model.busy_changed.connect(self._show_busy)
        self.model.modelReset.connect(self._keep_a_current_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        if self.filter_bar is not bar:
            layout.addLayout(self.filter_bar)
        if self.more_filters is not None:
            layout.addLayout(self.more_filters)
        for row in self.own_filter_rows:
            layout.addLayout(row)
        layout.addWidget(self.table)
        # Reading order: search, each filter, Columns, then the table it all shapes.
        chain = [self.search, *self._filter_widgets.values(), self.columns_button, self.table]
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)
        self._restore_layout()

    def _place_filter(self, row: QHBoxLayout, flt: Filter, stretch: int = 1) -> None:
        widget = self._filter_widget(flt)
        self._filter_widgets[flt.key] = widget
        if not isinstance(widget, QCheckBox):  # a check box carries its own label
            label = QLabel(self.tr("{0}:").format(self.tr(flt.label)), self)
            # names the box by what the eye reads beside it (a value filter's first part)
            label.setBuddy(widget.focusProxy() or widget)
            row.addWidget(label)
        row.addWidget(widget, stretch)

    def _filter_widget(self, flt: Filter) -> QWidget:
        if flt.kind == "value":  # an own field's value: "at least 10,000"
            value_filter = ValueFilter(self.tr(flt.label), str(flt.value_type), self)
            value_filter.changed.connect(self._apply_state)
            return value_filter
        if flt.kind == "bool":
            box = QCheckBox(self.tr(flt.label), self)
            box.setAccessibleName(self.tr(flt.label))
            box.setChecked(bool(self.model.state.filters.get(flt.key)))
            box.toggled.connect(lambda _on: self._apply_state())
            return box
        if flt.kind == "days":
            spin = QSpinBox(self)
            spin.setRange(0, 3650)
            spin.setSpecialValueText(self.tr("any"))  # its label beside it says what
            spin.setSuffix(self.tr(" days"))
            spin.setAccessibleName(self.tr(flt.label))
            spin.setToolTip(self.tr(flt.label))
            spin.valueChanged.connect(lambda _v: self._debounce.start())
            return spin
        several = flt.value_type in ("choice", "choices")  # an own field's: any of several
        combo = (SeveralChoiceFilter if several else ChoiceFilter)(self._fill_options, self)
        combo.setAccessibleName(self.tr(flt.label))
        combo.setToolTip(self.tr(flt.label))
        combo.addItem(self.tr("Any {0}").format(self.tr(flt.label).lower()), None)
        assert flt.options is not None
        self._unfilled_options.append((combo, flt))  # filled when the list is first shown
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.currentIndexChanged.connect(lambda _i: self._apply_state())
        return combo

    def _columns_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Columns"))
        self._column_actions: list[QAction] = []
        for i, column in enumerate(self.record_list.columns):
            action = menu.addAction(self.tr(column.label))
            action.setCheckable(True)
            action.setChecked(column.shown)
            action.toggled.connect(lambda on, col=i: self._show_column(col, on))
            self._column_actions.append(action)
        menu.aboutToShow.connect(self._sync_column_menu)
        return menu

    def _sync_column_menu(self) -> None:
        for i, action in enumerate(self._column_actions):
            action.blockSignals(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.blockSignals(False)

    def _show_column(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        self._save_layout()

    # ------------------------------------------------------------------ state
    def current_state(self) -> ListState:
        filters: dict[str, Any] = {}
        for key, widget in self._filter_widgets.items():
            if isinstance(widget, ValueFilter):
                filters[key] = widget.value()
            elif isinstance(widget, QCheckBox):
                filters[key] = True if widget.isChecked() else None
            elif isinstance(widget, QSpinBox):
                filters[key] = widget.value() or None
            elif isinstance(widget, QComboBox):
                filters[key] = widget.currentData()
        return ListState(
            search=self.search.text(),
            filters={k: v for k, v in filters.items() if v is not None},
            sort_key=self.model.state.sort_key,
            descending=self.model.state.descending,
        )

    def _fill_options(self) -> None:
        """Fill the choice filters from the database, once, when first needed (not at start)."""
        if not self._unfilled_options:
            return
        options = self.model.listing.filter_options([flt.key for _, flt in self._unfilled_options])
        for combo, flt in self._unfilled_options:
            combo.blockSignals(True)
            if isinstance(combo, ChoiceFilter):
                combo.fill(options[flt.key])
            combo.blockSignals(False)
        self._unfilled_options.clear()

    def _read_tags_again(self) -> None:
        """Tags come and go with any edit (a new one typed in a form, the tag manager): the
        Tag filter reads its choices again when next reached."""
        widget = self._filter_widgets.get("tag_id")
        if not isinstance(widget, ChoiceFilter):
            return
        if all(combo is not widget for combo, _flt in self._unfilled_options):
            flt = next(f for f in self.record_list.filters if f.key == "tag_id")
            self._unfilled_options.append((widget, flt))

    def apply_state(self, state: ListState) -> None:
        """Show the list as ``state`` says (saved views and links from other pages use it)."""
        self._fill_options()
        for key, widget in self._filter_widgets.items():
            value = state.filters.get(key)
            widget.blockSignals(True)
            if isinstance(widget, ValueFilter):
                widget.set_value(value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, ChoiceFilter):
                widget.choose(value)
            widget.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(state.search)
        self.search.blockSignals(False)
        self.model.state.sort_key = state.sort_key or self.record_list.default_sort
        self.model.state.descending = state.descending
        self._apply_state()

    def _apply_state(self) -> None:
        self._debounce.stop()
        state = self.current_state()
        if self._waits_for_more_letters(state):
            self._say(self.count_label.text())
            return
        self._count_asked = True
        self.model.set_state(state)
        self._stale = False
        self._show_sort_indicator()

    def _waits_for_more_letters(self, state: ListState) -> bool:
        """On a very long list, one or two letters would match most of it, slowly: wait.

        The table keeps what it shows and the count says why until a third letter comes.
        """
        if not state.search.strip():
            return False
        from brokerdesk.core.search.terms import parse

        if self._unsearched_total <= SHORT_SEARCH_LIST_SIZE or not parse(state.search).is_short:
            return False
        many = kind_words.many(self.entity)
        self.count_label.setText(
            self.tr("Type 3 or more letters to search {0} {1}").format(
                f"{self._unsearched_total:,}", many
            )
        )
        return True

    def _show_sort_indicator(self) -> None:
        key = self.model.state.sort_key or self.record_list.default_sort
        order = (
            Qt.SortOrder.DescendingOrder
            if self.model.state.descending
            else (Qt.SortOrder.AscendingOrder)
        )
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.column_index(key), order)
        header.blockSignals(False)

    def ensure_loaded(self) -> None:
        """Query the database if the list has not been shown since the last change."""
        if self._stale:
            self._apply_state()

    def _on_change(self, entities: frozenset[str]) -> None:
        self._read_tags_again()  # any edit may have made a tag (or the tag manager acted)
        if self.entity not in entities:
            return
        if self.isVisible():
            selected = self.selected_ids()
            self.model.refresh()
            if self.model.busy:  # a long list answers later: select them again then
                self._reselect = selected
            else:
                self.select_ids(selected)
        else:
            self._stale = True

    # ------------------------------------------------------------------ selection
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        found = (self.model.record_id(r) for r in rows)
        return [record_id for record_id in found if record_id is not None]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for record_id in ids:
            row = self.model.row_of(record_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _keep_a_current_row(self) -> None:
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectionModel().clearSelection()

    def _open_index(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row()) if index.isValid() else None
        if record_id is not None:
            self.open_requested.emit(self.entity, record_id)

    def _show_busy(self, busy: bool) -> None:
        """A long list re-querying in the background: say so; the rows shown stay usable."""
        if busy:
            self.table.setCursor(Qt.CursorShape.BusyCursor)
            self.count_label.setText(self.tr("Updating the list…"))
        else:
            self.table.unsetCursor()

    def _show_count(self, count: int) -> None:
        if self._reselect:
            selected, self._reselect = self._reselect, []
            self.select_ids(selected)
        if not self.model.state.search.strip():
            self._unsearched_total = count
        from brokerdesk.core.search.terms import unsearchable

        one, many = kind_words.one(self.entity), kind_words.many(self.entity)
        if unsearchable(self.model.state.search):  # "...", "-": matched nothing; say why
            self.count_label.setText(self.tr("Type letters or numbers to search"))
        else:
            self.count_label.setText(
                self.tr("{0} {1}").format(f"{count:,}", one if count == 1 else many)
            )
        if self._count_asked:  # not after a refresh the user did not ask for
            self._count_asked = False
            self._say(self.count_label.text())

    def _say(self, text: str) -> None:
        """Announce ``text`` if this list is on screen (a hidden list keeps quiet)."""
        if self.isVisible():
            announce(self.table, text)

    # ------------------------------------------------------------------ layout memory
    def _restore_layout(self) -> None:
        state = self.ctx.settings.layout(f"list/{self.entity}")
        header = self.table.horizontalHeader()
        if state is not None and header.restoreState(state):
            return
        for i, column in enumerate(self.record_list.columns):
            self.table.setColumnHidden(i, not column.shown)
            header.resizeSection(i, DEFAULT_WIDTHS.get(column.kind, 140))
        if self.record_list.columns[0].kind == "text":
            header.resizeSection(0, 260)  # the record's name: the column people read first

    def _save_layout(self) -> None:
        self.ctx.settings.set_layout(
            f"list/{self.entity}", self.table.horizontalHeader().saveState()
        )

    def save_layout(self) -> None:
        self._save_layout()
