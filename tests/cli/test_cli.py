"""The command line as a user runs it: a real subprocess, exit codes and messages."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from brokerdesk import __version__
from brokerdesk.core.db import open_database
from tests import cli_process


def brokerdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # --version, --help and --self-test are about Python's start: a new interpreter for them.
    fresh = bool({"--version", "--help", "--self-test"} & set(args))
    return cli_process.brokerdesk(*args, env=env, fresh=fresh)


def test_version() -> None:
    result = brokerdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"BrokerDesk {__version__}"


def test_help_lists_the_headless_commands() -> None:
    result = brokerdesk("--help")
    assert result.returncode == 0
    for command in ("init", "--demo", "--db"):
        assert command in result.stdout


def test_usage_error_exits_2() -> None:
    result = brokerdesk("init", "--no-such-option")
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


def test_refused_database_exits_1_without_a_traceback(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("my notes")
    result = brokerdesk("init", "--db", str(notes))
    assert result.returncode == 1
    assert "is not a BrokerDesk database" in result.stderr
    assert "Traceback" not in result.stderr
    assert notes.read_text() == "my notes"


def test_init_loads_reference_data_and_is_idempotent(tmp_path: Path) -> None:
    target = tmp_path / "team.sqlite3"
    first = brokerdesk("init", "--db", str(target), "--json")
    assert first.returncode == 0, first.stderr
    db = open_database(target)
    with db.engine.connect() as conn:
        codes = [r[0] for r in conn.exec_driver_sql("SELECT gss_code FROM library_service")]
        areas = conn.exec_driver_sql("SELECT count(*) FROM offer_area").scalar()
        branches = conn.exec_driver_sql("SELECT count(*) FROM branch").scalar()
    db.dispose()
    assert len(codes) == len(set(codes)) == 208
    assert areas == 6
    assert branches and branches > 3000
    before = target.read_bytes()
    second = brokerdesk("init", "--db", str(target))
    assert second.returncode == 0, second.stderr
    db = open_database(target)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM branch").scalar() == branches
        assert conn.exec_driver_sql("SELECT count(*) FROM library_service").scalar() == 208
    db.dispose()
    assert len(before) > 0


@pytest.mark.parametrize("env_name", ["BROKERDESK_DB"])
def test_database_from_environment(tmp_path: Path, env_name: str) -> None:
    import os

    target = tmp_path / "from-env.sqlite3"
    env = {**os.environ, env_name: str(target)}
    result = brokerdesk("init", env=env)
    assert result.returncode == 0, result.stderr
    assert target.exists()


def test_self_test_exercises_the_whole_app() -> None:
    result = brokerdesk("--self-test")
    assert result.returncode == 0, result.stderr
    assert "partner summary PDF written" in result.stdout
    assert "window shown, then 1 partner listed in it" in result.stdout
    assert "self-test passed" in result.stdout
