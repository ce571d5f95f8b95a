"""The child process of a kill point: run one BrokerDesk operation and let it be killed.

The harness starts :func:`run` in a process forked from a server that has BrokerDesk,
SQLAlchemy and Alembic already imported (multiprocessing's forkserver), so a kill point costs
the operation, not a Python start-up. The child loads what the operation needs, says ``READY``
(the parent's timed kills count from here), runs the operation on the database ``work`` and
says ``DONE`` with the number of steps it took.

With ``kill_at`` it SIGKILLs itself just before its kill_at-th step: an SQL statement (through
SQLAlchemy or a plain ``sqlite3`` connection, as backup.py uses), a page batch of an SQLite
backup copy, or a file-system call that moves, removes, links, syncs or creates a file. Timed
kills land where time is spent; step kills reach the narrow moments between two renames
that a timer almost never hits.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from tests.crash.operations import OPERATIONS

_counted = 0
_kill_at = 0


def _step() -> None:
    global _counted
    _counted += 1
    if _counted == _kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


def _counting(function: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        _step()
        return function(*args, **kwargs)

    return counted


class _CountingConnection(sqlite3.Connection):
    """Every statement and every backup page batch is a step."""

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        _step()
        return super().execute(*args, **kwargs)

    def backup(self, target: sqlite3.Connection, **kwargs: Any) -> None:
        theirs = kwargs.get("progress")  # restore keeps its copy aside from inside this callback

        def progress(status: int, remaining: int, total: int) -> None:
            _step()
            if theirs is not None:
                theirs(status, remaining, total)

        kwargs.setdefault("pages", 16)
        kwargs["progress"] = progress
        super().backup(target, **kwargs)


def _install_steps() -> None:
    for name in ("replace", "rename", "unlink", "fsync", "link", "mkdir", "chmod"):
        setattr(os, name, _counting(getattr(os, name)))
    plain_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", _CountingConnection)
        connection: sqlite3.Connection = plain_connect(*args, **kwargs)
        return connection

    sqlite3.connect = connect  # type: ignore[assignment]
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "before_cursor_execute")
    def _statement(*_args: Any) -> None:
        _step()


def run(inputs: Path, work: Path, operation: str, kill_at: int, say: Connection) -> None:
    """The child's whole life: prepare, say READY, run the operation, say DONE and its steps."""
    global _counted, _kill_at
    try:
        _install_steps()
        operate = OPERATIONS[operation].prepare(inputs, work)
        say.send("READY")
        _counted = 0  # only the operation's own steps count, and only they can be killed
        _kill_at = kill_at
        operate()
        _kill_at = 0
        say.send(("DONE", _counted))
    except BaseException:
        say.send(("FAILED", traceback.format_exc()))
        raise
