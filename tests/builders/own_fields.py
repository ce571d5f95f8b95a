"""One of the team's own fields of every type on partners, with values on some of them, and a
condition for each as a person would set it in the list's filter (the filter walks use it)."""

from __future__ import annotations

from typing import Any

from brokerdesk.core.services import Services
from brokerdesk.core.services.field_settings import FieldSpec

EVERY_TYPE: dict[str, FieldSpec] = {
    "text": FieldSpec("Charity number", "text"),
    "longtext": FieldSpec("Notes for board", "longtext"),
    "number": FieldSpec("Staff", "number"),
    "money": FieldSpec("Budget", "money"),
    "date": FieldSpec("Next review", "date"),
    "yesno": FieldSpec("Has DBS check", "yesno"),
    "choice": FieldSpec("Tier", "choice", choices=("Gold", "Silver", "Bronze")),
    "choices": FieldSpec("Audiences", "choices", choices=("Children", "Adults", "Carers")),
    "link": FieldSpec("Sister partner", "link", link_kind="partner"),
}
# What the boxes of each type's filter are given: (operator, first box, second box).
TYPED: dict[str, tuple[str, str, str]] = {
    "text": ("contains", "11", ""),
    "longtext": ("contains", "pilot", ""),
    "number": ("between", "10", "1,000"),
    "money": ("at_least", "£10,000", ""),
    "date": ("before", "1 Sep 2026", ""),
}


def condition(kind: str) -> dict[str, Any]:
    """:data:`TYPED` as a list state holds it before it is saved."""
    op, first, second = TYPED[kind]
    return {"op": op, "value": first, **({"to": second} if second else {})}


def _values(n: int, first: int) -> dict[str, Any]:
    """The n-th partner's values (some types left empty on some partners)."""
    return {
        "text": f"{11 if n % 2 else 22}{n:05}",
        "longtext": "Reading pilot for carers" if n % 3 == 0 else "Board update",
        "number": str(n * 7),
        "money": f"{n * 2_500:,}",
        "date": f"2026-{6 + n % 5:02}-{1 + n % 27:02}",
        "yesno": n % 4 != 1,
        "choice": ("Gold", "Silver", "Bronze")[n % 3],
        "choices": ["Children", "Carers"] if n % 2 else ["Adults"],
        "link": first if n else None,
    }


def add_every_type(services: Services, partners: list[int]) -> dict[str, str]:
    """The fields on partners (type -> key "cf_<id>"), values on all but every fifth of
    ``partners`` (so "empty" finds some too)."""
    keys = {
        kind: f"cf_{services.custom_fields.add('partner', spec).id}"
        for kind, spec in EVERY_TYPE.items()
    }
    for n, partner in enumerate(partners):
        if n % 5 == 4:
            continue
        values = {keys[kind]: value for kind, value in _values(n, partners[0]).items()}
        services.partners.update(partner, values)
    return keys
