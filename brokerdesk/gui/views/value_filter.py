"""A list's filter by the value of one of the team's own fields: "Budget [at least] [10,000]".

A drop-down says how to compare (each text, number, money or date field offers its own
ways, ``core.services.value_filters``), one box (two for "between") takes the value as people
type it. The list follows a moment after typing stops, at once on Enter or on leaving the
box; what does not fit is said beside the boxes (and to a screen reader when the user
leaves the box or presses Enter) and the filter then asks nothing until it is put right.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from brokerdesk.core.services.value_filters import (
    OPERATORS,
    FilterValueError,
    checked,
    describe,
    operator,
    shown,
)
from brokerdesk.gui.announce import announce

TYPING_PAUSE_MS = 700
translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a string for lupdate; the widget translates it when it shows it."""
    return text


# The operators' words (core.services.value_filters), for the translation catalogue.
OPERATOR_WORDS = (
    QT_TRANSLATE_NOOP("ValueFilter", "contains"),
    QT_TRANSLATE_NOOP("ValueFilter", "is"),
    QT_TRANSLATE_NOOP("ValueFilter", "at least"),
    QT_TRANSLATE_NOOP("ValueFilter", "at most"),
    QT_TRANSLATE_NOOP("ValueFilter", "between"),
    QT_TRANSLATE_NOOP("ValueFilter", "before"),
    QT_TRANSLATE_NOOP("ValueFilter", "after"),
    QT_TRANSLATE_NOOP("ValueFilter", "within the next … days"),
    QT_TRANSLATE_NOOP("ValueFilter", "within the last … days"),
    QT_TRANSLATE_NOOP("ValueFilter", "is filled in"),
    QT_TRANSLATE_NOOP("ValueFilter", "is empty"),
)
EXAMPLES = {
    "text": QT_TRANSLATE_NOOP("ValueFilter", "text"),
    "longtext": QT_TRANSLATE_NOOP("ValueFilter", "text"),
    "number": QT_TRANSLATE_NOOP("ValueFilter", "e.g. 10,000"),
    "money": QT_TRANSLATE_NOOP("ValueFilter", "e.g. £10,000"),
    "date": QT_TRANSLATE_NOOP("ValueFilter", "e.g. 1/9/2026"),
    "days": QT_TRANSLATE_NOOP("ValueFilter", "days"),
}


class ValueFilter(QWidget):
    """The operator, the value box(es) and what is wrong with them, for one own field.

    Signals:
        changed(): the filter asks something else now (the list should follow).
    """

    changed = Signal()

    def __init__(self, label: str, value_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.value_type = value_type
        self.problem = ""
        self._asked: Any = None  # what the list was last told, so a pause re-asks nothing new
        self.op = QComboBox(self)
        self.op.setAccessibleName(label)
        self.op.setToolTip(translate("ValueFilter", "How to compare {0}").format(label))
        self.op.addItem(translate("ValueFilter", "any"), None)
        for each in OPERATORS[value_type]:
            self.op.addItem(translate("ValueFilter", each.label), each.key)
        self.op.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.op.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.first = QLineEdit(self)
        self.and_label = QLabel(translate("ValueFilter", "and"), self)
        self.second = QLineEdit(self)
        self.and_label.setBuddy(self.second)
        self.second.setAccessibleName(translate("ValueFilter", "{0}, and").format(label))
        self.message = QLabel(self)
        self.message.setObjectName("filter-problem")
        self.message.setWordWrap(False)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._typed)
        for box in (self.first, self.second):
            box.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
            box.setClearButtonEnabled(True)
            box.textEdited.connect(lambda _t: self._pause.start())
            box.editingFinished.connect(self._finished)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in (self.op, self.first, self.and_label, self.second, self.message):
            layout.addWidget(part)
        self.setFocusProxy(self.op)
        self.op.currentIndexChanged.connect(self._op_changed)
        self._show_boxes()

    def setWhatsThis(self, text: str) -> None:
        """Help (Shift+F1) on whichever part has the focus: the drop-down or a box."""
        super().setWhatsThis(text)
        for part in (self.op, self.first, self.second):
            part.setWhatsThis(text)

    # ------------------------------------------------------------------ reading
    def value(self) -> Any:
        """What the list should ask: "filled", "empty", a condition, or None (nothing yet,
        or what was typed does not fit: then :attr:`problem` says why, beside the boxes)."""
        key = self.op.currentData()
        self.problem = ""
        found: Any = None
        if key is not None:
            typed = {"op": key, "value": self.first.text(), "to": self.second.text()}
            try:
                found = checked(self.value_type, self.label, typed)
            except FilterValueError as exc:
                self.problem = str(exc)
        self._show_problem()
        # The whole condition in words for a screen reader on the drop-down ("Budget at
        # least £10,000.00"), as the eye reads it across the boxes.
        said = "" if found is None else describe(self.value_type, self.label, found)
        self.op.setAccessibleDescription(said)
        return found

    def set_value(self, value: Any) -> None:
        """Show a stored filter (a saved view's) without telling the list."""
        was = self.blockSignals(True)
        self.op.blockSignals(True)
        key, first, second = (None, "", "") if value is None else shown(self.value_type, value)
        self.op.setCurrentIndex(max(self.op.findData(key), 0))
        self.first.setText(first)
        self.second.setText(second)
        self.op.blockSignals(False)
        self.blockSignals(was)
        self._show_boxes()
        self._asked = self.value()

    # ------------------------------------------------------------------ reacting
    def _op_changed(self, _index: int) -> None:
        self._show_boxes()
        self._tell()

    def _typed(self) -> None:
        self._tell()

    def _finished(self) -> None:
        """Enter, or the box left: the list follows now, and a problem is said aloud."""
        self._pause.stop()
        self._tell()
        if self.problem:
            announce(self, self.problem, urgent=True)

    def _tell(self) -> None:
        now = self.value()
        if now != self._asked:
            self._asked = now
            self.changed.emit()

    def _show_boxes(self) -> None:
        key = self.op.currentData()
        needs = "nothing" if key is None else operator(self.value_type, key).needs
        self.first.setVisible(needs != "nothing")
        self.and_label.setVisible(needs == "two")
        self.second.setVisible(needs == "two")
        example = EXAMPLES["days" if needs == "days" else self.value_type]
        self.first.setPlaceholderText(translate("ValueFilter", example))
        self.second.setPlaceholderText(translate("ValueFilter", example))
        name = (
            translate("ValueFilter", "{0}, number of days")
            if needs == "days"
            else translate("ValueFilter", "{0}, value")
        )
        self.first.setAccessibleName(name.format(self.label))

    def _show_problem(self) -> None:
        self.message.setText(f"⚠ {self.problem}" if self.problem else "")
        self.message.setVisible(bool(self.problem))
        for box in (self.first, self.second):
            box.setAccessibleDescription(self.problem)
            box.setToolTip(self.problem)
