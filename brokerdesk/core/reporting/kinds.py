"""Every kind of report, by name: how to find its record from what a user types, how to
gather it, and what its file is called. A new report is one entry here and one data function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, NotFoundError
from brokerdesk.core.exporting.batch import summary_file_name
from brokerdesk.core.exporting.summary import could_be_id, find_partner
from brokerdesk.core.models import LibraryService, Partner, Programme, Series
from brokerdesk.core.reporting.document import Report
from brokerdesk.core.reporting.partner import partner_report
from brokerdesk.core.reporting.places import library_service_report, region_report
from brokerdesk.core.reporting.programme import programme_report
from brokerdesk.core.reporting.series import series_report

Key = int | str


@dataclass(frozen=True)
class ReportKind:
    """One kind of report.

    Attributes:
        name: as typed on the command line (``programme``).
        label: as read ("Programme summary").
        what: the record, in words ("programme").
        gather: ``(db, key) -> Report``.
        find: ``(db, text) -> key`` from an id or a name.
    """

    name: str
    label: str
    what: str
    gather: Callable[[Database, Any], Report]
    find: Callable[[Database, str], Key]

    def file_name(self, key: Key, subject: str, fmt: str) -> str:
        """``Bristol (14).pdf``, or ``North West region summary.pdf`` for a region."""
        if isinstance(key, int):
            return summary_file_name(key, subject, fmt)
        return f"{subject} {self.label.lower()}" + ("" if fmt == "csv" else f".{fmt}")


def _find_named(model: Any, name_column: Any, what: str) -> Callable[[Database, str], Key]:
    def find(db: Database, text: str) -> Key:
        text = text.strip()
        with db.read() as session:
            number = int(text) if text.isdecimal() else 0
            if could_be_id(number) and session.get(model, number) is not None:
                return number
            lowered = func.lower(name_column)
            exact = session.execute(
                select(model.id, name_column).where(lowered == text.lower())
            ).all()
            pattern = "%" + text.lower().replace("%", r"\%").replace("_", r"\_") + "%"
            matches = (
                exact
                or session.execute(
                    select(model.id, name_column)
                    .where(lowered.like(pattern, escape="\\"))
                    .order_by(name_column)
                    .limit(21)
                ).all()
            )
        if not matches:
            raise NotFoundError(f"No {what} is called or numbered '{text}'.")
        if len(matches) > 1:
            listed = "\n".join(f"  {i}: {n}" for i, n in matches[:20])
            raise BrokerDeskError(
                f"'{text}' matches several {what}s; give the id of one of them:\n{listed}"
            )
        return int(matches[0][0])

    return find


def find_region(db: Database, text: str) -> Key:
    """The region named (any case), from the regions the team reports on."""
    for region in v.REGIONS:
        if region.lower() == text.strip().lower():
            return region
    raise NotFoundError(f"No region is called '{text}'; choose one of: {', '.join(v.REGIONS)}.")


KINDS: dict[str, ReportKind] = {
    kind.name: kind
    for kind in (
        ReportKind("partner", "Partner summary", "partner", partner_report, find_partner),
        ReportKind(
            "programme",
            "Programme summary",
            "programme",
            programme_report,
            _find_named(Programme, Programme.name, "programme"),
        ),
        ReportKind(
            "library-service",
            "Library service summary",
            "library service",
            library_service_report,
            _find_named(LibraryService, LibraryService.nice_name, "library service"),
        ),
        ReportKind("region", "Region summary", "region", region_report, find_region),
        ReportKind(
            "series",
            "Series summary",
            "series",
            series_report,
            _find_named(Series, Series.name, "series"),
        ),
    )
}


def gather(db: Database, kind: str, key: Key) -> Report:
    """The report of one record. Raises NotFoundError when it no longer exists."""
    return KINDS[kind].gather(db, key)


def report_choices(db: Database) -> list[tuple[str, Key, str]]:
    """(kind, key, title) of every report there is to choose from, for a board pack: the
    regions first, then programmes, partners, library services and series, each by name."""
    choices: list[tuple[str, Key, str]] = [
        ("region", region, f"Region summary: {region}") for region in v.REGIONS
    ]
    with db.read() as session:
        for kind, model, name in (
            ("programme", Programme, Programme.name),
            ("partner", Partner, Partner.name),
            ("library-service", LibraryService, LibraryService.nice_name),
            ("series", Series, Series.name),
        ):
            label = KINDS[kind].label
            choices += [
                (kind, int(i), f"{label}: {n}")
                for i, n in session.execute(select(model.id, name).order_by(name, model.id))
            ]
    return choices
