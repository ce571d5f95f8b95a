"""Names as people and files write them: cleaning, mojibake repair and matching keys.

The same library service is "Bristol City Council", "City of Bristol", "Bristol, City of" and
"Bristol Libraries" depending on who typed it. The build cleans what it ships with
:func:`clean_name`; importers and search compare names through :func:`normalise_name`.
"""

from __future__ import annotations

import re
import unicodedata

from brokerdesk.core.services.fields import clean_text

# UTF-8 read as Windows-1252 leaves these behind ("CafÃ©", "Barrâ€™s", "Â£").
_MOJIBAKE_MARKERS = ("Ã", "â€", "Â")
# A replacement character, raw or itself mis-decoded ("Mï¿½n"): the letter is lost for good.
_UNRECOVERABLE = ("\ufffd", "ï¿½")
# Words that say what kind of body it is, not which one.
_BODY_WORDS = frozenset(
    {
        "council",
        "borough",
        "city",
        "county",
        "metropolitan",
        "district",
        "royal",
        "london",
        "corporation",
        "mbc",
        "cbc",
        "bc",
        "cc",
    }
)
_LIBRARY_WORDS = frozenset({"libraries", "library", "service", "services"})
# Left dangling once the words around them are gone ("City of Bristol" -> "of bristol").
_CONNECTORS = frozenset({"and", "of", "the"})
_PUNCTUATION = re.compile(r"[^\w\s]|_")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 ("CafÃ©" → "Café", "Barrâ€™s" → "Barr’s").

    Text that does not round-trip (it was not mojibake, or bytes were lost) is returned as
    it came, so a correct "Â" in a Welsh or French name is never damaged.
    """
    if not any(marker in text for marker in _MOJIBAKE_MARKERS):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def is_unrecoverable(text: str) -> bool:
    """True when a letter was replaced by U+FFFD somewhere upstream ("Sir Ynys Mï¿½n")."""
    return any(marker in text for marker in _UNRECOVERABLE)


def clean_name(text: str) -> str:
    """Trimmed, single-spaced, without invisible characters or mojibake."""
    return clean_text(repair_mojibake(clean_text(text)))


def fold(text: str) -> str:
    """Lower case without accents: "Ynys Môn" and "ynys mon" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _trim_connectors(words: list[str]) -> list[str]:
    start, end = 0, len(words)
    while start < end and words[start] in _CONNECTORS:
        start += 1
    while end > start and words[end - 1] in _CONNECTORS:
        end -= 1
    return words[start:end]


def normalise_name(text: str) -> str:
    """The matching key of a library service's (or any organisation's) name.

    Lower case, no accents, "&" as "and", apostrophes and other punctuation out, and the
    words that only say what kind of body it is ("council", "borough", "city of", "county",
    "metropolitan", "libraries", "library service"...) dropped, so the many ways people write
    one service meet on one key. "and"/"of"/"the" left dangling at either end go too
    ("City of Bristol" → "bristol") but stay inside a name ("Vale of Glamorgan").
    When nothing would be left ("City of London") the key keeps the body words.

    Examples:
        >>> normalise_name("London Borough of Hammersmith & Fulham")
        'hammersmith and fulham'
        >>> normalise_name("Bristol, City of")
        'bristol'
    """
    folded = fold(clean_name(text)).replace("&", " and ")
    folded = folded.replace("'", "").replace("\u2019", "")
    words = _PUNCTUATION.sub(" ", folded).split()
    without_library = [w for w in words if w not in _LIBRARY_WORDS] or words
    kept = _trim_connectors([w for w in without_library if w not in _BODY_WORDS])
    return " ".join(kept or _trim_connectors(without_library) or without_library)
