"""A backup carries documents: restored, a document's bytes are exactly what was added.

SQLite only: a team server's backups are the server's own (pg_dump), not BrokerDesk's.
"""

from __future__ import annotations

import hashlib

from brokerdesk.core import backup
from brokerdesk.core.db import Database, open_database
from brokerdesk.core.services import Services
from brokerdesk.core.services.documents import NewDocument


def test_backup_and_restore_keep_documents_byte_for_byte(db: Database) -> None:
    s = Services(db)
    pid = s.partners.create({"name": "Open Book Trust"}).id
    data = bytes(range(256)) * 400
    doc = s.documents.add("partner", pid, [NewDocument("all bytes.bin", data)]).id
    assert db.path is not None
    taken = backup.make_backup(db, folder=db.path.parent / "backups")
    s.documents.delete(doc)
    db.dispose()
    backup.restore_backup(db.path, taken)
    again = open_database(db.path, user_name="tester")
    try:
        restored = Services(again).documents.content(doc)
        assert hashlib.sha256(restored).digest() == hashlib.sha256(data).digest()
        assert restored == data
    finally:
        again.dispose()
