"""Partner summaries and exports, with no Qt: the data, XLSX and CSV writers, batch and restore.

The PDF renderer needs Qt and lives in ``brokerdesk.reports``; everything it draws comes from
:func:`gather_partner_summary` here, so the PDF and the spreadsheets never disagree.
"""

from __future__ import annotations

from brokerdesk.core.exporting.batch import (
    FORMATS,
    SPREADSHEET_WRITERS,
    BatchResult,
    export_partner_summaries,
    summary_file_name,
)
from brokerdesk.core.exporting.database import (
    WorkbookImportError,
    export_database_workbook,
    import_database_workbook,
)
from brokerdesk.core.exporting.matrix import participation_matrix, write_participation_matrix
from brokerdesk.core.exporting.safety import (
    DatabaseFileRefused,
    ExportError,
    FileExistsRefused,
    neutralise,
    refuse_database_files,
    safe_filename,
)
from brokerdesk.core.exporting.spreadsheets import (
    write_partner_summary_csv,
    write_partner_summary_xlsx,
)
from brokerdesk.core.exporting.summary import (
    AmbiguousPartnerError,
    PartnerSummary,
    find_partner,
    gather_partner_summary,
)

__all__ = [
    "FORMATS",
    "SPREADSHEET_WRITERS",
    "AmbiguousPartnerError",
    "BatchResult",
    "DatabaseFileRefused",
    "ExportError",
    "FileExistsRefused",
    "PartnerSummary",
    "WorkbookImportError",
    "export_database_workbook",
    "export_partner_summaries",
    "find_partner",
    "gather_partner_summary",
    "import_database_workbook",
    "neutralise",
    "participation_matrix",
    "refuse_database_files",
    "safe_filename",
    "summary_file_name",
    "write_participation_matrix",
    "write_partner_summary_csv",
    "write_partner_summary_xlsx",
]
