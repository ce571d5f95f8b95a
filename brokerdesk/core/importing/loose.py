"""Values as people type them: stages, types, numbers, dates and "n/a", read for what they mean.

A sign-up sheet says "Signed-up", "withdrawn (funding)", "interested?" and "Active - running"
for its stages, "c. 3,100", "approx 500" and "3 100" for its reach, "3rd March 2025" and
"March 2025" for its dates, and "n/a", "-", "TBC" or "?" for nothing at all. Each is read here
into the value BrokerDesk stores, before validation sees it; what the cell said beyond the
value (the note in brackets, "approx", a month without a day) is returned so the importer can
keep it in the row's notes. The words for the fixed choices are reviewed data in
``resources/reference/import_values.json``, not code.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from brokerdesk.core.money import AmountError, read_amount
from brokerdesk.paths import resource

VALUES_FILE = "import_values.json"
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = (20_000, 80_000)  # Excel day numbers from 1954 to 2118: dates, not counts
_NOTE = re.compile(r"^(?P<main>.*?)\s*[\(\[](?P<note>[^\)\]]*)[\)\]]\s*(?P<rest>.*)$")
_DASH_NOTE = re.compile(r"^(?P<main>.+?)\s+[-\u2013\u2014:;/]\s+(?P<note>.+)$")
_APPROX = re.compile(
    r"^(?:approx(?:imately)?\.?|apx\.?|c\.|ca\.?|circa|about|around|roughly|est(?:imated)?\.?"
    r"|~|\u2248|over|more than|at least|up to|nearly|almost)\s*",
    re.IGNORECASE,
)
_UNITS = re.compile(
    r"\s*(?:people|persons|participants|attendees|children|adults|families|visitors|"
    r"sessions|events|approx\.?|est\.?)\s*$",
    re.IGNORECASE,
)
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[,\s\u00a0\u202f\u2009']\d{3})+(?:\.\d+)?$")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_DAY_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d/%m/%y",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%d-%m-%Y",
    "%d-%m-%y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B %y",
    "%d %b %y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%d-%B-%Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A %d %B %Y",
    "%a %d %b %Y",
    "%Y/%m/%d",
)
_MONTH_FORMATS = ("%B %Y", "%b %Y", "%m/%Y", "%Y-%m", "%b-%y", "%B-%y", "%b %y")


@dataclass(frozen=True)
class Reading:
    """A cell read for what it means.

    Attributes:
        value: the text to validate ("" when the cell means "nothing").
        note: what the cell said beyond the value, to keep in the notes ("" when nothing).
    """

    value: str
    note: str = ""


def reduce(text: str) -> str:
    """A word reduced for lookup: 'Signed-up!' -> 'signed up', 'Trust / Foundation' ->
    'trust foundation'."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z\u2713\u2714\u2717\u2718]+", " ", plain).split())


@functools.cache
def _data() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(resource("reference", VALUES_FILE).read_text("utf-8"))
    return loaded


@functools.cache
def _empty() -> frozenset[str]:
    words = _data()["empty"]
    assert isinstance(words, list)
    return frozenset(reduce(w) for w in words if reduce(w)) | frozenset(w for w in words)


@functools.cache
def _vocabularies() -> dict[frozenset[str], dict[str, str]]:
    """Stored values of a choice -> {reduced word: stored value}."""
    choices = _data()["choices"]
    assert isinstance(choices, dict)
    out: dict[frozenset[str], dict[str, str]] = {}
    for words_by_value in choices.values():
        table: dict[str, str] = {}
        for stored, words in words_by_value.items():
            table[reduce(stored.replace("_", " "))] = stored
            for word in words:
                table.setdefault(reduce(word), stored)
        out[frozenset(words_by_value)] = table
    return out


@functools.cache
def _yes_no() -> dict[str, str]:
    table: dict[str, str] = {}
    for answer in ("yes", "no"):
        words = _data()[answer]
        assert isinstance(words, list)
        table.update({reduce(w) or w: answer for w in words})
    return table


def means_nothing(text: str) -> bool:
    """'n/a', '-', 'TBC', '?' and their kin: a cell that holds no value."""
    stripped = text.strip()
    return stripped.casefold() in _empty() or (bool(stripped) and reduce(stripped) in _empty())


