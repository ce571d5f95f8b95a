"""Small real files for document tests: a PDF and a Word file that say given words."""

from __future__ import annotations

import io
from pathlib import Path


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF whose page says ``text`` (ASCII), readable by any PDF reader."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    """A Word (.docx) file with these paragraphs."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_email(
    folder: Path,
    name: str,
    subject: str,
    day: int,
    sender: str = "Gwen Parry <Gwen.Parry@readingwales.org.uk>",
) -> Path:
    """An .eml file from ``sender`` to the partnerships team, sent ``day`` June 2026 09:30."""
    import datetime as dt
    from email.message import EmailMessage
    from email.utils import format_datetime

    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "Partnerships <partnerships@libraries-charity.example>"
    mail["Subject"] = subject
    mail["Date"] = format_datetime(dt.datetime(2026, 6, day, 9, 30, tzinfo=dt.UTC))
    mail["Message-ID"] = f"<{name}@brokerdesk.test>"
    mail.set_content(f"{subject}: notes from the call.")
    path = folder / f"{name}.eml"
    path.write_bytes(bytes(mail))
    return path
