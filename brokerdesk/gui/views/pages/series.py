"""A series' page: its rounds side by side (who takes part, who is new, who lapsed, stages,
nations, regions, every measure), and the series' figures at every level.

The figures come from ``core.services.series_comparison``, which the series report reads too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from brokerdesk.core import vocabulary as v
from brokerdesk.core.services.series_comparison import RoundFigures, SeriesComparison
from brokerdesk.gui.models.rows import RowColumn
from brokerdesk.gui.views.pages.base import RecordPage, place_first
from brokerdesk.gui.views.pages.report_button import ReportButton

translate = QCoreApplication.translate  # lupdate reads translate("SeriesPage", "…") calls

ROUND_COLUMNS = (
    RowColumn("title", "Round"),
    RowColumn("name", "Programme"),
    RowColumn("status", "Status", v.PROGRAMME_STATUS_LABELS),
    RowColumn("start_date", "Starts"),
    RowColumn("services", "Library services"),
    RowColumn("new", "New"),
    RowColumn("lapsed", "Lapsed"),
)  # then a column per measure
CHANGE_COLUMNS = (
    RowColumn("title", "Round"),
    RowColumn("new_names", "New library services"),
    RowColumn("lapsed_names", "Lapsed library services"),
)
FIGURE_COLUMNS = (RowColumn("level", "Level"), RowColumn("place", "Place"))


def _side_by_side(data: SeriesComparison) -> list[dict[str, Any]]:
    """One row per figure, one column per round ("r" + programme id)."""

    first = data.rounds[0] if data.rounds else None  # nothing to be new or lapsed against

    def row(figure: str, value: Any) -> dict[str, Any]:
        return {"figure": figure, **{f"r{r.programme_id}": value(r) for r in data.rounds}}

    rows = [
        row(translate("SeriesPage", "Library services taking part"), lambda r: r.services),
        row(
            translate("SeriesPage", "New library services"),
            lambda r: len(r.new_services) if r is not first else None,
        ),
        row(
            translate("SeriesPage", "Lapsed library services"),
            lambda r: len(r.lapsed_services) if r is not first else None,
        ),
    ]
    for name, unit in data.measures:
        heading = f"{name} ({unit})" if unit else name
        rows.append(row(heading, lambda r, n=name, u=unit: r.measure(n, u)))
    for stored, label in v.STAGE_LABELS.items():
        rows.append(
            row(
                translate("SeriesPage", "Stage: {0}").format(label),
                lambda r, s=stored: r.by_stage.get(s, 0),
            )
        )
    for nation in data.nations:
        rows.append(
            row(
                translate("SeriesPage", "Nation: {0}").format(nation),
                lambda r, n=nation: r.by_nation.get(n, 0),
            )
        )
        for name, unit in data.measures:
            rows.append(
                row(
                    translate("SeriesPage", "{0} in {1}").format(name, nation),
                    lambda r, n=nation, m=name, u=unit: _measure_in(r.measures_by_nation, n, m, u),
                )
            )
    for nation, region in data.regions:
        if region == nation:
            continue  # Wales and Northern Ireland are a region of their own
        rows.append(
            row(
                translate("SeriesPage", "Region: {0}").format(region),
                lambda r, g=region: r.by_region.get(g, 0),
            )
        )
        for name, unit in data.measures:
            rows.append(
                row(
                    translate("SeriesPage", "{0} in {1}").format(name, region),
                    lambda r, g=region, m=name, u=unit: _measure_in(r.measures_by_region, g, m, u),
                )
            )
    return rows


def _measure_in(by_place: dict[str, Any], place: str, name: str, unit: str | None) -> int:
    for total in by_place.get(place, []):
        if (total.name, total.unit) == (name, unit):
            return int(total.total)
    return 0


def _round_row(data: SeriesComparison, figures: RoundFigures) -> dict[str, Any]:
    first = data.rounds and data.rounds[0] is figures
    row: dict[str, Any] = {
        "id": figures.programme_id,
        "title": figures.title,
        "name": figures.name,
        "status": figures.status,
        "start_date": figures.start_date,
        "services": figures.services,
        "new": None if first else len(figures.new_services),
        "lapsed": None if first else len(figures.lapsed_services),
        "new_names": ", ".join(figures.new_services),
        "lapsed_names": ", ".join(figures.lapsed_services),
    }
    for name, unit in data.measures:
        row[f"{name}|{unit}"] = figures.measure(name, unit)
    return row


class SeriesPage(RecordPage):
    entity = "series"
    watches = frozenset({"programme", "participation"})

    def build(self) -> None:
        self.roll_button = self.add_button(
            "Roll over to next &year…", self.roll_over, "Make next year's round from the latest one"
        )
        self.report_button = ReportButton(self)  # answered by brokerdesk.gui.reporting
        self.button_bar.addWidget(self.report_button)
        self.buttons.append(self.report_button)  # disabled with the others once deleted
        self.compared = self.add_table("Side by side", (RowColumn("figure", "Figure"),), None)
        self.rounds = self.add_table("Rounds", ROUND_COLUMNS, "programme")
        self.changes = self.add_table("New and lapsed", CHANGE_COLUMNS, "programme")
        self.figures = self.add_table("Figures", FIGURE_COLUMNS, None)
        self.latest: RoundFigures | None = None

    def fetch(self) -> dict[str, Any]:
        return {
            "comparison": self.ctx.services.series.comparison(self.record_id),
            "figures": self.ctx.services.series.figures(self.record_id),
        }

    def fill(self, data: dict[str, Any]) -> None:
        found: SeriesComparison = data["comparison"]
        self.heading.setText(found.name)
        self.heading.setAccessibleName(self.tr("Series: {0}").format(found.name))
        self.subtitle.setText(self.tr("{0} rounds").format(len(found.rounds)))
        self.latest = found.rounds[-1] if found.rounds else None
        self.set_details(
            [
                ("Description", found.description or ""),
                ("Rounds", ", ".join(r.title for r in found.rounds)),
                *(
                    (f"{t.name}, every round", f"{t.total:,} {t.unit or ''}".strip())
                    for t in found.totals
                ),
            ]
        )
        self.compared.rows_model.set_columns(
            [
                RowColumn("figure", "Figure"),
                *(RowColumn(f"r{r.programme_id}", r.title) for r in found.rounds),
            ]
        )
        self.set_table_rows(self.compared, _side_by_side(found))
        self.rounds.rows_model.set_columns(
            [
                *ROUND_COLUMNS,
                *(RowColumn(f"{n}|{u}", f"{n} ({u})" if u else n) for n, u in found.measures),
            ]
        )
        rows = [_round_row(found, r) for r in found.rounds]
        self.set_table_rows(self.rounds, rows)
        self.set_table_rows(self.changes, rows[1:])
        headings = [f"{n} ({u})" if u else n for n, u in found.measures]
        self.figures.rows_model.set_columns([*FIGURE_COLUMNS, *(RowColumn(h, h) for h in headings)])
        self.set_table_rows(self.figures, data["figures"])
        place_first(self.figures)
        self._update_buttons()

    def _update_buttons(self) -> None:
        if not self.deleted:
            self.roll_button.setEnabled(self.latest is not None)

    def roll_over(self) -> None:
        from brokerdesk.gui.series.roll_over_dialog import RollOverDialog

        if self.latest is None:
            return
        dialog = RollOverDialog(self.ctx, self.latest.programme_id, self.latest.name, self)
        dialog.exec()
        new_id = dialog.new_id
        dialog.deleteLater()
        if new_id is not None:
            self.open_requested.emit("programme", new_id)
