"""The History of a record and the Trash page, through the real main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from brokerdesk.core.models import Agreement, Partner, TrashItem
from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.safety.history_panel import HistoryDialog, HistoryPanel
from brokerdesk.gui.safety.trash_page import TrashPage
from tests.gui.drive import answer_message_box, history_lines


def _partner_with_agreement(window: MainWindow) -> tuple[int, str]:
    with window.ctx.db.read() as session:
        row = session.execute(
            select(Partner.id, Partner.name).join(Agreement).order_by(Partner.id).limit(1)
        ).one()
    return int(row[0]), str(row[1])


def _partners_named(window: MainWindow, name: str) -> int:
    with window.ctx.db.read() as session:
        return int(
            session.scalar(select(func.count()).select_from(Partner).where(Partner.name == name))
            or 0
        )


def _trash(window: MainWindow) -> TrashPage:
    window.open_list("trash")
    page = window.stack.currentWidget()
    assert isinstance(page, TrashPage)
    return page


def _select(page: TrashPage, label: str) -> None:
    row = next(i for i, e in enumerate(page.entries) if e.label == label)
    page.table.selectRow(row)


def test_history_lists_who_changed_what_newest_first(qtbot: QtBot, window: MainWindow) -> None:
    partner_id, _name = _partner_with_agreement(window)
    partners = window.ctx.services.partners
    before = partners.get(partner_id)["owner"]
    partners.update(partner_id, {"owner": "Zara Okonkwo-Test"})
    partners.update(partner_id, {"notes": "Renewal talk in March"})
    action = window.safety.show_history
    window.open_record("partner", partner_id)
    action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog))
    qtbot.addWidget(dialog)
    table = dialog.panel.table
    (newest, newest_fields), (previous, previous_fields) = history_lines(table)[:2]
    assert newest[1] == "tester" and previous[1] == "tester"
    assert newest[2] == "Changed Notes"
    assert newest_fields[0].startswith("Notes: ")
    assert newest_fields[0].endswith(" → Renewal talk in March")
    assert previous[2] == "Changed Relationship owner"
    assert previous_fields[0] == f"Relationship owner: {before or '(empty)'} → Zara Okonkwo-Test"
    field_row = table.model().index(1, 0)  # the newest save's first field, under it
    assert field_row.data().startswith("\u2003")  # indented under its save
    spoken = field_row.data(Qt.ItemDataRole.AccessibleTextRole)  # the whole of long notes
    assert spoken.startswith("Notes: ") and "…" not in spoken
    assert field_row.data(Qt.ItemDataRole.ToolTipRole) == spoken
    assert table.model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        f"{newest[0]}, tester: Changed Notes"
    )
    assert table.accessibleName() == "History"
    dialog.close()


def test_history_panel_refreshes_after_a_save(qtbot: QtBot, window: MainWindow) -> None:
    partner_id, _name = _partner_with_agreement(window)
    panel = HistoryPanel(window.ctx, "partner", partner_id)
    qtbot.addWidget(panel)
    count = len(history_lines(panel.table))
    change = window.ctx.services.partners.update(partner_id, {"owner": "Sam Reid"})
    window.ctx.changes.broadcast(change)
    saves = history_lines(panel.table)
    assert len(saves) == count + 1
    assert saves[0][1][0].endswith("→ Sam Reid")


def test_show_history_on_a_list_says_to_open_a_record(qtbot: QtBot, window: MainWindow) -> None:
    action = window.safety.show_history
    with qtbot.waitSignal(window.ctx.message) as said:
        action.trigger()
    assert "Open a record first" in said.args[0]
    assert not any(isinstance(w, HistoryDialog) for w in QApplication.topLevelWidgets())


def test_deleted_partner_waits_in_the_trash_and_restores_with_its_agreements(
    qtbot: QtBot, window: MainWindow
) -> None:
    partner_id, name = _partner_with_agreement(window)
    services = window.ctx.services
    with window.ctx.db.read() as session:
        agreements = session.scalar(
            select(func.count()).select_from(Agreement).where(Agreement.partner_id == partner_id)
        )
    window.ctx.changes.broadcast(services.partners.delete([partner_id]))
    page = _trash(window)
    entry = next(e for e in page.entries if e.label == name)
    row = page.entries.index(entry)
    cells = page.table.model()
    assert cells.index(row, 0).data() == "Partner"
    assert cells.index(row, 2).data() == "tester"
    assert "agreement" in cells.index(row, 4).data()
    assert not page.restore_button.isEnabled()  # nothing chosen yet
    _select(page, name)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert _partners_named(window, name) == 1
    assert all(e.label != name for e in page.entries)
    with window.ctx.db.read() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(Agreement)
                .where(Agreement.partner_id == partner_id)
            )
            == agreements
        )
    partners_list = window.lists["partner"]
    window.open_list("partner")
    qtbot.waitUntil(lambda: partners_list.model.rowCount() > 0)


def test_delete_permanently_asks_first_and_then_cannot_be_undone(
    qtbot: QtBot, window: MainWindow
) -> None:
    partner_id, name = _partner_with_agreement(window)
    window.ctx.changes.broadcast(window.ctx.services.partners.delete([partner_id]))
    page = _trash(window)
    _select(page, name)
    keep = answer_message_box("Keep")
    qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
    keep.check()
    assert any(e.label == name for e in page.entries)
    _select(page, name)
    purge = answer_message_box("Delete permanently")
    qtbot.mouseClick(page.purge_button, Qt.MouseButton.LeftButton)
    purge.check()
    assert all(e.label != name for e in page.entries)
    assert _partners_named(window, name) == 0


def test_empty_trash_removes_everything_after_confirmation(
    qtbot: QtBot, window: MainWindow
) -> None:
    partner_id, _name = _partner_with_agreement(window)
    window.ctx.changes.broadcast(window.ctx.services.partners.delete([partner_id]))
    page = _trash(window)
    assert page.entries and page.empty_button.isEnabled()
    go = answer_message_box("Empty trash")
    qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)
    go.check()
    assert page.entries == []
    assert page.empty_label.isVisibleTo(page)
    assert not page.empty_button.isEnabled()
    with window.ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(TrashItem)) == 0


def test_trash_works_from_the_keyboard_and_reads_each_cell_with_its_column(
    qtbot: QtBot, window: MainWindow
) -> None:
    partner_id, name = _partner_with_agreement(window)
    window.ctx.changes.broadcast(window.ctx.services.partners.delete([partner_id]))
    page = _trash(window)
    row = next(i for i, e in enumerate(page.entries) if e.label == name)
    cells = page.table.model()
    assert page.table.accessibleName() == "Deleted records"
    assert cells.index(row, 1).data(Qt.ItemDataRole.AccessibleTextRole) == f"Name: {name}"
    assert cells.headerData(4, Qt.Orientation.Horizontal) == "Took with it"
    page.table.setFocus()
    page.table.setCurrentIndex(cells.index(row, 0))
    page.table.selectRow(row)
    assert page.restore_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert _partners_named(window, name) == 1
    assert all(e.label != name for e in page.entries)


def test_history_names_the_records_a_change_pointed_at(qtbot: QtBot, window: MainWindow) -> None:
    """ "Partner: Open Book Trust → …", not "partner_id: 12", and the name it had that day."""
    services = window.ctx.services
    with window.ctx.db.read() as session:
        rows = session.execute(select(Partner.id, Partner.name).order_by(Partner.id)).all()
    (first, first_name), (second, second_name) = rows[0], rows[1]
    call = services.interactions.create(
        {"subject": "Kick-off", "occurred_on": "2026-06-01", "partner_id": first}
    ).id
    services.interactions.update(call, {"partner_id": second})
    services.partners.update(second, {"name": "Renamed Since"})
    panel = HistoryPanel(window.ctx, "interaction", call)
    qtbot.addWidget(panel)
    (save, fields), _created = history_lines(panel.table)
    assert save[2] == "Changed Partner"
    assert fields == [f"Partner: {first_name} → {second_name}"]
    spoken = panel.table.model().index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"Partner: {first_name} → {second_name}"
