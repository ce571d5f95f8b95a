"""The command line in a process of its own, as a user runs it, without paying for Python's
start each time.

``brokerdesk(*args)`` runs ``brokerdesk.cli.main(args)`` in a child process forked from a
server that has BrokerDesk, SQLAlchemy and Alembic imported already (multiprocessing's
forkserver). The child is a real, separate process: its standard streams are real files, its
environment, working directory and exit code are its own, and an exception that escapes
``main`` prints its traceback and exits 1 as ``python -m brokerdesk`` would. What it skips is
the interpreter's start and the imports: 0.6-1 s of each of the suite's ~200 command runs.

``fresh=True`` starts a new interpreter instead (``python -m brokerdesk``): for the tests whose
point is what happens at start-up or shut-down (the version line, the imports a command makes,
a standard output that fails as Python flushes it on exit).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

# What the server imports once; the children fork from it with all of this loaded.
PRELOAD = [
    "sqlalchemy",
    "alembic.command",
    "brokerdesk.cli",
    "brokerdesk.core.backup",
    "brokerdesk.core.db",
    "brokerdesk.core.importing",
    "brokerdesk.core.migrate",
    "brokerdesk.core.services",
    "brokerdesk.core.services.duplicates",
]

Completed = subprocess.CompletedProcess


def forkserver(*extra: str) -> multiprocessing.context.ForkServerContext:
    """The forkserver context, with BrokerDesk (and ``extra`` modules) preloaded.

    There is one server per test process, started by whichever asks first (the command line
    here, or the crash harness), so both ask for the same modules plus their own."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*PRELOAD, *extra])
    return context


def brokerdesk(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path | str | None = None,
    timeout: float = 120,
    fresh: bool = False,
) -> Completed[str]:
    """``brokerdesk ARGS``: its exit code and what it printed on each stream.

    ``env`` replaces the environment (like ``subprocess.run``); None inherits this one.
    Raises ``subprocess.TimeoutExpired`` if the command outlasts ``timeout`` (it is killed).
    """
    command = [sys.executable, "-m", "brokerdesk", *args]
    if fresh:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            cwd=cwd,
            env=dict(env) if env is not None else None,
        )
    with tempfile.TemporaryDirectory(prefix="brokerdesk-cli-") as folder:
        out, err = Path(folder) / "stdout", Path(folder) / "stderr"
        child = forkserver().Process(
            target=_run_main,
            args=(list(args), dict(env if env is not None else os.environ), cwd, out, err),
        )
        child.start()
        child.join(timeout)
        if child.exitcode is None:
            child.kill()
            child.join()
            raise subprocess.TimeoutExpired(command, timeout)
        return subprocess.CompletedProcess(  # killed by a signal: minus its number, as subprocess
            command,
            child.exitcode,
            _read(out),
            _read(err),
        )


def in_environment(env: Mapping[str, str], function: Callable[..., object], *args: object) -> None:
    """In a forked child: take the parent's environment of now, then run ``function``.

    The server's own environment is the one of the moment it started, which may hold what a
    test had set then (a temporary home, a pinned clock); a child must see its parent's."""
    os.environ.clear()
    os.environ.update(env)
    function(*args)


def _read(path: Path) -> str:
    """What the child wrote there; nothing if it died before opening it."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def _run_main(
    args: Sequence[str],
    env: dict[str, str],
    cwd: Path | str | None,
    out: Path,
    err: Path,
) -> None:
    """In the child: become the command's process, run main, exit with its code."""
    import io
    import time
    import traceback

    os.environ.clear()
    os.environ.update(env)
    if cwd is not None:
        os.chdir(cwd)
    for fd, path, flags in (
        (0, os.devnull, os.O_RDONLY),
        (1, str(out), os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        (2, str(err), os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ):
        opened = os.open(path, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8")
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False),
        encoding="utf-8",
        errors="backslashreplace",
        line_buffering=True,
    )
    sys.argv = [str(Path(sys.executable).parent / "brokerdesk"), *args]

    from brokerdesk.core import clock

    clock._STARTED = time.monotonic()  # this process starts now, not when the server did
    from brokerdesk.cli import main

    code: int
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors, as the interpreter reports them
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:  # what the interpreter does with an exception that escapes main
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        code = 120  # Python's exit code when flushing the standard streams fails at exit
    os._exit(code)
