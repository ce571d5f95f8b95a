"""The programme participation matrix: library services down, programmes across, stage in each cell.

This is the sheet a regional meeting reads ("who is in what, how far along"), so every
library service is listed, including those in no programme yet: a blank row is a gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

import brokerdesk.core.exporting.safety as safety
from brokerdesk.core import vocabulary as v
from brokerdesk.core.db import Database
from brokerdesk.core.errors import NotFoundError
from brokerdesk.core.exporting.spreadsheets import SheetWriter, workbook_options
from brokerdesk.core.exporting.summary import could_be_id
from brokerdesk.core.exporting.tables import Cell
from brokerdesk.core.models import LibraryService, Participation, Programme

FIXED_HEADERS = ["Library service", "GSS code", "Nation", "Region", "Member"]


def participation_matrix(
    db: Database, programme_ids: Sequence[int] | None = None
) -> tuple[list[str], list[list[Cell]]]:
    """Headers and rows of the matrix, for the programmes given (all when None).

    A service linked to a programme through several branches shows each distinct stage,
    separated by "; ".

    Raises:
        NotFoundError: a requested programme does not exist.
    """
    with db.read() as session:
        query = select(Programme.id, Programme.name).order_by(Programme.name, Programme.id)
        if programme_ids is not None:
            query = query.where(Programme.id.in_([i for i in programme_ids if could_be_id(i)]))
        programmes = session.execute(query).all()
        if programme_ids is not None:
            missing = set(programme_ids) - {p.id for p in programmes}
            if missing:
                listed = ", ".join(str(i) for i in sorted(missing))
                raise NotFoundError(f"There is no programme with id {listed}.")
        services = session.execute(
            select(
                LibraryService.id,
                LibraryService.nice_name,
                LibraryService.gss_code,
                LibraryService.nation,
                LibraryService.region,
                LibraryService.is_member,
            ).order_by(LibraryService.nation, LibraryService.region, LibraryService.nice_name)
        ).all()
        column = {p.id: i for i, p in enumerate(programmes)}
        stages: dict[tuple[int, int], list[str]] = {}
        links = select(Participation.service_id, Participation.programme_id, Participation.stage)
        if programme_ids is not None:
            links = links.where(Participation.programme_id.in_(list(column)))
        for service_id, programme_id, stage in session.execute(links.order_by(Participation.id)):
            cell = stages.setdefault((service_id, programme_id), [])
            label = v.label(v.STAGE_LABELS, stage)
            if label not in cell:
                cell.append(label)
    headers = FIXED_HEADERS + [p.name for p in programmes]
    rows: list[list[Cell]] = []
    for s in services:
        row: list[Cell] = [s.nice_name, s.gss_code, s.nation, s.region, bool(s.is_member)]
        row += ["; ".join(stages.get((s.id, p.id), [])) or None for p in programmes]
        rows.append(row)
    return headers, rows


def write_participation_matrix(
    db: Database,
    path: Path,
    *,
    programme_ids: Sequence[int] | None = None,
    overwrite: bool = False,
) -> Path:
    """The matrix as one XLSX sheet, with the service columns frozen beside the stages.

    Raises:
        DatabaseFileRefused: ``path`` is the database itself, its journal or its backups.
    """
    safety.refuse_database_files(db.path, [path])
    headers, rows = participation_matrix(db, programme_ids)
    with safety.atomic_path(path, overwrite=overwrite) as tmp, safety.in_memory(tmp) as out:
        import xlsxwriter  # loaded when a workbook is written, not at start-up

        workbook = xlsxwriter.Workbook(out, workbook_options())
        writer = SheetWriter(workbook)
        sheet = writer.table("Participation matrix", headers, rows)
        sheet.freeze_panes(1, 1)
        workbook.close()
    return path
