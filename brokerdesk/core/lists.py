"""List queries behind the record views: filter, search and sort in SQL, rows by id.

A list view asks for the sorted ids that match its search and filters (one query), and then
for the values of only the rows that scroll into view (one query per block). This is Anki's
browser design: the view never loads a whole table, so ten years of records open as fast as
ten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    bindparam,
    case,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import visitors
from sqlalchemy.sql.expression import ColumnClause

from brokerdesk.core import clock
from brokerdesk.core import vocabulary as v
from brokerdesk.core.kinds import KINDS, LISTED, RecordKind, load
from brokerdesk.core.models import (
    Agreement,
    Branch,
    Contact,
    Interaction,
    LibraryService,
    OfferArea,
    Participation,
    Partner,
    PartnerOfferArea,
    Programme,
    ProgrammePartner,
)
from brokerdesk.core.money import HOME, Money
from brokerdesk.core.static_lists import list_options, on_list
from brokerdesk.core.tagging import tag_list_text, tag_options, tagged_with
from brokerdesk.core.taking_part import services_taking_part

ColumnKind = Literal["text", "int", "number", "date", "choice", "choices", "bool", "money"]
FilterKind = Literal["choice", "bool", "days", "value"]


@dataclass(frozen=True)
class Column:
    """A column of a list view.

    Attributes:
        key: stable identifier (saved layouts and views refer to it).
        label: the header the user reads.
        expr: the SQL expression that yields the value (also what sorting orders by).
        kind: how the view formats the value.
        labels: stored value -> label for ``choice`` columns.
        shown: visible until the user hides it with the column chooser.
        index_order: for a column whose values an index holds in order apart from the
            list's table (the team's own fields), the ids of an unfiltered list sorted by it
            read in that index's order: ``index_order(session, descending=, limit=,
            offset=, from_end=)`` returns the same ids, in the same order, as sorting by
            ``expr``, without evaluating ``expr`` for every record of a million.
        currency: for a ``money`` column whose records carry their own currency, the SQL
            expression of its code: the column's values are then :class:`Money` (shown in
            that currency, summed per currency) and it sorts by currency (pounds first, then
            by code) and by amount within each; sorted the other way, that whole order is
            reversed (empty amounts still last). Without it an amount is in pounds.
    """

    key: str
    label: str
    expr: Any
    kind: ColumnKind = "text"
    labels: Mapping[str, str] | None = None
    shown: bool = True
    index_order: Callable[..., Select[Any]] | None = None
    currency: Any = None

    def order_by(self) -> list[Any]:
        """What sorting by this column orders by: the amount within its currency."""
        if self.currency is None:
            return [self.expr]
        return [case((self.currency == HOME, 0), else_=1), self.currency, self.expr]

    def selected(self) -> list[Any]:
        """The labelled expressions :meth:`RecordList.rows` reads for this column."""
        if self.currency is None:
            return [self.expr.label(self.key)]
        return [self.expr.label(self.key), self.currency.label(f"{self.key}__currency")]

    def value(self, row: Any, at: int) -> tuple[Any, int]:
        """This column's value from ``row`` (read by :meth:`selected`) at ``at``, and where
        the next column's starts."""
        if self.currency is None:
            return row[at], at + 1
        amount, code = row[at], row[at + 1]
        return (None if amount is None else Money(Decimal(amount), code or HOME)), at + 2


@dataclass(frozen=True)
class Filter:
    """A filter control of a list view: a choice, a yes/no, an "older than N days", or a
    condition on the value of one of the team's own fields (``value``: "at least 10,000",
    whose ``value_type`` is the field's type, see ``core.services.value_filters``). A choice
    filter with a ``value_type`` (an own one-choice or several-choices field) also takes a
    list of its choices: records with any of them ("Tier is Gold or Silver")."""

    key: str
    label: str
    kind: FilterKind
    options: Callable[[Session], list[tuple[Any, str]]] | None = None
    condition: Callable[[Any], ColumnElement[bool]] | None = None
    value_type: str | None = None


