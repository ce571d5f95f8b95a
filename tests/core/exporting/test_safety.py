"""Safe by default: inert cells, file names that cannot escape, nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest

from brokerdesk.core.exporting import safety


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Reading Agency", "Reading Agency"),
        ("'Twas", "'Twas"),
        ("", ""),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_quoted(stored: str, written: str) -> None:
    assert safety.neutralise(stored) == written


@pytest.mark.parametrize("stored", ["=1+1", "'Twas", "''", "", "plain", "@x", "'=x"])
def test_the_reversible_form_gives_back_exactly_what_was_stored(stored: str) -> None:
    written = safety.neutralise(stored, reversible=True)
    assert not written.startswith(safety.FORMULA_STARTS)
    assert safety.restore_text(written) == stored
    assert safety.restore_text(safety.xlsx_text(stored, reversible=True)) == stored


@pytest.mark.parametrize("stored", ["=SUM(A1)", "+44 20 7946 0000", "-Dash", "@home", "plain"])
def test_xlsx_text_is_the_text_as_stored(stored: str) -> None:
    assert safety.xlsx_text(stored) == stored


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "_.._etc_passwd"),
        ("Books: A/B \\ C?", "Books_ A_B _ C_"),
        ("CON", "CON_"),
        ("lpt1.pdf", "lpt1.pdf_"),
        ("line\nbreak\x00", "line_break_"),
        ("...", "export"),
        ("-rf", "rf"),
        ("  Reading   Agency ", "Reading Agency"),
    ],
)
def test_file_names_are_made_safe(name: str, expected: str) -> None:
    assert safety.safe_filename(name) == expected


def test_long_file_names_are_cut() -> None:
    assert len(safety.safe_filename("x" * 500)) == safety.MAX_NAME_LENGTH


def test_an_existing_file_is_kept_unless_overwrite_is_allowed(tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    target.write_text("the board's copy")
    with (
        pytest.raises(safety.FileExistsRefused, match="already exists"),
        safety.atomic_path(target, overwrite=False) as tmp,
    ):
        tmp.write_text("new")
    assert target.read_text() == "the board's copy"
    with safety.atomic_path(target, overwrite=True) as tmp:
        tmp.write_text("new")
    assert target.read_text() == "new"
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_write_leaves_neither_the_file_nor_a_temporary(tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    with pytest.raises(RuntimeError), safety.atomic_path(target, overwrite=False) as tmp:
        tmp.write_text("half")
        raise RuntimeError("renderer crashed")
    assert list(tmp_path.iterdir()) == []
