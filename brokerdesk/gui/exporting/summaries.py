"""Partner summaries: one partner's, or many into one folder with an index (loaded on first use).

Kept apart from :mod:`brokerdesk.gui.exporting.menu` so that building the main window does
not load the exporters and the PDF renderer; the menu's actions and the partner page's
``export_requested`` import this module when they are triggered.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.exporting import (
    export_partner_summaries,
    gather_partner_summary,
    summary_file_name,
)
from brokerdesk.core.exporting.batch import partners_to_export
from brokerdesk.gui.exporting.chosen import FORMAT_NAMES, partners_in_view
from brokerdesk.gui.exporting.done import confirm_replace, show_export_done
from brokerdesk.gui.exporting.running import (
    default_folder,
    remember_folder,
    start_export,
    target_refused,
)
from brokerdesk.gui.exporting.summary_dialog import (
    ExportSummaryDialog,
    SummaryRequest,
    summary_targets,
)
from brokerdesk.reports import summary_writer

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("Export", "…") calls


# ---------------------------------------------------------------------- partner summaries
def export_partner_summary(
    window: MainWindow,
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
    if target_refused(window, summary_targets(target, request.fmt)):
        return None
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
    window: MainWindow,
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
    if target_refused(window, targets, folder):
        return None
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
    label = translate("Export", "Preparing {0} summaries…").format(total)

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

    return start_export(window, work, title, done, cancelled, label=label, total=total)
