"""Clean cells on the way in, before validation sees them.

Spreadsheets that passed through several tools carry invisible characters, doubled spaces,
``mailto:`` links and mojibake: UTF-8 text that was once read as cp1252 ("CafÃ©" for "Café",
"Barrâ€™s" for "Barr’s"). Repairing those here means the name the user sees in BrokerDesk is
the name they typed, and matching compares like with like. Values stay text; nothing here
turns "01234" into a number.
"""

from __future__ import annotations

import re

from brokerdesk.core.services.fields import clean_text

# A run that starts with a lead byte of a 2-4 byte UTF-8 sequence read as cp1252 and goes on
# with continuation bytes read the same way. cp1252 maps 0x80-0x9F to letters like € ’ “ Š.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CONTINUATION = "[\u0080-\u00bf" + _CP1252_HIGH + "\u0081\u008d\u008f\u0090\u009d]"
_MOJIBAKE = re.compile("[\u00c2-\u00f4]" + _CONTINUATION + "{1,3}")
_MAILTO = re.compile(r"^\s*mailto:\s*", re.IGNORECASE)
_YES = {"yes", "y", "true", "t", "1", "x", "✓"}
_NO = {"no", "n", "false", "f", "0"}


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252, piece by piece, only where the bytes decode cleanly.

    Each suspicious run is re-encoded as cp1252 and decoded as UTF-8; a run that does not
    round-trip (a real "Ã" in a Portuguese name, say) is left exactly as it was.
    """
    if not _MOJIBAKE.search(text):
        return text

    def fix(match: re.Match[str]) -> str:
        piece = match.group(0)
        try:
            raw = piece.encode("cp1252")
        except UnicodeEncodeError:
            try:
                raw = piece.encode("latin-1")
            except UnicodeEncodeError:
                return piece
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return piece

    return _MOJIBAKE.sub(fix, text)


def clean_cell(value: str) -> str:
    """Trim, collapse spaces, drop invisible characters and repair mojibake."""
    if not value:
        return ""
    if value.isascii() and value.isprintable() and "  " not in value and value == value.strip():
        cleaned = value  # the common case, already clean: skip the Unicode work
    else:
        cleaned = clean_text(repair_mojibake(value))
    return unquote_formula(cleaned) if cleaned[:1] == "'" else cleaned


def unquote_formula(text: str) -> str:
    """``'=SUM(A1)`` reads back as ``=SUM(A1)``: the quote is what our exports and the
    refused-rows report put before a cell a spreadsheet would run as a formula, so a file
    BrokerDesk wrote imports as the values it held. Any other leading quote stays."""
    from brokerdesk.core.exporting.safety import FORMULA_STARTS, QUOTE

    if text.startswith(QUOTE) and text[1:2] and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def clean_email(value: str) -> str:
    """An email cell without its ``mailto:`` prefix (Outlook and web pages add it)."""
    return _MAILTO.sub("", clean_cell(value)).strip()


def yes_no(value: str) -> str:
    """'Yes', 'y', 'TRUE', '1' become 'yes'; 'No', 'n' become 'no'; anything else as it is."""
    lowered = value.strip().lower()
    if lowered in _YES:
        return "yes"
    if lowered in _NO:
        return "no"
    return value


def web_domain(url: str | None) -> str:
    """The bare host of a website, for matching partners ('https://www.x.org/y' -> 'x.org')."""
    if not url:
        return ""
    text = url.strip().lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0]
    if text.startswith("www."):
        text = text[4:]
    return text if "." in text else ""
