"""Build the reference data the app ships, from the open data in ``shared/data``.

    python -m brokerdesk.core.reference.build SHARED_DATA_DIR

Writes three gzip files to ``resources/reference/`` (layout in
:mod:`brokerdesk.core.reference.records`): every library authority with its name variants
and contact details, the abolished councils and retired codes with the services that took
them over, and the Arts Council England 2023 branches, each once. Only openly licensed
sources go in (see ``ATTRIBUTION.md``); the UK-wide branch list and the activity figures stay
test data. The output is byte-for-byte the same for the same input, so a rebuild that changes
nothing changes nothing in git.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from brokerdesk.core.models import MEMBER_NATIONS
from brokerdesk.core.reference.build_branches import build_branches, read_csv
from brokerdesk.core.reference.names import clean_name, fold, is_unrecoverable, normalise_name
from brokerdesk.core.reference.records import (
    AUTHORITIES_FILE,
    BRANCH_COLUMNS,
    BRANCHES_FILE,
    FORMER_FILE,
)
from brokerdesk.paths import resource

_EMAIL = re.compile(r"^[^@\s/]+@[^@\s/]+\.[^@\s/]+$")


def _fragment(name: str, others: Iterable[str]) -> bool:
    """A piece of a name that mySociety's comma-separated ``alt-names`` split apart.

    "Bristol, City of" arrives as "bristol" and "city of"; "Rhondda, Cynon, Taff" as three
    words. Such pieces, and names that lost an accented letter ("ynys mn" for "Ynys Môn"),
    would only mislead matching.
    """
    if not normalise_name(name).strip() or set(fold(name).split()) <= {"city", "of", "county"}:
        return True
    if not name.islower():
        return False
    longer = [o for o in others if o != name]
    if " " not in name and any(name in o.casefold() and " " in o for o in longer):
        return True
    # Compare with the accented letters dropped, not folded: "ynys mn" is "Ynys Môn" damaged.
    return any(name == "".join(c for c in o.casefold() if c.isascii()) for o in longer)


def _variants(named: Iterable[tuple[str | None, str]]) -> list[list[str]]:
    """Distinct usable names, each with the first (most authoritative) source using it."""
    seen: dict[str, tuple[str, str]] = {}
    for raw, source in named:
        name = clean_name(raw or "")
        if name and not is_unrecoverable(name) and name.casefold() not in seen:
            seen[name.casefold()] = (name, source)
    names = [name for name, _ in seen.values()]
    kept = [[name, source] for name, source in seen.values() if not _fragment(name, names)]
    return sorted(kept, key=lambda pair: pair[0].casefold())


def _contact(value: str | None, *, email: bool = False) -> str | None:
    text = clean_name(value or "")
    if email:
        text = text.removeprefix("mailto:")
        return text if _EMAIL.match(text) else None  # one "email" is a web form's address
    return text or None


def build_authorities(data: Path) -> list[dict[str, Any]]:
    """The 208 library authorities, with every name the open data sets give them."""
    airtable = {r["Code"]: r for r in read_csv(data / "services" / "library_services_airtable.csv")}
    society: dict[str, list[dict[str, str]]] = {}
    for row in read_csv(data / "authorities" / "uk_local_authorities.csv"):
        society.setdefault(row["gss-code"], []).append(row)
    lookup: dict[str, list[tuple[str, str]]] = {}
    for row in read_csv(data / "authorities" / "lower_upper_lookup.csv", "utf-8-sig"):
        lookup.setdefault(row["UTLA23CD"], []).extend(
            [(row["UTLA23NM"], "ons"), (row["UTLA23NMW"], "ons_welsh")]
        )
    boundary = _boundary_names(data)
    out = []
    for row in read_csv(data / "authorities" / "library_authorities.csv"):
        code = row["code"]
        extra = airtable.get(code, {})
        named: list[tuple[str | None, str]] = [
            (row["name"], "mysociety"),
            (row["nice_name"], "mysociety"),
            (extra.get("Name"), "airtable"),
            (extra.get("Service name"), "airtable"),
            (boundary.get(code), "ons"),
            *lookup.get(code, []),
        ]
        for other in society.get(code, []):
            names = [other["official-name"], other["nice-name"], *other["alt-names"].split(",")]
            named += [(n, "mysociety") for n in names]
        out.append(
            {
                "gss_code": code,
                "name": clean_name(row["name"]),
                "nice_name": clean_name(row["nice_name"]),
                "nation": row["nation"],
                "region": clean_name(row["region"]),
                "is_member": row["nation"] in MEMBER_NATIONS,
                "website": _contact(extra.get("Service URL")),
                "email": _contact(extra.get("Email"), email=True),
                "phone": _contact(extra.get("Phone")),
                "variants": _variants(named),
            }
        )
    return out


DISTRICTS_FILE = "districts.csv"
_DISTRICTS_HEADER = """\
# Districts of two-tier English counties and the county library service that serves them, so
# "Harlow Library" or "Tunbridge Wells" finds Essex or Kent. Derived by
# brokerdesk/core/reference/build.py from the ONS Lower Tier Local Authority to Upper Tier
# Local Authority (April 2023) Lookup in England and Wales (Open Government Licence v3.0; see
# ATTRIBUTION.md). Read with service_names.csv, which wins where both name a place.
"""


def build_districts(data: Path, library_codes: set[str]) -> list[dict[str, str]]:
    """Each district inside a county library service: its name(s) and the county's code."""
    out: list[dict[str, str]] = []
    for row in read_csv(data / "authorities" / "lower_upper_lookup.csv", "utf-8-sig"):
        county = row["UTLA23CD"]
        if row["LTLA23CD"] == county or county not in library_codes:
            continue
        for name in dict.fromkeys(n for n in (row["LTLA23NM"], row["LTLA23NMW"]) if n):
            out.append({"name": clean_name(name), "services": county, "kind": "district"})
    return out


