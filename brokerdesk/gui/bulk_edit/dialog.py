"""The bulk edit form: what to set, and a table of every change it will make before it does.

One row per setter of the kind (``core.services.bulk_edit.setters``): a field is set only
when its tick box is ticked (so "set the owner to nobody" and "leave the owner alone" are
different), tags are typed, lists chosen. The preview below reads record, field, old, new and
is read again after every edit; Apply runs the change through the operation runner as one
undo entry.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core.errors import BrokerDeskError, ValidationError
from brokerdesk.core.services.bulk_edit import BulkEdit, PreviewLine, Setter
from brokerdesk.core.services.static_lists import StaticListService
from brokerdesk.gui import kind_words
from brokerdesk.gui.announce import announce
from brokerdesk.gui.bulk_edit.command import BulkEditCommand
from brokerdesk.gui.models.rows import RowColumn, RowsModel
from brokerdesk.gui.operations import Operation

PAUSE_MS = 250  # typing pauses this long before the preview is worked out again

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


def _count(entity: str, n: int) -> str:
    return f"{n:,} {kind_words.one(entity) if n == 1 else kind_words.many(entity)}"


class BulkEditDialog(QDialog):
    """Set fields, tags and lists on the chosen records of one kind."""

    def __init__(self, ctx: AppContext, entity: str, ids: list[int], parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        self.ids = ids
        self.bulk = BulkEdit(ctx.db, entity)
        # The preview reads every selected record: worked out after a pause in typing, not
        # at each letter.
        self._typed = QTimer(self)
        self._typed.setSingleShot(True)
        self._typed.setInterval(PAUSE_MS)
        self._typed.timeout.connect(self._preview)
        self.result_text = ""
        title = self.tr("Bulk edit {0}").format(_count(entity, len(ids)))
        self.setObjectName("bulk-edit-dialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        lists = [(x.id, x.name) for x in StaticListService(ctx.db).lists(entity)]

        form = QFormLayout()
        self.ticks: dict[str, QCheckBox] = {}
        self.editors: dict[str, QWidget] = {}
        chain: list[QWidget] = []
        for setter in self.bulk.setters.values():
            editor = self._editor(setter, lists)
            self.editors[setter.key] = editor
            label_text = self.tr(setter.label)
            if setter.kind == "field":
                tick = QCheckBox(self.tr("Set {0}").format(label_text.lower()), self)
                tick.setAccessibleName(self.tr("Set {0}").format(label_text.lower()))
                tick.toggled.connect(editor.setEnabled)
                tick.toggled.connect(lambda _on: self._preview())
                editor.setEnabled(False)
                self.ticks[setter.key] = tick
                row = QHBoxLayout()
                row.addWidget(tick)
                row.addWidget(editor, 1)
                form.addRow(row)
                chain += [tick, editor]
            else:
                label = QLabel(label_text + ":", self)
                label.setBuddy(editor)
                form.addRow(label, editor)
                chain.append(editor)
        self.summary = QLabel(self)
        self.summary.setObjectName("bulk-edit-summary")
        self.summary.setAccessibleName(self.tr("What will change"))
        self.summary.setWordWrap(True)
        self.model = RowsModel(
            [
                RowColumn("record", self.tr("Record")),
                RowColumn("field", self.tr("Field")),
                RowColumn("old", self.tr("Now")),
                RowColumn("new", self.tr("After")),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("bulk-edit-preview")
        self.table.setAccessibleName(self.tr("Preview of the changes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((260, 140, 120)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self._apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Tick what to set on the {0}; the table shows every change first.").format(
                _count(entity, len(ids))
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        chain += [self.table, self.apply_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.resize(680, 560)
        self._preview()

    def _editor(self, setter: Setter, lists: list[tuple[int, str]]) -> QWidget:
        name = self.tr(setter.label)
        if setter.kind == "field" and setter.choices:
            box = QComboBox(self)
            for value, label in setter.choices.items():
                box.addItem(self.tr(label), value)
            box.setAccessibleName(name)
            box.currentIndexChanged.connect(lambda _i: self._preview())
            return box
        if setter.kind in ("list_add", "list_remove"):
            box = QComboBox(self)
            box.addItem(self.tr("No list"), None)
            for list_id, list_name in lists:
                box.addItem(list_name, list_id)
            box.setAccessibleName(name)
            box.currentIndexChanged.connect(lambda _i: self._preview())
            return box
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        if setter.kind == "field":
            edit.setPlaceholderText(self.tr("Leave empty to clear it"))
        else:
            edit.setPlaceholderText(self.tr("Separate tags with commas"))
        edit.textChanged.connect(lambda _t: self._typed.start())  # after a pause in typing
        return edit

    # ------------------------------------------------------------------ the request
    def request(self) -> dict[str, Any]:
        """What the form asks for, as bulk edit's ``{setter key: value}``."""
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            tick = self.ticks.get(key)
            if tick is not None and not tick.isChecked():
                continue
            if isinstance(editor, QComboBox):
                value = editor.currentData()
                if value is not None:
                    out[key] = value
            elif isinstance(editor, QLineEdit):
                text = editor.text().strip()
                if text or tick is not None:
                    out[key] = text
        return out

    def _preview(self) -> None:
        try:
            lines: list[PreviewLine] = self.bulk.preview(self.ids, self.request())
        except ValidationError as exc:
            self.model.set_rows([])
            self._say(str(next(iter(exc.field_errors.values()), str(exc))))
            self.apply_button.setEnabled(False)
            return
        except BrokerDeskError as exc:
            self.model.set_rows([])
            self._say(str(exc))
            self.apply_button.setEnabled(False)
            return
        self.model.set_rows(
            [
                {"id": x.record_id, "record": x.record, "field": x.field, "old": x.old}
                | {"new": x.new}
                for x in lines
            ]
        )
        records = len({x.record_id for x in lines})
        if lines:
            self._say(
                self.tr("{0} changes to {1}.").format(len(lines), _count(self.entity, records))
            )
        else:
            self._say(self.tr("Nothing to change yet."))
        self.apply_button.setEnabled(bool(lines))

    def _say(self, text: str) -> None:
        if text != self.summary.text():
            self.summary.setText(text)
            announce(self.summary, text)

    def _apply(self) -> None:
        request = self.request()
        records = len({x["id"] for x in self.model.rows})
        text = self.tr("Bulk edit of {0}").format(_count(self.entity, records))
        self.buttons.setEnabled(False)

        def done(_change: object) -> None:
            self.result_text = text
            self.accept()

        def refused(sentence: str) -> None:
            self.buttons.setEnabled(True)
            self._say(sentence)

        Operation(
            self.ctx,
            self,
            title=text,
            undo=BulkEditCommand(self.ctx, self.bulk, self.ids, request, text),
            on_success=done,
            on_failure=refused,
        ).run()
