"""Make the reports' typeface: DejaVu Sans (regular and bold) cut to the Latin letters, the
punctuation and the signs reports use, and renamed (the Bitstream Vera licence asks that a
changed font not be called DejaVu or Vera).

Shipping them in ``resources/fonts`` means a report looks the same on every machine and in
the packaged app; a letter outside them (Greek, say) comes from the system's fonts. Run once
after changing the ranges (fontTools comes with ``.[dev]``):
``python scripts/make_report_fonts.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/dejavu")
TARGET = Path(__file__).resolve().parents[1] / "resources" / "fonts"
FAMILY = "BrokerDesk Report Sans"
UNICODES = (
    "U+0020-007E,U+00A0-017F,U+0218-021B,U+1E80-1E85,U+1EF2-1EF3,U+2010-2027,U+2030-203A,"
    "U+20AC,U+2122,U+2190-2193,U+2212,U+2713,U+26A0"
)


def make(style: str, source: str) -> Path:
    out = TARGET / f"BrokerDeskReportSans-{style}.ttf"
    options = subset.Options()
    options.layout_features = ["kern"]
    options.name_IDs = ["*"]
    font = TTFont(SOURCE / source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (3, 4):
            record.string = full
        elif record.nameID == 6:
            record.string = f"BrokerDeskReportSans-{style}"
    font.save(out)
    return out


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for style, source in (("Regular", "DejaVuSans.ttf"), ("Bold", "DejaVuSans-Bold.ttf")):
        print(make(style, source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
