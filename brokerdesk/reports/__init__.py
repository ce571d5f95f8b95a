"""Printed reports, drawn with QtGui (never QtWidgets): the partner summary PDF.

Used by the command line and the desktop app alike; the data comes from
``brokerdesk.core.exporting`` so a PDF and its XLSX always agree.
"""

from __future__ import annotations

from brokerdesk.core.exporting.batch import FORMATS, SPREADSHEET_WRITERS, SummaryWriter
from brokerdesk.core.exporting.safety import ExportError
from brokerdesk.reports.partner_pdf import render_partner_summary_pdf, write_partner_summary_pdf
from brokerdesk.reports.qt import ensure_gui_application


def summary_writer(fmt: str) -> SummaryWriter:
    """The writer for one partner summary in ``fmt`` (``pdf``, ``xlsx`` or ``csv``)."""
    if fmt == "pdf":
        return write_partner_summary_pdf
    if fmt in SPREADSHEET_WRITERS:
        return SPREADSHEET_WRITERS[fmt]
    raise ExportError(f"'{fmt}' is not an export format; choose one of {', '.join(FORMATS)}.")


__all__ = [
    "ensure_gui_application",
    "render_partner_summary_pdf",
    "summary_writer",
    "write_partner_summary_pdf",
]
