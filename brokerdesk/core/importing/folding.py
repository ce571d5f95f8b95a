"""Names reduced for comparison, in every script: the key two spellings of one name share.

The team's partners include Welsh, Arabic, Chinese and Greek organisations, so a key that
kept only ``a-z0-9`` turned every such name into the same empty key, and an import then
treated "مكتبة الشارقة" and "Книжный клуб" as one partner. Folding here is Unicode's: case
folded, compatibility-decomposed, the accents people type or omit freely removed (Latin,
Greek and Cyrillic diacritics, Arabic harakat, Hebrew points), and the letters, digits and
meaningful marks of every script kept. Marks that change a letter (Japanese voicing marks,
Indic viramas and vowel signs, Thai vowels) are kept, or names that differ would meet.

A name with no letters or digits at all ("📚") is keyed by its visible characters instead,
and a name with nothing visible has no key: it never matches anything.
"""

from __future__ import annotations

import re
import unicodedata

# Marks that are optional spelling (accents, vowel points) rather than part of the letter.
_OPTIONAL_MARKS = (
    (0x0300, 0x036F),  # combining diacritical marks (é, ŵ, ё, ά)
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
    (0x0591, 0x05C7),  # Hebrew points and cantillation
    (0x0610, 0x061A),  # Arabic honorifics and small marks
    (0x064B, 0x065F),  # Arabic harakat (fatha, damma, kasra, shadda, sukun...)
    (0x0670, 0x0670),  # Arabic superscript alef
    (0x06D6, 0x06ED),  # Qur'anic annotation marks
)
_ASCII_DROP = re.compile(r"[^a-z0-9 ]+")


def _optional_mark(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _OPTIONAL_MARKS)


def _words(text: str) -> str:
    """The same words however they are written: '&' is 'and', 'St.' and 'Saint' are 'st'."""
    return text.replace("&", " and ").replace("st.", "st ").replace("saint ", "st ")


def fold(text: str) -> str:
    """Case, accents, punctuation and spacing removed; letters and digits of any script kept.

    'St. Helens  Libraries' -> 'st helens libraries'; 'Ysgol Gymraeg Llandŵ' ->
    'ysgol gymraeg llandw'; 'Σύλλογος Βιβλίων' -> 'συλλογος βιβλιων'; '📚' -> ''.
    """
    if text.isascii():
        return " ".join(_ASCII_DROP.sub(" ", _words(text.lower())).split())
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = _words("".join(ch for ch in text if not _optional_mark(ch)))
    kept = (ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in text)
    return " ".join("".join(kept).split())


def match_key(text: str) -> str:
    """What makes two names the same record: their fold, or for a name with no letters or
    digits its visible characters ('📚' is not '🎭'); '' when nothing is visible, which the
    matchers never match on."""
    folded = fold(text)
    if folded:
        return folded
    visible = "".join(
        ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch)[0] not in "CZ"
    )
    return "=" + visible.casefold() if visible else ""


def invisible_only(text: str) -> bool:
    """True when ``text`` is not empty but shows nothing: only spaces, format characters
    (right-to-left marks and overrides, zero-width joiners) and control characters."""
    if text.isprintable() and not text.isspace():
        return False  # the common case, asked of every cell: a visible character is there
    return bool(text) and all(unicodedata.category(ch)[0] in "CZ" for ch in text)
