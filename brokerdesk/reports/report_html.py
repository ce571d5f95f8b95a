"""Any :class:`Report` as accessible HTML for WeasyPrint's tagged PDF (PDF/UA-1).

The structure a screen reader follows comes from the HTML: ``lang="en-GB"``, a ``<title>``,
headings in order (h1 the record, h2 its sections, h3 below; one level deeper in a board
pack, whose own title is the h1), tables with a ``<caption>`` and ``<th scope>`` header cells
for columns and rows, lists as lists, and charts as ``<figure>`` images whose ``alt`` states
every value. The footer ("Page 2 of 5") lives in the page margin (CSS ``@page``), where it is
an artifact rather than content, and body content can never run over it.
"""

from __future__ import annotations

import urllib.parse
from html import escape

from brokerdesk.core.exporting.tables import Cell
from brokerdesk.core.reporting.document import (
    BarChart,
    Block,
    Bullets,
    Grid,
    Paragraph,
    Report,
    Section,
)
from brokerdesk.core.reporting.words import cell_text, uk_date
from brokerdesk.paths import resource
from brokerdesk.reports.svg_chart import chart_svg

NUMERIC = {"int", "money", "float"}

FAMILY = '"BrokerDesk Report Sans", "DejaVu Sans", "Noto Sans", Arial, sans-serif'


def font_faces() -> str:
    """The shipped typeface (``resources/fonts``), so a report looks alike everywhere."""
    faces = []
    for style, weight in (("Regular", "normal"), ("Bold", "bold")):
        url = resource("fonts", f"BrokerDeskReportSans-{style}.ttf").as_uri()
        faces.append(
            f'@font-face {{ font-family: "BrokerDesk Report Sans"; src: url("{url}"); '
            f"font-weight: {weight}; }}"
        )
    return "\n".join(faces)


STYLE = """
@page {
  size: A4; margin: 14mm 16mm 18mm 16mm;
  @bottom-left { content: string(footer); font-size: 7.5pt; color: #444;
                 border-top: 0.3pt solid #9a9a9a; padding-top: 2mm; vertical-align: top; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 7.5pt;
                  color: #444; border-top: 0.3pt solid #9a9a9a; padding-top: 2mm;
                  vertical-align: top; }
}
html { font-family: FAMILY; font-size: 8.5pt;
       color: #1a1a1a; line-height: 1.3; }
.footer { string-set: footer content(); display: block; height: 0; overflow: hidden;
          margin: 0; font-size: 0; }
h1 { font-size: 17pt; margin: 0 0 1mm 0; }
h2 { font-size: 12pt; color: #0b3d6b; margin: 5mm 0 1.5mm 0; break-after: avoid; }
h3 { font-size: 10pt; color: #0b3d6b; margin: 4mm 0 1mm 0; break-after: avoid; }
.pack h2 { font-size: 15pt; color: #1a1a1a; margin-top: 0; }
.pack h3 { font-size: 11pt; }
.report { break-before: page; }
.report:first-of-type { break-before: auto; }
p { margin: 0 0 1.5mm 0; }
.kicker { color: #555; font-size: 8pt; letter-spacing: 0.08em; text-transform: uppercase;
          margin: 0; }
.muted { color: #555; }
.small { font-size: 7.5pt; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0 0 2mm 0; }
caption { caption-side: top; text-align: left; font-size: 7.5pt; color: #444;
          padding-bottom: 1mm; }
th, td { border: 0.4pt solid #b0b0b0; padding: 0.8mm 1.2mm; text-align: left;
         vertical-align: top; }
thead th { background: #e7eef7; font-weight: bold; }
tbody th { font-weight: normal; }
.num { text-align: right; }
tr.total th, tr.total td { font-weight: bold; background: #f3f3f3; }
table.facts th, table.facts td { border: none; padding: 0.5mm 1.2mm 0.5mm 0; }
table.facts th { color: #555; width: 26%; }
tr { break-inside: avoid; }
figure { margin: 2mm 0; break-inside: avoid; }
figcaption { font-size: 7.5pt; color: #444; margin-bottom: 1mm; }
ul { margin: 0 0 2mm 5mm; padding: 0; }
nav ol { padding-left: 5mm; }
nav a { color: #1a1a1a; text-decoration: none; }
nav a::after { content: leader('.') " page " target-counter(attr(href), page); }
"""


def _cell(value: Cell) -> str:
    return escape(cell_text(value))


