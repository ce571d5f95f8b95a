"""Reports as tagged, accessible PDFs (PDF/UA-1) made by Typst, and board packs, written safely.

Typst was chosen (see ``pyproject.toml``) because it writes the structure tree, the language,
the title and the bookmarks and checks PDF/UA-1's rules as it writes, lays a summary out in
milliseconds, and is one self-contained wheel: no system libraries to install or package.
"""

from __future__ import annotations

from pathlib import Path

from brokerdesk.core.exporting import safety
from brokerdesk.core.reporting.document import Report
from brokerdesk.reports.typst_pdf import board_pack_pdf, report_pdf


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
