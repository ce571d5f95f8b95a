"""Partners written another way are the partner already held: 'Ltd', 'The', '&', accents,
the same website or the same e-mail domain, in an import and in Find duplicates."""

from __future__ import annotations

import csv
from pathlib import Path

from brokerdesk.core.db import Database
from brokerdesk.core.importing import ImportOptions, open_spreadsheet, preview, suggest_mapping
from brokerdesk.core.importing.kinds_places import IMPORTERS
from brokerdesk.core.services import Services
from brokerdesk.core.services.duplicates import find_duplicate_partners
from tests.builders.small_world import World


def _partners(s: Services) -> dict[str, int]:
    ids = {
        "northlight": s.partners.create({"name": "Northlight Reading Trust"}).id,
        "bright": s.partners.create(
            {"name": "Bright Futures Foundation", "website": "https://brightfutures.org.uk"}
        ).id,
        "cafe": s.partners.create({"name": "Café Stories & Songs"}).id,
        "words": s.partners.create({"name": "Wordsmiths Collective"}).id,
    }
    s.contacts.create(
        {"full_name": "Ola Ade", "email": "ola@wordsmiths.org", "partner_id": ids["words"]}
    )
    return ids


def test_an_import_finds_the_partner_however_its_name_is_written(
    db: Database, world: World, tmp_path: Path
) -> None:
    ids = _partners(Services(db))
    path = tmp_path / "partners.csv"
    rows = [
        ["Organisation", "Website"],
        ["Northlight Reading Trust Ltd", ""],
        ["The Bright Futures Foundation", "http://www.brightfutures.org.uk/about"],
        ["Cafe Stories and Songs", ""],
        ["Northlight Readers", ""],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    source = open_spreadsheet(path)
    mapping = suggest_mapping(IMPORTERS["partners"].targets, source.sheet().headers)
    plans = preview(db, source, "partners", mapping, ImportOptions()).plans
    found = {p.row: (p.action, p.record_id) for p in plans}
    assert found[2] == ("skip", ids["northlight"])
    assert found[3] == ("skip", ids["bright"])
    assert found[4] == ("skip", ids["cafe"])
    assert found[5] == ("create", None)  # another name, not a spelling of one held
    assert "but for 'The', 'Ltd' or '&'" in plans[0].warnings[0]


def test_find_duplicates_pairs_ltd_the_and_shared_mail_domains(db: Database, world: World) -> None:
    s = Services(db)
    ids = _partners(s)
    ltd = s.partners.create({"name": "NORTHLIGHT READING TRUST LIMITED"}).id
    other = s.partners.create({"name": "WS Collective"}).id
    s.contacts.create({"full_name": "Bo Li", "email": "bo@Wordsmiths.org", "partner_id": other})
    s.contacts.create({"full_name": "Jo Ng", "email": "jo@gmail.com", "partner_id": ltd})
    s.contacts.create({"full_name": "Al Bo", "email": "al@gmail.com", "partner_id": other})
    pairs = {(p.first_id, p.second_id): p.reason for p in find_duplicate_partners(db)}
    assert pairs[(ids["northlight"], ltd)] == "same name but for 'The', 'Ltd' or '&'"
    assert pairs[(ids["words"], other)] == "contacts' e-mail at the same domain"
    assert (ltd, other) not in pairs  # web mail says nothing about who someone works for
