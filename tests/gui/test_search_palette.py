"""Ctrl+K search palette, driven through the keyboard against the demo world."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _open_palette(qtbot, window):  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.search_actions.palette
    qtbot.waitUntil(palette.isVisible)
    return palette


def _search(qtbot, palette, text: str) -> None:  # type: ignore[no-untyped-def]
    palette.field.clear()
    qtbot.keyClicks(palette.field, text)
    qtbot.waitUntil(lambda: not palette.searching, timeout=10_000)


def _hit_texts(palette) -> list[str]:  # type: ignore[no-untyped-def]
    items = [palette.results.item(r) for r in palette.hit_rows()]
    return [i.data(Qt.ItemDataRole.AccessibleTextRole) for i in items]


def test_typo_finds_partner_and_enter_opens_its_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    palette = _open_palette(qtbot, window)
    assert QApplication.focusWidget() is palette.field
    assert palette.field.accessibleName() == "Search everything"
    assert palette.results.accessibleName() == "Search results"
    _search(qtbot, palette, "nortlight sight")
    texts = _hit_texts(palette)
    assert texts[0] == "Partner: Northlight Sight Loss Trust — charity · active · Priya Shah"
    headers = [
        palette.results.item(r).text()
        for r in range(palette.results.count())
        if r not in palette.hit_rows()
    ]
    assert headers[0] == "Partners"
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.location.entity == "partner"
    assert window.record_page is not None and window.stack.currentWidget() is window.record_page


def test_down_chooses_the_second_result_across_groups(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    palette = _open_palette(qtbot, window)
    _search(qtbot, palette, "cynon")
    texts = _hit_texts(palette)
    assert texts[0].startswith("Library service: Rhondda Cynon Taff")
    assert texts[1].startswith("Contact: ")
    second = palette.results.item(palette.hit_rows()[1]).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    qtbot.keyClick(palette.field, Qt.Key.Key_Enter)
    assert (window.location.entity, window.location.record_id) == second


def test_headers_group_results_and_stale_results_are_discarded(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    palette = _open_palette(qtbot, window)
    _search(qtbot, palette, "zzzz")
    _search(qtbot, palette, "bristol")
    texts = _hit_texts(palette)
    assert texts[0].startswith("Library service: City of Bristol")
    assert any(t.startswith("Branch: Bristol Central") for t in texts)
    headers = [
        palette.results.item(r).text()
        for r in range(palette.results.count())
        if r not in palette.hit_rows()
    ]
    assert headers[:2] == ["Library services", "Branches"]
    assert "Nothing found" not in palette.status.text()


def test_escape_closes_without_opening(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    palette = _open_palette(qtbot, window)
    before = window.location
    _search(qtbot, palette, "bristol")
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert window.location == before


def test_nothing_found_says_so(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    palette = _open_palette(qtbot, window)
    _search(qtbot, palette, "qqxxzzjj")
    assert palette.hit_rows() == []
    assert palette.status.text() == "Nothing found for “qqxxzzjj”"


def test_clicking_back_into_the_window_closes_the_palette(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    palette = _open_palette(qtbot, window)
    window.lists["partner"].search.setFocus()
    qtbot.waitUntil(lambda: not palette.isVisible())


def test_closing_the_palette_mid_search_is_quiet(qtbot, window, capfd, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The palette goes (closed, its window replaced) while its search is still running:
    the late result reaches nothing, and nothing is printed: no traceback, no Qt warning."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from brokerdesk.core.search import SearchService

    palette = _open_palette(qtbot, window)
    started, release = threading.Event(), threading.Event()
    search = SearchService.search

    def held(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)
        return search(self, *args, **kwargs)

    monkeypatch.setattr(SearchService, "search", held)
    qtbot.keyClicks(palette.field, "bristol")
    qtbot.waitUntil(started.is_set, timeout=5_000)
    qtbot.keyClick(palette.field, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    palette.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    capfd.readouterr()  # only what follows the palette's going counts
    release.set()
    assert window.ctx.tasks.wait(10_000)
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=5_000)
    QCoreApplication.processEvents()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err


def test_a_tag_finds_its_records_and_the_result_says_so(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from brokerdesk.core.models import Partner
    from brokerdesk.core.services import Services

    with window.ctx.db.read() as session:
        northlight = session.scalar(
            select(Partner.id).where(Partner.name == "Northlight Sight Loss Trust")
        )
    Services(window.ctx.db).partners.update(northlight, {"tags": "Priority"})
    palette = _open_palette(qtbot, window)
    _search(qtbot, palette, "priority")
    partners = [t for t in _hit_texts(palette) if t.startswith("Partner: ")]
    assert partners[0] == (
        "Partner: Northlight Sight Loss Trust — charity · active · Priya Shah — tag: Priority"
    )
    row = palette.hit_rows()[_hit_texts(palette).index(partners[0])]
    assert palette.results.item(row).text().endswith("Priya Shah · tag: Priority")


def test_punctuation_alone_asks_for_letters_or_numbers(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    palette = _open_palette(qtbot, window)
    for text in ("...", "-", "%", "_", "*", "'"):
        _search(qtbot, palette, text)
        assert palette.hit_rows() == []
        assert palette.status.text() == "Type letters or numbers to search"
    _search(qtbot, palette, "co-op")  # punctuation inside a word is searched as typed
    assert palette.status.text() != "Type letters or numbers to search"
