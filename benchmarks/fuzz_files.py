"""A seeded generator of spreadsheets as the team really receives them, and worse.

Each file starts valid for one import kind (headers from the importer's own labels and
synonyms, values from the database it will be imported into: real library-service names and
GSS codes, existing partners, programmes and contact emails, choices from the field
declarations), then takes a few mutations of the kinds that arrive by email: cut off
half-way, saved in the wrong encoding or with a BOM, stray quotes, huge cells, formulas,
control characters, mixed scripts and invisible characters, blank and duplicate headers,
numbers where dates go and dates where numbers go, ragged rows, junk bytes. It is written as
CSV (comma, semicolon or tab; UTF-8, UTF-8 with BOM, cp1252, UTF-16) or XLSX.

Used by ``bench_fuzz_import.py`` and its sample in the test suite; the same seed always
gives the same files.
"""

from __future__ import annotations

import codecs
import datetime as dt
import random
import sqlite3
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter

from brokerdesk.core import vocabulary
from brokerdesk.core.importing import IMPORTERS
from brokerdesk.core.services.fields import Field

SCRIPTS = (
    "مكتبة الشارقة",
    "جمعية القراءة",
    "読書協会",
    "图书馆之友",
    "Σύλλογος Βιβλίων",
    "Книжный клуб",
    "ספרייה ציבורית",
    "पुस्तकालय मित्र",
    "ห้องสมุด",
    "도서관 친구들",
    "Cymdeithas Llyfrau Cymru",
    "Llyfrgell Ŵyr",
    "Family 👨\u200d👩\u200d👧 Reading",
    "🏳\ufe0f\u200d🌈 Pride Reads",
    "📚",
    "کتاب\u200cخانه",
    "Zoë & Bjørk Ltd",
)
INVISIBLE = ("\u202e\u200f", "\u200b", "\u2066\u2069", "\ufeff", "\u200d", "\u00a0\u2007")
FORMULAS = ("=1+2", '=HYPERLINK("http://evil.example","click")', "+SUM(A1:A9)", "-2+3", "@cmd")
CONTROLS = "".join(map(chr, range(1, 32))) + "\x7f\x85\u2028\u2029"
BIG_NUMBERS = ("1e308", "99999999999999999999", "-5", "NaN", "inf", "-inf", "1,000", "0x1F", "")
ODD_DATES = ("2024-02-30", "31/12/99", "1 Jan 2024", "Jan 1 2024", "00/00/0000", "2024-13-01")
ODD_DATES += ("45123", "44927.5", "12/31/2024", "9999-12-31", "0001-01-01", "yesterday")
WORDS = (
    "reading",
    "library",
    "summer",
    "challenge",
    "digital",
    "health",
    "stories",
    "culture",
    "access",
    "heritage",
    "north",
    "coast",
    "young",
    "people",
)
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16")
DELIMITERS = (",", ";", "\t")
CELL_MUTATIONS = (
    "mixed_scripts",
    "invisible",
    "control_chars",
    "huge_cell",
    "formula",
    "stray_quote",
    "numbers_as_dates",
    "dates_as_numbers",
    "odd_dates",
    "big_numbers",
    "whitespace",
    "unknown_values",
    "newlines_in_cells",
)
SHAPE_MUTATIONS = (
    "blank_header",
    "duplicate_header",
    "ragged_rows",
    "duplicate_rows",
    "empty_rows",
    "header_only",
    "wrong_kind_headers",
    "shuffled_columns",
)
BYTE_MUTATIONS = (
    "truncate",
    "bom",
    "wrong_encoding",
    "mojibake",
    "nul_bytes",
    "junk",
    "cr_endings",
    "empty",
)


@dataclass
class Vocabulary:
    """What the target database knows, so valid files name real records."""

    services: list[str]
    codes: list[str]
    partners: list[str]
    programmes: list[str]
    emails: list[str]
    branches: list[tuple[str, str]]  # (service name, branch name)
    offer_areas: list[str]

    @classmethod
    def read(cls, database: Path) -> Vocabulary:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:

            def column(sql: str) -> list[str]:
                return [str(r[0]) for r in conn.execute(sql) if r[0]]

            return cls(
                services=column("SELECT name FROM library_service")
                + column("SELECT nice_name FROM library_service")
                + column("SELECT name FROM service_name_variant")[:200]
                + column("SELECT name FROM former_authority"),
                codes=column("SELECT gss_code FROM library_service"),
                partners=column("SELECT name FROM partner"),
                programmes=column("SELECT name FROM programme"),
                emails=column("SELECT email FROM contact WHERE email IS NOT NULL"),
                branches=[
                    (str(s), str(b))
                    for s, b in conn.execute(
                        "SELECT s.name, b.name FROM branch b JOIN library_service s "
                        "ON s.id = b.service_id LIMIT 400"
                    )
                ],
                offer_areas=column("SELECT name FROM offer_area")
                + column("SELECT code FROM offer_area"),
            )


