"""A list's choice filters: a drop-down filled on first use, and for the team's own choice
fields one that also takes several choices at once ("Tier is Gold or Silver")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFocusEvent, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate
SEVERAL = "\x00several"  # the data of the item that asks for several choices


class ChoiceFilter(QComboBox):
    """A filter's drop-down whose choices are read from the database on first use.

    Reading every list's owners, regions and programmes at start-up costs a tenth of a second
    the user never asked for; they are read when the box gets focus or opens instead.
    """

    def __init__(self, fill: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._fill = fill

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._fill()
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self._fill()
        super().showPopup()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._fill()
        super().wheelEvent(event)

    def fill(self, options: list[tuple[Any, str]]) -> None:
        """Offer ``options`` after "Any …", keeping the chosen one (read again after a change)."""
        chosen = self.currentData()
        while self.count() > 1:
            self.removeItem(1)
        for value, label in options:
            self.addItem(label, value)
        self.choose(chosen)

    def choose(self, value: Any) -> None:
        """Show ``value`` as chosen ("Any …" when it is not offered)."""
        found = self.findData(value)
        self.setCurrentIndex(found if found >= 0 else 0)


class SeveralChoiceFilter(ChoiceFilter):
    """An own choice field's filter: one choice, or after its choices "Several of them…",
    which asks which in a small dialog of tick boxes; the drop-down then shows "Gold or
    Silver" and holds the list (records with any of them).

    The dialog is window-modal and opened, not run, so the window (and a test) answers it.
    """

    def __init__(self, fill: Callable[[], None], parent: QWidget) -> None:
        super().__init__(fill, parent)
        self._options: list[tuple[Any, str]] = []
        self._before = 0  # the item shown before "Several of them…" was chosen
        self.dialog: SeveralChoicesDialog | None = None
        # Connected first, so it runs before the list reads the box.
        self.currentIndexChanged.connect(self._chosen)

    def fill(self, options: list[tuple[Any, str]]) -> None:
        self._options = list(options)
        chosen = self.currentData()
        while self.count() > 1:
            self.removeItem(1)
        for value, label in options:
            self.addItem(label, value)
        self.addItem(translate("ChoiceFilter", "Several of them…"), SEVERAL)
        self.choose(chosen)

    def choose(self, value: Any) -> None:
        if not isinstance(value, list):
            self._drop_several()
            super().choose(value)
            return
        labels = dict(self._options)
        picked = [str(labels.get(v, v)) for v in value]
        text = (
            picked[0]
            if len(picked) == 1
            else translate("ChoiceFilter", "{0} or {1}").format(", ".join(picked[:-1]), picked[-1])
        )
        self._drop_several()
        was = self.blockSignals(True)  # kept blocked if the list blocked them
        self.insertItem(self.count() - 1, text, list(value))
        self.blockSignals(was)
        self.setCurrentIndex(self.count() - 2)

    def _drop_several(self) -> None:
        """Take away an earlier "A or B" item (the items are: Any, choices, [A or B], Several)."""
        extra = self.count() - 2 - len(self._options)
        if extra > 0 and isinstance(self.itemData(self.count() - 2), list):
            was = self.blockSignals(True)  # kept blocked if the list blocked them
            self.removeItem(self.count() - 2)
            self.blockSignals(was)

    def _chosen(self, index: int) -> None:
        if self.itemData(index) != SEVERAL:
            self._before = index
            return
        was = self.blockSignals(True)  # kept blocked if the list blocked them
        self.setCurrentIndex(self._before)  # until the dialog says which
        self.blockSignals(was)
        current = self.currentData()
        already = current if isinstance(current, list) else [current]
        self.dialog = SeveralChoicesDialog(self.accessibleName(), self._options, already, self)
        self.dialog.accepted.connect(self._several_chosen)
        self.dialog.open()

    def _several_chosen(self) -> None:
        assert self.dialog is not None
        picked = self.dialog.picked()
        if picked:
            self.choose(picked if len(picked) > 1 else picked[0])


class SeveralChoicesDialog(QDialog):
    """Tick the choices a filter should take, any of which a record may have."""

    def __init__(
        self,
        label: str,
        options: list[tuple[Any, str]],
        already: list[Any],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ChoiceFilter", "{0}: several of them").format(label))
        layout = QVBoxLayout(self)
        intro = QLabel(translate("ChoiceFilter", "Show records whose {0} is any of:").format(label))
        layout.addWidget(intro)
        self.boxes: list[tuple[Any, QCheckBox]] = []
        for value, text in options:
            box = QCheckBox(text, self)
            box.setAccessibleName(text)
            box.setChecked(value in already)
            layout.addWidget(box)
            self.boxes.append((value, box))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.boxes:
            self.boxes[0][1].setFocus()

    def picked(self) -> list[Any]:
        return [value for value, box in self.boxes if box.isChecked()]
