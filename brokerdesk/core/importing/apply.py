"""Preview an import, then apply it in one transaction: all of it, or none of it.

The wizard's steps map onto these calls: :func:`preview` plans the first rows for the
preview page (errors, warnings and matches to review on each); :func:`run_import` applies the
whole file in chunks inside one ``db.write()`` transaction, reporting progress and checking
for cancel between chunks. A refused row refuses the whole file unless the user chose to
skip invalid rows; a cancel, a dry run or a refusal rolls everything back.
"""

from __future__ import annotations

import csv
import gc
import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import brokerdesk.core.importing.own_fields as own_fields
from brokerdesk.core import audit
from brokerdesk.core.backup import backup_before
from brokerdesk.core.db import Database
from brokerdesk.core.errors import Cancelled, RefusedError, ValidationError
from brokerdesk.core.importing.base import Importer, ImportOptions, RowPlan
from brokerdesk.core.importing.kinds_places import IMPORTERS
from brokerdesk.core.importing.mapping import Mapping_, check_mapping, not_imported
from brokerdesk.core.importing.readers import Chunk, SpreadsheetFile
from brokerdesk.core.importing.row_contacts import ContactWriter
from brokerdesk.core.importing.trail import ImportTrail, import_source

Progress = Callable[[int, int], None]
MAX_KEPT_WARNINGS = 1_000
MAX_KEPT_REFUSED = 10_000  # a garbage 200 MB file must not fill memory with its reasons


@dataclass
class RefusedRow:
    """A row that was not imported, and every reason why.

    Attributes:
        row: its row number in the file.
        reasons: every reason, at once.
        cells: its cleaned cells by field.
        original: every cell of the row as the file had it, mapped or not, for the
            refused-rows file.
    """

    row: int
    reasons: list[str]
    cells: dict[str, str] = field(default_factory=dict)
    original: list[str] = field(default_factory=list)


@dataclass
class ImportSummary:
    """What an import did (or, when ``written`` is False, would have done).

    Attributes:
        kind: the importer (``participations``...).
        created, updated, skipped, refused: row counts; ``refused`` includes unresolved
            reviews.
        refused_rows: each refused row with its reasons, the first ten thousand
            (saveable with :meth:`save_refused_csv`).
        warnings: (row, message) pairs, the first thousand.
        written: whether the database was changed.
        dry_run: the user asked only to check.
        backup: the backup taken before writing (SQLite only).
        headers: the file's header row, for the refused-rows file.
        not_imported: the columns no field takes (nothing of them is imported).
        above_header: the rows above the header (a title, notes), as (row, text).
        header_row: the header's row number in the file.
        contacts_created: new contacts made from the rows' contact columns.
    """

    kind: str
    created: int = 0
    updated: int = 0
    skipped: int = 0
    refused: int = 0
    refused_rows: list[RefusedRow] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False
    backup: str | None = None
    headers: list[str] = field(default_factory=list)
    not_imported: list[str] = field(default_factory=list)
    above_header: list[tuple[int, str]] = field(default_factory=list)
    header_row: int = 1
    contacts_created: int = 0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.skipped + self.refused

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rows"] = self.rows
        return data

    def save_refused_csv(self, path: str | Path) -> Path:
        """The refused rows as the file had them, under its own headers, every column kept
        (mapped or not), with a last column "Reason" (the row number and every reason):
        fix the cells, and the file imports again as it is.

        A cell a spreadsheet would run as a formula (``=HYPERLINK(...)`` in the file that was
        refused) is written with a leading quote, as every CSV export does; the importer reads
        ``'=`` back as ``=``, so the corrected file imports what was typed."""
        from brokerdesk.core.exporting.safety import neutralise

        target = Path(path)
        headers = list(self.headers)
        if not headers:  # a summary made without its file's header (older callers)
            headers = sorted({k for r in self.refused_rows for k in r.cells})
        reason = "Reason"
        while reason in headers:
            reason = f"{reason} (BrokerDesk)"
        # Written beside it and renamed: a full disk leaves no half report, and the file it
        # replaces is kept until the new one is whole.
        partial = target.with_name(target.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow([neutralise(h) for h in headers] + [reason])
                for item in self.refused_rows:
                    cells = item.original or [item.cells.get(h, "") for h in headers]
                    cells = (list(cells) + [""] * len(headers))[: len(headers)]
                    why = f"Row {item.row}: " + " | ".join(item.reasons)
                    writer.writerow([neutralise(str(c)) for c in cells] + [neutralise(why)])
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return target


@dataclass
class Preview:
    """The first rows planned, for the wizard's preview page.

    Attributes:
        not_imported: the columns no field takes.
        above_header: the rows above the header (a title, notes), as (row, text).
    """

    headers: list[str]
    mapping: Mapping_
    plans: list[RowPlan]
    total_estimate: int
    not_imported: list[str] = field(default_factory=list)
    above_header: list[tuple[int, str]] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for p in self.plans if p.action == action)

    @property
    def reviews(self) -> list[RowPlan]:
        return [p for p in self.plans if p.action == "review"]


