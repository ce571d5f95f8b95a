"""The app's export dialogs against bad places to write: the live database, a folder, a name
too long for a disk, a read-only folder and a full disk (the last two as root, on a real mount).

Each case ends in a message box with a sentence (never a traceback), the database exactly as
it was, an existing file at the target exactly as it was and no half-written file beside it.
Every message box is answered from the test; none is left open.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

import brokerdesk.gui.exporting.menu as export_features
from brokerdesk.gui.exporting.summary_dialog import ExportSummaryDialog, SummaryRequest
from brokerdesk.gui.exporting.view import export_current_view
from tests.gui.drive import ModalDriver
from tests.hostile.harness import fill, fingerprint, is_root, small_disk

OLD = b"the user's own file, which must survive\n"


def _every_box(seen: list[str]) -> ModalDriver:
    """Answer the next message box: Replace if it asks (as a hurried user would), else OK."""

    def answer(box: QMessageBox) -> None:
        seen.append(box.text())
        for button in box.buttons():
            if button.text().replace("&", "") == "Replace":
                button.click()
                return
        box.done(0)

    return ModalDriver(QMessageBox, answer)


def _said(qtbot: Any, window: Any, start: Callable[[], Any]) -> str:
    """Start an export, answer whatever it asks, and return the first sentence shown."""
    seen: list[str] = []
    driver = _every_box(seen)
    start()
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=30_000)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    driver.check()
    assert "Traceback" not in seen[0]
    return seen[0]


@pytest.fixture
def live(window: Any) -> Path:
    path = window.ctx.db.path
    assert path is not None
    return Path(path)


def _intact(live: Path, before: str) -> None:
    assert live.read_bytes()[:16] == b"SQLite format 3\x00"
    assert fingerprint(live) == before


# ---------------------------------------------------------------------- the live database


def test_matrix_and_database_dialogs_refuse_the_live_database_however_it_is_named(
    qtbot: Any, window: Any, live: Path, tmp_path: Path
) -> None:
    before = fingerprint(live)
    link = tmp_path / "link.xlsx"
    link.symlink_to(live)
    for export, target in (
        (export_features.export_matrix, live),
        (export_features.export_database, link),
        (export_features.export_database, Path(f"{live}-wal")),
    ):
        said = _said(qtbot, window, lambda e=export, t=target: e(window, t))
        assert "database you are working in" in said, said
        assert "nothing was written" in said
        _intact(live, before)
    assert sorted(tmp_path.glob(".*.part")) == []


def test_summary_dialog_refuses_the_database_backups_folder(
    qtbot: Any, window: Any, live: Path
) -> None:
    before = fingerprint(live)
    backups = live.with_name(f"{live.stem}-backups")

    def choose_backups(dialog: ExportSummaryDialog) -> None:
        dialog.set_format("xlsx")
        dialog.set_folder(backups)
        dialog.export_button.click()

    window.open_list("partner")
    page = window.lists["partner"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 3)
    page.select_ids([page.model.ids[0]])
    seen: list[str] = []
    driver = ModalDriver(ExportSummaryDialog, choose_backups)
    window.export_actions.partner_summary.trigger()
    driver.check()
    boxes = _every_box(seen)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    boxes.check()
    assert "database you are working in" in seen[0], seen
    assert not any(backups.glob("*.xlsx")) if backups.exists() else True
    _intact(live, before)


def test_summaries_for_all_refuse_the_backups_folder(qtbot: Any, window: Any, live: Path) -> None:
    before = fingerprint(live)
    backups = live.with_name(f"{live.stem}-backups")
    request = SummaryRequest("csv", backups)
    said = _said(
        qtbot, window, lambda: export_features.export_summaries(window, None, request=request)
    )
    assert "database you are working in" in said, said
    assert not backups.exists() or not any(backups.glob("index.*"))
    _intact(live, before)


def test_export_view_refuses_the_live_database(qtbot: Any, window: Any, live: Path) -> None:
    window.open_list("partner")
    before = fingerprint(live)
    said = _said(qtbot, window, lambda: export_current_view(window, live))
    assert "database you are working in" in said, said
    _intact(live, before)


# ---------------------------------------------------------------------- impossible places


def test_a_folder_or_a_name_too_long_is_a_sentence_not_a_traceback(
    qtbot: Any, window: Any, live: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "reports.xlsx"
    folder.mkdir()
    (folder / "keep.txt").write_bytes(OLD)
    too_long = tmp_path / ("a" * 300 + ".xlsx")
    before = fingerprint(live)

    said = _said(qtbot, window, lambda: export_features.export_matrix(window, folder))
    assert f"{folder} is a folder" in said, said
    said = _said(qtbot, window, lambda: export_features.export_database(window, too_long))
    assert "name is too long" in said, said
    window.open_list("partner")
    said = _said(qtbot, window, lambda: export_current_view(window, too_long))
    assert "name is too long" in said, said

    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    assert (folder / "keep.txt").read_bytes() == OLD
    assert sorted(tmp_path.glob(".*.part")) == []
    _intact(live, before)


def test_summary_dialog_says_a_name_is_too_long_before_export(window: Any, tmp_path: Path) -> None:
    dialog = ExportSummaryDialog(window, partner=(1, "Reading"), fmt="pdf", folder=tmp_path)
    dialog.show()
    dialog.name_edit.setText("讀" * 90 + ".pdf")  # 274 bytes: more than a disk allows
    assert not dialog.export_button.isEnabled()
    assert "too long" in dialog.problem.text()
    dialog.name_edit.setText("讀" * 60 + ".pdf")  # 184 bytes: fine
    assert dialog.export_button.isEnabled(), dialog.problem.text()
    dialog.close()


# ---------------------------------------------------------------------- read-only and full disks


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Path]:
    if not is_root():
        pytest.skip("a real read-only or full disk needs a tmpfs mount (root)")
    with small_disk(tmp_path / "disk", "2M") as disk:
        yield disk


def test_a_read_only_folder_is_a_sentence_and_the_old_file_stays(
    qtbot: Any, window: Any, live: Path, mounted: Path
) -> None:
    target = mounted / "matrix.xlsx"
    target.write_bytes(OLD)
    subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)
    before = fingerprint(live)
    said = _said(qtbot, window, lambda: export_features.export_matrix(window, target))
    assert "Replace" in said  # the existing file is named first; then the write is refused
    error = _error_box(qtbot, window)
    assert "read-only" in error and "Nothing was written" in error, error
    assert target.read_bytes() == OLD
    _intact(live, before)


@pytest.mark.parametrize("what", ["database", "summary pdf", "view"])
def test_a_disk_that_fills_keeps_the_old_file_and_says_the_disk_is_full(
    qtbot: Any, window: Any, live: Path, mounted: Path, what: str
) -> None:
    window.open_list("partner")
    target = mounted / {"database": "all.xlsx", "summary pdf": "one.pdf", "view": "view.xlsx"}[what]
    target.write_bytes(OLD)
    fill(mounted, leave=1024)
    before = fingerprint(live)
    start = {
        "database": lambda: export_features.export_database(window, target),
        "summary pdf": lambda: export_features.export_partner_summary(
            window,
            window.lists["partner"].model.ids[0],
            request=SummaryRequest("pdf", mounted, target.name),
        ),
        "view": lambda: export_current_view(window, target),
    }[what]
    said = _said(qtbot, window, start)
    assert "Replace" in said
    error = _error_box(qtbot, window)
    assert "disk is full" in error and "Nothing was written" in error, error
    assert target.read_bytes() == OLD
    assert sorted(mounted.glob(".*.part")) == []
    _intact(live, before)


def _error_box(qtbot: Any, window: Any) -> str:
    def shown() -> QMessageBox | None:
        found = window.findChildren(QMessageBox, "error-message")
        return next((b for b in found if b.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None, timeout=20_000)
    box = shown()
    assert box is not None
    text = box.text()
    box.done(0)
    assert "Traceback" not in text
    return text
