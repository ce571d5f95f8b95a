"""A messy corpus: spreadsheets written the way the team really receives them.

``python -m tests.core.importing.messy_corpus tests/core/importing/data/messy`` writes, from a
fixed seed and the shipped reference data:

- ``sign-ups.csv`` and ``sign-ups.xlsx``: 120 library-service sign-ups for a programme with a
  title row (an e-mail address in it), a note and a blank row above the header (merged
  across the columns in the workbook), loose stages, reach and dates, misspelt services,
  a resubmitted row, and contact columns the import does not take.
- ``programme-sheet.csv``: 60 rows of one programme's participations with loose stages and
  reach, and ``programme-sheet-expected.csv``: the stage and reach a person reads in each row
  (empty when the row is rubbish a person could not read either).

The files are committed, so a test reads exactly what a reviewer can open; this module is
how they were made, and regenerates them when the corpus should grow.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import random
import sys
from pathlib import Path

import xlsxwriter

from brokerdesk.paths import resource

PROGRAMME = "Reading Together 2025"
TITLE = f"{PROGRAMME}: library service sign-ups (return to partnerships@example.org)"
NOTE = "Please fill in one row per library service. Reach = people you expect to reach."
SIGN_UP_HEADERS = [
    "Library service",
    "Stage",
    "Reach",
    "Date signed up",
    "Contact name",
    "Email",
    "Phone",
    "Notes",
]
# (as typed, the stage a person reads)
STAGES = [
    ("Signed-up", "signed_up"),
    ("signed up", "signed_up"),
    ("Signed Up!", "signed_up"),
    ("withdrawn (funding)", "withdrawn"),
    ("interested?", "interested"),
    ("complete", "completed"),
    ("Active - running", "active"),
    ("dropped out", "withdrawn"),
    ("Interested", "interested"),
    ("registered", "signed_up"),
    ("Confirmed", "signed_up"),
    ("In progress", "active"),
    ("EOI", "interested"),
    ("Invite sent", "invited"),
    ("pulled out", "withdrawn"),
    ("Live", "active"),
    ("done", "completed"),
    ("Withdrawn - staffing", "withdrawn"),
    ("SIGNED_UP", "signed_up"),
    ("active", "active"),
]
# (as typed, the reach a person reads; None: no figure given)
REACH = [
    ("3 100", 3100),
    ("3,100", 3100),
    ("c. 3100", 3100),
    ("approx 500", 500),
    ("~40", 40),
    ("500+", 500),
    ("n/a", None),
    ("-", None),
    ("TBC", None),
    ("?", None),
    ("1,200 people", 1200),
    ("250", 250),
    ("", None),
    ("approx. 75", 75),
    ("c.200", 200),
    ("12 000", 12000),
]
DATES = ["3rd March 2025", "03/03/2025", "March 2025", "2025-03-03", "3 Mar 25", "14/2/2025"]
RUBBISH = [("on the fence", "250"), ("Signed-up", "lots"), ("interested", "100-150")]
# Misspelt past what the import takes on its own (two slips each), from a web-mail address
# that says nothing of the service: a person corrects these, in the refused-rows file.
TYPOS = {"Manchester": "Mnachestr", "Leicester": "Lciestr", "Sheffield": "Shfefild"}
FIRST = ["Ann", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo"]
LAST = ["Lee", "Ray", "Shah", "Evans", "Jones", "Okafor", "Nowak", "Price", "Ward", "Khan"]


def plain_service_names(count: int) -> list[str]:
    """Short names of English unitary and metropolitan services nobody would hesitate over
    (no Kingston, Newcastle or Richmond), in a fixed order."""
    data = json.loads(gzip.decompress(resource("reference", "authorities.json.gz").read_bytes()))
    names = sorted(
        a["nice_name"]
        for a in data
        if a["gss_code"][:3] in ("E06", "E08", "E09", "E10")
        and not any(w in a["nice_name"] for w in ("Kingston", "Newcastle", "Richmond", ","))
    )
    return names[:count]


def sign_up_rows(rng: random.Random) -> list[list[str]]:
    names = plain_service_names(118)
    rows: list[list[str]] = []
    for index, name in enumerate(names):
        typed = TYPOS.get(name, name)
        stage = STAGES[index % len(STAGES)][0]
        reach = REACH[index % len(REACH)][0]
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        domain = "gmail.com" if name in TYPOS else f"{name.lower().replace(' ', '')}.gov.uk"
        email = f"{person.split()[0].lower()}@{domain}"
        phone = f"01{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
        rows.append([typed, stage, reach, DATES[index % len(DATES)], person, email, phone, ""])
    # A service sends its row again with the stage moved on: the later row is the one kept.
    again = list(rows[10])
    again[1], again[7] = "Active - running", "resubmitted"
    rows.append(again)
    rows.append([names[20], "interested", "approx 500", "3 Mar 25", "Jo Ward", "", "", "late"])
    return rows


def write_sign_ups(folder: Path, rows: list[list[str]]) -> None:
    width = len(SIGN_UP_HEADERS)
    top = [[TITLE] + [""] * (width - 1), [NOTE] + [""] * (width - 1), [""] * width]
    with (folder / "sign-ups.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([*top, SIGN_UP_HEADERS, *rows])
    book = xlsxwriter.Workbook(folder / "sign-ups.xlsx")
    sheet = book.add_worksheet("Sign-ups")
    bold = book.add_format({"bold": True})
    sheet.merge_range(0, 0, 0, width - 1, TITLE, bold)
    sheet.merge_range(1, 0, 1, width - 1, NOTE)
    sheet.write_row(3, 0, SIGN_UP_HEADERS, bold)
    when = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(rows, start=4):
        for c, value in enumerate(row):
            if c == 2 and value.isdigit():
                sheet.write_number(r, c, int(value))  # a real number cell, as Excel keeps it
            elif c == 3 and value == "2025-03-03":
                sheet.write_datetime(r, c, dt.datetime(2025, 3, 3), when)  # a real date cell
            else:
                sheet.write_string(r, c, value)
    book.close()


def programme_rows() -> tuple[list[list[str]], list[list[str]]]:
    """(sheet rows, expected rows): 60 participations, 3 of them rubbish."""
    names = plain_service_names(60)
    rows: list[list[str]] = []
    expected: list[list[str]] = []
    for index, name in enumerate(names):
        if index % 20 == 7:
            stage, reach = RUBBISH[index // 20]
            rows.append([name, PROGRAMME, stage, reach, "Notes from the service"])
            expected.append([name, "", ""])
            continue
        stage, stored = STAGES[(index * 7) % len(STAGES)]
        reach, figure = REACH[(index * 5) % len(REACH)]
        rows.append([name, PROGRAMME, stage, reach, ""])
        expected.append([name, stored, "" if figure is None else str(figure)])
    return rows, expected


def write_programme_sheet(folder: Path) -> None:
    rows, expected = programme_rows()
    headers = ["Authority", "Project", "Status", "Participants", "Comments"]
    with (folder / "programme-sheet.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([headers, *rows])
    with (folder / "programme-sheet-expected.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["Service", "Stage", "Reach"], *expected])


def build(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_sign_ups(folder, sign_up_rows(random.Random(16)))
    write_programme_sheet(folder)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
