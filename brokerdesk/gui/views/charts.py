"""Dashboard charts (QtCharts): programmes by offer area and status, participations by
stage, new participations per month; each exportable as a PNG.

Colours are the Okabe–Ito palette (distinguishable with deuteranopia and protanopia), each
bar carries its value as a label and the legend names every series, so colour is never the
only signal. The chart theme follows the application palette (light or dark).

A chart with nothing to count in its range (a new database, a year with no new
participations) draws a plain 0–1 axis, not Qt's automatic range (0 to 0, which Qt turns into
NaN with a warning), and each builder says why in a sentence the tab shows beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from brokerdesk.core import colours, vocabulary
from brokerdesk.core.errors import BrokerDeskError

translate = QCoreApplication.translate  # lupdate reads translate("Charts", "…")

OKABE_ITO = colours.CHART_SERIES


def is_dark() -> bool:
    """Whether the application palette is dark (so charts use the dark theme)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return bool(app.palette().color(QPalette.ColorRole.Window).lightness() < 128)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    dark = is_dark()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    # A plain background of our own (the themes' gradients vary): the bars' contrast
    # against it is checked in tests/core/test_colours.py.
    chart.setBackgroundBrush(QColor(colours.CHART_BACKGROUND["dark" if dark else "light"]))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


@dataclass(frozen=True)
class Drawn:
    """A chart and, when it has nothing to show, why (a sentence for the user)."""

    chart: QChart
    empty: str = ""


def _axes(
    chart: QChart,
    series: QBarSeries | QStackedBarSeries,
    categories: Sequence[str],
    top: float,
    angle: int = 0,
) -> None:
    """Category axis below, count axis left from 0 to ``top`` (the tallest bar or stack)."""
    chart.addSeries(series)
    for bar in series.barSets():  # adding applied the theme's colours: ours again
        _paint(bar)
    x = QBarCategoryAxis()
    x.append(list(categories))
    x.setLabelsAngle(angle)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(x)
    y = QValueAxis()
    y.setLabelFormat("%d")
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(y)
    if top > 0:
        y.setRange(0, top)
        y.applyNiceNumbers()
    else:
        y.setRange(0, 1)
        y.setTickCount(2)
    series.setLabelsVisible(True)


def _bar_set(name: str, values: Sequence[int], colour: str) -> QBarSet:
    bar = QBarSet(name)
    bar.append([float(v) for v in values])
    bar.setProperty("fill", colour)  # the chart's theme repaints it when it is added
    _paint(bar)
    return bar


def _paint(bar: QBarSet) -> None:
    """The bar's own colour, outlined so its edge stands out from the chart and from the
    bar stacked on it, labelled in black or white, whichever reads better on it."""
    colour = str(bar.property("fill"))
    bar.setColor(QColor(colour))
    bar.setBorderColor(QColor(colours.BAR_OUTLINE))
    bar.setLabelColor(QColor(colours.readable_on(colour)))


def programmes_chart(data: Sequence[tuple[str, dict[str, int]]]) -> Drawn:
    """Stacked bars: one per offer area, one band per programme status."""
    chart = _chart(translate("Charts", "Programmes by offer area and status"))
    series = QStackedBarSeries()
    for n, (status, label) in enumerate(vocabulary.PROGRAMME_STATUS_LABELS.items()):
        values = [counts.get(status, 0) for _, counts in data]
        if any(values):
            series.append(_bar_set(label, values, OKABE_ITO[n % len(OKABE_ITO)]))
    top = max((sum(counts.values()) for _, counts in data), default=0)
    _axes(chart, series, [_short(name) for name, _ in data], top, angle=-20)
    _name_rows(chart, translate("Charts", "Offer area"), [name for name, _ in data])
    if top:
        return Drawn(chart)
    return Drawn(
        chart, translate("Charts", "No programmes yet, so there is nothing to count by offer area.")
    )


def stages_chart(data: dict[str, int]) -> Drawn:
    chart = _chart(translate("Charts", "Participations by stage"))
    series = QBarSeries()
    series.append(_bar_set("Participations", list(data.values()), OKABE_ITO[4]))
    labels = [vocabulary.label(vocabulary.STAGE_LABELS, s) for s in data]
    top = max(data.values(), default=0)
    _axes(chart, series, labels, top, angle=-30)
    _name_rows(chart, translate("Charts", "Stage"), labels)
    chart.legend().hide()
    if top:
        return Drawn(chart)
    return Drawn(chart, translate("Charts", "No library service takes part in a programme yet."))


def monthly_chart(data: Sequence[tuple[str, int]]) -> Drawn:
    title = translate("Charts", "New participations per month")
    if data:
        title += f" ({_month(data[0][0])} – {_month(data[-1][0])})"
    chart = _chart(title)
    series = QBarSeries()
    series.append(_bar_set("New participations", [n for _, n in data], OKABE_ITO[2]))
    top = max((n for _, n in data), default=0)
    _axes(chart, series, [_month(month).split()[0] for month, _ in data], top)
    _name_rows(chart, translate("Charts", "Month"), [_month(month) for month, _ in data])
    chart.legend().hide()
    if top:
        return Drawn(chart)
    if not data:
        return Drawn(chart, translate("Charts", "No months to show."))
    return Drawn(
        chart,
        translate("Charts", "No participations started between {0} and {1}.").format(
            _month(data[0][0]), _month(data[-1][0])
        ),
    )


def _name_rows(chart: QChart, heading: str, names: Sequence[str]) -> None:
    """Remember what the bars stand for in full (the axis may shorten them) for the table."""
    chart.setProperty("row_heading", heading)
    chart.setProperty("row_names", list(names))


def chart_table(chart: QChart) -> tuple[list[str], list[list[object]]]:
    """The chart's values as a table: (headings, rows), one row per bar or stack, a column
    per series, and a total when bars are stacked."""
    sets = [bar for series in chart.series() for bar in series.barSets()]  # type: ignore[attr-defined]
    names = list(chart.property("row_names") or [])
    stacked = any(isinstance(series, QStackedBarSeries) for series in chart.series())
    headings = [str(chart.property("row_heading") or ""), *(bar.label() for bar in sets)]
    if stacked:
        headings.append(translate("Charts", "Total"))
    rows: list[list[object]] = []
    for i, name in enumerate(names):
        values = [int(bar.at(i)) for bar in sets]
        rows.append([name, *values, sum(values)] if stacked else [name, *values])
    return headings, rows


def _month(key: str) -> str:
    """Show "2026-03" as "Mar 2026" ("Mar 26" reads as the 26th of March, aloud too)."""
    year, month = key.split("-")
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{names[int(month) - 1]} {year}"


def _short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def chart_view(chart: QChart, name: str, parent: QWidget | None = None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(260)
    return view


def export_png(view: QWidget, path: Path) -> Path:
    """Save what the chart shows as a PNG (adds .png when the name has no suffix).

    Raises:
        BrokerDeskError: the file could not be written.
    """
    target = path if path.suffix.lower() == ".png" else path.with_suffix(".png")
    if not view.grab().save(str(target), "PNG"):
        raise BrokerDeskError(f"Could not save the chart to {target}.")
    return target
