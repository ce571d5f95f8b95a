"""Reports as tagged, accessible PDFs (PDF/UA-1) with WeasyPrint, and board packs.

WeasyPrint was chosen (see ``pyproject.toml``) because it writes the structure tree, the
language, the title and the bookmarks from plain HTML, needs no Qt (so a batch runs in
worker processes) and ships a PyInstaller hook. Pango, which it lays text out with, comes
from the system (``scripts/install-system-deps.sh``).
"""

from __future__ import annotations

from pathlib import Path

from brokerdesk.core.exporting import safety
from brokerdesk.core.reporting.document import Report
from brokerdesk.reports.report_html import board_pack_html, report_html

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    """The PDF of one HTML document, tagged for PDF/UA-1."""
    import weasyprint  # loaded when the first PDF is made: it takes a while to import

    # full_fonts: the shipped fonts are small (60 kB each), and embedding them whole skips
    # subsetting them again for every PDF, a third of the time a summary took.
    return bytes(weasyprint.HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT, full_fonts=True))


def report_pdf(report: Report) -> bytes:
    return html_to_pdf(report_html(report))


def board_pack_pdf(title: str, reports: list[Report]) -> bytes:
    return html_to_pdf(board_pack_html(title, reports))


def _write(data: bytes, path: Path, overwrite: bool) -> Path:
    with safety.atomic_path(path, overwrite=overwrite) as tmp:
        tmp.write_bytes(data)
    return path


def write_report_pdf(report: Report, path: Path, *, overwrite: bool = False) -> Path:
    """The report as an A4 PDF at ``path``, written to a temporary name and renamed.

    Raises:
        FileExistsRefused: ``path`` exists and ``overwrite`` is False.
    """
    safety.refuse_existing([path], overwrite)  # before the work of laying it out
    return _write(report_pdf(report), path, overwrite)


def write_board_pack_pdf(
    title: str, reports: list[Report], path: Path, *, overwrite: bool = False
) -> Path:
    """Several reports in one PDF with a contents page."""
    safety.refuse_existing([path], overwrite)
    return _write(board_pack_pdf(title, reports), path, overwrite)
