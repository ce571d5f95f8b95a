"""The app's open and import dialogs given the bad paths and files the command line refuses.

Opening (File ▸ Open database…, and the welcome dialog at start): a folder, a path under a
regular file, a zero-byte file, a FIFO (which must not hang), a name over 255 bytes, a symlink
loop, another application's SQLite file, a read-only database, a damaged file. The import
wizard's file page: an unreadable file, a folder, a FIFO, a binary file, an empty file, a file
with two columns of the same header.

Each ends in a sentence on screen that names the problem (read from the message box or the
page's error label), the app stays usable, and nothing is written anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from brokerdesk.gui.launcher import Launcher
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.settings import Settings
from tests.gui.drive import ModalDriver
from tests.hostile.harness import is_root, small_disk


def _state(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every name under ``folder`` with its type, size and (for plain files) a digest.

    Never opens a FIFO or follows a link, so taking it cannot block or loop."""
    found: dict[str, tuple[int, int, str]] = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(root, name)
            info = path.lstat()
            digest = ""
            if stat.S_ISREG(info.st_mode) and os.access(path, os.R_OK):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path.relative_to(folder))] = (stat.S_IFMT(info.st_mode), info.st_size, digest)
    return found


def _good_database(world_file: Path, target: Path) -> Path:
    shutil.copyfile(world_file, target)
    return target


def _folder(bad: Path, _world: Path) -> Path:
    (bad / "team.sqlite3").mkdir()
    return bad / "team.sqlite3"


def _under_a_file(bad: Path, _world: Path) -> Path:
    (bad / "notes.txt").write_text("a note, not a folder")
    return bad / "notes.txt" / "team.sqlite3"


def _zero_bytes(bad: Path, _world: Path) -> Path:
    (bad / "team.sqlite3").touch()
    return bad / "team.sqlite3"


def _fifo(bad: Path, _world: Path) -> Path:
    os.mkfifo(bad / "team.sqlite3")
    return bad / "team.sqlite3"


def _long_name(bad: Path, _world: Path) -> Path:
    return bad / ("t" * 300 + ".sqlite3")


def _symlink_loop(bad: Path, _world: Path) -> Path:
    (bad / "a.sqlite3").symlink_to(bad / "b.sqlite3")
    (bad / "b.sqlite3").symlink_to(bad / "a.sqlite3")
    return bad / "a.sqlite3"


def _other_application(bad: Path, _world: Path) -> Path:
    path = bad / "music.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE songs (title TEXT, artist TEXT)")
        conn.execute("INSERT INTO songs VALUES ('Jerusalem', 'Parry')")
        conn.commit()
    return path


def _damaged(bad: Path, world: Path) -> Path:
    path = _good_database(world, bad / "team.sqlite3")
    with path.open("r+b") as fh:  # the header survives; the pages after it are noise
        fh.seek(4096)
        fh.write(os.urandom(64 * 4096))
    return path


BAD_DATABASES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "folder": (_folder, "is a folder"),
    "under a file": (_under_a_file, "is a file, not a folder"),
    "zero bytes": (_zero_bytes, "empty"),
    "fifo": (_fifo, "pipe"),
    "long name": (_long_name, "too long"),
    "symlink loop": (_symlink_loop, "loop"),
    "another application's": (_other_application, "not a BrokerDesk database"),
    "damaged": (_damaged, "damaged"),
}


@pytest.fixture
def open_app(qtbot: QtBot, tmp_path: Path, world_file: Path, settings: Settings) -> Launcher:
    """The app showing a good database, as a user has it before choosing File ▸ Open."""
    launcher = Launcher(settings)
    assert launcher.open(str(_good_database(world_file, tmp_path / "good.sqlite3")))
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    return launcher


def _read_and_close(box: QMessageBox, said: list[str]) -> None:
    said.append(box.text())
    box.done(0)


def _open_from_menu(qtbot: QtBot, launcher: Launcher, chosen: Path, mp: pytest.MonkeyPatch) -> str:
    """File ▸ Open database…, choosing ``chosen``; the sentence shown, the box closed."""
    mp.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(chosen), ""))
    window = launcher.window
    assert window is not None
    action = next(a for a in window.menus["file"].actions() if a.text() == "&Open database…")
    said: list[str] = []
    driver = ModalDriver(QMessageBox, lambda box: _read_and_close(box, said))
    action.trigger()
    qtbot.waitUntil(lambda: driver.ran or driver.error is not None, timeout=20_000)
    driver.check()
    return said[0]


def _still_usable(launcher: Launcher, window: MainWindow) -> None:
    assert launcher.window is window and window.isVisible()
    from sqlalchemy import func, select

    from brokerdesk.core.models import Partner

    with window.ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Partner))


