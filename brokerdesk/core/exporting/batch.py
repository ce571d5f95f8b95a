"""Summaries for many partners at once: one file each plus an index, with progress and cancel.

The writer for one summary is passed in (the PDF writer lives in ``brokerdesk.reports``,
which needs Qt; the XLSX and CSV writers live here), so this module stays free of Qt and the
GUI, the command line and the benchmark all run the same loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

import brokerdesk.core.exporting.safety as safety
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, Cancelled
from brokerdesk.core.exporting.spreadsheets import (
    write_partner_summary_csv,
    write_partner_summary_xlsx,
    write_tables_csv,
    write_tables_xlsx,
)
from brokerdesk.core.exporting.summary import PartnerSummary, could_be_id, gather_partner_summary
from brokerdesk.core.exporting.tables import SUMMARY_TABLE_NAMES, Column, Table
from brokerdesk.core.models import Partner

FORMATS = ("pdf", "xlsx", "csv")
SummaryWriter = Callable[..., Path]
"""``write(summary, path, overwrite=bool) -> Path``: one summary to one file (or folder)."""
Progress = Callable[[int, int], object]
CancelCheck = Callable[[], bool]

SPREADSHEET_WRITERS: dict[str, SummaryWriter] = {
    "xlsx": write_partner_summary_xlsx,
    "csv": write_partner_summary_csv,
}


@dataclass
class BatchResult:
    """What a batch wrote: (partner id, partner name, file) per partner, and the index files."""

    files: list[tuple[int, str, Path]] = field(default_factory=list)
    index_files: list[Path] = field(default_factory=list)


def summary_file_name(partner_id: int, name: str, fmt: str) -> str:
    """``Reading Agency (12).pdf``: the name made safe, the id keeping it unique.

    A long name is cut (to fit a disk's limit in bytes, on a character boundary), never the
    id after it, so two partners whose names start alike still get two files.
    """
    tail = f" ({partner_id})" + ("" if fmt == "csv" else f".{fmt}")
    room = safety.MAX_NAME_BYTES - len(tail.encode("utf-8"))
    return safety.safe_filename(name, default="partner", max_bytes=room) + tail


def _targets(path: Path, fmt: str) -> list[Path]:
    if fmt == "csv":
        return [path / f"{n}.csv" for n in SUMMARY_TABLE_NAMES]
    return [path]


def partners_to_export(db: Database, partner_ids: Sequence[int] | None) -> list[tuple[int, str]]:
    """(id, name) of the chosen partners (all when None), in name order.

    Raises:
        BrokerDeskError: an id names no partner.
    """
    with db.read() as session:
        query = select(Partner.id, Partner.name).order_by(Partner.name, Partner.id)
        if partner_ids is not None:
            query = query.where(Partner.id.in_([i for i in partner_ids if could_be_id(i)]))
        found = [(int(i), str(n)) for i, n in session.execute(query)]
    if partner_ids is not None:
        missing = sorted(set(partner_ids) - {i for i, _ in found})
        if missing:
            raise BrokerDeskError(
                f"There is no partner with id {', '.join(str(i) for i in missing)}; "
                "nothing was written."
            )
    return found


def export_partner_summaries(
    db: Database,
    folder: Path,
    fmt: str,
    write: SummaryWriter,
    partner_ids: Sequence[int] | None = None,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    today: dt.date | None = None,
) -> BatchResult:
    """Write one summary per partner into ``folder``, then ``index.csv`` and ``index.xlsx``.

    Every target is checked before anything is written, so a refusal writes nothing. Each
    file goes to a temporary name first; a cancel stops between partners, leaves the whole
    files already written and no partial one, and writes no index.

    Args:
        fmt: ``pdf``, ``xlsx`` or ``csv`` (a folder of CSV files per partner).
        write: the writer for one summary (see ``brokerdesk.reports.summary_writer``).
        progress: called with (partners done, partners in all); returning False cancels.
        cancelled: polled before each partner; True cancels.

    Raises:
        FileExistsRefused: a target exists and ``overwrite`` is False.
        Cancelled: the user cancelled.
    """
    if fmt not in FORMATS:
        raise BrokerDeskError(f"'{fmt}' is not an export format; choose pdf, xlsx or csv.")
    partners = partners_to_export(db, partner_ids)
    if not partners:
        raise BrokerDeskError("There are no partners to export.")
    plan = [(pid, name, folder / summary_file_name(pid, name, fmt)) for pid, name in partners]
    index_paths = [folder / "index.csv", folder / "index.xlsx"]
    every_file = [t for _, _, p in plan for t in _targets(p, fmt)] + index_paths
    safety.refuse_database_files(db.path, [folder, *every_file])
    safety.refuse_existing(every_file, overwrite)
    result = BatchResult()
    total = len(plan)
    for done, (pid, name, path) in enumerate(plan):
        keep_going = progress(done, total) if progress else None
        if keep_going is False or (cancelled is not None and cancelled()):
            raise Cancelled(
                f"Cancelled after {done} of {total} summaries; the index was not written."
            )
        summary: PartnerSummary = gather_partner_summary(db, pid, today=today)
        try:
            write(summary, path, overwrite=overwrite)
        except safety.ExportError as exc:
            if done and type(exc) is safety.ExportError:  # a full disk, a lost folder
                raise safety.ExportError(
                    f"{exc} The {done} of {total} summaries before it were written whole to "
                    f"{folder}; the index was not written."
                ) from exc
            raise
        result.files.append((pid, name, path))
    index = Table(
        "index",
        [Column("Partner id", "int", 10), Column("Partner", width=40), Column("File", width=50)],
        [[pid, name, path.name] for pid, name, path in result.files],
    )
    write_tables_csv([index], folder, overwrite=overwrite)
    write_tables_xlsx([index], index_paths[1], overwrite=overwrite)
    result.index_files = index_paths
    if progress:
        progress(total, total)
    return result