class _RollBack(Exception):  # noqa: N818 - control flow: leave the transaction without commit
    pass


def importer_class(kind: str) -> type[Importer]:
    try:
        return IMPORTERS[kind]
    except KeyError:
        known = ", ".join(IMPORTERS)
        message = f"'{kind}' is not something BrokerDesk imports ({known})."
        raise ValidationError({"kind": message}) from None


def _columns(
    importer: type[Importer], headers: list[str], mapping: Mapping_, db: Database
) -> list[tuple[int, str]]:
    problems = check_mapping(own_fields.all_targets(db, importer), headers, mapping)
    if problems:
        raise ValidationError(
            {"mapping": " ".join(problems)},
            "The column mapping cannot be used: " + " ".join(problems),
        )
    return [(headers.index(h), f) for h, f in mapping.items()]


def _cells(columns: list[tuple[int, str]], row: list[str]) -> dict[str, str]:
    return {name: row[i] if i < len(row) else "" for i, name in columns}


def _row_cells(columns: list[tuple[int, str]]) -> Callable[[list[str]], dict[str, str]]:
    """:func:`_cells` for every row of a file, its columns looked up once (bench_import)."""
    if not columns:
        return lambda row: {}
    names = [name for _, name in columns]
    width = max(i for i, _ in columns) + 1
    pick = operator.itemgetter(*(i for i, _ in columns))
    if len(columns) == 1:
        return lambda row: {names[0]: pick(row)} if len(row) >= width else _cells(columns, row)
    return lambda row: (
        dict(zip(names, pick(row), strict=True)) if len(row) >= width else _cells(columns, row)
    )


def preview(
    db: Database,
    source: SpreadsheetFile,
    kind: str,
    mapping: Mapping_,
    options: ImportOptions | None = None,
    sheet: str | None = None,
    limit: int = 200,
    cancel: Callable[[], bool] | None = None,
) -> Preview:
    """Plan the first ``limit`` rows without writing anything.

    Raises:
        Cancelled: ``cancel`` returned True (it is checked before each row).
    """
    cls = importer_class(kind)
    header = source.sheet(sheet)
    columns = _columns(cls, header.headers, mapping, db)
    plans: list[RowPlan] = []
    raw: list[list[str]] = []
    with db.read() as session:
        importer = cls(session, options or ImportOptions())
        for chunk in source.rows(sheet, chunk_rows=min(limit, 1000)):
            for number, row in chunk.rows:
                if cancel is not None and cancel():
                    raise Cancelled("The check of the first rows was cancelled.")
                raw.append(row)
                plans.append(importer.plan(number, _cells(columns, row)))
                if len(plans) >= limit:
                    break
            if len(plans) >= limit:
                break
        importer.skip_unchanged(plans)
    left = not_imported(header.headers, mapping, raw)
    return Preview(
        header.headers, dict(mapping), plans, source.estimate_rows(sheet), left, header.above
    )