@pytest.mark.parametrize("case", list(BAD_DATABASES))
def test_file_open_refuses_a_bad_database_in_a_sentence(
    qtbot: QtBot,
    tmp_path: Path,
    world_file: Path,
    open_app: Launcher,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    make, words = BAD_DATABASES[case]
    bad = tmp_path / "bad"
    bad.mkdir()
    chosen = make(bad, world_file)
    before = _state(bad)
    window = open_app.window
    assert window is not None

    said = _open_from_menu(qtbot, open_app, chosen, monkeypatch)

    assert words.lower() in said.lower(), said
    assert "Traceback" not in said
    assert _state(bad) == before, "opening a bad database wrote beside it"
    _still_usable(open_app, window)


def test_file_open_refuses_a_database_on_a_read_only_disk(
    qtbot: QtBot,
    tmp_path: Path,
    world_file: Path,
    open_app: Launcher,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_app.window
    assert window is not None
    with _read_only_folder(tmp_path / "readonly", world_file) as chosen:
        before = _state(chosen.parent)
        said = _open_from_menu(qtbot, open_app, chosen, monkeypatch)
        assert "read-only" in said.lower(), said
        assert _state(chosen.parent) == before
    _still_usable(open_app, window)


@contextlib.contextmanager
def _read_only_folder(folder: Path, world_file: Path) -> Iterator[Path]:
    """A good database in a folder that cannot be written: a read-only mount as root (root
    writes through file permissions), a read-only folder otherwise."""
    if is_root():
        with small_disk(folder, "64M") as disk:
            target = _good_database(world_file, disk / "team.sqlite3")
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
            yield target
        return
    folder.mkdir()
    target = _good_database(world_file, folder / "team.sqlite3")
    target.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield target
    finally:
        folder.chmod(0o755)


# --- the import wizard's file page ------------------------------------------------------------


def _unreadable(folder: Path) -> Path:
    """A file the OS will not read: no permission, or for root (whom permissions do not stop)
    a file whose every read fails with an I/O error."""
    if is_root():
        return Path("/proc/self/mem")
    path = folder / "locked.csv"
    path.write_text("Name\nNorthlight Trust\n")
    path.chmod(0o000)
    return path


def _import_folder(folder: Path) -> Path:
    (folder / "partners.csv").mkdir()
    return folder / "partners.csv"


def _import_fifo(folder: Path) -> Path:
    os.mkfifo(folder / "partners.csv")
    return folder / "partners.csv"


def _binary(folder: Path) -> Path:
    path = folder / "partners.csv"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def _empty(folder: Path) -> Path:
    (folder / "partners.csv").touch()
    return folder / "partners.csv"


BAD_IMPORT_FILES: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "unreadable": (_unreadable, ("could not be read", "permission")),
    "folder": (_import_folder, ("is a folder",)),
    "fifo": (_import_fifo, ("not a file",)),
    "binary": (_binary, ("binary",)),
    "empty": (_empty, ("empty",)),
}


@pytest.fixture
def import_wizard(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Iterator[object]:
    """The wizard as File ▸ Import… opens it."""
    from shiboken6 import isValid

    from brokerdesk.core.importing import MappingStore

    window.import_actions.mapping_store = MappingStore(tmp_path / "config")
    window.import_actions.import_file.trigger()
    opened = window.import_actions.wizard
    qtbot.waitExposed(opened)
    yield opened
    window.ctx.tasks.wait(10_000)
    if isValid(opened) and opened.isVisible():
        opened.reject()


def _try_file(qtbot: QtBot, wizard: object, path: Path) -> None:
    """Type the path and press Next, as a user does; wait until the file has been tried."""
    from PySide6.QtWidgets import QWizard

    from brokerdesk.gui.importing.wizard import ImportWizard

    assert isinstance(wizard, ImportWizard)
    page = wizard.file_page
    page.path.clear()
    qtbot.keyClicks(page.path, str(path))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(
        lambda: wizard.currentId() != wizard.FILE or page.status.text().startswith("This file"),
        timeout=20_000,
    )


def _backups(database: Path) -> list[str]:
    from brokerdesk.core.backup import backup_folder

    folder = backup_folder(database)
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _database_file(window: MainWindow) -> Path:
    path = window.ctx.db.path
    assert path is not None
    return path


@pytest.mark.parametrize("case", list(BAD_IMPORT_FILES))
def test_import_wizard_refuses_a_bad_file_on_its_page(
    qtbot: QtBot, window: MainWindow, import_wizard: object, tmp_path: Path, case: str
) -> None:
    from brokerdesk.gui.importing.wizard import ImportWizard
    from tests.hostile.harness import fingerprint

    assert isinstance(import_wizard, ImportWizard)
    make, words = BAD_IMPORT_FILES[case]
    folder = tmp_path / "files"
    folder.mkdir()
    bad = make(folder)
    database = _database_file(window)
    before, backups_before = fingerprint(database), _backups(database)

    _try_file(qtbot, import_wizard, bad)

    said = import_wizard.file_page.status.text()
    assert import_wizard.currentId() == import_wizard.FILE
    assert said.startswith("This file cannot be imported"), said
    assert any(word in said.lower() for word in words), said
    assert not import_wizard.button(import_wizard.WizardButton.NextButton).isEnabled()
    good = folder / "good.csv"
    good.write_text("Name,Website\nNorthlight Trust,https://northlight.example\n")
    _try_file(qtbot, import_wizard, good)  # the wizard is still usable: the next file reads
    assert import_wizard.currentId() == import_wizard.MAPPING
    assert fingerprint(database) == before
    assert _backups(database) == backups_before, "a refused file was backed up for"


def test_import_wizard_explains_two_columns_with_the_same_header(
    qtbot: QtBot, window: MainWindow, import_wizard: object, tmp_path: Path
) -> None:
    from brokerdesk.gui.importing.wizard import ImportWizard
    from tests.hostile.harness import fingerprint

    assert isinstance(import_wizard, ImportWizard)
    sheet = tmp_path / "partners.csv"
    sheet.write_text("Name,Website,Name\nNorthlight Trust,https://n.example,Southlight Trust\n")
    database = _database_file(window)
    before = fingerprint(database)
    page = import_wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData("partners"))

    _try_file(qtbot, import_wizard, sheet)

    assert import_wizard.currentId() == import_wizard.MAPPING
    mapping = import_wizard.mapping_page
    shown = " ".join(label.text() for label in mapping.messages.values())
    assert "2 columns headed 'Name'" in shown, shown
    assert not import_wizard.button(import_wizard.WizardButton.NextButton).isEnabled()
    assert fingerprint(database) == before
