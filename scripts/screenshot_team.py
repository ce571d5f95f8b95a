"""The pictures of "Share with the team": Tools ▸ Team… and adding a person (``screenshots.py``).

Roles live on a PostgreSQL server, so this starts a throwaway one (the newest server found in
Debian's ``/usr/lib/postgresql``, as the tests do; run as ``postgres`` when this runs as root),
makes a team database on it, adds the demo's people with their roles, and shows the dialogs
the guide shows. Without the PostgreSQL server installed, the pictures are skipped (said).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtWidgets import QWidget

from brokerdesk.core.db import open_database
from brokerdesk.core.team import people
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.team.feature import open_team_dialog

Save = Callable[[QWidget, str], None]
Settle = Callable[[Callable[[], bool] | None], None]

# The demo's team, by their database logins.
TEAM = (("hannah.lewis", "admin"), ("bilal.khan", "editor"), ("sam.okafor", "viewer"))


def team_pictures(settings: object, save: Save, settle: Settle) -> None:
    """``team.png`` (Tools ▸ Team…) and ``team-add-person.png``."""
    with _throwaway_server() as url:
        if url is None:
            print("PostgreSQL server not installed: the Tools ▸ Team… pictures are skipped")
            return
        db = open_database(url, user_name="priya.shah")
        try:
            for login, role in TEAM:
                people.add_person(db, login, role, password="shown-once")
            window = MainWindow(AppContext(db, settings))  # type: ignore[arg-type]
            dialog = open_team_dialog(window, window.team_actions)
            dialog.resize(620, 420)
            dialog.table.selectRow(1)
            settle(lambda: dialog.chosen_login() is not None)
            save(dialog, "team")
            adding = dialog.add_person()
            adding.login.setText("amira.hassan")
            adding.role.setCurrentIndex(adding.role.findData("editor"))
            adding.password.setText("typed once")
            adding.again.setText("typed once")
            settle(None)
            save(adding, "team-add-person")
            adding.reject()
            dialog.close()
            window.close()
        finally:
            db.dispose()


@contextlib.contextmanager
def _throwaway_server() -> Iterator[str | None]:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found:
        yield None
        return
    bin_dir = found[-1].parent
    base = Path(tempfile.mkdtemp(prefix="brokerdesk-shots-pg-"))
    as_server = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_server:
        shutil.chown(base, user="postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = base / "data"
    run = lambda *args: subprocess.run([*as_server, *args], check=True, capture_output=True)  # noqa: E731
    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust")
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1"
        run(
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(base / "log"),
            "-w",
            "start",
        )
        run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "team")
        time.sleep(0.2)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/team"
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)
