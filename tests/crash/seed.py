"""The files every kill point starts from, made once per campaign in an ``inputs`` folder.

* ``seed.sqlite3``: a database at the newest schema holding what each operation works on:
  3,000 extra member library services, a programme to bulk-link them to, a programme whose
  3,000 participations get a bulk stage change, one for the spreadsheet import, a partner whose
  delete cascades, and two partners to merge (one with hundreds of rows that move).
* ``import.csv``: a sign-up sheet of 3,000 participations, found by GSS code.
* ``restore-source.sqlite3``: a backup that differs from the seed (one more partner).
* ``old-schema.sqlite3``: the seed taken back to the first migration, for the upgrade.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from sqlalchemy import insert, select

BULK_ROWS = 3000
MERGE_ROWS = 400
LINK_PROGRAMME = "Crash link programme"
EDIT_PROGRAMME = "Crash edit programme"
IMPORT_PROGRAMME = "Crash import programme"
DOOMED_PARTNER = "Doomed Partner Trust"
KEEPER_PARTNER = "Merge Keeper Trust"
TWIN_PARTNER = "Merge Twin Trust"
RESTORED_PARTNER = "Restored Partner Trust"
OLD_REVISION = "0001"

SEED, CSV_FILE, RESTORE_SOURCE, OLD_SCHEMA = (
    "seed.sqlite3",
    "import.csv",
    "restore-source.sqlite3",
    "old-schema.sqlite3",
)


def _test_services(count: int) -> list[dict[str, object]]:
    return [
        {
            "gss_code": f"E99{i:06d}",
            "name": f"Test Council {i}",
            "nice_name": f"Test {i}",
            "nation": "England",
            "region": "North West",
            "is_member": True,
            "version_id": 1,
        }
        for i in range(count)
    ]


def _fill(path: Path) -> None:
    from brokerdesk.core.db import open_database
    from brokerdesk.core.models import Agreement, Contact, Interaction, LibraryService
    from brokerdesk.core.services import Services
    from tests.builders import small_world

    db = open_database(path, user_name="seed")
    world = small_world.build(db)
    with db.write() as session:
        session.execute(insert(LibraryService), _test_services(BULK_ROWS))
    s = Services(db)
    area = world.offer_areas["reading"]
    s.programmes.create({"name": LINK_PROGRAMME, "offer_area_id": area})
    s.programmes.create({"name": IMPORT_PROGRAMME, "offer_area_id": area})
    edit = s.programmes.create({"name": EDIT_PROGRAMME, "offer_area_id": area}).id
    with db.read() as session:
        ids = list(session.scalars(select(LibraryService.id)))
    s.participations.link_services(edit, ids, stage="invited")
    doomed = s.partners.create({"name": DOOMED_PARTNER}).id
    keeper = s.partners.create({"name": KEEPER_PARTNER, "notes": "Kept"}).id
    twin = s.partners.create({"name": TWIN_PARTNER, "notes": "Twin's notes"}).id
    with db.write() as session:
        session.execute(
            insert(Agreement),
            [{"partner_id": doomed, "title": f"Agreement {i}", "version_id": 1} for i in range(200)]
            + [
                {"partner_id": twin, "title": f"Twin agreement {i}", "version_id": 1}
                for i in range(MERGE_ROWS // 4)
            ],
        )
        session.execute(
            insert(Contact),
            [
                {"full_name": f"Contact {i}", "partner_id": doomed, "version_id": 1}
                for i in range(50)
            ]
            + [
                {"full_name": f"Twin contact {i}", "partner_id": twin, "version_id": 1}
                for i in range(MERGE_ROWS)
            ]
            + [
                {"full_name": f"Keeper contact {i}", "partner_id": keeper, "version_id": 1}
                for i in range(20)
            ],
        )
        session.execute(
            insert(Interaction),
            [
                {
                    "kind": "note",
                    "occurred_on": dt.date(2025, 6, 1),
                    "subject": f"Twin note {i}",
                    "partner_id": twin,
                    "version_id": 1,
                    "follow_up_done": False,
                }
                for i in range(MERGE_ROWS)
            ],
        )
    _fold_wal(db)


def _fold_wal(db: object) -> None:
    from brokerdesk.core.db import Database

    assert isinstance(db, Database)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()


def _write_csv(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Programme", "GSS code", "Stage"])
        for i in range(BULK_ROWS):
            out.writerow([IMPORT_PROGRAMME, f"E99{i:06d}", "signed_up"])


def _restore_source(seed: Path, target: Path) -> None:
    import shutil

    from brokerdesk.core.backup import copy_database
    from brokerdesk.core.db import open_database
    from brokerdesk.core.services import Services

    scratch = target.with_name("restore-scratch.sqlite3")
    shutil.copyfile(seed, scratch)
    db = open_database(scratch, user_name="seed")
    Services(db).partners.create({"name": RESTORED_PARTNER})
    _fold_wal(db)
    copy_database(scratch, target)
    scratch.unlink()


def _old_schema(seed: Path, target: Path) -> None:
    import shutil

    from brokerdesk.core import migrate
    from brokerdesk.core.db import open_database

    shutil.copyfile(seed, target)
    db = open_database(target, user_name="seed")
    migrate.downgrade_to(db, OLD_REVISION)
    _fold_wal(db)


def prepare_inputs(folder: Path) -> Path:
    """Make the inputs folder; return it."""
    inputs = folder / "inputs"
    inputs.mkdir()
    _fill(inputs / SEED)
    _write_csv(inputs / CSV_FILE)
    _restore_source(inputs / SEED, inputs / RESTORE_SOURCE)
    _old_schema(inputs / SEED, inputs / OLD_SCHEMA)
    return inputs
