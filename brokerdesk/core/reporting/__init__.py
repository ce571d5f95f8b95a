"""Reports on every kind of record, as data (no Qt): see :mod:`.document` for the shape and
:mod:`.kinds` for the list. ``brokerdesk.reports`` renders them as tagged PDF; the same
:class:`Report` gives the XLSX and CSV tables.
"""

from __future__ import annotations

from brokerdesk.core.reporting.document import (
    Bar,
    BarChart,
    Bullets,
    Grid,
    Paragraph,
    Report,
    Section,
)
from brokerdesk.core.reporting.kinds import KINDS, ReportKind, gather, report_choices

__all__ = [
    "KINDS",
    "Bar",
    "BarChart",
    "Bullets",
    "Grid",
    "Paragraph",
    "Report",
    "ReportKind",
    "Section",
    "gather",
    "report_choices",
]