@dataclass
class ListState:
    """What the user asked a list for. Saved views store exactly this."""

    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort_key: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class RecordList:
    """One entity's list: its columns, filters and the query behind them."""

    entity: str
    title: str
    id_column: Any
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...]
    source: Callable[[], Select[Any]]
    default_sort: str
    default_filters: Mapping[str, Any] = field(default_factory=dict)
    default_descending: bool = False
    # The same rows as ``source`` without the joins that only feed columns. SQLite does not
    # drop unused outer joins, and counting or ordering a million interactions through three
    # of them takes a second; filters must then only touch the main table.
    lean_source: Callable[[], Select[Any]] | None = None
    # More the search field finds besides the text it searches (the interactions list: those
    # with a partner, library service, programme or contact of that name).
    also_matches: Callable[[str], ColumnElement[bool]] | None = None

    def initial_state(self) -> ListState:
        """What the list shows when first opened."""
        return ListState(
            filters=dict(self.default_filters),
            sort_key=self.default_sort,
            descending=self.default_descending,
        )

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def _source_for(self, sort_expr: Any = None) -> Select[Any]:
        if self.lean_source is None:
            return self.source()
        if sort_expr is None or _tables_of(sort_expr) <= _tables_of(self.id_column):
            return self.lean_source()
        return self.source()

    def _where(self, session: Session, state: ListState) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        for flt in self.filters:
            value = state.filters.get(flt.key)
            if value is None or value == "" or flt.condition is None:
                continue
            conditions.append(flt.condition(value))
        text = state.search.strip()
        if text:
            dialect = session.get_bind().dialect.name
            conditions.append(text_condition(self, text, dialect))
        return conditions

    def ids(
        self,
        session: Session,
        state: ListState,
        *,
        limit: int | None = None,
        offset: int = 0,
        from_end: bool = False,
    ) -> list[int]:
        """The ids of matching records, in the order the list shows them.

        ``limit``/``offset`` give a window of that order; with ``from_end`` the window is
        counted from the last record backwards (and returned last-first), which is how a view
        jumps to the end of a million rows without walking them all.
        """
        query = self.ids_query(session, state, limit=limit, offset=offset, from_end=from_end)
        # Core execution: plain ids need none of the ORM's row processing.
        return list(session.connection().execute(query).scalars())

    def ids_query(
        self,
        session: Session,
        state: ListState,
        *,
        limit: int | None = None,
        offset: int = 0,
        from_end: bool = False,
    ) -> Select[Any]:
        """The SELECT behind :meth:`ids` (benchmarks run it raw as their floor)."""
        sorted_by = self.column(state.sort_key or self.default_sort)
        if sorted_by.index_order is not None and not self._where(session, state):
            return sorted_by.index_order(
                session, descending=state.descending, limit=limit, offset=offset, from_end=from_end
            )
        query = (
            self._source_for(sorted_by.expr)
            .with_only_columns(self.id_column)
            .where(*self._where(session, state))
            .order_by(*self.order_by(state, from_end=from_end))
        )
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        return query

    def order_by(self, state: ListState, *, from_end: bool = False) -> list[Any]:
        """The ORDER BY of the list as ``state`` sorts it: the sorted column, empty values
        after filled ones in both directions (so from the end: first), then the id.

        Every query that must list records in the list's own order (a group's records, say)
        orders by this, so the two can never disagree.
        """
        descending = state.descending != from_end
        sorted_by = self.column(state.sort_key or self.default_sort)
        order = []
        if sorted_by.currency is not None:  # an empty amount has a currency: still last
            empty = sorted_by.expr.is_(None)
            order.append(empty.desc() if from_end else empty.asc())
        # NULLS LAST/FIRST, unlike a CASE, still lets SQLite (3.30+) read an index in order.
        for expr in sorted_by.order_by():  # a money column: the amount within its currency
            by_value = expr.desc() if descending else expr.asc()
            if _may_be_null(expr):
                by_value = by_value.nulls_first() if from_end else by_value.nulls_last()
            order.append(by_value)
        order.append(self.id_column.desc() if descending else self.id_column.asc())
        return order

    def count(self, session: Session, state: ListState) -> int:
        return int(session.scalar(self.count_query(session, state)) or 0)

    def count_query(self, session: Session, state: ListState) -> Select[Any]:
        inner = (
            self._source_for().with_only_columns(self.id_column).where(*self._where(session, state))
        )
        return select(func.count()).select_from(inner.subquery())

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        """Values of the given records, keyed by id, in column order."""
        if not ids:
            return {}
        exprs = [e for c in self.columns for e in c.selected()]
        query = (
            self.source().with_only_columns(self.id_column, *exprs).where(self.id_column.in_(ids))
        )
        if all(c.currency is None for c in self.columns):
            return {row[0]: tuple(row[1:]) for row in session.execute(query)}
        out: dict[int, tuple[Any, ...]] = {}
        for row in session.execute(query):
            values, at = [], 1
            for column in self.columns:
                value, at = column.value(row, at)
                values.append(value)
            out[row[0]] = tuple(values)
        return out


