"""A report as data: headed sections of paragraphs, lists, tables and bar charts, no Qt.

Every report (partner, programme, library service, region, and whatever comes next) is one
data function that returns a :class:`Report`; the renderers in ``brokerdesk.reports`` turn any
report into a tagged PDF, and :meth:`Report.tables` gives the same figures as the sheets of an
XLSX workbook or the files of a CSV folder, so the three formats never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from brokerdesk.core.exporting.tables import Cell, Column, Table


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text (``muted`` for "nothing here yet" notes)."""

    text: str
    muted: bool = False


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: list[str]


@dataclass(frozen=True)
class Grid:
    """A table with a caption; its first column names the row (a row header).

    Attributes:
        table: the columns and typed rows (also a sheet of the workbook).
        caption: what the table shows, read out before it.
        total: an optional last row (same columns) that sums the rest.
    """

    table: Table
    caption: str
    total: list[Cell] | None = None


@dataclass(frozen=True)
class Bar:
    """One bar: ``value`` of ``of`` (``of`` 0 when there is no base to compare with)."""

    label: str
    value: int
    of: int = 0

    @property
    def share(self) -> float:
        if self.of <= 0:
            return 1.0 if self.value else 0.0
        return min(self.value / self.of, 1.0)

    @property
    def words(self) -> str:
        """ "12 of 39, 31%": what the bar shows, in words (drawn beside it and read out)."""
        if self.of <= 0:
            return f"{self.value:,}"
        return f"{self.value:,} of {self.of:,}, {round(100 * self.value / self.of)}%"


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars with their values written beside them and stated in the alt text."""

    caption: str
    bars: list[Bar]

    @property
    def alt(self) -> str:
        """The chart's alternative text: the caption, then every bar's label and value."""
        values = "; ".join(f"{b.label}: {b.words}" for b in self.bars)
        return f"{self.caption}. {values}."


Block = Paragraph | Bullets | Grid | BarChart


@dataclass
class Section:
    """A headed part of a report (level 2), with optional level-3 subsections."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Report:
    """One record's report as of ``generated_on``, from the database ``source``.

    Attributes:
        kind: the report's kind (``partner``, ``programme``, ``library_service``, ``region``).
        key: the record's id (or the region's name).
        kind_label: "Partner summary", shown above the title.
        subject: the record's name, the report's main heading.
        subtitle: one line under the heading.
        sections: the body, in reading order.
        facts: label -> value pairs shown first as a table (and the Summary sheet).
        extra_tables: data only the spreadsheets carry (every participation, say).
        sheets: the spreadsheets' tables when a report keeps its own (the partner summary's
            five sheets); otherwise they are made from the report's tables.
    """

    kind: str
    key: int | str
    kind_label: str
    subject: str
    subtitle: str
    generated_on: dt.date
    source: str
    facts: list[tuple[str, Cell]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    extra_tables: list[Table] = field(default_factory=list)
    sheets: list[Table] | None = None

    @property
    def title(self) -> str:
        """ "Partner summary: Reading Agency", the PDF's title and the window's."""
        return f"{self.kind_label}: {self.subject}"

    def all_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield section
            yield from section.subsections

    def charts(self) -> list[BarChart]:
        return [b for s in self.all_sections() for b in s.blocks if isinstance(b, BarChart)]

    def tables(self) -> list[Table]:
        """Every table in the report as a sheet: Summary first, then each grid and chart."""
        if self.sheets is not None:
            return self.sheets
        summary = Table(
            "Summary",
            [Column("Field", width=40), Column("Value", "any", width=50)],
            [[k, value] for k, value in self.facts]
            + [["Generated on", self.generated_on], ["Database", self.source]],
        )
        tables = [summary]
        names = {"Summary"}
        for section in self.all_sections():
            for block in section.blocks:
                table = _as_table(block)
                if table is None:
                    continue
                name = _unique(table.name, names)
                names.add(name)
                tables.append(Table(name, table.columns, table.rows))
        for table in self.extra_tables:
            name = _unique(table.name, names)
            names.add(name)
            tables.append(Table(name, table.columns, table.rows))
        return tables


def _as_table(block: Block) -> Table | None:
    if isinstance(block, Grid):
        rows = list(block.table.rows) + ([block.total] if block.total else [])
        return Table(block.table.name, block.table.columns, rows)
    if isinstance(block, BarChart):
        return Table(
            block.caption[:31],
            [Column("Label", width=30), Column("Value", "int"), Column("Out of", "int")],
            [[b.label, b.value, b.of or None] for b in block.bars],
        )
    return None


def _unique(name: str, taken: set[str]) -> str:
    """A sheet name (at most 31 characters) no other sheet of the workbook has."""
    base = name[:31] or "Table"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    return candidate
