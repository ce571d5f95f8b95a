"""Typed SQLAlchemy models for every BrokerDesk entity.

The database enforces the rules a user relies on (foreign keys, unique GSS codes, non-empty
names, allowed statuses and stages, end dates not before start dates) so that no write path,
including a bulk import, can store a record the app would refuse in a form.

No ``from __future__ import annotations`` here: SQLAlchemy would ``eval`` each of the 145
``Mapped[...]`` strings when the classes are built, a tenth of the time start-up spends on
this module. Classes named before they are defined are quoted instead.
"""

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    FetchedValue,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from brokerdesk.core import clock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Allowed values, in the order the team thinks of them. Labels live in ``core.vocabulary``.
PARTNER_TYPES = ("charity", "public_body", "company", "funder", "other")
PARTNER_STATUSES = ("prospect", "active", "paused", "ended")
PROGRAMME_STATUSES = ("idea", "negotiating", "live", "completed", "cancelled")
PARTNER_ROLES = ("lead", "funder", "delivery")
PARTICIPATION_STAGES = ("invited", "interested", "signed_up", "active", "completed", "withdrawn")
INTERACTION_KINDS = ("meeting", "call", "email", "event", "note")
AGREEMENT_KINDS = ("mou", "data_sharing", "contract", "licence", "letter_of_intent", "other")
# Stored statuses; "lapsed" is worked out (active, and its end date has passed).
AGREEMENT_STATUSES = ("draft", "active", "ended")
OFFER_AREA_KINDS = ("offer", "promise")
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland")
MEMBER_NATIONS = ("England", "Wales", "Northern Ireland")


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


def _not_blank(column: str) -> str:
    return f"length(trim({column})) > 0"