def _tables_of(expr: Any) -> set[str]:
    """The names of the tables an SQL expression reads."""
    clause = expr.__clause_element__() if hasattr(expr, "__clause_element__") else expr
    names = (
        getattr(getattr(node, "table", None), "name", None)
        for node in visitors.iterate(clause)
        if isinstance(node, ColumnClause)
    )
    return {str(name) for name in names if name is not None}


def _may_be_null(expr: Any) -> bool:
    """False only for a plain column declared NOT NULL (its sort can then use an index)."""
    column = getattr(expr, "expression", None)
    nullable = getattr(column, "nullable", None)
    return nullable is not False


def text_condition(record_list: RecordList, text: str, dialect: str) -> ColumnElement[bool]:
    """The search field's condition: the records the search index matches (accent-, case-
    and typo-tolerant, any characters taken as text).

    A kind the index does not hold (registered without a search type) matches its shown text
    columns instead, each word somewhere in one of them, ignoring case. Text with no letter or
    digit ("...", "-", "%") matches nothing, whichever way the kind is searched.
    """
    from brokerdesk.core.search.service import text_filter
    from brokerdesk.core.search.terms import unsearchable

    if unsearchable(text):
        return false()
    registered = KINDS.get(record_list.entity)
    if registered is None or registered.search_type is None:
        return _plain_text_condition(record_list, text)

    found = text_filter(record_list.entity, text, dialect)
    if record_list.also_matches is not None:
        return or_(found, record_list.also_matches(text))
    return found


def _plain_text_condition(record_list: RecordList, text: str) -> ColumnElement[bool]:
    own = _tables_of(record_list.id_column)
    texts = [
        c.expr
        for c in record_list.columns
        if c.kind == "text"
        and c.shown
        # with a lean source, filters may only read the main table (see RecordList)
        and (record_list.lean_source is None or _tables_of(c.expr) <= own)
    ]
    words = text.split()
    if not texts or not words:
        return true()
    escaped = (w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words)
    return and_(
        *(or_(*(func.lower(e).like(f"%{w.lower()}%", escape="\\") for e in texts)) for w in escaped)
    )


# --------------------------------------------------------------------------- option sources
def _offer_area_options(session: Session) -> list[tuple[Any, str]]:
    return [
        (area_id, name)
        for area_id, name in session.execute(
            select(OfferArea.id, OfferArea.name).order_by(OfferArea.sort_order)
        )
    ]


def _owner_options(session: Session) -> list[tuple[Any, str]]:
    owners = session.scalars(
        select(Partner.owner).where(Partner.owner.is_not(None)).distinct().order_by(Partner.owner)
    )
    return [(o, o) for o in owners if o]


