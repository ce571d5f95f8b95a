"""A grant's page: its funder, money and dates, the programmes it funds, and its deliverables.

The deliverables are worked here: add, edit, mark done (one key, D, in the table) and
remove, each an undoable action; the funder's page and Today show the ones still to do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from brokerdesk.core import clock
from brokerdesk.core.money import format_money
from brokerdesk.core.services.grants import (
    DELIVERABLE_KIND_LABELS,
    GRANT_STATUS_LABELS,
    GrantOverview,
    grant_overview,
)
from brokerdesk.gui.announce import announce
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.undo import DeleteRecords, UpdateRecord
from brokerdesk.gui.views.pages.base import RecordPage, RelatedTable

STATE_LABELS = {
    "overdue": "⚠ Overdue",
    "due": "Due this week",
    "later": "Later",
    "no date": "No date",
    "done": "✓ Done",
}


def add_grant_tables(page: RecordPage) -> tuple[RelatedTable, RelatedTable]:
    """A funder's page's "Grants" and "Deliverables due" tabs (each row opens its grant)."""
    grants = page.add_table(
        "Grants",
        (
            RowColumn("title", "Grant"),
            RowColumn("status", "Status", GRANT_STATUS_LABELS),
            RowColumn("amount", "Amount"),  # in the grant's own currency
            RowColumn("start_date", "Starts"),
            RowColumn("end_date", "Ends"),
        ),
        "funding_grant",
    )
    due = page.add_table(
        "Deliverables due",
        (
            RowColumn("title", "Deliverable"),
            RowColumn("grant", "Grant"),
            RowColumn("kind", "Kind", DELIVERABLE_KIND_LABELS),
            RowColumn("due_on", "Due"),
            RowColumn("state", "State", STATE_LABELS),
        ),
        "funding_grant",
        open_key="grant_id",
    )
    return grants, due


class GrantPage(RecordPage):
    entity = "funding_grant"
    watches = frozenset({"deliverable", "partner", "programme"})

    def build(self) -> None:
        self.add_button("&Add deliverable…", self.add_deliverable, "A report, milestone or payment")
        self.edit_deliverable_button = self.add_button(
            "Edit deliverab&le…", self.edit_deliverable, "Edit the chosen deliverable"
        )
        self.done_button = self.add_button(
            "Mark do&ne", self.mark_done, "Mark the chosen deliverable done today (D)"
        )
        self.remove_button = self.add_button(
            "&Remove deliverable", self.remove_deliverable, "Remove the chosen deliverable"
        )
        self.deliverables = self.add_table(
            "Deliverables",
            (
                RowColumn("title", "Deliverable"),
                RowColumn("kind", "Kind", DELIVERABLE_KIND_LABELS),
                RowColumn("due_on", "Due"),
                RowColumn("done_on", "Done"),
                RowColumn("state", "State", STATE_LABELS),
            ),
            None,
        )
        done = QAction(self.tr("Mark done"), self.deliverables)
        done.setShortcut(QKeySequence(Qt.Key.Key_D))
        done.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        done.triggered.connect(self.mark_done)
        self.deliverables.addAction(done)
        edit = QAction(self.tr("Edit deliverable"), self.deliverables)
        edit.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self.edit_deliverable)
        self.deliverables.addAction(edit)
        self.deliverables.doubleClicked.connect(lambda _i: self.edit_deliverable())
        self.deliverables.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.programmes = self.add_table(
            "Programmes funded", (RowColumn("name", "Programme"),), "programme"
        )

    def fetch(self) -> GrantOverview:
        return grant_overview(self.ctx.db, self.record_id, clock.today())

    def fill(self, data: GrantOverview) -> None:
        g = data.grant
        self.heading.setText(g["title"])
        self.heading.setAccessibleName(self.tr("Grant: {0}").format(g["title"]))
        status = self.tr(GRANT_STATUS_LABELS.get(str(g["status"]), str(g["status"])))
        self.subtitle.setText(f"{status} · {data.funder}")
        amount = format_money(g.get("amount"), g.get("currency"))
        dates = " to ".join(
            d.strftime("%d %b %Y") for d in (g.get("start_date"), g.get("end_date")) if d
        )
        self.set_details(
            [
                ("Funder", data.funder),
                ("Amount", amount),
                ("Applied on", g.get("applied_on")),
                ("Awarded on", g.get("awarded_on")),
                ("Dates", dates),
                ("Owner", g.get("owner") or ""),
                ("Notes", g.get("notes") or ""),
            ]
        )
        self.set_table_rows(self.deliverables, data.deliverables)
        self.set_table_rows(self.programmes, data.programmes)
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self.deleted:
            return
        chosen = self._chosen()
        self.edit_deliverable_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None)
        self.done_button.setEnabled(chosen is not None and chosen["done_on"] is None)

    def _chosen(self) -> dict[str, object] | None:
        """The selected deliverable, or the one under the keyboard's cursor."""
        rows = self.deliverables.selected_rows()
        if rows:
            return rows[0]
        current = self.deliverables.currentIndex()
        return self.deliverables.rows_model.row_at(current.row()) if current.isValid() else None

    # ------------------------------------------------------------------ actions
    def add_deliverable(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        open_record_form(self.ctx, "deliverable", None, self, {"grant_id": self.record_id})

    def edit_deliverable(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        chosen = self._chosen()
        if chosen is not None:
            open_record_form(self.ctx, "deliverable", int(str(chosen["id"])), self)

    def mark_done(self) -> None:
        chosen = self._chosen()
        if chosen is None or chosen["done_on"] is not None:
            return
        text = self.tr("Mark done: {0}").format(chosen["title"])
        command = UpdateRecord(
            self.ctx,
            self.ctx.services.deliverables,
            int(str(chosen["id"])),
            {"done_on": clock.today()},
            None,
            text,
        )
        if self.ctx.perform(command) is not None:
            announce(self, self.tr("{0} marked done. Ctrl+Z undoes it.").format(chosen["title"]))

    def remove_deliverable(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        text = self.tr("Remove deliverable: {0}").format(chosen["title"])
        command = DeleteRecords(
            self.ctx, self.ctx.services.deliverables, [int(str(chosen["id"]))], text
        )
        if self.ctx.perform(command) is not None:
            announce(self, self.tr("{0} removed. Ctrl+Z undoes it.").format(chosen["title"]))