def _boundary_names(data: Path) -> dict[str, str]:
    """ONS names (AREANM) by code; names only, the shapes are the map's business."""
    path = data / "boundaries" / "ctyua_dec2024_uk_bsc.geojson"
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["AREACD"]: f["properties"]["AREANM"] for f in features}


def build_former_authorities(data: Path, library_codes: set[str]) -> list[dict[str, Any]]:
    """Abolished councils and retired GSS codes → the library services now serving them.

    Successors are followed through later reorganisations (Taunton Deane → Somerset West and
    Taunton → Somerset) and, when a successor is a district, up to its county's library
    service (Forest Heath → West Suffolk → Suffolk). A current service's earlier codes
    (Northumberland's E06000048) are included too, since older spreadsheets still use them.
    """
    rows = read_csv(data / "authorities" / "uk_local_authorities.csv")
    by_code = {r["local-authority-code"]: r for r in rows}

    def services(code: str, depth: int = 0) -> set[str]:
        row = by_code.get(code)
        if row is None or depth > 5:
            return set()
        if row["gss-code"] in library_codes:
            return {row["gss-code"]}
        if row["replaced-by"]:
            return set().union(
                *(services(s.strip(), depth + 1) for s in row["replaced-by"].split(","))
            )
        return services(row["county-la"], depth + 1) if row["county-la"] else set()

    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        retired: list[tuple[str, str | None]] = []
        if row["current-authority"] == "False" and row["gss-code"] and row["replaced-by"]:
            retired.append((row["gss-code"], row["end-date"] or None))
        if row["gss-code"] in library_codes:
            retired += [(c.strip(), None) for c in row["former-gss-codes"].split(",") if c.strip()]
        for code, ended in retired:
            for successor in sorted(services(row["local-authority-code"])):
                out[(code, successor)] = {
                    "code": code,
                    "name": clean_name(row["official-name"]),
                    "nice_name": clean_name(row["nice-name"]),
                    "successor": successor,
                    "ended_on": ended,
                }
    return [out[key] for key in sorted(out)]


def _gzip(path: Path, text: str) -> int:
    """Write ``text`` gzipped with a fixed timestamp, so equal data gives equal bytes."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))
    return path.stat().st_size


def _json_lines(records: list[dict[str, Any]]) -> str:
    """A JSON array with one record per line: small, and still diffable once unzipped."""
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def write(data: Path, target: Path) -> dict[str, int]:
    """Build every shipped file from ``data`` into ``target``; returns the record counts."""
    target.mkdir(parents=True, exist_ok=True)
    authorities = build_authorities(data)
    codes = {a["gss_code"] for a in authorities}
    former = build_former_authorities(data, codes)
    branches = build_branches(data / "branches", codes)
    _gzip(target / AUTHORITIES_FILE, _json_lines(authorities))
    _gzip(target / FORMER_FILE, _json_lines(former))
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=BRANCH_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(branches)
    _gzip(target / BRANCHES_FILE, text.getvalue())
    districts = io.StringIO(_DISTRICTS_HEADER)
    districts.seek(0, io.SEEK_END)
    rows = csv.DictWriter(districts, fieldnames=["name", "services", "kind"], lineterminator="\n")
    rows.writeheader()
    rows.writerows(build_districts(data, codes))
    (target / DISTRICTS_FILE).write_text(districts.getvalue(), encoding="utf-8")
    for stale in ("authorities.json", "former_authorities.json"):  # the first build's layout
        (target / stale).unlink(missing_ok=True)
    return {"authorities": len(authorities), "former": len(former), "branches": len(branches)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m brokerdesk.core.reference.build SHARED_DATA_DIR", file=sys.stderr)
        return 2
    counts = write(Path(args[0]), resource("reference"))
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