def _labels(mapping: Mapping[str, str]) -> Callable[[Session], list[tuple[Any, str]]]:
    return lambda _session: list(mapping.items())


def _regions(session: Session) -> list[tuple[Any, str]]:
    present = set(session.scalars(select(LibraryService.region).distinct()))
    ordered = [r for r in v.REGIONS if r in present] + sorted(present - set(v.REGIONS))
    return [(r, r) for r in ordered]


def _older_than(column: Any) -> Callable[[Any], ColumnElement[bool]]:
    def condition(days: Any) -> ColumnElement[bool]:
        cutoff = clock.today() - dt.timedelta(days=int(days))
        return or_(column.is_(None), column < cutoff)

    return condition


def _today() -> Any:
    """Today as a value bound at each execution: a list built yesterday still asks today.

    Not the database's ``CURRENT_DATE``: that is the server's clock (UTC on SQLite), not the
    user's day, and tests cannot pin it.
    """
    return bindparam(None, callable_=clock.today, type_=Date)


def _tags_column(entity: str, id_column: Any, *, shown: bool = False) -> Column:
    return Column("tags", "Tags", tag_list_text(entity, id_column), shown=shown)


def _tag_filter(entity: str, id_column: Any) -> Filter:
    return Filter(
        "tag_id", "Tag", "choice", tag_options, lambda value: tagged_with(entity, id_column, value)
    )


def _on_list_filter(entity: str, id_column: Any) -> Filter:
    """Records on one of the kind's static lists (hand-picked groups)."""
    return Filter(
        "list_id",
        "On list",
        "choice",
        list_options(entity),
        lambda value: on_list(id_column, value),
    )


# --------------------------------------------------------------------------- the lists
def _last_partner_contact() -> Any:
    return (
        select(func.max(Interaction.occurred_on))
        .where(Interaction.partner_id == Partner.id)
        .correlate(Partner)
        .scalar_subquery()
    )


def partner_list() -> RecordList:
    last_contact = _last_partner_contact()
    programmes = (
        select(func.count(ProgrammePartner.id))
        .where(ProgrammePartner.partner_id == Partner.id)
        .correlate(Partner)
        .scalar_subquery()
    )
    next_end = (
        select(func.min(Agreement.end_date))
        .where(Agreement.partner_id == Partner.id, Agreement.end_date >= _today())
        .correlate(Partner)
        .scalar_subquery()
    )
    return RecordList(
        entity="partner",
        title=KINDS["partner"].title,
        id_column=Partner.id,
        columns=(
            Column("name", "Name", Partner.name),
            Column("partner_type", "Type", Partner.partner_type, "choice", v.PARTNER_TYPE_LABELS),
            Column("status", "Status", Partner.status, "choice", v.PARTNER_STATUS_LABELS),
            Column("owner", "Relationship owner", Partner.owner),
            Column("programmes", "Programmes", programmes, "int"),
            Column("last_contact", "Last contact", last_contact, "date"),
            Column("agreement_ends", "Agreement ends", next_end, "date"),
            Column("website", "Website", Partner.website, shown=False),
            _tags_column("partner", Partner.id, shown=True),
        ),
        filters=(
            Filter(
                "status",
                "Status",
                "choice",
                _labels(v.PARTNER_STATUS_LABELS),
                lambda value: Partner.status == value,
            ),
            Filter(
                "partner_type",
                "Type",
                "choice",
                _labels(v.PARTNER_TYPE_LABELS),
                lambda value: Partner.partner_type == value,
            ),
            Filter(
                "owner",
                "Relationship owner",
                "choice",
                _owner_options,
                lambda value: Partner.owner == value,
            ),
            Filter(
                "offer_area_id",
                "Offer area",
                "choice",
                _offer_area_options,
                lambda value: Partner.id.in_(
                    select(PartnerOfferArea.partner_id).where(
                        PartnerOfferArea.offer_area_id == value
                    )
                ),
            ),
            Filter(
                "no_contact_days",
                "Not contacted for (days)",
                "days",
                None,
                _older_than(last_contact),
            ),
            _tag_filter("partner", Partner.id),
            _on_list_filter("partner", Partner.id),
        ),
        source=lambda: select(Partner.id),
        default_sort="name",
    )


