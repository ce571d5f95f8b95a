"""Record pages: one per kind of record, each showing everything related to it."""
