"""A flat projection good enough for a UK overview map.

Equirectangular with the longitude scaled by cos(54.5°) (the UK's middle latitude): within
the UK it distorts areas by at most about 10 %, which is invisible on a choropleth, and it
needs no projection library. Units are kilometres; y grows southwards, as on a screen.
"""

from __future__ import annotations

import math

MID_LATITUDE = 54.5
KM_PER_DEGREE = 111.32
_X_SCALE = KM_PER_DEGREE * math.cos(math.radians(MID_LATITUDE))


def project(lon: float, lat: float) -> tuple[float, float]:
    """Screen-style plane coordinates (km east, km south) for a WGS84 point."""
    return lon * _X_SCALE, -lat * KM_PER_DEGREE


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker simplification of a closed or open line (iterative, no recursion).

    Args:
        points: the line's vertices in plane units.
        tolerance: the largest distance (same units) a dropped vertex may lie off the line.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, worst_at = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                dist = math.hypot(px - ax, py - ay)
            else:
                dist = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if dist > worst:
                worst, worst_at = dist, i
        if worst > tolerance:
            keep[worst_at] = True
            stack.append((first, worst_at))
            stack.append((worst_at, last))
    return [p for p, k in zip(points, keep, strict=True) if k]
