"""The column mapping page: one row per field, the file's column for it, and a sample value.

The mapping saved last time for exactly these headers comes first; otherwise the columns are
suggested from their headers. A required field without a column (or a column given to two
fields) is explained beside the field and blocks Next.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from brokerdesk.core.importing import (
    MappingProblem,
    Target,
    UnreadableFileError,
    mapping_problems,
    suggest_mapping,
)
from brokerdesk.core.vocabulary import STAGE_LABELS
from brokerdesk.gui.dialogs.editors import reference_options
from brokerdesk.gui.importing.header_picker import HeaderRowPicker
from brokerdesk.gui.importing.reading import read_sheet
from brokerdesk.gui.importing.source_pages import error_style, message_label
from brokerdesk.gui.scrolling import form_scroll_area

if TYPE_CHECKING:
    from brokerdesk.gui.importing.wizard import ImportWizard


class MappingPage(QWizardPage):
    """Which column fills which field.

    Attributes:
        combos: field name -> the combo of the file's columns for it.
        messages: field name -> the label that explains what is wrong with it.
        source_note: says whether the saved mapping or a suggestion filled the combos.
    """

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.state = wizard
        self.setObjectName("import-mapping-page")
        self.setTitle(self.tr("Match the columns to fields"))
        self.setSubTitle(
            self.tr(
                "Choose the column that holds each field. Fields marked * are required; "
                "columns left out are not imported."
            )
        )
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        self.messages: dict[str, QLabel] = {}
        self.samples_by_header: dict[str, str] = {}
        self._built_for: tuple[str, str, str | None, tuple[str, ...]] | None = None
        self.picker = HeaderRowPicker(self)
        self.picker.chosen.connect(self.use_header_row)
        self.source_note = message_label("import-mapping-note")
        self.blocked = message_label("import-mapping-blocked")
        self.blocked.setStyleSheet(error_style())
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnStretch(3, 2)
        scroll = form_scroll_area(self.grid_host, self.tr("Fields and their columns"))
        scroll.setObjectName("import-mapping-fields")
        self.every_row = QWidget()
        every = QFormLayout(self.every_row)
        every.setContentsMargins(0, 0, 0, 0)
        self.programme = QComboBox()
        self.programme.setObjectName("import-programme")
        self.programme.setAccessibleName(self.tr("Programme for every row"))
        self.stage = QComboBox()
        self.stage.setObjectName("import-stage")
        self.stage.setAccessibleName(self.tr("Stage for rows without one"))
        self.stage.addItem(self.tr("(from the file, or Invited)"), None)
        for value, label in STAGE_LABELS.items():
            self.stage.addItem(self.tr(label), value)
        programme_label = QLabel(self.tr("&Programme for every row:"))
        programme_label.setBuddy(self.programme)
        stage_label = QLabel(self.tr("S&tage for rows without one:"))
        stage_label.setBuddy(self.stage)
        every.addRow(programme_label, self.programme)
        every.addRow(stage_label, self.stage)
        self.programme.currentIndexChanged.connect(lambda _i: self._changed())
        self.stage.currentIndexChanged.connect(lambda _i: self._changed())
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.source_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.every_row)
        layout.addWidget(self.blocked)

    # ------------------------------------------------------------------ building
    def initializePage(self) -> None:
        state = self.state
        assert state.source is not None
        facts = state.sheet_facts()  # read off the GUI thread by the file and sheet pages
        header = facts.header
        self.picker.show_sheet(facts.first_rows, header)
        key = (str(state.source.path), state.kind, state.sheet, tuple(header.headers))
        if key == self._built_for:
            return  # back from the preview: keep what the user chose
        self._built_for = key
        state.headers = list(header.headers)
        state.forget_reviews()
        self.samples_by_header = dict(facts.samples)
        saved = state.store.find(state.kind, state.headers)
        if saved:
            mapping = saved
            self.source_note.setText(
                self.tr("Filled in from the mapping you saved for these columns last time.")
            )
        else:
            mapping = suggest_mapping(state.targets(), state.headers)
            self.source_note.setText(
                self.tr("Suggested from the column headers: check each field before going on.")
            )
        self.offered_saved = bool(saved)
        self._build(state.targets(), {f: h for h, f in mapping.items()})
        participations = state.kind == "participations"
        self.every_row.setVisible(participations)
        if participations:
            self._fill_programmes()
        self._changed()

    def use_header_row(self, number: int) -> None:
        """Take row ``number`` as the header: read the sheet's columns again from it and
        suggest the mapping afresh (a few rows are read; the sheet is in memory already)."""
        state = self.state
        source = state.source
        assert source is not None
        name = state.sheet or source.sheet_names[0]
        try:
            with state.file_lock:
                source.set_header_row(name, number)
                facts = read_sheet(source, name, lambda *_args: True, "")
        except UnreadableFileError as exc:
            self.picker.show_problem(str(exc))
            return
        state.facts[name] = facts
        self._built_for = None
        self.initializePage()

    def _build(self, targets: tuple[Target, ...], chosen: dict[str, str]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        self.samples.clear()
        self.messages.clear()
        for column, text in enumerate(
            (self.tr("Field"), self.tr("Column in the file"), self.tr("First value"), "")
        ):
            heading = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(heading, 0, column)
        for row, target in enumerate(targets, start=1):
            required = target.required
            text = self.tr("{0} *").format(target.label) if required else target.label
            label = QLabel(text)
            combo = QComboBox()
            combo.setObjectName(f"import-column-{target.name}")
            access = self.tr("Column for {0}").format(target.label)
            combo.setAccessibleName(access + (self.tr(" (required)") if required else ""))
            combo.addItem(self.tr("(not imported)"), "")
            for header in self.state.headers:
                if header:
                    combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(target.name, ""))))
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            label.setBuddy(combo)
            sample = QLabel()
            sample.setObjectName(f"import-sample-{target.name}")
            sample.setTextFormat(Qt.TextFormat.PlainText)
            sample.setAccessibleName(self.tr("First value for {0}").format(target.label))
            message = message_label(f"import-message-{target.name}")
            message.setStyleSheet(error_style())
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(sample, row, 2)
            self.grid.addWidget(message, row, 3)
            self.combos[target.name] = combo
            self.samples[target.name] = sample
            self.messages[target.name] = message
        self.grid.setRowStretch(len(targets) + 1, 1)
        # The field boxes are made now, after the page: without this Tab would reach them,
        # then the wizard's buttons, and only then the programme and stage for every row.
        chain = [*self.combos.values(), self.programme, self.stage]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _fill_programmes(self) -> None:
        chosen = self.state.programme_id
        self.programme.blockSignals(True)
        self.programme.clear()
        self.programme.addItem(self.tr("(from the file's Programme column)"), None)
        for pid, name in reference_options(self.state.ctx.db, "programme_id"):
            self.programme.addItem(name, pid)
        self.programme.setCurrentIndex(max(0, self.programme.findData(chosen)))
        self.programme.blockSignals(False)

    # ------------------------------------------------------------------ checking
    def choose(self, field: str, header: str) -> None:
        """Pick ``header`` (or "" for none) as the column for ``field``, as a user would."""
        combo = self.combos[field]
        combo.setCurrentIndex(combo.findData(header))

    def _changed(self) -> None:
        state = self.state
        mapping: dict[str, str] = {}
        for field, combo in self.combos.items():
            header = str(combo.currentData() or "")
            self.samples[field].setText(self.samples_by_header.get(header, ""))
            if header:
                mapping[header] = field
        lookups = state.importer.lookups  # the columns whose matches were reviewed
        if {h: f for h, f in mapping.items() if f in lookups} != {
            h: f for h, f in state.mapping.items() if f in lookups
        }:
            state.forget_reviews()
        state.mapping = mapping
        if state.kind == "participations":
            state.programme_id = self.programme.currentData()
            state.stage = self.stage.currentData()
        else:
            state.programme_id = state.stage = None
        problems = self.problems()
        for field, label in self.messages.items():
            label.setText(problems.get(field, ""))
        self.blocked.setText(
            self.tr("Next is blocked until the fields marked in red have a column.")
            if problems
            else ""
        )
        self.completeChanged.emit()

    def problems(self) -> dict[str, str]:
        """field -> why the mapping cannot be used for it, from core ``mapping_problems``."""
        state = self.state
        importer = state.importer
        targets = state.targets()
        labels = {t.name: t.label for t in targets}
        pairs = [
            (str(combo.currentData()), field)
            for field, combo in self.combos.items()
            if combo.currentData()
        ]
        given = {"programme"} if state.programme_id is not None else set()
        found = mapping_problems(targets, state.headers, pairs, one_of=importer.one_of, given=given)
        out: dict[str, str] = {}
        for problem in found:
            out.setdefault(problem.field, self.sentence(problem, labels))
        return out

    def sentence(self, problem: MappingProblem, labels: dict[str, str]) -> str:
        """The problem in the page's words (the core's sentences are for the command line)."""
        if problem.kind == "column_twice":
            return self.tr("'{0}' is already the column for {1}.").format(
                problem.header, labels.get(problem.other, problem.other)
            )
        if problem.kind == "required":
            return self.tr("Required: choose the column that holds {0}.").format(
                labels.get(problem.field, problem.field)
            )
        if problem.kind == "one_of" and problem.field == "programme":
            return self.tr("Required: choose a Programme column, or the programme below.")
        if problem.kind == "one_of":
            names = [labels.get(f, f) for f in problem.other.split("|")]
            return self.tr("Required: choose the column that holds {0}.").format(
                self.tr(" or ").join(names)
            )
        return problem.text

    def isComplete(self) -> bool:
        return bool(self.combos) and not self.problems()
