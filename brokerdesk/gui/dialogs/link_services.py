"""Add library services to a programme: tick many at once, found by search and filters.

The team's typical request is "all member services in the North West that are not yet
linked": pick the region, press "Select all shown", press Enter. Members only and "not yet
linked to this programme" are on from the start. Ticks survive a new search, so services
found by several searches can be linked together. Linking is one undoable operation, run
off the GUI thread (a progress dialog appears if it takes a moment).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brokerdesk.core import vocabulary as v
from brokerdesk.core.services.linkable import linkable_services
from brokerdesk.gui.models.rows import ChoosableRowsModel, RowColumn
from brokerdesk.gui.operations import Operation, OperationRun
from brokerdesk.gui.undo import LinkServices

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext


def folded(text: str) -> str:
    """Lower case without accents, so "ynys mon" finds "Ynys Môn"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _linked_text(row: dict[str, Any]) -> str:
    return "Already linked" if row.get("linked") else ""


class LinkServicesDialog(QDialog):
    def __init__(self, ctx: AppContext, programme_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.programme_id = programme_id
        self.setObjectName("link-services")
        self.linking: OperationRun | None = None  # the link being written, once Link is pressed
        self._services = self._load()
        self.setWindowTitle(self.tr("Add library services to {0}").format(self.programme_name))
        self.setAccessibleName(self.windowTitle())
        self._build()
        self.apply_filters()
        self.resize(820, 620)

    def _load(self) -> list[dict[str, Any]]:
        found = linkable_services(self.ctx.db, self.programme_id)
        self.programme_name = str(found.programme_name)
        return [
            {
                "id": s.id,
                "name": s.name,
                "gss_code": s.gss_code,
                "nation": s.nation,
                "region": s.region,
                "is_member": s.is_member,
                "linked": s.linked,
                "_search": folded(f"{s.name} {s.official_name} {s.gss_code}"),
            }
            for s in found.services
        ]

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search library services"))
        self.search.setPlaceholderText(self.tr("Search library services…"))
        self.search.setClearButtonEnabled(True)
        self.nation = QComboBox(self)
        self.nation.addItem(self.tr("Any nation"), None)
        for nation in v.NATIONS:
            self.nation.addItem(nation, nation)
        self.region = QComboBox(self)
        self.region.addItem(self.tr("Any region"), None)
        present = {s["region"] for s in self._services}
        for region in [r for r in v.REGIONS if r in present] + sorted(present - set(v.REGIONS)):
            self.region.addItem(region, region)
        self.members_only = QCheckBox(self.tr("&Members only"), self)
        self.members_only.setChecked(True)
        self.not_linked = QCheckBox(self.tr("Not yet lin&ked to this programme"), self)
        self.not_linked.setChecked(True)
        grid = QGridLayout()
        for column, (text, widget) in enumerate(
            (("&Search:", self.search), ("&Nation:", self.nation), ("&Region:", self.region))
        ):
            label = QLabel(self.tr(text), self)
            label.setBuddy(widget)
            widget.setAccessibleName(widget.accessibleName() or self.tr(text).strip("&:"))
            widget.setAccessibleName(widget.accessibleName().replace("&", "").rstrip(":"))
            grid.addWidget(label, 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        grid.setColumnStretch(1, 2)
        checks = QHBoxLayout()
        checks.addWidget(self.members_only)
        checks.addWidget(self.not_linked)
        checks.addStretch(1)

        self.model = ChoosableRowsModel(
            (
                RowColumn("name", "Library service"),
                RowColumn("nation", "Nation"),
                RowColumn("region", "Region"),
                RowColumn("is_member", "Member"),
                RowColumn("linked", "In this programme", text=_linked_text),
            ),
            self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("link-services-table")
        self.table.setAccessibleName(self.tr("Library services table"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().resizeSection(0, 260)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)

        self.select_all = QPushButton(self.tr("Select &all shown"), self)
        self.select_all.setAccessibleName(self.tr("Select all shown"))
        self.clear = QPushButton(self.tr("C&lear selection"), self)
        self.clear.setAccessibleName(self.tr("Clear selection"))
        for button in (self.select_all, self.clear):
            button.setAutoDefault(False)
        self.shown_label = QLabel(self)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Selected count"))
        self.stage = QComboBox(self)
        for stored, text in v.STAGE_LABELS.items():
            self.stage.addItem(self.tr(text), stored)
        self.stage.setAccessibleName(self.tr("Start at stage"))
        stage_label = QLabel(self.tr("Start at s&tage:"), self)
        stage_label.setBuddy(self.stage)
        row = QHBoxLayout()
        row.addWidget(self.select_all)
        row.addWidget(self.clear)
        row.addWidget(self.shown_label)
        row.addStretch(1)
        row.addWidget(self.count_label)
        row.addSpacing(16)
        row.addWidget(stage_label)
        row.addWidget(self.stage)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = self.buttons.addButton(
            self.tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setDefault(True)
        self.buttons.accepted.connect(self.link)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(checks)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(lambda _t: self.apply_filters())
        self.nation.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.region.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.members_only.toggled.connect(lambda _on: self.apply_filters())
        self.not_linked.toggled.connect(lambda _on: self.apply_filters())
        self.select_all.clicked.connect(self.select_all_shown)
        self.clear.clicked.connect(lambda: self.model.choose(set(self.model.chosen), False))
        self.model.chosen_changed.connect(self._show_count)
        self.search.setFocus()
        self._show_count(0)

    # ------------------------------------------------------------------ filtering
    def visible_rows(self) -> list[dict[str, Any]]:
        words = folded(self.search.text()).split()
        nation, region = self.nation.currentData(), self.region.currentData()
        return [
            s
            for s in self._services
            if all(w in s["_search"] for w in words)
            and (nation is None or s["nation"] == nation)
            and (region is None or s["region"] == region)
            and (not self.members_only.isChecked() or s["is_member"])
            and (not self.not_linked.isChecked() or not s["linked"])
        ]

    def apply_filters(self) -> None:
        rows = self.visible_rows()
        self.model.set_rows(rows)
        self.shown_label.setText(self.tr("{0} shown").format(len(rows)))

    def select_all_shown(self) -> None:
        self.model.choose(r["id"] for r in self.model.rows if not r["linked"])

    def chosen_ids(self) -> list[int]:
        return sorted(int(i) for i in self.model.chosen)

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{0} selected").format(count))
        noun = self.tr("library service") if count == 1 else self.tr("library services")
        self.link_button.setText(self.tr("Link {0} {1}").format(count, noun))
        self.link_button.setAccessibleName(self.link_button.text())
        self.link_button.setEnabled(count > 0)

    # ------------------------------------------------------------------ applying
    def reject(self) -> None:
        """Escape or Cancel closes the dialog, except while the links are being written."""
        if self.linking is not None and not self.linking.ended:
            return
        super().reject()

    def link(self) -> None:
        ids = self.chosen_ids()
        if not ids:
            return
        stage = str(self.stage.currentData())
        text = self.tr("Link {0} library services to {1}").format(len(ids), self.programme_name)
        self.buttons.setEnabled(False)  # one link at a time; the dialog closes when it is done

        def refused(sentence: str) -> None:
            self.buttons.setEnabled(True)  # the ticks stay, so the user can change and retry
            self.ctx.report_error(sentence)

        self.linking = Operation(
            self.ctx,
            self,
            title=text,
            label=self.tr("Linking {0} library services…").format(len(ids)),
            undo=LinkServices(self.ctx, self.programme_id, ids, stage, text),
            on_success=lambda _change: self.accept(),
            on_failure=refused,
        ).run()


__all__ = ["LinkServicesDialog", "Qt"]