def utcnow() -> dt.datetime:
    """Timezone-aware now, stored as UTC (from the one clock, so tests can pin it)."""
    return clock.now()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Editable:
    """Columns every editable table carries: timestamps and an optimistic-locking version.

    ``version_id`` is SQLAlchemy's version counter: an UPDATE whose version no longer matches
    (someone else saved first) raises ``StaleDataError`` instead of overwriting their change.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.current_timestamp()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True),
        default=utcnow,
        onupdate=utcnow,
        server_default=func.current_timestamp(),
    )
    version_id: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class OfferArea(Editable, Base):
    """A Universal Library Offer or a Promise (reference data the team may extend)."""

    __tablename__ = "offer_area"
    __table_args__ = (
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
        CheckConstraint(_in("kind", OFFER_AREA_KINDS), name="kind_allowed"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(10), default="offer")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class LibraryService(Editable, Base):
    """A library authority, identified by its ONS GSS code."""

    __tablename__ = "library_service"
    __table_args__ = (
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
        CheckConstraint("length(gss_code) = 9", name="gss_code_length"),
        CheckConstraint(_in("nation", NATIONS), name="nation_allowed"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    gss_code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    nice_name: Mapped[str] = mapped_column(String(200))
    nation: Mapped[str] = mapped_column(String(20), index=True)
    region: Mapped[str] = mapped_column(String(60), index=True)
    is_member: Mapped[bool] = mapped_column(Boolean, default=True)
    website: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    notes: Mapped[str | None] = mapped_column(Text)

    name_variants: Mapped[list["ServiceNameVariant"]] = relationship(
        back_populates="service", cascade="all, delete-orphan"
    )
    branches: Mapped[list["Branch"]] = relationship(back_populates="service")
    tags: Mapped[list["Tag"]] = relationship(secondary="library_service_tag", order_by="Tag.name")


class ServiceNameVariant(Base):
    """Another name a library service goes by (ONS, Airtable, Welsh, common misspellings)."""

    __tablename__ = "service_name_variant"
    __table_args__ = (
        UniqueConstraint("service_id", "name", name="uq_service_name_variant_service_name"),
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("library_service.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(40), default="reference")

    service: Mapped[LibraryService] = relationship(back_populates="name_variants")


class FormerAuthority(Base):
    """An abolished authority's code and name, pointing at a successor library service.

    A split county (Cumbria, Northamptonshire) has one row per successor, so a match on it is
    always uncertain and goes to review.
    """

    __tablename__ = "former_authority"
    __table_args__ = (
        UniqueConstraint("code", "successor_id", name="uq_former_authority_code_successor"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(9), index=True)
    name: Mapped[str] = mapped_column(String(200))
    successor_id: Mapped[int] = mapped_column(
        ForeignKey("library_service.id", ondelete="CASCADE"), index=True
    )
    ended_on: Mapped[dt.date | None] = mapped_column(Date)


class Branch(Editable, Base):
    """A library building (or mobile) of a library service."""

    __tablename__ = "branch"
    __table_args__ = (
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
        UniqueConstraint("source_key", name="uq_branch_source_key"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    service_id: Mapped[int] = mapped_column(ForeignKey("library_service.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    branch_type: Mapped[str | None] = mapped_column(String(60))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(10), index=True)
    uprn: Mapped[str | None] = mapped_column(String(20))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    statutory: Mapped[bool | None] = mapped_column(Boolean)
    year_opened: Mapped[int | None] = mapped_column(Integer)
    year_closed: Mapped[int | None] = mapped_column(Integer)
    source_key: Mapped[str] = mapped_column(String(400))

    service: Mapped[LibraryService] = relationship(back_populates="branches")


class Tag(Base):
    __tablename__ = "tag"
    __table_args__ = (CheckConstraint(_not_blank("name"), name="name_not_blank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    # "#rrggbb" or None; always shown beside the tag's name, never instead of it (0012).
    colour: Mapped[str | None] = mapped_column(String(7))


class PartnerOfferArea(Base):
    __tablename__ = "partner_offer_area"

    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), primary_key=True
    )
    offer_area_id: Mapped[int] = mapped_column(
        ForeignKey("offer_area.id"), primary_key=True, index=True
    )


class PartnerTag(Base):
    __tablename__ = "partner_tag"

    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Partner(Editable, Base):
    """A national organisation the team brokers programmes with."""

    __tablename__ = "partner"
    __table_args__ = (
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
        CheckConstraint(_in("partner_type", PARTNER_TYPES), name="partner_type_allowed"),
        CheckConstraint(_in("status", PARTNER_STATUSES), name="status_allowed"),
        CheckConstraint("contact_limit_days > 0", name="contact_limit_positive"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    name: Mapped[str] = mapped_column(String(200), index=True)
    partner_type: Mapped[str] = mapped_column(String(20), default="charity")
    status: Mapped[str] = mapped_column(String(20), default="prospect", index=True)
    owner: Mapped[str | None] = mapped_column(String(120), index=True)
    website: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    contact_limit_days: Mapped[int] = mapped_column(Integer, default=90)

    offer_areas: Mapped[list[OfferArea]] = relationship(
        secondary="partner_offer_area", order_by="OfferArea.sort_order"
    )
    tags: Mapped[list[Tag]] = relationship(secondary="partner_tag", order_by="Tag.name")
    agreements: Mapped[list["Agreement"]] = relationship(
        back_populates="partner", cascade="all, delete-orphan", order_by="Agreement.start_date"
    )
    contacts: Mapped[list["Contact"]] = relationship(back_populates="partner")


class Agreement(Editable, Base):
    """A partnership agreement with start, end and renewal dates."""

    __tablename__ = "agreement"
    __table_args__ = (
        CheckConstraint(_not_blank("title"), name="title_not_blank"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_not_before_start",
        ),
        CheckConstraint(_in("kind", AGREEMENT_KINDS), name="kind_allowed"),
        CheckConstraint(_in("status", AGREEMENT_STATUSES), name="status_allowed"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    renewal_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    # Added by migration 0007 (issue #18): agreements became a record kind of their own.
    kind: Mapped[str] = mapped_column(String(20), default="mou", server_default="mou")
    status: Mapped[str] = mapped_column(
        String(10), default="active", server_default="active", index=True
    )
    value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="GBP", server_default="GBP")
    notice_date: Mapped[dt.date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(String(120), index=True)
    end_reason: Mapped[str | None] = mapped_column(String(300))

    partner: Mapped[Partner] = relationship(back_populates="agreements")


class Contact(Editable, Base):
    """A person at a partner or at a library service (personal data under UK GDPR)."""

    __tablename__ = "contact"
    __table_args__ = (CheckConstraint(_not_blank("full_name"), name="full_name_not_blank"),)
    __mapper_args__ = {"version_id_col": Editable.version_id}

    full_name: Mapped[str] = mapped_column(String(200), index=True)
    role: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(60))
    notes: Mapped[str | None] = mapped_column(Text)
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="SET NULL"), index=True
    )
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("library_service.id", ondelete="SET NULL"), index=True
    )

    partner: Mapped[Partner | None] = relationship(back_populates="contacts")
    service: Mapped[LibraryService | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary="contact_tag", order_by="Tag.name")


class ProgrammeOfferArea(Base):
    """A secondary offer area of a programme (the primary one is on the programme)."""

    __tablename__ = "programme_offer_area"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True
    )
    offer_area_id: Mapped[int] = mapped_column(
        ForeignKey("offer_area.id"), primary_key=True, index=True
    )


class Programme(Editable, Base):
    """Something brokered with one or more partners, in one primary offer area."""

    __tablename__ = "programme"
    __table_args__ = (
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
        CheckConstraint(_in("status", PROGRAMME_STATUSES), name="status_allowed"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_not_before_start",
        ),
        CheckConstraint("budget IS NULL OR budget >= 0", name="budget_not_negative"),
        CheckConstraint(
            "target_services IS NULL OR target_services >= 0", name="target_not_negative"
        ),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    name: Mapped[str] = mapped_column(String(200), index=True)
    offer_area_id: Mapped[int] = mapped_column(ForeignKey("offer_area.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="idea", index=True)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    description: Mapped[str | None] = mapped_column(Text)
    budget: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    target_services: Mapped[int | None] = mapped_column(Integer)

    offer_area: Mapped[OfferArea] = relationship()
    secondary_offer_areas: Mapped[list[OfferArea]] = relationship(
        secondary="programme_offer_area", order_by="OfferArea.sort_order"
    )
    partner_links: Mapped[list["ProgrammePartner"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan"
    )
    participations: Mapped[list["Participation"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary="programme_tag", order_by="Tag.name")
    # Issue #19: the series it is a round of, if any (see ProgrammeRound).
    round: Mapped["ProgrammeRound | None"] = relationship(cascade="all, delete-orphan")

    @property
    def series_id(self) -> int | None:
        """The series this programme is a round of (a form field like any column)."""
        return self.round.series_id if self.round is not None else None

    @series_id.setter
    def series_id(self, value: int | None) -> None:
        if value is None:
            if self.round is not None:
                self.round = None
                self.updated_at = utcnow()  # a new version: the edit is the programme's
        elif self.round is None:
            self.round = ProgrammeRound(series_id=value)
            self.updated_at = utcnow()
        elif self.round.series_id != value:
            self.round.series_id = value
            self.updated_at = utcnow()

    @property
    def round_label(self) -> str | None:
        """Which round it is ("2026", "Autumn term 2025"); only with a series."""
        return self.round.label if self.round is not None else None

    @round_label.setter
    def round_label(self, value: str | None) -> None:
        if self.round is not None and self.round.label != value:
            self.round.label = value
            self.updated_at = utcnow()


class ProgrammePartner(Editable, Base):
    """A partner's role in a programme (lead, funder, delivery)."""

    __tablename__ = "programme_partner"
    __table_args__ = (
        UniqueConstraint("programme_id", "partner_id", name="uq_programme_partner_pair"),
        CheckConstraint(_in("role", PARTNER_ROLES), name="role_allowed"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), index=True
    )
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20), default="lead")

    programme: Mapped[Programme] = relationship(back_populates="partner_links")
    partner: Mapped[Partner] = relationship()


