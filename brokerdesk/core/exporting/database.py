"""The whole database as one XLSX workbook, and the way back into an empty database.

One sheet per table, headed by the column names, rows in primary-key order. Dates, whole
numbers, amounts and yes/no values are real spreadsheet types. Timestamps (``created_at``,
audit times) are written as ISO 8601 text because a spreadsheet keeps times only to the
millisecond, and the record-keeping times must come back exactly. Text is neutralised in
the reversible way (:func:`safety.neutralise`), so the workbook is safe to open and the
import gives back exactly what was stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, Table, func, insert, select
from sqlalchemy import text as sql_text

import brokerdesk.core.exporting.safety as safety
from brokerdesk.core import clock
from brokerdesk.core.db import Database
from brokerdesk.core.errors import BrokerDeskError, Cancelled, RefusedError
from brokerdesk.core.exporting.spreadsheets import SheetWriter, workbook_options
from brokerdesk.core.models import Base

ABOUT_SHEET = "About"
FORMAT_MARK = "BrokerDesk database workbook"
FORMAT_VERSION = 1
CHUNK = 2000

Progress = Callable[[int, int], object]
CancelCheck = Callable[[], bool]


class WorkbookImportError(BrokerDeskError):
    """The workbook cannot be imported; the database is unchanged."""


# Kept files do not fit a spreadsheet (a cell holds 32,767 characters): the workbook leaves
# the documents out, and says so on its About sheet. The database file, its backups and the
# team server keep them.
LEFT_OUT = ("document", "document_content")


def tables_in_order() -> list[Table]:
    """Every BrokerDesk table but the documents, parents before children (the order an
    import must follow)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in LEFT_OUT]


def _export_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    return value


def _stopped(
    progress: Progress | None, cancelled: CancelCheck | None, done: int, total: int
) -> bool:
    going_on = progress(done, total) if progress else None
    return going_on is False or bool(cancelled and cancelled())


