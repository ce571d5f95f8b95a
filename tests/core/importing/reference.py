"""The 208 real library services, their name variants and former authorities, for tests.

Built from ../shared/data independently of the shipped reference loader, so the importers'
matching is tested against the published files themselves.
"""

from __future__ import annotations

import csv
from pathlib import Path

from brokerdesk.core import vocabulary
from brokerdesk.core.db import Database
from brokerdesk.core.models import FormerAuthority, LibraryService, OfferArea, ServiceNameVariant


def load_reference(db: Database, data: Path) -> dict[str, int]:
    """Fill services, variants, former authorities and offer areas; return GSS code -> id."""
    authorities = data / "authorities"
    with db.write() as session:
        for order, (code, name, kind) in enumerate(vocabulary.OFFER_AREAS):
            session.add(OfferArea(code=code, name=name, kind=kind, sort_order=order))
        ids: dict[str, int] = {}
        with (authorities / "library_authorities.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                service = LibraryService(
                    gss_code=row["code"],
                    name=" ".join(row["name"].split()),
                    nice_name=row["nice_name"],
                    nation=row["nation"],
                    region=row["region"],
                    is_member=row["nation"] != "Scotland",
                )
                session.add(service)
                session.flush()
                ids[row["code"]] = service.id
        variants: set[tuple[int, str]] = set()
        with (authorities / "lower_upper_lookup.csv").open(encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                for column in ("UTLA23NM", "UTLA23NMW"):
                    if row[column] and row["UTLA23CD"] in ids:
                        variants.add((ids[row["UTLA23CD"]], row[column].strip()))
        with (data / "services" / "library_services_airtable.csv").open(encoding="utf-8") as h:
            for row in csv.DictReader(h):
                if row["Code"] in ids:
                    variants.add((ids[row["Code"]], row["Name"].strip()))
        three: dict[str, str] = {}
        former: list[dict[str, str]] = []
        with (authorities / "uk_local_authorities.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                three[row["local-authority-code"]] = row["gss-code"]
                if row["current-authority"] == "False" and row["replaced-by"]:
                    former.append(row)
                elif row["gss-code"] in ids:
                    for alt in row["alt-names"].split(","):
                        if alt.strip() and "\ufffd" not in alt:
                            variants.add((ids[row["gss-code"]], alt.strip()))
        for service_id, name in sorted(variants):
            session.add(ServiceNameVariant(service_id=service_id, name=name, source="test"))
        by_code = {r["local-authority-code"]: r for r in former}

        def successors(code: str) -> set[str]:
            gss = three.get(code, "")
            if gss in ids:
                return {gss}
            row = by_code.get(code)
            if row is None:
                return set()
            found: set[str] = set()
            for nxt in row["replaced-by"].split(","):
                found |= successors(nxt.strip())
            return found

        for row in former:
            for gss in sorted(successors(row["local-authority-code"])):
                if row["gss-code"]:
                    session.add(
                        FormerAuthority(
                            code=row["gss-code"],
                            name=row["official-name"],
                            successor_id=ids[gss],
                        )
                    )
    return ids
