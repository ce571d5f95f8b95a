"""The Arts Council England 2023 branches, cleaned and each kept once (part of the build).

The ACE basic dataset files every Somerset and North Yorkshire library twice: under the
current unitary authorities and again under the abolished county codes. Rows under an
abolished code are moved to its successor, and a moved row identical to one already there
is the same branch; any other repeated key is a real problem in the data and stops the build.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from brokerdesk.core.reference.names import clean_name, fold

ACE_FILE = "basic-dataset-for-libraries-2023-enhanced.csv"
# Abolished county code -> the current authority the same rows are also filed under.
ABOLISHED_CODES = {"E10000027": "E06000066", "E10000023": "E06000065"}
_NOT_KEY = re.compile(r"[^a-z0-9]+")


def source_key(code: str, name: str, postcode: str, branch_type: str) -> str:
    """The branch's stable identity across rebuilds: ``ace2023:code:name:postcode:type``.

    Every part is folded to lower-case ASCII words joined by hyphens, so a later spelling
    fix in the cleaning (an apostrophe, a space) does not make the same library a new one.
    """
    parts = (code.upper(), name, postcode, branch_type)
    return "ace2023:" + ":".join(_NOT_KEY.sub("-", fold(p)).strip("-") for p in parts)


def read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    """Rows as dicts; ``newline=""`` keeps the CRLF file's embedded line breaks intact."""
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def _year(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _branch(row: dict[str, str], code: str) -> dict[str, Any]:
    name = clean_name(row["Name"])
    postcode = clean_name(row["Postcode"]).upper()
    branch_type = clean_name(row["Type"])
    address = ", ".join(
        clean_name(row[c]) for c in ("Address 1", "Address 2", "Address 3") if clean_name(row[c])
    )
    statutory = clean_name(row["Statutory in 2023"]).casefold()  # "yes" and "Yes" both occur
    return {
        "source_key": source_key(code, name, postcode, branch_type),
        "service_code": code,
        "name": name,
        "branch_type": branch_type or None,
        "address": address or None,
        "postcode": postcode or None,
        "uprn": clean_name(row["Unique property reference number"]) or None,
        "latitude": _float(row["Latitude"]),
        "longitude": _float(row["Longitude"]),
        "statutory": {"yes": True, "no": False}.get(statutory),
        "year_opened": _year(row["Year opened"]),
        "year_closed": _year(row["Year closed"]),
    }


def build_branches(folder: Path, library_codes: set[str]) -> list[dict[str, Any]]:
    """Every ACE 2023 branch once, under a current library service, in file order.

    Raises:
        ValueError: a row names a service that is not a library authority, or two different
            rows share a key (the key would no longer identify a branch).
    """
    kept: dict[str, dict[str, Any]] = {}
    moved: set[str] = set()
    for row in read_csv(folder / ACE_FILE):
        reported = clean_name(row["Reporting service code"]).upper()
        code = ABOLISHED_CODES.get(reported, reported)
        if code not in library_codes:
            raise ValueError(f"branch of unknown library service {reported}: {row['Name']}")
        branch = _branch(row, code)
        key = branch["source_key"]
        twin = kept.get(key)
        if twin is None:
            kept[key] = branch
            if reported != code:
                moved.add(key)
        elif twin != branch or (reported == code and key not in moved):
            raise ValueError(f"two different branches share the key {key}")
    return list(kept.values())
