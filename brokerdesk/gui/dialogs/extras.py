"""Form sections for values that are not plain columns: offer areas, tags, partner roles.

Each section edits one of a service's ``extra_fields`` and hands back the value that service
accepts (a list of offer area ids, a list of tag names, a list of (partner id, role) pairs).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import vocabulary
from brokerdesk.core.services.fields import Field
from brokerdesk.gui.dialogs.editors import ReferenceEditor

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


class ExtraSection(QObject):
    """Signals:
    edited(): the user changed the value.
    """

    edited = Signal()

    def __init__(self, key: str, label: str, widget: QWidget) -> None:
        super().__init__(widget)
        self.key = key
        self.label = label
        self.widget = widget
        self.focus_widget: QWidget = widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class OfferAreaChecks(ExtraSection):
    """A tick box per offer area (there are six: a list of boxes reads better than a list)."""

    def __init__(self, key: str, label: str, areas: list[tuple[int, str]], parent: QWidget) -> None:
        group = QGroupBox(translate("RecordForm", label), parent)
        group.setAccessibleName(translate("RecordForm", label))
        grid = QGridLayout(group)
        self.boxes: dict[int, QCheckBox] = {}
        for n, (area_id, name) in enumerate(areas):
            box = QCheckBox(name.replace("&", "&&"), group)
            box.setAccessibleName(name)
            box.toggled.connect(lambda _on: self.edited.emit())
            grid.addWidget(box, n // 2, n % 2)
            self.boxes[area_id] = box
        super().__init__(key, label, group)
        if self.boxes:
            self.focus_widget = next(iter(self.boxes.values()))

    def value(self) -> Any:
        return [area_id for area_id, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for area_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(area_id in chosen)
            box.blockSignals(False)


class TagsEdit(ExtraSection):
    def __init__(self, key: str, label: str, parent: QWidget) -> None:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(translate("RecordForm", "Separate tags with commas"))
        edit.textEdited.connect(lambda _t: self.edited.emit())
        super().__init__(key, label, edit)
        self.edit = edit

    def value(self) -> Any:
        return [t.strip() for t in self.edit.text().split(",") if t.strip()]

    def set_value(self, value: Any) -> None:
        self.edit.setText(", ".join(value or []))


class PartnerRoles(ExtraSection):
    """The programme's partners, each with a role; rows added and removed with buttons."""

    def __init__(
        self, key: str, label: str, partners: list[tuple[int, str]], parent: QWidget
    ) -> None:
        group = QGroupBox(translate("RecordForm", label), parent)
        group.setAccessibleName(translate("RecordForm", label))
        self._partners = partners
        self._rows: list[tuple[QWidget, ReferenceEditor, QComboBox]] = []
        self.rows_layout = QVBoxLayout()
        self.add_button = QPushButton(translate("RecordForm", "Add a partner"), group)
        self.add_button.setAccessibleName(translate("RecordForm", "Add a partner"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self._add_row(None, "lead", focus=True))
        outer = QVBoxLayout(group)
        outer.addLayout(self.rows_layout)
        outer.addWidget(self.add_button)
        super().__init__(key, label, group)
        self.focus_widget = self.add_button

    def _add_row(self, partner_id: int | None, role: str, focus: bool = False) -> None:
        number = len(self._rows) + 1
        # Where the new row goes in Tab order: after the last row's Remove, or, for the
        # first, where "Add a partner" stands (found before new widgets join the chain).
        last_row = self._rows[-1][0] if self._rows else None
        before = (
            last_row.findChildren(QPushButton)[-1]
            if last_row is not None
            else self.add_button.previousInFocusChain()
        )
        row = QWidget(self.widget)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        partner = ReferenceEditor(
            Field("partner_id", f"Partner {number}", "int"), row, self._partners
        )
        partner.set_accessible_name(translate("RecordForm", "Partner {0}").format(number))
        partner.set_value(partner_id)
        partner.edited.connect(self.edited.emit)
        roles = QComboBox(row)
        roles.setAccessibleName(translate("RecordForm", "Role of partner {0}").format(number))
        for stored, text in vocabulary.PARTNER_ROLE_LABELS.items():
            roles.addItem(translate("RecordForm", text), stored)
        roles.setCurrentIndex(max(roles.findData(role), 0))
        roles.activated.connect(lambda _i: self.edited.emit())
        remove = QPushButton(translate("RecordForm", "Remove"), row)
        remove.setAccessibleName(translate("RecordForm", "Remove partner {0}").format(number))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self._remove(row))
        # Visible labels as buddies: on Linux a combo box's own name is its current value
        # ("Lead partner"), so a screen reader names it by the label it is labelled by.
        partner_label = QLabel(translate("RecordForm", "Partner {0}:").format(number), row)
        partner_label.setBuddy(partner.combo)
        role_label = QLabel(translate("RecordForm", "Role:"), row)
        role_label.setAccessibleName(translate("RecordForm", "Role of partner {0}").format(number))
        role_label.setBuddy(roles)
        line.addWidget(partner_label)
        line.addWidget(partner.combo, 3)
        line.addWidget(role_label)
        line.addWidget(roles, 1)
        line.addWidget(remove)
        self.rows_layout.addWidget(row)
        # Rows are made after the dialog's Save and Cancel: put them where they stand, in
        # the group before "Add a partner", not after the buttons in Tab order.
        if before is not None:
            QWidget.setTabOrder(before, partner.combo)
            QWidget.setTabOrder(partner.combo, roles)
            QWidget.setTabOrder(roles, remove)
            QWidget.setTabOrder(remove, self.add_button)
        self._rows.append((row, partner, roles))
        if focus:
            partner.combo.setFocus()
            self.edited.emit()

    def _remove(self, row: QWidget) -> None:
        self._rows = [r for r in self._rows if r[0] is not row]
        row.hide()
        row.deleteLater()
        self.edited.emit()

    def value(self) -> Any:
        pairs = []
        for _row, partner, roles in self._rows:
            partner_id = partner.value()  # raises NotChosenError for a name that matches nothing
            if partner_id is not None:
                pairs.append((int(partner_id), str(roles.currentData())))
        return sorted(pairs)

    def set_value(self, value: Any) -> None:
        for row, _p, _r in self._rows:
            row.deleteLater()
        self._rows = []
        for partner_id, role in value or []:
            self._add_row(partner_id, role)


