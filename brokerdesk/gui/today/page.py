"""The Today page: what is due, grouped Overdue, Today, This week and Next 60 days.

Each line is one reminder (``core.reminders``). Enter opens its record; one key does the
usual thing with it, each an undoable action announced to a screen reader:

* **L** logs the call: the interaction form opens for the same partner, service, programme
  and contact, dated today with the next follow-up set; saving it marks the follow-up done;
* **D** marks a follow-up or a deliverable done;
* **+** moves the date a day on, **W** a week on, **M** to a date the user picks.

The page asks for today's list whenever it shows, whenever a change touches what it lists,
and when the date changes while it stays open overnight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import clock
from brokerdesk.core.reminders import GROUP_TITLES, Reminder, grouped, reminders
from brokerdesk.gui.announce import announce
from brokerdesk.gui.settings import FOLLOW_UP_DAYS, TODAY_AT_START
from brokerdesk.gui.today.words import ReminderWords
from brokerdesk.gui.undo import UpdateRecord

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

# A change to any of these may change what is due.
WATCHED = frozenset(
    {"interaction", "agreement", "deliverable", "funding_grant", "partner", "library_service"}
)
# What "done" sets, by the record that holds the date.
DONE_VALUES: dict[str, Callable[[dt.date], dict[str, object]]] = {
    "interaction": lambda _today: {"follow_up_done": True},
    "deliverable": lambda today: {"done_on": today},
}
UID_ROLE = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context``; tr() translates it where shown."""
    return text


COLUMNS = (
    QT_TRANSLATE_NOOP("TodayPage", "Due"),
    QT_TRANSLATE_NOOP("TodayPage", "What"),
    QT_TRANSLATE_NOOP("TodayPage", "About"),
    QT_TRANSLATE_NOOP("TodayPage", "When"),
)


