"""The names of kinds of record on screen: the core registry's English words, translated.

``brokerdesk.core.kinds`` holds each kind's words once, without Qt, marked with
``QT_TRANSLATE_NOOP("RecordKinds", …)`` so that lupdate puts them in the catalogue (the
Makefile's ``translations`` reads that file with the GUI's); this module is where they meet
``QCoreApplication.translate``, by lookup, so a new kind needs no edit here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from brokerdesk.core.kinds import kind

CONTEXT = "RecordKinds"  # the catalogue's context of the registry's words


def _translated(word: str) -> str:
    return QCoreApplication.translate(CONTEXT, word)


def one(key: str) -> str:
    """One record of the kind, inside a sentence: "library service"."""
    return _translated(kind(key).singular)


def many(key: str) -> str:
    """Several records of the kind, inside a sentence: "library services"."""
    return _translated(kind(key).plural)


def title(key: str, *, plural: bool = True) -> str:
    """The kind as a heading: "Library services" (or "Library service")."""
    word = many(key) if plural else one(key)
    return word[:1].upper() + word[1:]
