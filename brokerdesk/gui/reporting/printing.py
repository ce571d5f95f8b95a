"""Printing a report and its print preview: the report's tagged PDF, drawn page by page.

The printed page is the PDF's page (QtPdf renders it), so paper, preview and file always
look the same; there is no second layout to drift from the first.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 200  # enough for print; a page at 600 dpi would be a 35-megapixel image


def pdf_page_count(data: bytes) -> int:
    with _Loaded(data) as doc:
        return int(doc.pageCount())


class _Loaded:
    """A QPdfDocument of ``data`` (loaded from a private file, which loads synchronously)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.folder = tempfile.TemporaryDirectory(prefix="brokerdesk-print-")
        self.doc = QPdfDocument()

    def __enter__(self) -> QPdfDocument:
        path = Path(self.folder.name) / "report.pdf"
        path.write_bytes(self.data)
        error = self.doc.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise OSError(f"the report could not be read back for printing ({error.name})")
        return self.doc

    def __exit__(self, *_exc: object) -> None:
        self.doc.close()
        self.folder.cleanup()


def paint_pdf(printer: QPrinter, data: bytes) -> int:
    """Draw every page of the PDF ``data`` on ``printer`` (or a preview's). Returns pages."""
    with _Loaded(data) as doc:
        painter = QPainter(printer)
        try:
            dpi = min(printer.resolution(), MAX_DPI)
            for index in range(doc.pageCount()):
                if index:
                    printer.newPage()
                points = doc.pagePointSize(index)
                image = doc.render(
                    index,
                    QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)),
                )
                area = painter.viewport()
                scale = min(area.width() / image.width(), area.height() / image.height())
                size = QSize(round(image.width() * scale), round(image.height() * scale))
                painter.drawImage(QRect(area.topLeft(), size), image)
        finally:
            painter.end()
        return int(doc.pageCount())
