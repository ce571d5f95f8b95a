"""Load the shipped, simplified library-service shapes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from brokerdesk.paths import resource

SHAPES_FILE = "library_services.json"


@dataclass(frozen=True)
class ServiceShape:
    """One library service's outline: rings of (x, y) plane points in km (y grows south).

    A service may have many rings (islands); holes are rings too, drawn with the odd-even
    rule, so no ring orientation or validity is assumed.
    """

    gss_code: str
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]

    def bounds(self) -> tuple[float, float, float, float]:
        """(min x, min y, max x, max y) over every ring."""
        xs = [x for ring in self.rings for x, _ in ring]
        ys = [y for ring in self.rings for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def shapes_file() -> Path:
    """Where the shipped shapes live (source checkout or frozen build)."""
    return Path(resource("boundaries", SHAPES_FILE))


@lru_cache(maxsize=2)
def load_shapes(path: Path | None = None) -> dict[str, ServiceShape]:
    """Every library service's shape by GSS code (GB authorities plus one for NI).

    The file stores each ring as a flat list of integers in tenths of a kilometre, which
    keeps it small; this turns them back into km.
    """
    data = json.loads((path or shapes_file()).read_text(encoding="utf-8"))
    scale = float(data["unit_km"])
    shapes: dict[str, ServiceShape] = {}
    for code, entry in data["services"].items():
        rings = tuple(
            tuple((flat[i] * scale, flat[i + 1] * scale) for i in range(0, len(flat), 2))
            for flat in entry["rings"]
        )
        shapes[code] = ServiceShape(code, entry["name"], rings)
    return shapes
