"""Printed reports: any :class:`~brokerdesk.core.reporting.Report` as a tagged PDF/UA-1
(Typst), board packs, and the writers the exports choose from by format.

Used by the command line and the desktop app alike; the data comes from
``brokerdesk.core.reporting`` so a PDF and its XLSX always agree.
"""

from __future__ import annotations

from pathlib import Path

from brokerdesk.core.exporting.batch import FORMATS, SPREADSHEET_WRITERS, SummaryWriter
from brokerdesk.core.exporting.safety import ExportError
from brokerdesk.core.exporting.spreadsheets import write_tables_csv, write_tables_xlsx
from brokerdesk.core.exporting.summary import PartnerSummary
from brokerdesk.core.reporting.document import Report
from brokerdesk.core.reporting.partner import partner_report_from
from brokerdesk.reports.pdf import write_board_pack_pdf, write_report_pdf
from brokerdesk.reports.typst_pdf import ReportError, board_pack_pdf, report_pdf


def write_partner_summary_pdf(
    summary: PartnerSummary, path: Path, *, overwrite: bool = False
) -> Path:
    """One gathered partner summary as a tagged PDF (what the partner batch export writes)."""
    return write_report_pdf(partner_report_from(summary), path, overwrite=overwrite)


def summary_writer(fmt: str) -> SummaryWriter:
    """The writer for one partner summary in ``fmt`` (``pdf``, ``xlsx`` or ``csv``)."""
    if fmt == "pdf":
        return write_partner_summary_pdf
    if fmt in SPREADSHEET_WRITERS:
        return SPREADSHEET_WRITERS[fmt]
    raise ExportError(f"'{fmt}' is not an export format; choose one of {', '.join(FORMATS)}.")


def write_report(report: Report, fmt: str, path: Path, *, overwrite: bool = False) -> Path:
    """Any report as ``pdf``, ``xlsx`` (one sheet per table) or ``csv`` (a folder of files).

    Returns the file written (the folder, for CSV).
    """
    if fmt == "pdf":
        return write_report_pdf(report, path, overwrite=overwrite)
    if fmt == "xlsx":
        return write_tables_xlsx(report.tables(), path, overwrite=overwrite)
    if fmt == "csv":
        write_tables_csv(report.tables(), path, overwrite=overwrite)
        return path
    raise ExportError(f"'{fmt}' is not an export format; choose one of {', '.join(FORMATS)}.")


__all__ = [
    "ReportError",
    "board_pack_pdf",
    "report_pdf",
    "summary_writer",
    "write_board_pack_pdf",
    "write_partner_summary_pdf",
    "write_report",
    "write_report_pdf",
]
