"""Tools ▸ Find duplicates…: the pair is found, merged field by field, undone, or dismissed."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QScrollArea
from sqlalchemy import text

from brokerdesk.core.db import Database
from brokerdesk.core.models import Base
from brokerdesk.core.services.field_settings import FieldSpec
from brokerdesk.gui.duplicates.finder import DuplicatesDialog
from brokerdesk.gui.duplicates.merge_view import MergeDialog
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.history_panel import HistoryPanel
from tests.gui.drive import ModalDriver, answer_message_box, history_lines


@dataclass
class Pair:
    """Two partners that are one charity, each with records of its own."""

    older: int
    newer: int
    contacts: tuple[int, int]
    lead_programme: int
    shared_programme: int
    interaction: int


@pytest.fixture
def pair(window: MainWindow) -> Pair:
    s = window.ctx.services
    with window.ctx.db.read() as session:
        area = session.execute(text("SELECT id FROM offer_area ORDER BY id LIMIT 1")).scalar_one()
    older = s.partners.create(
        {
            "name": "Sightline Reading Trust",
            "website": "https://sightline.org.uk",
            "notes": "Met at the CILIP conference",
        }
    ).id
    newer = s.partners.create(
        {
            "name": "Sightline Reading Trust UK",
            "website": "https://www.sightline.org.uk/about",
            "owner": "Priya Shah",
            "status": "active",
            "notes": "Pilot partner for audio-described reading",
            "tags": ["sight loss"],
        }
    ).id
    ann = s.contacts.create({"full_name": "Ann Lee", "partner_id": older}).id
    raj = s.contacts.create({"full_name": "Raj Patel", "partner_id": newer}).id
    lead = s.programmes.create(
        {"name": "Audio Described Reading", "offer_area_id": area, "partners": [(newer, "lead")]}
    ).id
    shared = s.programmes.create(
        {
            "name": "Talking Books Club",
            "offer_area_id": area,
            "partners": [(older, "lead"), (newer, "funder")],
        }
    ).id
    talk = s.interactions.create(
        {"occurred_on": "2026-01-05", "subject": "Kick-off", "partner_id": newer}
    ).id
    return Pair(older, newer, (ann, raj), lead, shared, talk)


def _dump(db: Database) -> dict[str, list[Any]]:
    """Every row of every table, less the bookkeeping a merge and its undo touch."""
    skip = {"audit_event", "trash_item", "search_index", "search_index_data"}
    out: dict[str, list[Any]] = {}
    with db.engine.connect() as conn:
        for name in Base.metadata.tables:
            if name in skip:
                continue
            rows = conn.execute(text(f"SELECT * FROM {name}")).mappings()
            out[name] = sorted(
                (
                    tuple(
                        sorted(
                            (k, v) for k, v in r.items() if k not in ("updated_at", "version_id")
                        )
                    )
                    for r in rows
                ),
                key=repr,
            )
    return out


def _one(db: Database, sql: str, **params: Any) -> Any:
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).one()


def _open_finder(qtbot: Any, window: MainWindow) -> DuplicatesDialog:
    window.duplicates_actions.find_duplicates.trigger()
    dialog: DuplicatesDialog = window.duplicates_actions.finder.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.task is None, timeout=10_000)
    return dialog


def _labels(dialog: DuplicatesDialog) -> list[tuple[str, str]]:
    return [(p.first_label, p.second_label) for p in dialog.model.pairs]


def _select(dialog: DuplicatesDialog, first: str, second_id: int | None = None) -> None:
    """Select the pair whose first record is ``first`` (and second ``second_id``, if given:
    the demo has its own Northlight duplicate)."""
    row = next(
        i
        for i, p in enumerate(dialog.model.pairs)
        if p.first_label == first and second_id in (None, p.second_id)
    )
    dialog.table.selectRow(row)


def test_tools_menu_sits_before_help_and_finds_the_pair(
    qtbot: Any, qtmodeltester: Any, window: MainWindow, pair: Pair
) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Tools") < titles.index("&Help")
    assert window.menus["tools"].actions()[0] is window.duplicates_actions.find_duplicates
    assert window.duplicates_actions.find_duplicates.text() == "Find &duplicates…"
    dialog = _open_finder(qtbot, window)
    qtmodeltester.check(dialog.model)
    assert ("Sightline Reading Trust", "Sightline Reading Trust UK") in _labels(dialog)
    row = next(i for i, p in enumerate(dialog.model.pairs) if p.second_id == pair.newer)
    shown = [dialog.model.index(row, c).data() for c in range(4)]
    assert shown[2:] == ["100%", "same website domain"]
    assert "likely duplicate pair" in dialog.status.text()
    assert not dialog.progress.isVisible()


def test_merge_keeps_chosen_fields_moves_everything_and_undo_restores(
    qtbot: Any, window: MainWindow, pair: Pair
) -> None:
    db = window.ctx.db
    before = _dump(db)
    dialog = _open_finder(qtbot, window)
    _select(dialog, "Sightline Reading Trust")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    merge = dialog.merge_dialog
    assert isinstance(merge, MergeDialog) and merge.isVisible()
    # Defaults: the kept record's values (name, status, notes...), the other's for its blanks.
    assert merge.survivor_side() == 0
    assert merge.fields["owner"].checkedId() == 1
    assert merge.fields["name"].checkedId() == 0 and merge.fields["status"].checkedId() == 0
    assert "partner_type" not in merge.fields  # the same in both: nothing to choose
    moves = merge.moves.text()
    assert "1 contact, 1 programme and 1 interaction move to “Sightline Reading Trust”" in moves
    assert "also gets 1 tag" in moves and "already has a role" in moves
    _click(qtbot, merge.radios["status"][1])
    _click(qtbot, merge.radios["website"][1])
    assert merge.choices() == {
        "name": "survivor",
        "status": "other",
        "owner": "other",
        "website": "other",
        "notes": "survivor",
    }

    cancel = answer_message_box("Cancel")
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    cancel.check()
    assert merge.isVisible() and _dump(db) == before  # Cancel in the question: nothing merged

    confirm = answer_message_box("Merge")
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    confirm.check()
    # The merge runs as an operation: the view closes once it is written.
    qtbot.waitUntil(lambda: dialog.merge_dialog is None, timeout=10_000)
    kept = _one(
        db,
        "SELECT name, status, owner, website, notes FROM partner WHERE id = :i",
        i=pair.older,
    )
    assert tuple(kept) == (
        "Sightline Reading Trust",
        "active",
        "Priya Shah",
        "https://www.sightline.org.uk/about",
        "Met at the CILIP conference",
    )
    assert _one(db, "SELECT count(*) FROM partner WHERE id = :i", i=pair.newer)[0] == 0
    assert _one(db, "SELECT count(*) FROM contact WHERE partner_id = :i", i=pair.older)[0] == 2
    assert _one(
        db,
        "SELECT partner_id, role FROM programme_partner WHERE programme_id = :p",
        p=pair.lead_programme,
    ) == (pair.older, "lead")
    assert _one(
        db,
        "SELECT count(*), min(role) FROM programme_partner WHERE programme_id = :p",
        p=pair.shared_programme,
    ) == (1, "lead")
    assert _one(db, "SELECT partner_id FROM interaction WHERE id = :i", i=pair.interaction)[0] == (
        pair.older
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM partner_tag JOIN tag ON tag.id = partner_tag.tag_id "
            "WHERE partner_id = :i AND tag.name = 'sight loss'",
            i=pair.older,
        )[0]
        == 1
    )
    # The finder and the Partners list refresh: the merged-away partner is in neither.
    qtbot.waitUntil(lambda: dialog.task is None and not dialog._again.isActive(), timeout=10_000)
    assert all(pair.newer not in (p.first_id, p.second_id) for p in dialog.model.pairs)
    partners = window.lists["partner"]
    qtbot.waitUntil(lambda: pair.older in partners.model.ids, timeout=10_000)
    assert pair.newer not in partners.model.ids
    assert "Merge" in window.undo_action.text()

    # Ctrl+Z in the finder undoes the merge through the main window's undo stack.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _dump(db) == before
    qtbot.waitUntil(lambda: pair.newer in partners.model.ids, timeout=10_000)
    qtbot.waitUntil(
        lambda: any(p.second_id == pair.newer for p in dialog.model.pairs), timeout=10_000
    )
    # Redo merges again with the same choices.
    window.redo_action.trigger()
    assert _one(db, "SELECT count(*) FROM partner WHERE id = :i", i=pair.newer)[0] == 0
    assert _one(db, "SELECT notes FROM partner WHERE id = :i", i=pair.older)[0] == (
        "Met at the CILIP conference"
    )


def test_not_duplicates_hides_the_pair_for_the_session(qtbot: Any, window: MainWindow) -> None:
    s = window.ctx.services
    first = s.contacts.create({"full_name": "Ann Lee", "email": "ann.lee@sightline.org.uk"}).id
    second = s.contacts.create({"full_name": "A. Lee", "email": "Ann.Lee@sightline.org.uk"}).id
    dialog = _open_finder(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("contact"))
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() > 0, timeout=10_000)
    assert ("Ann Lee", "A. Lee") in _labels(dialog)
    _select(dialog, "Ann Lee")
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert ("Ann Lee", "A. Lee") not in _labels(dialog)
    assert "1 pair marked “Not duplicates” is hidden" in dialog.status.text()
    dialog.close()
    again = _open_finder(qtbot, window)  # the same finder, reopened from the menu
    qtbot.mouseClick(again.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.task is None, timeout=10_000)
    assert again.kind.currentData() == "contact"
    assert all({p.first_id, p.second_id} != {first, second} for p in again.model.pairs)
    assert s.contacts.exists(first) and s.contacts.exists(second)


def test_partner_page_button_shows_only_that_partners_pairs(
    qtbot: Any, window: MainWindow, pair: Pair
) -> None:
    s = window.ctx.services
    s.partners.create({"name": "Bookstart Wales", "website": "https://booktrust.org.uk/wales"})
    s.partners.create({"name": "Bookstart Cymru", "website": "https://booktrust.org.uk/cymru"})
    window.open_record("partner", pair.newer)
    page = window.stack.currentWidget()
    button = page.findChild(QPushButton, "find-duplicates-button")
    assert button is not None and button.text() == "Find d&uplicates…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog: DuplicatesDialog = window.duplicates_actions.finder.dialog
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() > 0, timeout=10_000)
    assert _labels(dialog) == [("Sightline Reading Trust", "Sightline Reading Trust UK")]
    assert dialog.only.isVisible()
    assert "“Sightline Reading Trust UK”" in dialog.only_label.text()
    qtbot.mouseClick(dialog.show_all_button, Qt.MouseButton.LeftButton)
    assert ("Bookstart Wales", "Bookstart Cymru") in _labels(dialog)
    # Straight from one record page to another, and to a contact's: each has the button once.
    for entity, record_id in (("partner", pair.older), ("contact", pair.contacts[1])):
        window.open_record(entity, record_id)
        shown = window.stack.currentWidget()
        assert len(shown.findChildren(QPushButton, "find-duplicates-button")) == 1
    window.open_record("programme", pair.lead_programme)
    assert window.stack.currentWidget().findChild(QPushButton, "find-duplicates-button") is None


def test_merge_view_names_fields_for_screen_readers(
    qtbot: Any, window: MainWindow, pair: Pair
) -> None:
    dialog = _open_finder(qtbot, window)
    _select(dialog, "Sightline Reading Trust")
    merge = dialog.merge_selected()
    assert merge is not None
    assert merge.radios["owner"][1].accessibleName() == "Relationship owner: Priya Shah"
    assert merge.keep.button(1).accessibleName().startswith("Keep “Sightline Reading Trust UK”")
    merge.keep.button(1).setChecked(True)  # keep the newer one instead: the summary follows
    assert "move to “Sightline Reading Trust UK”" in merge.moves.text()
    assert "Then “Sightline Reading Trust” is deleted" in merge.moves.text()
    # The field-by-field area is named, and Tab goes through it to the choices, not onto it.
    scroll = merge.findChild(QScrollArea)
    assert scroll is not None and scroll.accessibleName() == "The two records, field by field"
    assert not scroll.focusPolicy() & Qt.FocusPolicy.TabFocus
    merge.reject()


def test_contact_merge_moves_local_contact_roles_and_undo_puts_them_back(
    qtbot: Any, window: MainWindow
) -> None:
    s = window.ctx.services
    db = window.ctx.db
    with db.read() as session:
        service_id, service_name = session.execute(
            text("SELECT id, name FROM library_service ORDER BY id LIMIT 1")
        ).one()
        area = session.execute(text("SELECT id FROM offer_area ORDER BY id LIMIT 1")).scalar_one()
    keep = s.contacts.create(
        {"full_name": "Morag Campbell", "email": "morag@libraries.example", "role": "Manager"}
    ).id
    other = s.contacts.create(
        {
            "full_name": "Morag Campbel",
            "email": "MORAG@libraries.example",
            "phone": "0131 555 0100",
            "service_id": service_id,
        }
    ).id
    programme = s.programmes.create({"name": "Reading Friends North", "offer_area_id": area}).id
    link = s.participations.create(
        {"programme_id": programme, "service_id": service_id, "local_contact_id": other}
    ).id
    before = _dump(db)
    dialog = _open_finder(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("contact"))
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() > 0, timeout=10_000)
    _select(dialog, "Morag Campbell")
    merge = dialog.merge_selected()
    assert merge is not None
    assert merge.radios["service_id"][1].text() == service_name.replace("&", "&&")
    assert "1 participation (as local contact) move to “Morag Campbell”" in merge.moves.text()
    merge.choose("role", 0)  # the manager title stays; phone and library service come across
    confirm = answer_message_box("Merge")
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    confirm.check()
    # The merge runs as an operation: the view closes once it is written and on the undo stack.
    qtbot.waitUntil(lambda: dialog.merge_dialog is None, timeout=10_000)
    assert tuple(_one(db, "SELECT role, phone, service_id FROM contact WHERE id = :i", i=keep)) == (
        "Manager",
        "0131 555 0100",
        service_id,
    )
    assert _one(db, "SELECT local_contact_id FROM participation WHERE id = :i", i=link)[0] == keep
    assert not s.contacts.exists(other)
    window.undo_action.trigger()
    assert _dump(db) == before


class _HeldScorer:
    """rapidfuzz's process, held from the third chunk until ``release``, so Stop lands
    mid-search however busy the machine is (a fixed delay let a loaded run finish first)."""

    def __init__(self, real: Any, release: threading.Event) -> None:
        self.real = real
        self.release = release
        self.calls = 0

    def cdist(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if self.calls > 2:
            self.release.wait(10)
        return self.real.cdist(*args, **kwargs)


def test_the_bar_shows_how_far_the_search_is_and_stop_stops_it(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brokerdesk.core.services import duplicates

    monkeypatch.setattr(duplicates, "CHUNK", 1)  # one name at a time: many steps
    dialog = _open_finder(qtbot, window)
    partners = window.lists["partner"].model.rowCount()
    steps: list[tuple[int, int]] = []
    bar = dialog.progress

    def record(value: int) -> None:
        steps.append((value, bar.maximum()))

    bar.valueChanged.connect(record)
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    bar.valueChanged.disconnect(record)
    assert steps[-1] == (partners, partners), "the bar fills as the names are compared"
    assert len(steps) > partners // 2

    release = threading.Event()
    monkeypatch.setattr(duplicates, "process", _HeldScorer(duplicates.process, release))
    dialog.find_button.click()
    assert dialog.stop_button.isVisible()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 2, timeout=10_000)
    dialog.stop_button.click()
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10_000)
    assert dialog.status.text() == "Stopped. Press Find again to look again."
    assert not dialog.stop_button.isVisible() and dialog.find_button.isEnabled()


def _click(qtbot: Any, radio: QAbstractButton) -> None:
    """Click a radio on its round button (its middle may be empty space beyond a short label)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))


