"""Plugs the Export menu, partner-page export buttons, batch summaries into a built main window.

The main window calls :func:`install_export_features` once, after the search features. Every
export here calls the same core functions as ``brokerdesk export`` on the command line, in a
worker from ``ctx.tasks``; the GUI thread only asks, confirms and reports. Nothing is
overwritten unless the user pressed Replace in a question that named the files, and only
then is the core told to overwrite.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QToolButton

__all__ = [
    "add_partner_export_button",
    "export_database",
    "export_matrix",
    "export_partner_summary",
    "export_summaries",
    "install_export_features",
    "partners_in_view",
]

FORMAT_NAMES = {"pdf": "PDF", "xlsx": "XLSX", "csv": "CSV"}


translate = QCoreApplication.translate  # lupdate reads translate("Export", "…") calls


def partners_in_view(window: Any) -> list[int]:
    """The partner whose page is shown, or the partners selected in the Partners list."""
    from brokerdesk.gui.views.pages.partner import PartnerPage

    current = window.stack.currentWidget()
    if isinstance(current, PartnerPage):
        return [] if current.deleted else [current.record_id]
    page = window.current_list()
    if page is not None and page.entity == "partner":
        return list(page.selected_ids())
    return []


# ---------------------------------------------------------------------- exports (loaded on use)
def export_partner_summary(window: Any, *args: Any, **kwargs: Any) -> Any:
    """One partner's summary (see :func:`brokerdesk.gui.export_actions.export_partner_summary`)."""
    from brokerdesk.gui import export_actions

    return export_actions.export_partner_summary(window, *args, **kwargs)


def export_summaries(window: Any, *args: Any, **kwargs: Any) -> Any:
    """Summaries of many partners (see :func:`brokerdesk.gui.export_actions.export_summaries`)."""
    from brokerdesk.gui import export_actions

    return export_actions.export_summaries(window, *args, **kwargs)


def export_matrix(window: Any, *args: Any, **kwargs: Any) -> Any:
    """The participation matrix (see :mod:`brokerdesk.gui.dialogs.export_tasks`)."""
    from brokerdesk.gui.dialogs import export_tasks

    return export_tasks.export_matrix(window, *args, **kwargs)


def export_database(window: Any, *args: Any, **kwargs: Any) -> Any:
    """The whole database as one workbook (see :mod:`brokerdesk.gui.dialogs.export_tasks`)."""
    from brokerdesk.gui.dialogs import export_tasks

    return export_tasks.export_database(window, *args, **kwargs)


# ---------------------------------------------------------------------- installing
def add_partner_export_button(page: Any) -> QPushButton:
    """The "Export summary ▾" button (PDF, XLSX, CSV) among a partner page's buttons."""
    button = QPushButton(translate("Export", "Export &summary"), page)
    button.setObjectName("export-summary-button")
    button.setAccessibleName(translate("Export", "Export summary"))
    button.setToolTip(translate("Export", "Export this partner's summary as PDF, XLSX or CSV"))
    button.setAutoDefault(False)
    menu = QMenu(button)
    menu.setAccessibleName(translate("Export", "Export summary as"))
    labels = {
        "pdf": translate("Export", "&PDF…"),
        "xlsx": translate("Export", "&XLSX…"),
        "csv": translate("Export", "&CSV…"),
    }
    for fmt, label in labels.items():
        action = menu.addAction(label)
        action.setObjectName(f"export-summary-{fmt}")
        action.triggered.connect(
            lambda _checked=False, f=fmt: export_partner_summary(page.window(), page.record_id, f)
        )
    button.setMenu(menu)
    page.button_bar.addWidget(button)
    page.buttons.append(button)
    page.export_button = button
    page.export_menu = menu
    return button


