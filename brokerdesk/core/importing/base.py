"""What every importer shares: options, the plan for one row, and bulk writing.

An importer turns one row of cleaned text into a :class:`RowPlan` (create, update, skip,
refuse, or review) using the entity service's declared fields for validation, so an import
accepts exactly what the form accepts. Writing is bulk SQL inside the caller's transaction;
the history gets one summary event for the import and, through ``importing/trail.py``, an
entry for every record it created or changed, named with the import as its source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sqlalchemy import Column, Integer, MetaData, Table, Text, bindparam, insert, select, update
from sqlalchemy.orm import Session

import brokerdesk.core.importing.loose as loose
import brokerdesk.core.importing.own_fields as own_fields
import brokerdesk.core.services.custom_values as custom_values
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.importing.cleaning import clean_cell, clean_email
from brokerdesk.core.importing.folding import invisible_only
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.importing.matching import Match
from brokerdesk.core.models import Base, utcnow
from brokerdesk.core.services.fields import Field, check_date_order, validate

ON_MATCH = ("skip", "update", "create")
_TEXT_KINDS = ("text", "longtext", "url")
_LOOSE_KINDS = frozenset({"choice", "bool", "int", "decimal", "date", "email", "url"})
_PLAIN: tuple[bool, Field | None] = (False, None)  # a cell no declared field takes


def _as_stored(declared: Field, text: str) -> bool:
    """Already the value as stored (most cells of a big file): nothing to read loosely."""
    kind = declared.kind
    if kind == "int":
        return text.isdigit()
    if kind == "choice":
        return declared.choices is not None and text in declared.choices
    if kind == "date":
        return len(text) == 10 and text[4] == text[7] == "-" and text[:4].isdigit()
    return False


@dataclass
class ImportOptions:
    """The choices the wizard's pages (or the command line's options) make.

    Attributes:
        on_match: what to do with a row that matches an existing record (``skip``,
            ``update`` or ``create``); None takes the importer's own default.
        skip_invalid: import the good rows and report the refused ones, instead of
            refusing the whole file.
        accept_best: take the best candidate of an uncertain match instead of refusing it.
        resolutions: row number -> the record the user chose in review (None: none fits /
            create a new one).
        stage: participations: the stage when the file has no stage column.
        programme_id: participations: the programme when the file has no programme column.
        dry_run: check and count everything, write nothing.
    """

    on_match: str | None = None
    skip_invalid: bool = False
    accept_best: bool = False
    resolutions: dict[int, int | None] = field(default_factory=dict)
    stage: str | None = None
    programme_id: int | None = None
    dry_run: bool = False


@dataclass
class Review:
    """An uncertain match a person must settle: which record did the file mean?"""

    column: str
    text: str
    match: Match


@dataclass
class RowPlan:
    """What will happen to one row, and why.

    Attributes:
        row: the row number in the file (the header is row 1 in a typical sheet).
        action: ``create``, ``update``, ``skip``, ``refuse`` or ``review``.
        values: the validated values to write.
        record_id: for ``update`` and a matched ``skip``, the existing record.
        errors: why the row is refused.
        warnings: things worth a look that do not stop the row.
        review: the uncertain match, for ``review``.
        source: the row's cleaned cells by field, for the refused-rows report.
    """

    row: int
    action: str = "create"
    values: dict[str, Any] = field(default_factory=dict)
    record_id: int | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    review: Review | None = None
    source: dict[str, str] = field(default_factory=dict)
    key: str | None = None  # what makes the row the same record as another row of the file
    typed: dict[str, str] = field(default_factory=dict)  # cells as typed, where read loosely
    contact: dict[str, Any] | None = None  # a new contact the row names (row_contacts.py)
    own: dict[str, Any] = field(default_factory=dict)  # the team's own fields, parsed

    def refuse(self, message: str) -> RowPlan:
        self.errors.append(message)
        self.action = "refuse"
        return self

    def skip(self) -> None:
        """Skip the row: it writes nothing, so it makes no new contact either."""
        self.action = "skip"
        if self.contact is not None:
            self.contact = None
            self.warnings = [w for w in self.warnings if not w.startswith("New contact:")]


class Importer:
    """Base of one importer per kind. Subclasses declare the class attributes and
    :meth:`resolve` (turn cells into field values and find the existing record).

    Args:
        session: the import's session (the write transaction, or a read for a preview).
        options: the user's choices.
    """

    kind: ClassVar[str]
    noun: ClassVar[str]  # plural, for summaries ("participations")
    model: ClassVar[type[Base]]
    fields: ClassVar[tuple[Field, ...]]
    targets: ClassVar[tuple[Target, ...]]
    defaults: ClassVar[Mapping[str, Any]] = {}
    # Fields whose cells are reference names resolved to ids (not validated as text).
    lookups: ClassVar[frozenset[str]] = frozenset()
    # Groups of fields of which at least one needs a column (a service by name or by code).
    one_of: ClassVar[tuple[tuple[str, ...], ...]] = ()
    allow_create_on_match: ClassVar[bool] = False
    # Where a new contact the row names goes: "local_contact_id" (the row points at it, so
    # it is written first) or "partner_id" (it belongs to the row's record, written after).
    contact_link: ClassVar[str | None] = None
    default_on_match: ClassVar[str] = "skip"

    @property
    def singular(self) -> str:
        return self.noun[:-2] if self.noun.endswith("ches") else self.noun[:-1]

    def __init__(self, session: Session, options: ImportOptions) -> None:
        self.session = session
        self.options = options
        self.on_match = options.on_match or self.default_on_match
        if self.on_match not in ON_MATCH:
            raise ValidationError({"on_match": f"'{self.on_match}' is not skip, update or create."})
        self._by_name = {f.name: f for f in self.fields}
        self._seen: dict[Any, RowPlan] = {}  # this chunk's keys (earlier chunks: a temp table)
        self._remembered = False  # whether the temp table holds any key yet
        self._memo: dict[tuple[str, Any], tuple[bool, Any]] = {}
        self.invisible: dict[str, str] = {}  # this row's cells that show nothing
        self.said_more: list[str] = []  # this row's "Stage: withdrawn (funding)", for notes
        self.typed: dict[str, str] = {}  # this row's cells as typed, where read loosely
        self._readings: dict[tuple[str, str], loose.Reading] = {}
        # Per field, computed once instead of per cell (bench_import: 700,000 cells):
        # (an e-mail field, the field when its cells are read loosely).
        self._cleaning: dict[str, tuple[bool, Field | None]] = {
            f.name: (f.kind == "email", f if f.kind in _LOOSE_KINDS else None) for f in self.fields
        }
        # Text fields' checks: (longest, "too long" message, "required" message or None).
        self._text_checks: dict[str, tuple[int | None, str, str | None]] = {
            f.name: (
                f.max_length,
                f"{f.label} is longer than {f.max_length} characters.",
                f"{f.label} is required." if f.required else None,
            )
            for f in self.fields
            if f.kind in _TEXT_KINDS
        }
        self._required = [(f.name, f"{f.label} is required.") for f in self.fields if f.required]
        # The team's own fields of this kind (Tools ▸ Custom fields…), read once per file.
        self.own = {
            f.key: f for f in custom_values.definitions(session, str(self.model.__tablename__))
        }

    # ----------------------------------------------------------------- per row
    def clean(self, cells: Mapping[str, str]) -> dict[str, str]:
        """Cleaned, non-empty cells by field name, loose values read for what they mean."""
        out: dict[str, str] = {}
        cleaning = self._cleaning
        for name, raw in cells.items():
            if not raw:
                continue
            email, loose_field = cleaning.get(name, _PLAIN)
            if (
                not email
                and raw.isascii()
                and raw.isprintable()
                and raw[0] != " "
                and raw[0] != "'"
                and raw[-1] != " "
                and "  " not in raw
            ):  # visible ASCII, already clean (most cells): no cleaning, nothing invisible
                if loose_field is None or _as_stored(loose_field, raw):
                    out[name] = raw
                    continue
                read = self._read_loosely(loose_field, raw)  # "3/3/2025", "c. 3,100"
                if read != raw:
                    self.typed[name] = raw
                if invisible_only(read):
                    self.invisible[name] = read
                elif read:
                    out[name] = read
                continue
            self._clean_one(out, name, raw, email, loose_field)
        return out

    def _clean_one(
        self, out: dict[str, str], name: str, raw: str, email: bool, loose_field: Field | None
    ) -> None:
        """One cell the quick test of :meth:`clean` could not settle, into ``out``."""
        text = clean_email(raw) if email else clean_cell(raw)
        if text and loose_field is not None and not _as_stored(loose_field, text):
            read = self._read_loosely(loose_field, text)  # "signed up", "c. 3,100", "3rd March"
            if read != text:
                self.typed[name] = text
            text = read
        if invisible_only(text) or (not text and invisible_only(raw.strip())):
            self.invisible[name] = text or raw.strip()  # zero-width characters, cleaned away
        elif text:
            out[name] = text

    def _read_loosely(self, declared: Field, text: str) -> str:
        """'Signed-up' -> signed_up, 'c. 3,100' -> 3100, '3rd March 2025' -> 2025-03-03,
        'n/a' -> empty (see :mod:`loose`); what the cell said beyond the value goes to
        ``said_more``."""
        key = (declared.name, text)
        reading = self._readings.get(key)
        if reading is None:
            if declared.kind == "choice" and declared.choices:
                reading = loose.read_choice(declared.choices, text)
            elif declared.kind == "bool":
                reading = loose.read_yes_no(text)
            elif declared.kind in ("int", "decimal"):
                reading = loose.read_number(text, money=declared.kind == "decimal")
            elif declared.kind == "date":
                reading = loose.read_date(text)
            else:
                reading = loose.Reading("" if loose.means_nothing(text) else text)
            if len(self._readings) > 50_000:
                self._readings.clear()
            self._readings[key] = reading
        if reading.note:
            self.said_more.append(f"{declared.label}: {reading.note}")
        return reading.value

    def plan(self, row: int, cells: Mapping[str, str]) -> RowPlan:
        """Decide what to do with one row; a refused row carries every reason at once."""
        self.invisible.clear()
        self.said_more.clear()
        self.typed.clear()
        source = self.clean(cells)
        plan = RowPlan(row, source=source, typed=dict(self.typed) if self.typed else {})
        if self.invisible:
            for name, text in self.invisible.items():
                self._nothing_visible(plan, name, text)
        lookups = self.lookups
        values: dict[str, Any] = {k: v for k, v in source.items() if k not in lookups}
        own = {k: values.pop(k) for k in [k for k in values if k in self.own]}
        if self.said_more:
            self._keep_what_was_said(plan, values)
        key = self.resolve(plan, source, values)
        if plan.action in ("refuse", "review"):
            self._other_reasons(plan, values)
            return plan
        plan.values = self.validated(plan, values)
        if plan.action == "refuse":
            return plan
        if key is not None and self.seen_before(plan, key):
            return plan
        plan = self.decide(plan)
        if self.own and plan.action in ("create", "update"):
            own_fields.check_row(
                self.session, str(self.model.__tablename__), tuple(self.own.values()), plan, own
            )
        return plan

    def _keep_what_was_said(self, plan: RowPlan, values: dict[str, Any]) -> None:
        """'withdrawn (funding)' is stored as Withdrawn; "Stage: withdrawn (funding)" is
        added to the row's notes (or, with no notes field, to its warnings)."""
        if not self.said_more:
            return
        if "notes" in self._by_name:
            kept = [values["notes"]] if values.get("notes") else []
            values["notes"] = "\n".join([*kept, *self.said_more])
        else:
            plan.warnings.extend(f"{said} (not kept: no notes field)" for said in self.said_more)

    def _other_reasons(self, plan: RowPlan, values: dict[str, Any]) -> None:
        """A row refused (or sent to review) for its library service or programme also lists
        what is wrong with its other values, so it is fixed in one go."""
        action = plan.action
        for name, value in values.items():
            if name in self._by_name and isinstance(value, str):
                ok, message = self._check(name, value)
                if not ok and message not in plan.errors:
                    plan.errors.append(message)
        plan.action = action

    # ----------------------------------------------------------------- duplicates in the file
    def seen_before(self, plan: RowPlan, key: Any) -> bool:
        """Settle a row whose ``key`` an earlier row of this chunk had: the LATER row is kept
        (a resubmitted row corrects the first), the earlier one skipped with what differs.
        Returns True when ``plan`` itself is skipped (never, within a chunk).

        Rows of earlier chunks are checked by :meth:`finish_chunk`, against a temporary table:
        remembering every key of a 2-million-row file in memory took 130 bytes a row.
        """
        earlier = self._seen.get(key)
        if earlier is not None:
            earlier.skip()
            earlier.key = None
            earlier.warnings.append(
                f"Row {plan.row} is the same {self.singular} later in the file"
                f"{self._differences(earlier, plan)}; the later row is kept."
            )
            plan.warnings.append(
                f"Same {self.singular} as row {earlier.row}, which is skipped: the later row "
                "is kept."
            )
        self._seen[key] = plan
        plan.key = repr(key)
        return False

    def _differences(self, earlier: RowPlan, later: RowPlan) -> str:
        labels = {t.name: t.label for t in self.targets}

        def shown(plan: RowPlan, name: str) -> str:
            return plan.typed.get(name, plan.source.get(name, ""))

        changed = [
            f"{labels.get(name, name)} '{shown(earlier, name)}' -> '{shown(later, name)}'"
            for name in dict.fromkeys([*earlier.source, *later.source])
            if earlier.source.get(name, "") != later.source.get(name, "")
        ]
        if not changed:
            return " (identical)"
        return " (" + "; ".join(changed[:6]) + (" ..." if len(changed) > 6 else "") + ")"

    def _nothing_visible(self, plan: RowPlan, name: str, text: str) -> None:
        """A cell of only right-to-left marks, overrides or joiners: never a name or a value."""
        labels = {t.name: t for t in self.targets}
        target = labels.get(name)
        label = target.label if target else name
        shown = [f"U+{ord(ch):04X}" for ch in text if not ch.isspace()]
        codes = " ".join(shown[:6]) + (" ..." if len(shown) > 6 else "")
        if target is not None and target.required:
            plan.refuse(f"{label} holds only invisible characters ({codes}).")
        else:
            plan.warnings.append(f"{label} held only invisible characters ({codes}); left empty.")

    def _same_as(self, plan: RowPlan, first: int) -> None:
        plan.skip()
        plan.warnings.append(f"Same {self.singular} as row {first}; skipped.")

    def finish_chunk(self, plans: Sequence[RowPlan]) -> None:
        """Skip rows whose key an earlier chunk had; remember this chunk's keys (bounded);
        skip updates that would change nothing."""
        self._remember_keys(plans)
        self.skip_unchanged(plans)

    def skip_unchanged(self, plans: Sequence[RowPlan]) -> None:
        """An update whose every value is already stored is a skip, with a note saying so:
        importing the same file again reports "0 updated", as its History shows nothing."""
        updates = [p for p in plans if p.action == "update" and p.record_id is not None]
        if not updates:
            return
        table = self.table
        names = sorted({k for p in updates for k in p.values})
        columns = [table.c.id, *(table.c[n] for n in names)]
        stored: dict[int | None, dict[str, Any]] = {}
        for start in range(0, len(updates), 500):
            ids = [p.record_id for p in updates[start : start + 500]]
            query = select(*columns).where(table.c.id.in_(ids))
            for row in self.session.execute(query).mappings():
                stored[int(row["id"])] = dict(row)
        for plan in updates:
            old = stored.get(plan.record_id)
            if plan.own:
                continue  # its own fields are written (and compared) after the chunk
            if old is not None and all(old[k] == v for k, v in plan.values.items()):
                if plan.contact is not None:
                    continue  # its new contact is still to be made and linked
                plan.skip()
                plan.warnings.append(
                    f"This {self.singular} already holds these values; nothing to update."
                )

    def _remember_keys(self, plans: Sequence[RowPlan]) -> None:
        keyed = {p.key: p for p in plans if p.key is not None and p.action != "skip"}
        self._seen.clear()
        if not keyed:
            return
        table = _seen_table(self.session)
        connection = self.session.connection()
        raw = connection.dialect.name == "sqlite" and connection.dialect.paramstyle == "qmark"
        keys = list(keyed) if self._remembered else []  # the first chunk has no earlier keys
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            if raw:  # SQLAlchemy's expanding IN cost more than the query (bench_import)
                marks = ",".join("?" * len(part))
                sql = f"SELECT key, row FROM {table.name} WHERE key IN ({marks})"
                earlier = connection.exec_driver_sql(sql, tuple(part))
            else:
                earlier = connection.execute(
                    select(table.c.key, table.c.row).where(table.c.key.in_(part))
                )
            for key, first in earlier:  # written with its chunk already: this one is skipped
                self._same_as(keyed.pop(key), int(first))
        if keyed:
            rows = [(k, p.row) for k, p in keyed.items()]
            if raw:
                sql = f"INSERT OR REPLACE INTO {table.name} (key, row) VALUES (?, ?)"
                connection.exec_driver_sql(sql, rows)
            else:
                connection.execute(table.insert(), [{"key": k, "row": r} for k, r in rows])
            self._remembered = True

    def validated(self, plan: RowPlan, values: dict[str, Any]) -> dict[str, Any]:
        """Check the row with the entity's declared fields, exactly as a form would.

        Each field is checked by :func:`~brokerdesk.core.services.fields.validate`, but each
        distinct (field, value) only once: a 100,000-row sheet repeats the same stages, dates
        and services, and text cells were cleaned already.
        """
        updating = plan.record_id is not None and self.on_match == "update"
        given = values if updating else {**self.defaults, **values}
        errors: list[str] = []
        cleaned: dict[str, Any] = {}
        texts, memo = self._text_checks, self._memo
        for name, value in given.items():
            text_check = texts.get(name)
            if text_check is not None and isinstance(value, str):  # cleaned on the way in
                longest, too_long, required = text_check
                if value and longest and len(value) > longest:
                    errors.append(too_long)
                elif not value and required:
                    errors.append(required)
                else:
                    cleaned[name] = value or None
                continue
            found = memo.get((name, value)) or self._check(name, value)
            if found[0]:
                cleaned[name] = found[1]
            else:
                errors.append(found[1])
        if not updating:
            for name, message in self._required:
                if name not in given:
                    errors.append(message)
            if not errors:
                try:
                    check_date_order(cleaned)
                except ValidationError as exc:
                    errors.extend(exc.field_errors.values())
        if errors:
            for message in dict.fromkeys(errors):
                plan.refuse(message)
            return {}
        return cleaned

    def _check(self, name: str, value: Any) -> tuple[bool, Any]:
        """(True, parsed value) or (False, message) for one field's value, memoised."""
        declared = self._by_name.get(name)
        if declared is not None and declared.kind in _TEXT_KINDS and isinstance(value, str):
            if value and declared.max_length and len(value) > declared.max_length:
                return False, f"{declared.label} is longer than {declared.max_length} characters."
            if not value and declared.required:
                return False, f"{declared.label} is required."
            return True, value or None  # cleaned on the way in
        key = (name, value)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            try:
                out = validate([declared] if declared else [], {name: value}, partial=True)
                found = (True, out.get(name))
            except ValidationError as exc:
                found = (False, next(iter(exc.field_errors.values()), str(exc)))
            self._memo[key] = found
        return found

    def decide(self, plan: RowPlan) -> RowPlan:
        """Apply the on-match choice to a row whose existing record (if any) is known."""
        if plan.record_id is None:
            plan.action = "create"
        elif self.on_match == "update":
            plan.action = "update"
            if not plan.values:  # counted as updated, it changed nothing: say so instead
                plan.skip()
                plan.warnings.append(f"Nothing to change in this {self.singular}; skipped.")
        elif self.on_match == "create":
            if not self.allow_create_on_match:
                return plan.refuse(f"This {self.singular} already exists (#{plan.record_id}).")
            plan.action, plan.record_id = "create", None
        else:
            plan.skip()
        return plan

    def settle(self, plan: RowPlan, column: str, text: str, match: Match) -> int | None:
        """The record a reference cell means, or None after marking the row for review."""
        chosen = self.options.resolutions.get(plan.row, -1)
        if match.status == "matched":
            if not match.certain:
                plan.warnings.append(f"{text}: {match.reason}.")
            return match.record_id
        if chosen != -1 and chosen is not None:
            return chosen
        if match.status == "review":
            if self.options.accept_best and match.candidates and not match.ambiguous:
                best = match.candidates[0]
                plan.warnings.append(f"'{text}' taken as {best.label} ({best.score:.0f}%).")
                return best.record_id
            plan.review = Review(column, text, match)
            names = "; ".join(
                c.label if match.ambiguous else f"{c.label} ({c.score:.0f}%)"
                for c in match.candidates
            )
            why = match.reason + ("; only a person can choose" if match.ambiguous else "")
            plan.errors.append(f"'{text}' needs review ({why}): {names}")
            plan.action = "review"
            return None
        plan.refuse(f"'{text}': {match.reason or 'no match'}.")
        return None

    # ----------------------------------------------------------------- for subclasses
    def resolve(self, plan: RowPlan, source: dict[str, str], values: dict[str, Any]) -> Any:
        """Fill reference ids into ``values``, set ``plan.record_id``; return a within-file key."""
        raise NotImplementedError

    # ----------------------------------------------------------------- writing
    @property
    def table(self) -> Table:
        table: Table = self.model.__table__  # type: ignore[assignment]
        return table

    def write(self, creates: Sequence[dict[str, Any]], updates: Sequence[RowPlan]) -> Sequence[int]:
        """Insert and update in bulk inside the current transaction; the new records' ids."""
        table = self.table
        now = utcnow()
        created: Sequence[int] = ()
        if creates:
            stamps = {"created_at": now, "updated_at": now, "version_id": 1}
            columns = sorted(set(stamps).union(*creates))  # every row's keys
            created = self._insert(creates, columns, self._defaults(columns) | stamps)
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for plan in updates:
            cols = tuple(sorted(plan.values))
            if cols:
                by_columns.setdefault(cols, []).append({"_id": plan.record_id, **plan.values})
        for cols, rows in by_columns.items():
            stmt = (
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values(
                    {c: bindparam(c) for c in cols}
                    | {"version_id": table.c.version_id + 1, "updated_at": now}
                )
            )
            self.session.connection().execute(stmt, rows)
        return created

    def _insert(
        self, creates: Sequence[dict[str, Any]], columns: list[str], defaults: dict[str, Any]
    ) -> Sequence[int]:
        """One executemany of the new rows; empty cells take the column's default.

        Returns exactly the ids inserted, for the history: on PostgreSQL another user's rows
        can take ids between ours, so the database says which are ours (INSERT ... RETURNING,
        sent in multi-row batches). On SQLite the statement goes straight to the driver with
        SQLAlchemy's own type conversions applied per column: the same stored values as a
        Core insert, without its per-row parameter bookkeeping, which cost more than the
        insert itself on 100,000 rows. The driver drops RETURNING rows from an executemany,
        but it needs none: the write transaction holds the database's only write lock, and
        each new row takes the next rowid, so ours are the last ``len(creates)`` ids.
        """
        connection = self.session.connection()
        dialect = connection.dialect
        if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
            rows = [
                {k: v if (v := row.get(k)) is not None else defaults[k] for k in columns}
                for row in creates
            ]
            # In the rows' order: a new partner's contacts are matched to it by position.
            statement = insert(self.table).returning(self.table.c.id, sort_by_parameter_order=True)
            return [int(i) for i in self.session.execute(statement, rows).scalars()]
        compiled = insert(self.table).compile(dialect=dialect, column_keys=columns)
        names = list(compiled.positiontup or [])
        defaults = defaults | self._defaults([n for n in names if n not in defaults])
        specs = []
        for name in names:
            proc = self.table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            default = defaults[name]
            if proc is not None and default is not None:
                default = proc(default)
            specs.append((name, default, proc))
        # Column by column, one comprehension each, then zipped into rows: a generator per
        # row cost more than the conversions themselves (bench_import).
        by_column = []
        for name, d, proc in specs:
            if proc is None:
                by_column.append([d if (v := r.get(name)) is None else v for r in creates])
            else:
                by_column.append([d if (v := r.get(name)) is None else proc(v) for r in creates])
        converted = list(zip(*by_column, strict=True))
        connection.exec_driver_sql(compiled.string, converted)
        last = int(connection.exec_driver_sql("SELECT last_insert_rowid()").scalar_one())
        return range(last - len(converted) + 1, last + 1)

    def _defaults(self, columns: list[str]) -> dict[str, Any]:
        """Scalar column defaults, for cells a row left empty (NOT NULL columns need them)."""
        out: dict[str, Any] = {}
        for name in columns:
            default = self.table.c[name].default
            out[name] = default.arg if getattr(default, "is_scalar", False) else None  # type: ignore[union-attr]
        return out


_SEEN = MetaData()
SEEN_ROWS = Table(
    "brokerdesk_import_seen",
    _SEEN,
    Column("key", Text, primary_key=True),
    Column("row", Integer, nullable=False),
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,  # one B-tree, not a table and its key's index: quicker to fill
)


def _seen_table(session: Session) -> Table:
    """The connection's temporary table of rows already planned, emptied on first use."""
    if not session.info.get("import_seen_ready"):
        SEEN_ROWS.create(session.connection(), checkfirst=True)
        session.execute(SEEN_ROWS.delete())
        session.info["import_seen_ready"] = True
    return SEEN_ROWS
