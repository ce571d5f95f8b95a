"""Series by keyboard: roll over a programme, undo it, and read the rounds side by side.

The demo's Summer Reading Challenge has three yearly rounds; its page's figures are checked
against SQL written here.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from brokerdesk.gui.main_window import MainWindow
from brokerdesk.gui.series.roll_over_dialog import RollOverDialog
from brokerdesk.gui.views.pages.programme import ProgrammePage
from brokerdesk.gui.views.pages.series import SeriesPage
from tests.gui.drive import ModalDriver

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _sql(window: MainWindow, query: str, **params: Any) -> list[tuple[Any, ...]]:
    with window.ctx.db.read() as session:
        return [tuple(r) for r in session.execute(text(query), params)]


def _series_id(window: MainWindow) -> int:
    return int(_sql(window, "SELECT id FROM series WHERE name = 'Summer Reading Challenge'")[0][0])


def _latest_round(window: MainWindow) -> tuple[int, str]:
    pid, name = _sql(
        window,
        "SELECT p.id, p.name FROM programme p JOIN programme_round r ON r.programme_id = p.id"
        " WHERE r.series_id = :s ORDER BY p.start_date DESC",
        s=_series_id(window),
    )[0]
    return int(pid), str(name)


def test_roll_over_by_keyboard_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    latest, name = _latest_round(window)
    window.open_record("programme", latest)
    page = window.record_page
    assert isinstance(page, ProgrammePage)
    before = _sql(window, "SELECT COUNT(*) FROM programme")[0][0]
    taking_part = _sql(
        window,
        "SELECT COUNT(DISTINCT service_id) FROM participation"
        " WHERE programme_id = :p AND stage <> 'withdrawn'",
        p=latest,
    )[0][0]

    def choose(dialog: RollOverDialog) -> None:
        assert QApplication.focusWidget() is dialog.bring  # "Library services to bring"
        assert dialog.bring.currentIndex() == 0  # those taking part
        qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)  # "Their stage in the new round"
        assert QApplication.focusWidget() is dialog.stage
        assert dialog.stage.currentData() == "invited"
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    driver = ModalDriver(RollOverDialog, choose)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, ALT)  # Roll over to next &year…
    # A mnemonic clicks its button 100 ms later, as it shows the button pressed.
    qtbot.waitUntil(lambda: driver.ran or driver.error is not None, timeout=10_000)
    driver.check()
    year = int(name.rsplit(" ", 1)[1])
    new = _sql(window, "SELECT id FROM programme WHERE name = :n", n=f"{name[:-4]}{year + 1}")
    assert len(new) == 1
    invited = _sql(
        window,
        "SELECT COUNT(*), MIN(stage), MAX(stage) FROM participation WHERE programme_id = :p",
        p=new[0][0],
    )[0]
    assert invited == (taking_part, "invited", "invited")
    opened = window.record_page
    assert opened is not None and opened.heading.text() == f"{name[:-4]}{year + 1}"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.ctx.undo_stack.undo()
    assert _sql(window, "SELECT COUNT(*) FROM programme")[0][0] == before
    assert _sql(window, "SELECT COUNT(*) FROM participation WHERE programme_id = :p", p=new[0][0])[
        0
    ] == (0,)
    window.ctx.undo_stack.redo()
    assert _sql(window, "SELECT COUNT(*) FROM participation WHERE programme_id = :p", p=new[0][0])[
        0
    ] == (taking_part,)


def test_the_series_page_shows_its_rounds_side_by_side(qtbot: QtBot, window: MainWindow) -> None:
    series_id = _series_id(window)
    window.open_record("series", series_id)
    page = window.record_page
    assert isinstance(page, SeriesPage)
    model = page.compared.rows_model
    headers = model.headers
    rounds = _sql(
        window,
        "SELECT p.id, r.label FROM programme p JOIN programme_round r ON r.programme_id = p.id"
        " WHERE r.series_id = :s ORDER BY p.start_date",
        s=series_id,
    )
    assert headers == ["Figure", *(label for _pid, label in rounds)]
    shown = {
        model.data(model.index(row, 0)): [
            model.data(model.index(row, c)) for c in range(1, len(headers))
        ]
        for row in range(model.rowCount())
    }
    taking_part = [
        _sql(
            window,
            "SELECT COUNT(DISTINCT service_id) FROM participation"
            " WHERE programme_id = :p AND stage <> 'withdrawn'",
            p=pid,
        )[0][0]
        for pid, _label in rounds
    ]
    assert shown["Library services taking part"] == [f"{n:,}" for n in taking_part]
    reached = [
        _sql(
            window,
            "SELECT COALESCE(SUM(v.value), 0) FROM measure_value v"
            " JOIN programme_measure m ON m.id = v.measure_id"
            " WHERE m.programme_id = :p AND m.name = 'People reached'",
            p=pid,
        )[0][0]
        for pid, _label in rounds
    ]
    assert shown["People reached (people)"] == [f"{n:,}" for n in reached]
    assert all(n > 0 for n in reached)
    # New and lapsed: the demo's services come and go between rounds.
    new_second = shown["New library services"][1]
    assert new_second not in ("0", "", None)
    # The table is reached by keyboard: Tab from the heading comes to the related tables.
    assert page.compared.accessibleName() == "Side by side table"


def test_a_participations_figures_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    from brokerdesk.gui.dialogs.extras import MeasureValues
    from brokerdesk.gui.dialogs.record_form import RecordForm

    latest, _name = _latest_round(window)
    [(pid,)] = _sql(
        window,
        "SELECT p.id FROM participation p"
        " JOIN library_service ls ON ls.id = p.service_id"
        " WHERE p.programme_id = :p AND p.stage = 'active' ORDER BY ls.nice_name LIMIT 1",
        p=latest,
    )
    window.open_record("programme", latest)
    page = window.record_page
    assert isinstance(page, ProgrammePage)
    headers = page.participations.rows_model.headers
    assert headers[-3:] == [
        "People reached (people)",
        "Books issued (books)",
        "Volunteers (volunteers)",
    ]
    row = page.participations.rows_model.row_of("id", pid)
    assert row is not None
    page.participations.selectRow(row)

    def fill(form: RecordForm) -> None:
        figures = form.extras["measure_values"]
        assert isinstance(figures, MeasureValues)
        books = next(
            e for e in figures.edits.values() if e.accessibleName() == "Books issued (books)"
        )
        books.setFocus()
        books.selectAll()
        qtbot.keyClicks(books, "4321")
        qtbot.keyClick(form, Qt.Key.Key_S, CTRL)

    driver = ModalDriver(RecordForm, fill)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, ALT)  # Edit pa&rticipation…
    qtbot.waitUntil(lambda: driver.ran or driver.error is not None, timeout=10_000)
    driver.check()
    stored = _sql(
        window,
        "SELECT v.value FROM measure_value v JOIN programme_measure m ON m.id = v.measure_id"
        " WHERE v.participation_id = :p AND m.name = 'Books issued'",
        p=pid,
    )
    assert stored == [(4321,)]
    page = window.record_page
    assert isinstance(page, ProgrammePage)
    qtbot.waitUntil(
        lambda: (
            page.participations.rows_model.rows
            and any(
                r.get("id") == pid and 4321 in r.values()
                for r in page.participations.rows_model.rows
            )
        ),
        timeout=5000,
    )  # the table shows the new figure
