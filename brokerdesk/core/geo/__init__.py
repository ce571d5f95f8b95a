"""Library-service shapes for the coverage map, shipped simplified in ``resources/boundaries``.

The map needs only outlines good enough to recognise an authority at national scale, so
the ONS boundaries are simplified once (``python -m brokerdesk.core.geo.build``) and shipped
as a small JSON file already projected to a flat plane (see :mod:`.projection`). Loading it
needs no geometry library; invalid (self-intersecting) rings are tolerated because the map
fills them with the odd-even rule rather than repairing them.
"""

from __future__ import annotations

from brokerdesk.core.geo.shapes import ServiceShape, load_shapes, shapes_file

__all__ = ["ServiceShape", "load_shapes", "shapes_file"]
