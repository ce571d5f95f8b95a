"""The field-by-field merge view of Tools ▸ Find duplicates….

Both records side by side; a choice of the record to keep and, for every field that differs,
of the value to keep; what moves to the kept record; and a merge run as an undoable operation
(off the GUI thread), so Edit ▸ Undo (Ctrl+Z) takes it back.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.gui.duplicates.merge_command import MergeRecords
from brokerdesk.gui.duplicates.merge_facts import MergeFacts, amp, moves_text, quoted
from brokerdesk.gui.operations import Operation, OperationRun
from brokerdesk.gui.scrolling import form_scroll_area

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

translate = QCoreApplication.translate  # lupdate reads translate("Duplicates", "…") calls


def local_time(saved: dt.datetime | None) -> str:
    """A stored time (UTC) as the user's clock shows it: "29 Nov 2026 14:05"."""
    if saved is None:
        return "—"
    aware = saved if saved.tzinfo is not None else saved.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%d %b %Y %H:%M")


# ---------------------------------------------------------------------- the merge view
class MergeDialog(QDialog):
    """Both records side by side: which to keep, and for each differing field which value.

    Attributes:
        keep: the button group whose checked id (0 or 1) is the side kept.
        fields: field name -> the button group whose checked id is the side whose value stays.
        chosen: the fields whose value the user picked; the others follow the record kept.
        merged_away: after a merge, the id of the record merged into the other.
    """

    def __init__(self, ctx: AppContext, facts: MergeFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.facts = facts
        self.merged_away: int | None = None
        self.merging: OperationRun | None = None  # the merge being written, once confirmed
        self.fields: dict[str, QButtonGroup] = {}
        self.chosen: set[str] = set()
        self.radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self.own_heading: QLabel | None = None
        noun = self.tr("partners") if facts.entity == "partner" else self.tr("contacts")
        self.setObjectName("merge-dialog")
        self.setWindowTitle(self.tr("Merge two {0}").format(noun))
        self.setAccessibleName(self.windowTitle())
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._build()
        self._survivor_changed()

    def default_side(self, name: str) -> int:
        """The kept record's value; the other's only where the kept record has none.

        A merge tidies the record the user chose to keep: it must not rename it or change
        its status because the duplicate was typed in later.
        """
        kept = self.survivor_side()
        empty = [self.facts.values[s][name] in (None, "") for s in (0, 1)]
        return 1 - kept if empty[kept] and not empty[1 - kept] else kept

    def _build(self) -> None:
        facts = self.facts
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the record to keep, then, for each field that differs, the value to "
                "keep. Everything linked to the other record moves to the one you keep."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Record to &keep"), self)
        row = QHBoxLayout(box)
        self.keep = QButtonGroup(self)
        for side in (0, 1):
            saved = facts.updated[side]
            when = local_time(saved)
            text = self.tr("{0} (#{1}, saved {2})").format(
                quoted(facts.label(side), 50), facts.ids[side], when
            )
            radio = QRadioButton(amp(text), box)
            radio.setAccessibleName(self.tr("Keep {0}").format(text))
            radio.setObjectName(f"merge-keep-{side}")
            self.keep.addButton(radio, side)
            row.addWidget(radio)
        row.addStretch(1)
        self.keep.button(0).setChecked(True)  # the older record, as the finder lists it first
        self.keep.idToggled.connect(self._keep_toggled)
        layout.addWidget(box)

        host = QWidget(self)
        grid = QGridLayout(host)
        grid.setHorizontalSpacing(16)
        grid.addWidget(QLabel(f"<b>{self.tr('Field')}</b>", host), 0, 0)
        self.side_headers: list[QLabel] = []
        for side in (0, 1):
            header = QLabel(host)
            header.setWordWrap(True)
            grid.addWidget(header, 0, side + 1)
            self.side_headers.append(header)
        line = 1
        for f in facts.fields:
            if f.name not in facts.own:
                self._add_field(grid, host, line, f.name, self.tr(f.label))
                line += 1
        for label, text in facts.combined.items():
            name = QLabel(label + ":", host)
            value = QLabel(
                self.tr("Both combined: {0}").format(text) if text else self.tr("(none)"), host
            )
            value.setWordWrap(True)
            value.setAccessibleName(self.tr("{0}: both combined").format(label))
            grid.addWidget(name, line, 0)
            grid.addWidget(value, line, 1, 1, 2)
            line += 1
        own = [f for f in facts.fields if f.name in facts.own]
        if own:  # the team's fields last, under their own heading, in the team's words
            self.own_heading = QLabel(f"<b>{self.tr('Your own fields')}</b>", host)
            self.own_heading.setAccessibleName(self.tr("Your own fields"))
            grid.addWidget(self.own_heading, line, 0, 1, 3)
            line += 1
        for f in own:
            self._add_field(grid, host, line, f.name, f.label)
            line += 1
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(line, 1)
        scroll = form_scroll_area(
            host, self.tr("The two records, field by field"), self, framed=False, sideways=False
        )
        layout.addWidget(scroll, 1)

        self.moves = QLabel(self)
        self.moves.setObjectName("merge-moves")
        self.moves.setWordWrap(True)
        self.moves.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.moves.setFrameShape(QLabel.Shape.StyledPanel)
        self.moves.setMargin(6)
        layout.addWidget(self.moves)

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(
            self.tr("&Merge"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel, merge nothing"))
        self.buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.confirm_and_merge)
        layout.addWidget(self.buttons)
        host.setMinimumWidth(720)
        self.resize(820, min(host.sizeHint().height() + 300, 720))

    def _add_field(
        self, grid: QGridLayout, host: QWidget, line: int, name: str, label: str
    ) -> None:
        shown = self.facts.shown
        title = QLabel(label + ":", host)
        grid.addWidget(title, line, 0, Qt.AlignmentFlag.AlignTop)
        if self.facts.values[0][name] == self.facts.values[1][name]:
            same = QLabel(self.tr("{0} (the same in both)").format(shown[0][name]), host)
            same.setWordWrap(True)
            same.setAccessibleName(self.tr("{0}: the same in both").format(label))
            grid.addWidget(same, line, 1, 1, 2)
            return
        group = QButtonGroup(self)
        pair: list[QRadioButton] = []
        for side in (0, 1):
            text = shown[side][name]
            short = text if len(text) <= 70 else text[:69] + "…"
            radio = QRadioButton(amp(short.replace("\n", " ")), host)
            radio.setObjectName(f"merge-{name}-{side}")
            radio.setToolTip(text)
            radio.setAccessibleName(self.tr("{0}: {1}").format(label, short))
            radio.setAccessibleDescription(
                self.tr("from {0}").format(quoted(self.facts.label(side)))
            )
            group.addButton(radio, side)
            grid.addWidget(radio, line, side + 1, Qt.AlignmentFlag.AlignTop)
            pair.append(radio)
        title.setBuddy(pair[0])
        group.button(self.default_side(name)).setChecked(True)
        group.idClicked.connect(lambda _side, field=name: self.chosen.add(field))
        group.idToggled.connect(self._field_toggled)
        self.fields[name] = group
        self.radios[name] = (pair[0], pair[1])

    # ------------------------------------------------------------------ choices
    def survivor_side(self) -> int:
        return self.keep.checkedId()

    def choose(self, name: str, side: int) -> None:
        """Keep ``name``'s value from side 0 or 1 (what clicking its radio does)."""
        self.radios[name][side].setChecked(True)
        self.chosen.add(name)

    def kept_label(self) -> str:
        """The kept record's name as it will be after the merge (the name chosen)."""
        name = "name" if self.facts.entity == "partner" else "full_name"
        group = self.fields.get(name)
        side = group.checkedId() if group is not None else self.survivor_side()
        return self.facts.label(side)

    def brought_in_text(self) -> str:
        """What the kept record will hold: its own values, and which it takes from the other."""
        kept = self.survivor_side()
        survivor, other = quoted(self.facts.label(kept)), quoted(self.facts.label(1 - kept))
        own = self.facts.own
        labels = {f.name: f.label if f.name in own else self.tr(f.label) for f in self.facts.fields}
        taken = [labels[n] for n, group in self.fields.items() if group.checkedId() != kept]
        if not taken:
            text = self.tr("{0} keeps all its own values.").format(survivor)
        else:
            text = self.tr("{0} keeps its own values except {1}, taken from {2}.").format(
                survivor, ", ".join(taken), other
            )
        if self.kept_label() != self.facts.label(kept):
            text += " " + self.tr("It will be called {0}.").format(quoted(self.kept_label()))
        left = [labels[n] for n in self.fields if self.left_out(n)]
        if left:
            text += " " + self.tr("The values not kept ({0}) are written to its history.").format(
                ", ".join(left)
            )
        return text

    def left_out(self, name: str) -> bool:
        """Whether the value of ``name`` not chosen is a value (not empty), so it is left out."""
        side = 1 - self.fields[name].checkedId()
        return self.facts.values[side][name] not in (None, "", [])

    def choices(self) -> dict[str, str]:
        """Field -> "survivor" or "other", as the core merge takes them."""
        kept = self.survivor_side()
        return {
            name: "survivor" if group.checkedId() == kept else "other"
            for name, group in self.fields.items()
        }

    def _field_toggled(self, _side: int, checked: bool) -> None:
        if checked:
            self._show_summary()

    def _keep_toggled(self, _side: int, checked: bool) -> None:
        if checked:
            self._survivor_changed()

    def _survivor_changed(self) -> None:
        kept = self.survivor_side()
        facts = self.facts
        for name, group in self.fields.items():  # the defaults follow the record kept
            if name not in self.chosen:
                group.button(self.default_side(name)).setChecked(True)
        for side, header in enumerate(self.side_headers):
            role = self.tr("kept") if side == kept else self.tr("merged in, then deleted")
            header.setText(f"<b>{quoted(facts.label(side)).replace('<', '&lt;')}</b><br>{role}")
            header.setAccessibleName(f"{facts.label(side)}: {role}")
        self._show_summary()

    def _show_summary(self) -> None:
        """What the kept record will hold, and what moves to it (below the fields)."""
        if not hasattr(self, "moves"):  # still building: the fields come first
            return
        kept = self.survivor_side()
        self.moves.setText(self.brought_in_text() + "\n" + moves_text(self.facts, kept))
        self.moves.setAccessibleName(self.moves.text())

    # ------------------------------------------------------------------ merging
    def reject(self) -> None:
        """Escape or Cancel closes the view, except while the merge is being written."""
        if self.merging is not None and not self.merging.ended:
            return
        super().reject()

    def confirm_and_merge(self) -> bool:
        """Ask once, naming both records and what moves; merge through the undo stack.

        True when the merge has started: the view closes once it is written, or stays open
        with the choices as they were if it is refused.
        """
        kept = self.survivor_side()
        facts = self.facts
        survivor, other = facts.label(kept), facts.label(1 - kept)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Merge"))
        box.setText(self.tr("Merge {0} into {1}?").format(quoted(other), quoted(survivor)))
        box.setInformativeText(self.brought_in_text() + "\n\n" + moves_text(facts, kept))
        merge_button = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(merge_button)
        box.exec()
        if box.clickedButton() is not merge_button:
            return False
        command = MergeRecords(
            self.ctx,
            facts.entity,
            facts.ids[kept],
            facts.ids[1 - kept],
            self.choices(),
            self.tr("Merge {0} into {1}").format(quoted(other), quoted(survivor)),
        )
        self.buttons.setEnabled(False)  # one merge at a time; the dialog closes when done

        def merged(_change: object) -> None:
            self.merged_away = facts.ids[1 - kept]
            self.accept()

        def refused(sentence: str) -> None:
            self.buttons.setEnabled(True)  # the choices stay as they were
            self.ctx.report_error(sentence)

        self.merging = Operation(
            self.ctx, self, title=command.text(), undo=command,
            on_success=merged, on_failure=refused,
        ).run()  # fmt: skip
        return True
