"""Importing spreadsheets: File ▸ Import… (Ctrl+Shift+I) and the import wizard behind it.

:func:`install` adds the action to a main window and returns it in :class:`ImportActions`;
the window keeps that object. The wizard (and the import engine under it) is loaded when the
action is first used, not at start-up.

The wizard walks a spreadsheet into BrokerDesk in six pages:

1. File: the spreadsheet and what it holds (partners, participations…); an unreadable file is
   refused at once with the reader's sentence.
2. Sheet: which sheet of a workbook (skipped for CSV, whose encoding and separator the file
   page shows).
3. Columns: which column fills which field, from the mapping saved for these headers or
   suggested from them; required fields without a column block Next.
4. Preview: the first rows checked off the GUI thread, each row's action and reasons in words
   and colour, and the uncertain library-service matches to accept or leave refused.
5. Matches: skip, update or create rows that match existing records; skip invalid rows or
   refuse the whole file. Import runs ``run_import`` in ``ctx.tasks`` with a cancellable
   progress dialog (one transaction: cancel writes nothing).
6. Summary: created, updated, skipped and refused, the backup taken first, and the refused
   rows saveable as CSV.

Everything the pages do goes through :mod:`brokerdesk.core.importing`, the same calls the
``brokerdesk import`` command makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle

translate = QCoreApplication.translate  # lupdate reads translate("Import", "…") calls

if TYPE_CHECKING:
    from brokerdesk.core.importing import MappingStore
    from brokerdesk.gui.importing.wizard import ImportWizard
    from brokerdesk.gui.main_window import MainWindow


@dataclass
class ImportActions:
    """File ▸ Import… on one main window, and the wizard it last opened.

    Attributes:
        import_file: the action (``file.import``: File menu and toolbar).
        wizard: the wizard shown last (raised again while it is open), or None.
        mapping_store: where the wizard saves column mappings (None: the user's config).
    """

    import_file: QAction
    wizard: ImportWizard | None = None
    mapping_store: MappingStore | None = None


def open_import(window: MainWindow, actions: ImportActions) -> ImportWizard:
    """Show the import wizard over ``window`` and return it."""
    from brokerdesk.gui.importing.wizard import open_import_wizard

    actions.wizard = open_import_wizard(
        window, window.ctx, actions.wizard, mapping_store=actions.mapping_store
    )
    return actions.wizard


def install(window: MainWindow) -> ImportActions:
    """Make File ▸ Import… (Ctrl+Shift+I), registered as ``file.import``."""
    icon = QIcon.fromTheme(
        "document-import", window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)
    )
    action = QAction(icon, translate("Import", "&Import…"), window)
    action.setObjectName("import-action")
    action.setShortcut(QKeySequence("Ctrl+Shift+I"))
    tip = translate(
        "Import",
        "Import partners, contacts, programmes, participations… from a CSV or Excel file "
        "(Ctrl+Shift+I)",
    )
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.setWhatsThis(
        translate(
            "Help",
            "<b>Import</b><p>Bring partners, contacts, programmes, participations or "
            "interactions in from a CSV or Excel file, checking every row first "
            "(Ctrl+Shift+I).</p>",
        )
    )
    window.register_action("file.import", action)
    actions = ImportActions(action)
    action.triggered.connect(lambda _checked=False: open_import(window, actions))
    return actions
