"""Command line: ``brokerdesk`` opens the app; subcommands script the same core services.

Exit codes: 0 success, 1 the data was refused (nothing written), 2 usage error. A user error
prints a sentence, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from brokerdesk import __version__
from brokerdesk.core import clock
from brokerdesk.core.errors import BrokerDeskError

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2

# Each subcommand lives in brokerdesk/commands/<module>.py with register() and run().
COMMANDS: dict[str, str] = {
    "init": "init",
    "search": "search",
    "import": "importing",
    "export": "exporting",
    "backup": "backup",
    "restore": "restore",
    "copy": "copy",
    "check": "check",
    "seed-synthetic": "seed_synthetic",
    "reminders": "reminders",
    "team": "team",
}


def add_db_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--db`` before or after the subcommand: a subcommand's own default must not erase
    the value given before it (``brokerdesk --db X export ...``)."""
    parser.add_argument(
        "--db",
        default=None if top_level else argparse.SUPPRESS,
        metavar="ADDRESS",
        help="database file path or SQLAlchemy URL (default: $BROKERDESK_DB, then the "
        "brokerdesk.sqlite3 file in your data folder)",
    )


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The command line. Without ``with_commands`` only the app's own options are known:
    the subcommands import the database layer, which opening the app should not wait for."""
    parser = argparse.ArgumentParser(
        prog="brokerdesk",
        description="BrokerDesk: national partnerships with UK public library services. "
        "Without a subcommand, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"BrokerDesk {__version__}")
    add_db_option(parser, top_level=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a demo database built from the real library services",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open a temporary database, render the main window offscreen, write a partner "
        "summary PDF and exit (used to check a packaged build)",
    )
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(f"brokerdesk.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"brokerdesk.commands.{module_name}":
                raise
            continue  # a command not built yet is simply not offered
        sub = module.register(subparsers, name)
        add_db_option(sub)
        sub.set_defaults(handler=module.run)
    return parser


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line, loading the subcommands only when one may be asked for."""
    words = list(sys.argv[1:] if argv is None else argv)
    if not any(word in COMMANDS or word in ("-h", "--help") for word in words):
        args, rest = build_parser(with_commands=False).parse_known_args(words)
        if not rest:  # the app itself; anything else gets the full parser's message
            return args
    return build_parser().parse_args(words)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    handler = getattr(args, "handler", None)
    finished: int | None = None  # the handler's own exit code, once it has returned
    try:
        clock.check_setting()  # a bad BROKERDESK_CLOCK is refused before anything is written
    except clock.ClockSettingError as exc:
        print(f"brokerdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.self_test:
            from brokerdesk.selftest import run_self_test

            return run_self_test()
        if handler is None:
            from brokerdesk.gui.app import run_gui

            return run_gui(args)
        with _watched_stdout():
            finished = int(handler(args))
            sys.stdout.flush()  # a closed pipe or a full disk shows here, not after main
        return finished
    except BrokerDeskError as exc:
        _say(f"brokerdesk: {exc}")
        return EXIT_REFUSED
    except ValueError as exc:  # SQLAlchemy reading text that is not a date from a date column
        if "isoformat" not in str(exc):
            raise
        _say(
            f"brokerdesk: the database is damaged: a date column holds text that is not a date "
            f"({exc}). Nothing was changed; run 'brokerdesk check' to find it, or restore a backup."
        )
        return EXIT_REFUSED
    except KeyboardInterrupt:
        _say("brokerdesk: interrupted; nothing more was written.")
        return EXIT_REFUSED
    except OutputLost as lost:
        _discard_stdout()
        if isinstance(lost.error, BrokenPipeError):
            # The reader stopped reading (``| head``): stop quietly, as others do. A command
            # that had finished keeps its own answer (``check | true`` still says "damaged");
            # one cut off part-way did not finish, so it did not succeed.
            return EXIT_REFUSED if finished is None else finished
        from brokerdesk.core.exporting.targets import reason

        _say(f"brokerdesk: the output could not be written: {reason(lost.error)}.")
        return EXIT_REFUSED


def _say(text: str) -> None:
    with contextlib.suppress(OSError):  # stderr may be gone too; the exit code still tells
        print(text, file=sys.stderr)


class OutputLost(Exception):  # noqa: N818 - what happened to the output
    """Standard output refused what was printed: a closed pipe, or a full disk."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Stdout:
    """Standard output whose failures are told apart from any other file's."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except OSError as exc:
            raise OutputLost(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputLost(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _watched_stdout() -> Iterator[None]:
    original = sys.stdout
    sys.stdout = _Stdout(original)
    try:
        yield
    finally:
        sys.stdout = original


def _discard_stdout() -> None:
    """Point standard output at the null device, so Python's own flush at exit stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
