"""Build ``resources/boundaries/library_services.json`` from the ONS boundary files.

Run once when the boundaries change::

    python -m brokerdesk.core.geo.build /work/shared/data/boundaries

GB library services are the December 2024 counties and unitary authorities (one feature per
service). Northern Ireland is ONE library service (LibrariesNI, N92000002), drawn from the
countries file; the 11 N09 district polygons are skipped. Rings are projected, simplified
with Douglas–Peucker to about 1 km and rounded to 100 m; rings that collapse are dropped.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from brokerdesk.core.geo.projection import project, simplify
from brokerdesk.core.geo.shapes import SHAPES_FILE

TOLERANCE_KM = 1.0
UNIT_KM = 0.1
NI_CODE = "N92000002"
COUNTIES = "ctyua_dec2024_uk_bsc.geojson"
COUNTRIES = "countries_dec2024_uk_buc.geojson"


def _polygons(geometry: dict[str, Any]) -> Iterable[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    else:
        yield from geometry["coordinates"]


def _rings(geometry: dict[str, Any]) -> list[list[int]]:
    rings: list[list[int]] = []
    for polygon in _polygons(geometry):
        for ring in polygon:
            plane = simplify([project(lon, lat) for lon, lat in ring], TOLERANCE_KM)
            flat: list[int] = []
            last: tuple[int, int] | None = None
            for x, y in plane:
                point = (round(x / UNIT_KM), round(y / UNIT_KM))
                if point != last:
                    flat.extend(point)
                    last = point
            if len(flat) >= 8:  # at least a triangle plus the closing point
                rings.append(flat)
    return rings


def build(source: Path, target: Path) -> int:
    """Write the shipped shapes; returns how many services were written."""
    counties = json.loads((source / COUNTIES).read_text(encoding="utf-8"))
    countries = json.loads((source / COUNTRIES).read_text(encoding="utf-8"))
    services: dict[str, dict[str, Any]] = {}
    for feature in counties["features"]:
        code = feature["properties"]["AREACD"]
        if code.startswith("N09"):
            continue
        services[code] = {"name": feature["properties"]["AREANM"], "rings": []}
        services[code]["rings"] = _rings(feature["geometry"])
    for feature in countries["features"]:
        if feature["properties"]["AREACD"] == NI_CODE:
            services[NI_CODE] = {"name": "Northern Ireland", "rings": _rings(feature["geometry"])}
    data = {
        "attribution": (target.parent / "ATTRIBUTION.md").name,
        "projection": "equirectangular, x scaled by cos(54.5 deg); km; y grows south",
        "unit_km": UNIT_KM,
        "services": dict(sorted(services.items())),
    }
    target.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return len(services)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder holding the two ONS GeoJSON files")
    default = Path(__file__).resolve().parents[3] / "resources" / "boundaries" / SHAPES_FILE
    parser.add_argument("--output", type=Path, default=default)
    args = parser.parse_args()
    count = build(args.source, args.output)
    print(f"{count} library services written to {args.output}")


if __name__ == "__main__":
    main()
