"""Read the team's spreadsheets as text, a chunk at a time.

Files arrive from many hands: CSV saved by Excel in cp1252 or UTF-8 (with or without a BOM),
separated by commas, semicolons or tabs, with CRLF endings and newlines inside quoted cells;
or XLSX workbooks with several sheets. Everything is read as text so that a reader never
turns "01234" into 1234; the importers decide what a value means. Rows come in chunks so a
200 MB file never has to sit in memory whole.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brokerdesk.core.errors import BrokerDeskError

CHUNK_ROWS = 5_000
HEADER_SEARCH_ROWS = 30  # the header is looked for among the first rows, titles and notes above
_SAMPLE_BYTES = 64 * 1024
_DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class UnreadableFileError(BrokerDeskError):
    """The file is not a spreadsheet BrokerDesk can read; nothing was imported."""


@dataclass
class Sheet:
    """The header row and where the data starts, for one sheet (a CSV has one).

    Attributes:
        name: the sheet ("" for a CSV).
        headers: the header row's cells, trimmed.
        header_line: the header's 1-based row number in the file.
        above: the rows above the header that hold something (title, notes), as
            (row number, their text joined): they are not imported, and are said so.
        chosen: the user named the header row (``--header-row``, the wizard's picker)
            rather than BrokerDesk finding it.
    """

    name: str
    headers: list[str]
    header_line: int
    above: list[tuple[int, str]] = field(default_factory=list)
    chosen: bool = False


@dataclass
class SpreadsheetFile:
    """An opened spreadsheet: its format, how it was decoded, and its sheets.

    Attributes:
        path: the file.
        format: ``csv`` or ``xlsx``.
        encoding: for CSV, the detected encoding (``utf-8-sig``, ``utf-8`` or ``cp1252``).
        delimiter: for CSV, the detected separator.
        sheet_names: every sheet (``[""]`` for a CSV).
    """

    path: Path
    format: str
    encoding: str = ""
    delimiter: str = ","
    sheet_names: list[str] = field(default_factory=list)
    _headers: dict[str, Sheet] = field(default_factory=dict, repr=False)
    _loaded: dict[str, Any] = field(default_factory=dict, repr=False)
    _estimates: dict[str, int] = field(default_factory=dict, repr=False)
    _header_rows: dict[str, int] = field(default_factory=dict, repr=False)

    def sheet(self, name: str | None = None) -> Sheet:
        """The chosen sheet's header row (the first sheet when ``name`` is None).

        Found by :func:`find_header_row` unless :meth:`set_header_row` named it.
        """
        chosen = self._sheet_name(name)
        if chosen not in self._headers:
            self._headers[chosen] = self._find_header(chosen, self._header_rows.get(chosen))
        return self._headers[chosen]

    def set_header_row(self, name: str | None, number: int | None) -> Sheet:
        """Use row ``number`` (1-based, as a spreadsheet numbers it) as the header of the
        sheet; None finds it again. Returns the sheet's new header.

        Raises:
            UnreadableFileError: the row is empty, beyond the first rows, or holds data.
        """
        chosen = self._sheet_name(name)
        self._headers.pop(chosen, None)
        if number is None:
            self._header_rows.pop(chosen, None)
        else:
            self._header_rows[chosen] = number
        try:
            return self.sheet(chosen)
        except UnreadableFileError:
            self._header_rows.pop(chosen, None)  # the row found before still stands
            raise

    def first_rows(
        self, name: str | None = None, limit: int = HEADER_SEARCH_ROWS
    ) -> list[list[str]]:
        """The sheet's first ``limit`` rows as text, blank ones included, for choosing the
        header row by eye."""
        rows: list[list[str]] = []
        for row in self._raw_rows(self._sheet_name(name)):
            rows.append([cell.strip() for cell in row])
            if len(rows) >= limit:
                break
        return rows

    def _find_header(self, chosen: str, number: int | None) -> Sheet:
        where = f"The sheet '{chosen}'" if chosen else "The file"
        rows = self.first_rows(chosen)
        if not any(any(rows_cells) for rows_cells in rows):
            raise UnreadableFileError(f"{where} is empty: there is no header row and no data.")
        if number is None:
            found = find_header_row(rows)
        else:
            if not 1 <= number <= len(rows):
                raise UnreadableFileError(
                    f"{where} has no row {number} among its first {len(rows)} rows; the "
                    "header row must be one of them."
                )
            if not any(rows[number - 1]):
                raise UnreadableFileError(
                    f"Row {number} of {where[0].lower()}{where[1:]} is empty; choose the row "
                    "that names the columns."
                )
            found = number
        headers = rows[found - 1]
        _check_header(headers, chosen, found)
        above = [(n, " ".join(c for c in row if c)) for n, row in enumerate(rows[: found - 1], 1)]
        return Sheet(chosen, headers, found, [a for a in above if a[1]], number is not None)

    def rows(self, name: str | None = None, chunk_rows: int | None = None) -> Iterator[Chunk]:
        """Data rows under the header, as text, in chunks of ``chunk_rows``.

        Blank rows are dropped; each row keeps its row number in the file so messages can
        point at it ("row 12").
        """
        chunk_rows = chunk_rows or CHUNK_ROWS
        chosen = self._sheet_name(name)
        header = self.sheet(chosen)
        width = len(header.headers)
        batch: list[tuple[int, list[str]]] = []
        for number, row in enumerate(self._raw_rows(chosen), start=1):
            if number <= header.header_line or not any(c.strip() for c in row):
                continue
            if len(row) < width:
                row = row + [""] * (width - len(row))
            batch.append((number, row))
            if len(batch) >= chunk_rows:
                yield Chunk(batch)
                batch = []
        if batch:
            yield Chunk(batch)

    def estimate_rows(self, name: str | None = None) -> int:
        """About how many data rows there are (for a progress bar; counted once per sheet)."""
        chosen = self._sheet_name(name)
        if chosen not in self._estimates:
            self._estimates[chosen] = self._count_rows(chosen)
        return self._estimates[chosen]

    def _count_rows(self, chosen: str) -> int:
        below = self.sheet(chosen).header_line  # rows down to the header are not data
        if self.format == "xlsx":
            return max(0, int(self._xlsx_sheet(chosen).height) - below)
        lines, last = 0, b"\n"
        try:
            with self.path.open("rb") as handle:
                while block := handle.read(1 << 20):
                    lines += block.count(b"\n")
                    last = block[-1:]
        except OSError as exc:
            raise UnreadableFileError(_unreadable(self.path, exc)) from exc
        if last != b"\n":
            lines += 1  # a last line without its newline
        return max(1, lines - below)

    # ----------------------------------------------------------------- internals
    def _xlsx_sheet(self, name: str) -> Any:
        """The loaded sheet, kept: calamine reads a whole sheet at once, so read it once."""
        if name not in self._loaded:
            try:
                self._loaded.clear()
                self._loaded[name] = _workbook(self.path).get_sheet_by_name(name)
            except UnreadableFileError:
                raise
            except Exception as exc:
                raise UnreadableFileError(
                    f"The sheet '{name}' could not be read ({_short(exc)})."
                ) from exc
        return self._loaded[name]

    def _sheet_name(self, name: str | None) -> str:
        if name is None or name == "":
            return self.sheet_names[0]
        if name not in self.sheet_names:
            known = ", ".join(f"'{s}'" for s in self.sheet_names)
            raise UnreadableFileError(f"There is no sheet '{name}' in this workbook ({known}).")
        return name

    def _raw_rows(self, name: str) -> Iterator[list[str]]:
        if self.format == "xlsx":
            yield from _xlsx_rows(self._xlsx_sheet(name), name)
            return
        try:
            with self.path.open("r", encoding=self.encoding, newline="") as handle:
                yield from csv.reader(handle, delimiter=self.delimiter)
        except csv.Error as exc:
            raise UnreadableFileError(
                f"The file could not be read as CSV ({exc}). Is it really a spreadsheet?"
            ) from exc
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(
                "The file mixes text encodings; save it again as CSV UTF-8 and retry."
            ) from exc
        except OSError as exc:  # removed, or its disk failed, while it was being read
            raise UnreadableFileError(_unreadable(self.path, exc)) from exc


@dataclass
class Chunk:
    """Rows read together: (row number in the file, cells as text)."""

    rows: list[tuple[int, list[str]]]

    def __len__(self) -> int:
        return len(self.rows)


def open_spreadsheet(path: str | Path) -> SpreadsheetFile:
    """Open a CSV or XLSX file, detecting its format, encoding and separator.

    Raises:
        UnreadableFileError: the file is missing, empty, binary or otherwise not a
            spreadsheet, with a sentence that says so straight away.
    """
    source = Path(path)
    try:
        return _open_spreadsheet(source)
    except OSError as exc:  # no permission, a folder, a name too long, a failing disk
        raise UnreadableFileError(_unreadable(source, exc)) from exc


def _unreadable(source: Path, exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return f"{source} could not be read ({reason}); nothing was imported."


def _open_spreadsheet(source: Path) -> SpreadsheetFile:
    if source.is_dir():
        raise UnreadableFileError(f"{source} is a folder; choose a CSV or XLSX file in it.")
    if not source.exists():
        raise UnreadableFileError(f"There is no file at {source}.")
    if not source.is_file():  # a pipe or a device would be read for ever
        raise UnreadableFileError(f"{source} is not a file; choose a CSV or XLSX file.")
    with source.open("rb") as handle:
        head = handle.read(_SAMPLE_BYTES)
    if not head.strip():
        raise UnreadableFileError(f"{source.name} is empty.")
    if head.startswith(_ZIP_MAGIC) or head.startswith(_OLE_MAGIC):
        return _open_workbook(source)
    encoding = _detect_encoding(source, head)
    text = head.decode(encoding, errors="replace")
    if _looks_binary(text):
        raise UnreadableFileError(
            f"{source.name} is not a spreadsheet (it looks like a binary file). "
            "Choose a CSV or XLSX file."
        )
    result = SpreadsheetFile(source, "csv", encoding, _detect_delimiter(text), [""])
    result.sheet()  # a missing header row is reported now, not halfway through
    return result


def _open_workbook(source: Path) -> SpreadsheetFile:
    try:
        names = list(_workbook(source).sheet_names)
    except UnreadableFileError:
        raise
    if not names:
        raise UnreadableFileError(f"{source.name} has no sheets.")
    return SpreadsheetFile(source, "xlsx", sheet_names=names)


def _workbook(source: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(source))
    except Exception as exc:  # calamine raises its own error types for broken workbooks
        raise UnreadableFileError(
            f"{source.name} could not be opened as a workbook ({_short(exc)}). "
            "Is it damaged, password-protected or not really an Excel file?"
        ) from exc


def _xlsx_rows(sheet: Any, name: str) -> Iterator[list[str]]:
    try:
        for row in sheet.iter_rows():
            yield [_cell_text(value) for value in row]
    except Exception as exc:
        raise UnreadableFileError(f"The sheet '{name}' could not be read ({_short(exc)}).") from exc


def _cell_text(value: Any) -> str:
    """A workbook cell as the text a person sees (whole numbers without '.0')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def _detect_encoding(source: Path, head: bytes) -> str:
    """UTF-8 (BOM or not) when every byte of the file decodes as UTF-8, else cp1252.

    The whole file is checked, in blocks, because an Excel-saved cp1252 file may have its
    first accented letter far down; reading 200 MB this way takes a fraction of a second.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with source.open("rb") as handle:
            while block := handle.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return _single_byte(source)
    return "utf-8"


def _single_byte(source: Path) -> str:
    """cp1252 as Excel saves it; latin-1 if the file uses bytes cp1252 leaves undefined."""
    try:
        with source.open("r", encoding="cp1252", newline="") as handle:
            while handle.read(1 << 20):
                pass
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t")
    replaced = text.count("\ufffd")
    return (controls + replaced) > max(8, len(text) // 50)


def _detect_delimiter(text: str) -> str:
    """The separator that gives the rows the most columns, consistently over the first rows.

    csv.Sniffer is easily fooled by commas inside quoted cells of a semicolon file; counting
    parsed columns is not.
    """
    sample = text[: 32 * 1024]
    lines = sample.splitlines(keepends=True)
    if len(sample) == 32 * 1024 and len(lines) > 1:
        sample = "".join(lines[:-1])  # drop a record cut off by the sample's end
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            records = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r][:20]
        except csv.Error:
            continue
        if not records:
            continue
        # The commonest width, not the first row's: a title or a note above the header
        # is one cell wide whatever the separator.
        widths = [len(r) for r in records]
        width = max(set(widths), key=lambda w: (widths.count(w), w))
        consistent = widths.count(width)
        steady = width > 1 and consistent >= 0.6 * len(records)
        score = (int(steady), width if width > 1 else 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def find_header_row(rows: list[list[str]]) -> int:
    """The 1-based number of the row that names the columns, among a sheet's first rows.

    Sign-up sheets arrive with a title ("Reading Together 2025: sign-ups"), a merged cell
    of instructions, a blank row or a note above the real header. Those rows fill one or
    two cells of a table many columns wide, so the header is the first row that fills at
    least half as many cells as the widest of the first rows, with labels rather than data
    (no e-mail addresses, no numbers). A file whose rows are all narrow takes its first
    non-empty row, as before.
    """
    filled = [sum(1 for cell in row if cell) for row in rows]
    widest = max(filled, default=0)
    need = max(2, (widest + 1) // 2) if widest >= 2 else 1
    labels: list[tuple[int, int]] = []  # (cells filled, row number) of rows that name things
    for number, (row, count) in enumerate(zip(rows, filled, strict=True), start=1):
        if not count:
            continue
        if not _looks_like_labels(row):
            if count >= need:
                break  # the first wide row of data: the header is above it, if anywhere
            continue
        if count >= need:
            return number
        labels.append((count, number))
    if labels:  # a header with many unnamed columns: the fullest row of labels above the data
        return max(labels, key=lambda item: (item[0], -item[1]))[1]
    return next((n for n, count in enumerate(filled, 1) if count), 1)


def _looks_like_labels(row: list[str]) -> bool:
    cells = [c for c in row if c]
    named = [c for c in cells if any(ch.isalpha() for ch in c)]
    if not named or any("@" in c and "." in c for c in cells) or any(_is_number(c) for c in cells):
        return False
    return len({c.casefold() for c in cells}) >= len(cells) - 1  # labels rarely repeat


def _check_header(headers: list[str], sheet: str, number: int = 1) -> None:
    """Refuse a header row that is data rather than column names."""
    named = [h for h in headers if any(ch.isalpha() for ch in h)]
    where = f"The sheet '{sheet}'" if sheet else "The file"
    row = "its first row" if number == 1 else f"its row {number}"
    if not named:
        raise UnreadableFileError(
            f"{where} has no header row: {row} should name the columns "
            "(for example 'Name', 'Email', 'Library service')."
        )
    if any("@" in h and "." in h for h in headers) or any(_is_number(h) for h in headers):
        raise UnreadableFileError(
            f"{where} seems to start with data, not column names ({row}). Add a header row "
            "that names the columns, or choose the header row, and try again."
        )


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return bool(text.strip())
