"""``brokerdesk team``: set up the roles and manage people from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests import cli_process


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brokerdesk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
        check=False,
    )


def test_setup_then_add_list_re_role_and_remove_a_person(
    pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    login = new_login("priya")
    for _ in range(2):  # idempotent
        setup = cli_process.brokerdesk("team", "setup", "--db", pg_migrated_url)
        assert setup.returncode == 0, setup.stderr
        assert "brokerdesk_viewer, brokerdesk_editor, brokerdesk_admin" in setup.stdout
    added = _run(
        "team", "add", login, "--role", "editor", "--new-login", "--password-stdin",
        "--db", pg_migrated_url, stdin="a secret, typed once\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert f"{login} is now a editor" in added.stdout
    assert "a secret" not in added.stdout + added.stderr
    listed = cli_process.brokerdesk("team", "list", "--json", "--db", pg_migrated_url)
    assert {"login": login, "role": "editor"} in json.loads(listed.stdout)
    changed = cli_process.brokerdesk("team", "role", login, "viewer", "--db", pg_migrated_url)
    assert changed.returncode == 0, changed.stderr
    listed = cli_process.brokerdesk("team", "list", "--json", "--db", pg_migrated_url)
    assert {"login": login, "role": "viewer"} in json.loads(listed.stdout)
    removed = cli_process.brokerdesk("team", "remove", login, "--db", pg_migrated_url)
    assert removed.returncode == 0, removed.stderr
    listed = cli_process.brokerdesk("team", "list", "--json", "--db", pg_migrated_url)
    assert login not in listed.stdout


def test_adding_a_login_that_does_not_exist_without_a_password_is_refused(
    pg_migrated_url: str, new_login: Callable[[str], str]
) -> None:
    result = cli_process.brokerdesk("team", "add", new_login("nobody"), "--db", pg_migrated_url)
    assert result.returncode == 1
    assert "There is no login called" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_has_no_team_roles(tmp_path: Path) -> None:
    db = tmp_path / "team.sqlite3"
    assert cli_process.brokerdesk("init", "--db", str(db)).returncode == 0
    result = cli_process.brokerdesk("team", "setup", "--db", str(db))
    assert result.returncode == 1
    assert "PostgreSQL team server" in result.stderr
