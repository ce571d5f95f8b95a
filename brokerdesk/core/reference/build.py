"""Build the reference data the app ships, from the open data in ``shared/data``.

    python -m brokerdesk.core.reference.build ../shared/data

Writes ``resources/reference/``: ``authorities.json`` (every library authority with its name
variants and contact details), ``former_authorities.json`` (abolished councils and the library
services that took them over) and ``branches.csv.gz`` (the Arts Council England 2023 branches,
each once). The app reads only these files at run time. Quirks resolved here: the Somerset and
North Yorkshire branches filed twice under abolished county codes are kept once, under the
current authorities; names lose double spaces, invisible characters and mojibake.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from brokerdesk.core.reference.names import clean_name, normalise_name
from brokerdesk.paths import resource

# Rows of the ACE file repeated under abolished county codes (identical apart from the service).
DUPLICATED_UNDER_OLD_CODES = {"E10000027": "E06000066", "E10000023": "E06000065"}
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


def _read_csv(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def _usable(name: str) -> bool:
    """Mojibake that cannot be repaired (a replacement character) is worse than no variant."""
    return bool(name) and "\ufffd" not in name and "ï¿½" not in name


def _ascii_only(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isascii())


def _variants(names: Iterable[str | None]) -> list[str]:
    """Distinct, useful names. mySociety's comma-separated alt-names split names that hold a
    comma ("Bristol, City of" → "City of"), and some lost a letter to bad encoding
    ("ynys mn"): such fragments would only mislead fuzzy matching, so they are dropped."""
    seen: dict[str, str] = {}
    for raw in names:
        name = clean_name(raw or "")
        if _usable(name) and name.casefold() not in seen:
            seen[name.casefold()] = name
    whole = [v for v in seen.values() if " " in v or not v.islower()]
    kept = []
    for name in seen.values():
        words = normalise_name(name).split()
        if all(w in {"city", "of", "county", "borough", "council"} for w in words):
            continue  # "City of": a fragment
        if (
            name.islower()
            and " " not in name
            and any(name in other.casefold() and other != name for other in whole)
        ):
            continue  # "cynon", "taff": a fragment of a longer name
        if name.islower() and any(
            name != other.casefold() and name == _ascii_only(other) for other in seen.values()
        ):
            continue  # "ynys mn": "Ynys Môn" with its accented letter lost
        kept.append(name)
    return sorted(kept, key=str.casefold)


def build_authorities(data: Path) -> list[dict[str, Any]]:
    authorities = _read_csv(data / "authorities" / "library_authorities.csv")
    airtable = {
        r["Code"]: r for r in _read_csv(data / "services" / "library_services_airtable.csv")
    }
    mysociety = _read_csv(data / "authorities" / "uk_local_authorities.csv")
    by_gss: dict[str, list[dict[str, str]]] = {}
    for row in mysociety:
        by_gss.setdefault(row["gss-code"], []).append(row)
    lookup = _read_csv(data / "authorities" / "lower_upper_lookup.csv", "utf-8-sig")
    upper_names: dict[str, set[str]] = {}
    for row in lookup:
        upper_names.setdefault(row["UTLA23CD"], set()).update(
            {row["UTLA23NM"], row.get("UTLA23NMW") or ""}
        )
    boundary_names = _boundary_names(data)
    out = []
    for row in authorities:
        code = row["code"]
        extra = airtable.get(code, {})
        names: list[str | None] = [
            row["name"],
            row["nice_name"],
            extra.get("Name"),
            extra.get("Service name"),
            boundary_names.get(code),
        ]
        for society in by_gss.get(code, []):
            names += [society["official-name"], society["nice-name"]]
            names += [n for n in society["alt-names"].split(",")]
        names += sorted(upper_names.get(code, set()))
        nation = row["nation"]
        out.append(
            {
                "gss_code": code,
                "name": clean_name(row["name"]),
                "nice_name": clean_name(row["nice_name"]),
                "nation": nation,
                "region": clean_name(row["region"]),
                "is_member": nation in ("England", "Wales", "Northern Ireland"),
                "website": extra.get("Service URL") or None,
                "email": (extra.get("Email") or "").strip() or None,
                "phone": (extra.get("Phone") or "").strip() or None,
                "variants": _variants(names),
            }
        )
    return out


def _boundary_names(data: Path) -> dict[str, str]:
    path = data / "boundaries" / "ctyua_dec2024_uk_bsc.geojson"
    if not path.exists():
        return {}
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["AREACD"]: f["properties"]["AREANM"] for f in features}


def build_former_authorities(data: Path, library_codes: set[str]) -> list[dict[str, Any]]:
    """Abolished councils → the library services now responsible for their area.

    Successors are followed through later reorganisations (Taunton Deane → Somerset West and
    Taunton → Somerset) and, when a successor is a district, up to its county's library service.
    """
    rows = _read_csv(data / "authorities" / "uk_local_authorities.csv")
    by_code = {r["local-authority-code"]: r for r in rows}

    def library_services(code: str, depth: int = 0) -> set[str]:
        row = by_code.get(code)
        if row is None or depth > 5:
            return set()
        if row["gss-code"] in library_codes:
            return {row["gss-code"]}
        if row["replaced-by"]:
            found: set[str] = set()
            for successor in row["replaced-by"].split(","):
                found |= library_services(successor.strip(), depth + 1)
            return found
        if row["county-la"]:
            return library_services(row["county-la"], depth + 1)
        return set()

    out = []
    for row in rows:
        if row["current-authority"] != "False" or not row["gss-code"] or not row["replaced-by"]:
            continue
        for successor in sorted(library_services(row["local-authority-code"])):
            out.append(
                {
                    "code": row["gss-code"],
                    "name": clean_name(row["official-name"]),
                    "nice_name": clean_name(row["nice-name"]),
                    "successor": successor,
                    "ended_on": row["end-date"] or None,
                }
            )
    return out


def _year(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def build_branches(data: Path, library_codes: set[str]) -> list[dict[str, Any]]:
    path = data / "branches" / "basic-dataset-for-libraries-2023-enhanced.csv"
    seen: set[str] = set()
    out = []
    for row in _read_csv(path):
        code = row["Reporting service code"].strip()
        if code in DUPLICATED_UNDER_OLD_CODES:
            continue  # the same rows are there under the current authority
        if code not in library_codes:
            raise ValueError(f"branch of unknown library service {code}: {row['Name']}")
        name = clean_name(row["Name"])
        postcode = clean_name(row["Postcode"]).upper()
        branch_type = clean_name(row["Type"])
        key = f"ace2023:{code}:{name.casefold()}:{postcode.replace(' ', '')}:{branch_type}"
        if key in seen:
            raise ValueError(f"duplicate branch {key}")
        seen.add(key)
        address = ", ".join(
            clean_name(row[c]) for c in ("Address 1", "Address 2", "Address 3") if row[c].strip()
        )
        statutory = clean_name(row["Statutory in 2023"]).lower()
        out.append(
            {
                "source_key": key,
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
        )
    return out


def write(data: Path, target: Path) -> dict[str, int]:
    target.mkdir(parents=True, exist_ok=True)
    authorities = build_authorities(data)
    codes = {a["gss_code"] for a in authorities}
    former = build_former_authorities(data, codes)
    branches = build_branches(data, codes)
    (target / "authorities.json").write_text(
        json.dumps(authorities, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (target / "former_authorities.json").write_text(
        json.dumps(former, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=BRANCH_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(branches)
    # mtime=0: the same data gives the same bytes, so rebuilding changes nothing in git.
    with gzip.GzipFile(target / "branches.csv.gz", "wb", mtime=0) as handle:
        handle.write(text.getvalue().encode("utf-8"))
    return {"authorities": len(authorities), "former": len(former), "branches": len(branches)}


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    data = Path(args[0]) if args else Path(__file__).resolve().parents[4] / "shared" / "data"
    counts = write(data, resource("reference"))
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
