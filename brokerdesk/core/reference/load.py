"""Load the shipped reference data into a database, once, and again without changing anything.

``initialise(db)`` upserts the six offer areas, every library service (keyed by GSS code)
with its name variants, the former authorities and the 2023 branches (keyed by a stable
source key), in one transaction. Rows are compared before they are written, so a second run
finds everything equal and writes nothing: no version number or timestamp moves and no audit
event is added. Writes are bulk Core statements (a fresh database loads in well under a
second), so the per-record ORM audit hook is switched off and one summary event is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from brokerdesk.core import audit, vocabulary
from brokerdesk.core.db import Database
from brokerdesk.core.models import (
    Branch,
    FormerAuthority,
    LibraryService,
    OfferArea,
    ServiceNameVariant,
    utcnow,
)
from brokerdesk.core.reference.records import (
    VARIANT_SOURCES,
    AuthorityRecord,
    load_authorities,
    load_branches,
    load_former_authorities,
)

SERVICE_FIELDS = ("name", "nice_name", "nation", "region", "is_member")
# Contact details the team may correct: shipped values only fill empty ones.
CONTACT_FIELDS = ("website", "email", "phone")
BRANCH_FIELDS = (
    "service_id",
    "name",
    "branch_type",
    "address",
    "postcode",
    "uprn",
    "latitude",
    "longitude",
    "statutory",
    "year_opened",
    "year_closed",
)
# Variants the loader owns (and may remove when the shipped data drops them); "reference"
# is what the first build called all of them. Variants the team added have other sources.
OWNED_SOURCES = frozenset({*VARIANT_SOURCES, "reference"})


@dataclass
class Counts:
    """What one kind of reference record went through."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class InitReport:
    """Counts per kind, so ``brokerdesk init`` can say what it did (and prove a rerun idle)."""

    offer_areas: Counts = field(default_factory=Counts)
    library_services: Counts = field(default_factory=Counts)
    name_variants: Counts = field(default_factory=Counts)
    former_authorities: Counts = field(default_factory=Counts)
    branches: Counts = field(default_factory=Counts)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {name: asdict(counts) for name, counts in vars(self).items()}

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated or c.removed for c in vars(self).values())

    def summary(self) -> str:
        """ "library services +208, branches +3,461" (only what changed)."""
        parts = []
        for name, c in vars(self).items():
            moves = [f"+{c.created:,}" * bool(c.created), f"~{c.updated:,}" * bool(c.updated)]
            moves.append(f"-{c.removed:,}" * bool(c.removed))
            if any(moves):
                parts.append(f"{name.replace('_', ' ')} {' '.join(m for m in moves if m)}")
        return ", ".join(parts) or "nothing changed"


def initialise(db: Database) -> InitReport:
    """Make the database hold the shipped reference data, in one transaction.

    Safe to run on every start: what is already there and equal is left alone, and the
    team's own changes (a corrected phone number, an added name variant) are kept.
    """
    report = InitReport()
    authorities = load_authorities()
    with db.write() as session:
        session.info["audit_disabled"] = True
        _offer_areas(session, report.offer_areas)
        ids = _services(session, authorities, report.library_services)
        _variants(session, authorities, ids, report.name_variants)
        _former(session, ids, report.former_authorities)
        _branches(session, ids, report.branches)
        if report.changed:
            audit.record(
                session, "import", "library_service", f"Reference data loaded: {report.summary()}"
            )
    return report


def ensure_reference_data(db: Database) -> InitReport | None:
    """Load the reference data into a database that has none yet (a new file or server).

    Every opening asks (the app, ``seed-synthetic``); a database that already holds library
    services and offer areas is left as it is, so opening stays quick. Returns the load's
    report, or None when nothing needed loading.
    """
    with db.read() as session:
        services = session.scalar(select(func.count()).select_from(LibraryService))
        areas = session.scalar(select(func.count()).select_from(OfferArea))
    if services and areas:
        return None
    return initialise(db)


def _upsert(
    session: Session,
    model: Any,
    current: Mapping[Any, Any],
    wanted: Iterable[tuple[Any, dict[str, Any]]],
    counts: Counts,
    *,
    fill_only: tuple[str, ...] = (),
) -> None:
    """Insert what is missing and update only the fields that differ, in bulk.

    ``current`` maps each key to a row (with ``id`` and the compared fields); ``wanted``
    yields (key, values). Fields in ``fill_only`` are written only where the row has none.
    Updated rows get a new version and timestamp, as an edit through the app would.
    """
    new_rows = []
    for key, values in wanted:
        row = current.get(key)
        if row is None:
            new_rows.append({**values, "version_id": 1})
            counts.created += 1
            continue
        changed = {
            f: v
            for f, v in values.items()
            if getattr(row, f) != v and (f not in fill_only or getattr(row, f) is None)
        }
        if not changed:
            counts.unchanged += 1
            continue
        session.execute(
            update(model)
            .where(model.id == row.id)
            .values(**changed, version_id=model.version_id + 1, updated_at=utcnow())
        )
        counts.updated += 1
    if new_rows:
        session.execute(insert(model), new_rows)