def _add_list_button(window: Any) -> None:
    page = window.lists.get("partner")
    if page is None:
        return
    button = QToolButton(page)  # compact like "Columns": the search box keeps its room
    button.setText(translate("Export", "Ex&port…"))
    button.setObjectName("export-summaries-button")
    button.setAccessibleName(translate("Export", "Export…: summaries of the selected partners"))
    button.setToolTip(
        translate("Export", "Export a summary of each selected partner, with an index")
    )
    button.setEnabled(False)

    def export_selected() -> None:
        ids = page.selected_ids()
        if ids:
            export_summaries(window, ids)

    button.clicked.connect(export_selected)
    page.selection_changed.connect(lambda: button.setEnabled(bool(page.selected_ids())))
    bar = next(
        item.layout()
        for item in (page.layout().itemAt(i) for i in range(page.layout().count()))
        if item.layout() is not None and item.layout().indexOf(page.columns_button) >= 0
    )
    bar.insertWidget(bar.indexOf(page.columns_button), button)
    page.export_summaries_button = button


def install_export_features(window: Any) -> None:
    """Add the Export menu, partner-page export buttons, batch summaries to ``window``."""
    if getattr(window, "export_features_installed", False):
        return
    menu = QMenu(translate("Export", "E&xport"), window)
    menu.setObjectName("export-menu")
    # File, Edit, Go, View, Export, Tools, Help.
    help_menu = window.menus.get("tools") or window.menus.get("help")
    if help_menu is not None:
        window.menuBar().insertMenu(help_menu.menuAction(), menu)
    else:
        window.menuBar().addMenu(menu)
    window.menus["export"] = menu

    def action(name: str, text: str, slot: Callable[[], Any], tip: str, key: str = "") -> QAction:
        made = QAction(text, window)
        made.setObjectName(f"export-{name}")
        made.setToolTip(tip)
        made.setStatusTip(tip)
        if key:
            made.setShortcut(QKeySequence(key))
        made.triggered.connect(slot)
        window.addAction(made)
        menu.addAction(made)
        return made

    window.export_summary_action = action(
        "partner-summary",
        translate("Export", "&Partner summary…"),
        lambda: export_partner_summary(window),
        translate(
            "Export",
            "The summary of the partner shown or selected, as PDF, XLSX or CSV (Ctrl+Shift+P)",
        ),
        "Ctrl+Shift+P",
    )
    window.export_selected_action = action(
        "selected-summaries",
        translate("Export", "Summaries for &selected partners…"),
        lambda: _export_selected(window),
        translate(
            "Export", "A summary of each partner selected in the Partners list, with an index"
        ),
    )
    window.export_all_action = action(
        "all-summaries",
        translate("Export", "Summaries for &all partners…"),
        lambda: export_summaries(window, None),
        translate("Export", "A summary of every partner, with an index"),
    )
    menu.addSeparator()
    window.export_matrix_action = action(
        "matrix",
        translate("Export", "Participation &matrix…"),
        lambda: export_matrix(window),
        translate(
            "Export",
            "Library services by programmes, the stage of each participation in its cell (XLSX)",
        ),
    )
    window.export_database_action = action(
        "database",
        translate("Export", "&Whole database…"),
        lambda: export_database(window),
        translate("Export", "Every table in one XLSX workbook, one sheet per table"),
    )
    view_action = getattr(window, "export_view_action", None)
    if view_action is not None:
        window.menus["file"].removeAction(view_action)
        view_action.setText(translate("Export", "Export &view…"))
        menu.addSeparator()
        menu.addAction(view_action)

    def update() -> None:
        chosen = partners_in_view(window)
        window.export_summary_action.setEnabled(bool(chosen))
        window.export_selected_action.setEnabled(bool(chosen))

    menu.aboutToShow.connect(update)
    window.stack.currentChanged.connect(lambda _index: update())
    if "partner" in window.lists:
        window.lists["partner"].selection_changed.connect(update)
    update()
    _add_list_button(window)
    window.export_features_installed = True


def _export_selected(window: Any) -> Any:
    chosen = partners_in_view(window)
    if not chosen:
        window.ctx.notify(
            translate("Export", "Select partners in the Partners list to export their summaries.")
        )
        return None
    return export_summaries(window, chosen)
