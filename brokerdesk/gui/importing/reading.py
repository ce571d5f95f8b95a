"""Reading the chosen spreadsheet, for the wizard's workers (no widget is touched here).

Opening a workbook decodes a whole sheet at once and counting a CSV's rows reads the whole
file, so a 50 MB file takes seconds: the wizard runs these functions in ``ctx.tasks`` with
a progress dialog and keeps what they found, so its pages never read the file themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from brokerdesk.core.errors import BrokerDeskError, Cancelled
from brokerdesk.core.importing import SpreadsheetFile, UnreadableFileError, open_spreadsheet
from brokerdesk.core.importing.readers import Sheet
from brokerdesk.gui.tasks import Progress

SAMPLE_ROWS = 20  # the mapping page shows each column's first value in these rows
FIRST_ROWS = 12  # the header-row picker shows the sheet's first rows as they are


@dataclass
class SheetFacts:
    """What the pages show about one sheet (a CSV has one, named "")."""

    header: Sheet
    rows: int  # about how many data rows
    samples: dict[str, str] = field(default_factory=dict)  # header -> first non-empty value
    first_rows: list[list[str]] = field(default_factory=list)  # the sheet's top, as it is


@dataclass
class FileFacts:
    """The opened file, what was read of its first sheet, or why that sheet cannot be used."""

    source: SpreadsheetFile
    sheets: dict[str, SheetFacts] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)


def _going(progress: Progress, text: str) -> None:
    if not progress(0, 0, text):
        raise Cancelled("Reading the file was cancelled.")


def read_sheet(source: SpreadsheetFile, name: str, progress: Progress, text: str) -> SheetFacts:
    """Header row, row estimate and sample values of one sheet (in a worker)."""
    _going(progress, text)
    header = source.sheet(name)
    _going(progress, text)
    rows = source.estimate_rows(name)
    _going(progress, text)
    samples: dict[str, str] = {}
    try:
        for chunk in source.rows(name, chunk_rows=SAMPLE_ROWS):
            for _number, row in chunk.rows:
                for column, cell in zip(header.headers, row, strict=False):
                    if column and column not in samples and cell.strip():
                        samples[column] = cell.strip()
            break
    except BrokerDeskError:
        pass  # the preview reports an unreadable row with its sentence
    first = source.first_rows(name, max(FIRST_ROWS, header.header_line + 3))
    return SheetFacts(header, rows, samples, first)


def read_file(path: Path, progress: Progress, text: str) -> FileFacts:
    """Open the spreadsheet and read its first sheet (in a worker).

    Raises:
        UnreadableFileError: not a spreadsheet BrokerDesk can read (the sentence says why).
        Cancelled: the user cancelled between steps.
    """
    _going(progress, text)
    source = open_spreadsheet(path)
    facts = FileFacts(source)
    first = source.sheet_names[0]
    try:
        facts.sheets[first] = read_sheet(source, first, progress, text)
    except UnreadableFileError as exc:
        if source.format == "csv":
            raise
        facts.problems[first] = str(exc)  # another sheet of the workbook may hold the rows
    return facts
