"""A form section for records linked as a list: an agreement's programmes or library services.

Each row is a searchable choice with its own Remove button; "Add a programme" adds a row.
The value is the list of chosen ids.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from brokerdesk.core.services.fields import Field
from brokerdesk.gui.dialogs.editors import ReferenceEditor
from brokerdesk.gui.dialogs.extras import ExtraSection

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


class LinkedRecords(ExtraSection):
    """Rows of one kind of record, added and removed with buttons.

    Args:
        field_name: the reference field each row edits ("programme_id"), which names the
            kind of record for its messages.
        noun: the kind as the labels say it ("Programme").
    """

    def __init__(
        self,
        key: str,
        label: str,
        field_name: str,
        noun: str,
        options: list[tuple[int, str]],
        parent: QWidget,
    ) -> None:
        group = QGroupBox(translate("RecordForm", label), parent)
        group.setAccessibleName(translate("RecordForm", label))
        self._field_name = field_name
        self._noun = noun
        self._options = options
        self._rows: list[tuple[QWidget, ReferenceEditor, QPushButton]] = []
        self.rows_layout = QVBoxLayout()
        add_text = translate("RecordForm", "Add a {0}").format(noun.lower())
        self.add_button = QPushButton(add_text, group)
        self.add_button.setAccessibleName(add_text)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self._add_row(None, focus=True))
        outer = QVBoxLayout(group)
        outer.addLayout(self.rows_layout)
        outer.addWidget(self.add_button)
        super().__init__(key, label, group)
        self.focus_widget = self.add_button

    def _add_row(self, record_id: int | None, focus: bool = False) -> None:
        number = len(self._rows) + 1
        before = self._rows[-1][2] if self._rows else self.add_button.previousInFocusChain()
        row = QWidget(self.widget)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        name = translate("RecordForm", "{0} {1}").format(self._noun, number)
        editor = ReferenceEditor(Field(self._field_name, name, "int"), row, self._options)
        editor.set_accessible_name(name)
        editor.set_value(record_id)
        editor.edited.connect(self.edited.emit)
        label = QLabel(name + ":", row)
        label.setBuddy(editor.combo)
        remove = QPushButton(translate("RecordForm", "Remove"), row)
        remove.setAccessibleName(translate("RecordForm", "Remove {0}").format(name.lower()))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self._remove(row))
        line.addWidget(label)
        line.addWidget(editor.combo, 1)
        line.addWidget(remove)
        self.rows_layout.addWidget(row)
        if before is not None:  # rows stand before "Add a …" in Tab order too
            QWidget.setTabOrder(before, editor.combo)
            QWidget.setTabOrder(editor.combo, remove)
            QWidget.setTabOrder(remove, self.add_button)
        self._rows.append((row, editor, remove))
        if focus:
            editor.combo.setFocus()
            self.edited.emit()

    def _remove(self, row: QWidget) -> None:
        self._rows = [r for r in self._rows if r[0] is not row]
        row.hide()
        row.deleteLater()
        self.edited.emit()
        self.add_button.setFocus()

    def value(self) -> Any:
        chosen = (editor.value() for _row, editor, _remove in self._rows)
        return sorted({int(i) for i in chosen if i is not None})

    def set_value(self, value: Any) -> None:
        for row, _editor, _remove in self._rows:
            row.deleteLater()
        self._rows = []
        for record_id in value or []:
            self._add_row(record_id)
