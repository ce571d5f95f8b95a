"""Ctrl+K search palette: find any record by typing part of its name, open it with Enter.

The team jumps between partners, library services and contacts all day; a palette over the
window saves walking the navigation. The query runs in a worker (``ctx.tasks``) because a
typo-tolerant search on a large database can take longer than a keystroke; each query
carries a generation number and only the newest one's results are shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.search import (
    SEARCH_TYPES,
    Match,
    SearchHit,
    SearchService,
    group_hits,
    unsearchable,
)
from brokerdesk.gui import kind_words
from brokerdesk.gui.announce import announce

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")

DEBOUNCE_MS = 120
PER_KIND = 6  # results shown per kind of record
HIT_ROLE = int(Qt.ItemDataRole.UserRole)


class SearchPalette(QFrame):
    """A frameless popup with a search field and results grouped by kind of record.

    Signals:
        open_requested(str, int): the user chose a record (entity, id).
    """

    open_requested = Signal(str, int)

    def __init__(self, ctx: Any, parent: QWidget) -> None:
        super().__init__(parent)  # a frameless overlay inside the window: no window manager needed
        self.setAutoFillBackground(True)
        self.hide()
        self.ctx = ctx
        self.setObjectName("search-palette")
        self.setAccessibleName(self.tr("Search everything"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setLineWidth(2)
        self._search = SearchService(ctx.db)
        self._generation = 0
        self.shown_query = ""
        self.field = QLineEdit(self)
        self.field.setObjectName("search-palette-field")
        self.field.setPlaceholderText(self.tr("Search everything…"))
        self.field.setAccessibleName(self.tr("Search everything"))
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("search-palette-results")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Search status"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.field)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_query)
        self.field.textChanged.connect(lambda _text: self._debounce.start())
        self.field.installEventFilter(self)

    # ------------------------------------------------------------------ showing
    def popup(self) -> None:
        """Show over the top middle of the parent window, field focused and selected."""
        parent = self.parentWidget()
        assert parent is not None  # built with the main window as parent
        width = min(640, max(360, parent.width() - 80))
        height = min(460, max(240, parent.height() - 120))
        self.setGeometry((parent.width() - width) // 2, 60, width, height)
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    # ------------------------------------------------------------------ querying
    def _run_query(self) -> None:
        query = self.field.text().strip()
        self._generation += 1
        generation = self._generation
        if not query or unsearchable(query):  # nothing a search could look for
            self._show(generation, query, [])
            return
        self.status.setText(self.tr("Searching…"))
        service = self._search

        def work(_progress: Any) -> list[SearchHit]:
            # A few of each kind, so 40 branches called "North..." cannot hide the partner.
            hits: list[SearchHit] = []
            for kind in SEARCH_TYPES:
                hits.extend(service.search(query, types={kind}, limit=PER_KIND))
            return group_hits(hits)

        self.ctx.tasks.start(
            work,
            self.tr("Search"),
            on_done=lambda hits: self._show(generation, query, hits),
            on_error=lambda exc: self._failed(generation, exc),
            owner=self,
        )

    @property
    def searching(self) -> bool:
        """True while the results shown are not yet those of the text in the field."""
        return self._debounce.isActive() or self.shown_query != self.field.text().strip()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(self.tr("Search failed: {0}").format(exc))

    def _show(self, generation: int, query: str, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # a newer query is on its way; these results are stale
        self.results.clear()
        current_kind = None
        for hit in hits:
            singular = kind_words.title(hit.entity, plural=False)
            plural = kind_words.title(hit.entity)
            if hit.entity != current_kind:
                current_kind = hit.entity
                header = QListWidgetItem(plural, self.results)
                header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                header.setData(Qt.ItemDataRole.AccessibleTextRole, plural)
            why = self._why(hit.matched)
            detail = " · ".join(part for part in (hit.subtitle, why) if part)
            text = f"{hit.title}\n    {detail}" if detail else hit.title
            item = QListWidgetItem(text, self.results)
            item.setData(HIT_ROLE, (hit.entity, hit.record_id))
            spoken = f"{singular}: {hit.title}"
            for part in (hit.subtitle, why):
                if part:
                    spoken += f" — {part}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(spoken)
        self.shown_query = query
        count = len(hits)
        if not query:
            self.status.setText(self.tr("Type to search partners, services, contacts…"))
        elif unsearchable(query):
            self.status.setText(self.tr("Type letters or numbers to search"))
        elif count == 0:
            self.status.setText(self.tr("Nothing found for “{0}”").format(query))
        else:
            self.status.setText(self.tr("{0} found — ↑↓ to choose, Enter to open").format(count))
        self._select_first()
        if query:  # the field keeps focus: say what the list below it now holds
            current = self.current_spoken()
            said = self.status.text() if count == 0 else self.tr("{0} found").format(count)
            announce(self.field, f"{said}. {current}" if current else said)

    def _why(self, matched: Match | None) -> str:
        """What besides its name made a record a hit: "tag: Priority", "Reference: XK-1"."""
        if matched is None:
            return ""
        if matched.by == "tag":
            return self.tr("tag: {0}").format(matched.text)
        return self.tr("{0}: {1}").format(matched.label, matched.text)

    # ------------------------------------------------------------------ choosing
    def hit_rows(self) -> list[int]:
        """Rows of the list that are records (not group headers)."""
        return [r for r in range(self.results.count()) if self.results.item(r).data(HIT_ROLE)]

    def current_spoken(self) -> str:
        """The chosen result as a screen reader should say it ("Partner: …"), or ""."""
        item = self.results.currentItem()
        if item is None or not item.data(HIT_ROLE):
            return ""
        return str(item.data(Qt.ItemDataRole.AccessibleTextRole))

    def _select_first(self) -> None:
        rows = self.hit_rows()
        self.results.setCurrentRow(rows[0] if rows else -1)

    def _move(self, step: int) -> None:
        rows = self.hit_rows()
        if not rows:
            return
        current = self.results.currentRow()
        if current not in rows:
            target = rows[0]
        else:
            position = min(max(rows.index(current) + step, 0), len(rows) - 1)
            target = rows[position]
        self.results.setCurrentRow(target)
        announce(self.field, self.current_spoken())  # at either end, the same one again

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None or not item.data(HIT_ROLE):
            return
        entity, record_id = item.data(HIT_ROLE)
        self.hide()
        self.open_requested.emit(entity, int(record_id))

    def _hide_if_left(self) -> None:
        focus = QApplication.focusWidget()
        if self.isVisible() and focus is not None and not self.isAncestorOf(focus):
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.FocusOut:
            # Clicked elsewhere: close like a popup. The palette is the timer's context, so
            # Qt drops the call if the palette is deleted first.
            QTimer.singleShot(0, self, self._hide_if_left)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(8 if key == Qt.Key.Key_PageDown else -8)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():
                    self._debounce.stop()
                    self._run_query()
                    return True
                self._open_item(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)
