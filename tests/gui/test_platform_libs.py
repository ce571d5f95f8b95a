"""A fresh desktop without Qt's X11 libraries gets one line to act on, not Qt's abort.

The dynamic linker's answer is faked with an ``ldd`` on PATH (a real program, run as the
launcher runs it) that reports the libraries a fresh Debian desktop lacks.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brokerdesk.gui.platform_libs import (
    debian_package,
    platform_folder_plugins,
    platforms_to_try,
    window_problem,
)

ROOT = Path(__file__).resolve().parents[2]


def _fake_ldd(folder: Path, missing: dict[str, str]) -> str:
    """A PATH whose ``ldd`` says ``missing[plugin file name]`` is not found (else all found)."""
    folder.mkdir(exist_ok=True)
    cases = "\n".join(
        f'  *{plugin}) echo "        {lib} => not found" ;;' for plugin, lib in missing.items()
    )
    script = folder / "ldd"
    script.write_text(
        "#!/bin/sh\n"
        'echo "        libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x0000)"\n'
        f'case "$1" in\n{cases}\nesac\n'
    )
    script.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ['PATH']}"


def test_make_run_on_a_desktop_without_libxcb_cursor_says_what_to_install(
    tmp_path: Path,
) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
    }
    env.update(
        DISPLAY=":99",  # an X11 desktop, as `make run` sees one
        PATH=_fake_ldd(tmp_path / "bin", {"libqxcb.so": "libxcb-cursor.so.0"}),
        PYTHONPATH=str(ROOT),
    )
    database = tmp_path / "team.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "brokerdesk", "--db", str(database)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines == [
        "BrokerDesk cannot open a window: Qt's xcb platform plugin needs libxcb-cursor.so.0, "
        "not installed here. Install it with: sudo apt-get install libxcb-cursor0"
    ]
    assert not database.exists(), "nothing was opened or made"


def test_wayland_falls_back_to_x11_and_both_missing_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desktop = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert platforms_to_try(desktop) == ["wayland", "xcb"]
    assert platforms_to_try({"QT_QPA_PLATFORM": "offscreen"}) == []
    assert platforms_to_try({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    wayland = platform_folder_plugins("wayland")[0]
    monkeypatch.setenv("PATH", _fake_ldd(tmp_path / "a", {wayland: "libwayland-cursor.so.0"}))
    assert window_problem(desktop) is None  # Qt opens the window on X11 instead
    missing = {wayland: "libwayland-cursor.so.0", "libqxcb.so": "libxcb-cursor.so.0"}
    monkeypatch.setenv("PATH", _fake_ldd(tmp_path / "b", missing))
    problem = window_problem(desktop)
    assert problem is not None and "\n" not in problem
    assert problem.endswith("sudo apt-get install libwayland-cursor0 libxcb-cursor0")
    assert window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None  # tests, CI, screenshots


def test_this_machine_has_what_qt_needs_for_a_window() -> None:
    """`make test` installs the desktop libraries (scripts/install-system-deps.sh): the real
    linker finds every one the real plugins need, so nobody is told to install anything."""
    assert window_problem({"DISPLAY": ":0"}) is None
    assert window_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None


def test_library_files_name_their_debian_packages() -> None:
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libEGL.so.1") == "libegl1"
    assert debian_package("libxcb-icccm.so.4.0.0") == "libxcb-icccm4"
