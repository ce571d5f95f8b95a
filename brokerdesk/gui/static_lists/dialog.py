""" "Add to list…": which of the kind's static lists, or the name of a new one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.errors import ValidationError
from brokerdesk.core.services.static_lists import StaticListRecord


class AddToListDialog(QDialog):
    """Choose a list or type a new name; the service's message shows beside the field.

    ``submit(list_id or None, typed name)`` does the work and raises ValidationError to keep
    the dialog open with the reason shown.
    """

    def __init__(
        self,
        parent: QWidget,
        title: str,
        what: str,
        lists: list[StaticListRecord],
        submit: Callable[[int | None, str], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("add-to-list-dialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._submit = submit
        self._lists = {x.name.casefold(): x.id for x in lists}
        intro = QLabel(what, self)
        intro.setWordWrap(True)
        self.choice = QComboBox(self)
        self.choice.setEditable(True)  # type a new name to make a new list
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.setAccessibleName(self.tr("List"))
        self.choice.setToolTip(self.tr("Choose a list, or type a name to make a new one"))
        for found in lists:
            self.choice.addItem(found.name, found.id)
        self.message = QLabel(self)
        self.message.setAccessibleName(self.tr("List message"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-weight: bold;")
        self.message.hide()
        form = QFormLayout()
        label = QLabel(self.tr("&List:"), self)
        label.setBuddy(self.choice)
        form.addRow(label, self.choice)
        form.addRow("", self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def _try_accept(self) -> None:
        typed = " ".join(self.choice.currentText().split())
        list_id = self._lists.get(typed.casefold())
        try:
            self._submit(list_id, typed)
        except ValidationError as exc:
            text = exc.field_errors.get("name") or str(exc)
            self.message.setText(text)
            self.message.setAccessibleDescription(text)
            self.message.show()
            self.choice.setFocus()
            return
        self.accept()
