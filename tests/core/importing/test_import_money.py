"""Amounts in imported agreements and grants: read the UK way, in the currency the cell or the
row names, and a row refused (with the reason) when the two disagree or the amount is unclear."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from brokerdesk.core.db import Database
from brokerdesk.core.importing import IMPORTERS, ImportOptions, open_spreadsheet, run_import
from brokerdesk.core.importing.mapping import suggest_mapping
from brokerdesk.core.models import Agreement, Grant
from brokerdesk.core.services import Services

pytestmark = pytest.mark.both_backends


def _import(db: Database, path: Path, kind: str, rows: list[list[str]]) -> dict[int, list[str]]:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    mapping = suggest_mapping(IMPORTERS[kind].targets, rows[0])
    summary = run_import(
        db, open_spreadsheet(path), kind, mapping, options=ImportOptions(skip_invalid=True)
    )
    return {r.row: r.reasons for r in summary.refused_rows}


def test_agreement_amounts_keep_the_currency_they_name(db: Database, tmp_path: Path) -> None:
    Services(db).partners.create({"name": "Open Book Trust"})
    refused = _import(
        db,
        tmp_path / "agreements.csv",
        "agreements",
        [
            ["Agreement", "Partner", "Value", "Currency"],
            ["Pounds", "Open Book Trust", "£5,000.50", ""],
            ["Euros by sign", "Open Book Trust", "€5,000", ""],
            ["Euros by column", "Open Book Trust", "5 000", "eur"],
            ["Dollars", "Open Book Trust", "USD 1,200", "USD"],
            ["Clashing", "Open Book Trust", "€5,000", "GBP"],
            ["Continental", "Open Book Trust", "€1.234,56", ""],
            ["Shorthand", "Open Book Trust", "£5k", ""],
            ["Approximate", "Open Book Trust", "c. £3,100", ""],
        ],
    )
    with db.read() as session:
        made = {
            a.title: (a.value, a.currency)
            for a in session.scalars(select(Agreement).order_by(Agreement.id))
        }
    assert made == {
        "Pounds": (Decimal("5000.50"), "GBP"),
        "Euros by sign": (Decimal("5000.00"), "EUR"),
        "Euros by column": (Decimal("5000.00"), "EUR"),
        "Dollars": (Decimal("1200.00"), "USD"),
        "Approximate": (Decimal("3100.00"), "GBP"),
    }
    reasons = {row: " ".join(why) for row, why in refused.items()}
    assert "'€5,000' is in EUR, but the row's currency is GBP" in reasons[6]
    assert "write amounts the UK way" in reasons[7]
    assert "write the amount in full" in reasons[8]


def test_grant_amounts_keep_the_currency_they_name(db: Database, tmp_path: Path) -> None:
    Services(db).partners.create({"name": "Lantern Arts Fund"})
    refused = _import(
        db,
        tmp_path / "grants.csv",
        "grants",
        [
            ["Grant", "Funder", "Amount", "Currency"],
            ["Makerspaces", "Lantern Arts Fund", "€12,500", ""],
            ["Poetry", "Lantern Arts Fund", "48,000", ""],
            ["Odd", "Lantern Arts Fund", "US$10", "EUR"],
            ["Unknown", "Lantern Arts Fund", "10", "E1R"],
        ],
    )
    with db.read() as session:
        made = {g.title: (g.amount, g.currency) for g in session.scalars(select(Grant))}
    assert made == {
        "Makerspaces": (Decimal("12500.00"), "EUR"),
        "Poetry": (Decimal("48000.00"), "GBP"),
    }
    reasons = {row: " ".join(why) for row, why in refused.items()}
    assert "'US$10' is in USD, but the row's currency is EUR" in reasons[4]
    assert "'E1R' is not a currency BrokerDesk offers" in reasons[5]