def export_database_workbook(
    db: Database,
    path: Path,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write every table to one workbook at ``path``.

    Args:
        progress: called with (tables done, tables in all); returning False cancels.
        cancelled: polled between tables; True cancels.

    Raises:
        FileExistsRefused: ``path`` exists and ``overwrite`` is False.
        DatabaseFileRefused: ``path`` is the database itself, its journal or its backups.
        Cancelled: the user cancelled; no file was left behind.
    """
    safety.refuse_database_files(db.path, [path])
    tables = tables_in_order()
    with (
        safety.atomic_path(path, overwrite=overwrite) as tmp,
        safety.in_memory(tmp) as out,
        db.read() as session,
    ):
        import xlsxwriter  # loaded when a workbook is written, not at start-up

        workbook = xlsxwriter.Workbook(out, workbook_options())
        writer = SheetWriter(workbook, reversible=True)
        about: list[list[Any]] = [
            ["format", FORMAT_MARK],
            ["version", FORMAT_VERSION],
            ["source", db.description],
            ["exported_at", clock.now().replace(microsecond=0).isoformat()],
            ["left_out", "documents (their files stay in the database and its backups)"],
        ]
        writer.table(ABOUT_SHEET, ["key", "value"], about)
        for done, table in enumerate(tables):
            if _stopped(progress, cancelled, done, len(tables)):
                workbook.close()
                raise Cancelled("The database export was cancelled; no file was written.")
            query = select(table).order_by(*table.primary_key.columns)
            rows = [[_export_value(v) for v in row] for row in session.execute(query)]
            writer.table(table.name, [c.name for c in table.columns], rows)
        workbook.close()
        if progress:
            progress(len(tables), len(tables))
    return path


def _import_value(column: Any, value: Any, where: str) -> Any:
    if value is None or value == "":
        return None
    kind = column.type
    try:
        if isinstance(kind, Boolean):
            return bool(value)
        if isinstance(kind, Integer):
            return int(value)
        if isinstance(kind, DateTime):
            stamp = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
        if isinstance(kind, Date):
            if isinstance(value, dt.datetime):
                return value.date()
            return dt.date.fromisoformat(value) if isinstance(value, str) else value
        if isinstance(kind, Numeric) and not isinstance(kind, Float):
            scale = kind.scale if kind.scale is not None else 2
            return Decimal(str(value)).quantize(Decimal(1).scaleb(-scale))
        if isinstance(kind, Float):
            return float(value)
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise WorkbookImportError(f"{where}: '{value}' is not a valid {kind}.") from exc
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number in a spreadsheet
    return safety.restore_text(str(value))


def _read_sheets(path: Path) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    except FileNotFoundError as exc:
        raise WorkbookImportError(f"There is no file at {path}.") from exc
    except Exception as exc:  # calamine raises its own types for unreadable files
        raise WorkbookImportError(f"{path} is not a readable XLSX workbook: {exc}") from exc


def _rows_for(table: Table, sheet: list[list[Any]]) -> list[dict[str, Any]]:
    if not sheet:
        return []
    headers = [str(h) for h in sheet[0]]
    columns = {c.name: c for c in table.columns}
    unknown = [h for h in headers if h and h not in columns]
    if unknown:
        raise WorkbookImportError(
            f"Sheet '{table.name}' has columns this version does not know: {', '.join(unknown)}."
        )
    missing = [c.name for c in table.columns if c.name not in headers and not c.nullable]
    if missing:
        raise WorkbookImportError(f"Sheet '{table.name}' lacks columns: {', '.join(missing)}.")
    rows = []
    for number, raw in enumerate(sheet[1:], start=2):
        if all(v is None or v == "" for v in raw):
            continue
        rows.append(
            {
                h: _import_value(columns[h], v, f"Sheet '{table.name}' row {number} column {h}")
                for h, v in zip(headers, raw, strict=False)
                if h
            }
        )
    return rows


def import_database_workbook(
    db: Database,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> dict[str, int]:
    """Restore a workbook from :func:`export_database_workbook` into an EMPTY database.

    Ids are kept, tables are filled parents first, and everything happens in one
    transaction: on any error or cancel the database stays empty.

    Returns:
        Rows imported per table.

    Raises:
        WorkbookImportError: not a BrokerDesk workbook, a value of the wrong type, or rows
            the database rules refuse.
        BrokerDeskError: the database already holds data.
        Cancelled: the user cancelled.
    """
    sheets = _read_sheets(path)
    about = {str(r[0]): r[1] for r in sheets.get(ABOUT_SHEET, [])[1:] if r}
    if about.get("format") != FORMAT_MARK:
        raise WorkbookImportError(f"{path.name} is not a BrokerDesk database workbook.")
    if int(about.get("version") or 0) > FORMAT_VERSION:
        raise WorkbookImportError(f"{path.name} was written by a newer BrokerDesk.")
    tables = tables_in_order()
    counts: dict[str, int] = {}
    try:
        with db.write() as session:
            session.info["audit_disabled"] = True
            for table in tables:
                if session.scalar(select(func.count()).select_from(table)):
                    raise BrokerDeskError(
                        "The database already holds data; a whole-database workbook can only "
                        "be imported into an empty database. Nothing was imported."
                    )
            for done, table in enumerate(tables):
                if _stopped(progress, cancelled, done, len(tables)):
                    raise Cancelled("The import was cancelled; nothing was imported.")
                rows = _rows_for(table, sheets.get(table.name, []))
                for start in range(0, len(rows), CHUNK):
                    session.execute(insert(table), rows[start : start + CHUNK])
                counts[table.name] = len(rows)
            if db.url.get_backend_name() == "postgresql":
                for table in tables:
                    if "id" in table.columns and counts.get(table.name):
                        session.execute(
                            sql_text(
                                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                f"(SELECT max(id) FROM {table.name}))"
                            )
                        )
    except RefusedError as exc:
        raise WorkbookImportError(
            f"The database refused the workbook's rows ({exc.detail}); nothing was imported."
        ) from exc
    if progress:
        progress(len(tables), len(tables))
    return counts
