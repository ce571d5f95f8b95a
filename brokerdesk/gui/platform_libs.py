"""Can Qt open a window here? Checked before the QApplication exists.

Qt aborts the whole process when its platform plugin cannot load ("could not load the Qt
platform plugin "xcb"", then a core dump), and on a fresh Debian or Ubuntu desktop that is
what happens: Qt 6.5 and later needs ``libxcb-cursor0`` for X11, which such desktops often
lack. So before creating the application, the launcher asks the dynamic linker (``ldd``)
which libraries the plugins it would use are missing, and says in one line which command
installs them, instead of letting Qt abort. Only on Linux, only for the desktop platforms
(``xcb``, ``wayland``): offscreen and the others are left to Qt.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

# Platform name -> the plugin files that carry it (the Wayland one was renamed in Qt 6.5).
PLUGINS = {"xcb": ("libqxcb.so",), "wayland": ("libqwayland.so", "libqwayland-generic.so")}
NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def platforms_to_try(env: Mapping[str, str]) -> list[str]:
    """The desktop platforms Qt will try, in order: QT_QPA_PLATFORM's, or the session's."""
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        names = [part.split(":", 1)[0].strip() for part in chosen.split(";")]
    else:
        names = (["wayland"] if env.get("WAYLAND_DISPLAY") else []) + ["xcb"]
    return [name for name in names if name in PLUGINS]


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the dynamic linker cannot find."""
    ldd = shutil.which("ldd")
    if ldd is None or not plugin.is_file():
        return []
    result = subprocess.run(
        [ldd, str(plugin)], capture_output=True, text=True, check=False, timeout=20
    )
    return sorted(set(NOT_FOUND.findall(result.stdout)))


def debian_package(library: str) -> str:
    """Debian's package for a library file, by its naming rule: ``libxcb-cursor.so.0`` ->
    ``libxcb-cursor0``, ``libxkbcommon-x11.so.0`` -> ``libxkbcommon-x11-0``."""
    name, _, version = library.partition(".so.")
    version = version.split(".", 1)[0]
    if not version:
        return name
    package = f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"
    return package.lower()  # libEGL.so.1 -> libegl1


def plugin_folder() -> Path:
    """Where this Qt keeps its platform plugins (the venv's PySide6 or the packaged build)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def platform_folder_plugins(platform: str, folder: Path | None = None) -> list[str]:
    """The file names of ``platform``'s plugin that this Qt has (none: Qt cannot try it)."""
    folder = plugin_folder() if folder is None else folder
    return [name for name in PLUGINS[platform] if (folder / name).is_file()]


def window_problem(env: Mapping[str, str] | None = None, folder: Path | None = None) -> str | None:
    """One line saying what to install so Qt can open a window, or None when it can.

    It can when any platform Qt would try has all its libraries (Qt falls back from Wayland
    to X11 by itself).
    """
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    folder = plugin_folder() if folder is None else folder
    wanted: dict[str, list[str]] = {}
    for platform in platforms_to_try(env):
        files = platform_folder_plugins(platform, folder)
        if not files:
            continue
        missing = missing_libraries(folder / files[0])
        if not missing:
            return None
        wanted[platform] = missing
    if not wanted:
        return None
    libraries = sorted({lib for libs in wanted.values() for lib in libs})
    packages = " ".join(sorted({debian_package(lib) for lib in libraries}))
    return (
        f"BrokerDesk cannot open a window: Qt's {' and '.join(wanted)} platform "
        f"{'plugin needs' if len(wanted) == 1 else 'plugins need'} {', '.join(libraries)}, "
        f"not installed here. Install {'it' if len(libraries) == 1 else 'them'} with: "
        f"sudo apt-get install {packages}"
    )