def library_service_list() -> RecordList:
    programmes = (
        select(func.count(Participation.id))
        .where(Participation.service_id == LibraryService.id, Participation.stage != "withdrawn")
        .correlate(LibraryService)
        .scalar_subquery()
    )
    branches = (
        select(func.count(Branch.id))
        .where(Branch.service_id == LibraryService.id, Branch.year_closed.is_(None))
        .correlate(LibraryService)
        .scalar_subquery()
    )
    last_contact = (
        select(func.max(Interaction.occurred_on))
        .where(Interaction.service_id == LibraryService.id)
        .correlate(LibraryService)
        .scalar_subquery()
    )
    return RecordList(
        entity="library_service",
        title=KINDS["library_service"].title,
        id_column=LibraryService.id,
        columns=(
            Column("nice_name", "Name", LibraryService.nice_name),
            Column("gss_code", "GSS code", LibraryService.gss_code),
            Column("nation", "Nation", LibraryService.nation),
            Column("region", "Region", LibraryService.region),
            Column("is_member", "Member", LibraryService.is_member, "bool"),
            Column("programmes", "Programmes", programmes, "int"),
            Column("branches", "Open branches", branches, "int"),
            Column("last_contact", "Last contact", last_contact, "date"),
            Column("name", "Official name", LibraryService.name, shown=False),
            _tags_column("library_service", LibraryService.id),
        ),
        filters=(
            Filter(
                "nation",
                "Nation",
                "choice",
                lambda _s: [(n, n) for n in ("England", "Wales", "Northern Ireland", "Scotland")],
                lambda value: LibraryService.nation == value,
            ),
            Filter(
                "region", "Region", "choice", _regions, lambda value: LibraryService.region == value
            ),
            Filter(
                "is_member",
                "Members only",
                "bool",
                None,
                lambda value: LibraryService.is_member.is_(bool(value)),
            ),
            Filter(
                "offer_area_id",
                "In offer area",
                "choice",
                _offer_area_options,
                lambda value: LibraryService.id.in_(
                    select(Participation.service_id)
                    .join(Programme, Programme.id == Participation.programme_id)
                    .where(Programme.offer_area_id == value, Participation.stage != "withdrawn")
                ),
            ),
            Filter(
                "not_in_programme",
                "Not yet linked to programme",
                "choice",
                _programmes,
                lambda value: LibraryService.id.not_in(
                    select(Participation.service_id).where(Participation.programme_id == value)
                ),
            ),
            _tag_filter("library_service", LibraryService.id),
            _on_list_filter("library_service", LibraryService.id),
        ),
        source=lambda: select(LibraryService.id),
        default_sort="nice_name",
        default_filters={"is_member": True},
    )


def _programmes(session: Session) -> list[tuple[Any, str]]:
    return [
        (pid, name)
        for pid, name in session.execute(
            select(Programme.id, Programme.name).order_by(Programme.name)
        )
    ]


def _partner_options(session: Session) -> list[tuple[Any, str]]:
    return [
        (pid, name)
        for pid, name in session.execute(select(Partner.id, Partner.name).order_by(Partner.name))
    ]


