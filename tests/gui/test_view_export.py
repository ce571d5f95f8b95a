"""Export view…: what the list shows, read back with pandas; formulas neutralised; cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from brokerdesk.core.errors import Cancelled
from brokerdesk.core.lists import ListState
from brokerdesk.core.models import Partner
from brokerdesk.gui.exporting.view import export_current_view, export_view, shown_columns


def _prepare(window):  # type: ignore[no-untyped-def]
    with window.ctx.db.write() as session:
        session.add(Partner(name='=HYPERLINK("http://x")', partner_type="charity", status="active"))
    window.open_list("partner")
    page = window.lists["partner"]
    page.apply_state(ListState(filters={"status": "active"}, sort_key="name", descending=True))
    page.table.setColumnHidden(page.model.column_index("owner"), True)
    header = page.table.horizontalHeader()
    header.moveSection(header.visualIndex(page.model.column_index("last_contact")), 0)
    return page


def test_xlsx_has_the_view_rows_columns_and_real_dates(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _prepare(window)
    target = tmp_path / "partners.xlsx"
    export_current_view(window, target)
    frame = pd.read_excel(target, engine="openpyxl")
    labels = [c.label for c in shown_columns(page)]
    assert list(frame.columns) == labels
    assert labels[0] == "Last contact" and "Relationship owner" not in labels
    assert len(frame) == page.model.rowCount() > 3
    names = [
        page.model.data(page.model.index(r, page.model.column_index("name")))
        for r in range(page.model.rowCount())
    ]
    assert frame["Name"].tolist() == names  # as typed: a string cell is never run
    assert '=HYPERLINK("http://x")' in frame["Name"].tolist()
    book = openpyxl.load_workbook(target)
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)
    dates = frame["Last contact"].dropna()
    assert len(dates) and all(isinstance(d, dt.datetime | pd.Timestamp) for d in dates)
    assert pd.api.types.is_numeric_dtype(frame["Programmes"])


def test_csv_is_utf8_with_bom_and_matches_the_view(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _prepare(window)
    target = tmp_path / "partners.csv"
    export_current_view(window, target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == [c.label for c in shown_columns(page)]
    types = [
        page.model.data(page.model.index(r, page.model.column_index("partner_type")))
        for r in range(page.model.rowCount())
    ]
    assert frame["Type"].tolist() == types
    assert not any(v.startswith(("=", "+", "-", "@")) for v in frame["Name"])


def test_cancel_leaves_no_file_and_existing_file_is_not_overwritten(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _prepare(window)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "partners.xlsx"
    with pytest.raises(Cancelled):
        export_view(
            window.ctx.db,
            page.record_list,
            page.current_state(),
            shown_columns(page),
            target,
            progress=lambda *_: False,
        )
    assert not target.exists() and list(out.iterdir()) == []
    target.write_text("keep me")
    with pytest.raises(Exception, match="already exists"):
        export_view(
            window.ctx.db,
            page.record_list,
            page.current_state(),
            shown_columns(page),
            target,
            overwrite=False,
        )
    assert target.read_text() == "keep me"


def test_large_view_exports_in_the_background_with_progress(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    import threading

    import brokerdesk.core.exporting.view as view_writer
    import brokerdesk.gui.exporting.view as view_export

    monkeypatch.setattr(view_export, "BACKGROUND_ROWS", 0)
    monkeypatch.setattr(view_writer, "BLOCK", 5)
    writers: list[threading.Thread] = []
    real_export = view_export.export_view

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        writers.append(threading.current_thread())
        return real_export(*args, **kwargs)

    monkeypatch.setattr(view_export, "export_view", watched)
    page = _prepare(window)
    target = tmp_path / "big.csv"
    export_current_view(window, target)
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    window.ctx.tasks.wait(5_000)
    assert writers and writers[0] is not threading.main_thread()  # not on the GUI thread
    frame = pd.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(frame) == page.model.rowCount()


def test_an_existing_file_is_replaced_only_after_asking(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.drive import answer_message_box

    _prepare(window)
    target = tmp_path / "partners.csv"
    target.write_bytes(b"last month's list")
    keep = answer_message_box("Cancel")
    export_current_view(window, target)
    keep.check()
    assert target.read_bytes() == b"last month's list"
    assert "Nothing was exported" in window.statusBar().currentMessage()
    replace = answer_message_box("Replace")
    export_current_view(window, target)
    replace.check()
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the view, as CSV
