"""The import contracts: they see imports inside functions, and no new cycle creeps in.

`make lint` runs the contracts in pyproject.toml's [tool.importlinter]. These tests prove the two
contract types of our own catch what they are for, on small real packages written to
``tmp_path``, and that the contracts pass on BrokerDesk itself.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import grimp
import pytest

from tests.architecture.contracts import face_imports, module_cycles

ROOT = Path(__file__).resolve().parents[2]


def _package(root: Path, name: str, modules: dict[str, str]) -> None:
    for module, source in modules.items():
        path = root / name / module
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), "utf-8")


def _graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> grimp.ImportGraph:
    monkeypatch.syspath_prepend(str(tmp_path))
    return grimp.build_graph(name, exclude_type_checking_imports=True, cache_dir=None)


def test_an_import_inside_a_function_closes_a_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package(
        tmp_path,
        "circle",
        {
            "__init__.py": "",
            "window.py": "from circle.launcher import start\n",
            "launcher.py": "def start():\n    from circle.window import Window\n",
            "typed.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from circle.plain import Plain\n"
            ),
            "plain.py": "from circle.typed import x\n",
        },
    )
    graph = _graph(tmp_path, monkeypatch, "circle")
    # The launcher's import runs only when start() is called, and still makes a cycle; an
    # import that never runs (TYPE_CHECKING) does not.
    assert module_cycles(graph, "circle") == [["circle.launcher", "circle.window"]]


def test_a_child_going_back_through_its_package_face_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _package(
        tmp_path,
        "faces",
        {
            "__init__.py": "",
            "exporting/__init__.py": "from faces.exporting.batch import run\n",
            "exporting/batch.py": "from faces.exporting import safety\ndef run(): ...\n",
            "exporting/matrix.py": "import faces.exporting.safety as safety\n",
            "exporting/tables.py": "from . import safety\n",
            "exporting/safety.py": "from faces import clock\n",
            "clock.py": "",
        },
    )
    graph = _graph(tmp_path, monkeypatch, "faces")
    # `from faces import clock` is fine: that face is empty, so nothing is half-built.
    assert face_imports(graph, "faces") == [
        "faces.exporting.batch:1: from faces.exporting import safety",
        "faces.exporting.tables:1: from . import safety",
    ]


def test_no_module_is_in_an_import_cycle() -> None:
    # #15 broke the last cycles; the no-cycles contract keeps it so, and this names the knot.
    graph = grimp.build_graph("brokerdesk", exclude_type_checking_imports=True, cache_dir=None)
    assert module_cycles(graph, "brokerdesk") == []


def test_the_contracts_make_lint_runs_pass() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
