"""Many partner summary PDFs at once, laid out in worker processes.

Gathering a summary from the database and laying it out as a PDF take about as long as each
other. So the main process gathers each summary in turn (one database connection, the batch's
own checks, order and index), and a pool of processes lays the documents out and writes the
PDF files, one per core, each keeping its own Typst compiler (fonts read once).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.exporting import safety
from brokerdesk.core.exporting.batch import BatchResult, Progress, export_partner_summaries
from brokerdesk.core.exporting.summary import PartnerSummary
from brokerdesk.core.reporting.partner import partner_report_from
from brokerdesk.reports.typst_pdf import document_json, document_pdf


def _render(document: str, created: dt.datetime, path: str, overwrite: bool) -> str:
    """In a worker: one PDF, written to a temporary name and renamed."""
    data = document_pdf(document, created)
    with safety.atomic_path(Path(path), overwrite=overwrite) as tmp:
        tmp.write_bytes(data)
    return path


def default_processes() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2, 8))


def export_partner_pdfs(
    db: Database,
    folder: Path,
    partner_ids: Sequence[int] | None = None,
    *,
    overwrite: bool = False,
    processes: int | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """Every chosen partner's summary as a PDF in ``folder``, with the index, in parallel.

    Raises what :func:`export_partner_summaries` raises; if a PDF cannot be written the
    index is removed again, so a folder never has an index naming a missing file.
    """
    context = multiprocessing.get_context("spawn")  # never fork a process that may hold Qt
    with ProcessPoolExecutor(processes or default_processes(), mp_context=context) as pool:
        pending: list[Future[str]] = []

        def write(summary: PartnerSummary, path: Path, *, overwrite: bool = False) -> Path:
            report = partner_report_from(summary)
            document = document_json(report.title, [report], pack=False)
            pending.append(pool.submit(_render, document, clock.now(), str(path), overwrite))
            return path

        result = export_partner_summaries(
            db, folder, "pdf", write, partner_ids, overwrite=overwrite, progress=progress
        )
        try:
            for future in pending:
                future.result()
        except BaseException:
            for index in result.index_files:
                index.unlink(missing_ok=True)
            raise
    return result
