"""The summary a command prints after its work is done, and what happens when it cannot be.

A backup, restore, init, export or import has written its files by the time it says so. A full
disk behind standard output (``> /dev/full``) or a reader that stopped reading (``| head``)
must not turn that into a traceback, nor into exit 1 ("nothing was written"): the work is
done, so the command says so on standard error and keeps its own exit code.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterable


def print_summary(lines: Iterable[tuple[str, str]] | str, *, done: str) -> bool:
    """Print ``lines`` (``("out" | "err", text)`` pairs, or one text for standard output).

    Returns False when standard output refused them (a full disk): standard error then says
    ``done`` (what was written, as a phrase: "the backup was written to X") and that the
    summary could not be printed. A closed pipe is the reader's choice: True, said nothing.
    """
    pairs = [("out", lines)] if isinstance(lines, str) else list(lines)
    try:
        for stream, text in pairs:
            print(text, file=sys.stdout if stream == "out" else sys.stderr)
        sys.stdout.flush()
    except Exception as exc:  # OSError, or the command line's wrapper around one
        error = exc if isinstance(exc, OSError) else getattr(exc, "error", None)
        if not isinstance(error, OSError):
            raise
        quiet_stdout()
        return not say_unprinted(done, error)
    return True


def say_unprinted(done: str, error: OSError) -> bool:
    """Say on standard error that ``done`` happened but its summary could not be printed.

    Returns False (and says nothing) for a closed pipe: the reader stopped reading (``| head``),
    its choice, not a failure."""
    if isinstance(error, BrokenPipeError):
        return False
    reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
    with contextlib.suppress(OSError):
        print(
            f"brokerdesk: {done}, but the summary could not be printed ({reason}).", file=sys.stderr
        )
    return True


def quiet_stdout() -> None:
    """Send what is left of standard output to the null device, so the flush at exit is quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(devnull)
