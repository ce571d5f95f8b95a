"""The shipped boundaries: one shape per library service, NI as one, rebuildable."""

from __future__ import annotations

import json
from pathlib import Path

from brokerdesk.core.geo import build, load_shapes
from brokerdesk.core.geo.projection import project, simplify


def test_one_shape_per_library_authority(shared_data: Path) -> None:
    authorities = json.loads(
        (shared_data / "authorities" / "library_authorities.json").read_text("utf-8")
    )
    shapes = load_shapes()
    assert set(shapes) == {a["code"] for a in authorities}
    assert len(shapes) == 208
    assert not [code for code in shapes if code.startswith("N09")]
    assert shapes["N92000002"].name == "Northern Ireland"
    for shape in shapes.values():
        assert shape.rings and all(len(ring) >= 4 for ring in shape.rings)


def test_shapes_sit_where_the_places_are() -> None:
    shapes = load_shapes()
    x0, y0, x1, y1 = shapes["E09000001"].bounds()  # City of London, tiny
    lon_x, lat_y = project(-0.09, 51.515)
    assert x0 - 2 < lon_x < x1 + 2 and y0 - 2 < lat_y < y1 + 2
    # Highland lies north of Cornwall on the plane (y grows southwards).
    assert shapes["S12000017"].bounds()[3] < shapes["E06000052"].bounds()[1]


def test_shipped_file_is_what_the_build_script_makes(shared_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "shapes.json"
    assert build.build(shared_data / "boundaries", target) == 208
    shipped = json.loads(
        Path(build.__file__)
        .resolve()
        .parents[3]
        .joinpath("resources", "boundaries", "library_services.json")
        .read_text("utf-8")
    )
    assert json.loads(target.read_text("utf-8"))["services"] == shipped["services"]
    assert target.stat().st_size < 300_000


def test_simplify_keeps_corners_and_drops_wiggles() -> None:
    line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 0.0), (3.0, 5.0)]
    assert simplify(line, 0.5) == [(0.0, 0.0), (3.0, 0.0), (3.0, 5.0)]
    assert simplify(line, 0.01) == line


def test_neighbours_share_a_border_both_ways() -> None:
    from brokerdesk.core.geo.neighbours import neighbours

    near = neighbours()
    assert near["E06000016"] == {"E10000018"}  # Leicester lies inside Leicestershire
    assert {"W06000016", "W06000018", "W06000022", "W06000014"} == near["W06000015"]  # Cardiff
    assert near["N92000002"] == frozenset()  # across the sea from everyone
    assert all(code in near[other] for code, others in near.items() for other in others)
