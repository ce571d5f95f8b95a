"""Safe by default: cells that cannot run as formulas, file names that cannot escape, no clobbering.

A spreadsheet program treats a CSV cell starting with ``=``, ``+``, ``-`` or ``@`` as a
formula (and tab or carriage return can smuggle one in), so a partner called
``=HYPERLINK(...)`` would become a live link in a funder's copy of Excel. Every CSV text cell
we write is passed through :func:`neutralise` (OWASP's advice: prefix a single quote). An
XLSX string cell is text whatever it starts with (Excel never runs it), so a workbook gets
:func:`xlsx_text` instead: the text as stored, without a quote that Excel would show and a
re-import would write into the data. Files are written to a
temporary name beside the target and renamed into place, so a cancel or a crash never leaves
half a file where the user expects a whole one.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import brokerdesk.core.exporting.targets as targets
from brokerdesk.core.errors import BrokerDeskError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
MAX_NAME_LENGTH = 120
MAX_NAME_BYTES = 200  # well inside the 255 a disk allows, with room for ".xlsx" and a temp name

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


class DatabaseFileRefused(ExportError):  # noqa: N818 - the users' words: "refused"
    """The target is the live database (or its journal, or its backups): never written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} is the database you are working in (or one of its own files or "
            "backups); an export never writes over it. Choose another file name; "
            "nothing was written."
        )


def refuse_database_files(database: Path | None, paths: list[Path]) -> None:
    """Raise :class:`DatabaseFileRefused` if any of ``paths`` is ``database`` or its own."""
    for path in paths:
        if targets.is_database_file(path, database):
            raise DatabaseFileRefused(path)


def cannot_write(path: Path, exc: OSError) -> ExportError:
    """The sentence for a write the operating system refused, naming what was kept."""
    return ExportError(f"Cannot write to {path}: {targets.reason(exc)}. Nothing was written.")


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


def xlsx_text(value: str, *, reversible: bool = False) -> str:
    """A text cell for an XLSX string cell: as stored (``=SUM(A1)``, ``+44 20 ...``).

    With ``reversible`` (the whole-database workbook), an empty string is a lone quote and
    text that starts with a quote gets one more, so :func:`restore_text` gives back exactly
    what was stored, blank cells standing for None.
    """
    if reversible and (value == "" or value.startswith(QUOTE)):
        return QUOTE + value
    return value


def restore_text(value: str) -> str:
    """Undo :func:`xlsx_text` (or, in a workbook written before it, :func:`neutralise`) with
    ``reversible=True``."""
    return value[1:] if value.startswith(QUOTE) else value


def safe_filename(
    name: str,
    *,
    default: str = "export",
    max_length: int = MAX_NAME_LENGTH,
    max_bytes: int = MAX_NAME_BYTES,
) -> str:
    """A file name (without folder) that is valid on Windows, macOS and Linux.

    Path separators, control characters and the characters Windows forbids become ``_``;
    leading dots and dashes (hidden files, ``..``, names read as options) and trailing dots
    or spaces are dropped; reserved device names (``CON``, ``LPT1``) get a trailing
    underscore; the result is cut to ``max_length`` characters and ``max_bytes`` bytes of
    UTF-8 (a disk counts bytes: 110 Chinese characters are 330), never inside a character.
    An empty result becomes ``default``.
    """
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE_CHARS.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = text.lstrip(".- ").rstrip(". ")
    text = targets.fit_bytes(text[:max_length], max_bytes).rstrip(". ")
    if not text:
        text = default
    if text.split(".")[0].upper() in _RESERVED:
        text = f"{text}_"
    return text


def exists(path: Path) -> bool:
    """Whether ``path`` exists; a path the system cannot even look up is refused in words.

    Raises:
        ExportError: the name is too long, or the system refused to look (a symlink loop).
    """
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    except ValueError as exc:  # a NUL byte in the name
        raise ExportError(f"{path!r} cannot be a file name; nothing was written.") from exc
    return True


def refuse_existing(paths: list[Path], overwrite: bool) -> None:
    """Raise :class:`FileExistsRefused` if any target exists and overwriting is not allowed.

    Raises:
        ExportError: a target is a folder, or a name the system cannot look up.
    """
    for path in paths:
        if exists(path) and path.is_dir():
            raise ExportError(
                f"{path} is a folder; give the name of a file to write. Nothing was written."
            )
    if overwrite:
        return
    existing = [p for p in paths if exists(p)]
    if existing:
        raise FileExistsRefused(existing)


def _on_disk(path: Path) -> None:
    """Make sure the bytes of ``path`` are on the disk (a full disk may only say so now)."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _failed_write(target: Path, exc: OSError) -> ExportError:
    kept = f"; the {target.name} already there is as it was" if exists(target) else ""
    return ExportError(
        f"Could not write {target}: {targets.reason(exc)}. Nothing was written{kept}."
    )


@contextlib.contextmanager
def in_memory(tmp: Path) -> Iterator[io.BytesIO]:
    """A buffer to build a workbook in, written to ``tmp`` in one go when the block ends.

    A zip writer that meets a full disk part-way leaves a half-closed archive behind, whose
    clean-up fails again (and prints a traceback) when Python exits; in memory it cannot.
    """
    buffer = io.BytesIO()
    yield buffer
    with tmp.open("wb") as out:
        out.write(buffer.getbuffer())


@contextlib.contextmanager
def atomic_path(target: Path, *, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it into place only on success.

    On any error (or a cancel) the temporary file is removed and ``target`` is untouched:
    a full disk or a lost permission part-way through leaves no half-written file where
    the user's file was, and an existing file that was to be replaced stays as it was.

    Raises:
        FileExistsRefused: ``target`` exists and ``overwrite`` is False.
        ExportError: ``target`` is a folder or an impossible name, the folder cannot be
            written, or the operating system refused the write (the sentence says why).
    """
    refuse_existing([target], overwrite)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise cannot_write(folder, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if not overwrite and exists(target):  # appeared while we were writing
            raise FileExistsRefused([target])
        _on_disk(tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        cause = None
        if isinstance(exc, Exception) and not isinstance(exc, BrokerDeskError):
            cause = targets.os_error_in(exc)
        if cause is not None:
            raise _failed_write(target, cause) from exc
        raise
