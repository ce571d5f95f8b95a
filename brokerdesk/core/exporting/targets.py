"""Where an export may write: never over the live database, in words when the disk says no.

An export given ``-o`` the database it reads (however the path is spelled: relative, through
a symbolic or hard link, in another case on a case-insensitive disk) would replace the
team's records with a spreadsheet. :func:`is_database_file` recognises the database, its
``-wal``/``-shm``/``-journal`` companions and anything in its backups folder by asking the
file system (:func:`os.path.samefile`, :func:`os.path.realpath`), not by comparing text.

The operating system reports a failed write as an ``OSError`` number; :func:`reason` turns
the ones a user can meet (a full disk, a read-only folder, a name too long) into words.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

MAX_NAME_BYTES = 255  # one file name on ext4, APFS, NTFS (UTF-16 units <= UTF-8 bytes)
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk is full (your quota is used up)",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.EROFS: "the disk is read-only",
    errno.ENAMETOOLONG: f"the name is too long (a file name can hold {MAX_NAME_BYTES} bytes)",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EEXIST: "part of the path is a file, not a folder",
    errno.ELOOP: "the path has a loop of symbolic links",
    errno.EIO: "the disk reported an input/output error",
    errno.EFBIG: "the file would be larger than the disk allows",
}


def reason(exc: OSError) -> str:
    """What went wrong, in words (``the disk is full``), without the errno jargon."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or str(exc)).rstrip(".").lower()


def os_error_in(exc: BaseException) -> OSError | None:
    """The ``OSError`` behind ``exc``, if any: writers such as XlsxWriter wrap it in their own."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def fit_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, never inside a character."""
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", "ignore")


def database_files(database: Path) -> list[Path]:
    """The database file and the files and folder that belong to it."""
    from brokerdesk.core.backup import backup_folder

    return [
        database,
        *(Path(f"{database}{suffix}") for suffix in DATABASE_COMPANIONS),
        backup_folder(database),
    ]


def _same(one: Path, other: Path) -> bool:
    try:
        if os.path.samefile(one, other):  # hard links, symlinks, case on a case-blind disk
            return True
    except OSError:
        pass  # one of them does not exist (yet): compare where they would be
    return os.path.normcase(os.path.realpath(one)) == os.path.normcase(os.path.realpath(other))


def is_database_file(target: Path, database: Path | None) -> bool:
    """True when writing ``target`` would write over ``database`` or what belongs to it."""
    if database is None:
        return False
    try:
        *files, backups = database_files(database)
        if any(_same(target, f) for f in files):
            return True
        here = Path(os.path.abspath(target))
        return any(_same(folder, backups) for folder in (here, *here.parents))
    except (OSError, ValueError):
        return False  # a path the system cannot even resolve is not the database