class Participation(Editable, Base):
    """The link between a programme and a library service (or one of its branches).

    This is the heart of "tracking programme links": it carries its own stage, dates, local
    contact, reach figures and notes. A service takes part in a programme at most once (per
    branch, when the link is to a branch).
    """

    __tablename__ = "participation"
    __table_args__ = (
        CheckConstraint(_in("stage", PARTICIPATION_STAGES), name="stage_allowed"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_not_before_start",
        ),
        CheckConstraint("reach IS NULL OR reach >= 0", name="reach_not_negative"),
        CheckConstraint("sessions IS NULL OR sessions >= 0", name="sessions_not_negative"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), index=True
    )
    service_id: Mapped[int] = mapped_column(ForeignKey("library_service.id"), index=True)
    branch_id: Mapped[int | None] = mapped_column(
        ForeignKey("branch.id", ondelete="SET NULL"), index=True
    )
    stage: Mapped[str] = mapped_column(String(20), default="invited", index=True)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    local_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    reach: Mapped[int | None] = mapped_column(Integer)
    sessions: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)

    programme: Mapped[Programme] = relationship(back_populates="participations")
    service: Mapped[LibraryService] = relationship()
    branch: Mapped[Branch | None] = relationship()
    local_contact: Mapped[Contact | None] = relationship()


