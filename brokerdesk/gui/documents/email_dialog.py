"""Log a saved e-mail: what it is, where it goes, which people to add, then one click.

``log_emails`` reads and plans the files in a worker, then shows :class:`LogEmailDialog`
for each in turn: the subject, the day (UK time), who it was from and to, the record it goes
with (the page it was dropped on, the partner it was matched to, or one to choose), the
attachments that become documents, and each address that is no contact yet with a box to
tick to add it. An e-mail logged before says so and cannot be logged again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import clock
from brokerdesk.core.mail.filing import EmailFiling, EmailPlan, Target
from brokerdesk.core.mail.message import Person
from brokerdesk.core.mail.reading import read_email
from brokerdesk.gui.scrolling import form_scroll_area

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

translate = QCoreApplication.translate


def filing_for(ctx: AppContext) -> EmailFiling:
    return EmailFiling(ctx.db, ctx.services.documents)


def record_choices(ctx: AppContext) -> list[Target]:
    """Every partner, then every library service, to log an unmatched e-mail with."""
    from brokerdesk.core.services.choices import ReferenceChoices

    reference = ReferenceChoices(ctx.db)
    return [Target("partner", c.id, c.label) for c in reference.for_field("partner_id")] + [
        Target("library_service", c.id, c.label) for c in reference.for_field("service_id")
    ]


class LogEmailDialog(QDialog):
    """One planned e-mail, to log or not.

    Signals:
        log_requested(object, list): the user pressed Log e-mail (the plan, with the record
            chosen, and the people ticked to add as contacts).
    """

    log_requested = Signal(object, list)

    def __init__(
        self, plan: EmailPlan, choices: Sequence[Target], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("log-email-dialog")
        self.setWindowTitle(self.tr("Log e-mail"))
        self.setAccessibleName(self.tr("Log e-mail"))
        email = plan.email
        body = QWidget(self)
        form = QFormLayout(body)
        when = email.occurred_on(clock.today())
        self._row(form, self.tr("Subject"), email.subject)
        self._row(
            form,
            self.tr("Date"),
            when.strftime("%d %b %Y")
            + ("" if email.sent_at else self.tr(" (the e-mail has no date: today)")),
        )
        self._row(form, self.tr("From"), email.sender.shown if email.sender else "—")
        self._row(form, self.tr("To"), ", ".join(p.shown for p in email.to) or "—")
        if email.cc:
            self._row(form, self.tr("Cc"), ", ".join(p.shown for p in email.cc))
        files = ", ".join(a.name for a in email.attachments) or self.tr("none")
        self._row(form, self.tr("Attachments (kept as documents)"), files)
        self.record = QComboBox(body)
        self.record.setObjectName("log-email-record")
        self.record.setAccessibleName(self.tr("Log with"))
        offered = list(choices)
        if plan.target is not None and plan.target not in offered:
            offered.insert(0, plan.target)
        if plan.target is None:
            self.record.addItem(self.tr("Choose a partner or library service…"), None)
        for target in offered:
            kind = self.tr("Partner") if target.entity == "partner" else self.tr("Library service")
            if target.entity == "programme":
                kind = self.tr("Programme")
            self.record.addItem(f"{target.name} ({kind})", target)
        if plan.target is not None:
            self.record.setCurrentIndex(offered.index(plan.target))
        label = QLabel(self.tr("&Log with:"), body)
        label.setBuddy(self.record)
        form.addRow(label, self.record)
        if plan.why:
            self._row(form, self.tr("Why"), plan.why)
        self.new_people: list[tuple[QCheckBox, Person]] = []
        people = QGroupBox(self.tr("New contacts"), body)
        people.setAccessibleName(self.tr("New contacts"))
        column = QVBoxLayout(people)
        for person in plan.unknown:
            box = QCheckBox(self.tr("Add {0} as a contact").format(person.shown), people)
            box.setAccessibleName(box.text())
            column.addWidget(box)
            self.new_people.append((box, person))
        if not plan.unknown:
            column.addWidget(QLabel(self.tr("Everyone on it is a contact already."), people))
        form.addRow(people)
        self.warning = QLabel(body)
        self.warning.setObjectName("log-email-warning")
        self.warning.setWordWrap(True)
        form.addRow(self.warning)
        buttons = QDialogButtonBox(self)
        self.log_button = buttons.addButton(
            self.tr("&Log e-mail"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.log_button.setAccessibleName(self.tr("Log e-mail"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._log)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form_scroll_area(body, self.tr("E-mail details"), self))
        layout.addWidget(buttons)
        self.record.currentIndexChanged.connect(self._check)
        self._check()
        self.resize(640, 520)

    def _row(self, form: QFormLayout, label: str, text: str) -> None:
        shown = QLabel(text, self)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAccessibleName(f"{label}: {text}")
        form.addRow(label + ":", shown)

    @property
    def chosen(self) -> Target | None:
        value: Any = self.record.currentData()
        return value if isinstance(value, Target) else None

    @property
    def ticked(self) -> list[Person]:
        return [person for box, person in self.new_people if box.isChecked()]

    def _check(self) -> None:
        if self.plan.logged_as is not None:
            self.warning.setText(
                self.tr("This e-mail was logged before (same Message-ID): it is not logged twice.")
            )
        elif self.chosen is None:
            self.warning.setText(self.tr("Choose the partner or library service it goes with."))
        else:
            self.warning.setText("")
        self.log_button.setEnabled(self.plan.logged_as is None and self.chosen is not None)

    def _log(self) -> None:
        if not self.log_button.isEnabled():
            return
        self.plan.target = self.chosen
        self.log_requested.emit(self.plan, self.ticked)
        self.accept()


def log_emails(
    ctx: AppContext, parent: QWidget, paths: Sequence[Path], target: tuple[str, int] | None
) -> None:
    """Read and plan ``paths`` off the GUI thread, then ask about each e-mail in turn."""
    from brokerdesk.gui.operations import Operation

    filing = filing_for(ctx)

    def work(_progress: Any) -> tuple[list[EmailPlan], list[Target]]:
        plans = [filing.plan(read_email(path), target) for path in paths]
        return plans, record_choices(ctx)

    Operation(
        ctx,
        parent,
        work,
        title=translate("LogEmail", "Read e-mail"),
        on_success=lambda found: _ask(ctx, parent, filing, list(found[0]), found[1]),
    ).run()


def _ask(
    ctx: AppContext,
    parent: QWidget,
    filing: EmailFiling,
    plans: list[EmailPlan],
    choices: list[Target],
) -> None:
    if not plans:
        return
    dialog = LogEmailDialog(plans[0], choices, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.log_requested.connect(lambda plan, people: log_one(ctx, parent, filing, plan, people))
    dialog.finished.connect(lambda _result: _ask(ctx, parent, filing, plans[1:], choices))
    dialog.open()


def log_one(
    ctx: AppContext, parent: QWidget, filing: EmailFiling, plan: EmailPlan, people: list[Person]
) -> None:
    """Log one e-mail in a worker, undoably."""
    from brokerdesk.gui.documents.commands import LogEmails
    from brokerdesk.gui.operations import Operation

    assert plan.target is not None
    text = translate("LogEmail", "Log e-mail “{0}” with {1}").format(
        plan.email.subject, plan.target.name
    )
    Operation(
        ctx,
        parent,
        title=translate("LogEmail", "Log e-mail"),
        undo=LogEmails(ctx, filing, [plan], people, text),
    ).run()