class MoveDateDialog(QDialog):
    """Asks for the day a reminder moves to (a date field with a calendar)."""

    def __init__(self, current: dt.date, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move to date"))
        self.setAccessibleName(self.tr("Move to date"))
        self.date_edit = QDateEdit(QDate(current.year, current.month, current.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setAccessibleName(self.tr("New date for {0}").format(what))
        label = QLabel(self.tr("&New date:"), self)
        label.setBuddy(self.date_edit)
        form = QFormLayout()
        form.addRow(QLabel(what, self))
        form.addRow(label, self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.date_edit.setFocus()

    def chosen(self) -> dt.date:
        day = self.date_edit.date()
        return dt.date(day.year(), day.month(), day.day())


class TodayPage(QWidget):
    """The Today page.

    Signals:
        open_requested(str, int): the user opened a reminder's record.
    """

    open_requested = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("today")
        self.items: dict[str, Reminder] = {}
        self.words = ReminderWords(self)
        self.day = clock.today()
        self.loading = False  # a reload is under way
        self._generation = 0
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.heading.setObjectName("page-heading")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("today-reminders")
        self.tree.setAccessibleName(self.tr("Reminders"))
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.doubleClicked.connect(lambda _i: self.open_current())
        self.buttons: list[QPushButton] = []
        bar = QHBoxLayout()
        self.open_button = self._button(bar, "&Open", self.open_current, "Open its record (Enter)")
        self.log_button = self._button(bar, "&Log call…", self.log_call, "Log the call (L)")
        self.done_button = self._button(bar, "Mark &done", self.mark_done, "Mark it done (D)")
        self.day_button = self._button(bar, "+1 da&y", lambda: self.move_by(1), "A day on (+)")
        self.week_button = self._button(bar, "+1 &week", lambda: self.move_by(7), "A week on (W)")
        self.move_button = self._button(bar, "&Move to…", self.move_to, "Pick a date (M)")
        bar.addStretch(1)
        self.at_start = QCheckBox(self.tr("&Show Today when BrokerDesk opens"), self)
        self.at_start.setAccessibleName(self.tr("Show Today when BrokerDesk opens"))
        self.at_start.setChecked(bool(ctx.settings.get(TODAY_AT_START)))
        self.at_start.toggled.connect(lambda on: ctx.settings.set(TODAY_AT_START, int(on)))
        for key, slot in (
            ((Qt.Key.Key_Return, Qt.Key.Key_Enter), self.open_current),
            ((Qt.Key.Key_L,), self.log_call),
            ((Qt.Key.Key_D,), self.mark_done),
            ((Qt.Key.Key_Plus, Qt.Key.Key_Equal), lambda: self.move_by(1)),
            ((Qt.Key.Key_W,), lambda: self.move_by(7)),
            ((Qt.Key.Key_M,), self.move_to),
        ):
            action = QAction(self.tree)
            action.setShortcuts([QKeySequence(k) for k in key])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.at_start)
        QWidget.setTabOrder(self.heading, self.summary)
        QWidget.setTabOrder(self.summary, self.tree)
        previous: QWidget = self.tree
        for button in self.buttons:
            QWidget.setTabOrder(previous, button)
            previous = button
        QWidget.setTabOrder(previous, self.at_start)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        ctx.changes.changed.connect(self._on_change)
        self.day_timer = QTimer(self)  # a window left open overnight moves to the new day
        self.day_timer.setInterval(60_000)
        self.day_timer.timeout.connect(self._check_day)
        self.day_timer.start()
        self.reload()

    def _button(
        self, bar: QHBoxLayout, text: str, slot: Callable[[], object], tip: str
    ) -> QPushButton:
        button = QPushButton(self.tr(text), self)
        button.setAccessibleName(self.tr(text).replace("&", ""))
        button.setToolTip(self.tr(tip))
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        bar.addWidget(button)
        self.buttons.append(button)
        return button

    # ------------------------------------------------------------------ data
    def reload(self) -> None:
        """Ask for today's reminders again (off the GUI thread: the cadence rule reads every
        partner's last contact), keeping the chosen one chosen when they arrive."""
        self.day = clock.today()
        self.heading.setText(self.tr("Today: {0}").format(self.day.strftime("%A %d %B %Y")))
        self.heading.setAccessibleName(self.heading.text())
        db, day = self.ctx.db, self.day
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.ctx.tasks.start(
            lambda _progress: reminders(db, day),
            self.tr("Reading what is due"),
            on_done=lambda found: self._show(generation, found),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        """A damaged file the user chose to keep open, say: the page says so and stays."""
        if generation != self._generation:
            return
        self.loading = False
        self.model.clear()
        self.items = {}
        self.summary.setText(self.tr("What is due could not be read: {0}").format(exc))
        self.summary.setAccessibleName(self.summary.text())
        self._update_buttons()

    def _show(self, generation: int, found: list[Reminder]) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        self.loading = False
        kept = self.current()
        self.items = {r.uid: r for r in found}
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        groups = grouped(found)
        for group, members in groups:
            title = f"{translate('Reminders', GROUP_TITLES[group])} ({len(members)})"
            head = QStandardItem(title)
            head.setAccessibleText(title)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setData(group, Qt.ItemDataRole.UserRole)
            self.model.appendRow([head, *(QStandardItem() for _ in COLUMNS[1:])])
            for item in members:
                cells = [
                    QStandardItem(item.due_on.strftime("%a %d %b %Y")),
                    QStandardItem(self.words.what(item)),
                    QStandardItem(item.about),
                    QStandardItem(("⚠ " if item.days_overdue > 0 else "") + self.words.when(item)),
                ]
                for cell in cells:
                    cell.setData(item.uid, UID_ROLE)
                head.appendRow(cells)
        self.tree.expandAll()
        for column, width in enumerate((190, 360, 300)):
            self.tree.setColumnWidth(column, width)
        counts = {g: len(m) for g, m in groups}
        self.summary.setText(
            self.tr("{0} overdue, {1} due today, {2} this week, {3} in the next 60 days.").format(
                counts.get("overdue", 0),
                counts.get("today", 0),
                counts.get("week", 0),
                counts.get("later", 0),
            )
            if found
            else self.tr("Nothing is due in the next 60 days.")
        )
        self.summary.setAccessibleName(self.summary.text())
        self._choose(kept.uid if kept else None)
        self._update_buttons()

    def _choose(self, uid: str | None) -> None:
        """Put the cursor on ``uid``'s line, or the first reminder."""
        first: QModelIndex | None = None
        for g in range(self.model.rowCount()):
            head = self.model.index(g, 0)
            for r in range(self.model.rowCount(head)):
                index = self.model.index(r, 0, head)
                if first is None:
                    first = index
                if uid is not None and index.data(UID_ROLE) == uid:
                    self.tree.setCurrentIndex(index)
                    return
        if first is not None:
            self.tree.setCurrentIndex(first)

    def current(self) -> Reminder | None:
        """The reminder on the cursor's line (None on a group's heading)."""
        uid = self.tree.currentIndex().siblingAtColumn(0).data(UID_ROLE)
        return self.items.get(uid) if uid else None

    def _update_buttons(self) -> None:
        item = self.current()
        self.open_button.setEnabled(item is not None)
        self.log_button.setEnabled(item is not None and _with_whom(item) != {})
        self.done_button.setEnabled(item is not None and item.entity in DONE_VALUES)
        movable = item is not None and item.date_field is not None
        for button in (self.day_button, self.week_button, self.move_button):
            button.setEnabled(movable)

    def _on_change(self, entities: frozenset[str]) -> None:
        if entities & WATCHED:
            self.reload()

    def _check_day(self) -> None:
        if clock.today() != self.day:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._check_day()

    # ------------------------------------------------------------------ actions
    def open_current(self) -> None:
        item = self.current()
        if item is not None:
            self.open_requested.emit(item.page_entity, item.page_id)

    def _update(self, item: Reminder, values: dict[str, object], text: str) -> bool:
        service = self.ctx.services.for_entity(item.entity)
        command = UpdateRecord(self.ctx, service, item.record_id, values, None, text)
        return self.ctx.perform(command) is not None

    def mark_done(self) -> None:
        item = self.current()
        if item is None or item.entity not in DONE_VALUES:
            return
        done = DONE_VALUES[item.entity](clock.today())
        if self._update(item, done, self.tr("Mark done: {0}").format(self.words.what(item))):
            announce(self, self.tr("Done: {0}. Ctrl+Z undoes it.").format(self.words.what(item)))

    def move_by(self, days: int) -> None:
        item = self.current()
        if item is not None and item.date_field is not None:
            self._move(item, max(item.due_on, clock.today()) + dt.timedelta(days=days))

    def move_to(self) -> None:
        item = self.current()
        if item is None or item.date_field is None:
            return
        dialog = MoveDateDialog(max(item.due_on, clock.today()), self.words.what(item), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._move(item, dialog.chosen())
        dialog.deleteLater()

    def _move(self, item: Reminder, day: dt.date) -> None:
        assert item.date_field is not None
        shown = day.strftime("%a %d %b %Y")
        text = self.tr("Move “{0}” to {1}").format(self.words.what(item), shown)
        if self._update(item, {item.date_field: day}, text):
            announce(
                self,
                self.tr("{0} moved to {1}. Ctrl+Z undoes it.").format(self.words.what(item), shown),
            )

    def log_call(self) -> None:
        """The interaction form for the reminder's partner; saving it logs the call and marks
        the follow-up done, one undoable step ("Undo Log call")."""
        from brokerdesk.gui.today.log_call import log_call_form

        item = self.current()
        if item is None or not _with_whom(item):
            return
        today = clock.today()
        initial: dict[str, object] = {
            "kind": "call",
            "occurred_on": today,
            "subject": item.subject or self.words.what(item),  # cadence: "Never contacted"
            "follow_up_on": today + dt.timedelta(days=int(self.ctx.settings.get(FOLLOW_UP_DAYS))),
            **_with_whom(item),
        }
        follow_up_of = item.record_id if item.kind == "follow_up" else None
        if log_call_form(self.ctx, initial, follow_up_of, self) is None:
            return
        said = self.tr("Call logged with {0}.").format(item.about)
        if follow_up_of is not None:
            said += " " + self.tr("The follow-up is done.")
        announce(self, said + " " + self.tr("Ctrl+Z undoes it."))


def _with_whom(item: Reminder) -> dict[str, object]:
    """The partner, service, programme and contact a call about ``item`` would be with."""
    keys = ("partner_id", "service_id", "programme_id", "contact_id")
    return {k: getattr(item, k) for k in keys if getattr(item, k) is not None}


def create_today_page(ctx: AppContext, parent: QWidget | None = None) -> TodayPage:
    """The navigation page factory named in ``main_window.OTHER_PAGES``."""
    return TodayPage(ctx, parent)