# A service joins a programme once (or once per branch). NULL branch ids would not collide in
# a plain unique constraint, hence the expression index.
Index(
    "uq_participation_programme_service_branch",
    Participation.programme_id,
    Participation.service_id,
    func.coalesce(Participation.branch_id, 0),
    unique=True,
)


class Interaction(Editable, Base):
    """A meeting, call, email or event with a partner and/or a library service."""

    __tablename__ = "interaction"
    __table_args__ = (
        CheckConstraint(_in("kind", INTERACTION_KINDS), name="kind_allowed"),
        CheckConstraint(_not_blank("subject"), name="subject_not_blank"),
        CheckConstraint(
            "follow_up_on IS NULL OR follow_up_on >= occurred_on", name="follow_up_not_before"
        ),
        CheckConstraint(
            "partner_id IS NOT NULL OR service_id IS NOT NULL OR programme_id IS NOT NULL",
            name="about_something",
        ),
        # What it is about. Deleting the partner, library service or programme unlinks it (ON
        # DELETE SET NULL), so it outlives any one of them; it goes (to the Trash, with that
        # record) only when it would be left about nothing at all (core.snapshots). The
        # contact is who it was with, not what it is about: deleting one only unlinks it.
        {"info": {"about": ("partner_id", "service_id", "programme_id")}},
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    kind: Mapped[str] = mapped_column(String(20), default="meeting")
    occurred_on: Mapped[dt.date] = mapped_column(Date, index=True)
    subject: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    by_whom: Mapped[str | None] = mapped_column(String(120))
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="SET NULL"), index=True
    )
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("library_service.id", ondelete="SET NULL"), index=True
    )
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)
    # Kept by database triggers, never written by the app (migration 0005): what the
    # interactions list shows under "With", "Programme" and "Follow up", indexed so that a
    # million interactions sort by them in index order instead of working out every row's.
    about_name: Mapped[str | None] = mapped_column(
        String(200), index=True, server_default=FetchedValue(), server_onupdate=FetchedValue()
    )
    programme_name: Mapped[str | None] = mapped_column(
        String(200), index=True, server_default=FetchedValue(), server_onupdate=FetchedValue()
    )
    follow_up_due: Mapped[dt.date | None] = mapped_column(  # follow_up_on while still to do
        Date, index=True, server_default=FetchedValue(), server_onupdate=FetchedValue()
    )

    partner: Mapped[Partner | None] = relationship()
    service: Mapped[LibraryService | None] = relationship()
    programme: Mapped[Programme | None] = relationship()
    contact: Mapped[Contact | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary="interaction_tag", order_by="Tag.name")


class AuditEvent(Base):
    """Who changed what, when: one row per created, updated or deleted record."""

    __tablename__ = "audit_event"
    __table_args__ = (
        CheckConstraint(
            _in("action", ("create", "update", "delete", "restore", "merge", "erase", "import")),
            name="action_allowed",
        ),
        Index("ix_audit_event_entity_record", "entity", "record_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_name: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(String(300))
    # JSON object {field: [old, new]}; text so that SQLite and PostgreSQL store it alike.
    changes: Mapped[str | None] = mapped_column(Text)


class TrashItem(Base):
    """A deleted record with everything its deletion removed or unlinked, restorable."""

    __tablename__ = "trash_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deleted_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
    user_name: Mapped[str] = mapped_column(String(120))
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300))
    # JSON snapshot (core.snapshots.Snapshot.to_json) of the rows to put back.
    snapshot: Mapped[str] = mapped_column(Text)


