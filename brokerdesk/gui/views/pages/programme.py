"""The programme page: its partners, and every library service taking part, by stage.

This is where the team links services in bulk and moves them through the stages, so the
participations table allows many rows to be selected and filtered by stage.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from brokerdesk.core import vocabulary as v
from brokerdesk.core.services.overview import ProgrammeOverview
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages.base import RecordPage, counts_text, place_first
from brokerdesk.gui.views.pages.report_button import ReportButton
from brokerdesk.gui.views.pages.timeline import add_timeline

PARTICIPATION_COLUMNS = (
    RowColumn("service", "Library service"),
    RowColumn("stage", "Stage", v.STAGE_LABELS),
    RowColumn("nation", "Nation"),
    RowColumn("region", "Region"),
    RowColumn("branch", "Branch"),
    RowColumn("start_date", "Starts"),
    RowColumn("end_date", "Ends"),
    RowColumn("local_contact", "Local contact"),
)  # then a column per measure the programme declares
FIGURE_COLUMNS = (RowColumn("level", "Level"), RowColumn("place", "Place"))


def _total_text(total: int, unit: str | None) -> str:
    return f"{total:,} {unit}" if unit else f"{total:,}"


def _round_text(data: ProgrammeOverview) -> str:
    if data.series is None:
        return ""
    return f"{data.series}, round {data.round_label}" if data.round_label else data.series


class ProgrammePage(RecordPage):
    entity = "programme"
    watches = frozenset({"participation", "partner", "programme_partner", "interaction"})

    def build(self) -> None:
        self.add_button("&Add library services…", self.add_services, "Link library services to it")
        self.change_stage_button = self.add_button(
            "Change &stage…", self.change_stage, "Move the selected participations to a stage"
        )
        self.add_button("Add &partner…", self.add_partner, "Give a partner a role in it")
        self.edit_participation_button = self.add_button(
            "Edit pa&rticipation…", self.edit_participation, "Dates, figures, local contact"
        )
        self.add_button(
            "&Log interaction…", lambda: self.log_interaction("programme_id"), shortcut="Ctrl+I"
        )
        self.add_button("Roll over to next &year…", self.roll_over, "Make next year's round of it")
        self.report_button = ReportButton(self)  # answered by brokerdesk.gui.reporting
        self.button_bar.addWidget(self.report_button)
        self.buttons.append(self.report_button)  # disabled with the others once deleted
        bar = QWidget(self)
        line = QHBoxLayout(bar)
        line.setContentsMargins(0, 0, 0, 0)
        self.stage_filter = QComboBox(bar)
        label = QLabel(self.tr("Sho&w stage:"), bar)
        label.setBuddy(self.stage_filter)
        self.stage_filter.setAccessibleName(self.tr("Show stage"))
        self.stage_filter.addItem(self.tr("All stages"), None)
        for stored, text in v.STAGE_LABELS.items():
            self.stage_filter.addItem(self.tr(text), stored)
        self.stage_filter.currentIndexChanged.connect(lambda _i: self._show_participations())
        self.shown_count = QLabel(bar)
        line.addWidget(label)
        line.addWidget(self.stage_filter)
        line.addWidget(self.shown_count)
        line.addStretch(1)
        self.participations = self.add_table(
            "Library services",
            PARTICIPATION_COLUMNS,
            "library_service",
            open_key="service_id",
            multi=True,
            above=bar,
        )
        self.participations.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.partners = self.add_table(
            "Partners",
            (RowColumn("name", "Partner"), RowColumn("role", "Role", v.PARTNER_ROLE_LABELS)),
            "partner",
        )
        self.figures = self.add_table("Figures", FIGURE_COLUMNS, None)
        self._all: list[dict[str, object]] = []
        self.timeline = add_timeline(self)

    def fetch(self) -> ProgrammeOverview:
        return self.ctx.services.overview.programme(self.record_id)

    def fill(self, data: ProgrammeOverview) -> None:
        p = data.programme
        self.heading.setText(p["name"])
        self.heading.setAccessibleName(self.tr("Programme: {0}").format(p["name"]))
        self.subtitle.setText(
            f"{v.PROGRAMME_STATUS_LABELS.get(p['status'], p['status'])} · {data.offer_area}"
        )
        dates = " to ".join(
            d.strftime("%d %b %Y") for d in (p.get("start_date"), p.get("end_date")) if d
        )
        target = p.get("target_services")
        self.set_details(
            [
                ("Dates", dates),
                ("Secondary offer areas", ", ".join(data.secondary_offer_areas)),
                ("Budget", p.get("budget")),
                ("Tags", ", ".join(p.get("tags") or [])),
                (
                    "Library services",
                    f"{data.services_taking_part:,}"
                    + (f" of a target of {target:,}" if target else ""),
                ),
                ("By stage", counts_text(data.by_stage, v.STAGE_LABELS)),
                ("By nation", counts_text(data.by_nation)),
                ("By region", counts_text(data.by_region)),
                ("Series", _round_text(data)),
                *((t.name, _total_text(t.total, t.unit)) for t in data.measure_totals),
            ]
        )
        self.series_id = data.series_id
        self.participations.rows_model.set_columns(
            [
                *PARTICIPATION_COLUMNS,
                *(RowColumn(f"measure_{m.id}", m.heading) for m in data.measures),
            ]
        )
        headings = [m.heading for m in data.measures]
        self.figures.rows_model.set_columns([*FIGURE_COLUMNS, *(RowColumn(h, h) for h in headings)])
        self.set_table_rows(self.figures, data.figures)
        place_first(self.figures)
        self._all = data.participations
        self._show_participations()
        self.set_table_rows(self.partners, data.partners)

    def _show_participations(self) -> None:
        stage = self.stage_filter.currentData()
        rows = [r for r in self._all if stage is None or r["stage"] == stage]
        self.set_table_rows(self.participations, rows)
        self.shown_count.setText(self.tr("{0} of {1} shown").format(len(rows), len(self._all)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self.deleted:
            return
        selected = len(self.participations.selected_rows())
        self.change_stage_button.setEnabled(selected > 0)
        self.edit_participation_button.setEnabled(selected == 1)

    def selected_participation_ids(self) -> list[int]:
        return [int(r["id"]) for r in self.participations.selected_rows()]

    # ------------------------------------------------------------------ actions
    def add_services(self) -> None:
        from brokerdesk.gui.dialogs.link_services import LinkServicesDialog

        dialog = LinkServicesDialog(self.ctx, self.record_id, self)
        dialog.exec()
        dialog.deleteLater()

    def change_stage(self) -> None:
        from brokerdesk.gui.dialogs.change_stage import ChangeStageDialog

        ids = self.selected_participation_ids()
        if ids:
            dialog = ChangeStageDialog(self.ctx, ids, self)
            dialog.exec()
            dialog.deleteLater()

    def add_partner(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        open_record_form(
            self.ctx, "programme_partner", None, self, {"programme_id": self.record_id}
        )

    def roll_over(self) -> None:
        from brokerdesk.gui.series.roll_over_dialog import RollOverDialog

        dialog = RollOverDialog(self.ctx, self.record_id, self.heading.text(), self)
        dialog.exec()
        new_id = dialog.new_id
        dialog.deleteLater()
        if new_id is not None:
            self.open_requested.emit("programme", new_id)

    def edit_participation(self) -> None:
        from brokerdesk.gui.dialogs.record_form import open_record_form

        ids = self.selected_participation_ids()
        if len(ids) == 1:
            open_record_form(self.ctx, "participation", ids[0], self)
