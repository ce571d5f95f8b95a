"""Every list searched and filtered from the keyboard; every table model checked by
qtmodeltester; every control in the window, record pages and dialogs named for a screen
reader with its visible label."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from brokerdesk.core.models import Interaction, Participation, ProgrammePartner
from brokerdesk.gui.dialogs.change_stage import ChangeStageDialog
from brokerdesk.gui.dialogs.link_services import LinkServicesDialog
from brokerdesk.gui.dialogs.record_form import RecordForm
from brokerdesk.gui.main_window import NAVIGATION, MainWindow
from brokerdesk.gui.models.record_table import RAW
from brokerdesk.gui.views.pages.base import RelatedTable

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: object) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, key, modifiers)  # type: ignore[arg-type]


@pytest.mark.parametrize("number", range(1, len(NAVIGATION) + 1))
def test_search_and_filter_each_list(qtbot: QtBot, window: MainWindow, number: int) -> None:
    entity = NAVIGATION[number - 1][0]
    press(qtbot, window, getattr(Qt.Key, f"Key_{number}"), CTRL)
    page = window.lists[entity]
    assert window.stack.currentWidget() is page
    total = page.model.rowCount()
    assert total > 1
    # Search: the first shown record's first word finds it, and fewer than all.
    first_id = page.model.record_id(0)
    text_column = next(i for i, c in enumerate(page.record_list.columns) if c.kind == "text")
    name = str(page.model.data(page.model.index(0, text_column)))
    word = max(name.split(), key=len)
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClicks(page.search, word)
    qtbot.waitUntil(lambda: page.model.state.search == word, timeout=3000)
    assert first_id in page.model.ids
    assert 0 < page.model.rowCount() <= total
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.state.search == "", timeout=3000)
    # Each choice filter: pick its first real option from the keyboard; every row shown
    # has that value where the list shows the filtered column.
    columns = {c.key: i for i, c in enumerate(page.record_list.columns)}
    checked = 0
    for key, widget in page._filter_widgets.items():
        if not isinstance(widget, QComboBox) or widget.count() < 2:
            continue
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Down)
        value = widget.currentData()
        assert page.model.state.filters.get(key) == value
        assert page.count_label.text().split()[0].replace(",", "") == str(page.model.rowCount())
        if key in columns:
            shown = {
                page.model.data(page.model.index(r, columns[key]), RAW)
                for r in range(page.model.rowCount())
            }
            assert shown <= {value}, f"{entity} filter {key}"
            checked += 1
        qtbot.keyClick(widget, Qt.Key.Key_Home)
    assert page.model.state.filters == page.current_state().filters


def test_every_list_model_passes_the_model_tester(
    qtmodeltester: object, window: MainWindow
) -> None:
    for entity, _title in NAVIGATION:
        window.open_list(entity)
        qtmodeltester.check(window.lists[entity].model)  # type: ignore[attr-defined]


def _page_ids(window: MainWindow) -> dict[str, int]:
    with window.ctx.db.read() as session:
        programme = session.scalar(
            select(Participation.programme_id).order_by(Participation.id).limit(1)
        )
        partner = session.scalar(select(ProgrammePartner.partner_id).limit(1))
        service = session.scalar(select(Participation.service_id).limit(1))
        interaction = session.scalar(
            select(Interaction.id).where(Interaction.contact_id.is_not(None)).limit(1)
        )
        contact = session.scalar(
            select(Interaction.contact_id).where(Interaction.contact_id.is_not(None)).limit(1)
        )
    assert None not in (programme, partner, service, interaction, contact)
    return {
        "partner": partner,
        "library_service": service,
        "programme": programme,
        "contact": contact,
        "interaction": interaction,
    }  # type: ignore[return-value]


def test_every_record_page_table_passes_the_model_tester(
    qtmodeltester: object, window: MainWindow
) -> None:
    for entity, record_id in _page_ids(window).items():
        window.open_record(entity, record_id)
        page = window.record_page
        assert page is not None
        tables = page.findChildren(RelatedTable)
        assert tables
        assert any(t.rows_model.rowCount() for t in tables), entity
        for table in tables:
            qtmodeltester.check(table.rows_model)  # type: ignore[attr-defined]
            table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
            qtmodeltester.check(table.rows_model)  # type: ignore[attr-defined]


def test_link_dialog_model_passes_the_model_tester(
    qtmodeltester: object, window: MainWindow, qtbot: QtBot
) -> None:
    programme_id = _page_ids(window)["programme"]
    dialog = LinkServicesDialog(window.ctx, programme_id, window)
    qtbot.addWidget(dialog)
    dialog.select_all_shown()
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------- accessibility
def _walk(iface: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    yield iface
    if depth > 40 or iface.role() in (QAccessible.Role.Table, QAccessible.Role.List):
        return  # a table's own name is checked; its thousands of cells are data
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.isValid():
            yield from _walk(child, depth + 1)


def _visible_label(widget: QWidget) -> str:
    """The text a sighted user reads for this control: its own text or its buddy label's."""
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    top = widget.window()
    for label in top.findChildren(QLabel):
        if label.buddy() is widget and label.isVisible():
            return label.text().replace("&", "").rstrip(":").strip()
    return ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable controls whose accessible name is empty or lacks their visible label."""
    problems: list[str] = []
    iface = QAccessible.queryAccessibleInterface(root)
    assert iface is not None
    for node in _walk(iface):
        state = node.state()
        if not state.focusable or state.invisible:
            continue
        name = node.text(QAccessible.Text.Name)
        widget = node.object()
        if isinstance(widget, QComboBox):
            # A combo box reports its current value as Name; screen readers announce the
            # accessible name set on the widget (and the buddy label) with it.
            name = widget.accessibleName()
        where = f"{type(widget).__name__} {widget.objectName()!r}" if widget else "item"
        if not name:
            problems.append(f"{where}: no accessible name")
            continue
        if isinstance(widget, QWidget):
            label = _visible_label(widget)
            if label and label not in name:
                problems.append(f"{where}: name {name!r} lacks its label {label!r}")
    return problems


def test_main_window_and_every_record_page_are_named_for_screen_readers(
    window: MainWindow,
) -> None:
    problems: list[str] = []
    for entity, _title in NAVIGATION:
        window.open_list(entity)
        problems += [f"list {entity}: {p}" for p in unnamed_controls(window)]
    for entity, record_id in _page_ids(window).items():
        window.open_record(entity, record_id)
        problems += [f"page {entity}: {p}" for p in unnamed_controls(window)]
    assert problems == []


def test_every_dialog_is_named_for_screen_readers(window: MainWindow, qtbot: QtBot) -> None:
    ids = _page_ids(window)
    with window.ctx.db.read() as session:
        participations = list(
            session.scalars(
                select(Participation.id).where(Participation.programme_id == ids["programme"])
            )
        )
    dialogs: list[QDialog] = [
        RecordForm(window.ctx, entity, record_id, window)
        for entity, record_id in (
            ("partner", None),
            ("partner", ids["partner"]),
            ("programme", None),
            ("programme", ids["programme"]),
            ("contact", None),
            ("interaction", ids["interaction"]),
            ("participation", participations[0]),
            ("programme_partner", None),
            ("library_service", ids["library_service"]),
        )
    ]
    dialogs += [
        LinkServicesDialog(window.ctx, ids["programme"], window),
        ChangeStageDialog(window.ctx, participations, window),
    ]
    problems: list[str] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{dialog.windowTitle()}: {p}" for p in unnamed_controls(dialog)]
        # Beyond names: every field label points at its field, and tick boxes read as such.
        for label in dialog.findChildren(QLabel):
            if label.text().endswith((":", " *")) and label.buddy() is None:
                problems.append(f"{dialog.windowTitle()}: label {label.text()!r} has no buddy")
        for box in dialog.findChildren(QCheckBox):
            assert box.text()
        dialog.done(0)
    assert problems == []


def test_tables_are_named_after_what_they_list(window: MainWindow) -> None:
    window.open_record("programme", _page_ids(window)["programme"])
    names = sorted(t.accessibleName() for t in window.findChildren(QTableView) if t.isVisible())
    assert "Library services table" in names
