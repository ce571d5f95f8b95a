"""The import wizard: File ▸ Import… walks a spreadsheet into BrokerDesk in six pages.

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

from brokerdesk.gui.dialogs.import_wizard.wizard import ImportWizard, open_import_wizard

__all__ = ["ImportWizard", "open_import_wizard"]
