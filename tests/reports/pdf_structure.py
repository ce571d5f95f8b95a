"""Reading a PDF's accessibility structure back with pikepdf, as a screen reader would meet it.

:func:`read_structure` walks the structure tree in order; :func:`assert_accessible` checks
what PDF/UA-1 asks of every report: tagged (MarkInfo), language, the title shown (DocInfo,
XMP, DisplayDocTitle), headings in order from one H1, tables with header cells that the data
cells point to, figures with alt text, bookmarks, and real text (pypdf can extract it).
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pypdf import PdfReader


@dataclass
class Structure:
    """What the structure tree holds, in reading order."""

    tags: list[str] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    figures_alt: list[str] = field(default_factory=list)
    header_ids: set[str] = field(default_factory=set)
    data_cells: int = 0
    data_cells_with_headers: int = 0
    bookmarks: list[str] = field(default_factory=list)
    text: str = ""


def _table_attributes(node: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """The element's Table attributes: /A is one attribute object or an array of them, each
    owned (/O) by Table, Layout, List and so on (ISO 32000-1, 14.8.5)."""
    attributes = node.get("/A")
    owned = attributes if isinstance(attributes, pikepdf.Array) else [attributes]
    for candidate in owned:
        if isinstance(candidate, pikepdf.Dictionary) and candidate.get("/O") == "/Table":
            return candidate
    return pikepdf.Dictionary()


def _walk(node: object, out: Structure) -> None:
    if not isinstance(node, pikepdf.Dictionary):
        return
    tag = str(node.get("/S", ""))
    if tag:
        out.tags.append(tag)
    if tag in {f"/H{n}" for n in range(1, 7)}:
        out.headings.append((int(tag[2]), ""))
    if tag == "/Figure":
        out.figures_alt.append(str(node.get("/Alt", "")))
    if tag == "/TH" and "/ID" in node:
        out.header_ids.add(str(node["/ID"]))
    if tag == "/TD":
        out.data_cells += 1
        headers = _table_attributes(node).get("/Headers", [])
        if len(headers) and all(str(h) in out.header_ids for h in headers):
            out.data_cells_with_headers += 1
    kids = node.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        _walk(kid, out)


def _bookmarks(item: object, out: list[tuple[int, str]], depth: int = 1) -> None:
    while isinstance(item, pikepdf.Dictionary):
        out.append((depth, str(item.get("/Title", ""))))
        _bookmarks(item.get("/First"), out, depth + 1)
        item = item.get("/Next")


def read_structure(data: bytes | Path) -> Structure:
    raw = data.read_bytes() if isinstance(data, Path) else data
    out = Structure()
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        _walk(pdf.Root.StructTreeRoot, out)
        marks: list[tuple[int, str]] = []
        outlines = pdf.Root.get("/Outlines")
        if outlines is not None:
            _bookmarks(outlines.get("/First"), marks)
    # Headings and bookmarks come from the same elements in the same order.
    out.headings = [
        (level, title) for (level, _), (_, title) in zip(out.headings, marks, strict=False)
    ]
    out.bookmarks = [title for _, title in marks]
    out.text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(raw)).pages
    )
    return out


def assert_accessible(data: bytes | Path, title: str, *, headings_from: int = 1) -> Structure:
    """Every PDF/UA-1 promise a report makes, checked from the file."""
    raw = data.read_bytes() if isinstance(data, Path) else data
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root, "the PDF is not tagged"
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "en-GB"
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        assert str(pdf.docinfo["/Title"]) == title
        assert pdf.open_metadata().get("dc:title") == title
    s = read_structure(raw)
    levels = [level for level, _ in s.headings]
    assert levels and levels[0] == headings_from == 1, levels
    assert levels.count(1) == 1, "one H1: the report's (or the pack's) title"
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"a heading level is skipped: {levels}"
    assert len(s.bookmarks) == len(levels), "every heading is a bookmark"
    assert "/Table" in s.tags and "/TH" in s.tags and "/TD" in s.tags
    assert s.data_cells and s.data_cells_with_headers == s.data_cells, (
        "every data cell names its header cells"
    )
    assert "/P" in s.tags
    assert s.text.strip(), "the text can be extracted (it is real text, not shapes)"
    return s