def test_merge_defaults_keep_the_kept_records_values_and_follow_a_swap(
    qtbot: Any, window: MainWindow
) -> None:
    """The issue's steps: a new "…Ltd" spelling (a Prospect) merged into the Active record."""
    db = window.ctx.db
    kept_id, status, owner = _one(
        db, "SELECT id, status, owner FROM partner WHERE name = 'Northlight Sight Loss Trust'"
    )
    assert status == "active" and owner
    typo = window.ctx.services.partners.create({"name": "Northlight Sight-Loss Trust Ltd"}).id
    assert _one(db, "SELECT status FROM partner WHERE id = :i", i=typo)[0] == "prospect"
    dialog = _open_finder(qtbot, window)
    _select(dialog, "Northlight Sight Loss Trust", typo)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    merge = dialog.merge_dialog
    assert merge is not None
    assert merge.facts.ids == (kept_id, typo) and merge.survivor_side() == 0
    # Every default keeps the record kept: nothing of it is blank, so nothing is taken.
    assert all(group.checkedId() == 0 for group in merge.fields.values())
    assert "keeps all its own values" in merge.moves.text()

    # Keep the new record instead: the defaults follow, and its blanks fill from the other.
    _click(qtbot, merge.keep.button(1))
    assert merge.fields["name"].checkedId() == 1 and merge.fields["status"].checkedId() == 1
    assert merge.fields["owner"].checkedId() == 0  # the new record has no owner
    # A value the user picked stays picked when the record kept changes again.
    _click(qtbot, merge.radios["name"][0])
    _click(qtbot, merge.keep.button(0))
    assert merge.fields["status"].checkedId() == 0 and merge.fields["name"].checkedId() == 0
    _click(qtbot, merge.radios["name"][1])
    _click(qtbot, merge.keep.button(1))
    _click(qtbot, merge.keep.button(0))
    assert merge.fields["name"].checkedId() == 1  # chosen: stays
    assert "It will be called “Northlight Sight-Loss Trust Ltd”" in merge.moves.text()
    _click(qtbot, merge.radios["name"][0])
    assert merge.fields["name"].checkedId() == 0

    asked: list[str] = []

    def read_and_merge(box: QMessageBox) -> None:
        asked.append(f"{box.text()}\n{box.informativeText()}")
        next(b for b in box.buttons() if b.text().replace("&", "") == "Merge").click()

    confirm = ModalDriver(QMessageBox, read_and_merge)
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    confirm.check()
    qtbot.waitUntil(lambda: dialog.merge_dialog is None, timeout=10_000)  # merged, closed
    assert asked[0].startswith(
        "Merge “Northlight Sight-Loss Trust Ltd” into “Northlight Sight Loss Trust”?"
    )
    assert "“Northlight Sight Loss Trust” keeps all its own values." in asked[0]
    assert tuple(_one(db, "SELECT name, status, owner FROM partner WHERE id = :i", i=kept_id)) == (
        "Northlight Sight Loss Trust",
        "active",
        owner,
    )
    assert _one(db, "SELECT count(*) FROM partner WHERE id = :i", i=typo)[0] == 0