def programme_list() -> RecordList:
    lead = (
        select(Partner.name)
        .join(ProgrammePartner, ProgrammePartner.partner_id == Partner.id)
        .where(ProgrammePartner.programme_id == Programme.id, ProgrammePartner.role == "lead")
        .order_by(Partner.name)
        .limit(1)
        .correlate(Programme)
        .scalar_subquery()
    )
    taking_part = services_taking_part()
    return RecordList(
        entity="programme",
        title=KINDS["programme"].title,
        id_column=Programme.id,
        columns=(
            Column("name", "Name", Programme.name),
            Column("offer_area", "Offer area", OfferArea.name),
            Column("status", "Status", Programme.status, "choice", v.PROGRAMME_STATUS_LABELS),
            Column("lead", "Lead partner", lead),
            Column("start_date", "Starts", Programme.start_date, "date"),
            Column("end_date", "Ends", Programme.end_date, "date"),
            Column("services", "Library services", taking_part, "int"),
            Column("target_services", "Target", Programme.target_services, "int"),
            Column("budget", "Budget", Programme.budget, "money", shown=False),
            _tags_column("programme", Programme.id),
        ),
        filters=(
            Filter(
                "offer_area_id",
                "Offer area",
                "choice",
                _offer_area_options,
                lambda value: Programme.offer_area_id == value,
            ),
            Filter(
                "status",
                "Status",
                "choice",
                _labels(v.PROGRAMME_STATUS_LABELS),
                lambda value: Programme.status == value,
            ),
            Filter(
                "partner_id",
                "Partner",
                "choice",
                _partner_options,
                lambda value: Programme.id.in_(
                    select(ProgrammePartner.programme_id).where(
                        ProgrammePartner.partner_id == value
                    )
                ),
            ),
            Filter(
                "ends_within_days",
                "Ends within (days)",
                "days",
                None,
                lambda days: and_(
                    Programme.end_date >= clock.today(),
                    Programme.end_date <= clock.today() + dt.timedelta(days=int(days)),
                ),
            ),
            _tag_filter("programme", Programme.id),
            _on_list_filter("programme", Programme.id),
        ),
        source=lambda: select(Programme.id).join(
            OfferArea, OfferArea.id == Programme.offer_area_id
        ),
        default_sort="name",
    )


def contact_list() -> RecordList:
    organisation = func.coalesce(Partner.name, LibraryService.nice_name)
    return RecordList(
        entity="contact",
        title=KINDS["contact"].title,
        id_column=Contact.id,
        columns=(
            Column("full_name", "Name", Contact.full_name),
            Column("role", "Role", Contact.role),
            Column("organisation", "Organisation", organisation),
            Column("email", "Email", Contact.email),
            Column("phone", "Phone", Contact.phone),
            _tags_column("contact", Contact.id),
        ),
        filters=(
            Filter(
                "works_at",
                "Works at",
                "choice",
                lambda _s: [("partner", "A partner"), ("service", "A library service")],
                lambda value: (
                    Contact.partner_id.is_not(None)
                    if value == "partner"
                    else Contact.service_id.is_not(None)
                ),
            ),
            _tag_filter("contact", Contact.id),
            _on_list_filter("contact", Contact.id),
        ),
        source=lambda: (
            select(Contact.id)
            .outerjoin(Partner, Partner.id == Contact.partner_id)
            .outerjoin(LibraryService, LibraryService.id == Contact.service_id)
        ),
        lean_source=lambda: select(Contact.id),
        default_sort="full_name",
    )


