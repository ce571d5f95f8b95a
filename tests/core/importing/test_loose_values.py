"""Values as people type them, read for what they mean (core/importing/loose.py)."""

from __future__ import annotations

import pytest

from brokerdesk.core.importing import loose
from brokerdesk.core.vocabulary import (
    INTERACTION_KIND_LABELS,
    PARTNER_STATUS_LABELS,
    PARTNER_TYPE_LABELS,
    PROGRAMME_STATUS_LABELS,
    STAGE_LABELS,
)


@pytest.mark.parametrize(
    ("typed", "stored", "kept"),
    [
        ("Signed-up", "signed_up", ""),
        ("withdrawn (funding)", "withdrawn", "withdrawn (funding)"),
        ("interested?", "interested", ""),
        ("complete", "completed", ""),
        ("Active - running", "active", "Active - running"),
        ("dropped out", "withdrawn", ""),
        ("SIGNED_UP", "signed_up", ""),
        ("  Signed up!  ", "signed_up", ""),
        ("n/a", "", ""),
        ("maybe later", "maybe later", ""),  # unknown: left for validation to refuse
    ],
)
def test_stages_as_typed(typed: str, stored: str, kept: str) -> None:
    assert loose.read_choice(STAGE_LABELS, typed) == loose.Reading(stored, kept)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("National charity", "charity"),
        ("Trust / Foundation", "funder"),
        ("CIC", "other"),
        ("Social enterprise", "other"),
        ("University", "public_body"),
        ("Grant-maker", "funder"),
        ("Corporate", "company"),
        ("Public Body", "public_body"),
    ],
)
def test_partner_types_as_typed(typed: str, stored: str) -> None:
    assert loose.read_choice(PARTNER_TYPE_LABELS, typed).value == stored


def test_every_word_in_the_reviewed_list_names_a_real_choice() -> None:
    """The reviewed data cannot name a stage or type BrokerDesk does not have."""
    vocabularies = loose._vocabularies()
    for labels in (
        STAGE_LABELS,
        PARTNER_TYPE_LABELS,
        PARTNER_STATUS_LABELS,
        PROGRAMME_STATUS_LABELS,
        INTERACTION_KIND_LABELS,
    ):
        table = vocabularies[frozenset(labels)]
        assert set(table.values()) == set(labels)


@pytest.mark.parametrize(
    ("typed", "value", "kept"),
    [
        ("3 100", "3100", ""),
        ("3,100", "3100", ""),
        ("c. 3100", "3100", "c. 3100"),
        ("approx 500", "500", "approx 500"),
        ("~40", "40", "~40"),
        ("500+", "500", "500+"),
        ("1,200 people", "1200", ""),
        ("n/a", "", ""),
        ("-", "", ""),
        ("TBC", "", ""),
        ("?", "", ""),
        ("100-150", "100-150", ""),  # a range: a person must choose
        ("lots", "lots", ""),
    ],
)
def test_numbers_as_typed(typed: str, value: str, kept: str) -> None:
    assert loose.read_number(typed) == loose.Reading(value, kept)


def test_money_drops_the_pound_sign_and_keeps_pence() -> None:
    assert loose.read_number("£12,500.50", money=True).value == "12500.50"


@pytest.mark.parametrize(
    ("typed", "iso", "kept"),
    [
        ("3rd March 2025", "2025-03-03", ""),
        ("03/03/2025", "2025-03-03", ""),
        ("4/3/2025", "2025-03-04", ""),  # UK day first
        ("March 2025", "2025-03-01", "March 2025"),  # a month: its first day, the note says so
        ("2025-03-03", "2025-03-03", ""),
        ("2025-03-03 00:00:00", "2025-03-03", ""),
        ("45719", "2025-03-03", ""),  # an Excel day number
        ("3 Mar 25", "2025-03-03", ""),
        ("1st of June 2024", "2024-06-01", ""),
        ("TBC", "", ""),
        ("31/02/2025", "31/02/2025", ""),  # no such day: refused by validation, as typed
    ],
)
def test_dates_as_typed(typed: str, iso: str, kept: str) -> None:
    assert loose.read_date(typed) == loose.Reading(iso, kept)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("Yes", "yes"), ("y", "yes"), ("\u2713", "yes"), ("Yes please", "yes"), ("No", "no")],
)
def test_yes_and_no_as_typed(typed: str, value: str) -> None:
    assert loose.read_yes_no(typed).value == value