def test_an_own_field_conflict_is_chosen_in_the_merge_view_and_nothing_is_dropped(
    qtbot: Any, window: MainWindow, pair: Pair
) -> None:
    """The team's own fields are merged like the fixed ones: a blank is filled from the
    other record, a conflict is the user's choice (the kept record's by default), and the
    value not kept is written to the kept record's History."""
    s = window.ctx.services
    region = s.custom_fields.add("partner", FieldSpec("Our region", "text")).id
    charity = s.custom_fields.add("partner", FieldSpec("Charity number", "text")).id
    s.partners.update(pair.older, {f"cf_{region}": "North West"})
    s.partners.update(pair.newer, {f"cf_{region}": "North East", f"cf_{charity}": "1093041"})
    dialog = _open_finder(qtbot, window)
    _select(dialog, "Sightline Reading Trust")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    merge = dialog.merge_dialog
    assert merge is not None and merge.own_heading is not None
    assert merge.own_heading.text() == "<b>Your own fields</b>"
    conflict = merge.radios[f"cf_{region}"]
    assert [r.text() for r in conflict] == ["North West", "North East"]
    assert conflict[1].accessibleName() == "Our region: North East"
    assert merge.fields[f"cf_{region}"].checkedId() == 0, "the kept record's value by default"
    assert merge.fields[f"cf_{charity}"].checkedId() == 1, "a blank takes the other's"
    assert "Our region" in merge.moves.text().split("are written to its history")[0]
    _click(qtbot, conflict[1])
    assert merge.choices()[f"cf_{region}"] == "other"
    confirm = answer_message_box("Merge")
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    confirm.check()
    qtbot.waitUntil(lambda: dialog.merge_dialog is None, timeout=10_000)
    kept = s.partners.get(pair.older)
    assert (kept[f"cf_{region}"], kept[f"cf_{charity}"]) == ("North East", "1093041")
    panel = HistoryPanel(window.ctx, "partner", pair.older)
    qtbot.addWidget(panel)
    newest, lines = history_lines(panel.table)[0]
    assert "Merged Sightline Reading Trust UK into Sightline Reading Trust" in newest[2]
    assert "Charity number: (empty) → 1093041" in lines
    assert "Our region: North West not kept" in lines
    assert "Name: Sightline Reading Trust UK not kept" in lines
    window.undo_action.trigger()
    assert s.partners.get(pair.newer)[f"cf_{region}"] == "North East"
    assert s.partners.get(pair.older)[f"cf_{region}"] == "North West"
    assert s.partners.get(pair.older)[f"cf_{charity}"] is None
