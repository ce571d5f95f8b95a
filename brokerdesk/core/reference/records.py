"""The shipped reference files, read back as typed records.

The app reads only ``resources/reference/`` at run time (an installed app has no
``shared/data``); :mod:`brokerdesk.core.reference.build` writes these files and this module
is the one place that knows their layout.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from brokerdesk.paths import resource

AUTHORITIES_FILE = "authorities.json.gz"
FORMER_FILE = "former_authorities.json.gz"
BRANCHES_FILE = "branches.csv.gz"
# Where each name variant came from, in the order the build prefers a source for a name.
VARIANT_SOURCES = ("mysociety", "airtable", "ons", "ons_welsh")
BRANCH_COLUMNS = (
    "source_key",
    "service_code",
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


@dataclass(frozen=True)
class NameVariant:
    """Another name of a library service, with the open data set that uses it."""

    name: str
    source: str


@dataclass(frozen=True)
class AuthorityRecord:
    """A library authority as shipped: the row a ``LibraryService`` is loaded from.

    Attributes:
        gss_code: ONS GSS code (NI is the country code ``N92000002``).
        name: official council name ("Hartlepool Borough Council").
        nice_name: short display name ("Hartlepool").
        nation: England, Wales, Scotland or Northern Ireland.
        region: English region, or the nation's name elsewhere.
        is_member: England, Wales and Northern Ireland services are members; Scotland's not.
        website, email, phone: from the Libraries Hacked directory (CC0), when known.
        variants: every other name the open data sets use for it, cleaned, no duplicates.
    """

    gss_code: str
    name: str
    nice_name: str
    nation: str
    region: str
    is_member: bool
    website: str | None
    email: str | None
    phone: str | None
    variants: tuple[NameVariant, ...]


@dataclass(frozen=True)
class FormerAuthorityRecord:
    """An abolished council (or a retired GSS code) and one library service now serving it."""

    code: str
    name: str
    nice_name: str
    successor: str
    ended_on: dt.date | None


def _read_gzip(name: str) -> str:
    return gzip.decompress(resource("reference", name).read_bytes()).decode("utf-8")


@cache
def _authorities() -> tuple[AuthorityRecord, ...]:
    rows: list[dict[str, Any]] = json.loads(_read_gzip(AUTHORITIES_FILE))
    return tuple(
        AuthorityRecord(
            **{k: v for k, v in row.items() if k != "variants"},
            variants=tuple(NameVariant(name, source) for name, source in row["variants"]),
        )
        for row in rows
    )


def load_authorities() -> list[AuthorityRecord]:
    """Every library authority as shipped (208: England, Wales, Scotland and LibrariesNI)."""
    return list(_authorities())


def load_former_authorities() -> list[FormerAuthorityRecord]:
    """Abolished councils and retired codes, one record per (code, successor) pair.

    A split county (Cumbria, Northamptonshire) has one record per successor, so a match on
    it stays uncertain.
    """
    rows: list[dict[str, Any]] = json.loads(_read_gzip(FORMER_FILE))
    return [
        FormerAuthorityRecord(
            code=row["code"],
            name=row["name"],
            nice_name=row["nice_name"],
            successor=row["successor"],
            ended_on=dt.date.fromisoformat(row["ended_on"]) if row["ended_on"] else None,
        )
        for row in rows
    ]


_BRANCH_TYPES: dict[str, type] = {
    "latitude": float,
    "longitude": float,
    "year_opened": int,
    "year_closed": int,
}


def _typed(key: str, value: str) -> Any:
    if value == "":
        return None
    if key == "statutory":
        return value == "True"
    kind = _BRANCH_TYPES.get(key)
    return kind(value) if kind is not None else value


def load_branches() -> list[dict[str, Any]]:
    """The 2023 England branches as shipped, one dict per branch with typed values.

    Plain dicts rather than records: they go straight into a bulk ``INSERT`` (with
    ``service_code`` swapped for the service's id).
    """
    reader = csv.DictReader(io.StringIO(_read_gzip(BRANCHES_FILE)))
    return [{k: _typed(k, v) for k, v in row.items()} for row in reader]
