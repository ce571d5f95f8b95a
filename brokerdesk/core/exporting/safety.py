"""Safe by default: cells that cannot run as formulas, file names that cannot escape, no clobbering.

A spreadsheet program treats a cell starting with ``=``, ``+``, ``-`` or ``@`` as a formula
(and tab or carriage return can smuggle one in), so a partner called ``=HYPERLINK(...)``
would become a live link in a funder's copy of Excel. Every text cell we write is passed
through :func:`neutralise` (OWASP's advice: prefix a single quote). Files are written to a
temporary name beside the target and renamed into place, so a cancel or a crash never leaves
half a file where the user expects a whole one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from brokerdesk.core.errors import BrokerDeskError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
MAX_NAME_LENGTH = 120

# Names Windows refuses for a file whatever its extension.
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
_UNSAFE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


class ExportError(BrokerDeskError):
    """An export was refused or failed; nothing was written where the user asked."""


class FileExistsRefused(ExportError):  # noqa: N818 - the users' words: "already exists"
    """The target already exists and the user has not agreed to overwrite it.

    Attributes:
        paths: every existing file that would have been overwritten.
    """

    def __init__(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        shown = ", ".join(str(p) for p in self.paths[:3])
        more = f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
        super().__init__(
            f"{shown}{more} already exists; nothing was written. "
            "Choose another name, or allow overwriting (--force)."
        )


def neutralise(value: str, *, reversible: bool = False) -> str:
    """Make a text cell inert in a spreadsheet program.

    Args:
        value: the text as stored.
        reversible: also quote text that already starts with a quote, and write an empty
            string as a lone quote, so :func:`restore_text` gives back exactly what was
            stored (the whole-database workbook uses this; people-facing exports do not, so
            that "'Twas" stays as typed).
    """
    if value.startswith(FORMULA_STARTS):
        return QUOTE + value
    if reversible and (value == "" or value.startswith(QUOTE)):
        return QUOTE + value
    return value


def restore_text(value: str) -> str:
    """Undo :func:`neutralise` with ``reversible=True``."""
    return value[1:] if value.startswith(QUOTE) else value


def safe_filename(name: str, *, default: str = "export", max_length: int = MAX_NAME_LENGTH) -> str:
    """A file name (without folder) that is valid on Windows, macOS and Linux.

    Path separators, control characters and the characters Windows forbids become ``_``;
    leading dots and dashes (hidden files, ``..``, names read as options) and trailing dots
    or spaces are dropped; reserved device names (``CON``, ``LPT1``) get a trailing
    underscore; the result is cut to ``max_length`` characters. An empty result becomes
    ``default``.
    """
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE_CHARS.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = text.lstrip(".- ").rstrip(". ")
    text = text[:max_length].rstrip(". ")
    if not text:
        text = default
    if text.split(".")[0].upper() in _RESERVED:
        text = f"{text}_"
    return text


def refuse_existing(paths: list[Path], overwrite: bool) -> None:
    """Raise :class:`FileExistsRefused` if any target exists and overwriting is not allowed."""
    if overwrite:
        return
    existing = [p for p in paths if p.exists()]
    if existing:
        raise FileExistsRefused(existing)


@contextlib.contextmanager
def atomic_path(target: Path, *, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it into place only on success.

    On any error (or a cancel) the temporary file is removed and ``target`` is untouched.

    Raises:
        FileExistsRefused: ``target`` exists and ``overwrite`` is False.
        ExportError: the folder cannot be written.
    """
    refuse_existing([target], overwrite)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"Cannot write to {folder}: {exc.strerror or exc}.") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if not overwrite and target.exists():  # appeared while we were writing
            raise FileExistsRefused([target])
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
