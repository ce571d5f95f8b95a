"""Load the shipped reference data into a database, once, and again without changing anything.

``initialise(db)`` upserts the six offer areas, every library service (keyed by GSS code) with
its name variants, the former authorities and the 2023 branches (keyed by a stable source
key), in one transaction. A second run finds everything equal and writes nothing, so no
version number or timestamp moves.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
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
from brokerdesk.paths import resource

SERVICE_FIELDS = ("name", "nice_name", "nation", "region", "is_member")
CONTACT_FIELDS = ("website", "email", "phone")
BRANCH_FIELDS = (
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


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class InitReport:
    offer_areas: Counts = field(default_factory=Counts)
    library_services: Counts = field(default_factory=Counts)
    name_variants: Counts = field(default_factory=Counts)
    former_authorities: Counts = field(default_factory=Counts)
    branches: Counts = field(default_factory=Counts)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {name: asdict(counts) for name, counts in vars(self).items()}

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated for c in vars(self).values())


def load_authorities() -> list[dict[str, Any]]:
    """Every library authority as shipped (GSS code, names, nation, region, variants...)."""
    data: list[dict[str, Any]] = json.loads(
        resource("reference", "authorities.json").read_text(encoding="utf-8")
    )
    return data


def load_former_authorities() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(
        resource("reference", "former_authorities.json").read_text(encoding="utf-8")
    )
    return data


def _number(value: str, kind: type) -> Any:
    if value == "":
        return None
    if kind is bool:
        return value == "True"
    return kind(value)


def load_branches() -> list[dict[str, Any]]:
    """The 2023 England branches as shipped, with typed values."""
    raw = gzip.decompress(resource("reference", "branches.csv.gz").read_bytes()).decode("utf-8")
    kinds = {
        "latitude": float,
        "longitude": float,
        "year_opened": int,
        "year_closed": int,
        "statutory": bool,
    }
    rows = []
    for row in csv.DictReader(io.StringIO(raw)):
        rows.append(
            {k: _number(v, kinds[k]) if k in kinds else (v or None) for k, v in row.items()}
        )
    return rows


def initialise(db: Database) -> InitReport:
    """Make the database hold exactly the shipped reference data (team edits are kept)."""
    report = InitReport()
    with db.write() as session:
        session.info["audit_disabled"] = True
        _offer_areas(session, report.offer_areas)
        ids = _services(session, load_authorities(), report)
        _former(session, ids, report.former_authorities)
        _branches(session, ids, report.branches)
        if report.changed:
            summary = ", ".join(
                f"{name.replace('_', ' ')} +{c.created}/~{c.updated}"
                for name, c in vars(report).items()
                if c.created or c.updated
            )
            audit.record(session, "import", "library_service", f"Reference data: {summary}")
    return report


def _offer_areas(session: Session, counts: Counts) -> None:
    existing = {a.code: a for a in session.scalars(select(OfferArea))}
    for order, (code, name, kind) in enumerate(vocabulary.OFFER_AREAS):
        area = existing.get(code)
        if area is None:
            session.add(OfferArea(code=code, name=name, kind=kind, sort_order=order))
            counts.created += 1
        else:
            counts.unchanged += 1  # names the team may have edited are theirs to keep
    session.flush()


def _services(
    session: Session, authorities: list[dict[str, Any]], report: InitReport
) -> dict[str, int]:
    current = {
        row.gss_code: row
        for row in session.execute(
            select(
                LibraryService.id,
                LibraryService.gss_code,
                *(getattr(LibraryService, f) for f in SERVICE_FIELDS + CONTACT_FIELDS),
            )
        )
    }
    counts = report.library_services
    new_rows = []
    for authority in authorities:
        values = {f: authority[f] for f in SERVICE_FIELDS}
        row = current.get(authority["gss_code"])
        if row is None:
            new_rows.append(
                {
                    "gss_code": authority["gss_code"],
                    "version_id": 1,
                    **values,
                    **{f: authority[f] for f in CONTACT_FIELDS},
                }
            )
            counts.created += 1
            continue
        changed = {f: v for f, v in values.items() if getattr(row, f) != v}
        # Contact details the team has filled in are theirs; only empty ones are completed.
        changed |= {
            f: authority[f]
            for f in CONTACT_FIELDS
            if getattr(row, f) is None and authority[f] is not None
        }
        if changed:
            session.execute(
                update(LibraryService)
                .where(LibraryService.id == row.id)
                .values(**changed, version_id=LibraryService.version_id + 1, updated_at=utcnow())
            )
            counts.updated += 1
        else:
            counts.unchanged += 1
    if new_rows:
        session.execute(insert(LibraryService), new_rows)
    ids = dict(session.execute(select(LibraryService.gss_code, LibraryService.id)).all())
    _variants(session, authorities, ids, report.name_variants)
    return ids


def _variants(
    session: Session, authorities: list[dict[str, Any]], ids: dict[str, int], counts: Counts
) -> None:
    existing = set(
        session.execute(select(ServiceNameVariant.service_id, ServiceNameVariant.name)).all()
    )
    existing_folded = {(sid, name.casefold()) for sid, name in existing}
    rows = []
    for authority in authorities:
        sid = ids[authority["gss_code"]]
        for name in authority["variants"]:
            if (sid, name.casefold()) in existing_folded:
                counts.unchanged += 1
                continue
            existing_folded.add((sid, name.casefold()))
            rows.append({"service_id": sid, "name": name, "source": "reference"})
    if rows:
        session.execute(insert(ServiceNameVariant), rows)
        counts.created += len(rows)


def _former(session: Session, ids: dict[str, int], counts: Counts) -> None:
    existing: set[tuple[str, int]] = {
        (code, sid)
        for code, sid in session.execute(select(FormerAuthority.code, FormerAuthority.successor_id))
    }
    rows = []
    for former in load_former_authorities():
        successor = ids.get(former["successor"])
        if successor is None:
            continue
        if (former["code"], successor) in existing:
            counts.unchanged += 1
            continue
        existing.add((former["code"], successor))
        ended = former["ended_on"]
        rows.append(
            {
                "code": former["code"],
                "name": former["name"],
                "successor_id": successor,
                "ended_on": None if ended is None else dt.date.fromisoformat(ended),
            }
        )
    if rows:
        session.execute(insert(FormerAuthority), rows)
        counts.created += len(rows)


def _branches(session: Session, ids: dict[str, int], counts: Counts) -> None:
    columns = [getattr(Branch, f) for f in BRANCH_FIELDS]
    current = {
        row.source_key: row
        for row in session.execute(
            select(Branch.id, Branch.source_key, Branch.service_id, *columns)
        )
    }
    new_rows = []
    for branch in load_branches():
        values = {f: branch[f] for f in BRANCH_FIELDS}
        values["service_id"] = ids[branch["service_code"]]
        row = current.get(branch["source_key"])
        if row is None:
            new_rows.append({"source_key": branch["source_key"], "version_id": 1, **values})
            counts.created += 1
            continue
        changed = {f: v for f, v in values.items() if getattr(row, f) != v}
        if changed:
            session.execute(
                update(Branch)
                .where(Branch.id == row.id)
                .values(**changed, version_id=Branch.version_id + 1, updated_at=utcnow())
            )
            counts.updated += 1
        else:
            counts.unchanged += 1
    if new_rows:
        session.execute(insert(Branch), new_rows)


__all__ = ["InitReport", "initialise", "load_authorities", "load_branches"]