class SavedView(Editable, Base):
    """A named combination of filters (and column layout) on one list view."""

    __tablename__ = "saved_view"
    __table_args__ = (
        UniqueConstraint("entity", "name", name="uq_saved_view_entity_name"),
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    entity: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    # JSON: {"filters": {...}, "search": "...", "columns": [...], "sort": [column, order]}
    definition: Mapped[str] = mapped_column(Text)


# --- agreements and their terms (issue #18) ---
class AgreementTerm(Base):
    """One term of an agreement: what it ran from and to, at what value, and who renewed it.

    An agreement's first term is written when it is first renewed (the agreement's own dates
    until then); each renewal adds the new term.
    """

    __tablename__ = "agreement_term"
    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_not_before_start",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    renewed_on: Mapped[dt.date | None] = mapped_column(Date)
    renewed_by: Mapped[str | None] = mapped_column(String(120))


class AgreementProgramme(Base):
    """A programme that is a further party to an agreement."""

    __tablename__ = "agreement_programme"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True
    )
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AgreementLibraryService(Base):
    """A library service that is a further party to an agreement."""

    __tablename__ = "agreement_library_service"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[int] = mapped_column(
        ForeignKey("library_service.id", ondelete="CASCADE"), primary_key=True, index=True
    )


# Behind the list views' per-row "last contact" and "programmes" columns (migration 0003).
Index("ix_interaction_partner_occurred", Interaction.partner_id, Interaction.occurred_on)
Index("ix_interaction_service_occurred", Interaction.service_id, Interaction.occurred_on)
Index("ix_participation_service_stage", Participation.service_id, Participation.stage)
Index("ix_participation_programme_stage", Participation.programme_id, Participation.stage)
# Let the interactions list sort a million rows by these columns in index order (0004).
Index("ix_interaction_kind", Interaction.kind)
Index("ix_interaction_subject", Interaction.subject)
Index("ix_interaction_by_whom", Interaction.by_whom)


# --- named leads (issue #20) ---
class ServiceLead(Base):
    """A library service's named lead contact for one offer area ("who runs Reading in
    Bristol"): at most one per service and offer area; gone with the contact or the service."""

    __tablename__ = "service_lead"
    __table_args__ = (
        UniqueConstraint("service_id", "offer_area_id", name="uq_service_lead_service_area"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("library_service.id", ondelete="CASCADE"), index=True
    )
    offer_area_id: Mapped[int] = mapped_column(
        ForeignKey("offer_area.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )


# --- documents and e-mail (issue #18) ---
# What a document can belong to: one column per kind, exactly one set. A new kind (grants)
# adds its column here, to DOCUMENT_OWNERS and to a migration; nothing else names them.
DOCUMENT_OWNERS: dict[str, str] = {
    "partner": "partner_id",
    "programme": "programme_id",
    "agreement": "agreement_id",
    "library_service": "service_id",
    "interaction": "interaction_id",
    "funding_grant": "grant_id",
}


def _exactly_one(columns: tuple[str, ...]) -> str:
    return " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in columns) + " = 1"


class Document(Editable, Base):
    """A file kept with a record: its description here, its bytes in ``document_content``.

    The content lives in a table of its own so that listing a record's documents never reads
    megabytes. Deleting the record takes its documents (ON DELETE CASCADE), so the Trash and
    undo carry them back with it.
    """

    __tablename__ = "document"
    __table_args__ = (
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
        CheckConstraint("size >= 0", name="size_not_negative"),
        CheckConstraint(_exactly_one(tuple(DOCUMENT_OWNERS.values())), name="one_owner"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    name: Mapped[str] = mapped_column(String(255))  # as shown; Rename changes it
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    note: Mapped[str | None] = mapped_column(Text)
    added_by: Mapped[str | None] = mapped_column(String(120))
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), index=True
    )
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), index=True
    )
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("library_service.id", ondelete="CASCADE"), index=True
    )
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), index=True
    )
    grant_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_grant.id", ondelete="CASCADE"), index=True
    )


