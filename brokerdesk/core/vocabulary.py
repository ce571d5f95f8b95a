"""The words the team uses for stored values: labels for statuses, stages, roles and kinds.

Stored values are stable identifiers (``signed_up``); what people read is the label
("Signed up"). The GUI passes labels through ``tr()`` where it shows them.
"""

from __future__ import annotations

from brokerdesk.core import models

NATIONS = models.NATIONS  # the four nations, in the order the team lists them

PARTNER_TYPE_LABELS = {
    "charity": "Charity",
    "public_body": "Public body",
    "company": "Company",
    "funder": "Funder",
    "other": "Other",
}
PARTNER_STATUS_LABELS = {
    "prospect": "Prospect",
    "active": "Active",
    "paused": "Paused",
    "ended": "Ended",
}
PROGRAMME_STATUS_LABELS = {
    "idea": "Idea",
    "negotiating": "Negotiating",
    "live": "Live",
    "completed": "Completed",
    "cancelled": "Cancelled",
}
PARTNER_ROLE_LABELS = {"lead": "Lead partner", "funder": "Funder", "delivery": "Delivery partner"}
STAGE_LABELS = {
    "invited": "Invited",
    "interested": "Interested",
    "signed_up": "Signed up",
    "active": "Active",
    "completed": "Completed",
    "withdrawn": "Withdrawn",
}
INTERACTION_KIND_LABELS = {
    "meeting": "Meeting",
    "call": "Call",
    "email": "Email",
    "event": "Event",
    "note": "Note",
}
AGREEMENT_KIND_LABELS = {
    "mou": "MoU",
    "data_sharing": "Data-sharing agreement",
    "contract": "Contract",
    "licence": "Licence",
    "letter_of_intent": "Letter of intent",
    "other": "Other",
}
AGREEMENT_STATUS_LABELS = {"draft": "Draft", "active": "Active", "ended": "Ended"}
# What lists and pages show: the stored statuses and the one worked out from the end date.
AGREEMENT_STATE_LABELS = {**AGREEMENT_STATUS_LABELS, "lapsed": "Lapsed"}

# The six areas the team works by, in the order they are always shown.
OFFER_AREAS: tuple[tuple[str, str, str], ...] = (
    ("culture_creativity", "Culture & Creativity", "offer"),
    ("information_digital", "Information & Digital", "offer"),
    ("health_wellbeing", "Health & Wellbeing", "offer"),
    ("reading", "Reading", "offer"),
    ("vision_print_impaired", "Vision and Print Impaired People's Promise", "promise"),
    ("childrens_promise", "Children's Promise", "promise"),
)

# Regions in the order reports list them: England's nine, then the other nations.
REGIONS: tuple[str, ...] = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Wales",
    "Scotland",
    "Northern Ireland",
)

assert set(PARTNER_TYPE_LABELS) == set(models.PARTNER_TYPES)
assert set(PARTNER_STATUS_LABELS) == set(models.PARTNER_STATUSES)
assert set(PROGRAMME_STATUS_LABELS) == set(models.PROGRAMME_STATUSES)
assert set(PARTNER_ROLE_LABELS) == set(models.PARTNER_ROLES)
assert set(STAGE_LABELS) == set(models.PARTICIPATION_STAGES)
assert set(INTERACTION_KIND_LABELS) == set(models.INTERACTION_KINDS)
assert set(AGREEMENT_KIND_LABELS) == set(models.AGREEMENT_KINDS)
assert set(AGREEMENT_STATUS_LABELS) == set(models.AGREEMENT_STATUSES)


def label(mapping: dict[str, str], value: str | None) -> str:
    """The label for a stored value; unknown values are shown as stored, never hidden."""
    if value is None:
        return ""
    return mapping.get(value, value)
