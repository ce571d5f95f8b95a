"""Names as people write them land on the right library service, or on none without a person.

The corpus (``data/service_names_corpus.csv``) is several hundred names seen on sign-up
sheets: abbreviations, Welsh forms, operators, towns, typos, and names no one service can be
taken for. Acceptance is what a user notices: the rows that land without review, and that
none lands on a wrong service, with or without ``--accept-best``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.importing import ImportOptions, open_spreadsheet, preview, suggest_mapping
from brokerdesk.core.importing.kinds_places import IMPORTERS
from brokerdesk.core.importing.matching import Match, ServiceMatcher
from brokerdesk.core.importing.service_names import known_names
from brokerdesk.core.reference.load import initialise

CORPUS = Path(__file__).parent / "data" / "service_names_corpus.csv"


def _corpus() -> list[tuple[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return [(row["name"], row["expected"]) for row in csv.DictReader(lines)]


@pytest.fixture
def matcher(db: Database) -> ServiceMatcher:
    initialise(db)
    with db.read() as session:
        return ServiceMatcher(session)


def _code(matcher: ServiceMatcher, sid: int | None) -> str | None:
    return next((code for code, i in matcher.codes.items() if i == sid), None)


def _taken(match: Match, accept_best: bool) -> int | None:
    """The service an import takes for this match, as ``settle`` does."""
    if match.status == "matched":
        return match.record_id
    if accept_best and match.status == "review" and match.candidates and not match.ambiguous:
        return match.candidates[0].record_id
    return None


def test_corpus_lands_95_percent_without_review_and_none_wrong(matcher: ServiceMatcher) -> None:
    corpus = _corpus()
    clear = [(name, code) for name, code in corpus if code != "review"]
    unsure = [name for name, code in corpus if code == "review"]
    assert len(corpus) >= 250 and len(unsure) >= 40
    right = [
        name for name, code in clear if _code(matcher, _taken(matcher.match(name), False)) == code
    ]
    assert len(right) / len(clear) >= 0.95, sorted({n for n, _ in clear} - set(right))
    for accept_best in (False, True):
        wrong = [
            (name, code, _code(matcher, taken))
            for name, code in clear
            if (taken := _taken(matcher.match(name), accept_best)) is not None
            and _code(matcher, taken) != code
        ]
        guessed = [n for n in unsure if _taken(matcher.match(n), accept_best) is not None]
        assert wrong == [] and guessed == [], (accept_best, wrong, guessed)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Kingston", ["Kingston upon Hull (E06000010)", "Kingston upon Thames (E09000021)"]),
        ("Cumbria", ["Cumberland (E06000063)", "Westmorland and Furness (E06000064)"]),
        ("Tri-borough Libraries", ["Hammersmith and Fulham (E09000013)"]),
        ("Berkshire", ["West Berkshire (E06000037)"]),
    ],
)
def test_ambiguous_names_offer_every_service_and_no_guess(
    matcher: ServiceMatcher, name: str, shown: list[str]
) -> None:
    match = matcher.match(name)
    labels = [c.label for c in match.candidates]
    assert match.status == "review" and match.ambiguous
    assert all(label in labels for label in shown)


def test_generic_words_alone_suggest_nothing(matcher: ServiceMatcher) -> None:
    for name in ("Borough Council", "Libraries", "County Council", "City"):
        match = matcher.match(name)
        assert match.status == "none" and match.candidates == [], name
    rct = matcher.match("RCT")
    assert rct.status == "matched" and _code(matcher, rct.record_id) == "W06000016"


def test_an_address_in_the_row_is_evidence(matcher: ServiceMatcher) -> None:
    by_mail = matcher.match("Our library", ["reading.team@rbkc.gov.uk"])
    assert _code(matcher, by_mail.record_id) == "E09000020" and "rbkc.gov.uk" in by_mail.reason
    kingston = matcher.match("Kingston", ["https://www.kingston.gov.uk/libraries"])
    assert _code(matcher, kingston.record_id) == "E09000021"
    web_mail = matcher.match("Kingston", ["someone@gmail.com"])
    assert web_mail.status == "review" and web_mail.ambiguous
    shared = matcher.match("GLL", ["LincsLibrary.Support@gll.org"])
    assert shared.status == "review" and shared.ambiguous  # gll.org runs several services


def _sheet(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "services.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Library service", "Notes"], *rows])
    return path


def test_accept_best_never_takes_an_ambiguous_row_and_two_names_on_one_service_conflict(
    db: Database, tmp_path: Path
) -> None:
    initialise(db)
    path = _sheet(
        tmp_path,
        [
            ["Kingston", "a"],
            ["Kingston upon Hull", "b"],
            ["Nottinghamshre County Council", "c"],
            ["Notts CC", "d"],
            ["Newcastle-under-Lyme Library", "e"],
        ],
    )
    source = open_spreadsheet(path)
    mapping = suggest_mapping(IMPORTERS["library_services"].targets, source.sheet().headers)
    options = ImportOptions(accept_best=True, on_match="update")
    plans = {p.row: p for p in preview(db, source, "library_services", mapping, options).plans}
    assert plans[2].action == "review" and "only a person can choose" in plans[2].errors[0]
    assert plans[3].action == "update"  # the real Kingston upon Hull row is not a "duplicate"
    assert plans[4].action == "update" and "close spelling" in plans[4].warnings[0]
    assert plans[5].action == "review" and "row 4" in plans[5].errors[0]
    assert plans[5].review is not None and plans[5].review.match.conflict_with == 4
    with db.read() as session:
        codes = ServiceMatcher(session).codes
    assert plans[3].record_id == codes["E06000010"]
    assert plans[6].action == "update" and plans[6].record_id == codes["E10000028"]


def test_every_name_in_the_reference_data_means_a_shipped_service(
    matcher: ServiceMatcher,
) -> None:
    names = known_names()
    assert len(names) >= 300
    unknown = {k.name: c for k in names.values() for c in k.codes if c not in matcher.codes}
    assert unknown == {}
    several = [k.name for k in names.values() if not k.certain]
    assert "Tri-borough" in several and "Kingston" in several and "RBKC" not in several
