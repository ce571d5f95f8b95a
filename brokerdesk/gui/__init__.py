"""The PySide6 desktop interface; it only calls core services."""
