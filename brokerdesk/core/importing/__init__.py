"""Import the team's spreadsheets: read, clean, map columns, match, preview, apply.

The wizard (and ``brokerdesk import``) walk these steps::

    source = open_spreadsheet(path)             # detects CSV/XLSX, encoding, separator
    source.sheet_names; source.sheet(name).headers
    mapping = suggest_mapping(IMPORTERS[kind].targets, headers)   # or MappingStore().find
    plan = preview(db, source, kind, mapping, options)            # rows with errors/reviews
    summary = run_import(db, source, kind, mapping, options, progress=..., cancel=...)
    summary.save_refused_csv(path)
"""

from __future__ import annotations

from brokerdesk.core.importing.apply import (
    ImportSummary,
    Preview,
    RefusedRow,
    importer_class,
    preview,
    run_import,
)
from brokerdesk.core.importing.base import ON_MATCH, Importer, ImportOptions, Review, RowPlan
from brokerdesk.core.importing.kinds_places import IMPORTERS, KINDS
from brokerdesk.core.importing.mapping import (
    MappingProblem,
    MappingStore,
    Target,
    load_mapping_file,
    mapping_problems,
    suggest_mapping,
)
from brokerdesk.core.importing.matching import Candidate, Match, ServiceMatcher, name_key
from brokerdesk.core.importing.readers import SpreadsheetFile, UnreadableFileError, open_spreadsheet

__all__ = [
    "IMPORTERS",
    "KINDS",
    "ON_MATCH",
    "Candidate",
    "ImportOptions",
    "ImportSummary",
    "Importer",
    "MappingProblem",
    "MappingStore",
    "Match",
    "Preview",
    "RefusedRow",
    "Review",
    "RowPlan",
    "ServiceMatcher",
    "SpreadsheetFile",
    "Target",
    "UnreadableFileError",
    "importer_class",
    "load_mapping_file",
    "mapping_problems",
    "name_key",
    "open_spreadsheet",
    "preview",
    "run_import",
    "suggest_mapping",
]
