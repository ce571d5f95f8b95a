"""The names of kinds of record on screen: the core registry's English words, translated.

``brokerdesk.core.kinds`` holds each kind's words once, without Qt; this module is where they
meet ``QCoreApplication.translate``. Each word appears here as a literal so that lupdate puts
it in the catalogue (tests/gui/test_kind_words.py checks every registered word is here).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from brokerdesk.core.kinds import kind

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


def _catalogue() -> dict[str, str]:
    """Each registered word, translated (a literal per word, for lupdate)."""
    return {
        "partner": translate("RecordKinds", "partner"),
        "partners": translate("RecordKinds", "partners"),
        "library service": translate("RecordKinds", "library service"),
        "library services": translate("RecordKinds", "library services"),
        "programme": translate("RecordKinds", "programme"),
        "programmes": translate("RecordKinds", "programmes"),
        "contact": translate("RecordKinds", "contact"),
        "contacts": translate("RecordKinds", "contacts"),
        "interaction": translate("RecordKinds", "interaction"),
        "interactions": translate("RecordKinds", "interactions"),
        "branch": translate("RecordKinds", "branch"),
        "branches": translate("RecordKinds", "branches"),
        "participation": translate("RecordKinds", "participation"),
        "participations": translate("RecordKinds", "participations"),
        "agreement": translate("RecordKinds", "agreement"),
        "agreements": translate("RecordKinds", "agreements"),
        "programme partner": translate("RecordKinds", "programme partner"),
        "programme partners": translate("RecordKinds", "programme partners"),
        "offer area": translate("RecordKinds", "offer area"),
        "offer areas": translate("RecordKinds", "offer areas"),
    }


def _translated(word: str) -> str:
    return _catalogue().get(word) or translate("RecordKinds", word)


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
