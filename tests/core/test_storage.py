"""Safe storage: warnings for network shares and synced folders; two app instances at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from brokerdesk.core import storage
from brokerdesk.core.db import Database
from brokerdesk.core.models import Partner

MOUNTS = textwrap.dedent(
    """\
    /dev/sda1 / ext4 rw 0 0
    server:/export /mnt/team nfs4 rw 0 0
    //nas/share /media/nas cifs rw 0 0
    me@host:/x /home/me/remote fuse.sshfs rw 0 0
    /dev/sdb1 /home ext4 rw 0 0
    """
)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/mnt/team/brokerdesk.sqlite3", "network file system (nfs4)"),
        ("/media/nas/crm/brokerdesk.sqlite3", "(cifs)"),
        ("/home/me/remote/brokerdesk.sqlite3", "(fuse.sshfs)"),
        ("/home/me/OneDrive - Library Charity/brokerdesk.sqlite3", "OneDrive"),
        ("/home/me/Dropbox/brokerdesk.sqlite3", "Dropbox"),
        ("/Users/me/Library/Mobile Documents/com~apple~CloudDocs/b.sqlite3", "iCloud Drive"),
        ("/home/me/Google Drive/My Drive/b.sqlite3", "Google Drive"),
    ],
)
def test_risky_locations_are_named(path: str, words: str) -> None:
    warning = storage.risky_location(path, mounts=MOUNTS, windows=False)
    assert warning is not None and words in warning
    assert "local folder" in warning


def test_local_folder_is_fine() -> None:
    assert (
        storage.risky_location("/home/me/Documents/b.sqlite3", mounts=MOUNTS, windows=False) is None
    )


def test_windows_unc_path_and_onedrive() -> None:
    unc = storage.risky_location(r"\\fileserver\team\brokerdesk.sqlite3", windows=True)
    assert unc is not None and "network share" in unc
    cloud = storage.risky_location(r"C:\Users\me\OneDrive\brokerdesk.sqlite3", windows=True)
    assert cloud is not None and "OneDrive" in cloud
    assert storage.risky_location(r"C:\Users\me\Documents\b.sqlite3", windows=True) is None


WRITER = textwrap.dedent(
    """\
    import sys
    from brokerdesk.core.db import open_database
    from brokerdesk.core.services import Services
    db = open_database(sys.argv[1], user_name=sys.argv[2])
    services = Services(db)
    for i in range(int(sys.argv[3])):
        services.partners.create({"name": f"{sys.argv[2]} partner {i}"})
    print("done")
    """
)


def test_two_app_instances_write_the_same_file_at_once(db: Database, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(db.path), who, "60"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("alice", "bilal")
    ]
    results = [p.communicate(timeout=90) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
        assert out.strip() == "done"
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Partner)) == 120


def test_a_writer_held_up_too_long_gets_a_clear_message(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write lock held past the busy timeout must not surface as 'database is locked'."""
    from brokerdesk.core import db as dbmod
    from brokerdesk.core.errors import BrokerDeskError
    from brokerdesk.core.services import Services

    blocker = sqlite3.connect(db.path, isolation_level=None)  # type: ignore[arg-type]
    blocker.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)
    impatient = dbmod.open_database(db.path, user_name="impatient", migrate=False)
    try:
        with pytest.raises(BrokerDeskError) as caught:
            Services(impatient).partners.create({"name": "Waiting Trust"})
        message = str(caught.value)
        assert "locked" not in message.lower()
        assert "Another BrokerDesk window" in message
    finally:
        impatient.dispose()
        blocker.execute("ROLLBACK")
        blocker.close()
    assert Services(db).partners.count() == 0
