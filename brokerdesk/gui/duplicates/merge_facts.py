"""What the merge view shows about a pair: both records' values as read, and what moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from brokerdesk.core.services.fields import Field

if TYPE_CHECKING:
    from brokerdesk.gui.context import AppContext

translate = QCoreApplication.translate  # lupdate reads translate("Duplicates", "…") calls

# ---------------------------------------------------------------------- what the merge view shows
LINK_TABLES = frozenset({"partner_tag", "partner_offer_area", "contact_tag"})


def amp(text: str) -> str:
    """User data on a button or radio: '&' is shown, never taken as a mnemonic."""
    return text.replace("&", "&&")


def quoted(text: str, limit: int = 60) -> str:
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _noun(table: str, count: int) -> str:
    nouns = {
        "contact": (translate("Duplicates", "contact"), translate("Duplicates", "contacts")),
        "interaction": (
            translate("Duplicates", "interaction"),
            translate("Duplicates", "interactions"),
        ),
        "agreement": (translate("Duplicates", "agreement"), translate("Duplicates", "agreements")),
        "programme_partner": (
            translate("Duplicates", "programme"),
            translate("Duplicates", "programmes"),
        ),
        "participation": (
            translate("Duplicates", "participation (as local contact)"),
            translate("Duplicates", "participations (as local contact)"),
        ),
        "partner_tag": (translate("Duplicates", "tag"), translate("Duplicates", "tags")),
        "partner_offer_area": (
            translate("Duplicates", "offer area"),
            translate("Duplicates", "offer areas"),
        ),
        "static_list_member": (
            translate("Duplicates", "list membership"),
            translate("Duplicates", "list memberships"),
        ),
        "custom_value": (
            translate("Duplicates", "link in your own fields"),
            translate("Duplicates", "links in your own fields"),
        ),
    }
    plain = table.replace("_", " ")
    one, many = nouns.get(table, (plain, plain + "s"))
    return f"{count:,} {one if count == 1 else many}"


def _listed(parts: list[str]) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return translate("Duplicates", "{0} and {1}").format(", ".join(parts[:-1]), parts[-1])


def moves_text(facts: MergeFacts, survivor_side: int) -> str:
    """What the merge does, in sentences: "3 contacts and 5 programmes move to “RNIB”."."""
    survivor, other = facts.label(survivor_side), facts.label(1 - survivor_side)
    order = ("contact", "programme_partner", "participation", "interaction", "agreement")
    rows = sorted(
        facts.moves[facts.ids[survivor_side]],
        key=lambda r: order.index(r[0]) if r[0] in order else len(order),
    )
    moved = [_noun(t, n) for t, n, _a in rows if n and t not in LINK_TABLES]
    added = [_noun(t, n) for t, n, _a in rows if n and t in LINK_TABLES]
    lines = [
        translate("Duplicates", "{0} move to {1}.").format(_listed(moved), quoted(survivor))
        if moved
        else translate("Duplicates", "No other records refer to {0}.").format(quoted(other))
    ]
    if added:
        lines.append(
            translate("Duplicates", "{0} also gets {1}.").format(quoted(survivor), _listed(added))
        )
    roles = sum(a for t, _n, a in rows if t == "programme_partner")
    if roles:
        lines.append(
            translate(
                "Duplicates",
                "In {0} {1} already has a role: it keeps its own role there.",
            ).format(_noun("programme_partner", roles), quoted(survivor))
        )
    lines.append(
        translate(
            "Duplicates", "Then {0} is deleted. Edit ▸ Undo (Ctrl+Z) takes the whole merge back."
        ).format(quoted(other))
    )
    return " ".join(lines)


@dataclass
class MergeFacts:
    """Both records of a pair as the merge view shows them, read in one session.

    Attributes:
        ids: the two records, older first (the default survivor).
        fields: the entity's editable fields, in form order.
        values: per record, field name -> stored value.
        shown: per record, field name -> the value as the user reads it.
        updated: per record, when it was last saved (for "keep the newer value").
        combined: extra rows both records contribute to (tags, offer areas): label -> text.
        moves: survivor id -> (table, rows that move, rows the survivor already has).
        own: the keys of the team's own fields among ``fields`` (their labels are the
            team's words, not translated).
    """

    entity: str
    ids: tuple[int, int]
    fields: tuple[Field, ...]
    values: tuple[dict[str, Any], dict[str, Any]]
    shown: tuple[dict[str, str], dict[str, str]]
    updated: tuple[dt.datetime | None, dt.datetime | None]
    combined: dict[str, str] = field(default_factory=dict)
    moves: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)
    own: frozenset[str] = frozenset()

    def label(self, side: int) -> str:
        name = "name" if self.entity == "partner" else "full_name"
        return str(self.values[side][name])


def _shown(f: Field, value: Any, names: Mapping[str, Mapping[int, str]]) -> str:
    from brokerdesk.gui.dialogs.conflict import plain

    if value is None or value == "":
        return translate("Duplicates", "(empty)")
    if f.choices and isinstance(value, str):
        return str(f.choices.get(value, value))
    if f.name in names and isinstance(value, int):
        return names[f.name].get(value, f"#{value}")
    return plain(value)


def load_merge_facts(ctx: AppContext, entity: str, first_id: int, second_id: int) -> MergeFacts:
    """Everything the merge view needs about a pair (raises NotFoundError if one has gone)."""
    from brokerdesk.core.services.merge_facts import merge_facts

    pair = merge_facts(ctx.db, entity, first_id, second_id)
    combined: dict[str, str] = {}
    if entity == "partner":
        combined[translate("Duplicates", "Tags")] = ", ".join(pair.tags)
        combined[translate("Duplicates", "Offer areas")] = ", ".join(pair.offer_areas)
    fixed = tuple(ctx.services.for_entity(entity).fields)
    own = tuple(Field(key, label, "longtext") for key, label in pair.own_fields)
    values = pair.values
    empty = translate("Duplicates", "(empty)")
    shown = (
        {f.name: _shown(f, values[0][f.name], pair.names) for f in fixed}
        | {k: text or empty for k, text in pair.own_shown[0].items()},
        {f.name: _shown(f, values[1][f.name], pair.names) for f in fixed}
        | {k: text or empty for k, text in pair.own_shown[1].items()},
    )
    return MergeFacts(
        entity,
        pair.ids,
        fixed + own,
        values,
        shown,
        pair.updated,
        combined,
        pair.moves,
        frozenset(f.name for f in own),
    )
