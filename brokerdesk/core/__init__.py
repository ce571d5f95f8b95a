"""Core: models, database, services. No Qt here."""