def _split_note(text: str) -> tuple[str, str]:
    """('withdrawn', 'funding') from 'withdrawn (funding)'; ('Active', 'running') from
    'Active - running'; (text, '') when there is no note."""
    found = _NOTE.match(text)
    if found and found["main"].strip():
        rest = found["rest"].strip()
        return found["main"].strip(), " ".join(p for p in (found["note"].strip(), rest) if p)
    found = _DASH_NOTE.match(text)
    if found:
        return found["main"].strip(), found["note"].strip()
    return text, ""


def read_choice(choices: Mapping[str, str], text: str) -> Reading:
    """A stage, type or status as people write it, as the stored value; unknown words come
    back as they are, for validation to refuse with the list of choices."""
    if means_nothing(text):
        return Reading("")
    table = _vocabularies().get(frozenset(choices), {})
    labels = {reduce(label): stored for stored, label in choices.items()}
    labels.update({reduce(stored.replace("_", " ")): stored for stored in choices})

    def look(word: str) -> str | None:
        key = reduce(word)
        return labels.get(key) or table.get(key)

    found = look(text)
    if found is not None:
        return Reading(found)
    main, note = _split_note(text)
    if note:
        found = look(main)
        if found is not None:
            return Reading(found, text)
    return Reading(text)


def read_yes_no(text: str) -> Reading:
    """'Yes', 'y', '✓', 'Yes please' -> 'yes'; 'No', 'n' -> 'no'; 'n/a' -> empty."""
    if means_nothing(text):
        return Reading("")
    key = reduce(text) or text.strip()
    found = _yes_no().get(key)
    if found is None:
        main, note = _split_note(text)
        found = _yes_no().get(reduce(main)) if note else None
        return Reading(found, text) if found else Reading(text)
    return Reading(found)


def read_number(text: str, *, money: bool = False) -> Reading:
    """'3 100', '3,100', 'c. 3100', 'approx 500', '~40', '500+', '1,200 people' -> digits."""
    if text.isdigit():
        return Reading(text)
    if means_nothing(text):
        return Reading("")
    number = text.strip()
    if money:
        return _read_money(text)
    said_more = False
    while (approx := _APPROX.match(number)) and approx.end():
        number, said_more = number[approx.end() :].strip(), True
    if (units := _UNITS.search(number)) and units.start():
        said_more = said_more or "approx" in units.group().lower() or "est" in units.group()
        number = number[: units.start()].strip()
    if number.endswith("+"):
        number, said_more = number[:-1].strip(), True
    if _GROUPED.match(number):
        number = re.sub(r"[,\s\u00a0\u202f\u2009']", "", number)
    if not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", number):
        return Reading(text)
    if number.endswith(".0"):
        number = number[:-2]
    return Reading(number, text if said_more else "")


def _read_money(text: str) -> Reading:
    """'£5,000', 'c. €3,100', '5 000 EUR' -> digits (the currency is the importer's to settle:
    :mod:`brokerdesk.core.importing.amounts`); what :mod:`brokerdesk.core.money` refuses
    comes back as it is, for validation to refuse with its sentence."""
    number, said_more = text.strip(), False
    while (approx := _APPROX.match(number)) and approx.end():
        number, said_more = number[approx.end() :].strip(), True
    try:
        amount, _currency = read_amount(number)
    except AmountError:
        return Reading(text)
    return Reading(f"{amount}", text if said_more else "")


def read_date(text: str) -> Reading:
    """A date as people type it, as YYYY-MM-DD ('3rd March 2025', '03/03/2025' day first,
    'March 2025' as its first day, '3 Mar 25', an Excel day number); else as it is."""
    if means_nothing(text):
        return Reading("")
    value = text.strip()
    if len(value) >= 10 and value[4] == "-" and value[:4].isdigit():
        value = value[:10] if value[10:11] in ("", " ", "T") else value  # drop a midnight time
    if value.isdigit() and _SERIALS[0] <= int(value) <= _SERIALS[1]:
        return Reading((_EXCEL_EPOCH + dt.timedelta(days=int(value))).isoformat())
    cleaned = _ORDINAL.sub("", value).replace(",", " ")
    cleaned = " ".join(re.sub(r"\bof\b", " ", cleaned, flags=re.IGNORECASE).split())
    cleaned = re.sub(r"\bSept\b", "Sep", cleaned, flags=re.IGNORECASE)
    for fmt in _DAY_FORMATS:
        try:
            return Reading(dt.datetime.strptime(cleaned, fmt).date().isoformat())
        except ValueError:
            continue
    for fmt in _MONTH_FORMATS:
        try:
            first = dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        return Reading(first.isoformat(), text)  # the month only: the note says so
    return Reading(text)
