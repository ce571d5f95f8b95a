"""The Export menu, the Partners list's "Export…" button and Export view, made by :func:`install`.

Nothing here writes a file or loads an exporter: each action imports the module that does
the work when it is triggered, so building the main window stays as light as before. The
window's pages are never patched: a partner page says ``export_requested(partner_id, fmt)``
and :func:`install` connects to each partner page as it is shown.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMenu, QToolButton, QWidget

from brokerdesk.gui.exporting.chosen import partners_in_view

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow
    from brokerdesk.gui.views.list_page import ListPage

__all__ = [
    "ExportActions",
    "export_database",
    "export_matrix",
    "export_partner_summary",
    "export_selected",
    "export_summaries",
    "install",
]

translate = QCoreApplication.translate  # lupdate reads translate("Export", "…") calls


@dataclass(frozen=True)
class ExportActions:
    """What :func:`install` made: the Export menu's actions, the Partners list's button.

    ``menu`` is the window's Export menu (``window.menus["export"]``), which
    :mod:`brokerdesk.gui.menu_layout` declares and fills.
    """

    menu: QMenu
    partner_summary: QAction
    selected_summaries: QAction
    all_summaries: QAction
    matrix: QAction
    database: QAction
    view: QAction
    summaries_button: QToolButton | None


# ---------------------------------------------------------------------- exports (loaded on use)
def export_partner_summary(window: MainWindow, *args: Any, **kwargs: Any) -> Any:
    """One partner's summary (see :mod:`brokerdesk.gui.exporting.summaries`)."""
    from brokerdesk.gui.exporting.summaries import export_partner_summary as export

    return export(window, *args, **kwargs)


def export_summaries(window: MainWindow, *args: Any, **kwargs: Any) -> Any:
    """Summaries of many partners (see :mod:`brokerdesk.gui.exporting.summaries`)."""
    from brokerdesk.gui.exporting.summaries import export_summaries as export

    return export(window, *args, **kwargs)


def export_matrix(window: MainWindow, path: Path | None = None) -> Any:
    """The participation matrix (see :mod:`brokerdesk.gui.exporting.workbooks`)."""
    from brokerdesk.gui.exporting.workbooks import export_matrix as export

    return export(window, path)


def export_database(window: MainWindow, path: Path | None = None) -> Any:
    """The whole database as one workbook (see :mod:`brokerdesk.gui.exporting.workbooks`)."""
    from brokerdesk.gui.exporting.workbooks import export_database as export

    return export(window, path)


def export_view(window: MainWindow, path: Path | None = None) -> None:
    """The list on screen (see :func:`brokerdesk.gui.exporting.view.export_current_view`)."""
    from brokerdesk.gui.exporting.view import export_current_view

    export_current_view(window, path)


def export_selected(window: MainWindow) -> Any:
    """Summaries of the partners shown or selected, or a sentence saying to select some."""
    chosen = partners_in_view(window)
    if not chosen:
        window.ctx.notify(
            translate("Export", "Select partners in the Partners list to export their summaries.")
        )
        return None
    return export_summaries(window, chosen)


