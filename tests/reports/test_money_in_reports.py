"""A partner report keeps each agreement's and grant's amount in its own currency: in the
PDF's text, and as a number formatted with the currency's sign in the workbook."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from brokerdesk.core.db import Database
from brokerdesk.core.exporting import gather_partner_summary
from brokerdesk.core.exporting.spreadsheets import (
    write_partner_summary_csv,
    write_partner_summary_xlsx,
)
from brokerdesk.core.services import Services
from brokerdesk.reports import write_partner_summary_pdf


def _funder(db: Database) -> int:
    services = Services(db)
    partner = services.partners.create({"name": "Lantern Arts Fund"}).id
    for title, value, currency in (("Poetry MoU", "7000", "GBP"), ("Euro MoU", "5000", "EUR")):
        services.agreements.create(
            {"title": title, "partner_id": partner, "value": value, "currency": currency}
        )
    for title, amount, currency in (("Makerspaces", "12500", "EUR"), ("Verse", "900", "USD")):
        services.grants.create(
            {"title": title, "partner_id": partner, "amount": amount, "currency": currency}
        )
    return partner


def test_the_pdf_writes_each_amount_in_its_currency(db: Database, tmp_path: Path) -> None:
    summary = gather_partner_summary(db, _funder(db))
    path = write_partner_summary_pdf(summary, tmp_path / "summary.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "€5,000.00" in text and "£7,000.00" in text
    assert "£12,000" not in text  # pounds and euros never added together
    assert "All agreements" in text and "£7,000.00 + €5,000.00" in text
    assert "Grants the partner funds" in text
    assert "€12,500.00" in text and "US$900.00" in text


def test_the_workbook_formats_each_amount_with_its_sign(db: Database, tmp_path: Path) -> None:
    summary = gather_partner_summary(db, _funder(db))
    path = write_partner_summary_xlsx(summary, tmp_path / "summary.xlsx")
    sheet = openpyxl.load_workbook(path)["Summary"]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    euro = cells["Agreement: Euro MoU: value"]
    assert (euro.value, euro.number_format) == (5000, '"€"#,##0.00')
    assert cells["Agreement: Poetry MoU: value"].number_format == '"£"#,##0.00'
    grant = cells["Grant: Verse: amount"]
    assert (grant.value, grant.number_format) == (900, '"US$"#,##0.00')


def test_the_csv_summary_writes_an_amount_as_it_reads(db: Database, tmp_path: Path) -> None:
    summary = gather_partner_summary(db, _funder(db))
    folder = write_partner_summary_csv(summary, tmp_path / "csv")
    with (folder / "Summary.csv").open(encoding="utf-8-sig") as handle:
        rows = dict(csv.reader(handle))
    assert rows["Agreement: Euro MoU: value"] == "€5,000.00"
    assert rows["Grant: Makerspaces: amount"] == "€12,500.00"
