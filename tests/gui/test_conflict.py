"""Two app instances edit the same partner, on a SQLite file and on a PostgreSQL server.

Alice (instance A) saves the relationship owner; Bob (instance B), who opened the partner
before her save, saves the notes. Bob's save is refused with an EditConflict, the conflict
dialog shows the clash, Bob keeps his notes, and the record ends with both changes; the
History shows both saves under both names.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import EditConflict
from brokerdesk.core.services import Services
from brokerdesk.core.services.history import HistoryService
from brokerdesk.gui.dialogs.conflict import MINE, THEIRS, ConflictDialog


@pytest.fixture(params=["sqlite", "postgresql"])
def address(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "team.sqlite3")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def two_instances(address: str) -> Iterator[tuple[Database, Database]]:
    alice = open_database(address, user_name="alice")
    bob = open_database(address, user_name="bob")
    yield alice, bob
    bob.dispose()
    alice.dispose()


def _partner(db: Database) -> int:
    change = Services(db).partners.create(
        {"name": "Reading Agency North", "partner_type": "charity", "status": "active"}
    )
    return change.id


def test_second_save_conflicts_and_the_dialog_merges_both_changes(
    qtbot: QtBot, two_instances: tuple[Database, Database]
) -> None:
    alice_db, bob_db = two_instances
    alice, bob = Services(alice_db), Services(bob_db)
    partner_id = _partner(alice_db)
    opened_by_bob = bob.partners.get(partner_id)  # both have the partner open
    opened_by_alice = alice.partners.get(partner_id)

    alice.partners.update(
        partner_id, {"owner": "Alice Moss"}, expected_version=opened_by_alice["version_id"]
    )
    with pytest.raises(EditConflict) as caught:
        bob.partners.update(
            partner_id, {"notes": "Met at CILIP"}, expected_version=opened_by_bob["version_id"]
        )
    conflict = caught.value
    assert bob.partners.get(partner_id)["notes"] in (None, "")  # nothing of Bob's was saved

    dialog = ConflictDialog(conflict, original=opened_by_bob)
    qtbot.addWidget(dialog)
    dialog.show()
    # Bob's notes and Alice's owner are listed; each defaults to the side that changed it.
    assert set(dialog.radios) == {"notes", "owner"}
    assert dialog.radios["notes"][1].isChecked()  # Use mine
    assert dialog.radios["owner"][0].isChecked()  # Keep theirs
    assert dialog.radios["owner"][0].accessibleDescription() == "Alice Moss"
    assert dialog.radios["notes"][1].accessibleDescription() == "Met at CILIP"
    scroll = dialog.findChild(QScrollArea)  # named, and Tab goes through it to the choices
    assert scroll is not None and scroll.accessibleName() == "Fields that differ"
    assert not scroll.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.mouseClick(dialog.radios["notes"][0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.radios["notes"][1], Qt.MouseButton.LeftButton)  # mind changed back
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ConflictDialog.DialogCode.Accepted

    bob.partners.update(partner_id, dialog.merged(), expected_version=conflict.their_version)

    final = alice.partners.get(partner_id)
    assert final["owner"] == "Alice Moss"
    assert final["notes"] == "Met at CILIP"
    history = HistoryService(alice_db).for_record("partner", partner_id)
    saves = [(e.user_name, {c.field for c in e.changes}) for e in history if e.action == "update"]
    assert ("bob", {"notes"}) in saves
    assert ("alice", {"owner"}) in saves
    assert [e.user_name for e in history if e.action == "update"] == ["bob", "alice"]


def test_saved_again_meanwhile_raises_a_new_conflict(
    qtbot: QtBot, two_instances: tuple[Database, Database]
) -> None:
    alice_db, bob_db = two_instances
    alice, bob = Services(alice_db), Services(bob_db)
    partner_id = _partner(alice_db)
    version = bob.partners.get(partner_id)["version_id"]
    alice.partners.update(partner_id, {"owner": "Alice Moss"})
    with pytest.raises(EditConflict) as first:
        bob.partners.update(partner_id, {"owner": "Bob Lee"}, expected_version=version)
    dialog = ConflictDialog(first.value)
    qtbot.addWidget(dialog)
    dialog.choose("owner", MINE)
    alice.partners.update(partner_id, {"owner": "Alice Moss-Jones"})  # saved again meanwhile
    with pytest.raises(EditConflict) as second:
        bob.partners.update(partner_id, dialog.merged(), expected_version=first.value.their_version)
    assert second.value.theirs["owner"] == "Alice Moss-Jones"
    again = ConflictDialog(second.value)
    qtbot.addWidget(again)
    again.choose("owner", THEIRS)
    bob.partners.update(partner_id, again.merged(), expected_version=second.value.their_version)
    assert alice.partners.get(partner_id)["owner"] == "Alice Moss-Jones"


def test_cancel_saves_nothing_and_every_control_is_named(
    qtbot: QtBot, two_instances: tuple[Database, Database]
) -> None:
    alice_db, bob_db = two_instances
    partner_id = _partner(alice_db)
    conflict = EditConflict(
        "partner",
        partner_id,
        {"owner": "Bob Lee", "status": "paused"},
        Services(alice_db).partners.get(partner_id) | {"owner": "Alice Moss"},
        2,
    )
    dialog = ConflictDialog(conflict, labels={"owner": "Relationship owner", "status": "Status"})
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.radios["owner"][1].accessibleName() == "Relationship owner: use mine"
    assert dialog.radios["status"][0].accessibleName() == "Status: keep theirs"
    for keep, use in dialog.radios.values():
        assert keep.accessibleName() and use.accessibleName()
    assert dialog.save_button.accessibleName() and dialog.cancel_button.accessibleName()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == ConflictDialog.DialogCode.Rejected
    assert Services(bob_db).partners.get(partner_id)["owner"] in (None, "")


def test_the_dialog_works_from_the_keyboard_alone(
    qtbot: QtBot, two_instances: tuple[Database, Database]
) -> None:
    alice_db, _bob_db = two_instances
    partner_id = _partner(alice_db)
    theirs = Services(alice_db).partners.get(partner_id) | {"owner": "Alice Moss"}
    conflict = EditConflict("partner", partner_id, {"owner": "Bob Lee"}, theirs, 2)
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    keep, use = dialog.radios["owner"]
    assert use.isChecked()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for _ in range(8):  # Tab to the field's choice, as a keyboard user would
        if keep.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
    assert keep.hasFocus()
    qtbot.keyClick(keep, Qt.Key.Key_Space)
    assert keep.isChecked() and not use.isChecked()
    qtbot.keyClick(keep, Qt.Key.Key_Right)  # arrows move between the two sides
    assert use.isChecked() and use.hasFocus()
    qtbot.keyClick(use, Qt.Key.Key_Left)
    assert keep.isChecked() and not use.isChecked()
    qtbot.keyClick(keep, Qt.Key.Key_Return)
    assert dialog.result() == ConflictDialog.DialogCode.Accepted
    assert dialog.merged() == {"owner": "Alice Moss"}
