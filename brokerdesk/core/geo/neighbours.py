"""Which library services share a border, from the shipped shapes.

Two services are neighbours when their outlines come within about a kilometre of each other
somewhere (the shapes are simplified to ~1 km, so shared borders no longer coincide exactly).
Vertices are hashed into 1 km cells, so the whole UK takes a fraction of a second.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from brokerdesk.core.geo.shapes import load_shapes

CELL_KM = 1.0


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """GSS code → the GSS codes of the services bordering it."""
    cells: dict[tuple[int, int], set[str]] = defaultdict(set)
    for code, shape in load_shapes().items():
        for ring in shape.rings:
            for x, y in ring:
                cells[(int(x // CELL_KM), int(y // CELL_KM))].add(code)
    touching: dict[str, set[str]] = defaultdict(set)
    for (cx, cy), codes in cells.items():
        near: set[str] = set()
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                near |= cells.get((cx + dx, cy + dy), set())
        for code in codes:
            touching[code] |= near - {code}
    return {code: frozenset(touching.get(code, set())) for code in load_shapes()}
