"""Plugs the Export menu, partner-page export buttons, batch summaries into a built main window.

The main window calls :func:`install_export_features` once, after the search features. Every
export here calls the same core functions as ``brokerdesk export`` on the command line, in a
worker from ``ctx.tasks``; the GUI thread only asks, confirms and reports. Nothing is
overwritten unless the user pressed Replace in a question that named the files, and only
then is the core told to overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QToolButton

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.exporting import (
    export_partner_summaries,
    gather_partner_summary,
    summary_file_name,
)
from brokerdesk.core.exporting.batch import partners_to_export
from brokerdesk.gui.dialogs.export_done import confirm_replace, show_export_done
from brokerdesk.gui.dialogs.export_summary import (
    ExportSummaryDialog,
    SummaryRequest,
    summary_targets,
)
from brokerdesk.gui.dialogs.export_tasks import (
    default_folder,
    export_database,
    export_matrix,
    progress_dialog,
    remember_folder,
    start_export,
)
from brokerdesk.reports import summary_writer

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


# ---------------------------------------------------------------------- partner summaries
def export_partner_summary(
    window: Any,
    partner_id: int | None = None,
    fmt: str | None = None,
    request: SummaryRequest | None = None,
) -> Any:
    """One partner's summary: ask format and place (unless ``request`` says), confirm, write.

    Without ``partner_id`` it exports the partner shown or selected; several selected go to
    :func:`export_summaries`. Returns the task, or None when nothing was started.
    """
    ctx = window.ctx
    if partner_id is None:
        chosen = partners_in_view(window)
        if len(chosen) > 1:
            return export_summaries(window, chosen, fmt)
        if not chosen:
            ctx.notify(
                translate(
                    "Export", "Open a partner, or select one in the Partners list, to export it."
                )
            )
            return None
        partner_id = chosen[0]
    try:
        [(partner_id, name)] = partners_to_export(ctx.db, [partner_id])
    except BrokerDeskError as exc:
        ctx.report_error(str(exc))
        return None
    if request is None:
        dialog = ExportSummaryDialog(
            window, partner=(partner_id, name), fmt=fmt or "pdf", folder=default_folder(ctx)
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        request = dialog.request()
    target = request.target
    existing = [t for t in summary_targets(target, request.fmt) if t.exists()]
    if request.fmt == "csv" and existing:
        existing = [target]  # one question about the folder, not about each CSV in it
    if not confirm_replace(window, existing, 1, request.folder):
        ctx.notify(
            translate("Export", "Nothing was exported; '{0}' was left as it was.").format(
                target.name
            )
        )
        return None
    remember_folder(ctx, request.folder)
    db, fmt_chosen, write = ctx.db, request.fmt, summary_writer(request.fmt)

    def work(progress: Any) -> Path:
        progress(0, 1, name)
        return Path(write(gather_partner_summary(db, partner_id), target, overwrite=bool(existing)))

    def done(path: Path) -> None:
        text = translate("Export", "Wrote the summary of {0} to '{1}'.").format(name, path.name)
        ctx.notify(text)
        window.last_export = path
        show_export_done(
            window,
            translate("Export", "Partner summary exported"),
            text,
            path,
            open_label=translate("Export", "&Open folder") if fmt_chosen == "csv" else None,
            detail=str(path),
        )

    return start_export(window, work, translate("Export", "Export partner summary"), done)


def export_summaries(
    window: Any,
    partner_ids: Sequence[int] | None,
    fmt: str | None = None,
    request: SummaryRequest | None = None,
) -> Any:
    """Summaries of many partners (all when ``partner_ids`` is None) into one folder.

    One question covers every file the batch would replace. The batch runs in a worker; the
    progress dialog says "12 of 600: Partner name" and Cancel stops between partners, keeping
    the whole files written so far. Returns the task, or None when nothing was started.
    """
    ctx = window.ctx
    try:
        partners = partners_to_export(ctx.db, partner_ids)
    except BrokerDeskError as exc:
        ctx.report_error(str(exc))
        return None
    if not partners:
        ctx.notify(translate("Export", "There are no partners to export."))
        return None
    if request is None:
        ask = ExportSummaryDialog(
            window,
            partner=None,
            count=len(partners),
            fmt=fmt or "pdf",
            folder=default_folder(ctx),
        )
        if ask.exec() != QDialog.DialogCode.Accepted:
            return None
        request = ask.request()
    folder, chosen_fmt = request.folder, request.fmt
    plan = [folder / summary_file_name(pid, name, chosen_fmt) for pid, name in partners]
    targets = [t for p in plan for t in summary_targets(p, chosen_fmt)]
    targets += [folder / "index.csv", folder / "index.xlsx"]
    existing = [t for t in targets if t.exists()]
    if not confirm_replace(window, existing, len(targets), folder):
        ctx.notify(translate("Export", "Nothing was exported; no file was replaced."))
        return None
    remember_folder(ctx, folder)
    ids, names, total = [p for p, _ in partners], [n for _, n in partners], len(partners)
    db, write = ctx.db, summary_writer(chosen_fmt)
    step, last = translate("Export", "{0} of {1}: {2}"), translate("Export", "Writing the index")
    state: dict[str, Any] = {"done": 0, "result": None}
    title = translate("Export", "Export partner summaries")
    dialog = progress_dialog(
        window, title, translate("Export", "Preparing {0} summaries…").format(total), total
    )

    def work(progress: Any) -> Any:
        def report(done: int, all_: int) -> bool:
            state["done"] = done
            text = step.format(f"{done + 1:,}", f"{all_:,}", names[done]) if done < all_ else last
            return bool(progress(done, all_, text))

        state["result"] = export_partner_summaries(
            db, folder, chosen_fmt, write, ids, overwrite=bool(existing), progress=report
        )
        return state["result"]

    def done(result: Any) -> None:
        count = len(result.files)
        text = translate("Export", "Wrote {0} partner summaries ({1}) and an index to {2}.").format(
            f"{count:,}", FORMAT_NAMES[chosen_fmt], folder
        )
        ctx.notify(text)
        window.last_export = result.index_files[-1]
        show_export_done(
            window, translate("Export", "Partner summaries exported"), text, result.index_files[-1],
            open_label=translate("Export", "&Open index"),
        )  # fmt: skip

    def cancelled() -> None:
        if state["result"] is not None:  # finished just as Cancel was pressed
            done(state["result"])
            return
        written = state["done"]
        if written == 1:
            kept = translate("Export", "1 summary was written to {0}").format(folder)
        else:
            kept = translate("Export", "{0} summaries were written to {1}").format(
                f"{written:,}", folder
            )
        text = translate(
            "Export", "Export cancelled after {0} of {1} partners: {2}; the index was not written."
        )
        text = text.format(f"{written:,}", f"{total:,}", kept)
        ctx.notify(text)
        show_export_done(
            window, translate("Export", "Export cancelled"), text, folder if written else None,
            open_label=translate("Export", "&Open folder"),
        )  # fmt: skip

    return start_export(window, work, title, done, cancelled, dialog)


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
    help_menu = window.menus.get("help")
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
