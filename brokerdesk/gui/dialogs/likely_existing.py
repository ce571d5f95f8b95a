"""The new-partner and new-contact forms' warning that the record may already exist.

As the name (or website, or e-mail) is typed, a short list under the fields shows the records
that look the same and why ("similar name", "same website"); the screen reader hears it once
each time the list changes. Alt+X (or Enter in the list) closes the form without saving and
opens the existing record instead. The names are read once, by a worker, when the form opens
(``core.services.likely_existing``) and matched in memory after each pause in typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.services.likely_existing import Candidate, LikelyExisting
from brokerdesk.gui.announce import announce
from brokerdesk.gui.operations import plain_sentence

if TYPE_CHECKING:
    from brokerdesk.gui.dialogs.record_form import RecordForm

translate = QCoreApplication.translate
PAUSE_MS = 250  # typing pauses this long before the list is worked out again
WATCHED = {
    "partner": ("name", "website"),
    "contact": ("full_name", "email", "partner_id", "service_id"),
}


class LikelyExistingHint(QFrame):
    """The list of likely existing records under a new record's fields."""

    def __init__(self, form: RecordForm, likely: LikelyExisting | None = None) -> None:
        super().__init__(form)
        self.form = form
        self.likely = likely  # None until the names are read (in a worker)
        self.candidates: list[Candidate] = []
        self.opened: Candidate | None = None
        self.setObjectName("likely-existing")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        noun = form.noun
        self.heading = QLabel(
            translate("LikelyExisting", "This {0} may already be in BrokerDesk:").format(noun),
            self,
        )
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("likely-existing-list")
        self.list.setAccessibleName(translate("LikelyExisting", "Likely existing {0}").format(noun))
        self.list.itemActivated.connect(lambda _item: self.open_existing())
        self.heading.setBuddy(self.list)
        self.open_button = QPushButton(translate("LikelyExisting", "Open the e&xisting one"), self)
        self.open_button.setAutoDefault(False)  # Enter in a field still saves the form
        self.open_button.setToolTip(
            translate("LikelyExisting", "Close this form without saving and open it (Alt+X)")
        )
        self.open_button.clicked.connect(self.open_existing)  # Alt+X from any field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.refresh)
        for name in WATCHED[form.entity]:
            editor = form.editors.get(name)
            if editor is not None:
                editor.edited.connect(self.timer.start)
        self.hide()

    def _value(self, name: str) -> Any:
        editor = self.form.editors.get(name)
        if editor is None:
            return None
        try:
            return editor.value()
        except ValueError:  # a reference typed but not chosen yet
            return None

    @property
    def loading(self) -> bool:
        """True until the names to match against have been read."""
        return self.likely is None

    def loaded(self, likely: LikelyExisting) -> None:
        """The names have been read: match what has been typed meanwhile."""
        self.likely = likely
        self.refresh()

    def refresh(self) -> None:
        """Work the list out again from what the fields hold now."""
        if self.likely is None:
            return  # the names are still being read; loaded() matches what is typed by then
        if self.form.entity == "partner":
            found = self.likely.partners(
                str(self._value("name") or ""), str(self._value("website") or "")
            )
        else:
            found = self.likely.contacts(
                str(self._value("full_name") or ""),
                str(self._value("email") or ""),
                self._value("partner_id"),
                self._value("service_id"),
            )
        if [c.id for c in found] == [c.id for c in self.candidates]:
            return
        self.candidates = found
        self.list.clear()
        for candidate in found:
            reason = translate("LikelyExisting", candidate.reason)
            text = f"{candidate.name} — {reason}"
            if candidate.detail:
                text += f" ({candidate.detail})"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, candidate.id)
        if found:
            self.list.setCurrentRow(0)
            rows = self.list.sizeHintForRow(0) * len(found)
            self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 2)
        self.setVisible(bool(found))
        self.open_button.setEnabled(bool(found))
        if found:
            first = found[0]
            announce(
                self.list,
                translate(
                    "LikelyExisting",
                    "{0} likely existing: {1}, {2}. Alt+X opens it instead.",
                ).format(len(found), first.name, translate("LikelyExisting", first.reason)),
            )

    def open_existing(self) -> None:
        """Close the form without saving and open the chosen existing record."""
        if not self.candidates:
            return
        row = max(self.list.currentRow(), 0)
        self.opened = self.candidates[row]
        window = _record_opener(self.form)
        entity, record_id = self.opened.entity, self.opened.id
        self.form.done(0)
        if window is not None:
            QTimer.singleShot(0, lambda: window.open_record(entity, record_id))


def _record_opener(widget: QWidget) -> Any:
    """The main window that shows records (the form's parent or one of its ancestors)."""
    parent = widget.parentWidget()
    while parent is not None:
        if hasattr(parent, "open_record"):
            return parent
        parent = parent.parentWidget()
    return None


def attach_likely_existing(form: RecordForm) -> LikelyExistingHint | None:
    """Give a new partner's or contact's form its warning; None for other forms.

    The names are read by a worker, so the form opens at once however many partners or
    contacts the team has; what is typed meanwhile is matched as soon as they arrive (and
    a name the form opened with, from the search palette, is matched then too).
    """
    if form.record_id is not None or form.entity not in WATCHED:
        return None
    hint = LikelyExistingHint(form)
    layout = form.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(1, hint)
    ctx, entity = form.ctx, form.entity

    def failed(exc: BaseException) -> None:  # the form works on without the warning
        ctx.report_error(
            translate(
                "LikelyExisting", "BrokerDesk could not check for a likely existing {0}: {1}"
            ).format(form.noun, plain_sentence(translate("LikelyExisting", "The check"), exc))
        )

    ctx.tasks.start(
        lambda _progress: LikelyExisting.load(ctx.db, entity),
        translate("LikelyExisting", "Reading names to check against"),
        on_done=hint.loaded,
        on_error=failed,
        owner=hint,
    )
    return hint
