"""Two app instances (two windows, two users) on one database file, through the real forms.

Alice and Bob both have the same partner open. Alice saves a new relationship owner; Bob,
whose form still holds the old version, saves notes. Bob's form shows the conflict dialog,
he keeps his notes, and the partner ends with both changes, both recorded in the History;
Alice's window learns of Bob's save through live refresh.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.models import Partner
from brokerdesk.core.services import Services
from brokerdesk.core.services.history import HistoryService
from brokerdesk.gui.context import AppContext
from brokerdesk.gui.dialogs.conflict import ConflictDialog
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.live_refresh import LiveRefresh
from brokerdesk.gui.settings import Settings
from tests.gui.drive import ModalDriver

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def alice_and_bob(
    qtbot: QtBot, world_db: Database, settings: Settings
) -> Iterator[tuple[MainWindow, MainWindow]]:
    assert world_db.path is not None
    dbs = [open_database(world_db.path, user_name=name) for name in ("alice", "bob")]
    windows = [MainWindow(AppContext(db, settings)) for db in dbs]
    for window in windows:
        qtbot.addWidget(window)
        window.show()
    yield windows[0], windows[1]
    for window in windows:
        window.ctx.tasks.wait(5_000)
    for db in dbs:
        db.dispose()


def _first_partner(window: MainWindow) -> int:
    with window.ctx.db.read() as session:
        found = session.scalar(select(Partner.id).order_by(Partner.id))
    assert found is not None
    return int(found)


def test_bob_resolves_the_conflict_in_his_form_and_both_changes_are_kept(
    qtbot: QtBot, alice_and_bob: tuple[MainWindow, MainWindow]
) -> None:
    alice, bob = alice_and_bob
    partner_id = _first_partner(alice)
    alice_live = LiveRefresh(alice.ctx, interval_ms=100, parent=alice)
    alice_live.start()
    alice.open_record("partner", partner_id)
    bob.open_record("partner", partner_id)
    outcome: dict[str, object] = {}

    def resolve(dialog: ConflictDialog) -> None:
        outcome["rows"] = sorted(dialog.radios)
        outcome["mine_by_default"] = dialog.radios["notes"][1].isChecked()
        # Alice's owner is listed too (Bob's form knows what it opened with), kept by default.
        outcome["theirs_for_owner"] = dialog.radios["owner"][0].isChecked()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def bob_edits(form: RecordForm) -> None:
        version = alice.ctx.services.partners.get(partner_id)["version_id"]
        alice.ctx.services.partners.update(
            partner_id, {"owner": "Alice Moss"}, expected_version=version
        )
        notes = form.editors["notes"].focus_widget
        assert isinstance(notes, QPlainTextEdit)
        notes.selectAll()
        qtbot.keyClicks(notes, "Bob met them at the regional forum")
        conflict = ModalDriver(ConflictDialog, resolve)
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
        conflict.check()
        outcome["closed"] = not form.isVisible()

    driver = ModalDriver(RecordForm, bob_edits)
    page = bob.record_page
    assert page is not None
    qtbot.mouseClick(page.buttons[0], Qt.MouseButton.LeftButton)  # Edit…
    driver.check()
    assert outcome == {
        "rows": ["notes", "owner"],
        "mine_by_default": True,
        "theirs_for_owner": True,
        "closed": True,
    }

    final = Services(alice.ctx.db).partners.get(partner_id)
    assert final["owner"] == "Alice Moss"
    assert final["notes"] == "Bob met them at the regional forum"
    saves = [
        (e.user_name, {c.field for c in e.changes})
        for e in HistoryService(alice.ctx.db).for_record("partner", partner_id)
        if e.action == "update"
    ]
    assert saves[:2] == [("bob", {"notes"}), ("alice", {"owner"})]
    with qtbot.waitSignal(alice_live.refreshed, timeout=3_000) as seen:
        pass
    assert "partner" in seen.args[0]
    alice_live.stop()


def test_a_save_waits_for_the_other_instance_instead_of_failing_as_locked(
    qtbot: QtBot, alice_and_bob: tuple[MainWindow, MainWindow]
) -> None:
    alice, bob = alice_and_bob
    partner_id = _first_partner(alice)
    holding = threading.Event()

    def alice_holds_a_write() -> None:  # a long save in Alice's app (an import, say)
        with alice.ctx.db.write() as session:
            session.execute(
                text("UPDATE partner SET owner = 'Alice Moss' WHERE id = :i"), {"i": partner_id}
            )
            holding.set()
            threading.Event().wait(1.0)

    worker = threading.Thread(target=alice_holds_a_write)
    worker.start()
    assert holding.wait(5)
    change = bob.ctx.attempt(
        lambda: bob.ctx.services.partners.update(partner_id, {"notes": "Saved after Alice's"})
    )
    worker.join()
    assert change is not None  # no "database is locked": the save waited its turn
    final = Services(alice.ctx.db).partners.get(partner_id)
    assert final["owner"] == "Alice Moss" and final["notes"] == "Saved after Alice's"
