"""Helpers that drive modal dialogs from a test without ever leaving one open.

A modal dialog runs its own event loop, so the test's steps for it run from a timer inside
that loop. If a step fails, the dialog is closed anyway and the failure re-raised after
``exec`` returns: a broken test fails, it never hangs. ``history_lines`` reads a History
table the way its user does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTableView, QWidget

D = TypeVar("D", bound=QWidget)


class ModalDriver:
    """Runs ``steps`` on the next modal dialog of type ``kind`` once it is showing."""

    def __init__(self, kind: type[D], steps: Callable[[D], Any], tries: int = 800) -> None:
        self.kind = kind
        self.steps = steps
        self.tries = tries
        self.error: BaseException | None = None
        self.ran = False
        QTimer.singleShot(0, self._poll)

    def _find(self) -> QWidget | None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, self.kind) and widget.isVisible():
            return widget
        for candidate in QApplication.topLevelWidgets():
            if isinstance(candidate, self.kind) and candidate.isVisible() and candidate.isModal():
                return candidate
        return None

    def _poll(self) -> None:
        widget = self._find()
        if widget is not None:
            self.ran = True
            widget.activateWindow()  # as the window manager does; shortcuts need it
            for _ in range(50):
                if widget.isActiveWindow():
                    break
                QApplication.processEvents()
            try:
                self.steps(widget)
                if widget.isVisible():
                    raise AssertionError(f"the steps left {type(widget).__name__} open")
            except BaseException as exc:
                self.error = exc
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.done(0)
            return
        self.tries -= 1
        if self.tries > 0:
            QTimer.singleShot(25, self._poll)
            return
        for stuck in QApplication.topLevelWidgets():  # never leave a modal open
            if isinstance(stuck, QDialog) and stuck.isVisible():
                self.error = AssertionError(f"{type(stuck).__name__} shown, not {self.kind}")
                stuck.done(0)

    def check(self) -> None:
        if self.error is not None:
            raise self.error
        assert self.ran, f"no {self.kind.__name__} was shown"


def answer_message_box(button_text: str) -> ModalDriver:
    """Press the button of the next message box whose text is ``button_text``."""

    def press(box: QMessageBox) -> None:
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no {button_text!r} in {[b.text() for b in box.buttons()]}")

    return ModalDriver(QMessageBox, press)


def history_lines(table: QTableView) -> list[tuple[list[str], list[str]]]:
    """A History table as the user reads it: each save's cells, then the field lines under it.

    A field line is a row whose first cell spans the whole width; it is returned without the
    indent that sets it under its save.
    """
    model = table.model()
    saves: list[tuple[list[str], list[str]]] = []
    for row in range(model.rowCount()):
        cells = [str(model.index(row, c).data()) for c in range(model.columnCount())]
        if table.columnSpan(row, 0) == model.columnCount():
            assert saves, "a field line before any save"
            saves[-1][1].append(cells[0].strip())
        else:
            saves.append((cells, []))
    return saves