# ---------------------------------------------------------------------- installing
def install(window: MainWindow) -> ExportActions:
    """Make the Export menu's actions (registered as ``export.…``; Export view is on the
    toolbar too), the Partners list's "Export…" button, and answer every partner page's
    ``export_requested``."""
    menu = window.menus["export"]

    def action(name: str, text: str, slot: Callable[[], Any], tip: str, key: str = "") -> QAction:
        made = QAction(text, window)
        made.setObjectName(f"export-{name}")
        made.setToolTip(tip)
        made.setStatusTip(tip)
        if key:
            made.setShortcut(QKeySequence(key))
        made.triggered.connect(slot)
        return window.register_action(f"export.{name.replace('-', '_')}", made)

    partner_summary = action(
        "partner-summary",
        translate("Export", "&Partner summary…"),
        lambda: export_partner_summary(window),
        translate(
            "Export",
            "The summary of the partner shown or selected, as PDF, XLSX or CSV (Ctrl+Shift+P)",
        ),
        "Ctrl+Shift+P",
    )
    selected_summaries = action(
        "selected-summaries",
        translate("Export", "Summaries for &selected partners…"),
        lambda: export_selected(window),
        translate(
            "Export", "A summary of each partner selected in the Partners list, with an index"
        ),
    )
    all_summaries = action(
        "all-summaries",
        translate("Export", "Summaries for &all partners…"),
        lambda: export_summaries(window, None),
        translate("Export", "A summary of every partner, with an index"),
    )
    matrix = action(
        "matrix",
        translate("Export", "Participation &matrix…"),
        lambda: export_matrix(window),
        translate(
            "Export",
            "Library services by programmes, the stage of each participation in its cell (XLSX)",
        ),
    )
    database = action(
        "database",
        translate("Export", "&Whole database…"),
        lambda: export_database(window),
        translate("Export", "Every table in one XLSX workbook, one sheet per table"),
    )
    view = _view_action(window)

    def update() -> None:
        chosen = bool(partners_in_view(window))
        partner_summary.setEnabled(chosen)
        selected_summaries.setEnabled(chosen)

    menu.aboutToShow.connect(update)
    window.stack.currentChanged.connect(lambda _index: update())
    partners = window.lists.get("partner")
    if partners is not None:
        partners.selection_changed.connect(update)
    update()
    _answer_partner_pages(window)
    return ExportActions(
        menu=menu,
        partner_summary=partner_summary,
        selected_summaries=selected_summaries,
        all_summaries=all_summaries,
        matrix=matrix,
        database=database,
        view=view,
        summaries_button=_add_list_button(window, partners) if partners is not None else None,
    )


def _view_action(window: MainWindow) -> QAction:
    """Export view… (Ctrl+Shift+E), registered as ``export.view``."""
    made = QAction(translate("ViewExport", "Export &view…"), window)
    made.setObjectName("export-view-action")
    made.setShortcut(QKeySequence("Ctrl+Shift+E"))
    made.setToolTip(translate("ViewExport", "Export the rows of this list as shown (Ctrl+Shift+E)"))
    made.triggered.connect(lambda: export_view(window))
    return window.register_action("export.view", made)


def _answer_partner_pages(window: MainWindow) -> None:
    """Export a partner's summary when its page asks (``export_requested``), on every page."""
    from brokerdesk.gui.views.pages.partner import PartnerPage

    answered: weakref.WeakSet[QWidget] = weakref.WeakSet()

    def connect_shown() -> None:
        page = window.stack.currentWidget()
        if isinstance(page, PartnerPage) and page not in answered:
            answered.add(page)
            page.export_requested.connect(
                lambda partner_id, fmt: export_partner_summary(window, partner_id, fmt)
            )

    window.stack.currentChanged.connect(lambda _index: connect_shown())
    connect_shown()


def _add_list_button(window: MainWindow, page: ListPage) -> QToolButton:
    """ "Export…" beside the Partners list's "Columns": summaries of the selected partners."""
    button = QToolButton(page)  # compact like "Columns": the search box keeps its room
    button.setText(translate("Export", "Ex&port…"))
    button.setObjectName("export-summaries-button")
    button.setAccessibleName(translate("Export", "Export…: summaries of the selected partners"))
    button.setToolTip(
        translate("Export", "Export a summary of each selected partner, with an index")
    )
    button.setEnabled(False)

    def export_chosen() -> None:
        ids = page.selected_ids()
        if ids:
            export_summaries(window, ids)

    button.clicked.connect(export_chosen)
    page.selection_changed.connect(lambda: button.setEnabled(bool(page.selected_ids())))
    bar = _bar_holding(page, page.columns_button)
    bar.insertWidget(bar.indexOf(page.columns_button), button)
    # Tab reaches it where it stands, just before Columns (not after the table): after the
    # last control before Columns that Tab stops at (labels in between take no focus).
    before = page.columns_button.previousInFocusChain()
    while (
        before is not None
        and before is not button
        and not (before.isEnabled() and before.focusPolicy() & Qt.FocusPolicy.TabFocus)
    ):
        before = before.previousInFocusChain()
    if before is not None and before is not button:
        QWidget.setTabOrder(before, button)
    return button


def _bar_holding(page: QWidget, widget: QWidget) -> QBoxLayout:
    """The row of ``page``'s layout that holds ``widget``."""
    layout = page.layout()
    assert layout is not None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        row = item.layout() if item is not None else None
        if isinstance(row, QBoxLayout) and row.indexOf(widget) >= 0:
            return row
    raise LookupError(widget.objectName())
