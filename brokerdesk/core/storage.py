"""Where a SQLite file may safely live.

SQLite relies on the operating system's file locks. Network file systems (NFS, SMB/CIFS,
sshfs, 9p, most FUSE mounts) implement them unreliably, and sync clients (OneDrive,
Dropbox, iCloud Drive, Google Drive) upload half-written files and may restore an old copy
over a new one. Both corrupt databases silently, so the app warns before opening one there
and suggests a local folder, or team mode on a PostgreSQL server for shared use.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath, PureWindowsPath

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "9p", "afs", "davfs", "ncpfs"}
)
CLOUD_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "icloud drive": "iCloud Drive",
    "icloud": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
}
_ADVICE = (
    "Keep the database in a local folder (backups included), or use a team server for shared work."
)


def _cloud_service(path: PurePath) -> str | None:
    for part in path.parts:
        lowered = part.lower()
        for marker, service in CLOUD_FOLDERS.items():
            if (
                lowered == marker
                or lowered.startswith(marker + " -")
                or lowered.startswith(marker + "-")
            ):
                return service
        if lowered.startswith("onedrive"):
            return "OneDrive"
    return None


def _mount_type(path: Path, mounts: str) -> str | None:
    """The file-system type of the longest mount point containing ``path``."""
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            best = (len(point), fields[2])
    return best[1] if best else None


def _read_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text()
    except OSError:
        return ""


def risky_location(
    path: str | os.PathLike[str], *, mounts: str | None = None, windows: bool | None = None
) -> str | None:
    """A warning sentence when ``path`` is on a network share or in a synced folder, else None.

    Args:
        path: the SQLite file (it need not exist yet).
        mounts: ``/proc/mounts`` text (tests pass their own; default: read it on Linux).
        windows: treat the path as a Windows path (default: this machine's convention).
    """
    on_windows = os.name == "nt" if windows is None else windows
    if on_windows:
        win = PureWindowsPath(path)
        if str(win).startswith("\\\\") or str(path).startswith("//"):
            return (
                f"{win} is on a network share, where SQLite's file locking is not reliable "
                f"and the database can be damaged. {_ADVICE}"
            )
        service = _cloud_service(win)
    else:
        resolved = Path(path).expanduser().absolute()
        kind = _mount_type(resolved, _read_mounts() if mounts is None else mounts)
        if kind is not None and (kind in NETWORK_FILESYSTEMS or kind.startswith("fuse.")):
            return (
                f"{resolved} is on a network file system ({kind}), where SQLite's file locking "
                f"is not reliable and the database can be damaged. {_ADVICE}"
            )
        service = _cloud_service(resolved)
    if service is not None:
        return (
            f"{path} is in a {service} folder. Sync programs can copy a half-saved database or "
            f"put an old copy back, and your changes would be lost. {_ADVICE}"
        )
    return None