@dataclass
class Case:
    """One generated file and how it is imported."""

    number: int
    kind: str
    path: Path
    args: list[str]
    mutations: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"#{self.number} {self.kind} {self.path.suffix[1:]} {'+'.join(self.mutations)}"


class FileMaker:
    """Makes case after case from one seed."""

    def __init__(self, seed: int, words: Vocabulary, folder: Path) -> None:
        self.rng = random.Random(seed)
        self.words = words
        self.folder = folder

    # ----------------------------------------------------------------- values
    def _name(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.25 and self.words.partners:
            return rng.choice(self.words.partners)
        if roll < 0.4:
            return rng.choice(SCRIPTS)
        return (
            f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Trust {rng.randint(1, 400)}"
        )

    def _date(self) -> str:
        day = dt.date(2020, 1, 1) + dt.timedelta(days=self.rng.randint(0, 2500))
        fmt = self.rng.choice(("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d.%m.%Y"))
        return day.strftime(fmt)

    def _email(self) -> str:
        if self.words.emails and self.rng.random() < 0.4:
            return self.rng.choice(self.words.emails)
        user = "".join(self.rng.choices(string.ascii_lowercase, k=6))
        return f"{user}@{self.rng.choice(WORDS)}.org.uk"

    def _service(self) -> str:
        return self.rng.choice(self.words.services)

    def value(self, name: str, declared: Field | None) -> str:
        """A valid cell for the target ``name`` (a field, or a lookup such as ``service``)."""
        rng, words = self.rng, self.words
        special = {
            "service": self._service,
            "service_code": lambda: rng.choice(words.codes),
            "partner": lambda: rng.choice(words.partners or ["Nobody"]),
            "funder": lambda: rng.choice(words.partners or ["Nobody"]),
            "currency": lambda: rng.choice(("GBP", "EUR", "usd")),
            "programme": lambda: rng.choice(words.programmes or ["Nothing"]),
            "contact": self._email,
            "local_contact": self._email,
            "branch": lambda: rng.choice(words.branches)[1] if words.branches else "Central",
            "offer_area": lambda: rng.choice(words.offer_areas),
            "name": self._name,
            "full_name": lambda: f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}",
            "latitude": lambda: f"{rng.uniform(50.0, 55.8):.5f}",
            "longitude": lambda: f"{rng.uniform(-5.5, 1.7):.5f}",
            "postcode": lambda: rng.choice(("BS1 5TR", "M2 5PD", "CF10 1FL", "BT1 1AA")),
            "year_opened": lambda: str(rng.randint(1850, 2024)),
            "year_closed": lambda: str(rng.randint(1990, 2024)),
        }
        if name in special:
            return special[name]()
        kind = declared.kind if declared is not None else "text"
        if kind == "choice" and declared is not None and declared.choices:
            options = list(declared.choices) + list(declared.choices.values())
            return str(rng.choice(options))
        if kind == "date":
            return self._date()
        if kind == "int":
            return str(rng.randint(declared.minimum or 0 if declared else 0, 5000))
        if kind == "decimal":
            return f"{rng.randint(0, 90000)}.{rng.randint(0, 99):02d}"
        if kind == "bool":
            return rng.choice(("yes", "no", "Y", "N", "TRUE", "false", "1", "0", "✓"))
        if kind == "email":
            return self._email()
        if kind == "url":
            return f"https://www.{rng.choice(WORDS)}{rng.randint(1, 99)}.org.uk/"
        return " ".join(rng.choices(WORDS, k=rng.randint(1, 8)))

    # ----------------------------------------------------------------- a valid sheet
    def valid_sheet(self, kind: str) -> tuple[list[str], list[str], list[list[str]]]:
        """(headers, target names, rows) for a file the importer should accept."""
        importer = IMPORTERS[kind]
        declared = {f.name: f for f in importer.fields}
        targets = list(importer.targets)
        chosen = [t for t in targets if t.required]
        for group in importer.one_of:
            if not any(t.name in group for t in chosen) and group != ("programme",):
                chosen += [t for t in targets if t.name == self.rng.choice(group)]
        if kind in ("contacts", "interactions") and self.rng.random() < 0.8:
            chosen += [t for t in targets if t.name in ("partner", "service")][:1]
        if kind == "interactions" and not any(
            t.name in ("partner", "service", "service_code", "programme") for t in chosen
        ):
            chosen += [t for t in targets if t.name == "service"]
        extras = [t for t in targets if t not in chosen]
        chosen += self.rng.sample(extras, k=self.rng.randint(0, len(extras)))
        if kind == "participations" and self.rng.random() < 0.5:
            chosen += [t for t in targets if t.name == "programme" and t not in chosen]
        self.rng.shuffle(chosen)
        headers = [self.rng.choice((t.label, *t.synonyms)) for t in chosen]
        names = [t.name for t in chosen]
        if len(set(h.lower() for h in headers)) < len(headers):
            headers = [t.label for t in chosen]
        rows = [
            [self.value(n, declared.get(n) or declared.get(f"{n}_id")) for n in names]
            for _ in range(self.rng.choice((1, 2, 3, 5, 8, 20, 60)))
        ]
        return headers, names, rows

    # ----------------------------------------------------------------- mutations
    def mutate_cells(self, rows: list[list[str]], what: str) -> None:
        rng = self.rng
        cells = [(r, c) for r in range(len(rows)) for c in range(len(rows[r]))]
        if not cells:
            return
        for r, c in rng.sample(cells, k=min(len(cells), rng.randint(1, 4))):
            rows[r][c] = self._mutated(what, rows[r][c])

    def _mutated(self, what: str, old: str) -> str:
        rng = self.rng
        middle = len(old) // 2
        choices: dict[str, Callable[[], str]] = {
            "mixed_scripts": lambda: rng.choice(SCRIPTS),
            "invisible": lambda: rng.choice(INVISIBLE),
            "control_chars": lambda: (
                old[:middle] + "".join(rng.choices(CONTROLS, k=3)) + old[middle:]
            ),
            "huge_cell": lambda: "x" * rng.choice((5_000, 70_000, 300_000)),
            "formula": lambda: rng.choice(FORMULAS),
            "stray_quote": lambda: rng.choice(('"' + old, old + '"', old.replace(" ", '" '))),
            "numbers_as_dates": lambda: str(rng.randint(30000, 47000)),
            "dates_as_numbers": self._date,
            "odd_dates": lambda: rng.choice(ODD_DATES),
            "big_numbers": lambda: rng.choice(BIG_NUMBERS),
            "whitespace": lambda: f" \u00a0{old}\t  ",
            "unknown_values": lambda: rng.choice(WORDS) + rng.choice(("", "?", "!!")),
            "newlines_in_cells": lambda: old.replace(" ", rng.choice(("\n", "\r\n", "\r"))),
        }
        return choices[what]()

    def mutate_shape(self, kind: str, headers: list[str], rows: list[list[str]], what: str) -> None:
        rng = self.rng
        if what == "blank_header" and headers:
            headers[rng.randrange(len(headers))] = ""
        elif what == "duplicate_header" and headers:
            at = rng.randrange(len(headers))
            headers.append(headers[at])
            for row in rows:
                row.append(row[at] if at < len(row) and rng.random() < 0.5 else self._name())
        elif what == "ragged_rows":
            for row in rows:
                if rng.random() < 0.5:
                    del row[rng.randrange(len(row) + 1) :]
                else:
                    row.extend(rng.choices(WORDS, k=rng.randint(1, 3)))
        elif what == "duplicate_rows" and rows:
            rows.extend(list(r) for r in rng.choices(rows, k=rng.randint(1, 5)))
        elif what == "empty_rows":
            for _ in range(rng.randint(1, 4)):
                rows.insert(rng.randint(0, len(rows)), [""] * len(headers))
        elif what == "header_only":
            rows.clear()
        elif what == "wrong_kind_headers":
            other = IMPORTERS[rng.choice([k for k in IMPORTERS if k != kind])]
            labels = [t.label for t in other.targets]
            for i in range(len(headers)):
                if rng.random() < 0.5:
                    headers[i] = rng.choice(labels)
        elif what == "shuffled_columns" and rows:
            rng.shuffle(headers)

    def mutate_bytes(self, data: bytes, what: str) -> bytes:
        rng = self.rng
        if what == "truncate" and data:
            return data[: rng.randint(0, len(data) - 1)]
        if what == "bom":
            return rng.choice((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) + data
        if what == "wrong_encoding":
            text = data.decode("utf-8", errors="replace")
            codec = rng.choice(("cp1252", "latin-1", "mac_roman", "shift_jis", "utf-16-le"))
            return text.encode(codec, errors="replace")
        if what == "mojibake":
            return data.decode("cp1252", errors="replace").encode("utf-8")
        if what == "nul_bytes" and data:
            at = rng.randrange(len(data))
            return data[:at] + b"\x00" * rng.randint(1, 4) + data[at:]
        if what == "junk" and data:
            at = rng.randrange(len(data))
            return data[:at] + rng.randbytes(rng.randint(1, 300)) + data[at:]
        if what == "cr_endings":
            return data.replace(b"\r\n", b"\r").replace(b"\n", b"\r")
        if what == "empty":
            return b""
        return data

    # ----------------------------------------------------------------- writing
    def _csv_bytes(self, headers: list[str], rows: list[list[str]]) -> bytes:
        delimiter = self.rng.choice(DELIMITERS)
        quote_all = self.rng.random() < 0.3

        def cell(text: str) -> str:
            if quote_all or any(ch in text for ch in (delimiter, '"', "\n", "\r")):
                return '"' + text.replace('"', '""') + '"'
            return text

        body = "\r\n".join(delimiter.join(cell(c) for c in row) for row in [headers, *rows])
        encoding = self.rng.choice(ENCODINGS)
        return body.encode(encoding, errors="replace")

    def _xlsx(self, path: Path, headers: list[str], rows: list[list[str]]) -> None:
        book = xlsxwriter.Workbook(
            str(path), {"strings_to_formulas": False, "nan_inf_to_errors": True}
        )
        sheet = book.add_worksheet(self.rng.choice(("Sheet1", "Sign-ups", "Données", "表")))
        dates = book.add_format({"num_format": "dd/mm/yyyy"})
        for r, row in enumerate([headers, *rows]):
            for c, value in enumerate(row):
                self._xlsx_cell(sheet, r, c, value[:32_000], dates)
        if self.rng.random() < 0.1:
            book.add_worksheet("Notes").write_string(0, 0, "ignore me")
        book.close()

    def _xlsx_cell(self, sheet: Any, r: int, c: int, value: str, dates: Any) -> None:
        """Numbers and dates as Excel stores them, sometimes: the reader must give text."""
        if r and self.rng.random() < 0.5:
            try:
                sheet.write_number(r, c, float(value))
                return
            except ValueError:
                pass
            try:
                sheet.write_datetime(r, c, dt.datetime.strptime(value, "%Y-%m-%d"), dates)
                return
            except ValueError:
                pass
        sheet.write_string(r, c, value)

    # ----------------------------------------------------------------- one case
    def case(self, number: int, kinds: tuple[str, ...]) -> Case:
        rng = self.rng
        kind = kinds[number % len(kinds)]
        headers, _names, rows = self.valid_sheet(kind)
        mutations: list[str] = []
        clean = rng.random() < 0.2  # some files stay valid: the accepted path is tested too
        for _ in range(0 if clean else rng.choice((1, 1, 2, 3))):
            what = rng.choice(CELL_MUTATIONS + SHAPE_MUTATIONS + BYTE_MUTATIONS)
            mutations.append(what)
            if what in CELL_MUTATIONS:
                self.mutate_cells(rows, what)
            elif what in SHAPE_MUTATIONS:
                self.mutate_shape(kind, headers, rows, what)
        xlsx = rng.random() < 0.25
        path = self.folder / f"case-{number}.{'xlsx' if xlsx else 'csv'}"
        if xlsx:
            self._xlsx(path, headers, rows)
            if "truncate" in mutations or "junk" in mutations:
                path.write_bytes(self.mutate_bytes(path.read_bytes(), "truncate"))
        else:
            data = self._csv_bytes(headers, rows)
            for what in mutations:
                if what in BYTE_MUTATIONS:
                    data = self.mutate_bytes(data, what)
            path.write_bytes(data)
        return Case(number, kind, path, self.options(kind), mutations)

    def options(self, kind: str) -> list[str]:
        rng = self.rng
        args: list[str] = []
        if rng.random() < 0.3:
            args.append("--skip-invalid")
        if rng.random() < 0.4:
            args += ["--on-match", rng.choice(("skip", "update", "create"))]
        if rng.random() < 0.15:
            args.append("--dry-run")
        if rng.random() < 0.2:
            args.append("--accept-best")
        if rng.random() < 0.4:
            args.append("--json")
        if kind == "participations":
            if self.words.programmes and rng.random() < 0.7:
                args += ["--programme", rng.choice(self.words.programmes)]
            if rng.random() < 0.5:
                args += ["--stage", rng.choice(sorted(vocabulary.STAGE_LABELS))]
        return args