def _offer_areas(session: Session, counts: Counts) -> None:
    current = {
        r.code: r
        for r in session.execute(
            select(
                OfferArea.id, OfferArea.code, OfferArea.name, OfferArea.kind, OfferArea.sort_order
            )
        )
    }
    wanted = (
        (code, {"code": code, "name": name, "kind": kind, "sort_order": order})
        for order, (code, name, kind) in enumerate(vocabulary.OFFER_AREAS)
    )
    _upsert(session, OfferArea, current, wanted, counts)


def _services(
    session: Session, authorities: list[AuthorityRecord], counts: Counts
) -> dict[str, int]:
    columns = [getattr(LibraryService, f) for f in SERVICE_FIELDS + CONTACT_FIELDS]
    current = {
        r.gss_code: r
        for r in session.execute(select(LibraryService.id, LibraryService.gss_code, *columns))
    }
    wanted = (
        (a.gss_code, {f: getattr(a, f) for f in ("gss_code", *SERVICE_FIELDS, *CONTACT_FIELDS)})
        for a in authorities
    )
    _upsert(session, LibraryService, current, wanted, counts, fill_only=CONTACT_FIELDS)
    return {
        code: sid
        for code, sid in session.execute(select(LibraryService.gss_code, LibraryService.id))
    }


def _variants(
    session: Session, authorities: list[AuthorityRecord], ids: dict[str, int], counts: Counts
) -> None:
    """Name variants, compared case-insensitively (the table keeps one spelling per name)."""
    current: dict[tuple[int, str], tuple[int, str, str]] = {}
    for vid, sid, name, source in session.execute(
        select(
            ServiceNameVariant.id,
            ServiceNameVariant.service_id,
            ServiceNameVariant.name,
            ServiceNameVariant.source,
        )
    ):
        current.setdefault((sid, name.casefold()), (vid, name, source))
    shipped: set[tuple[int, str]] = set()
    new_rows = []
    for authority in authorities:
        sid = ids[authority.gss_code]
        for variant in authority.variants:
            key = (sid, variant.name.casefold())
            shipped.add(key)
            row = current.get(key)
            if row is None:
                new_rows.append({"service_id": sid, "name": variant.name, "source": variant.source})
                counts.created += 1
            elif row[2] in OWNED_SOURCES and row[1:] != (variant.name, variant.source):
                session.execute(
                    update(ServiceNameVariant)
                    .where(ServiceNameVariant.id == row[0])
                    .values(name=variant.name, source=variant.source)
                )
                counts.updated += 1
            else:
                counts.unchanged += 1
    stale = [
        row[0] for key, row in current.items() if key not in shipped and row[2] in OWNED_SOURCES
    ]
    if stale:
        session.execute(delete(ServiceNameVariant).where(ServiceNameVariant.id.in_(stale)))
        counts.removed += len(stale)
    if new_rows:
        session.execute(insert(ServiceNameVariant), new_rows)


def _former(session: Session, ids: dict[str, int], counts: Counts) -> None:
    current = {
        (r.code, r.successor_id): r
        for r in session.execute(
            select(
                FormerAuthority.id,
                FormerAuthority.code,
                FormerAuthority.successor_id,
                FormerAuthority.name,
                FormerAuthority.ended_on,
            )
        )
    }
    new_rows = []
    for former in load_former_authorities():
        successor = ids.get(former.successor)
        if successor is None:
            continue
        values = {"name": former.name, "ended_on": former.ended_on}
        row = current.get((former.code, successor))
        if row is None:
            new_rows.append({"code": former.code, "successor_id": successor, **values})
            counts.created += 1
        elif (row.name, row.ended_on) != (former.name, former.ended_on):
            session.execute(
                update(FormerAuthority).where(FormerAuthority.id == row.id).values(**values)
            )
            counts.updated += 1
        else:
            counts.unchanged += 1
    if new_rows:
        session.execute(insert(FormerAuthority), new_rows)


def _branches(session: Session, ids: dict[str, int], counts: Counts) -> None:
    """Branches by source key. Branches no longer shipped are kept: work may point at them."""
    columns = [getattr(Branch, f) for f in BRANCH_FIELDS]
    current = {
        r.source_key: r for r in session.execute(select(Branch.id, Branch.source_key, *columns))
    }
    wanted = []
    for branch in load_branches():
        values = {f: branch[f] for f in BRANCH_FIELDS if f != "service_id"}
        values |= {"service_id": ids[branch["service_code"]], "source_key": branch["source_key"]}
        wanted.append((branch["source_key"], values))
    _upsert(session, Branch, current, wanted, counts)


__all__ = ["Counts", "InitReport", "initialise"]
