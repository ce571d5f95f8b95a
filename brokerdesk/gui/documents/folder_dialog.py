"""File ▸ Import e-mails from folder…: a preview of where each e-mail goes, then one import.

The folder is read and planned off the GUI thread (``EmailFiling.plan_folder``). The preview
lists every e-mail with the partner or library service it was matched to and why, the ones
logged before, copies of another file and the unmatched ones; for the selected e-mails the
user chooses another record or skips them. The people on the e-mails to be logged who are
no contact yet are listed once each, to tick as new contacts (each joins the record of the
first e-mail they are on). Nothing is written until Import, which logs them all in one
transaction (undoable as one step); files that are not e-mails are listed and left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import clock
from brokerdesk.core.mail.filing import EmailPlan, FolderPlan, Target
from brokerdesk.core.mail.message import Person
from brokerdesk.gui.documents.email_dialog import filing_for, record_choices
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages.base import RelatedTable

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

translate = QCoreApplication.translate
SKIP = "skip"

COLUMNS = (
    RowColumn("file", "File"),
    RowColumn("subject", "Subject"),
    RowColumn("date", "Date"),
    RowColumn("with", "Logged with"),
    RowColumn("status", "Why"),
)


class ImportEmailsDialog(QDialog):
    """The preview of a folder of e-mails.

    Signals:
        import_requested(list, list): the user pressed Import (the plans, with their records,
            and the people ticked as new contacts).
    """

    import_requested = Signal(list, list)

    def __init__(
        self,
        folder: Path,
        plan: FolderPlan,
        choices: Sequence[Target],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("import-emails-dialog")
        self.setWindowTitle(self.tr("Import e-mails from folder"))
        self.setAccessibleName(self.tr("Import e-mails from folder"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("import-emails-summary")
        self.table = RelatedTable(
            self.tr("E-mails"), COLUMNS, None, self, open_key="row", multi=True
        )
        self.record = QComboBox(self)
        self.record.setObjectName("import-emails-record")
        self.record.setAccessibleName(self.tr("Log the selected e-mails with"))
        self.record.addItem(self.tr("(skip: do not import)"), SKIP)
        for target in choices:
            kind = self.tr("Partner") if target.entity == "partner" else self.tr("Library service")
            self.record.addItem(f"{target.name} ({kind})", target)
        label = QLabel(self.tr("Log the &selected e-mails with:"), self)
        label.setBuddy(self.record)
        chooser = QHBoxLayout()
        chooser.addWidget(label)
        chooser.addWidget(self.record, 1)
        self.record.activated.connect(self._choose)
        self.people = QListWidget(self)
        self.people.setObjectName("import-emails-new-contacts")
        self.people.setAccessibleName(self.tr("New contacts"))
        self.people.setMaximumHeight(120)
        self.people_label = QLabel(self._offer(), self)
        self.people_label.setBuddy(self.people)
        self.people_label.setWordWrap(True)
        self.ticked: set[str] = set()
        self.people.itemChanged.connect(self._tick)
        self.unreadable = QLabel(self)
        self.unreadable.setWordWrap(True)
        self.unreadable.setObjectName("import-emails-unreadable")
        self.unreadable.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Folder: {0}").format(folder), self))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(chooser)
        layout.addWidget(self.people_label)
        layout.addWidget(self.people)
        layout.addWidget(self.unreadable)
        layout.addWidget(buttons)
        if plan.unreadable:
            self.unreadable.setText(
                self.tr("Not e-mails, left alone: {0}").format(
                    "; ".join(f"{u.file_name} ({u.reason})" for u in plan.unreadable)
                )
            )
        self._show()
        self.resize(900, 640)

    def _rows(self) -> list[dict[str, Any]]:
        rows = []
        for number, item in enumerate(self.plan.plans):
            email = item.email
            rows.append(
                {
                    "id": number,
                    "row": number,
                    "file": email.file_name,
                    "subject": email.subject,
                    "date": email.occurred_on(clock.today()),
                    "with": item.target.name if item.target and item.to_log else "—",
                    "status": item.why
                    if item.to_log
                    else self.tr("Skipped: {0}").format(item.skip_reason),
                }
            )
        return rows

    def _unknown(self) -> dict[str, tuple[Person, list[EmailPlan]]]:
        """Each person no contact yet, once, with the e-mails to be logged they are on."""
        found: dict[str, tuple[Person, list[EmailPlan]]] = {}
        for item in self.plan.matched:
            for person in item.unknown:
                found.setdefault(person.address, (person, []))[1].append(item)
        return found

    def _show_people(self) -> None:
        unknown = self._unknown()
        current = self.people.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.people.blockSignals(True)
        self.people.clear()
        for address, (person, items) in unknown.items():
            first = items[0].target.name if items[0].target else ""
            text = (
                self.tr("{0}: on one e-mail, would join {1}")
                if len(items) == 1
                else self.tr("{0}: on {2} e-mails, would join {1}")
            ).format(person.shown, first, len(items))
            entry = QListWidgetItem(text, self.people)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = address in self.ticked
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            entry.setData(Qt.ItemDataRole.UserRole, address)
        self.people.blockSignals(False)
        self.ticked &= set(unknown)
        if unknown:  # the keyboard's place stays on the same person
            addresses = list(unknown)
            self.people.setCurrentRow(addresses.index(keep) if keep in addresses else 0)
        self.people.setVisible(bool(unknown))
        self.people_label.setText(
            self._offer()
            if unknown
            else self.tr("Everyone on the e-mails to be logged is a contact already.")
        )

    def _offer(self) -> str:
        return self.tr("Add as &contacts (each joins the record of the first e-mail they are on):")

    def _tick(self, entry: QListWidgetItem) -> None:
        address = str(entry.data(Qt.ItemDataRole.UserRole))
        if entry.checkState() == Qt.CheckState.Checked:
            self.ticked.add(address)
        else:
            self.ticked.discard(address)

    def new_contacts(self) -> list[Person]:
        """The people ticked, as the import makes them."""
        return [person for a, (person, _items) in self._unknown().items() if a in self.ticked]

    def _show(self) -> None:
        self.table.set_rows(self._rows())
        self._show_people()
        going = len(self.plan.matched)
        self.summary.setText(
            self.tr(
                "{0} e-mails read: {1} will be logged with the partner or library service shown; "
                "{2} are skipped. Select e-mails to choose another record or skip them. Nothing "
                "is written until you press Import."
            ).format(len(self.plan.plans), going, len(self.plan.plans) - going)
        )
        self.import_button.setText(self.tr("&Import {0} e-mails").format(going))
        self.import_button.setAccessibleName(self.tr("Import {0} e-mails").format(going))
        self.import_button.setEnabled(going > 0)

    def _choose(self, _index: int) -> None:
        value = self.record.currentData()
        for row in self.table.selected_rows():
            item = self.plan.plans[int(row["row"])]
            if value == SKIP:
                item.target, item.why = None, ""
            elif isinstance(value, Target):
                item.target, item.why = value, self.tr("chosen by you")
        self._show()

    def _import(self) -> None:
        if self.plan.matched:
            self.import_requested.emit(list(self.plan.plans), self.new_contacts())
            self.accept()


def choose_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, translate("ImportEmails", "Import e-mails from folder")
    )
    return Path(folder) if folder else None


def import_emails_from(ctx: AppContext, parent: QWidget, folder: Path) -> None:
    """Plan ``folder`` in a worker, then show the preview."""
    from brokerdesk.gui.operations import Operation

    filing = filing_for(ctx)

    def work(_progress: Any) -> tuple[FolderPlan, list[Target]]:
        return filing.plan_folder(folder), record_choices(ctx)

    def show(found: tuple[FolderPlan, list[Target]]) -> None:
        dialog = ImportEmailsDialog(folder, found[0], found[1], parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.import_requested.connect(lambda plans, people: _log_all(ctx, parent, plans, people))
        dialog.open()

    Operation(
        ctx, parent, work, title=translate("ImportEmails", "Read e-mails"), on_success=show
    ).run()


def _log_all(
    ctx: AppContext, parent: QWidget, plans: list[EmailPlan], people: list[Person]
) -> None:
    from brokerdesk.gui.documents.commands import LogEmails
    from brokerdesk.gui.operations import Operation

    count = sum(1 for p in plans if p.to_log)
    text = translate("ImportEmails", "Import {0} e-mails").format(count)
    Operation(
        ctx,
        parent,
        title=translate("ImportEmails", "Import e-mails"),
        undo=LogEmails(ctx, filing_for(ctx), plans, people, text),
    ).run()
