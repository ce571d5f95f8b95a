"""Dialogs: forms, pickers, the import wizard and the export, merge and restore windows."""
