"""The words inside a file, so that Ctrl+K finds a document by what it says.

PDFs are read with pypdf, Word files (.docx) with python-docx, plain text as it is. A file
that cannot be read (scanned images, a damaged or encrypted PDF, a format we do not know)
simply has no text: it is still kept, and still found by its name and note.
"""

from __future__ import annotations

import io
import logging
import mimetypes
from pathlib import PurePath

log = logging.getLogger(__name__)

# Enough for any letter, report or agreement; a 300-page PDF is cut here, not refused.
MAX_TEXT_CHARS = 200_000

TEXT_TYPES = frozenset({"text/plain", "text/csv", "text/markdown", "text/html", "message/rfc822"})
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTRA_TYPES = {
    ".msg": "application/vnd.ms-outlook",
    ".eml": "message/rfc822",
    ".md": "text/markdown",
}


def media_type_of(file_name: str) -> str:
    """The media type a file name suggests ("application/pdf"), octet-stream if unknown."""
    suffix = PurePath(file_name).suffix.lower()
    if suffix in EXTRA_TYPES:
        return EXTRA_TYPES[suffix]
    guessed, _encoding = mimetypes.guess_type(file_name, strict=False)
    return guessed or "application/octet-stream"


def extract_text(data: bytes, media_type: str) -> str | None:
    """The text of a PDF, Word or plain-text file, or None when it has none we can read."""
    try:
        if media_type == PDF:
            text = _pdf_text(data)
        elif media_type == DOCX:
            text = _docx_text(data)
        elif media_type in TEXT_TYPES or media_type.startswith("text/"):
            text = _plain_text(data)
        else:
            return None
    except Exception as exc:  # any reader's failure means "no text", never a refused file
        log.info("no text read from a %s file: %s", media_type, exc)
        return None
    text = " ".join(text.split())
    return text[:MAX_TEXT_CHARS] or None


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts: list[str] = []
    size = 0
    for page in reader.pages:
        page_text = page.extract_text() or ""
        parts.append(page_text)
        size += len(page_text)
        if size > MAX_TEXT_CHARS:
            break
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _plain_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")
