"""Likely existing records while a new partner or contact is typed (``likely_existing``).

The corpus is how people really mistype an organisation the team already has: a dropped
letter, words run together or split, "The" and "Ltd", an ampersand, capitals, accents, the
website instead of the name; and people: the same address in other capitals, a name with a
typo at the same organisation. Organisations that merely share a word are not offered.
"""

from __future__ import annotations

import pytest

from brokerdesk.core.db import Database
from brokerdesk.core.services import Services
from brokerdesk.core.services.likely_existing import LikelyExisting

pytestmark = pytest.mark.both_backends

PARTNERS = {
    "Northlight Sightloss Trust": "https://www.northlight-sightloss.org.uk/",
    "The Reading Agency": "https://readingagency.org.uk",
    "Arts Council England": "https://www.artscouncil.org.uk",
    "BookTrust": "https://www.booktrust.org.uk",
    "Royal National Institute of Blind People": "https://www.rnib.org.uk",
    "Age UK": None,
    "Cymdeithas Llên Plant Cymru": None,
}


@pytest.fixture
def partners(db: Database) -> LikelyExisting:
    services = Services(db)
    for name, website in PARTNERS.items():
        services.partners.create({"name": name, "website": website})
    return LikelyExisting.load(db, "partner")


@pytest.mark.parametrize(
    ("typed", "website", "existing", "reason"),
    [
        ("Northlight Sight Loss Trst", "", "Northlight Sightloss Trust", "similar name"),
        ("northlight sightloss trust", "", "Northlight Sightloss Trust", "same name"),
        ("Reading Agency Ltd", "", "The Reading Agency", "'The', 'Ltd'"),
        ("The Reading Agency Limited", "", "The Reading Agency", "'The', 'Ltd'"),
        ("Book Trust", "", "BookTrust", "similar name"),
        ("Arts Counsil England", "", "Arts Council England", "similar name"),
        ("Royal National Inst", "", "Royal National Institute of Blind People", "starts with"),
        ("RNIB", "rnib.org.uk", "Royal National Institute of Blind People", "same website"),
        ("Cymdeithas Llen Plant Cymru", "", "Cymdeithas Llên Plant Cymru", "same name"),
        ("Cymdeithas Llyn Plant Cymru", "", "Cymdeithas Llên Plant Cymru", "similar name"),
        ("Age U.K.", "", "Age UK", "similar name"),
    ],
)
def test_a_mistyped_partner_is_offered_with_the_reason(
    partners: LikelyExisting, typed: str, website: str, existing: str, reason: str
) -> None:
    found = partners.partners(typed, website)
    assert found, f"nothing offered for {typed!r}"
    assert found[0].name == existing
    assert reason in found[0].reason


@pytest.mark.parametrize(
    "typed",
    ["Reading Rooms Trust", "Arts Council of Wales", "Northern Lights Theatre", "Age", "The", ""],
)
def test_a_different_organisation_is_not_offered(partners: LikelyExisting, typed: str) -> None:
    assert partners.partners(typed) == []


def test_contacts_by_address_or_a_close_name_at_the_same_place(db: Database) -> None:
    services = Services(db)
    trust = services.partners.create({"name": "BookTrust"}).id
    other = services.partners.create({"name": "Arts Council England"}).id
    services.contacts.create(
        {"full_name": "Siân Llŷr", "email": "sian.llyr@booktrust.org.uk", "partner_id": trust}
    )
    services.contacts.create({"full_name": "Zoë Ó Briain", "partner_id": other})
    likely = LikelyExisting.load(db, "contact")

    (same_mail,) = likely.contacts("S. Llyr", "Sian.Llyr@BookTrust.org.uk ")
    assert (same_mail.name, same_mail.reason) == ("Siân Llŷr", "same e-mail address")
    assert "BookTrust" in same_mail.detail
    (typo,) = likely.contacts("Sian Llyr", partner_id=trust)
    assert typo.reason == "similar name"
    assert likely.contacts("Zoe O Briain", partner_id=trust) == [], "another organisation"
    assert likely.contacts("Zoe O Briain")[0].name == "Zoë Ó Briain", "no organisation yet"