def _grid(grid: Grid) -> str:
    columns = grid.table.columns
    classes = [' class="num"' if c.kind in NUMERIC else "" for c in columns]
    head = "".join(
        f'<th scope="col"{cls}>{escape(c.header)}</th>'
        for c, cls in zip(columns, classes, strict=True)
    )
    body = []
    rows = [(row, "") for row in grid.table.rows]
    if grid.total is not None:
        rows.append((grid.total, ' class="total"'))
    for row, row_class in rows:
        first, *rest = row
        cells = [f'<th scope="row">{_cell(first)}</th>']
        cells += [f"<td{cls}>{_cell(v)}</td>" for v, cls in zip(rest, classes[1:], strict=True)]
        body.append(f"<tr{row_class}>{''.join(cells)}</tr>")
    return (
        f"<table><caption>{escape(grid.caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _chart(chart: BarChart) -> str:
    source = "data:image/svg+xml," + urllib.parse.quote(chart_svg(chart))
    return (
        f"<figure><figcaption>{escape(chart.caption)}</figcaption>"
        f'<img src="{source}" alt="{escape(chart.alt, quote=True)}"></figure>'
    )


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        muted = ' class="muted"' if block.muted else ""
        return f"<p{muted}>{escape(block.text)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Grid):
        return _grid(block)
    return _chart(block)


def _section(section: Section, level: int) -> str:
    parts = [f"<h{level}>{escape(section.heading)}</h{level}>"]
    parts += [_block(b) for b in section.blocks]
    parts += [_section(s, level + 1) for s in section.subsections]
    return "".join(parts)


def _facts(report: Report) -> str:
    rows = "".join(
        f'<tr><th scope="row">{escape(k)}</th><td>{_cell(v)}</td></tr>' for k, v in report.facts
    )
    caption = f"About the {report.kind_label.lower().replace(' summary', '')}"
    return f'<table class="facts"><caption>{escape(caption)}</caption><tbody>{rows}</tbody></table>'


def report_body(report: Report, *, level: int = 1, anchor: str = "") -> str:
    """One report as a ``<section>``: its title at heading ``level``, sections one below."""
    footer = f"{report.subject} · {report.kind_label.lower()} · {uk_date(report.generated_on)}"
    ident = f' id="{anchor}"' if anchor else ""
    parts = [
        f'<section class="report"{ident}>',
        f'<p class="footer" aria-hidden="true">{escape(footer)}</p>',
        f'<p class="kicker">{escape(report.kind_label)}</p>',
        f"<h{level}>{escape(report.subject)}</h{level}>",
        f'<p class="muted">{escape(report.subtitle)} · generated '
        f"{uk_date(report.generated_on)}</p>",
        _facts(report) if report.facts else "",
        *(_section(s, level + 1) for s in report.sections),
        f'<p class="small">Generated on {uk_date(report.generated_on)} from the BrokerDesk '
        f"database {escape(report.source)}.</p>",
        "</section>",
    ]
    return "".join(parts)


def _page(title: str, body: str, body_class: str = "") -> str:
    cls = f' class="{body_class}"' if body_class else ""
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{font_faces()}\n"
        f"{STYLE.replace('FAMILY', FAMILY)}</style></head>"
        f"<body{cls}>{body}</body></html>"
    )


def report_html(report: Report) -> str:
    """One report as a whole HTML document."""
    return _page(report.title, report_body(report))


def board_pack_html(title: str, reports: list[Report]) -> str:
    """Several reports in one document: the pack's title, a contents page, then each report
    on its own pages (its title a level-2 heading, its sections level 3)."""
    date = uk_date(reports[0].generated_on) if reports else ""
    items = "".join(
        f'<li><a href="#report-{i}">{escape(r.title)}</a></li>' for i, r in enumerate(reports, 1)
    )
    front = (
        f'<section class="front"><p class="footer" aria-hidden="true">{escape(title)} · {date}'
        f'</p><p class="kicker">Board pack</p><h1>{escape(title)}</h1>'
        f'<p class="muted">{len(reports)} reports · generated {date}</p>'
        f"<nav><h2>Contents</h2><ol>{items}</ol></nav></section>"
    )
    bodies = "".join(
        report_body(r, level=2, anchor=f"report-{i}").replace(
            'class="report"', 'class="report" style="break-before: page"', 1
        )
        for i, r in enumerate(reports, 1)
    )
    return _page(title, front + bodies, "pack")