def interaction_list() -> RecordList:
    # "With" and "Programme" are names kept on the interaction by triggers (migration 0005),
    # so a million rows sort by them in index order; they equal the joined names.
    about = Interaction.about_name
    due = Interaction.follow_up_due  # the follow-up date while it is still to do
    return RecordList(
        entity="interaction",
        title=KINDS["interaction"].title,
        id_column=Interaction.id,
        columns=(
            Column("occurred_on", "Date", Interaction.occurred_on, "date"),
            Column("kind", "Kind", Interaction.kind, "choice", v.INTERACTION_KIND_LABELS),
            Column("subject", "Subject", Interaction.subject),
            Column("about", "With", about),
            Column("programme", "Programme", Interaction.programme_name),
            Column("follow_up_on", "Follow up", due, "date"),
            Column("by_whom", "Logged by", Interaction.by_whom),
            # No Tags column: sorting a million interactions by a per-row aggregate takes
            # seconds; the Tag filter and each interaction's page show them instead.
        ),
        filters=(
            Filter(
                "kind",
                "Kind",
                "choice",
                _labels(v.INTERACTION_KIND_LABELS),
                lambda value: Interaction.kind == value,
            ),
            Filter(
                "follow_up",
                "Follow-ups",
                "choice",
                lambda _s: [
                    ("overdue", "Overdue"),
                    ("due", "Due and overdue"),
                    ("open", "All open"),
                ],
                _follow_up_condition,
            ),
            Filter(
                "partner_id",
                "Partner",
                "choice",
                _partner_options,
                lambda value: Interaction.partner_id == value,
            ),
            Filter(
                "service_id",
                "Library service",
                "choice",
                _service_options,
                lambda value: Interaction.service_id == value,
            ),
            Filter(
                "programme_id",
                "Programme",
                "choice",
                _programmes,
                lambda value: Interaction.programme_id == value,
            ),
            Filter(
                "contact_id",
                "Contact",
                "choice",
                _contact_options,
                lambda value: Interaction.contact_id == value,
            ),
            _tag_filter("interaction", Interaction.id),
            _on_list_filter("interaction", Interaction.id),
        ),
        # Every column is the interaction's own (the names kept by triggers): no joins.
        source=lambda: select(Interaction.id),
        also_matches=_about_named,
        default_sort="occurred_on",
        default_descending=True,
    )


def _service_options(session: Session) -> list[tuple[Any, str]]:
    query = select(LibraryService.id, LibraryService.nice_name).order_by(LibraryService.nice_name)
    return [(sid, name) for sid, name in session.execute(query)]


def _contact_options(session: Session) -> list[tuple[Any, str]]:
    query = select(Contact.id, Contact.full_name).order_by(Contact.full_name, Contact.id)
    return [(cid, name) for cid, name in session.execute(query)]


def _named(column: Any, text: str) -> ColumnElement[bool]:
    """Every word of ``text`` somewhere in ``column``, ignoring case."""
    words = (w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in text.split())
    return and_(*(func.lower(column).like(f"%{w.lower()}%", escape="\\") for w in words))


def _about_named(text: str) -> ColumnElement[bool]:
    """Interactions with a partner, library service, programme or contact of that name: the
    names are looked up in their own (small) tables, the interactions by indexed id."""
    return or_(
        Interaction.partner_id.in_(select(Partner.id).where(_named(Partner.name, text))),
        Interaction.service_id.in_(
            select(LibraryService.id).where(
                or_(_named(LibraryService.nice_name, text), _named(LibraryService.name, text))
            )
        ),
        Interaction.programme_id.in_(select(Programme.id).where(_named(Programme.name, text))),
        Interaction.contact_id.in_(select(Contact.id).where(_named(Contact.full_name, text))),
    )


def _follow_up_condition(value: Any) -> ColumnElement[bool]:
    due = Interaction.follow_up_due  # the follow-up date while still to do (indexed)
    today = clock.today()
    if value == "overdue":
        return due < today
    if value == "due":
        return due <= today + dt.timedelta(days=7)
    return due.is_not(None)


def _builder(registered: RecordKind) -> Callable[[], RecordList]:
    """The registered kind's list, built by the function its registration names."""
    assert registered.records is not None

    def build() -> RecordList:
        built = load(str(registered.records))()
        if not isinstance(built, RecordList) or built.entity != registered.key:
            raise TypeError(f"{registered.records} does not build the {registered.key} list")
        return built

    return build


# Every listed kind's list, in the navigation's order, from the registry (a new kind's list
# lives in its service module and is named by its registration).
LISTS: dict[str, Callable[[], RecordList]] = {k.key: _builder(k) for k in LISTED}


def record_list(entity: str) -> RecordList:
    """The list definition for an entity (built on demand: cheap, and always current)."""
    return LISTS[entity]()
