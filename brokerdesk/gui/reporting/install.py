"""Making the report actions and answering the record pages' Report buttons."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from brokerdesk.gui.views.pages.base import RecordPage
from brokerdesk.gui.views.pages.report_button import ReportButton

RECORDS_WITH_REPORTS = frozenset({"partner", "programme", "library_service"})

if TYPE_CHECKING:
    from brokerdesk.gui.main_window import MainWindow

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ReportActions:
    """The actions :func:`install` registered."""

    record_report: QAction
    region_report: QAction
    board_pack: QAction
    print_report: QAction
    print_preview: QAction


def _actions() -> Any:
    import brokerdesk.gui.reporting.actions as actions  # QtPrintSupport loads on first use

    return actions


def install(window: MainWindow) -> ReportActions:
    def action(
        action_id: str, text: str, slot: Callable[[], Any], tip: str, key: Any = None
    ) -> QAction:
        made = QAction(text, window)
        made.setObjectName(action_id.replace(".", "-").replace("_", "-"))
        made.setToolTip(tip)
        made.setStatusTip(tip)
        if key is not None:
            made.setShortcut(QKeySequence(key))
        made.triggered.connect(lambda _checked=False: slot())
        return window.register_action(action_id, made)

    def shown() -> Any:
        return _actions().shown_record(window)

    def record_report() -> None:
        record = shown()
        if record is None:
            window.ctx.notify(
                translate(
                    "Reports", "Open a partner, programme or library service to report on it."
                )
            )
            return
        kind, key, name = record
        _actions().ask_and_export(window, kind, key, name)

    def printing(preview: bool) -> None:
        record = shown()
        if record is None:
            window.ctx.notify(
                translate("Reports", "Open a partner, programme or library service to print it.")
            )
            return
        _actions().print_report(window, record[0], record[1], preview=preview)

    made = ReportActions(
        record_report=action(
            "export.record_report",
            translate("Reports", "&Report on the record shown…"),
            record_report,
            translate("Reports", "The summary of the partner, programme or library service shown"),
        ),
        region_report=action(
            "export.region_report",
            translate("Reports", "Re&gion summary…"),
            lambda: _actions().ask_and_export(window, "region", None),
            translate("Reports", "A region's coverage, library services and programmes"),
        ),
        board_pack=action(
            "export.board_pack",
            translate("Reports", "&Board pack…"),
            lambda: _actions().ask_board_pack(window),
            translate("Reports", "Several reports in one PDF with a contents page"),
        ),
        print_report=action(
            "file.print",
            translate("Reports", "&Print…"),
            lambda: printing(False),
            translate("Reports", "Print the summary of the record shown (Ctrl+P)"),
            QKeySequence.StandardKey.Print,
        ),
        print_preview=action(
            "file.print_preview",
            translate("Reports", "Print pre&view…"),
            lambda: printing(True),
            translate("Reports", "See the printed pages of the record shown"),
        ),
    )

    def update() -> None:
        has_record = shown_cheap(window)
        for each in (made.record_report, made.print_report, made.print_preview):
            each.setEnabled(has_record)

    window.stack.currentChanged.connect(lambda _index: update())
    update()
    _answer_report_buttons(window)
    return made


def shown_cheap(window: MainWindow) -> bool:
    """Whether the page shown has a report (without loading the report code)."""
    page = window.stack.currentWidget()
    return isinstance(page, RecordPage) and page.entity in RECORDS_WITH_REPORTS


def _answer_report_buttons(window: MainWindow) -> None:
    """Answer each record page's Report button as the page is shown."""
    answered: weakref.WeakSet[QWidget] = weakref.WeakSet()

    def connect_shown() -> None:
        page: Any = window.stack.currentWidget()
        button = page.findChild(ReportButton) if page is not None else None
        if button is None or button in answered:
            return
        answered.add(button)

        def requested(choice: str) -> None:
            kind = _actions().KIND_OF_PAGE[page.entity]  # the page's kind of report
            if choice in ("print", "preview"):
                _actions().print_report(window, kind, page.record_id, preview=choice == "preview")
            else:
                _actions().ask_and_export(window, kind, page.record_id, page.heading.text(), choice)

        button.requested.connect(requested)

    window.stack.currentChanged.connect(lambda _index: connect_shown())
    connect_shown()
