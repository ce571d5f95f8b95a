"""Names as people and files write them: cleaning, mojibake repair and matching keys."""

from __future__ import annotations

import re
import unicodedata

from brokerdesk.core.services.fields import clean_text

_MOJIBAKE_MARKERS = ("Ã", "â€", "Â")
# Words that say what kind of body it is, not which one: "Bristol City Council" and
# "City of Bristol" and "Bristol Libraries" are the same library service.
_NOISE = {
    "council",
    "borough",
    "city",
    "of",
    "county",
    "metropolitan",
    "district",
    "the",
    "libraries",
    "library",
    "service",
    "services",
    "royal",
    "london",
    "mbc",
    "cc",
    "bc",
    "and",
    "information",
}
_PUNCTUATION = re.compile(r"[^\w\s]")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 ("CafÃ©" → "Café", "Barrâ€™s" → "Barr’s")."""
    if not any(marker in text for marker in _MOJIBAKE_MARKERS):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def clean_name(text: str) -> str:
    """Trimmed, single-spaced, without invisible characters or mojibake."""
    return clean_text(repair_mojibake(clean_text(text)))


def fold(text: str) -> str:
    """Lower case without accents: "Ynys Môn" and "ynys mon" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_name(text: str) -> str:
    """The matching key of an organisation's name.

    Lower case, no accents, "&" as "and", punctuation out, and the words that only say what
    kind of body it is ("council", "borough", "city of", "libraries"...) dropped, so the many
    ways people write a library service meet on one key. Falls back to the folded name when
    nothing else is left ("City of London" stays itself).
    """
    folded = fold(clean_name(text)).replace("&", " and ").replace("'", "").replace("’", "")
    words = _PUNCTUATION.sub(" ", folded).split()
    kept = [w for w in words if w not in _NOISE]
    return " ".join(kept or words)