class DocumentContent(Base):
    """A document's bytes and the text read from them (what Ctrl+K searches)."""

    __tablename__ = "document_content"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[str | None] = mapped_column(Text)


class EmailMessage(Base):
    """The Message-ID of an e-mail logged as an interaction: the same e-mail is logged once."""

    __tablename__ = "email_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), index=True
    )


# --- tags and static lists (issue #20) ---
class LibraryServiceTag(Base):
    __tablename__ = "library_service_tag"

    library_service_id: Mapped[int] = mapped_column(
        ForeignKey("library_service.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ProgrammeTag(Base):
    __tablename__ = "programme_tag"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ContactTag(Base):
    __tablename__ = "contact_tag"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class InteractionTag(Base):
    __tablename__ = "interaction_tag"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class StaticList(Editable, Base):
    """A hand-picked group of records of one kind ("Board invitees 2026")."""

    __tablename__ = "static_list"
    __table_args__ = (
        UniqueConstraint("entity", "name", name="uq_static_list_entity_name"),
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    entity: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))


class StaticListMember(Base):
    """One record on a static list. The record is named by id only (any kind): a record
    deleted and restored from the Trash is back on its lists."""

    __tablename__ = "static_list_member"

    list_id: Mapped[int] = mapped_column(
        ForeignKey("static_list.id", ondelete="CASCADE"), primary_key=True
    )
    record_id: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)


# --- Series, rounds and measures (issue #19) ---


class Series(Editable, Base):
    """Programmes that run again and again ("Summer Reading Challenge"); each is a round."""

    __tablename__ = "series"
    __table_args__ = (CheckConstraint(_not_blank("name"), name="name_not_blank"),)
    __mapper_args__ = {"version_id_col": Editable.version_id}

    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text)


class ProgrammeRound(Base):
    """A programme's place in a series: which series, and which round of it.

    A table of its own rather than two programme columns: SQLite can add a foreign key to
    the programme table only by copying it, and dropping the old copy would cascade to every
    participation. Deleting a series leaves its programmes, no longer rounds of anything.
    """

    __tablename__ = "programme_round"

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True
    )
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"), index=True)
    label: Mapped[str | None] = mapped_column(String(40))

    series: Mapped[Series] = relationship()


