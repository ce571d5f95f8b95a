"""Reading the files people actually send: encodings, separators, sheets, and rubbish."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from brokerdesk.core.importing import UnreadableFileError, open_spreadsheet
from brokerdesk.core.importing.cleaning import clean_cell, clean_email, repair_mojibake


def _rows(path: Path, sheet: str | None = None) -> list[list[str]]:
    source = open_spreadsheet(path)
    return [row for chunk in source.rows(sheet) for _, row in chunk.rows]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", "\t"), ("cp1252", ";")],
)
def test_excel_csv_variants_read_the_same_text(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "sheet.csv"
    text = delimiter.join(["Name", "Phone", "Notes"]) + "\r\n"
    text += delimiter.join(['"Café Ñandú, Ltd"', "01234 567890", '"two\r\nlines"']) + "\r\n"
    path.write_bytes(text.encode(encoding))
    source = open_spreadsheet(path)
    assert source.sheet().headers == ["Name", "Phone", "Notes"]
    assert source.delimiter == delimiter
    assert _rows(path) == [["Café Ñandú, Ltd", "01234 567890", "two\r\nlines"]]


def test_a_late_cp1252_accent_is_still_detected(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    lines = ["Name"] + [f"Library {i}" for i in range(20_000)] + ["Bibliothèque"]
    path.write_bytes("\n".join(lines).encode("cp1252"))
    assert _rows(path)[-1] == ["Bibliothèque"]


def test_leading_zeros_stay_text_in_csv_and_xlsx(tmp_path: Path) -> None:
    csv_path = tmp_path / "z.csv"
    csv_path.write_text("Code,Phone\n007,01234\n", encoding="utf-8")
    assert _rows(csv_path) == [["007", "01234"]]
    book = tmp_path / "z.xlsx"
    workbook = xlsxwriter.Workbook(book)
    sheet = workbook.add_worksheet("Sign-ups")
    sheet.write_row(0, 0, ["Code", "Phone", "Reach"])
    sheet.write_string(1, 0, "007")
    sheet.write_string(1, 1, "01234")
    sheet.write_number(1, 2, 120)
    workbook.add_worksheet("Notes").write_row(0, 0, ["Other"])
    workbook.close()
    source = open_spreadsheet(book)
    assert source.sheet_names == ["Sign-ups", "Notes"]
    assert _rows(book, "Sign-ups") == [["007", "01234", "120"]]
    with pytest.raises(UnreadableFileError, match="no sheet 'Missing'"):
        source.sheet("Missing")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (bytes(range(256)) * 40, "not a spreadsheet"),
        (b"PK\x03\x04garbage that is no zip", "could not be opened as a workbook"),
        (b"12,34\n56,78\n", "start with data|no header row"),
        (b"alice@example.org,Alice\n", "start with data"),
    ],
)
def test_unreadable_files_are_refused_at_once(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=message):
        open_spreadsheet(path)


def test_rows_come_in_chunks_with_their_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Name\n" + "".join(f"n{i}\n\n" for i in range(25)), encoding="utf-8")
    chunks = list(open_spreadsheet(path).rows(chunk_rows=10))
    assert [len(c) for c in chunks] == [10, 10, 5]
    assert chunks[0].rows[1] == (4, ["n1"])  # blank lines skipped, numbers kept


def test_cleaning_repairs_what_the_shared_files_contain() -> None:
    assert clean_cell("Hallbankgate Hub Community Shop and CafÃ©") == (
        "Hallbankgate Hub Community Shop and Café"
    )
    assert clean_cell("Barrâ€™s Cottage") == "Barr’s Cottage"
    assert clean_cell("\u200bBelfast  Central ") == "Belfast Central"
    assert clean_cell("Tredegar\u00a0Library") == "Tredegar Library"
    assert clean_email(" mailto:Info@Library.wales ") == "Info@Library.wales"
    assert repair_mojibake("São Paulo") == "São Paulo"  # real accents are left alone


# ----------------------------------------------------------------- finding the header
def test_the_header_is_found_under_a_title_notes_and_a_blank_row(tmp_path: Path) -> None:
    path = tmp_path / "sign-ups.csv"
    path.write_text(
        "Reading Together 2025: sign-ups (return to partnerships@example.org)\n"
        "One row per library service\n"
        "\n"
        "Library service;Stage;Reach\n"
        "Bristol;signed up;3 100\n",
        encoding="utf-8",
    )
    source = open_spreadsheet(path)
    header = source.sheet()
    assert source.delimiter == ";"  # the one-cell title does not fool the separator
    assert (header.header_line, header.headers) == (4, ["Library service", "Stage", "Reach"])
    assert header.above == [
        (1, "Reading Together 2025: sign-ups (return to partnerships@example.org)"),
        (2, "One row per library service"),
    ]
    assert _rows(path) == [["Bristol", "signed up", "3 100"]]


def test_a_merged_title_in_a_workbook_is_not_taken_as_the_header(tmp_path: Path) -> None:
    book = tmp_path / "sign-ups.xlsx"
    workbook = xlsxwriter.Workbook(book)
    sheet = workbook.add_worksheet("Sign-ups")
    sheet.merge_range(0, 0, 0, 3, "Reading Together 2025: library service sign-ups")
    sheet.write_row(2, 0, ["Library service", "Stage", "Reach", "Contact"])
    sheet.write_row(3, 0, ["Hull", "active", 40, "Ann"])
    workbook.close()
    header = open_spreadsheet(book).sheet()
    assert header.header_line == 3 and header.headers[0] == "Library service"
    assert header.above == [(1, "Reading Together 2025: library service sign-ups")]


def test_the_header_row_can_be_chosen_and_a_wrong_choice_is_refused_in_words(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.csv"
    path.write_text("Title\n\nName,Email\nAnn,ann@example.org\n", encoding="utf-8")
    source = open_spreadsheet(path)
    assert source.sheet().header_line == 3
    with pytest.raises(UnreadableFileError, match="Row 2 of the file is empty"):
        source.set_header_row(None, 2)
    with pytest.raises(UnreadableFileError, match="data, not column names"):
        source.set_header_row(None, 4)
    assert source.sheet().header_line == 3  # a refused choice leaves the header found
    chosen = source.set_header_row(None, 1)
    assert chosen.chosen and chosen.headers == ["Title"]
    assert next(row for chunk in source.rows() for _, row in chunk.rows) == ["Name", "Email"]


@pytest.mark.parametrize("ending", ["\n", "", "\r\n"])
@pytest.mark.parametrize("title", [False, True])
def test_the_row_estimate_counts_the_data_rows(tmp_path: Path, ending: str, title: bool) -> None:
    """An 8-row sheet is 8 rows, whether or not its last line ends in a newline, and with a
    title above its header (the preview said "the first 8 rows (of about 9)")."""
    lines = [*(["Sign-ups 2026,,"] if title else []), "Name,Stage,Reach"]
    lines += [f"Service {n},signed up,{n * 10}" for n in range(8)]
    newline = ending or "\n"
    path = tmp_path / "eight.csv"
    path.write_bytes((newline.join(lines) + ending).encode())
    source = open_spreadsheet(path)
    assert source.estimate_rows() == 8
