"""The "Report ▾" button of a record page: its summary as PDF, XLSX or CSV, printed, or
previewed. The page only shows the button; :mod:`brokerdesk.gui.reporting` answers it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

translate = QCoreApplication.translate

CHOICES = (
    ("pdf", "&PDF…"),
    ("xlsx", "&XLSX…"),
    ("csv", "&CSV…"),
    ("print", "P&rint…"),
    ("preview", "Print pre&view…"),
)


class ReportButton(QPushButton):
    """ "Su&mmary report ▾": a menu of PDF, XLSX, CSV, Print and Print preview.

    Signals:
        requested(str): ``pdf``, ``xlsx``, ``csv``, ``print`` or ``preview``.
    """

    requested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(translate("Reports", "Su&mmary report"), parent)
        self.setObjectName("report-button")
        self.setAccessibleName(translate("Reports", "Summary report"))
        self.setToolTip(
            translate("Reports", "This record's summary: save it as PDF, XLSX or CSV, or print it")
        )
        self.setAutoDefault(False)
        self.setWhatsThis(
            translate(
                "Help",
                "<b>Summary report</b><p>This record's summary as a PDF that screen readers can "
                "follow, or its tables as XLSX or CSV; or print it, or see the printed pages "
                "first.</p>",
            )
        )
        menu = QMenu(self)
        menu.setAccessibleName(translate("Reports", "Report as"))
        for choice, label in CHOICES:
            action = menu.addAction(translate("Reports", label))
            action.setObjectName(f"report-{choice}")
            action.triggered.connect(lambda _checked=False, c=choice: self.requested.emit(c))
        self.setMenu(menu)
