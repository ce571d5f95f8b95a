"""Reports in the window: Export ▸ Report on the record shown / Region summary / Board pack,
File ▸ Print… (Ctrl+P) and Print preview…, and every record page's "Report ▾" button.

:func:`install` makes the actions (registered as ``export.record_report``,
``export.region_report``, ``export.board_pack``, ``file.print`` and ``file.print_preview``)
and answers each record page's :class:`~brokerdesk.gui.views.pages.report_button.ReportButton`
as the page is shown. Modules: ``actions`` (the work), ``choosing`` (the dialogs),
``printing`` (painting a PDF on a printer).
"""

from brokerdesk.gui.reporting.install import ReportActions, install

__all__ = ["ReportActions", "install"]