class MeasuresEdit(ExtraSection):
    """A programme's measures on one line: "People reached (people); Books issued (books)"."""

    def __init__(self, key: str, label: str, parent: QWidget) -> None:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(
            translate("RecordForm", "Name (unit); another (unit): People reached (people)")
        )
        edit.textEdited.connect(lambda _t: self.edited.emit())
        super().__init__(key, label, edit)
        self.edit = edit

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        pairs = value or []
        self.edit.setText("; ".join(f"{n} ({u})" if u else n for n, u in pairs))


class MeasureValues(ExtraSection):
    """A participation's figure for each measure its programme declares (beside the two
    that are fields of their own), one labelled box each."""

    def __init__(
        self, key: str, label: str, measures: list[tuple[int, str]], parent: QWidget
    ) -> None:
        group = QGroupBox(translate("RecordForm", label), parent)
        group.setAccessibleName(translate("RecordForm", label))
        grid = QGridLayout(group)
        self.edits: dict[int, QLineEdit] = {}
        for row, (measure_id, heading) in enumerate(measures):
            edit = QLineEdit(group)
            edit.setAccessibleName(heading)
            edit.textEdited.connect(lambda _t: self.edited.emit())
            shown = QLabel(heading.replace("&", "&&") + ":", group)
            shown.setBuddy(edit)
            grid.addWidget(shown, row, 0)
            grid.addWidget(edit, row, 1)
            self.edits[measure_id] = edit
        super().__init__(key, label, group)
        if self.edits:
            self.focus_widget = next(iter(self.edits.values()))

    def value(self) -> Any:
        return {mid: edit.text().strip() or None for mid, edit in self.edits.items()}

    def set_value(self, value: Any) -> None:
        recorded = {int(k): v for k, v in (value or {}).items()}
        for mid, edit in self.edits.items():
            figure = recorded.get(mid)
            edit.setText("" if figure is None else str(figure))
