"""Two import-linter contract types the built-in ones do not cover (see pyproject.toml).

``no_module_cycles``: no two modules of a package import each other, directly or through
others, counting imports inside functions (grimp records those; its own cycle search,
``acyclic_siblings``, compares whole sibling packages instead of modules).

``no_package_face_imports``: a module never imports a package it belongs to, neither as
``import brokerdesk.core.exporting`` nor as ``from brokerdesk.core.exporting import safety``:
the face imports its children, so a child that goes back through it reads a half-built module
when it is imported first.

Both see the graph import-linter built, so ``exclude_type_checking_imports`` applies to them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import grimp
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

FROM_IMPORT = re.compile(r"^\s*from\s+(\.*)([\w.]*)\s+import\b")


def _within(graph: grimp.ImportGraph, package: str) -> list[str]:
    return sorted(m for m in graph.modules if m == package or m.startswith(package + "."))


def module_cycles(graph: grimp.ImportGraph, package: str) -> list[list[str]]:
    """Each group of modules under ``package`` that import one another in a circle."""
    modules = _within(graph, package)
    inside = set(modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & inside - {m}) for m in modules}
    # Tarjan's strongly connected components, iteratively (no recursion limit to hit).
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(edges[step])))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return sorted(groups)


def one_cycle(graph: grimp.ImportGraph, group: list[str]) -> list[str]:
    """A shortest circle through the group's first module, to show the reader."""
    start, members = group[0], set(group)
    best: tuple[str, ...] | None = None
    for other in group[1:]:
        there = graph.find_shortest_chain(importer=start, imported=other)
        back = graph.find_shortest_chain(importer=other, imported=start)
        if there and back and set(there) | set(back) <= members | {start}:
            chain = (*there, *back[1:])
            if best is None or len(chain) < len(best):
                best = chain
    return list(best or group)


def import_lines(graph: grimp.ImportGraph, importer: str, imported: str) -> list[str]:
    return [
        f"{importer}:{d['line_number']}: {d['line_contents']}"
        for d in graph.get_import_details(importer=importer, imported=imported)
    ]


def busy_faces(graph: grimp.ImportGraph, package: str) -> set[str]:
    """The packages under ``package`` whose ``__init__`` imports modules inside them."""
    return {
        face
        for face in _within(graph, package)
        if any(m.startswith(face + ".") for m in graph.find_modules_directly_imported_by(face))
    }


def face_imports(graph: grimp.ImportGraph, package: str) -> list[str]:
    """Imports under ``package`` that go back through the face of a package they are in.

    Only faces that import their own children count: going through an empty ``__init__``
    (``from brokerdesk.core import clock``) reads nothing half-built.
    """
    faces = busy_faces(graph, package)
    found = []
    for importer in _within(graph, package):
        ancestors = {importer.rsplit(".", n)[0] for n in range(1, importer.count(".") + 1)}
        own_faces = ancestors & faces
        if not own_faces:
            continue
        is_package = bool(graph.find_children(importer))
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            for detail in graph.get_import_details(importer=importer, imported=imported):
                named = imported
                match = FROM_IMPORT.match(detail["line_contents"])
                if match:
                    dots, name = match.groups()
                    if dots:
                        base = importer if is_package else importer.rsplit(".", 1)[0]
                        if len(dots) > 1:
                            base = base.rsplit(".", len(dots) - 1)[0]
                        named = f"{base}.{name}" if name else base
                    else:
                        named = name
                if named in own_faces or imported in own_faces:
                    found.append(f"{importer}:{detail['line_number']}: {detail['line_contents']}")
    return sorted(set(found))


class NoModuleCyclesContract(Contract):
    """No import cycle between modules of ``containers``, imports in functions included."""

    type_name = "no_module_cycles"
    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        cycles = {
            container: [(g, one_cycle(graph, g)) for g in module_cycles(graph, container)]
            for container in self.containers  # type: ignore[attr-defined]
        }
        broken = {c: found for c, found in cycles.items() if found}
        return ContractCheck(kept=not broken, metadata={"cycles": broken, "graph": graph})

    def render_broken_contract(self, check: ContractCheck) -> None:
        graph = check.metadata["graph"]
        for container, cycles in check.metadata["cycles"].items():
            output.print_error(f"{len(cycles)} import cycle(s) in {container}:")
            output.new_line()
            for group, cycle in cycles:
                output.print_error(f"{len(group)} modules: {', '.join(group)}; for example")
                output.print_error(" -> ".join(cycle), bold=False)
                for importer, imported in itertools.pairwise(cycle):
                    for line in import_lines(graph, importer, imported):
                        output.indent_cursor()
                        output.print_error(line, bold=False)
                output.new_line()


class NoPackageFaceImportsContract(Contract):
    """No module under ``containers`` imports a package it is part of."""

    type_name = "no_package_face_imports"
    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        found = [
            line
            for container in self.containers  # type: ignore[attr-defined]
            for line in face_imports(graph, container)
        ]
        return ContractCheck(kept=not found, metadata={"imports": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print_error("These modules import their own package's face:")
        output.new_line()
        for line in check.metadata["imports"]:
            output.print_error(line, bold=False)
