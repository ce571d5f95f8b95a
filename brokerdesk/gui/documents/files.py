"""A kept document, opened with the system's viewer or saved where the user says."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(name: str) -> str:
    """A name every file system accepts, keeping the words and the extension."""
    cleaned = _UNSAFE.sub(" ", name).strip(" .") or "document"
    return cleaned[:200]


def write_for_viewing(name: str, data: bytes) -> Path:
    """Write a read-only copy under its own name, in a private temporary folder of its own
    (so two documents of the same name never overwrite each other while open)."""
    target = Path(tempfile.mkdtemp(prefix="brokerdesk-")) / safe_file_name(name)
    target.write_bytes(data)
    target.chmod(0o400)  # a copy to read: a changed version is added again as a document
    return target


def open_with_viewer(path: Path) -> bool:
    """Ask the desktop to open ``path`` with its viewer; False when none would."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
