"""Saved e-mails (``.eml``, Outlook's ``.msg``) read and logged as interactions."""
