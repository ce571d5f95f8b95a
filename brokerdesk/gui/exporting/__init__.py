"""Exporting: the Export menu, Export view, partner summaries, the matrix and the whole database.

The main window calls :func:`install` once; it returns the :class:`ExportActions` it made.
Record pages only emit signals (the partner page's ``export_requested``); this package
connects to them. Every export calls the same core functions as ``brokerdesk export`` on the
command line, in a worker, and the modules that write are loaded when first used.

Modules: ``menu`` (install, the menu and buttons), ``chosen`` (which partners), ``summaries``
(partner summaries), ``workbooks`` (participation matrix, whole database), ``view`` (Export
view), ``summary_dialog`` (format and place), ``running`` (worker, progress, folder,
refusals) and ``done`` (Replace? before, Open file after).
"""

from brokerdesk.gui.exporting.menu import ExportActions, install

__all__ = ["ExportActions", "install"]