def run_import(
    db: Database,
    source: SpreadsheetFile,
    kind: str,
    mapping: Mapping_,
    options: ImportOptions | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import the whole file in one transaction.

    Args:
        progress: called with (rows done, estimated total) after each chunk.
        cancel: checked between chunks; when it returns True the import stops, nothing is
            written, and :class:`~brokerdesk.core.errors.Cancelled` is raised.

    Returns:
        The summary; ``written`` says whether anything was saved.

    Raises:
        ValidationError: the mapping or options cannot be used, or the database refused
            the rows; nothing was written.
        Cancelled: the user cancelled; nothing was written.
    """
    opts = options or ImportOptions()
    cls = importer_class(kind)
    header = source.sheet(sheet)
    columns = _columns(cls, header.headers, mapping, db)
    cells = _row_cells(columns)
    total = source.estimate_rows(sheet)
    summary = ImportSummary(
        kind,
        dry_run=opts.dry_run,
        headers=list(header.headers),
        above_header=header.above,
        header_row=header.header_line,
    )
    unheaded = [i for i, h in enumerate(header.headers) if not h.strip()]
    with_data: set[int] = set()  # columns without a header, listed once they hold something
    if not opts.dry_run:
        made = backup_before(db, "before-import")
        summary.backup = str(made) if made else None
    # A dry run saves nothing, so it reads: it needs no write lock and waits for no writer.
    transaction = db.read() if opts.dry_run else db.write()
    try:
        with transaction as session:
            # Bulk SQL, not the ORM: the trail records each record's change instead of the hook.
            session.info["audit_disabled"] = True
            importer = cls(session, opts)
            trail = ImportTrail(session, importer.table, import_source(source.path.name))
            contacts = ContactWriter(
                session, opts, import_source(source.path.name), IMPORTERS["contacts"]
            )
            done = 0
            for chunk in _collector_paused(source.rows(sheet)):
                if cancel is not None and cancel():
                    raise Cancelled("The import was cancelled; nothing was written.")
                creates, updates = [], []
                plans = [importer.plan(number, cells(row)) for number, row in chunk.rows]
                importer.finish_chunk(plans)
                for (_number, row), plan in zip(chunk.rows, plans, strict=True):
                    _count(summary, plan, row)
                    if plan.action == "create":
                        creates.append(plan.values)
                    elif plan.action == "update":
                        updates.append(plan)
                healthy = summary.refused == 0 or opts.skip_invalid
                if healthy and not opts.dry_run:
                    _write(importer, trail, contacts, plans, creates, updates)
                elif importer.contact_link:
                    summary.contacts_created += len(_new_people(plans))
                done += len(chunk)
                with_data.update(
                    i
                    for i in unheaded
                    if i not in with_data
                    and any(i < len(r) and r[i].strip() for _, r in chunk.rows)
                )
                if progress is not None:
                    progress(done, max(total, done))
            if progress is not None:
                progress(done, done)
            marks = [["x" if i in with_data else "" for i in range(len(header.headers))]]
            summary.not_imported = not_imported(header.headers, mapping, marks)
            if cancel is not None and cancel():  # Cancel pressed during the last chunk
                raise Cancelled("The import was cancelled; nothing was written.")
            summary.contacts_created += contacts.created
            if opts.dry_run or (summary.refused and not opts.skip_invalid):
                raise _RollBack
            audit.record(
                session,
                "import",
                str(cls.model.__tablename__),
                f"Imported {source.path.name}: {summary.created} created, "
                f"{summary.updated} updated, {summary.skipped} skipped, "
                f"{summary.refused} refused",
                None,
                {
                    "file": source.path.name,
                    "kind": kind,
                    "mapping": dict(mapping),
                    "created": summary.created,
                    "updated": summary.updated,
                    "skipped": summary.skipped,
                    "refused": summary.refused,
                },
            )
    except _RollBack:
        return summary
    except RefusedError as exc:
        raise ValidationError(
            {},
            f"The database refused the import, so nothing was written ({exc.detail}).",
        ) from exc
    summary.written = True
    return summary


def _collector_paused(chunks: Iterable[Chunk]) -> Iterator[Chunk]:
    """The chunks, read, planned and written with Python's cycle collector paused.

    A chunk's plans (a dict or list for every cell and row) live until it is written, so the
    collector walked them again and again as they aged: 15 % of a 100,000-row import
    (bench_import). Reference counting frees a chunk's objects once it is written, as usual;
    the youngest objects are collected every 50,000 rows or so, which frees any cycles among
    them: a long file's memory stays flat.
    """
    running = gc.isenabled()
    gc.disable()
    rows = 0
    try:
        for chunk in chunks:
            yield chunk
            rows += len(chunk)
            if rows >= 50_000:
                gc.collect(0)
                rows = 0
    finally:
        if running:
            gc.enable()


def _new_people(plans: list[RowPlan]) -> set[tuple[str, str]]:
    """The new contacts a chunk's rows would make (for a check that writes nothing)."""
    return {
        ((p.contact["email"] or "").lower(), p.contact["full_name"])
        for p in plans
        if p.contact is not None and p.action in ("create", "update")
    }


def _write(
    importer: Importer,
    trail: ImportTrail,
    contacts: ContactWriter,
    plans: list[RowPlan],
    creates: list[dict[str, Any]],
    updates: list[RowPlan],
) -> None:
    """Write a chunk's rows, and the contacts they name: before the rows when a row points
    at its contact (a participation's local contact), after them when the contact belongs to
    the row's new record (a partner's)."""
    written = [p for p in plans if p.action in ("create", "update")]
    if importer.contact_link == "local_contact_id":
        for row, contact_id in contacts.write(written, "service_id").items():
            next(p for p in written if p.row == row).values["local_contact_id"] = contact_id
        created = trail.write(importer.write, creates, updates)
        own_fields.write_rows(importer, plans, created, trail.source)
        return
    created = trail.write(importer.write, creates, updates)
    own_fields.write_rows(importer, plans, created, trail.source)
    if importer.contact_link == "partner_id":
        new = [p for p in written if p.action == "create"]
        for plan, record_id in zip(new, created, strict=True):
            plan.values["partner_id"] = record_id
        for plan in written:
            if plan.action == "update":
                plan.values["partner_id"] = plan.record_id
        contacts.write(written, "partner_id")
        for plan in written:
            plan.values.pop("partner_id", None)


def _count(summary: ImportSummary, plan: RowPlan, original: list[str] | None = None) -> None:
    if plan.action in ("refuse", "review"):
        summary.refused += 1
        if len(summary.refused_rows) < MAX_KEPT_REFUSED:  # the count stays exact
            summary.refused_rows.append(
                RefusedRow(plan.row, list(plan.errors), dict(plan.source), list(original or []))
            )
    elif plan.action == "create":
        summary.created += 1
    elif plan.action == "update":
        summary.updated += 1
    else:
        summary.skipped += 1
    for message in plan.warnings:
        if len(summary.warnings) < MAX_KEPT_WARNINGS:
            summary.warnings.append((plan.row, message))
