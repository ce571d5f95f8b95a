"""What every importer shares: options, the plan for one row, and bulk writing.

An importer turns one row of cleaned text into a :class:`RowPlan` (create, update, skip,
refuse, or review) using the entity service's declared fields for validation, so an import
accepts exactly what the form accepts. Writing is bulk SQL inside the caller's transaction,
with one audit event for the whole import instead of one per row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.orm import Session

from brokerdesk.core.errors import ValidationError
from brokerdesk.core.importing.cleaning import clean_cell, clean_email, yes_no
from brokerdesk.core.importing.mapping import Target
from brokerdesk.core.importing.matching import Match
from brokerdesk.core.models import Base, utcnow
from brokerdesk.core.services.fields import Field, check_date_order, validate

ON_MATCH = ("skip", "update", "create")


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

    def refuse(self, message: str) -> RowPlan:
        self.errors.append(message)
        self.action = "refuse"
        return self


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
    allow_create_on_match: ClassVar[bool] = False
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
        self._seen: dict[Any, int] = {}

    # ----------------------------------------------------------------- per row
    def clean(self, cells: Mapping[str, str]) -> dict[str, str]:
        """Cleaned, non-empty cells by field name."""
        out: dict[str, str] = {}
        for name, raw in cells.items():
            field_ = self._by_name.get(name)
            if field_ is not None and field_.kind == "email":
                text = clean_email(raw)
            else:
                text = clean_cell(raw)
            if field_ is not None and field_.kind == "bool":
                text = yes_no(text)
            if text:
                out[name] = text
        return out

    def plan(self, row: int, cells: Mapping[str, str]) -> RowPlan:
        """Decide what to do with one row."""
        source = self.clean(cells)
        plan = RowPlan(row, source=source)
        values: dict[str, Any] = {k: v for k, v in source.items() if k not in self.lookups}
        key = self.resolve(plan, source, values)
        if plan.action in ("refuse", "review"):
            return plan
        plan.values = self.validated(plan, values)
        if plan.action == "refuse":
            return plan
        if key is not None:
            first = self._seen.get(key)
            if first is not None:
                plan.action = "skip"
                plan.warnings.append(f"Same {self.singular} as row {first}; skipped.")
                return plan
            self._seen[key] = row
        return self.decide(plan)

    def validated(self, plan: RowPlan, values: dict[str, Any]) -> dict[str, Any]:
        updating = plan.record_id is not None and self.on_match == "update"
        given = values if updating else {**self.defaults, **values}
        try:
            cleaned = validate(self.fields, given, partial=updating)
            if not updating:
                check_date_order(cleaned)
        except ValidationError as exc:
            for message in exc.field_errors.values() or [str(exc)]:
                plan.refuse(message)
            return {}
        return cleaned

    def decide(self, plan: RowPlan) -> RowPlan:
        """Apply the on-match choice to a row whose existing record (if any) is known."""
        if plan.record_id is None:
            plan.action = "create"
        elif self.on_match == "update":
            plan.action = "update"
        elif self.on_match == "create":
            if not self.allow_create_on_match:
                return plan.refuse(f"This {self.singular} already exists (#{plan.record_id}).")
            plan.action, plan.record_id = "create", None
        else:
            plan.action = "skip"
        return plan

    def settle(self, plan: RowPlan, column: str, text: str, match: Match) -> int | None:
        """The record a reference cell means, or None after marking the row for review."""
        chosen = self.options.resolutions.get(plan.row, -1)
        if match.status == "matched":
            if match.reason not in ("known name", "GSS code", "same name", "same email"):
                plan.warnings.append(f"{text}: {match.reason}.")
            return match.record_id
        if chosen != -1 and chosen is not None:
            return chosen
        if match.status == "review":
            if self.options.accept_best and match.candidates:
                best = match.candidates[0]
                plan.warnings.append(f"'{text}' taken as {best.label} ({best.score:.0f}%).")
                return best.record_id
            plan.review = Review(column, text, match)
            names = "; ".join(f"{c.label} ({c.score:.0f}%)" for c in match.candidates)
            plan.errors.append(f"'{text}' needs review ({match.reason}): {names}")
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

    def write(self, creates: Sequence[dict[str, Any]], updates: Sequence[RowPlan]) -> None:
        """Insert and update in bulk inside the current transaction."""
        table = self.table
        if creates:
            columns = sorted({k for row in creates for k in row})
            filled = [self._complete(row, columns) for row in creates]
            self.session.execute(insert(table), filled)
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for plan in updates:
            cols = tuple(sorted(plan.values))
            if cols:
                by_columns.setdefault(cols, []).append({"_id": plan.record_id, **plan.values})
        now = utcnow()
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

    def _complete(self, row: dict[str, Any], columns: list[str]) -> dict[str, Any]:
        out = {}
        for name in columns:
            value = row.get(name)
            if value is None:
                default = self.table.c[name].default
                if default is not None and getattr(default, "is_scalar", False):
                    value = default.arg  # type: ignore[attr-defined]
            out[name] = value
        return out