class ProgrammeMeasure(Editable, Base):
    """Something a programme counts at each library service: a name and its unit.

    "People reached (people)", "Sessions (sessions)", "Books issued (books)". Values are whole
    numbers, so that every roll-up adds up exactly on SQLite and PostgreSQL alike.
    """

    __tablename__ = "programme_measure"
    __table_args__ = (
        UniqueConstraint("programme_id", "name", name="uq_programme_measure_programme_name"),
        CheckConstraint(_not_blank("name"), name="name_not_blank"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    unit: Mapped[str | None] = mapped_column(String(40))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class MeasureValue(Base):
    """What one participation recorded for one of its programme's measures."""

    __tablename__ = "measure_value"
    __table_args__ = (
        UniqueConstraint(
            "participation_id", "measure_id", name="uq_measure_value_participation_measure"
        ),
        CheckConstraint("value >= 0", name="value_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participation_id: Mapped[int] = mapped_column(
        ForeignKey("participation.id", ondelete="CASCADE"), index=True
    )
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("programme_measure.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[int] = mapped_column(Integer)


# --- grants and their deliverables (issue #18) ---
GRANT_STATUSES = ("applied", "awarded", "declined", "closed")
DELIVERABLE_KINDS = ("report", "milestone", "payment", "other")


class GrantProgramme(Base):
    """A programme a grant funds (a grant may fund several, a programme have several)."""

    __tablename__ = "grant_programme"

    grant_id: Mapped[int] = mapped_column(
        ForeignKey("funding_grant.id", ondelete="CASCADE"), primary_key=True
    )
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Grant(Editable, Base):
    """Money a funder (a partner) gives, or was asked for, towards programmes."""

    __tablename__ = "funding_grant"
    __table_args__ = (
        CheckConstraint(_not_blank("title"), name="title_not_blank"),
        CheckConstraint(_in("status", GRANT_STATUSES), name="status_allowed"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount_not_negative"),
        CheckConstraint("length(currency) = 3", name="currency_length"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_not_before_start",
        ),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200), index=True)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    status: Mapped[str] = mapped_column(String(20), default="applied", index=True)
    applied_on: Mapped[dt.date | None] = mapped_column(Date)
    awarded_on: Mapped[dt.date | None] = mapped_column(Date)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(String(120))
    notes: Mapped[str | None] = mapped_column(Text)

    partner: Mapped[Partner] = relationship()
    programmes: Mapped[list[Programme]] = relationship(
        secondary="grant_programme", order_by="Programme.name"
    )
    deliverables: Mapped[list["Deliverable"]] = relationship(
        back_populates="grant", cascade="all, delete-orphan", order_by="Deliverable.due_on"
    )


class Deliverable(Editable, Base):
    """What a grant's funder expects by a date: a report, a milestone, a payment."""

    __tablename__ = "deliverable"
    __table_args__ = (
        CheckConstraint(_not_blank("title"), name="title_not_blank"),
        CheckConstraint(_in("kind", DELIVERABLE_KINDS), name="kind_allowed"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    grant_id: Mapped[int] = mapped_column(
        ForeignKey("funding_grant.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="report")
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    grant: Mapped[Grant] = relationship(back_populates="deliverables")


# --- custom fields (issue #20) ---
CUSTOM_FIELD_KINDS = (
    "text",
    "longtext",
    "number",
    "money",
    "date",
    "yesno",
    "choice",
    "choices",
    "link",
)


class CustomField(Editable, Base):
    """A field the team added to one kind of record (Tools ▸ Custom fields…).

    A removed field keeps its row (``removed_at`` set) and its values, so its history still
    reads by name and undoing the removal brings everything back.
    """

    __tablename__ = "custom_field"
    __table_args__ = (
        CheckConstraint(_not_blank("label"), name="label_not_blank"),
        CheckConstraint(_in("kind", CUSTOM_FIELD_KINDS), name="kind_allowed"),
    )
    __mapper_args__ = {"version_id_col": Editable.version_id}

    entity: Mapped[str] = mapped_column(String(40), index=True)
    label: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    # Required only when another field (a column name or "cf_<id>") holds this value.
    required_field: Mapped[str | None] = mapped_column(String(60))
    required_value: Mapped[str | None] = mapped_column(String(120))
    # JSON list of the labels a one-choice or several-choices field offers.
    choices: Mapped[str | None] = mapped_column(Text)
    # The kind of record a link field points at.
    link_kind: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class CustomValue(Base):
    """One record's value of one custom field, in the column its type sorts by.

    Text, one choice and several choices ("|Gold|Silver|") in ``text_value`` (indexed with the
    field, so a list filters and sorts by it in index order); long text in ``long_value``
    (and its first 500 characters in ``text_value``, which the list shows and sorts by);
    number, money, yes/no (1/0) and link (the record's id) in ``number_value``; dates in
    ``date_value``. ``record_id`` is the id in the field's kind's table.
    """

    __tablename__ = "custom_value"

    field_id: Mapped[int] = mapped_column(
        ForeignKey("custom_field.id", ondelete="CASCADE"), primary_key=True
    )
    record_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text_value: Mapped[str | None] = mapped_column(String(500))
    long_value: Mapped[str | None] = mapped_column(Text)
    number_value: Mapped[Decimal | None] = mapped_column(Numeric(18, 4))
    date_value: Mapped[dt.date | None] = mapped_column(Date)


Index("ix_custom_value_text", CustomValue.field_id, CustomValue.text_value)
Index("ix_custom_value_number", CustomValue.field_id, CustomValue.number_value)
Index("ix_custom_value_date", CustomValue.field_id, CustomValue.date_value)
